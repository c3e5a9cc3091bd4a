r"""
Cosine similarity of toy embeddings
===================================

Four made-up two-dimensional "word embeddings". Cosine similarity compares
their directions and ignores their lengths; two vectors at a right angle have
cosine similarity zero. Concept page: :ref:`concept-angle-orthogonality`.
"""

# %%
# Four embeddings
# ---------------
# Real embeddings have hundreds of entries; two are enough to draw the angles.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import angle, cosine_similarity, distance

words = ["cat", "kitten", "dog", "car"]
E = np.array([[3.0, 1.0], [1.2, 0.5], [2.0, 1.8], [-1.0, 3.0]])  # one embedding per row
S = np.array([[cosine_similarity(a, b) for b in E] for a in E])

# %%
# What to look at
# ---------------
# Left: "kitten" is a short arrow almost on top of "cat", so their cosine
# similarity is close to 1 although their tips are farther apart than those of
# "cat" and "dog". "car" is at a right angle to "cat": cosine similarity 0.
# Right: the whole table of cosine similarities, 1 on the diagonal.
fig, (ax_l, ax_r) = plt.subplots(1, 2, figsize=(9.5, 4.4), layout="constrained")
for e, word, color in zip(E, words, ["C0", "C1", "C2", "C3"]):
    ax_l.annotate(
        "", xy=e, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, lw=2.2, mutation_scale=18)
    )
    ax_l.text(*(e + [0.08, 0.1]), word, color=color, fontsize=12)
theta = np.linspace(np.arctan2(E[0, 1], E[0, 0]), np.arctan2(E[3, 1], E[3, 0]), 50)
ax_l.plot(0.6 * np.cos(theta), 0.6 * np.sin(theta), color="0.3", lw=1)
ax_l.text(0.05, 0.75, r"$90^\circ$", fontsize=11)
ax_l.axhline(0, color="0.6", linewidth=0.8)
ax_l.axvline(0, color="0.6", linewidth=0.8)
ax_l.set(
    xlim=(-1.5, 3.8),
    ylim=(-0.5, 3.5),
    aspect="equal",
    xlabel="$x_1$",
    ylabel="$x_2$",
    title="Embeddings as arrows",
)

im = ax_r.imshow(S, cmap="RdBu_r", vmin=-1, vmax=1)
for i in range(len(words)):
    for j in range(len(words)):
        ax_r.text(
            j,
            i,
            f"{S[i, j]:.2f}",
            ha="center",
            va="center",
            fontsize=11,
            color="white" if abs(S[i, j]) > 0.75 else "black",
        )
ax_r.set(xticks=range(4), yticks=range(4), xticklabels=words, yticklabels=words, title="Cosine similarity")
fig.colorbar(im, ax=ax_r, shrink=0.8, label=r"$\cos\theta$")
plt.show()

# %%
# Check
# -----
# The claims of the figure: cat and kitten point almost the same way, cat and
# car are orthogonal, and Euclidean distance ranks dog nearer to cat than kitten.
np.testing.assert_allclose(np.diag(S), 1.0)
np.testing.assert_allclose(S, S.T)
assert S[0, 1] > 0.99 and S[0, 1] > S[0, 2]
np.testing.assert_allclose(S[0, 3], 0.0, atol=1e-12)
np.testing.assert_allclose(angle(E[0], E[3]), np.pi / 2)
assert distance(E[0], E[2]) < distance(E[0], E[1])
# The table's entries the alt text quotes, and the right angle between cat and car.
assert round(S[0, 1], 2) == 1.00 and round(S[0, 2], 2) == 0.92
np.testing.assert_allclose(np.degrees(angle(E[0], E[3])), 90)
