r"""
The gradient is perpendicular to the contour lines
==================================================

Gradient arrows drawn over the contour lines of a loss point uphill and cross
every contour at a right angle. Concept page: :ref:`concept-gradient`.
"""

# %%
# A loss with two parameters
# --------------------------
# A tilted, stretched bowl plus a bump, so the contours are not all ellipses.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import gradient


def loss(w):
    return 0.5 * w[0] ** 2 + 1.5 * w[1] ** 2 + 0.8 * w[0] * w[1] + np.exp(-((w[0] - 1) ** 2) - w[1] ** 2)


grid = np.linspace(-2.5, 2.5, 161)
W1, W2 = np.meshgrid(grid, grid)
L = loss(np.array([W1, W2]))  # the formula works on whole grids too
arrows_at = np.array([[a, b] for a in np.linspace(-2, 2, 9) for b in np.linspace(-2, 2, 9)])
G = np.array([gradient(loss, w) for w in arrows_at])

# %%
# What to look at
# ---------------
# Each arrow is the gradient at its tail (scaled down). Arrows are long where
# the contours are crowded (the loss is steep) and short near the minimum, and
# each one crosses the contour line under it at a right angle.
fig, ax = plt.subplots(figsize=(6, 6), layout="constrained")
cs = ax.contour(W1, W2, L, levels=14, cmap="viridis")
ax.quiver(arrows_at[:, 0], arrows_at[:, 1], G[:, 0], G[:, 1], color="C3", angles="xy", scale=60)
ax.set(xlabel="$w_1$", ylabel="$w_2$", title=r"Contours of $L$ and arrows of $\nabla L$", aspect="equal")
plt.show()

# %%
# Check
# -----
# Walk along the drawn contour lines: at the midpoint of every short segment
# the gradient is perpendicular to the segment (cosine of the angle near zero),
# and each arrow points uphill (a small step along it raises the loss).
cosines = []
for level in cs.allsegs:
    for seg in level:
        tangents = np.diff(seg, axis=0)
        for mid, tangent in zip(0.5 * (seg[1:] + seg[:-1]), tangents):
            if np.linalg.norm(tangent) > 1e-3:
                g = gradient(loss, mid)
                cosines.append(abs(g @ tangent) / (np.linalg.norm(g) * np.linalg.norm(tangent)))
assert len(cosines) > 500
assert np.median(cosines) < 0.01 and np.max(cosines) < 0.1
for w, g in zip(arrows_at, G):
    if np.linalg.norm(g) > 1e-6:
        assert loss(w + 1e-3 * g / np.linalg.norm(g)) > loss(w)
