r"""
Empirical risk on growing samples
=================================

The empirical risk of a model is its average loss on a sample; the risk is
its expected loss on the whole distribution. For a fixed model the first
settles on the second as the sample grows, as the law of large numbers says.
For a model fitted to the sample, the empirical risk is biased low: it
flatters the model. Concept page: :ref:`concept-empirical-risk`.
"""

# %%
# A distribution we know
# ----------------------
# Inputs :math:`x \sim \mathcal{N}(0, 1)` and targets :math:`y = 2x +
# \varepsilon` with noise :math:`\varepsilon \sim \mathcal{N}(0, 0.5^2)`. The
# model :math:`\hat{y} = w x` with squared loss has the risk
# :math:`R(w) = (2 - w)^2 + 0.25`, computed by hand on the page, so every
# empirical risk can be compared with the truth.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.stats import linear_regression, mean

rng = np.random.default_rng(13)
sigma = 0.5


def risk(w):
    return (2.0 - w) ** 2 + sigma**2


def sample(size):
    x = rng.normal(size=size)
    return x, 2.0 * x + rng.normal(scale=sigma, size=size)


# %%
# A fixed model, five samples
# ---------------------------
# For :math:`w = 1.5` the risk is 0.5. Five independent streams of data give
# five running averages of the loss: the empirical risk on the first
# :math:`n` examples. The per-example loss has standard deviation
# :math:`\sqrt{0.5}`, so the band :math:`0.5 \pm 2\sqrt{0.5/n}` is where the
# law of large numbers puts most of them.
w_fixed = 1.5
n_max = 4096
n = np.arange(1, n_max + 1)
streams = []
for _ in range(5):
    x, y = sample(n_max)
    streams.append(np.cumsum((y - w_fixed * x) ** 2) / n)
streams = np.array(streams)
loss_sd = np.sqrt(0.5)

# %%
# A fitted model, many samples of each size
# -----------------------------------------
# For each sample size, 20000 samples; on each one the weight that minimizes
# the empirical risk (least squares, :math:`w = \sum_i x_i y_i / \sum_i x_i^2`)
# and two numbers for it: its empirical risk on the sample it was fitted to,
# and its risk. The averages over the 20000 samples are drawn.
sizes = np.array([5, 10, 20, 50, 100, 200])
repeats = 20000
train_risk, true_risk, train_se, true_se = [], [], [], []
for size in sizes:
    x, y = sample((repeats, size))
    w_fit = np.sum(x * y, axis=1) / np.sum(x * x, axis=1)
    train = np.mean((y - w_fit[:, None] * x) ** 2, axis=1)
    true = risk(w_fit)
    train_risk.append(mean(train))
    true_risk.append(mean(true))
    train_se.append(train.std() / np.sqrt(repeats))
    true_se.append(true.std() / np.sqrt(repeats))
train_risk, true_risk = np.array(train_risk), np.array(true_risk)
train_se, true_se = np.array(train_se), np.array(true_se)

# %%
# What to look at
# ---------------
# Left: the five empirical risks of the fixed model wander at first and
# settle on its risk, 0.5, inside a band that narrows like :math:`1/\sqrt{n}`.
# Right: for the fitted model, the empirical risk on its own sample (orange)
# sits below 0.25, the smallest risk any :math:`w` can have, while its risk
# (blue) sits above it; the gap closes as the sample grows.
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11.5, 4.3), layout="constrained")
ax1.fill_between(
    n,
    0.5 - 2 * loss_sd / np.sqrt(n),
    0.5 + 2 * loss_sd / np.sqrt(n),
    color="C0",
    alpha=0.15,
    label="risk $\\pm$ 2 standard errors",
)
for k, stream in enumerate(streams):
    ax1.plot(
        n, stream, color="C0", linewidth=1, alpha=0.8, label="empirical risk, 5 samples" if k == 0 else None
    )
ax1.axhline(risk(w_fixed), color="k", linestyle="--", linewidth=1, label="risk $R(1.5) = 0.5$")
ax1.set(
    xscale="log",
    ylim=(0, 1.5),
    xlabel="sample size $n$",
    ylabel="average squared loss",
    title="A fixed model: $w = 1.5$",
)
ax1.legend(fontsize=9, loc="upper right")
ax2.plot(sizes, true_risk, "o-", color="C0", label="risk of the fitted $w$")
ax2.plot(sizes, train_risk, "s-", color="C1", label="empirical risk on its own sample")
ax2.axhline(risk(2.0), color="k", linestyle="--", linewidth=1, label="smallest risk, $R(2) = 0.25$")
ax2.set(
    xscale="log",
    ylim=(0.15, 0.35),
    xlabel="sample size $n$",
    ylabel="average squared loss",
    title="A model fitted to the sample",
)
ax2.legend(fontsize=9, loc="upper right")
plt.show()

# %%
# Check
# -----
# The risk of w = 1.5 is 0.5 and the smallest risk is 0.25. At n = 4096 all
# five empirical risks are within the band, and their spread is far smaller
# than at n = 16. For the fitted model, at every size the average empirical
# risk is below 0.25 and the average risk above it, by more than five
# standard errors; the gap shrinks with n. The averages also match the exact
# values for this model, 0.25 (1 - 1/n) and 0.25 (1 + 1/(n - 2)). The closed
# form of the fit is what least squares gives.
assert risk(w_fixed) == 0.5 and risk(2.0) == 0.25
last = streams[:, -1]
assert np.all(np.abs(last - 0.5) < 2 * loss_sd / np.sqrt(n_max))
assert np.ptp(streams[:, 15]) > 5 * np.ptp(last)
assert np.all(train_risk + 5 * train_se < 0.25) and np.all(true_risk - 5 * true_se > 0.25)
gap = true_risk - train_risk
assert np.all(np.diff(gap) < 0)
np.testing.assert_allclose(train_risk, sigma**2 * (1 - 1 / sizes), atol=5 * train_se.max())
assert np.all(np.abs(true_risk - sigma**2 * (1 + 1 / (sizes - 2))) < 5 * true_se)
assert round(float(true_risk[0]), 2) == 0.33  # the first blue point, at n = 5
x, y = sample(50)
w_ls, _ = linear_regression(x[:, None], y, fit_intercept=False)
np.testing.assert_allclose(w_ls[0], np.sum(x * y) / np.sum(x * x), rtol=1e-12)
