r"""
Bias and variance of polynomial fits
====================================

Fit polynomials of growing degree to many training sets drawn the same way,
and look at the fits as random functions. A low degree misses the shape the
same way every time (bias); a high degree follows each set's noise (variance).
The expected squared error on new points is the sum of the two and the noise,
and it is smallest in between. Concept page: :ref:`concept-bias-variance`.
"""

# %%
# Training sets
# -------------
# Each training set has twelve inputs :math:`x` equally spaced on
# :math:`[-1, 1]` and targets :math:`y = f(x) + \varepsilon` with
# :math:`f(x) = \sin(\pi x) + 0.3x^2` and noise of standard deviation
# :math:`\sigma = 0.3`. Only the noise changes from one set to the next.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Normal
from mlmath_ref.stats import linear_regression

rng = np.random.default_rng(8)
sigma, n, num_sets = 0.3, 12, 400
x = np.linspace(-1.0, 1.0, n)
x_test = np.linspace(-1.0, 1.0, 401)  # where the fits are compared, spread evenly over the inputs


def f(t):
    return np.sin(np.pi * t) + 0.3 * t**2


def features(t, degree):
    """The columns t, t^2, ..., t^degree (the intercept is fitted separately)."""
    return t[:, None] ** np.arange(1, degree + 1)


Y = f(x)[:, None] + Normal(0.0, sigma).sample(rng, size=(n, num_sets))  # one training set per column

# %%
# Twenty fits for three degrees
# -----------------------------
# Each thin line is the least-squares polynomial of one training set, fitted
# by :func:`~mlmath_ref.stats.linear_regression`; the thick line is the
# average of all 400 fits, and the dotted line the truth :math:`f`. Degree 1
# is wrong in the same way every time: the average fit is far from the truth
# (bias) but the thin lines agree (little variance). Degree 9 is right on
# average but each fit swings with its own noise, most near the ends.
shown = {1: "degree 1: high bias", 3: "degree 3: balanced", 9: "degree 9: high variance"}
few_fits = {}
for degree in shown:
    curves = []
    for k in range(20):
        w, b = linear_regression(features(x, degree), Y[:, k])
        curves.append(features(x_test, degree) @ w + b)
    few_fits[degree] = np.array(curves)


def all_fits(degree):
    """Predictions at x_test of the least-squares polynomial of every training set: (num_sets, 401).

    One least-squares solve for all the columns of Y at once (numpy.linalg.lstsq takes many
    right-hand sides); the Check compares it with linear_regression.
    """
    design = np.c_[np.ones(n), features(x, degree)]
    coefficients = np.linalg.lstsq(design, Y, rcond=None)[0]
    return (np.c_[np.ones(x_test.size), features(x_test, degree)] @ coefficients).T


fig, axes = plt.subplots(1, 3, figsize=(12, 3.8), layout="constrained", sharey=True)
for ax, (degree, title) in zip(axes, shown.items(), strict=True):
    ax.plot(x_test, few_fits[degree].T, color="C0", linewidth=0.6, alpha=0.6)
    ax.plot(x_test, all_fits(degree).mean(axis=0), color="C3", linewidth=2.5, label="average fit")
    ax.plot(x_test, f(x_test), ":", color="k", linewidth=2, label="truth $f$")
    ax.set(xlabel="$x$", title=title, ylim=(-2.0, 2.5))
axes[0].set_ylabel("$y$")
axes[0].legend(fontsize=8, loc="upper left")
plt.show()

# %%
# The decomposition against the degree
# ------------------------------------
# For every degree from 1 to 11 (11 threads all twelve points), the squared
# bias (average fit against the truth), the variance (spread of the fits
# around their average) and the noise :math:`\sigma^2 = 0.09`, averaged over
# the inputs. Their sum is the expected squared error on a new point; the
# dots measure that error directly, on new noisy targets. The total is
# lowest at degree 3: to its left, bias dominates (underfitting); to its
# right, variance (overfitting).
degrees = np.arange(1, 12)
bias2, variance, measured = [], [], []
for degree in degrees:
    predictions = all_fits(degree)
    average = predictions.mean(axis=0)
    bias2.append(np.mean((average - f(x_test)) ** 2))
    variance.append(np.mean(predictions.var(axis=0)))
    new_targets = f(x_test) + Normal(0.0, sigma).sample(rng, size=(num_sets, x_test.size))
    measured.append(np.mean((predictions - new_targets) ** 2))
bias2, variance, measured = np.array(bias2), np.array(variance), np.array(measured)
total = bias2 + variance + sigma**2
best = degrees[np.argmin(total)]

fig, ax = plt.subplots(figsize=(7, 4.3), layout="constrained")
ax.semilogy(degrees, bias2, "o-", color="C0", label="bias$^2$")
ax.semilogy(degrees, variance, "s-", color="C1", label="variance")
ax.axhline(sigma**2, color="0.5", linestyle=":", label="noise $\\sigma^2$")
ax.semilogy(degrees, total, "-", color="C3", linewidth=2.5, label="sum")
ax.semilogy(
    degrees, measured, "o", color="k", markerfacecolor="none", markersize=9, label="measured test error"
)
ax.axvline(best, color="C3", linestyle="--", linewidth=1)
ax.annotate(f"lowest at degree {best}", (best, total.min()), textcoords="offset points", xytext=(8, -22))
ax.set(
    xlabel="polynomial degree",
    ylabel="expected squared error",
    title="underfitting (left) and overfitting (right)",
    xticks=degrees,
    ylim=(5e-5, 30),
)
ax.legend(fontsize=8, loc="upper center", ncols=3)
plt.show()

# %%
# Check
# -----
# The fast fits agree with :func:`~mlmath_ref.stats.linear_regression`; the
# squared bias falls from degree 1 to degree 3 and the variance grows with
# every degree; the sum is lowest at degree 3; it matches the measured test
# error within 5%; degree 1 has more bias than variance and degree 9 more
# variance than bias. The values the caption quotes: the noise 0.09, the
# squared bias 0.22 of degree 1 (0.006 at degree 3, 0.0001 at degree 5),
# the total 0.33 at degree 1, 0.12 at degree 3 and 3.3 at degree 11, and the
# range of the truth, from -0.9 to 1.1 with 0.3 at both ends.
for degree in shown:
    np.testing.assert_allclose(all_fits(degree)[:20], few_fits[degree], atol=1e-6)
assert bias2[0] > bias2[1] > bias2[2]
assert np.all(np.diff(variance) > 0)
assert best == 3
np.testing.assert_allclose(measured, total, rtol=0.05)
assert bias2[0] > variance[0] and variance[8] > bias2[8]
assert round(sigma**2, 2) == 0.09 and round(bias2[0], 2) == 0.22
assert round(total[2], 2) == 0.12 and round(total[-1], 1) == 3.3
assert degrees[-1] == 11 and round(total[0], 2) == 0.33
assert round(bias2[2], 3) == 0.006 and degrees[4] == 5 and round(bias2[4], 4) == 0.0001
assert round(f(x_test).min(), 1) == -0.9 and round(f(x_test).max(), 1) == 1.1  # the wave's range
np.testing.assert_allclose(f(np.array([-1.0, 1.0])), 0.3)
