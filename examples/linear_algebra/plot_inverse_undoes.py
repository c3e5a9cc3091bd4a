r"""
The inverse undoes a map
========================

Send a shape through a matrix :math:`A` and then through its inverse
:math:`A^{-1}`: the shape comes back exactly where it started. A matrix with
determinant zero squashes the plane onto a line; different points land on the
same spot, so nothing can send them back, and the inverse does not exist.
Concept page: :ref:`concept-matrix-inverse`.
"""

# %%
# An invertible map and a singular one
# ------------------------------------
# The shape is a small house; its corners are the columns of a 2-by-k array.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import det, inverse

A = np.array([[2.0, 1.0], [1.0, 1.0]])  # det A = 1: invertible
S = np.array([[1.0, 1.0], [0.5, 0.5]])  # det S = 0: squashes the plane onto a line
A_inv = inverse(A)
house = np.array([[0.0, 1.0, 1.0, 0.5, 0.0, 0.0], [0.0, 0.0, 1.0, 1.6, 1.0, 0.0]])
corner_a, corner_b = house[:, 1], house[:, 4]  # (1, 0) and (0, 1)

# %%
# What to look at
# ---------------
# Left to right: the house, its image under :math:`A`, and the image of that
# under :math:`A^{-1}`, which lies on the original (dashed). In the last panel
# the singular :math:`S` flattens the house onto a line; the two marked
# corners land on the same point.
fig, axes = plt.subplots(1, 4, figsize=(12.5, 3.8), layout="constrained", sharex=True, sharey=True)
panels = [
    (house, "start", "C0"),
    (A @ house, "after $A$", "C1"),
    (A_inv @ (A @ house), "after $A$, then $A^{-1}$", "C2"),
]
for ax, (points, title, color) in zip(axes, panels):
    ax.fill(points[0], points[1], color=color, alpha=0.35)
    ax.plot(points[0], points[1], color=color, linewidth=2)
    ax.set_title(title)
axes[2].plot(house[0], house[1], "k--", linewidth=1.2, label="start")
axes[2].legend(loc="lower right", fontsize=9)
flat = S @ house
axes[3].plot(house[0], house[1], color="0.7", linewidth=1)
axes[3].plot(flat[0], flat[1], color="C3", linewidth=3)
for corner, marker in [(corner_a, "s"), (corner_b, "^")]:
    axes[3].plot(*corner, marker, color="0.3", markersize=7)
    axes[3].plot(*(S @ corner), marker, color="C3", markersize=9, alpha=0.6)
axes[3].set_title("singular $S$: det $= 0$")
for ax in axes:
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(aspect="equal", xlim=(-0.6, 4.2), ylim=(-0.6, 3.2), xlabel="$x_1$")
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# :math:`A^{-1}A = AA^{-1} = I`, the house comes back, ``inverse`` agrees with
# NumPy, the singular matrix has determinant zero, sends two different corners
# to one point, and has no inverse: a failure here fails the site build.
np.testing.assert_allclose(A_inv @ A, np.eye(2), atol=1e-12)
np.testing.assert_allclose(A @ A_inv, np.eye(2), atol=1e-12)
np.testing.assert_allclose(A_inv @ (A @ house), house, atol=1e-12)
np.testing.assert_allclose(A_inv, np.linalg.inv(A))
np.testing.assert_allclose(A_inv, [[1.0, -1.0], [-1.0, 2.0]], atol=1e-12)
np.testing.assert_allclose(det(A), 1.0)
np.testing.assert_allclose(det(S), 0.0, atol=1e-12)
np.testing.assert_allclose(S @ corner_a, S @ corner_b)
assert not np.allclose(corner_a, corner_b)
try:
    inverse(S)
except np.linalg.LinAlgError:
    pass
else:
    raise AssertionError("a singular matrix must have no inverse")
