r"""
PCA of handwritten digits: explained variance and a map in two dimensions
=========================================================================

Each of the 1,797 handwritten digits of scikit-learn is an 8 x 8 image, a
point in 64 dimensions. Principal component analysis finds the directions in
which these points spread the most. The first few directions carry much of
the variance, and the coordinates of the images along the first two draw
the whole data set in a plane, where several digits already form clouds of
their own. Concept page: :ref:`concept-pca`.
"""

# %%
# Principal components
# --------------------
# :func:`~mlmath_ref.stats.pca` returns the components (as rows, each a
# 64-pixel image of unit length) and the variance of the data along each. The
# scores, the coordinates of an image along the components, are the dot
# products of the centered image with them.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

from mlmath_ref.stats import pca

digits = load_digits()
X, labels = digits.data, digits.target  # pixel intensities 0 to 16
components, variance = pca(X, 64)
total_variance = X.var(axis=0, ddof=1).sum()  # the sum of the variances of the 64 pixels
fraction = variance / total_variance
cumulative = np.cumsum(fraction)
needed_90 = int(np.searchsorted(cumulative, 0.9) + 1)
scores = (X - X.mean(axis=0)) @ components[:2].T
centers = np.array([scores[labels == d].mean(axis=0) for d in range(10)])

# %%
# What to look at
# ---------------
# Top left: the share of the variance along each component (bars) and the
# share kept by the first :math:`k` together (line). Bottom left: the mean
# image and the first two components as images (red: above zero, blue:
# below). Right: every digit at its two scores, colored by its label, with
# the label written at the center of its cloud.
fig, axd = plt.subplot_mosaic(
    [["variance", "variance", "variance", "map"], ["mean", "pc1", "pc2", "map"]],
    figsize=(12, 5.5),
    width_ratios=[1, 1, 1, 3.2],
    height_ratios=[1.6, 1],
    layout="constrained",
)
ax = axd["variance"]
k = np.arange(1, 65)
ax.bar(k, fraction, color="C0", label="one component")
ax.plot(k, cumulative, color="C1", lw=2, label="first $k$ together")
ax.axhline(0.9, color="0.4", ls="--", lw=1)
ax.axvline(needed_90, color="0.4", ls=":", lw=1)
ax.text(needed_90 + 1, 0.45, f"90% with\n$k = {needed_90}$", fontsize=9)
ax.set(xlabel="component $k$", ylabel="share of the variance", xlim=(0, 65), ylim=(0, 1.02))
ax.legend(loc="center right", fontsize=8)
limit = np.abs(components[:2]).max()
for name, image, title in [
    ("mean", X.mean(axis=0), "mean image"),
    ("pc1", components[0], "component 1"),
    ("pc2", components[1], "component 2"),
]:
    ax = axd[name]
    if name == "mean":
        ax.imshow(image.reshape(8, 8), cmap="gray_r")
    else:
        ax.imshow(image.reshape(8, 8), cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set(xticks=[], yticks=[], title=title)
ax = axd["map"]
for d in range(10):
    ax.scatter(*scores[labels == d].T, s=6, color=plt.cm.tab10(d), alpha=0.5)
for d, (cx, cy) in enumerate(centers):
    ax.text(
        cx,
        cy,
        str(d),
        fontsize=15,
        weight="bold",
        ha="center",
        va="center",
        color=plt.cm.tab10(d),
        bbox=dict(boxstyle="circle,pad=0.2", fc="white", ec=plt.cm.tab10(d), alpha=0.9),
    )
ax.set(
    xlabel=f"score on component 1 ({fraction[0]:.1%} of the variance)",
    ylabel=f"score on component 2 ({fraction[1]:.1%})",
    title="1,797 digits in the plane of the first two components",
    aspect="equal",
)
plt.show()

# %%
# Check
# -----
# The figure's claims: 1,797 digits of 64 pixels; the first two components
# keep 14.9% and 13.6% of the variance, 28.5% together, and 21 components keep
# 90%; the shares decrease;
# the components are orthonormal and agree with scikit-learn's PCA up to
# sign; in the plane, the zeros sit highest, the fours farthest right, the
# threes farthest left and the sevens lowest, while the fives and eights are
# near the middle (their centers within 6 of the origin, where the other
# clouds are centered 9 to 24 away).
from sklearn.decomposition import PCA  # noqa: E402 (a test oracle, here only)

assert X.shape == (1797, 64)
assert [round(100 * v, 1) for v in fraction[:2]] == [14.9, 13.6] and round(100 * cumulative[1], 1) == 28.5
assert needed_90 == 21 and 100 * cumulative[19] < 90 <= 100 * cumulative[20]
assert np.all(np.diff(variance) <= 0)
np.testing.assert_allclose(cumulative[-1], 1.0, rtol=1e-12)
np.testing.assert_allclose(components @ components.T, np.eye(64), atol=1e-12)
oracle = PCA(n_components=10).fit(X)
np.testing.assert_allclose(variance[:10], oracle.explained_variance_, rtol=1e-9)
np.testing.assert_allclose(np.abs(components[:10] @ oracle.components_.T), np.eye(10), atol=1e-7)
assert np.argmax(centers[:, 1]) == 0 and np.argmax(centers[:, 0]) == 4
assert np.argmin(centers[:, 0]) == 3 and np.argmin(centers[:, 1]) == 7
distance = np.linalg.norm(centers, axis=1)
assert distance[5] < 6 and distance[8] < 6
others = np.delete(distance, [5, 8])
assert 9 < others.min() and others.max() < 24
