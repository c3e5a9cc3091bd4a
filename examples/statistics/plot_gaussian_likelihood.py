r"""
The likelihood of a Gaussian and its peak
=========================================

Twenty sensor readings, and a normal distribution to describe them. Each
choice of the mean :math:`\mu` and the standard deviation :math:`\sigma` gives
the readings a log-likelihood; the surface of all those numbers has one peak,
at the sample mean and the root mean squared deviation, which
:func:`~mlmath_ref.stats.mle_normal` returns. Concept page:
:ref:`concept-maximum-likelihood`.
"""

# %%
# Readings and the fit
# --------------------
# The readings come from :math:`\mathcal{N}(20, 1.5^2)`; the fit sees only the
# 20 numbers.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Normal
from mlmath_ref.stats import mle_normal

rng = np.random.default_rng(3)
x = Normal(20.0, 1.5).sample(rng, size=20)
n = x.size
mu_hat, sigma_hat = mle_normal(x)
print(f"mu_hat = {mu_hat:.3f}, sigma_hat = {sigma_hat:.3f}")


def log_likelihood(mu, sigma):
    """The log-likelihood of the readings under N(mu, sigma^2); broadcasts over mu and sigma."""
    mu, sigma = np.asarray(mu, dtype=float), np.asarray(sigma, dtype=float)
    squares = np.sum((x[:, None, None] - mu[None]) ** 2, axis=0) if mu.ndim == 2 else np.sum((x - mu) ** 2)
    return -n * np.log(sigma) - n / 2 * np.log(2 * np.pi) - squares / (2 * sigma**2)


candidates = {
    "MLE": (mu_hat, sigma_hat),
    "mean moved by +1": (mu_hat + 1.0, sigma_hat),
    "twice as wide": (mu_hat, 2 * sigma_hat),
}
scores = {name: float(log_likelihood(m, s)) for name, (m, s) in candidates.items()}
for name, score in scores.items():
    print(f"{name:>18}: log-likelihood {score:.2f}")

# %%
# What to look at
# ---------------
# Left: the readings (ticks at the bottom) under three candidate densities.
# The log-likelihood sums the log of each curve's height at each reading; the
# maximum-likelihood curve scores highest. Moving the mean leaves readings on
# one side in thin tails; widening the curve lowers it everywhere. Right: the
# log-likelihood over :math:`(\mu, \sigma)`, with the three candidates. The
# contours close around one peak, the MLE; along :math:`\mu` they are
# symmetric, along :math:`\sigma` they fall steeply towards small
# :math:`\sigma` and slowly towards large.
mu_grid = np.linspace(mu_hat - 2.5, mu_hat + 2.5, 241)
sigma_grid = np.linspace(0.6, 4.0, 241)
M, S = np.meshgrid(mu_grid, sigma_grid)
surface = log_likelihood(M, S)
peak = np.unravel_index(np.argmax(surface), surface.shape)

fig, (ax_data, ax_surface) = plt.subplots(1, 2, figsize=(11, 4.3), layout="constrained")
t = np.linspace(mu_hat - 6, mu_hat + 6, 400)
for (name, (m, s)), style in zip(candidates.items(), ["-", "--", ":"], strict=True):
    ax_data.plot(t, Normal(m, s).pdf(t), style, linewidth=2, label=f"{name}: $\\ell$ = {scores[name]:.1f}")
ax_data.plot(x, np.zeros(n), "|", color="k", markersize=14, markeredgewidth=1.5, label="20 readings")
ax_data.set(
    xlabel="reading $x$", ylabel="density $f(x)$", title="three candidate Gaussians", ylim=(-0.01, 0.3)
)
ax_data.legend(fontsize=8, loc="upper left")

levels = scores["MLE"] - np.array([40, 20, 10, 5, 2, 0.5])  # increasing: 40 below the peak, then closer
contour = ax_surface.contour(M, S, surface, levels=levels, cmap="viridis")
ax_surface.clabel(contour, fmt="%.0f", fontsize=7)
for (name, (m, s)), marker in zip(candidates.items(), ["*", "o", "s"], strict=True):
    ax_surface.plot(m, s, marker, markersize=12 if marker == "*" else 7, color="C3" if name == "MLE" else "k")
    ax_surface.annotate(name, (m, s), textcoords="offset points", xytext=(8, 6), fontsize=8)
ax_surface.set(
    xlabel="mean $\\mu$",
    ylabel="standard deviation $\\sigma$",
    title="log-likelihood $\\ell(\\mu, \\sigma)$",
)
plt.show()

# %%
# Check
# -----
# The formula agrees with the sum of :meth:`Normal.logpdf
# <mlmath_ref.probability.Normal.logpdf>`; the grid's highest point is within
# one grid step of the MLE, whose partial derivatives vanish (finite
# differences); the MLE scores higher than the two other candidates; the mean
# is the sample mean and the variance the mean squared deviation (over
# :math:`n`, not :math:`n - 1`).
for m, s in candidates.values():
    np.testing.assert_allclose(log_likelihood(m, s), np.sum(Normal(m, s).logpdf(x)), rtol=1e-12)
assert abs(mu_grid[peak[1]] - mu_hat) <= mu_grid[1] - mu_grid[0]
assert abs(sigma_grid[peak[0]] - sigma_hat) <= sigma_grid[1] - sigma_grid[0]
h = 1e-5
d_mu = (log_likelihood(mu_hat + h, sigma_hat) - log_likelihood(mu_hat - h, sigma_hat)) / (2 * h)
d_sigma = (log_likelihood(mu_hat, sigma_hat + h) - log_likelihood(mu_hat, sigma_hat - h)) / (2 * h)
assert abs(d_mu) < 1e-6 and abs(d_sigma) < 1e-6
assert scores["MLE"] > max(scores["mean moved by +1"], scores["twice as wide"])
assert [round(v, 1) for v in scores.values()] == [-40.6, -43.6, -47.0]
assert round(mu_hat, 2) == 19.8 and round(sigma_hat, 2) == 1.84
assert np.mean((x > 18) & (x < 22)) >= 0.8  # most readings lie between 18 and 22
assert round(mu_grid[0], 1) == 17.3 and round(mu_grid[-1], 1) == 22.3
np.testing.assert_allclose(mu_hat, np.mean(x), rtol=1e-14)
np.testing.assert_allclose(sigma_hat**2, np.mean((x - np.mean(x)) ** 2), rtol=1e-12)
