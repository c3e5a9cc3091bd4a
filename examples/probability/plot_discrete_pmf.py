r"""
Sample frequencies settle on the probability mass function
==========================================================

Three discrete distributions that machine learning meets every day: a
Bernoulli click, the binomial number of errors a classifier makes on 20 test
examples, and the categorical output of a five-class classifier. Draw from
each, count, and the shares of the draws settle on the bars of the pmf as the
number of draws grows. Concept page: :ref:`concept-discrete-distributions`.
"""

# %%
# Three distributions and their draws
# -----------------------------------
# 50 draws and 5,000 draws from each, all from one seeded generator.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Bernoulli, Binomial, Categorical

rng = np.random.default_rng(2024)
distributions = {
    "Bernoulli(0.3): a click": (Bernoulli(0.3), np.arange(2)),
    "Binomial(20, 0.1): errors on 20 examples": (Binomial(20, 0.1), np.arange(21)),
    "Categorical: a 5-class prediction": (Categorical([0.45, 0.25, 0.15, 0.1, 0.05]), np.arange(5)),
}
sizes = (50, 5000)
shares = {}
for name, (dist, support) in distributions.items():
    for n in sizes:
        draws = dist.sample(rng, size=n)
        shares[name, n] = np.array([np.mean(draws == k) for k in support])


def distance(name, n):
    # Total variation distance: half the summed gaps between shares and pmf.
    dist, support = distributions[name]
    return 0.5 * np.abs(shares[name, n] - dist.pmf(support)).sum()


# %%
# What to look at
# ---------------
# The bars are the pmf; the open circles are the shares of 50 draws, the dots
# the shares of 5,000. The dots sit on the bar tops, the circles scatter around
# them. (The binomial panel stops at 10 errors: more have probability below
# :math:`10^{-5}` together.) The titles give the total gap between shares and pmf (half the sum of
# the absolute differences) for both sample sizes.
fig, axes = plt.subplots(1, 3, figsize=(12, 3.9), layout="constrained", width_ratios=[0.6, 1.6, 1])
for ax, (name, (dist, support)) in zip(axes, distributions.items(), strict=True):
    ax.bar(support, dist.pmf(support), width=0.7, color="C0", alpha=0.5, label="pmf $P(X = k)$")
    ax.plot(support, shares[name, 50], "o", mfc="none", color="C1", label="share of 50 draws")
    ax.plot(support, shares[name, 5000], "o", color="k", markersize=4, label="share of 5,000 draws")
    ax.set(xticks=support[:11], xlim=(-0.6, min(support[-1], 10) + 0.6), xlabel="$k$")
    title = f"{name}\ngap {distance(name, 50):.3f} (50), {distance(name, 5000):.3f} (5,000)"
    ax.set_title(title, fontsize=10)
axes[0].set_ylabel("probability")
axes[1].legend(loc="upper right", fontsize=9)
plt.show()

# %%
# The cdf is a staircase
# ----------------------
# The cumulative distribution function :math:`F(x) = P(X \le x)` of the number
# of errors adds up the bars from the left: it is flat between integers and
# jumps at each :math:`k` by the height of the bar at :math:`k`. The dashed
# line reads off :math:`P(X \le 3)`, the probability of at most three errors.
errors = Binomial(20, 0.1)
k = np.arange(21)
x = np.linspace(-1, 12, 1301)
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained")
ax0.bar(k, errors.pmf(k), width=0.7, color="C0", alpha=0.6)
ax0.set(xlim=(-1, 12), xlabel="number of errors $k$", ylabel="$P(X = k)$", title="pmf")
ax1.plot(x, errors.cdf(x), color="C0", drawstyle="steps-post")
ax1.axhline(errors.cdf(3), xmax=(3 + 1) / 13, color="0.4", linestyle="--", linewidth=1)
ax1.plot(3, errors.cdf(3), "o", color="k", markersize=4)
ax1.annotate(
    f"$F(3) = P(X \\leq 3) = {errors.cdf(3):.3f}$",
    (3, errors.cdf(3)),
    xytext=(4.5, 0.6),
    arrowprops={"arrowstyle": "->"},
)
ax1.set(xlim=(-1, 12), ylim=(0, 1.05), xlabel="$x$", ylabel=r"$F(x) = P(X \leq x)$", title="cdf")
plt.show()

# %%
# Check
# -----
# Each pmf sums to 1; for every distribution the gap to the pmf is smaller with
# 5,000 draws than with 50, about 0.1 with 50 and below 0.01 with 5,000 (the
# values in the titles); the binomial peaks at 2 errors and its bars vanish
# beyond 7; the cdf is flat between
# integers and jumps by the pmf at each integer; F(3) is the sum of the first
# four bars; the binomial probability beyond 10 errors is below 1e-5.
assert Binomial(20, 0.1).pmf(np.arange(11, 21)).sum() < 1e-5
for name, (dist, support) in distributions.items():
    assert np.isclose(dist.pmf(support).sum(), 1.0)
    assert distance(name, 5000) < distance(name, 50) and distance(name, 5000) < 0.01
    assert 0.05 < distance(name, 50) < 0.15
gaps = [f"{distance(name, n):.3f}" for name in distributions for n in sizes]
assert gaps == ["0.120", "0.001", "0.135", "0.009", "0.070", "0.008"]
assert np.argmax(errors.pmf(k)) == 2 and f"{errors.pmf(2):.2f}" == "0.29"
assert np.all(errors.pmf(k[k > 7]) < 1e-3) and errors.pmf(7) > 1e-3 and errors.cdf(6) > 0.99
jumps = errors.cdf(k) - errors.cdf(k - 0.5)
np.testing.assert_allclose(jumps, errors.pmf(k), atol=1e-12)
np.testing.assert_allclose(errors.cdf(k + 0.999), errors.cdf(k), atol=1e-15)
assert np.isclose(errors.cdf(3), errors.pmf([0, 1, 2, 3]).sum())
assert f"{errors.cdf(3):.3f}" == "0.867"
