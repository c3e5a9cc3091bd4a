r"""
Error bars on a test accuracy: bootstrap, Wilson and normal intervals
=====================================================================

A simple classifier of handwritten digits is scored on 200 test images. The
bootstrap resamples those 200 results to show how much the accuracy would
move on another test set of the same size, and its middle 95% is a
confidence interval; Wilson's formula and the normal formula give nearly the
same interval here. The second figure shows where they part: the exact
coverage of the normal interval falls far below its promised 95% for a
model that is right 95% of the time, unless the test set is large. Concept
page: :ref:`concept-confidence-intervals`.
"""

# %%
# A classifier and its test accuracy
# ----------------------------------
# The classifier is the simplest there is: average the training images of each
# digit, and label a test image with the digit whose average is nearest. It is
# trained on 1,597 images and tested on the other 200.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

from mlmath_ref.probability import Binomial
from mlmath_ref.stats import bootstrap_interval, proportion_interval

rng = np.random.default_rng(3)
digits = load_digits()
X, y = digits.data, digits.target
order = rng.permutation(len(y))
test, train = order[:200], order[200:]
centroids = np.array([X[train][y[train] == k].mean(axis=0) for k in range(10)])
predicted = np.argmin(((X[test][:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2), axis=1)
correct = (predicted == y[test]).astype(float)  # 1 for a right answer, 0 for a wrong one
n, k = correct.size, int(correct.sum())
accuracy = k / n

# %%
# Three intervals for the same accuracy
# -------------------------------------
# :func:`~mlmath_ref.stats.bootstrap_interval` draws 10,000 resamples of the 200
# results. To draw their histogram, the same resamples are drawn again from the
# same state of the generator: the interval read off them must be the
# function's, to the last bit.
level = 0.95
state = rng.bit_generator.state
boot_low, boot_high = bootstrap_interval(correct, np.mean, rng, n_resamples=10_000, level=level)
rng.bit_generator.state = state
replicates = np.array([correct[rng.integers(0, n, size=n)].mean() for _ in range(10_000)])
wilson = proportion_interval(k, n)
normal = proportion_interval(k, n, method="normal")

# %%
# What to look at: the bootstrap distribution
# -------------------------------------------
# Top: how often each accuracy came out among the 10,000 resampled test sets
# (an accuracy on 200 images is a multiple of 1/200). The shaded band is its
# middle 95%. Bottom: the three intervals side by side, each around the
# measured accuracy (the black line).
fig, (top, bottom) = plt.subplots(
    2, 1, figsize=(7, 5.5), sharex=True, height_ratios=[3, 1.3], layout="constrained"
)
values, counts = np.unique(replicates, return_counts=True)
top.bar(values, counts / counts.sum(), width=0.8 / n, color="C0", label="resampled accuracy")
top.axvspan(boot_low, boot_high, color="C0", alpha=0.15, label="middle 95% (bootstrap interval)")
top.axvline(accuracy, color="k", lw=1.5, label=f"measured accuracy {accuracy:.3f}")
top.set(ylabel="fraction of resamples", title=f"Test accuracy of {k}/{n}, resampled 10,000 times")
top.legend(loc="upper left", fontsize=9)
names = ["bootstrap", "Wilson", "normal"]
intervals = [(boot_low, boot_high), wilson, normal]
for row, ((lo, hi), color) in enumerate(zip(intervals, ["C0", "C2", "C1"])):
    bottom.plot([lo, hi], [row, row], color=color, lw=6, solid_capstyle="butt")
    bottom.text(hi + 0.003, row, f"[{lo:.3f}, {hi:.3f}]", va="center", fontsize=9)
bottom.axvline(accuracy, color="k", lw=1.5)
bottom.set(
    yticks=range(3),
    yticklabels=names,
    ylim=(2.6, -0.6),
    xlim=(0.81, 0.99),
    xlabel="accuracy",
    title="95% confidence intervals",
)
plt.show()

# %%
# Coverage: how often each kind of interval catches the truth
# -----------------------------------------------------------
# For a model whose true accuracy is :math:`p = 0.95`, the number of right
# answers on :math:`n` test examples is binomial. Summing the probabilities of
# the counts whose interval contains 0.95 gives the exact coverage, for every
# test-set size from 10 to 200: no simulation.
p_true = 0.95
sizes = np.arange(10, 201)
coverage = {"wilson": [], "normal": []}
for size in sizes:
    counts_ = np.arange(size + 1)
    pmf = Binomial(int(size), p_true).pmf(counts_)
    for method in coverage:
        ends = [proportion_interval(int(c), int(size), method=method) for c in counts_]
        covers = np.array([lo <= p_true <= hi for lo, hi in ends])
        coverage[method].append(pmf[covers].sum())
coverage = {method: np.array(c) for method, c in coverage.items()}

# %%
# What to look at: coverage
# -------------------------
# The dashed line is the promise, 95%. Wilson's interval (green) zigzags around
# it; the normal interval (orange) stays below it at almost every size, and for
# small test sets it catches the truth little more than half the time.
fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
ax.plot(sizes, coverage["wilson"], color="C2", lw=1.5, label="Wilson")
normal_label = r"normal: $\hat p \pm z\sqrt{\hat p(1-\hat p)/n}$"
ax.plot(sizes, coverage["normal"], color="C1", lw=1.5, label=normal_label)
ax.axhline(0.95, color="k", ls="--", lw=1, label="promised 0.95")
ax.set(
    xlabel="test-set size $n$",
    ylabel="probability the interval contains $p$",
    ylim=(0.3, 1.0),
    title=f"Coverage of 95% intervals, true accuracy $p = {p_true}$",
)
ax.legend(loc="lower right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The figures' claims: 180 of 200 test images right, an accuracy of 0.900;
# the bootstrap interval is the function's, holds the middle 95% of the
# resampled accuracies and reads [0.855, 0.94]; Wilson's is [0.851, 0.934] and
# the normal one [0.858, 0.942], so all three ends agree within 0.01, and each
# reaches about 0.04 either side of the measured accuracy; the bootstrap
# distribution is centered at the measured accuracy. Coverage: the
# normal interval is below 0.95 at 187 of the 191 sizes from 10 to 200 and
# never above 0.953 (0.4 at :math:`n = 10`, 0.64 at :math:`n = 20`, 0.93 at
# :math:`n = 200`, under
# 0.6 up to :math:`n = 17`); Wilson's averages 0.955 over the sizes and never
# drops below 0.89.
assert (k, n) == (180, 200) and accuracy == 0.9
assert np.quantile(replicates, [0.025, 0.975]).tolist() == [boot_low, boot_high]
strictly_inside = np.mean((replicates > boot_low) & (replicates < boot_high))
with_ends = np.mean((replicates >= boot_low) & (replicates <= boot_high))
assert 100 * strictly_inside <= 95 <= 100 * with_ends  # the accuracies are discrete: ends shared
assert (round(boot_low, 3), round(boot_high, 3)) == (0.855, 0.94)
assert (round(wilson[0], 3), round(wilson[1], 3)) == (0.851, 0.934)
assert (round(normal[0], 3), round(normal[1], 3)) == (0.858, 0.942)
ends = np.array([[boot_low, boot_high], wilson, normal])
assert np.ptp(ends, axis=0).max() < 0.01
assert np.all(np.abs(np.abs(ends - accuracy) - 0.04) < 0.01)
assert abs(replicates.mean() - accuracy) < 0.001
assert np.sum(coverage["normal"] < 0.95) == 187 and sizes.size == 191
assert coverage["normal"].max() < 0.953
assert sizes[0] == 10 and round(coverage["normal"][0], 1) == 0.4
assert round(coverage["normal"][sizes == 20][0], 2) == 0.64
assert round(coverage["normal"][sizes == 200][0], 2) == 0.93
assert coverage["normal"][sizes <= 17].max() < 0.6
assert round(coverage["wilson"].mean(), 3) == 0.955 and coverage["wilson"].min() > 0.89
