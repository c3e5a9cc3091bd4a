r"""
The dot product as shadow length times length
=============================================

The dot product :math:`\mathbf{x}^\top\mathbf{y}` equals the length of the
shadow that :math:`\mathbf{x}` casts on the line of :math:`\mathbf{y}`, times
the length of :math:`\mathbf{y}`. The second panel uses dot products as
attention does: one query scores several keys. Concept page:
:ref:`concept-inner-product`.
"""

# %%
# Two vectors and the shadow of one on the other
# ----------------------------------------------
# The shadow is the projection of :math:`\mathbf{x}` onto the line of
# :math:`\mathbf{y}`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import dot, norm, project

x = np.array([1.0, 3.0])
y = np.array([4.0, 3.0])
shadow = project(x, y)
shadow_length = norm(shadow)

# %%
# A query and four keys
# ---------------------
# In attention, a query vector is compared with every key vector by a dot
# product; the largest score wins the most attention.
q = np.array([1.0, 0.5])
keys = np.array([[2.0, 2.0], [0.0, 2.0], [-1.5, 0.5], [1.0, -2.0]])
scores = np.array([dot(q, k) for k in keys])

# %%
# What to look at
# ---------------
# Left: the dotted segment drops at a right angle from the tip of
# :math:`\mathbf{x}` to the line of :math:`\mathbf{y}`; the green shadow is 2.6
# long and :math:`\|\mathbf{y}\| = 5`, so :math:`\mathbf{x}^\top\mathbf{y} = 13`.
# Right: keys that point the way the query points score high, keys at a right
# angle score zero, keys pointing away score below zero.
fig, (ax_l, ax_r) = plt.subplots(1, 2, figsize=(9.5, 4.6), layout="constrained")


def arrow(ax, end, color, start=(0, 0), lw=2.2):
    ax.annotate(
        "", xy=end, xytext=start, arrowprops=dict(arrowstyle="-|>", color=color, lw=lw, mutation_scale=18)
    )


s = np.linspace(-0.3, 1.25, 2)
ax_l.plot(s * y[0], s * y[1], color="0.8", lw=1, zorder=0)
arrow(ax_l, y, "C1")
arrow(ax_l, x, "C0")
ax_l.plot(
    *np.column_stack([shadow, [0, 0]]),
    color="C2",
    lw=6,
    alpha=0.7,
    solid_capstyle="butt",
    label=f"shadow of $\\mathbf{{x}}$, length {shadow_length:g}",
)
ax_l.plot([x[0], shadow[0]], [x[1], shadow[1]], ":", color="0.3", lw=1.5)
ax_l.text(*(x + [-0.2, 0.15]), r"$\mathbf{x} = (1, 3)$", color="C0", fontsize=12)
ax_l.text(*(y + [-0.6, 0.25]), r"$\mathbf{y} = (4, 3)$", color="C1", fontsize=12)
ax_l.set(
    xlim=(-0.5, 5),
    ylim=(-0.5, 4.2),
    xlabel="$x_1$",
    ylabel="$x_2$",
    title=r"$\mathbf{x}^\top\mathbf{y} = 2.6 \times 5 = 13$",
)
ax_l.legend(loc="lower right", fontsize=9)

arrow(ax_r, q, "k", lw=3)
ax_r.text(*(q + [0.05, -0.35]), r"query $\mathbf{q}$", fontsize=11)
for k, score, color in zip(keys, scores, ["C0", "C1", "C2", "C3"]):
    arrow(ax_r, k, color)
    ax_r.text(*(k * 1.12 + [-0.3, 0.05]), f"score {score:g}", color=color, fontsize=11)
ax_r.set(
    xlim=(-2.5, 3),
    ylim=(-2.5, 2.6),
    xlabel="$x_1$",
    ylabel="$x_2$",
    title=r"Scores $\mathbf{q}^\top\mathbf{k}$ of four keys",
)
for ax in (ax_l, ax_r):
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set_aspect("equal")
plt.show()

# %%
# Check
# -----
# The dot product is the sum of products and equals shadow length times
# length; the scores are those printed, in the order described.
np.testing.assert_allclose(dot(x, y), 1 * 4 + 3 * 3)
np.testing.assert_allclose(shadow_length * norm(y), dot(x, y))
np.testing.assert_allclose(shadow_length, 2.6)
np.testing.assert_allclose([norm(y), dot(x, y)], [5, 13])  # the title: 2.6 x 5 = 13
np.testing.assert_allclose(dot(x - shadow, y), 0, atol=1e-12)
np.testing.assert_allclose(scores, [3.0, 1.0, -1.25, 0.0])
assert np.argmax(scores) == 0 and scores[3] == 0 and scores[2] < 0
