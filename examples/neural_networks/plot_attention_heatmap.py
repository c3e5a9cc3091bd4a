r"""
Attention weights for a toy sentence, and why the scores are divided by the square root of d
============================================================================================

Six words, "the cat sat on the mat", each a random vector of length 16, used
as its own query and key. Attention compares every word with every word by an
inner product, and a softmax turns each row of scores into weights: a word
attends to itself, and the two copies of "the" attend to each other. A causal
mask, True where attention is allowed, lets each word see only the words
before it. The second figure shows why the scores are divided by
:math:`\sqrt d`: without it, the scores of random vectors spread like
:math:`\sqrt d` and the softmax puts nearly all the weight on one key.
Concept page: :ref:`concept-attention`.
"""

# %%
# The toy sequence
# ----------------
# Each distinct word gets a random vector with independent standard normal
# entries (an *embedding*); the sentence is the matrix of its six word
# vectors, one per row. Here the queries and the keys are the word vectors
# themselves, and the values are too: a transformer would first multiply them
# by three learned matrices.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.nn import attention, softmax

rng = np.random.default_rng(7)
words = ["the", "cat", "sat", "on", "the", "mat"]
vocabulary = sorted(set(words))
d = 16
embedding = {word: rng.normal(size=d) for word in vocabulary}
X = np.array([embedding[word] for word in words])  # shape (6, 16)
n = len(words)
causal = np.tril(np.ones((n, n), dtype=bool))  # True where key j <= query i: allowed
out, weights = attention(X, X, X, return_weights=True)
out_causal, weights_causal = attention(X, X, X, mask=causal, return_weights=True)
print(weights.round(2))

# %%
# What to look at: the attention weights
# --------------------------------------
# Row :math:`i` is the softmax of query :math:`i`'s scores against every key;
# each row adds up to one. Left, with no mask: every word puts most of its
# weight on itself (the bright diagonal), since a vector's inner product with
# itself, its squared length, is large, and the two copies of "the" (rows and
# columns 0 and 4) split their weight between each other. Right, with the
# causal mask: the upper triangle is exactly zero, the first word attends
# only to itself, and the second "the" still finds the first.
fig, axes = plt.subplots(1, 2, figsize=(10.5, 4.6), layout="constrained")
labels = [f"{i}: {w}" for i, w in enumerate(words)]
for ax, A, title in ((axes[0], weights, "no mask"), (axes[1], weights_causal, "causal mask")):
    image = ax.imshow(A, cmap="viridis", vmin=0.0, vmax=1.0)
    for i in range(n):
        for j in range(n):
            ax.text(
                j,
                i,
                f"{A[i, j]:.2f}",
                ha="center",
                va="center",
                fontsize=8,
                color="black" if A[i, j] > 0.6 else "white",
            )
    ax.set(
        xticks=range(n), yticks=range(n), xlabel="key (attended to)", ylabel="query (attending)", title=title
    )
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.set_yticklabels(labels)
fig.colorbar(image, ax=axes, shrink=0.85, label="attention weight")
plt.show()

# %%
# Why divide by the square root of d
# ----------------------------------
# For random queries and keys with independent entries of mean 0 and variance
# 1, the score :math:`\mathbf{q}^\top\mathbf{k}` is a sum of :math:`d`
# products of variance 1: its variance is :math:`d`. Left: the measured
# standard deviation of 4,000 scores at each length :math:`d`, raw and
# divided by :math:`\sqrt d`. Right: the average largest weight of a query
# over 8 keys. Raw scores grow with :math:`d` and the softmax becomes an
# argmax, a hard choice with almost no gradient; scaled scores keep the same
# spread, and the weights stay soft, at every :math:`d`.
dims = 2 ** np.arange(1, 11)  # 2 to 1024
trials, n_keys = 500, 8
raw_std, scaled_std, raw_top, scaled_top = [], [], [], []
for dim in dims:
    Q = rng.normal(size=(trials, 1, dim))
    K = rng.normal(size=(trials, n_keys, dim))
    V = np.zeros((trials, n_keys, 1))
    scores = (Q @ K.transpose(0, 2, 1))[:, 0, :]  # shape (trials, n_keys): 4,000 scores
    raw_std.append(scores.std())
    scaled_std.append((scores / np.sqrt(dim)).std())
    raw_top.append(softmax(scores, axis=-1).max(axis=-1).mean())
    _, A = attention(Q, K, V, return_weights=True)  # the scaled weights
    scaled_top.append(A.max(axis=-1).mean())
