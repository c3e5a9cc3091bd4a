r"""
The transpose moves a matrix across the dot product
===================================================

The transpose :math:`A^\top` flips a matrix over its diagonal: row :math:`i`
of :math:`A^\top` is column :math:`i` of :math:`A`. What makes it useful is
that it lets a matrix change sides in a dot product,
:math:`\langle A\mathbf{x}, \mathbf{y}\rangle = \langle \mathbf{x}, A^\top\mathbf{y}\rangle`,
which is exactly how a gradient flows backwards through a linear layer.
Concept page: :ref:`concept-transpose`.
"""

# %%
# A 3-by-2 matrix and its transpose
# ---------------------------------
# :math:`A` maps :math:`\mathbb{R}^2` to :math:`\mathbb{R}^3`; its transpose
# goes the other way, from :math:`\mathbb{R}^3` to :math:`\mathbb{R}^2`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import dot, transpose

A = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
At = transpose(A)

rng = np.random.default_rng(42)
xs = rng.normal(size=(200, 2))  # 200 random x in R^2
ys = rng.normal(size=(200, 3))  # 200 random y in R^3
left = np.array([dot(A @ x, y) for x, y in zip(xs, ys)])  # <A x, y>
right = np.array([dot(x, At @ y) for x, y in zip(xs, ys)])  # <x, A^T y>


def show_matrix(ax, M, title):
    """Draw a small matrix as colored cells with its entries written in."""
    ax.imshow(M, cmap="coolwarm", vmin=-3.5, vmax=3.5)
    for (i, j), value in np.ndenumerate(M):
        ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=13)
    ax.set_xticks(range(M.shape[1]), [f"col {j + 1}" for j in range(M.shape[1])])
    ax.set_yticks(range(M.shape[0]), [f"row {i + 1}" for i in range(M.shape[0])])
    ax.set_title(title)


# %%
# What to look at
# ---------------
# Left and middle: the same numbers, with the first column of :math:`A`
# (1, 0, 3) now the first row of :math:`A^\top`. Right: for 200 random pairs,
# the two dot products are plotted against each other and every point sits
# on the diagonal line, because they are equal.
fig, axes = plt.subplots(
    1, 3, figsize=(11, 3.8), layout="constrained", gridspec_kw={"width_ratios": [1, 1.3, 1.5]}
)
show_matrix(axes[0], A, "$A$: shape (3, 2)")
show_matrix(axes[1], At, "$A^\\top$: shape (2, 3)")
lim = np.abs(left).max() * 1.05
axes[2].plot([-lim, lim], [-lim, lim], color="0.6", linewidth=1, label="equal")
axes[2].plot(left, right, "o", color="C0", markersize=3, alpha=0.7, label="200 random pairs")
axes[2].set(
    aspect="equal",
    xlabel=r"$\langle A\mathbf{x}, \mathbf{y}\rangle$",
    ylabel=r"$\langle \mathbf{x}, A^\top\mathbf{y}\rangle$",
    title="moving $A$ across",
)
axes[2].legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# Entry :math:`(i, j)` of :math:`A^\top` is entry :math:`(j, i)` of :math:`A`,
# the two dot products agree for every pair, and the gradient of
# :math:`L = \langle A\mathbf{x}, \mathbf{g}\rangle` with respect to
# :math:`\mathbf{x}`, computed by finite differences, is :math:`A^\top\mathbf{g}`:
# a failure here fails the site build.
assert At.shape == (2, 3)
for (i, j), value in np.ndenumerate(At):
    assert value == A[j, i]
np.testing.assert_allclose(At, A.T)
np.testing.assert_allclose(left, right, atol=1e-12)
g, x0, h = ys[0], xs[0], 1e-6
numerical = np.array([(dot(A @ (x0 + h * e), g) - dot(A @ (x0 - h * e), g)) / (2 * h) for e in np.eye(2)])
np.testing.assert_allclose(numerical, At @ g, atol=1e-6)
