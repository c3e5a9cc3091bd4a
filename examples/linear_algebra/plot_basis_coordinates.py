r"""
One point, two bases, two sets of coordinates
=============================================

A basis is a choice of axes. The same point :math:`\mathbf{x} = (3, 3)` has
coordinates :math:`(3, 3)` on the usual square grid and :math:`(2, 1)` on the
skewed grid built from :math:`\mathbf{b}_1 = (2, 1)` and
:math:`\mathbf{b}_2 = (-1, 1)`. Concept page: :ref:`concept-basis-dimension`.
"""

# %%
# The point and the two bases
# ---------------------------
# The columns of ``B`` are the basis vectors; :func:`~mlmath_ref.linalg.coordinates`
# finds how many steps along each one reach :math:`\mathbf{x}`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import coordinates, linear_combination

x = np.array([3.0, 3.0])
E = np.eye(2)
B = np.array([[2.0, -1.0], [1.0, 1.0]])
c_standard = coordinates(x, E)
c_skewed = coordinates(x, B)

# %%
# What to look at
# ---------------
# The red point is in the same place in both panels. Count grid steps to reach
# it: three and three on the left; two along :math:`\mathbf{b}_1` and one along
# :math:`\mathbf{b}_2` on the right.
fig, axes = plt.subplots(1, 2, figsize=(9, 5.0), layout="constrained", sharey=True)
for ax, basis, c, title in [
    (axes[0], E, c_standard, "Standard basis: coordinates (3, 3)"),
    (axes[1], B, c_skewed, "Basis $\\mathbf{b}_1, \\mathbf{b}_2$: coordinates (2, 1)"),
]:
    b1, b2 = basis[:, 0], basis[:, 1]
    for k in range(-6, 7):
        for start, direction in [(k * b1, b2), (k * b2, b1)]:
            ends = np.array([start - 8 * direction, start + 8 * direction])
            ax.plot(ends[:, 0], ends[:, 1], color="0.82", lw=0.9, zorder=0)
    letter = "b" if basis is B else "e"
    walk = [np.zeros(2), c[0] * b1, c[0] * b1 + c[1] * b2]
    for i, color in enumerate(["C0", "C1"]):
        ax.annotate(
            "",
            xy=walk[i + 1],
            xytext=walk[i],
            arrowprops=dict(arrowstyle="-|>", color=color, lw=2.5, alpha=0.6, mutation_scale=18),
        )
        ax.text(
            *((walk[i] + walk[i + 1]) / 2 + [0.15, -0.35]),
            f"${c[i]:g}\\,\\mathbf{{{letter}}}_{i + 1}$",
            color=color,
            fontsize=12,
        )
    for vec, color in [(b1, "C0"), (b2, "C1")]:
        ax.annotate(
            "",
            xy=vec,
            xytext=(0, 0),
            arrowprops=dict(arrowstyle="-|>", color=color, lw=3, mutation_scale=18),
        )
    ax.text(*(b2 + [-0.45, 0.1]), f"$\\mathbf{{{letter}}}_2$", color="C1", fontsize=13)
    ax.text(*(b1 + [-0.2, 0.2]), f"$\\mathbf{{{letter}}}_1$", color="C0", fontsize=13)
    ax.plot(*linear_combination(c, basis), "o", color="C3", markersize=10, zorder=3)
    ax.text(*(x + [0.15, 0.2]), r"$\mathbf{x}$", color="C3", fontsize=14)
    ax.set(xlim=(-1.5, 4.5), ylim=(-1.5, 4.5), aspect="equal", xlabel="$x_1$", title=title)
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# The coordinates are those of the title, and walking them lands on the point.
np.testing.assert_allclose(c_standard, [3.0, 3.0])
np.testing.assert_allclose(c_skewed, [2.0, 1.0])
np.testing.assert_allclose(linear_combination(c_skewed, B), x)
