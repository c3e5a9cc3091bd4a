r"""
Histograms settle on the density; areas are read off the cdf
============================================================

The score a spam classifier gives a random email is a continuous random
variable. Here 70% of the mail is legitimate, with scores spread around
:math:`-1`, and 30% is spam, with scores around :math:`1.5`; the density of the
score is the weighted sum of the two bell-shaped densities. Histograms of more
and more scores settle on that curve, and the probability of an interval of
scores is the area under the curve, which the cdf gives as a difference.
Concept page: :ref:`concept-continuous-distributions`.
"""

# %%
# The density and the cdf of the score
# ------------------------------------
# Built from two :class:`~mlmath_ref.probability.Normal` distributions: a
# weighted sum of densities is a density, and the same weights combine the cdfs.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import integrate
from mlmath_ref.probability import Bernoulli, Normal

legit, spam, share_spam = Normal(-1.0, 0.6), Normal(1.5, 0.8), 0.3


def f(x):
    return (1 - share_spam) * legit.pdf(x) + share_spam * spam.pdf(x)


def F(x):
    return (1 - share_spam) * legit.cdf(x) + share_spam * spam.cdf(x)


rng = np.random.default_rng(5)


def scores(n):
    # Pick the kind of each email, then its score from that kind's distribution.
    is_spam = Bernoulli(share_spam).sample(rng, size=n).astype(bool)
    return np.where(is_spam, spam.sample(rng, size=n), legit.sample(rng, size=n))


edges = np.linspace(-3.5, 4.5, 41)  # 40 bins of width 0.2
width = edges[1] - edges[0]
sizes = (100, 1000, 100_000)
heights = {n: np.histogram(scores(n), bins=edges)[0] / (n * width) for n in sizes}
bin_prob = np.diff(F(edges))  # the probability of each bin


def gap(n):
    # Total variation between the histogram and the density, bin by bin.
    return 0.5 * (np.abs(heights[n] * width - bin_prob).sum() + F(edges[0]) + 1 - F(edges[-1]))


# %%
# What to look at
# ---------------
# A histogram scaled so that its bars have total area 1 (height = share of the
# scores in the bin divided by the bin width). With 100 scores it is ragged;
# with 100,000 it hugs the curve. The titles give the gap between the two, half
# the area between histogram and curve.
x = np.linspace(-3.5, 4.5, 801)
fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True, layout="constrained")
for ax, n in zip(axes, sizes, strict=True):
    ax.stairs(heights[n], edges, fill=True, color="C0", alpha=0.45, label="histogram")
    ax.plot(x, f(x), color="k", linewidth=1.5, label="density $f(x)$")
    ax.set(xlabel="score $x$", title=f"{n:,} scores: gap {gap(n):.3f}")
axes[0].set_ylabel("density")
axes[0].legend(loc="upper right", fontsize=9)
plt.show()

# %%
# An interval's probability: area under f, rise of F
# --------------------------------------------------
# The scores between 0 and 1, where the filter is unsure. Top: the shaded area
# under the density. Bottom: the cdf :math:`F(x) = P(X \le x)` rises by exactly
# that amount between 0 and 1. The density is the slope of the cdf: where f is
# high, F climbs steeply.
a, b = 0.0, 1.0
area = integrate(f, a, b, n=200)
fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 5.4), sharex=True, layout="constrained")
top.plot(x, f(x), color="k")
inside = (x >= a) & (x <= b)
top.fill_between(x[inside], f(x[inside]), color="C1", alpha=0.6, label=f"area = {area:.4f}")
top.set(ylabel="density $f(x)$", title=r"$P(0 \leq X \leq 1)$: area under the density")
top.legend(loc="upper right", fontsize=9)
bottom.plot(x, F(x), color="C0")
for point in (a, b):
    bottom.plot([point, point], [0, F(point)], ":", color="0.4")
    bottom.plot(point, F(point), "o", color="C0", markersize=5)
    bottom.plot([point, b + 0.15], [F(point), F(point)], ":", color="C1")
bottom.annotate(
    "", (b + 0.15, F(b)), (b + 0.15, F(a)), arrowprops={"arrowstyle": "<->", "color": "C1", "lw": 2}
)
bottom.text(b + 0.3, (F(a) + F(b)) / 2, f"$F(1) - F(0) = {F(b) - F(a):.4f}$", va="center", color="C1")
bottom.set(xlabel="score $x$", ylabel=r"cdf $F(x)$", ylim=(0, 1.02))
plt.show()

# %%
# Check
# -----
# The gap shrinks as the number of scores grows (every tenfold increase) and is
# below 0.02 at 100,000; the density has two humps, a tall one near -1 and a
# lower one near 1.5; the density integrates to 1; the shaded area equals
# the rise of the cdf (to 1e-8) as the titles show; the cdf climbs steepest
# where the density is highest. The mixture is 70% legitimate and 30% spam, and
# the interval's probability is 0.1038.
assert round(100 * (1 - share_spam)) == 70 and round(100 * share_spam) == 30
gaps = [gap(n) for n in sizes]
assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 0.02
assert [f"{g:.3f}" for g in gaps] == ["0.180", "0.074", "0.007"]
density = f(x)
peaks = np.flatnonzero((density[1:-1] > density[:-2]) & (density[1:-1] > density[2:])) + 1
assert len(peaks) == 2 and abs(x[peaks[0]] + 1) < 0.1 and abs(x[peaks[1]] - 1.5) < 0.1
assert density[peaks[0]] > 2 * density[peaks[1]]
assert abs(integrate(f, -12.0, 14.0, n=2000) - 1.0) < 1e-9
assert abs(area - (F(b) - F(a))) < 1e-8
assert f"{area:.4f}" == f"{F(b) - F(a):.4f}" == "0.1038"
slope = np.gradient(F(x), x)
assert abs(x[np.argmax(slope)] - x[np.argmax(f(x))]) < 0.02
