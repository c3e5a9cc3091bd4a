r"""
A matrix moves the unit grid
============================

A 2-by-2 matrix is a map of the plane. Draw the square grid and the two unit
vectors :math:`\mathbf{e}_1, \mathbf{e}_2`, apply the map, and the unit vectors
land on the columns of the matrix while the grid stays a grid: straight,
parallel, evenly spaced lines through a fixed origin. A map that bends the
grid or moves the origin is not linear, and no matrix describes it.
Concept pages: :ref:`concept-matrix-of-a-map` and
:ref:`concept-linear-transformation`.
"""

# %%
# The map and its matrix
# ----------------------
# The map is written as a plain Python function; ``matrix_of`` feeds it the
# unit vectors and stacks the answers as columns.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import matrix_of


def f(x):
    """A linear map of the plane, written without any matrix."""
    return np.array([2.0 * x[0] - 1.0 * x[1], 1.0 * x[0] + 1.0 * x[1]])


A = matrix_of(f, 2)
e1, e2 = np.eye(2)

ticks = np.arange(-2, 3)
t = np.linspace(-2, 2, 41)
# Each grid line as an array of shape (2, 41): a row of points.
vertical_lines = [np.vstack([np.full_like(t, c), t]) for c in ticks]
horizontal_lines = [np.vstack([t, np.full_like(t, c)]) for c in ticks]


def draw_grid(ax, transform, title):
    """Draw the image of the grid, e1, e2 and a marked point under `transform`."""
    for line in vertical_lines + horizontal_lines:
        img = transform(line)
        ax.plot(img[0], img[1], color="0.75", linewidth=0.9)
    for vec, color, name, where in [
        (e1, "C0", r"\mathbf{e}_1", "left"),
        (e2, "C1", r"\mathbf{e}_2", "right"),
    ]:
        img = transform(vec[:, None])[:, 0]
        ax.annotate("", xy=img, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, linewidth=2.2))
        label = f"${name}$" if transform is identity else f"image of ${name}$"
        ax.annotate(
            label,
            xy=img,
            xytext=(6 if where == "left" else -6, 6),
            textcoords="offset points",
            ha=where,
            color=color,
            fontsize=11,
            bbox=dict(facecolor="white", edgecolor="none", alpha=0.8, pad=1),
        )
    ax.plot(0, 0, "ko", markersize=4)
    ax.set(aspect="equal", xlabel="$x_1$", ylabel="$x_2$", title=title)


def identity(points):
    return points


# %%
# What to look at
# ---------------
# On the right, the blue arrow ends at the first column of :math:`A`,
# :math:`(2, 1)`, and the orange arrow at the second column, :math:`(-1, 1)`.
# Every grid square becomes the same parallelogram, spanned by those two
# columns.
fig, axes = plt.subplots(1, 2, figsize=(9, 4.6), layout="constrained")
draw_grid(axes[0], identity, "before: the unit grid")
draw_grid(axes[1], lambda p: A @ p, "after: $A = [[2, -1], [1, 1]]$")
for ax in axes:
    ax.set(xlim=(-6.5, 6.5), ylim=(-4.5, 4.5))
plt.show()

# %%
# Three maps of the plane, and which are linear
# ---------------------------------------------
# A linear map keeps grid lines straight, parallel and evenly spaced and the
# origin where it is. A bending map breaks the first rule; a shift (adding a
# bias) breaks the last one.
maps = [
    (lambda p: A @ p, "linear: $A\\mathbf{x}$"),
    (lambda p: np.vstack([p[0] + 0.25 * p[1] ** 2, p[1] + 0.15 * p[0] ** 2]), "not linear: bends"),
    (lambda p: p + np.array([[1.5], [1.0]]), "not linear: shifts the origin"),
]
fig, axes = plt.subplots(1, 3, figsize=(11, 4), layout="constrained")
for ax, (g, title) in zip(axes, maps):
    for line in vertical_lines + horizontal_lines:
        img = g(line)
        ax.plot(img[0], img[1], color="0.6", linewidth=0.9)
    origin = g(np.zeros((2, 1)))[:, 0]
    ax.plot(origin[0], origin[1], "o", color="C3", markersize=7, label="image of the origin")
    ax.set(aspect="equal", xlabel="$x_1$", ylabel="$x_2$", title=title)
    ax.legend(loc="lower right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The images of the unit vectors are the columns, ``matrix_of`` recovers the
# matrix, grid lines stay straight and evenly spaced, and the two other maps
# fail the tests of linearity: a failure here fails the site build.
np.testing.assert_allclose(A, [[2.0, -1.0], [1.0, 1.0]])
np.testing.assert_allclose(f(e1), A[:, 0])
np.testing.assert_allclose(f(e2), A[:, 1])
np.testing.assert_allclose(matrix_of(lambda x: A @ x, 2), A)
for line in vertical_lines + horizontal_lines:
    steps = np.diff(A @ line, axis=1)  # equal steps along the line: straight, evenly spaced
    np.testing.assert_allclose(steps, steps[:, :1] * np.ones_like(steps))
bend, shift = maps[1][0], maps[2][0]
x, y = np.array([[1.0], [2.0]]), np.array([[-1.0], [0.5]])
assert not np.allclose(bend(x + y), bend(x) + bend(y))
assert not np.allclose(shift(np.zeros((2, 1))), 0.0)
np.testing.assert_allclose(shift(np.zeros((2, 1))).ravel(), [1.5, 1.0])  # where the red dot goes
