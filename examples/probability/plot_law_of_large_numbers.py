r"""
Running averages settle, at the rate one over root n
====================================================

The average of :math:`n` independent draws approaches the expected value.
For a fair die and for a skewed distribution (a rare large reward), the
running averages wander at first and then settle; their typical error
shrinks like :math:`\sigma / \sqrt{n}`, a line of slope :math:`-1/2` on log
axes. Concept page: :ref:`concept-law-of-large-numbers`.
"""

# %%
# Two distributions and many runs of draws
# ----------------------------------------
# The fair die has mean 3.5 and standard deviation 1.71. The skewed variable
# is a reward of 20 with probability 0.05 and 0 otherwise: mean 1, standard
# deviation 4.36, so a few lucky draws move its average a lot.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Categorical, expected_value, variance

rng = np.random.default_rng(7)
distributions = {
    "fair die": (np.arange(1.0, 7.0), np.full(6, 1 / 6)),
    "skewed: 20 w.p. 0.05": (np.array([0.0, 20.0]), np.array([0.95, 0.05])),
}
runs, n_max = 400, 4096
n = np.arange(1, n_max + 1)
results = {}
for name, (values, probs) in distributions.items():
    mu, sigma = expected_value(values, probs), np.sqrt(variance(values, probs))
    draws = values[Categorical(probs).sample(rng, size=(runs, n_max))]
    running = np.cumsum(draws, axis=1) / n  # the average of the first n draws, per run
    rms_error = np.sqrt(np.mean((running - mu) ** 2, axis=0))
    results[name] = mu, sigma, running, rms_error

# %%
# What to look at
# ---------------
# Left and middle: five runs of running averages inside the band
# :math:`\mu \pm 2\sigma/\sqrt{n}`; the skewed averages jump up at each rare
# reward and decay between them. Right: the root-mean-square error over 400
# runs against :math:`n`, on log axes; both follow their dashed lines
# :math:`\sigma/\sqrt{n}`, of slope :math:`-1/2`.
fig, axes = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
slopes = {}
for k, (ax, (name, (mu, sigma, running, rms_error))) in enumerate(zip(axes, results.items(), strict=False)):
    band = 2 * sigma / np.sqrt(n)
    ax.fill_between(
        n, mu - band, mu + band, color=f"C{k}", alpha=0.15, label="$\\mu \\pm 2\\sigma/\\sqrt{n}$"
    )
    ax.plot(n, running[:5].T, color=f"C{k}", linewidth=0.9)
    ax.axhline(mu, color="0.2", linestyle="--", linewidth=1, label=f"$\\mu = {mu:g}$")
    ax.set(
        xscale="log",
        xlabel="number of draws $n$",
        ylabel="running average",
        title=name,
        ylim=[(1, 6), (-0.2, 5)][k],  # the whole range of a die; the skewed average is never negative
    )
    ax.legend(loc="upper right", fontsize=8)
    axes[2].loglog(n, rms_error, color=f"C{k}", linewidth=2, label=f"{name}")
    axes[2].loglog(n, sigma / np.sqrt(n), "--", color="0.2", linewidth=1)
    fit = (n >= 16) & (n <= n_max)
    slopes[name] = np.polyfit(np.log(n[fit]), np.log(rms_error[fit]), 1)[0]
axes[2].set(
    xlabel="number of draws $n$",
    ylabel="RMS error of the average",
    title="error against $n$ (dashed: $\\sigma/\\sqrt{n}$)",
)
axes[2].legend(loc="lower left", fontsize=8)
plt.show()

# %%
# Check
# -----
# The means (3.5 and 1) and standard deviations (1.71 and 4.36) of the two
# distributions. The fitted slopes of the error on log axes are :math:`-1/2` within 0.03; the
# RMS error is within 10% of :math:`\sigma/\sqrt{n}` from :math:`n = 16` on;
# the skewed distribution's error is larger by the ratio of the standard
# deviations, :math:`4.36 / 1.71 \approx 2.55` (within 15%); and at
# :math:`n = 4096` at least 90% of the runs are inside the two-sigma band.
for name, (mu, sigma, running, rms_error) in results.items():
    assert abs(slopes[name] + 0.5) < 0.03, (name, slopes[name])
    np.testing.assert_allclose(rms_error[15:], sigma / np.sqrt(n[15:]), rtol=0.1)
    assert np.mean(np.abs(running[:, -1] - mu) <= 2 * sigma / np.sqrt(n_max)) >= 0.9
(mu_die, s_die, _, e_die), (mu_skew, s_skew, _, e_skew) = results.values()
np.testing.assert_allclose([mu_die, mu_skew], [3.5, 1.0], rtol=1e-12)
np.testing.assert_allclose([s_die, s_skew], [np.sqrt(35 / 12), np.sqrt(19.0)], rtol=1e-12)
assert [round(s_die, 2), round(s_skew, 2)] == [1.71, 4.36]
assert np.all(e_skew[15:] > 2 * e_die[15:])
np.testing.assert_allclose(e_skew[15:] / e_die[15:], s_skew / s_die, rtol=0.15)
assert round(s_skew / s_die, 2) == 2.55
