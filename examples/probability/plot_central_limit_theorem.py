r"""
Standardized sums approach the Gaussian
=======================================

Add :math:`n` independent waiting times, which are far from Gaussian (never
negative, with a long right tail), subtract the mean :math:`n\mu` and divide
by :math:`\sigma\sqrt{n}`. The histogram of the result approaches the
standard normal density as :math:`n` grows, and the largest gap between the
two distribution functions shrinks like :math:`1/\sqrt{n}`. Concept page:
:ref:`concept-central-limit-theorem`.
"""

# %%
# Waiting times and their standardized sums
# -----------------------------------------
# The time until the next request reaches a server, in units of its average:
# an exponential variable with :math:`\mu = \sigma = 1`, drawn as
# :math:`-\log(1 - U)` for :math:`U` uniform (see :ref:`concept-change-of-variables`).
import math

import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Normal, Uniform

rng = np.random.default_rng(5)
standard = Normal(0.0, 1.0)
shown = [1, 2, 8, 32]
samples = 20_000
standardized = {}
for n in shown:
    waits = -np.log1p(-Uniform(0.0, 1.0).sample(rng, size=(samples, n)))
    standardized[n] = (waits.sum(axis=1) - n) / np.sqrt(n)


# The exact distribution function of a standardized sum: the sum of n such
# waiting times is below s with probability 1 - sum_{k<n} e^(-s) s^k / k!.
def sum_cdf(z, n):
    s = n + z * np.sqrt(n)
    out = np.zeros_like(s)
    pos = s > 0
    k = np.arange(n)[:, None]
    log_terms = k * np.log(s[pos]) - s[pos] - np.array([math.lgamma(j + 1) for j in range(n)])[:, None]
    out[pos] = 1 - np.exp(log_terms).sum(axis=0)
    return out


z = np.linspace(-6, 10, 8001)
all_n = 2 ** np.arange(9)  # 1, 2, 4, ..., 256
gap = np.array([np.max(np.abs(sum_cdf(z, n) - standard.cdf(z))) for n in all_n])
slope = np.polyfit(np.log(all_n[3:]), np.log(gap[3:]), 1)[0]

# %%
# What to look at
# ---------------
# Left: the histograms of 20,000 standardized sums each and the standard normal
# density (black). For one waiting time the histogram is a cliff at
# :math:`-1` with a long tail; by :math:`n = 32` it sits almost on the bell.
# Right: the largest gap between the distribution function of the standardized
# sum and the normal one, on log axes; it follows a line of slope
# :math:`-1/2`.
fig, axd = plt.subplot_mosaic(
    [["n1", "n2", "gap"], ["n8", "n32", "gap"]], figsize=(12, 6), layout="constrained"
)
grid = np.linspace(-4, 6, 400)
for n in shown:
    ax = axd[f"n{n}"]
    ax.hist(standardized[n], bins=np.linspace(-4, 6, 61), density=True, color="C0", alpha=0.6, label="sums")
    ax.plot(grid, standard.pdf(grid), color="k", linewidth=1.5, label="$N(0, 1)$ density")
    ax.set(title=f"$n = {n}$", xlabel="standardized sum", ylabel="density", xlim=(-4, 6), ylim=(0, 1.0))
axd["n1"].legend(loc="upper right", fontsize=9)
ax = axd["gap"]
ax.loglog(all_n, gap, "o-", color="C3", label="largest gap $\\max_z |F_n(z) - \\Phi(z)|$")
ax.loglog(all_n, gap[-1] * np.sqrt(all_n[-1] / all_n), "--", color="0.4", label="slope $-1/2$")
ax.set(xlabel="number of terms $n$", ylabel="largest gap", title="distance to the Gaussian")
ax.legend(loc="lower left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The standardized sums have mean 0 and standard deviation 1 (within sampling
# error); their sample skewness is close to its exact value
# :math:`2/\sqrt{n}`, which goes to 0; the largest difference between a
# histogram bar and the density shrinks with :math:`n`, to under 0.05 at
# :math:`n = 32`; the gap shrinks at every doubling of :math:`n`, from 0.16 at
# :math:`n = 1` to under 0.01 at :math:`n = 256`, with a fitted slope of
# :math:`-1/2` within 0.05; and the sampled sums agree with the exact
# distribution function.
for n in shown:
    x = standardized[n]
    assert abs(x.mean()) < 4 / np.sqrt(samples) and abs(x.std() - 1) < 0.05
    skew = np.mean(x**3)
    assert abs(skew - 2 / np.sqrt(n)) < 0.25 * 2 / np.sqrt(n) + 0.05, (n, skew)
    empirical = np.searchsorted(np.sort(x), z, side="right") / samples
    assert np.max(np.abs(empirical - sum_cdf(z, n))) < 0.02
bar_gaps = []
for n in shown:
    heights, edges = np.histogram(standardized[n], bins=np.linspace(-4, 6, 61), density=True)
    bar_gaps.append(np.max(np.abs(heights - standard.pdf((edges[:-1] + edges[1:]) / 2))))
assert np.all(np.diff(bar_gaps) < 0) and bar_gaps[-1] < 0.05, bar_gaps
assert all_n[0] == 1 and all_n[-1] == 256
assert np.all(np.diff(gap) < 0) and round(gap[0], 2) == 0.16 and gap[-1] < 0.01
assert abs(slope + 0.5) < 0.05, slope
