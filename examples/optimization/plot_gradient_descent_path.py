r"""
Gradient descent fits a line to the iris flowers
================================================

A straight line predicts the petal width of an iris from its petal length. Its
loss, the mean squared error over the 150 flowers, is a function of the
line's two parameters, and gradient descent walks down it from the line that
predicts zero everywhere. Concept page: :ref:`concept-gradient-descent`.
"""

# %%
# The data, the model and its loss
# --------------------------------
# The model is :math:`\hat{y} = w\,(x - \bar{x}) + b`, with the petal length
# :math:`x` measured from its average :math:`\bar{x}` so that the slope and
# the intercept do not interfere. The loss and its gradient are written out by
# hand; :func:`mlmath_ref.optimize.gradient_descent` takes the gradient and
# returns the whole path.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.multivariate import gradient
from mlmath_ref.optimize import gradient_descent
from mlmath_ref.stats import linear_regression

iris = load_iris()
length, width = iris.data[:, 2], iris.data[:, 3]  # petal length and width, in cm
x = length - length.mean()
n = x.size


def loss(params):
    w, b = params
    return np.mean((w * x + b - width) ** 2)


def grad(params):
    w, b = params
    r = w * x + b - width  # the residuals, prediction minus target
    return np.array([2 * np.mean(r * x), 2 * np.mean(r)])


eta = 0.1
num_steps = 40
path = gradient_descent(grad, [0.0, 0.0], learning_rate=eta, num_steps=num_steps)
losses = np.array([loss(p) for p in path])

# %%
# The path, in the data and on the loss
# -------------------------------------
# Left: the flowers and the line after 0, 1, 3, 10 and 40 steps. Middle: the
# same steps as points in the plane of the parameters, on the contours of the
# loss; the arrows show the negative gradient on a grid of parameters, drawn at
# a common length: each is at right angles to the contour through its foot,
# and the path follows them. Right:
# the loss after each step, falling at every step towards its minimum.
w_grid, b_grid = np.meshgrid(np.linspace(-0.4, 1.0, 141), np.linspace(-0.3, 1.6, 191))
L_grid = np.mean((w_grid[..., None] * x + b_grid[..., None] - width) ** 2, axis=-1)
marked = [0, 1, 3, 10, 40]
grid_x = np.linspace(x.min(), x.max(), 2)

fig, axes = plt.subplots(1, 3, figsize=(13, 4.3), layout="constrained")
ax = axes[0]
ax.scatter(length, width, s=10, color="0.55", label="flowers")
for k, step in enumerate(marked):
    w, b = path[step]
    ax.plot(
        grid_x + length.mean(),
        w * grid_x + b,
        color=plt.cm.viridis(k / 4),
        label=f"after {step} step{'' if step == 1 else 's'}",
    )
ax.set(xlabel="petal length (cm)", ylabel="petal width (cm)", title="The line, step by step")
ax.legend(fontsize=8, loc="upper left")

ax = axes[1]
ax.contour(w_grid, b_grid, L_grid, levels=[0.05, 0.1, 0.2, 0.4, 0.8, 1.6], colors="0.7", linewidths=0.8)
field_w, field_b = np.meshgrid(np.linspace(-0.3, 0.9, 7), np.linspace(-0.2, 1.5, 10))
arrows = np.column_stack([field_w.ravel(), field_b.ravel()])
directions = np.array([-grad(p) for p in arrows])
directions /= np.linalg.norm(directions, axis=1, keepdims=True)
ax.quiver(
    arrows[:, 0], arrows[:, 1], directions[:, 0], directions[:, 1],
    angles="xy", scale_units="xy", scale=9, width=0.005, color="C1", alpha=0.8,
    label="negative gradient",
)  # fmt: skip
ax.plot(path[:, 0], path[:, 1], "o-", color="C0", markersize=3, linewidth=1, label="path")
ax.plot(*path[-1], "*", color="C3", markersize=12, label="after 40 steps")
ax.set(
    aspect="equal",
    xlabel="slope $w$ (cm per cm)",
    ylabel="intercept $b$ (cm)",
    title="The path on the loss",
)
ax.legend(fontsize=8, loc="lower right")

ax = axes[2]
ax.semilogy(losses, "o-", color="C0", markersize=3)
ax.axhline(losses.min(), color="C3", linestyle="--", linewidth=1, label="least squares")
ax.set(xlabel="step $k$", ylabel="loss $L(w_k, b_k)$ (cm$^2$)", title="Loss per step")
ax.legend(fontsize=9)
plt.show()

# %%
# Check
# -----
# The hand-written gradient agrees with finite differences; the loss falls at
# every step; after 40 steps the line is the least-squares line to three
# decimals; the first step's arrow is at right angles to its contour (the
# gradient is orthogonal to the contour: the loss does not change to first
# order along it); the starting loss and the minimum are the numbers of the
# page.
for p in path[[0, 5, 40]]:
    np.testing.assert_allclose(grad(p), gradient(loss, p), atol=1e-7)
assert np.all(np.diff(losses) < 0)
w_ls, b_ls = linear_regression(x[:, None], width)
np.testing.assert_allclose(path[-1], [w_ls[0], b_ls], atol=1e-3)
for p, d in zip(arrows, directions, strict=True):
    t = np.array([-d[1], d[0]])  # the direction at right angles to the arrow
    slope_along_t = (loss(p + 1e-6 * t) - loss(p - 1e-6 * t)) / 2e-6
    assert abs(slope_along_t) < 1e-6 * np.linalg.norm(grad(p))  # t runs along the contour
assert n == 150
assert round(float(losses[0]), 2) == 2.02
assert round(float(losses[-1]), 3) == 0.042
assert round(float(w_ls[0]), 3) == 0.416 and round(float(b_ls), 3) == 1.199
