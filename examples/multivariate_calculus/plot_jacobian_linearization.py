r"""
The Jacobian is the best linear approximation
=============================================

A nonlinear map of the plane bends a small grid; near a point the Jacobian
matrix predicts the bent grid with straight lines, and the error shrinks like
the square of the grid's size. Concept page: :ref:`concept-jacobian`.
"""

# %%
# A nonlinear map and its Jacobian at a point
# -------------------------------------------
# :math:`f(x_1, x_2) = (x_1 + 0.5 \sin x_2,\; x_2 + 0.5 x_1^2)`, a smooth
# "layer" from :math:`\mathbb{R}^2` to :math:`\mathbb{R}^2`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import jacobian


def f(x):
    return np.array([x[0] + 0.5 * np.sin(x[1]), x[1] + 0.5 * x[0] ** 2])


p = np.array([1.0, 0.5])
J = jacobian(f, p)


def grid_lines(center, size, n=7):
    s = np.linspace(-size, size, n)
    lines = [np.column_stack([np.full_like(s, c), s]) for c in s]
    lines += [np.column_stack([s, np.full_like(s, c)]) for c in s]
    return [center + line for line in lines]


# %%
# What to look at
# ---------------
# Left: a square grid around the point. Middle: its image under :math:`f`
# (blue, slightly curved) and under the linear approximation
# :math:`f(\mathbf{p}) + J\,\mathbf{d}` (orange dashes, straight). Right: the
# largest gap between the two, for grids of shrinking size, on log-log axes: a
# line of slope 2, the signature of a second-order error.
fig, (ax0, ax1, ax2) = plt.subplots(1, 3, figsize=(13, 4.3), layout="constrained")
for line in grid_lines(p, 0.4):
    ax0.plot(line[:, 0], line[:, 1], color="C0", linewidth=1)
    image = np.array([f(q) for q in line])
    linear = f(p) + (line - p) @ J.T
    ax1.plot(image[:, 0], image[:, 1], color="C0", linewidth=1.2)
    ax1.plot(linear[:, 0], linear[:, 1], "--", color="C1", linewidth=1.2)
for ax, title in [(ax0, "input grid around $\\mathbf{p}$"), (ax1, "image: $f$ (solid), linear (dashed)")]:
    ax.set(xlabel="first coordinate", ylabel="second coordinate", title=title, aspect="equal")
sizes = np.geomspace(1e-3, 0.5, 12)
errors = []
for size in sizes:
    points = np.concatenate(grid_lines(p, size))
    errors.append(max(np.linalg.norm(f(q) - f(p) - J @ (q - p)) for q in points))
errors = np.array(errors)
ax2.loglog(sizes, errors, "o-", label="largest error")
ax2.loglog(sizes, errors[-1] * (sizes / sizes[-1]) ** 2, ":", color="0.4", label="slope 2")
ax2.set(
    xlabel="half-width of the grid",
    ylabel=r"$\max\,\Vert f(\mathbf{p}+\mathbf{d}) - f(\mathbf{p}) - J\mathbf{d}\Vert$",
)
ax2.legend()
plt.show()

# %%
# Check
# -----
# The Jacobian matches the matrix of partial derivatives worked by hand, and
# the approximation error is second order: its log-log slope is 2.
np.testing.assert_allclose(J, [[1.0, 0.5 * np.cos(0.5)], [p[0], 1.0]], atol=1e-8)
slope = np.polyfit(np.log(sizes), np.log(errors), 1)[0]
assert abs(slope - 2.0) < 0.1, slope
# The middle panel: on the grid of half-width 0.4 the dashed prediction is at most 0.08 away
# from the true image, which is 1.6 tall.
drawn = np.concatenate(grid_lines(p, 0.4))
gap = max(np.linalg.norm(f(q) - f(p) - J @ (q - p)) for q in drawn)
assert round(gap, 2) == 0.08
np.testing.assert_allclose(np.ptp([f(q)[1] for q in drawn]), 1.6)
