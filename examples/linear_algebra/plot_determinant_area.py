r"""
The determinant is the area factor
==================================

Send the unit square through three 2-by-2 maps. Each time it becomes a
parallelogram whose area is :math:`\lvert \det A \rvert`. A negative
determinant means the map also flips the plane over: going around the square
counter-clockwise, you go around its image clockwise. A zero determinant
squashes the square flat. Concept page: :ref:`concept-determinant`.
"""

# %%
# Three maps
# ----------
# One stretches, one flips, one collapses the plane onto a line.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import det

maps = {
    "stretch and shear": np.array([[2.0, 1.0], [0.5, 1.5]]),
    "with a flip": np.array([[1.0, 1.5], [1.0, 0.0]]),
    "collapse": np.array([[1.0, 2.0], [0.5, 1.0]]),
}
# Corners of the unit square, counter-clockwise: 0, e1, e1 + e2, e2.
square = np.array([[0.0, 1.0, 1.0, 0.0], [0.0, 0.0, 1.0, 1.0]])


def shoelace(corners):
    """Signed area of a polygon from its corners (positive when counter-clockwise)."""
    x, y = corners
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


# %%
# What to look at
# ---------------
# The gray square has area 1. Read each title: the area of the colored
# parallelogram is the absolute value of the determinant. Follow the blue
# (image of :math:`\mathbf{e}_1`) and orange (image of :math:`\mathbf{e}_2`)
# edges: in the middle panel orange is clockwise from blue, the flip.
fig, axes = plt.subplots(1, 3, figsize=(11, 4), layout="constrained", sharex=True, sharey=True)
for ax, (name, A) in zip(axes, maps.items()):
    image = A @ square
    ax.fill(square[0], square[1], color="0.85", label="unit square, area 1")
    ax.fill(image[0], image[1], color="C2", alpha=0.35, label="image")
    for j, color in enumerate(["C0", "C1"]):
        ax.annotate(
            "", xy=A[:, j], xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, linewidth=2.2)
        )
    ax.text(A[0, 0], A[1, 0] - 0.35, r"$A\mathbf{e}_1$", color="C0", fontsize=11)
    ax.text(A[0, 1] - 0.3, A[1, 1] + 0.15, r"$A\mathbf{e}_2$", color="C1", fontsize=11)
    ax.set_title(f"{name}: det $= {round(det(A), 2) + 0.0:.2f}$")  # + 0.0 avoids "-0.00"
    ax.set(aspect="equal", xlim=(-0.7, 3.7), ylim=(-0.7, 2.7), xlabel="$x_1$")
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
axes[0].set_ylabel("$x_2$")
axes[0].legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The area from the shoelace formula equals :math:`\lvert\det A\rvert`, its
# sign (the orientation) equals the sign of the determinant, and ``det``
# agrees with NumPy: a failure here fails the site build.
np.testing.assert_allclose(shoelace(square), 1.0)
for A in maps.values():
    signed_area = shoelace(A @ square)
    np.testing.assert_allclose(signed_area, det(A), atol=1e-12)
    np.testing.assert_allclose(abs(signed_area), abs(np.linalg.det(A)), atol=1e-12)
np.testing.assert_allclose(det(maps["stretch and shear"]), 2.5)
np.testing.assert_allclose(det(maps["with a flip"]), -1.5)
np.testing.assert_allclose(det(maps["collapse"]), 0.0, atol=1e-12)
