r"""
Noisy sensor readings and their Gaussian
========================================

A temperature sensor in a server room reads the true temperature plus a small
random error, 500 times. The readings scatter in a band around the truth; their
histogram has the bell shape of a Gaussian, and a Gaussian with the readings'
average as its center and their spread as its width fits it. Concept page:
:ref:`concept-gaussian`.
"""

# %%
# Readings and a fitted Gaussian
# ------------------------------
# True temperature 22.0 °C, noise with standard deviation 0.3 °C. The fit takes
# the average of the readings as :math:`\mu` and their standard deviation as
# :math:`\sigma`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Normal

rng = np.random.default_rng(22)
truth = Normal(22.0, 0.3)
readings = truth.sample(rng, size=500)
fit = Normal(readings.mean(), readings.std(ddof=1))
z = (readings - fit.mu) / fit.sigma
within = {k: np.mean(np.abs(z) <= k) for k in (1, 2, 3)}

# %%
# What to look at
# ---------------
# Left: the readings in the order they came, with the bands one and two fitted
# standard deviations around the fitted mean; about two thirds of the dots fall
# in the inner band, about 95% in the outer one. Right: the histogram of the
# same readings, the fitted bell (solid) and the true one (dashed), nearly on
# top of each other.
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained", width_ratios=[1.5, 1])
t = np.arange(readings.size)
ax0.axhspan(
    fit.mu - 2 * fit.sigma, fit.mu + 2 * fit.sigma, color="C0", alpha=0.12, label=r"$\mu \pm 2\sigma$"
)
ax0.axhspan(fit.mu - fit.sigma, fit.mu + fit.sigma, color="C0", alpha=0.25, label=r"$\mu \pm \sigma$")
ax0.plot(t, readings, ".", color="k", markersize=3)
ax0.axhline(fit.mu, color="C0", linewidth=1)
ax0.set(xlabel="reading number", ylabel="temperature (°C)")
ax0.set_title(f"{within[1]:.1%} within one $\\sigma$, {within[2]:.1%} within two", fontsize=11)
ax0.legend(loc="upper right", fontsize=9, ncol=2)

grid = np.linspace(20.8, 23.2, 400)
ax1.hist(readings, bins=30, density=True, color="C0", alpha=0.45, label="readings")
ax1.plot(
    grid,
    fit.pdf(grid),
    color="C0",
    linewidth=2,
    label=f"fit: $\\mu$ = {fit.mu:.3f}, $\\sigma$ = {fit.sigma:.3f}",
)
ax1.plot(grid, truth.pdf(grid), "--", color="k", linewidth=1.2, label="truth: $\\mu$ = 22, $\\sigma$ = 0.3")
ax1.set(xlabel="temperature (°C)", ylabel="density", ylim=(0, 1.9))
ax1.set_title("Histogram and Gaussian fit", fontsize=11)
ax1.legend(loc="upper left", fontsize=8)
plt.show()

# %%
# Center, width, and a parabola
# -----------------------------
# Left: :math:`\mu` moves the bell, :math:`\sigma` stretches it; a narrow bell
# is taller, since its area stays 1 (the peak is :math:`1/(\sigma\sqrt{2\pi})`).
# Right: the logarithm of each density is a downward parabola, narrow for small
# :math:`\sigma`. This is why a Gaussian noise model turns into a squared error.
bells = [(0.0, 1.0), (2.0, 0.5), (-1.0, 2.0)]
x = np.linspace(-6, 6, 1201)
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
for k, (mu, sigma) in enumerate(bells):
    bell = Normal(mu, sigma)
    label = f"$\\mu$ = {mu:g}, $\\sigma$ = {sigma:g}"
    ax0.plot(x, bell.pdf(x), color=f"C{k}", label=label)
    ax0.plot(mu, bell.pdf(mu), "o", color=f"C{k}", markersize=4)
    ax1.plot(x, bell.logpdf(x), color=f"C{k}", label=label)
ax0.set(xlabel="$x$", ylabel="density $f(x)$", title="Three Gaussians")
ax0.legend(loc="upper left", fontsize=9)
ax1.set(xlabel="$x$", ylabel=r"$\log f(x)$", ylim=(-20, 1), title="Their logarithms: parabolas")
plt.show()

# %%
# Check
# -----
# The fit lands within three standard errors of the truth (the values in the
# legend); the readings lie between about 21.1 and 22.8; the shares within
# one and two fitted sigmas match 68.3% and 95.4% within three binomial
# standard errors (the title's 66.0% and 96.6%, "about 95%" in the caption);
# the peaks are 1/(sigma sqrt(2 pi)), 0.40, 0.80 and 0.20, and the narrowest
# bell is the tallest; every log density is exactly a parabola with second derivative
# -1/sigma^2.
n = readings.size
assert abs(fit.mu - 22.0) < 3 * 0.3 / np.sqrt(n)
assert abs(fit.sigma - 0.3) < 3 * 0.3 / np.sqrt(2 * (n - 1))
for k, expected in [(1, 0.6827), (2, 0.9545), (3, 0.9973)]:
    assert abs(within[k] - expected) < 3 * np.sqrt(expected * (1 - expected) / n) + 1 / n
assert 0.6 < within[1] < 0.75 and 0.92 < within[2] < 0.98
assert [f"{100 * within[1]:.1f}", f"{100 * within[2]:.1f}"] == ["66.0", "96.6"]
assert abs(100 * within[2] - 95) < 2
assert [f"{fit.mu:.3f}", f"{fit.sigma:.3f}"] == ["22.011", "0.298"]
assert [round(readings.min(), 1), round(readings.max(), 1)] == [21.1, 22.8]
peaks = [Normal(mu, sigma).pdf(mu) for mu, sigma in bells]
np.testing.assert_allclose(peaks, [1 / (s * np.sqrt(2 * np.pi)) for _, s in bells])
assert np.argmax(peaks) == 1
assert [f"{peak:.2f}" for peak in peaks] == ["0.40", "0.80", "0.20"]
h = x[1] - x[0]
for mu, sigma in bells:  # each parabola tops out at its center
    assert abs(x[np.argmax(Normal(mu, sigma).logpdf(x))] - mu) < h
for mu, sigma in bells:
    second = np.diff(Normal(mu, sigma).logpdf(x), 2) / h**2
    np.testing.assert_allclose(second, -1 / sigma**2, rtol=1e-6)
