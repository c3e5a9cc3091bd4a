r"""
Does model A beat model B? A permutation test
=============================================

Three versions of a simple digit classifier are trained and tested on ten
random splits of the handwritten digits each. Model A looks at the gray
pixels as they are, model B at pixels made black or white (binary), model C
at the 6 x 6 center of the 8 x 8 image (cropped). A has the best mean
accuracy against both, but is that more than the
luck of the splits? Shuffling the labels "A" and "B" (or "A" and "C") shows
the differences in mean that luck alone produces: B's gap is far outside
them, C's is not. Concept page: :ref:`concept-hypothesis-testing`.
"""

# %%
# Three models, ten runs each
# ---------------------------
# Every run draws its own split of the 1,797 images: 300 for the test, the rest
# for training. The classifier labels a test image with the digit whose
# average training image is nearest.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

from mlmath_ref.stats import permutation_test

rng = np.random.default_rng(0)
digits = load_digits()
y = digits.target
features = {
    "A: gray": digits.data,
    "B: binary": (digits.data > 7).astype(float),
    "C: cropped": digits.images[:, 1:7, 1:7].reshape(len(y), -1),
}


def run_accuracy(F):
    order = rng.permutation(len(y))
    test, train = order[:300], order[300:]
    centroids = np.array([F[train][y[train] == k].mean(axis=0) for k in range(10)])
    distances = ((F[test][:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return np.mean(np.argmin(distances, axis=1) == y[test])


runs = {name: np.array([run_accuracy(F) for _ in range(10)]) for name, F in features.items()}
a, b, c = runs.values()

# %%
# The null distribution of the difference in means
# ------------------------------------------------
# :func:`~mlmath_ref.stats.permutation_test` pools the 20 accuracies of two
# models, deals them out again at random as 10 "A" and 10 "B", and records the
# difference in means, 10,000 times. To draw those differences, the same
# relabelings are drawn again from the same state of the generator, and the
# p-value counted from them must be the function's.


def null_and_p(first, second):
    state = rng.bit_generator.state
    p = permutation_test(first, second, rng, n_resamples=10_000)
    rng.bit_generator.state = state
    pooled = np.concatenate([first, second])
    null = np.empty(10_000)
    for r in range(10_000):
        perm = rng.permutation(pooled.size)
        null[r] = pooled[perm[: first.size]].mean() - pooled[perm[first.size :]].mean()
    observed = first.mean() - second.mean()
    tie = 100 * np.finfo(float).eps * abs(observed)
    upper = (np.count_nonzero(null >= observed - tie) + 1) / 10_001
    lower = (np.count_nonzero(null <= observed + tie) + 1) / 10_001
    assert p == min(1.0, 2 * min(upper, lower))  # the function's p-value, recounted
    return null, observed, p


null_b, observed_b, p_b = null_and_p(a, b)
null_c, observed_c, p_c = null_and_p(a, c)

# %%
# What to look at
# ---------------
# Left: the ten test accuracies of each model (dots) and their mean (bar).
# Middle and right: the differences in mean that random relabelings produce
# (the null distribution), with the observed difference (red line) and its
# mirror image (dashed). The p-value is the fraction of relabelings at least
# as far out as the observed difference, on either side (shaded).
fig, axes = plt.subplots(1, 3, figsize=(12, 4), width_ratios=[1, 1.2, 1.2], layout="constrained")
ax = axes[0]
for i, acc in enumerate(runs.values()):
    offsets = np.linspace(-0.15, 0.15, acc.size)
    ax.plot(i + offsets, acc, "o", color=f"C{i}", alpha=0.8)
    ax.plot([i - 0.3, i + 0.3], [acc.mean()] * 2, color="k", lw=2)
ax.set(
    xticks=range(3),
    xticklabels=[name.replace(": ", ":\n") for name in runs],
    xlim=(-0.6, 2.6),
    ylabel="test accuracy",
    title="10 runs of each model",
)
for ax, null, observed, p, other, second in [
    (axes[1], null_b, observed_b, p_b, "B", b),
    (axes[2], null_c, observed_c, p_c, "C", c),
]:
    # Each accuracy is a count of right answers over 300, so 3000 times a difference in mean is
    # twice the count of the "A" group minus the fixed total: every other integer. One bin each.
    total = int(np.rint(300 * np.concatenate([a, second])).sum())
    bins = (np.arange(-122, 123, 2) + 1 - total % 2) / 3000
    extreme = np.abs(null) >= abs(observed) * (1 - 1e-12)
    ax.hist(null[~extreme], bins=bins, color="0.6", label="relabeled")
    ax.hist(null[extreme], bins=bins, color="C3", alpha=0.6, label="at least as extreme")
    ax.axvline(observed, color="C3", lw=2, label=f"observed {observed:.4f}")
    ax.axvline(-observed, color="C3", lw=1, ls="--")
    ax.set(
        xlabel=f"mean of A minus mean of {other}",
        ylabel="number of relabelings",
        title=f"A against {other}: p = {p:.4f}",
    )
    ax.legend(loc="upper left", fontsize=8)
plt.show()

# %%
# Check
# -----
# The figure's claims: the mean accuracies are 0.902, 0.867 and 0.889, so A
# has the highest; A beats B by 0.0357 and C by 0.0137 on average; the null
# distributions are centered at 0, and the one of A and B reaches no further
# than 0.034 on either side; no
# relabeling of A and B comes as far out as the observed difference, so the
# p-value is the smallest that 10,000 relabelings can give, 2/10,001 =
# 0.0002; 0.07 of the relabelings of A and C do, p = 0.0698, not below 0.05.
# The spread of the null distributions is what the spread of the runs
# predicts: the standard error of a difference of two means of ten.
assert [round(v.mean(), 3) for v in (a, b, c)] == [0.902, 0.867, 0.889]
assert a.mean() > max(b.mean(), c.mean())
assert round(observed_b, 4) == 0.0357 and round(observed_c, 4) == 0.0137
assert abs(null_b.mean()) < 0.001 and abs(null_c.mean()) < 0.001
assert round(np.abs(null_b).max(), 3) == 0.034 and null_b.max() > 0.03
assert np.count_nonzero(np.abs(null_b) >= abs(observed_b) * (1 - 1e-12)) == 0
assert p_b == 2 / 10_001 and round(p_b, 4) == 0.0002
assert round(np.mean(np.abs(null_c) >= abs(observed_c) * (1 - 1e-12)), 2) == 0.07
assert round(p_c, 4) == 0.0698 and p_c > 0.05
for first, second, null in [(a, b, null_b), (a, c, null_c)]:
    pooled = np.concatenate([first, second])
    predicted = pooled.std(ddof=1) * np.sqrt(1 / first.size + 1 / second.size)
    assert abs(null.std() / predicted - 1) < 0.05
