r"""
Minibatch gradients: noise that shrinks like one over root B
============================================================

Stochastic gradient descent follows the gradient of the loss on a small
random batch of examples instead of the whole training set. The batch
gradient points the right way on average, with an error that shrinks like
:math:`1/\sqrt{B}` for a batch of :math:`B` examples; with a constant
learning rate, the iterates settle into a cloud around the minimum whose
size shrinks with the batch. Concept page:
:ref:`concept-stochastic-gradient-descent`.
"""

# %%
# A line fitted to a thousand noisy points
# ----------------------------------------
# The model :math:`\hat y = w x + b` has two parameters, so its loss can be
# drawn as contours in the :math:`(w, b)` plane. The per-example loss is
# :math:`\ell_i = \tfrac12 (w x_i + b - y_i)^2` and the training loss is their
# average; its minimum :math:`\theta^\star` is the least-squares line.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.optimize import SGD, minibatches

rng = np.random.default_rng(3)
n = 1000
x = rng.normal(1.0, 1.0, size=n)
y = 2.0 * x + 1.0 + rng.normal(0.0, 1.0, size=n)
X = np.column_stack([x, np.ones(n)])  # row i is (x_i, 1), so X @ theta = w x + b
theta_star = np.linalg.lstsq(X, y, rcond=None)[0]


def batch_gradient(theta, idx):
    """The gradient of the average loss over the examples in ``idx``."""
    residual = X[idx] @ theta - y[idx]
    return X[idx].T @ residual / len(idx)


# %%
# The noise of a batch gradient at the minimum
# --------------------------------------------
# At :math:`\theta^\star` the full gradient is zero, so every batch gradient
# is pure noise. For each batch size, many batches from shuffled epochs give
# the root-mean-square size of that noise; the prediction is
# :math:`\sqrt{\operatorname{tr}\Sigma / B}\,\sqrt{(n - B)/(n - 1)}`, with
# :math:`\Sigma` the covariance of the per-example gradients (the second factor
# is the correction for drawing without replacement).
per_example = (X @ theta_star - y)[:, None] * X  # row i is the gradient of loss i
full = per_example.mean(axis=0)
Sigma = (per_example - full).T @ (per_example - full) / n
batch_sizes = 2 ** np.arange(9)  # 1, 2, 4, ..., 256
measured, predicted = [], []
for B in batch_sizes:
    errors = []
    while len(errors) < 2000:
        errors += [
            batch_gradient(theta_star, idx) - full for idx in minibatches(n, int(B), rng) if len(idx) == B
        ]
    measured.append(np.sqrt(np.mean(np.sum(np.array(errors) ** 2, axis=1))))
    predicted.append(np.sqrt(np.trace(Sigma) / B * (n - B) / (n - 1)))
measured, predicted = np.array(measured), np.array(predicted)
small = batch_sizes <= 32  # where (n - B)/(n - 1) is close to 1
slope = np.polyfit(np.log(batch_sizes[small]), np.log(measured[small]), 1)[0]

# %%
# SGD paths for three batch sizes
# -------------------------------
# The same learning rate and number of steps, from the same start. Look at
# the cloud each path ends in: the smaller the batch, the wider it wanders
# around the minimum.
learning_rate, num_steps, start = 0.05, 300, np.array([0.8, -0.5])
paths = {}
for B in (1, 10, 100):
    theta = start.copy()
    opt = SGD(learning_rate=learning_rate)
    path = [theta.copy()]
    while len(path) <= num_steps:
        for idx in minibatches(n, B, rng):
            opt.step([theta], [batch_gradient(theta, idx)])
            path.append(theta.copy())
            if len(path) > num_steps:
                break
    paths[B] = np.array(path)
spread = {B: np.sqrt(np.mean(np.sum((p[150:] - theta_star) ** 2, axis=1))) for B, p in paths.items()}

# %%
# What to look at
# ---------------
# Left: the three paths on the contours of the training loss; all head for the
# minimum (the cross), then wander around it, less for larger batches. Right:
# the size of the batch gradient's noise against the batch size on log axes,
# a line of slope :math:`-1/2` on top of the prediction.
fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), layout="constrained")
ax = axes[0]
W, Bgrid = np.meshgrid(np.linspace(0.6, 2.8, 200), np.linspace(-0.8, 1.8, 200))
# The mean of (w x + b - y)^2 expanded, so that the grid needs only the data's averages.
m = {k: np.mean(v) for k, v in {"xx": x * x, "x": x, "xy": x * y, "y": y, "yy": y * y}.items()}
risk = 0.5 * (
    W**2 * m["xx"] + 2 * W * Bgrid * m["x"] + Bgrid**2 - 2 * W * m["xy"] - 2 * Bgrid * m["y"] + m["yy"]
)
ax.contour(
    W, Bgrid, risk, levels=np.geomspace(risk.min() * 1.02, risk.max(), 12), colors="0.75", linewidths=0.8
)
for (B, path), color in zip(paths.items(), ["C3", "C1", "C0"], strict=True):
    ax.plot(path[:, 0], path[:, 1], color=color, linewidth=0.9, label=f"batch size $B = {B}$")
ax.plot(*theta_star, "x", color="k", markersize=10, markeredgewidth=2, label=r"minimum $\theta^\star$")
ax.plot(*start, "o", color="k", markersize=5, label="start")
ax.set(
    xlabel="slope $w$", ylabel="intercept $b$", title=f"SGD, learning rate {learning_rate}, {num_steps} steps"
)
ax.legend(loc="lower right", fontsize=8)
ax = axes[1]
ax.loglog(batch_sizes, measured, "o", color="C0", label="measured over 2000 batches")
ax.loglog(
    batch_sizes, predicted, "--", color="0.3", label=r"$\sqrt{\mathrm{tr}\,\Sigma / B}\ \sqrt{(n-B)/(n-1)}$"
)
ax.set(
    xlabel="batch size $B$",
    ylabel="RMS error of the batch gradient",
    title="gradient noise against batch size",
)
ax.legend(loc="lower left", fontsize=8)
plt.show()

# %%
# Check
# -----
# The measured noise follows the prediction within 5%; its slope on log axes
# (batches up to 32) is :math:`-1/2` within 0.02; at :math:`B = 1` it is about
# 1.68; and the spread of the last 150 iterates around the minimum shrinks
# with the batch size, by more than a factor of 2 for each tenfold batch.
assert batch_sizes[0] == 1 and batch_sizes[-1] == 256
np.testing.assert_allclose(measured, predicted, rtol=0.05)
assert abs(slope + 0.5) < 0.02, slope
assert round(measured[0], 2) == 1.68, measured[0]
assert spread[1] > 2 * spread[10] > 4 * spread[100], spread
np.testing.assert_allclose(theta_star, [2.0, 1.0], atol=0.1)  # the line the data were drawn from
