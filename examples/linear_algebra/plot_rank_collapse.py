r"""
A rank-1 map collapses the plane onto a line
============================================

A :math:`2 \times 2` matrix whose columns point the same way sends every point
of the plane onto one line: its image has dimension 1, its rank.
Concept page: :ref:`concept-rank`.
"""

# %%
# A grid of points and a rank-1 matrix
# ------------------------------------
# The second column of :math:`A` is twice the first, so both columns lie on
# the line through :math:`(1, 0.5)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import rank

A = np.array([[1.0, 2.0], [0.5, 1.0]])
g = np.linspace(-1, 1, 9)
points = np.array([[u, v] for u in g for v in g]).T  # shape (2, 81): one point per column
images = A @ points
null_direction = np.array([2.0, -1.0])  # A sends this whole line to 0

# %%
# What to look at
# ---------------
# Left: the input grid, colored by position. Right: every image lands on the
# dashed line spanned by the columns of :math:`A`; points along the gray line on
# the left (the direction :math:`(2, -1)`) all land on the origin.
color = points[0] + 2 * points[1]  # constant along the lines that collapse to one point
fig, (ax_in, ax_out) = plt.subplots(1, 2, figsize=(9, 4.9), layout="constrained")
ax_in.scatter(*points, c=color, cmap="viridis", s=25)
t = np.linspace(-0.5, 0.5, 2)
ax_in.plot(*np.outer(null_direction, t), color="0.4", linewidth=2, label="sent to $\\mathbf{0}$")
ax_in.set(title="input plane", xlabel="$x_1$", ylabel="$x_2$")
ax_in.legend(loc="upper right")
ax_out.plot(*np.outer([1.0, 0.5], np.array([-3.5, 3.5])), "--", color="0.6", label="image of $A$")
ax_out.scatter(*images, c=color, cmap="viridis", s=25)
ax_out.set(title="after $A$ (rank 1)", xlabel="$y_1$", ylabel="$y_2$")
ax_out.legend(loc="upper left")
for ax in (ax_in, ax_out):
    ax.set(xlim=(-3.5, 3.5), ylim=(-3.5, 3.5), aspect="equal")
    ax.axhline(0, color="0.85", linewidth=0.8)
    ax.axvline(0, color="0.85", linewidth=0.8)
plt.show()

# %%
# Check
# -----
# The rank is 1, every image is a multiple of :math:`(1, 0.5)` (zero 2-D cross
# product), points of the same color land on the same spot (the image is the
# color value times :math:`(1, 0.5)`), and the direction :math:`(2, -1)` goes
# to the origin.
assert rank(A) == 1
cross = images[0] * 0.5 - images[1] * 1.0
np.testing.assert_allclose(cross, 0.0, atol=1e-12)
np.testing.assert_allclose(A @ null_direction, [0.0, 0.0])
np.testing.assert_allclose(images, np.outer([1.0, 0.5], color))
