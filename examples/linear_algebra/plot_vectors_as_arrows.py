r"""
Vectors as arrows and as points
===============================

A vector in :math:`\mathbb{R}^2` is a pair of numbers. Drawn from the origin it
is an arrow; drawn as the tip alone it is a point, which is how a dataset of
feature vectors is usually plotted. The second figure shows the two operations
every vector space has, adding arrows tip to tail and stretching an arrow, and
a line through the origin that is closed under them next to one that is not.
Concept pages: :ref:`concept-vector` and :ref:`concept-vector-space`.
"""

# %%
# Three feature vectors and a small dataset
# -----------------------------------------
# Each sample has two features, so each sample is a vector of two numbers.
# A seeded generator draws the same dataset on every build.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import linear_combination, norm

rng = np.random.default_rng(0)
x = np.array([3.0, 1.0])
y = np.array([1.0, 2.0])
z = np.array([-2.0, 1.5])
data = rng.normal(loc=[1.5, 1.0], scale=[0.9, 0.6], size=(60, 2))

# %%
# The same numbers, two drawings
# ------------------------------
# On the left each vector is an arrow from the origin; on the right the same
# three vectors are only their tips, among sixty other samples. Look at the
# gray dashed lines: the entries of :math:`\mathbf{x} = (3, 1)` are how far the
# tip is along each axis.
fig, (ax_arrow, ax_point) = plt.subplots(1, 2, figsize=(9, 4.2), layout="constrained")
for v, name, color in [(x, r"\mathbf{x}", "C0"), (y, r"\mathbf{y}", "C1"), (z, r"\mathbf{z}", "C2")]:
    ax_arrow.annotate(
        "", xy=v, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, lw=2.2, mutation_scale=18)
    )
    ax_arrow.text(*(v * 1.08), f"${name} = ({v[0]:g}, {v[1]:g})$", color=color, fontsize=11, ha="center")
    ax_point.plot(*v, "o", color=color, markersize=9, label=f"${name}$", zorder=3)
ax_arrow.plot([x[0], x[0]], [0, x[1]], "--", color="0.6")
ax_arrow.plot([0, x[0]], [x[1], x[1]], "--", color="0.6")
ax_point.plot(data[:, 0], data[:, 1], ".", color="0.55", label="other samples")
for ax, title in [(ax_arrow, "Vectors as arrows"), (ax_point, "Vectors as points (a dataset)")]:
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(xlim=(-3, 4.5), ylim=(-1, 3.5), aspect="equal", title=title)
    ax.set(xlabel="feature 1 ($x_1$)", ylabel="feature 2 ($x_2$)")
ax_point.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Adding and scaling arrows
# -------------------------
# To add :math:`\mathbf{v} + \mathbf{w}`, put the tail of :math:`\mathbf{w}` on
# the tip of :math:`\mathbf{v}`; the sum is the diagonal of the parallelogram.
# Multiplying by a number stretches the arrow, and a negative number flips it.
v = np.array([2.0, 0.5])
w = np.array([0.5, 1.5])
V = np.column_stack([v, w])
s = linear_combination([1.0, 1.0], V)  # v + w
multiples = [2.0, 1.0, 0.5, -1.0]

# %%
# A line that is closed, and one that is not
# ------------------------------------------
# The line :math:`L` of all multiples of :math:`(2, 1)` passes through the
# origin; the line :math:`M` is the same line moved up by 1. Add two points of
# each: :math:`\mathbf{p} = 0.5\,(2, 1)` and :math:`\mathbf{q} = (2, 1)` on
# :math:`L`, and :math:`\mathbf{p}' = (0, 1)` and :math:`\mathbf{q}' = (2, 2)` on
# :math:`M`.
direction = np.array([2.0, 1.0])
p_L, q_L = 0.5 * direction, 1.0 * direction
p_M, q_M = np.array([0.0, 1.0]), np.array([2.0, 2.0])


def on_L(point):
    return bool(np.isclose(point[1], point[0] / 2))


def on_M(point):
    return bool(np.isclose(point[1], point[0] / 2 + 1))


# %%
# What to look at
# ---------------
# Left: addition, tip to tail; both orders reach the same corner. Middle:
# every multiple of :math:`\mathbf{v}` stays on the gray line through the
# origin. Right: on :math:`L` the sum :math:`\mathbf{p} + \mathbf{q}` (red dot)
# lands on :math:`L` again; on :math:`M` the sum of two of its points (red
# cross) falls off :math:`M`, which is why :math:`M` is not a subspace.
fig, (ax_add, ax_scale, ax_close) = plt.subplots(1, 3, figsize=(13, 4.4), layout="constrained")


