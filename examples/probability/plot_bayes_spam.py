r"""
A spam filter's Bayes update, and the base-rate trap
====================================================

An email contains the word "winner". That word appears in 60% of spam and in
2% of legitimate mail, a likelihood ratio of 30 in favor of spam. How likely
is the email to be spam? Bayes' theorem multiplies the prior by the
likelihood and rescales; the answer depends on the prior as much as on the
word. Concept page: :ref:`concept-bayes-theorem`.
"""

# %%
# Two inboxes, one word
# ---------------------
# The same evidence in an inbox where half the mail is spam and in one where
# 1% is (the rest was caught upstream).
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import bayes_posterior

likelihood = np.array([0.60, 0.02])  # P(word | spam), P(word | not spam)
priors = {"half the mail is spam": np.array([0.5, 0.5]), "1% of the mail is spam": np.array([0.01, 0.99])}
posteriors = {name: bayes_posterior(prior, likelihood) for name, prior in priors.items()}

# %%
# What to look at
# ---------------
# In each panel, four pairs of bars: the prior, the likelihood (which need not
# sum to 1), their product (the joint probability of the class and the word),
# and the posterior, which is the product rescaled to sum to 1. The likelihood
# is the same in both panels; the posterior is not. With a 1% prior, the spam
# bar of the product stays smaller than the legitimate one, so the posterior
# for spam stays under one half.
groups = [
    "prior\n$P(H)$",
    "likelihood\n$P(W \\mid H)$",
    "product\n$P(W \\mid H)\\,P(H)$",
    "posterior\n$P(H \\mid W)$",
]
x = np.arange(len(groups))
fig, axes = plt.subplots(1, 2, figsize=(11, 4.4), sharey=True, layout="constrained")
for ax, (name, prior) in zip(axes, priors.items(), strict=True):
    posterior = posteriors[name]
    heights = np.array([prior, likelihood, prior * likelihood, posterior])
    for k, (label, color) in enumerate([("spam", "#cb181d"), ("not spam", "#2171b5")]):
        bars = ax.bar(x + (k - 0.5) * 0.38, heights[:, k], 0.38, color=color, label=label)
        ax.bar_label(bars, fmt="%.3g", fontsize=8, padding=2)
    ax.set(xticks=x, ylim=(0, 1.12), title=f"{name}: $P(\\mathrm{{spam}} \\mid W) = {posterior[0]:.2f}$")
    ax.set_xticklabels(groups, fontsize=9)
axes[0].set_ylabel("probability")
axes[0].legend(loc="upper left", fontsize=9)
plt.show()

# %%
# The posterior against the prior
# -------------------------------
# The same word, for every share of spam from 1 in 10,000 to 9 in 10. The
# dotted line is "no evidence" (posterior equal to prior). The posterior passes
# one half where the prior odds are 1 to 30, at a prior of :math:`1/31 \approx 0.032`:
# below that, a 30-fold likelihood ratio is not enough to make spam the likelier class.
grid = np.logspace(-4, np.log10(0.9), 300)
curve = np.array([bayes_posterior([p, 1 - p], likelihood)[0] for p in grid])
crossing = 1 / (1 + likelihood[0] / likelihood[1])
fig, ax = plt.subplots(figsize=(6.5, 4.2), layout="constrained")
ax.plot(grid, curve, color="#cb181d", label="$P(\\mathrm{spam} \\mid W)$, after the word")
ax.plot(grid, grid, ":", color="0.4", label="prior (no evidence)")
ax.axhline(0.5, color="0.75", linewidth=0.8)
ax.axvline(crossing, color="0.75", linewidth=0.8)
ax.annotate(
    f"prior {crossing:.3f}", (crossing, 0.5), xytext=(crossing * 2.2, 0.3), arrowprops={"arrowstyle": "->"}
)
for name, prior in priors.items():
    ax.plot(prior[0], posteriors[name][0], "o", color="k", markersize=5)
ax.set(
    xscale="log",
    ylim=(0, 1.02),
    xlabel="prior share of spam $P(\\mathrm{spam})$",
    ylabel="probability of spam",
)
ax.set_title("The same word, different base rates", fontsize=11)
ax.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The word's rates (60% of spam, 2% of other mail), the posteriors in the
# titles (0.97 and 0.23), the numbers on the bars, the
# ordering of the product
# bars in the 1% inbox, the posterior above the prior everywhere (the word is
# evidence for spam), the range of priors (1 in 10,000 to 0.9), and the
# crossing of one half at a prior of 1/31.
assert [round(100 * v) for v in likelihood] == [60, 2]
balanced, rare = posteriors["half the mail is spam"], posteriors["1% of the mail is spam"]
assert f"{balanced[0]:.2f}" == "0.97" and f"{rare[0]:.2f}" == "0.23"
np.testing.assert_allclose(rare[0], 0.006 / (0.006 + 0.0198))
product = priors["1% of the mail is spam"] * likelihood
assert product[0] < product[1] and rare[0] < 0.5 < balanced[0]
assert np.all(curve > grid)
assert np.isclose(grid[0], 0.0001) and np.isclose(grid[-1], 0.9)
printed = {
    name: [f"{v:.3g}" for v in np.concatenate([p, p * likelihood, posteriors[name]])]
    for name, p in priors.items()
}
assert printed["half the mail is spam"] == ["0.5", "0.5", "0.3", "0.01", "0.968", "0.0323"]
assert printed["1% of the mail is spam"] == ["0.01", "0.99", "0.006", "0.0198", "0.233", "0.767"]
assert np.isclose(crossing, 1 / 31)
assert np.isclose(bayes_posterior([crossing, 1 - crossing], likelihood)[0], 0.5)
assert np.all(curve[grid < crossing] < 0.5) and np.all(curve[grid > crossing] > 0.5)