raw_std, scaled_std, raw_top, scaled_top = map(np.array, (raw_std, scaled_std, raw_top, scaled_top))
slope = np.polyfit(np.log(dims), np.log(raw_std), 1)[0]
print(f"slope of log std against log d: {slope:.3f}")

fig, (ax_std, ax_top) = plt.subplots(1, 2, figsize=(10.5, 4.0), layout="constrained")
ax_std.loglog(dims, raw_std, "o-", color="C3", label=r"raw $\mathbf{q}^\top\mathbf{k}$")
ax_std.loglog(dims, np.sqrt(dims), ":", color="0.4", label=r"$\sqrt{d}$")
ax_std.loglog(dims, scaled_std, "s-", color="C0", label=r"scaled $\mathbf{q}^\top\mathbf{k}/\sqrt{d}$")
ax_std.set(
    xlabel="length $d$ of the vectors",
    ylabel="standard deviation of the scores",
    title="spread of the scores",
)
ax_std.legend()
ax_top.semilogx(dims, raw_top, "o-", color="C3", label="softmax of raw scores")
ax_top.semilogx(dims, scaled_top, "s-", color="C0", label="softmax of scaled scores")
ax_top.axhline(1 / n_keys, color="0.4", linestyle=":", label="uniform, 1/8")
ax_top.set(
    xlabel="length $d$ of the vectors",
    ylabel="largest weight (average)",
    ylim=(0, 1.05),
    title="how peaked the weights are",
)
ax_top.legend(loc="center right")
plt.show()

# %%
# Check
# -----
# Every row of weights adds up to one; with no mask each word's largest weight
# is on itself (for "the", tied with its copy), and the two copies of "the"
# give each other more than 0.3;
# with the causal mask the upper triangle is exactly zero, the first row is
# all on the first word, and the second "the" gives the first more than 0.3.
# The output is the weighted average of the values. The raw scores' spread
# grows with slope 0.5 on the log-log plot (within 0.05), the scaled spread
# stays within 10% of 1, the largest raw weight passes 0.9 at large d while
# the scaled one stays between 0.3 and 0.6 at every d, near 0.35. Last, the
# values the alt texts read off the heat maps and the curves.
for A in (weights, weights_causal):
    assert np.allclose(A.sum(axis=1), 1.0)
assert np.all(np.diag(weights) == weights.max(axis=1))  # (tied with the other "the" in rows 0 and 4)
assert weights[0, 4] > 0.3 and weights[4, 0] > 0.3
assert np.all(weights_causal[np.triu_indices(n, k=1)] == 0.0)
assert weights_causal[0, 0] == 1.0 and weights_causal[4, 0] > 0.3
assert np.allclose(out, weights @ X) and np.allclose(out_causal, weights_causal @ X)
assert abs(slope - 0.5) < 0.05
assert np.all(abs(scaled_std - 1) < 0.1)
assert raw_top[-1] > 0.9 and np.all((scaled_top > 0.3) & (scaled_top < 0.6))
# the numbers the alt texts quote
assert [round(float(weights[i, j]), 2) for i, j in ((0, 0), (0, 4), (4, 0), (4, 4))] == [0.48] * 4
others = [round(float(weights[i, i]), 2) for i in (1, 2, 3, 5)]
assert (min(others), max(others)) == (0.46, 0.98)
assert round(float(weights_causal[0, 0]), 2) == 1.00
assert round(float(weights_causal[4, 0]), 2) == round(float(weights_causal[4, 4]), 2) == 0.49
assert trials * n_keys == 4000 and dims[0] == 2 and dims[-1] == 1024
assert round(float(raw_top[0]), 1) == 0.4 and np.all(abs(scaled_top - 0.35) < 0.03)
