r"""
Unit balls of the 1-, 2- and max-norms
======================================

A norm is a way to measure the length of a vector. The clearest picture of a
norm is its *unit ball*: every vector of length at most one. The 1-norm gives a
diamond, the 2-norm a disc and the max-norm a square. The second panel shows
gradient clipping: a gradient longer than one is shrunk onto the unit circle
without changing its direction. Concept page: :ref:`concept-norm`.
"""

# %%
# Points on the three unit circles
# --------------------------------
# Take many directions and divide each by its own length in the chosen norm:
# the results all have length one, so they trace the edge of the unit ball.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import norm

t = np.linspace(0, 2 * np.pi, 721)
directions = np.column_stack([np.cos(t), np.sin(t)])
norms = [
    (1, "C0", r"$\|\mathbf{x}\|_1 = 1$ (diamond)"),
    (2, "C1", r"$\|\mathbf{x}\|_2 = 1$ (circle)"),
    (np.inf, "C2", r"$\|\mathbf{x}\|_\infty = 1$ (square)"),
]
edges = {p: np.array([d / norm(d, p) for d in directions]) for p, _, _ in norms}

# %%
# What to look at
# ---------------
# Left: the diamond has its corners on the axes, where one entry is zero; this
# is why an L1 penalty pushes weights to exactly zero. Right: the gradient
# :math:`\mathbf{g} = (3, 4)` has length 5; clipping to length 1 keeps its
# direction and lands on the circle.
g = np.array([3.0, 4.0])
max_len = 1.0
g_clipped = g * min(1.0, max_len / norm(g))

fig, (ax_ball, ax_clip) = plt.subplots(1, 2, figsize=(9, 4.4), layout="constrained")
for p, color, label in norms:
    ax_ball.fill(edges[p][:, 0], edges[p][:, 1], color=color, alpha=0.12)
    ax_ball.plot(edges[p][:, 0], edges[p][:, 1], color=color, lw=2, label=label)
ax_ball.set(xlim=(-1.6, 1.6), ylim=(-1.6, 1.6), title="Unit balls")
ax_ball.legend(loc="upper center", fontsize=9, ncols=1, bbox_to_anchor=(0.5, 1.0), framealpha=0.9)

ax_clip.plot(edges[2][:, 0], edges[2][:, 1], color="C1", lw=1.5, label="unit circle (2-norm)")
ax_clip.annotate(
    "", xy=g, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C3", lw=2.2, mutation_scale=18)
)
ax_clip.annotate(
    "", xy=g_clipped, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C0", lw=3, mutation_scale=18)
)
ax_clip.text(*(g + [-1.6, 0.1]), r"$\mathbf{g}$, $\|\mathbf{g}\| = 5$", color="C3", fontsize=12)
ax_clip.text(*(g_clipped + [0.2, -0.3]), "clipped, length 1", color="C0", fontsize=11)
ax_clip.set(xlim=(-1.5, 4.5), ylim=(-1.5, 4.5), title="Gradient clipping by norm")
ax_clip.legend(loc="lower right", fontsize=9)
for ax in (ax_ball, ax_clip):
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(aspect="equal", xlabel="$x_1$", ylabel="$x_2$")
plt.show()

# %%
# Check
# -----
# Every traced point has length one in its own norm; the diamond's corners are
# on the axes; the three norms of (3, 4) are 7, 5 and 4; the clipped gradient
# has length one and the direction of the original.
for p, _, _ in norms:
    np.testing.assert_allclose([norm(e, p) for e in edges[p]], 1.0)
np.testing.assert_allclose(edges[1][0], [1.0, 0.0], atol=1e-12)
np.testing.assert_allclose([norm(g, 1), norm(g, 2), norm(g, np.inf)], [7.0, 5.0, 4.0])
np.testing.assert_allclose(norm(g_clipped), 1.0)
np.testing.assert_allclose(g_clipped, g / 5)
