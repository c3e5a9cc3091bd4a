r"""
Areas change by the Jacobian determinant
========================================

A smooth map of the plane turns a small square into a small curved
parallelogram whose area is :math:`\lvert\det J\rvert` times the square's. This
factor is what a change of variables in an integral, and a normalizing flow,
has to pay. Concept page: :ref:`concept-multiple-integrals`.
"""

# %%
# A map and a grid of small squares
# ---------------------------------
# Polar coordinates: :math:`(r, \theta) \mapsto (r\cos\theta, r\sin\theta)`,
# whose Jacobian determinant is :math:`r`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import jacobian


def polar(p):
    r, theta = p
    return np.array([r * np.cos(theta), r * np.sin(theta)])


def square(corner, side, n=20):
    s = np.linspace(0, side, n)
    edges = [np.column_stack([s, 0 * s]), np.column_stack([0 * s + side, s])]
    edges += [np.column_stack([side - s, 0 * s + side]), np.column_stack([0 * s, side - s])]
    return corner + np.concatenate(edges)


def polygon_area(points):
    x, y = points[:, 0], points[:, 1]
    return 0.5 * abs(x @ np.roll(y, -1) - y @ np.roll(x, -1))


side = 0.25
corners = [np.array([r, t]) for r in (0.5, 1.0, 1.5, 2.0) for t in np.arange(0, np.pi / 2, 0.3)]

# %%
# What to look at
# ---------------
# Left, equal squares in the :math:`(r, \theta)` plane. Right, their images in
# the :math:`(x_1, x_2)` plane, each labeled with its area divided by the
# square's area: the ratio grows with the distance from the origin, equal to
# :math:`\lvert\det J\rvert = r` at the center of the square.
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.8), layout="constrained")
ratios, dets = [], []
for k, corner in enumerate(corners):
    sq = square(corner, side)
    image = np.array([polar(q) for q in sq])
    ratio = polygon_area(image) / side**2
    center = corner + side / 2
    ratios.append(ratio)
    dets.append(abs(np.linalg.det(jacobian(polar, center))))
    color = f"C{k % 4}"
    ax0.fill(sq[:, 0], sq[:, 1], color=color, alpha=0.5)
    ax1.fill(image[:, 0], image[:, 1], color=color, alpha=0.5)
    if k % 2 == 0:
        ax1.text(*polar(center), f"{ratio:.2f}", ha="center", va="center", fontsize=8)
ax0.set(xlabel="$r$", ylabel=r"$\theta$", title=r"squares in the $(r, \theta)$ plane", aspect="equal")
ax1.set(xlabel="$x_1$", ylabel="$x_2$", title="their images (area ratio)", aspect="equal")
plt.show()

# %%
# Check
# -----
# Area ratio and :math:`\lvert\det J\rvert` at the center agree to within the
# size of the square (exactly, for polar coordinates, up to the polygon
# approximation of the curved edges); and :math:`\lvert\det J\rvert = r`.
np.testing.assert_allclose(ratios, dets, rtol=2e-3)
np.testing.assert_allclose(dets, [c[0] + side / 2 for c in corners], rtol=1e-8)
# The labels the caption quotes: 0.62 on the inner ring, 2.12 on the outer one.
assert {f"{q:.2f}" for q, c in zip(ratios, corners, strict=True) if c[0] == 0.5} == {"0.62"}
assert {f"{q:.2f}" for q, c in zip(ratios, corners, strict=True) if c[0] == 2.0} == {"2.12"}
# 24 squares, in rings centered at r = 0.625 up to r = 2.125.
centers = sorted({float(c[0]) + side / 2 for c in corners})
assert len(corners) == 24 and (centers[0], centers[-1]) == (0.625, 2.125)
