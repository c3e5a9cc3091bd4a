r"""
A loss landscape over two parameters
====================================

Fitting a line :math:`\hat{y} = w x + b` to five points gives a loss
:math:`L(w, b)` that depends on two numbers, so it can be drawn as a surface
over the :math:`(w, b)` plane and as a map of contour lines. Concept page:
:ref:`concept-multivariable-function`.
"""

# %%
# The data and the loss
# ---------------------
# Five points and the mean squared error of the line with slope ``w`` and
# intercept ``b``; the loss is evaluated on a grid of parameter pairs.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import gradient

x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
y = np.array([1.1, 1.9, 3.2, 3.9, 5.1])


def loss(params):
    w, b = params
    return np.mean((w * x + b - y) ** 2)


w_grid, b_grid = np.meshgrid(np.linspace(-0.5, 2.5, 121), np.linspace(-2.0, 4.0, 121))
L = np.mean((w_grid[..., None] * x + b_grid[..., None] - y) ** 2, axis=-1)

# %%
# What to look at
# ---------------
# Left, the loss as a height above the parameter plane: a bowl. Right, the
# same bowl seen from above, one curve per loss level. The bottom of the bowl
# (the star) is the best line; the contours are long ellipses because slope
# and intercept trade off against each other.
i_min = np.unravel_index(np.argmin(L), L.shape)
levels = [0.1, 0.3, 1, 3, 10, 30]
fig = plt.figure(figsize=(10, 4.2), layout="constrained")
ax3d = fig.add_subplot(1, 2, 1, projection="3d")
ax3d.plot_surface(w_grid, b_grid, L, cmap="viridis", linewidth=0, alpha=0.9)
ax3d.set(xlabel="slope $w$", ylabel="intercept $b$", zlabel="loss $L(w, b)$", title="Surface")
ax3d.view_init(elev=30, azim=-60)
ax = fig.add_subplot(1, 2, 2)
cs = ax.contour(w_grid, b_grid, L, levels=levels, cmap="viridis")
ax.clabel(cs, fmt="%.2g", fontsize=8)
ax.plot(w_grid[i_min], b_grid[i_min], "*", color="C3", markersize=14, label="lowest grid point")
ax.set(xlabel="slope $w$", ylabel="intercept $b$", title="Contour lines (levels of $L$)")
ax.legend(loc="upper right")
plt.show()

# %%
# Check
# -----
# The lowest grid point is next to the least-squares solution, where the
# gradient of the loss vanishes.
X = np.column_stack([x, np.ones_like(x)])
w_star, b_star = np.linalg.lstsq(X, y, rcond=None)[0]
np.testing.assert_allclose([w_grid[i_min], b_grid[i_min]], [w_star, b_star], atol=0.05)
np.testing.assert_allclose(gradient(loss, np.array([w_star, b_star])), 0.0, atol=1e-8)
assert L[i_min] <= L.min() + 1e-12
np.testing.assert_allclose([w_star, b_star], [1, 1], atol=0.05)  # the star, near w = 1, b = 1