def arrow(ax, start, end, color, **kw):
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops=dict(arrowstyle="-|>", color=color, lw=2, mutation_scale=16, **kw),
    )


arrow(ax_add, (0, 0), v, "C0")
arrow(ax_add, (0, 0), w, "C1")
arrow(ax_add, v, v + w, "C1", linestyle="--")
arrow(ax_add, w, v + w, "C0", linestyle="--")
arrow(ax_add, (0, 0), s, "C3")
ax_add.text(*(v / 2 + [0, -0.35]), r"$\mathbf{v}$", color="C0", fontsize=13)
ax_add.text(*(w / 2 + [-0.4, 0]), r"$\mathbf{w}$", color="C1", fontsize=13)
ax_add.text(*(s + [-0.9, 0.15]), r"$\mathbf{v} + \mathbf{w}$", color="C3", fontsize=13)
ax_add.set(title="Addition: tip to tail", xlim=(-0.5, 3.2), ylim=(-0.5, 2.6))

t = np.linspace(-1.6, 2.4, 2)
ax_scale.plot(t * v[0], t * v[1], color="0.75", lw=1, zorder=0, label=r"the line of $\mathbf{v}$")
for a, color in zip(multiples, ["C3", "C0", "C2", "C4"], strict=True):
    arrow(ax_scale, (0, 0), a * v, color)
    ax_scale.text(*(a * v + [0.05, 0.12]), f"${a:g}\\,\\mathbf{{v}}$", color=color, fontsize=12)
ax_scale.set(title="Scaling: stretch or flip", xlim=(-3, 5), ylim=(-1.5, 2.5))
ax_scale.legend(loc="upper left", fontsize=9)

t = np.linspace(-1.0, 3.8, 2)
ax_close.plot(t, t / 2, color="C0", lw=1.5, label="$L$: through the origin")
ax_close.plot(t, t / 2 + 1, color="C2", lw=1.5, label="$M$: moved up by 1")
for p_, q_, color, marker in [(p_L, q_L, "C0", "o"), (p_M, q_M, "C2", "s")]:
    ax_close.plot(*np.column_stack([p_, q_]), marker, color=color, markersize=7, linestyle="none")
    arrow(ax_close, (0, 0), p_, color)
    arrow(ax_close, (0, 0), q_, color)
    arrow(ax_close, q_, p_ + q_, color, linestyle="--")
ax_close.plot(*(p_L + q_L), "o", color="C3", markersize=9, zorder=3, label="sum stays on $L$")
ax_close.plot(*(p_M + q_M), "X", color="C3", markersize=11, zorder=3, label="sum leaves $M$")
ax_close.text(*(p_L + q_L + [-0.2, 0.25]), "$(3, 1.5)$", color="C3", fontsize=11)
ax_close.text(*(p_M + q_M + [0.2, -0.1]), "$(2, 3)$", color="C3", fontsize=11)
ax_close.set(title="Closed under addition?", xlim=(-1, 3.8), ylim=(-0.5, 3.4))
ax_close.legend(loc="upper left", fontsize=9)
for ax in (ax_add, ax_scale, ax_close):
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(aspect="equal", xlabel="$x_1$", ylabel="$x_2$")
plt.show()

# %%
# Check
# -----
# The entries are the coordinates of the tip, the sum is entry by entry and
# the same in both orders, every multiple of :math:`\mathbf{v}` is parallel to
# it (zero 2-D cross product), the sum of two points of :math:`L` is on
# :math:`L`, and the sum of two points of :math:`M` is not on :math:`M`.
np.testing.assert_allclose(s, [2.5, 2.0])
np.testing.assert_allclose(s, v + w)
np.testing.assert_allclose(linear_combination([1.0, 1.0], np.column_stack([w, v])), s)
for a in multiples:
    assert abs(v[0] * (a * v)[1] - v[1] * (a * v)[0]) < 1e-12
    np.testing.assert_allclose(norm(a * v), abs(a) * norm(v))
np.testing.assert_allclose(norm(x), np.sqrt(10))
assert on_L(p_L) and on_L(q_L) and on_L(p_L + q_L)
assert on_M(p_M) and on_M(q_M) and not on_M(p_M + q_M)
np.testing.assert_allclose(p_M + q_M, [2.0, 3.0])
# The sixty other samples form a cloud centered near (1.5, 1).
assert data.shape == (60, 2)
np.testing.assert_allclose(data.mean(axis=0), [1.5, 1.0], atol=0.3)
