r"""
The 1/n variance estimator is biased low
========================================

Draw many samples of size :math:`n` from one normal distribution and compute
two estimates of its variance from each: the sum of squared deviations over
:math:`n` and over :math:`n - 1`. Each estimate is a random number with its own
distribution. Over many samples the first averages :math:`\sigma^2 (n-1)/n`,
below the truth, and the second averages :math:`\sigma^2`. Concept page:
:ref:`concept-estimator`.
"""

# %%
# Many samples of five
# --------------------
# The population is :math:`\mathcal{N}(10, 2^2)`, so the variance to estimate
# is :math:`\sigma^2 = 4`. Each column of ``draws`` is one sample of
# :math:`n = 5` values; :func:`~mlmath_ref.stats.sample_variance` treats rows
# as observations, so one call gives one estimate per column.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Normal
from mlmath_ref.stats import mean, sample_variance

rng = np.random.default_rng(5)
population = Normal(10.0, 2.0)
sigma2 = 4.0
n, num_samples = 5, 20_000
draws = population.sample(rng, size=(n, num_samples))
over_n = sample_variance(draws, ddof=0)  # divide by n
over_n_minus_1 = sample_variance(draws, ddof=1)  # divide by n - 1
print(f"average of the 1/n estimates:     {mean(over_n):.3f}")
print(f"average of the 1/(n-1) estimates: {mean(over_n_minus_1):.3f}")

# %%
# The same for growing sample sizes
# ---------------------------------
# For each :math:`n`, 2,000 new samples; we keep the average of each estimator
# and its standard deviation across samples.
sizes = np.array([2, 3, 4, 5, 7, 10, 15, 20, 30, 50])
num_repeats = 2_000
averages, spreads = {0: [], 1: []}, {0: [], 1: []}
for size in sizes:
    sample_block = population.sample(rng, size=(size, num_repeats))
    for ddof in (0, 1):
        estimates = sample_variance(sample_block, ddof=ddof)
        averages[ddof].append(mean(estimates))
        spreads[ddof].append(np.sqrt(sample_variance(estimates)))
averages = {k: np.array(v) for k, v in averages.items()}
spreads = {k: np.array(v) for k, v in spreads.items()}

# %%
# What to look at
# ---------------
# Left: the two histograms of 20,000 estimates from samples of five. The
# orange one is the blue one stretched by :math:`5/4`; its average (dashed
# orange) sits on the true variance, the blue average (dashed blue) a fifth
# below it. Right: the average of each estimator against :math:`n`, in a band
# of one standard deviation. The gap to 4 closes like :math:`4/n`, and the
# bands narrow: both estimators home in on 4 as samples grow.
fig, (ax_hist, ax_n) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
bins = np.linspace(0, 16, 65)
ax_hist.hist(over_n, bins=bins, alpha=0.55, color="C0", label="divide by $n$")
ax_hist.hist(over_n_minus_1, bins=bins, alpha=0.55, color="C1", label="divide by $n - 1$")
ax_hist.axvline(mean(over_n), color="C0", linestyle="--", linewidth=2, label=f"average {mean(over_n):.2f}")
ax_hist.axvline(
    mean(over_n_minus_1), color="C1", linestyle="--", linewidth=2, label=f"average {mean(over_n_minus_1):.2f}"
)
ax_hist.axvline(sigma2, color="0.2", linewidth=1, label="true $\\sigma^2 = 4$")
ax_hist.set(xlabel="estimate of $\\sigma^2$", ylabel="number of samples", title="20,000 samples of $n = 5$")
ax_hist.legend(fontsize=8)

for ddof, color, marker, label in ((0, "C0", "o", "divide by $n$"), (1, "C1", "s", "divide by $n - 1$")):
    ax_n.fill_between(
        sizes, averages[ddof] - spreads[ddof], averages[ddof] + spreads[ddof], color=color, alpha=0.15
    )
    ax_n.plot(sizes, averages[ddof], marker=marker, color=color, label=label)
grid = np.linspace(2, 50, 200)
ax_n.plot(grid, sigma2 * (grid - 1) / grid, ":", color="C0", label="$\\sigma^2 (n - 1)/n$")
ax_n.axhline(sigma2, color="0.2", linewidth=1, label="true $\\sigma^2 = 4$")
ax_n.set(
    xscale="log",
    xlabel="sample size $n$",
    ylabel="average estimate (band: $\\pm$ one std)",
    title="the bias shrinks like $1/n$",
    ylim=(0, 10),
)
ax_n.set_xticks([2, 5, 10, 20, 50], labels=["2", "5", "10", "20", "50"])
ax_n.minorticks_off()
ax_n.legend(fontsize=8, loc="upper right")
plt.show()

# %%
# Check
# -----
# Every 1/(n-1) estimate is the 1/n estimate times :math:`n/(n-1)`; the
# averages over 20,000 samples of five are 3.2 and 4.0, each within three
# standard errors of :math:`\sigma^2 (n-1)/n = 3.2` and :math:`\sigma^2 = 4`.
# For every :math:`n`, the same holds of the averages over 2,000 samples; the
# spreads shrink from :math:`n = 2` to :math:`n = 50`. The biased estimator
# has the smaller mean squared error, as the formulas for normal data say:
# :math:`(2n - 1)\sigma^4/n^2 = 5.76` against :math:`2\sigma^4/(n-1) = 8`.
np.testing.assert_allclose(over_n_minus_1, over_n * n / (n - 1), rtol=1e-12)
standard_error = np.sqrt(sample_variance(over_n_minus_1) / num_samples)
assert abs(mean(over_n) - sigma2 * (n - 1) / n) < 3 * standard_error * (n - 1) / n
assert abs(mean(over_n_minus_1) - sigma2) < 3 * standard_error
assert round(mean(over_n), 1) == 3.2 and round(mean(over_n_minus_1), 1) == 4.0
for ddof, target in ((0, sigma2 * (sizes - 1) / sizes), (1, np.full(sizes.size, sigma2))):
    assert np.all(np.abs(averages[ddof] - target) < 3 * spreads[ddof] / np.sqrt(num_repeats))
    assert spreads[ddof][-1] < spreads[ddof][0] / 3
assert np.all(averages[0] < averages[1])
mse_over_n, mse_over_n_minus_1 = mean((over_n - sigma2) ** 2), mean((over_n_minus_1 - sigma2) ** 2)
assert mse_over_n < mse_over_n_minus_1
np.testing.assert_allclose([mse_over_n, mse_over_n_minus_1], [5.76, 8.0], rtol=0.05)
