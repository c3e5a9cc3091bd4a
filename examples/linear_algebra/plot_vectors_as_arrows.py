r"""
Vectors as arrows and as points
===============================

A vector in :math:`\mathbb{R}^2` is a pair of numbers. Drawn from the origin it
is an arrow; drawn as the tip alone it is a point, which is how a dataset of
feature vectors is usually plotted. The second figure shows the two operations
every vector space has: adding arrows tip to tail and stretching an arrow.
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
# grey dashed lines: the entries of :math:`\mathbf{x} = (3, 1)` are how far the
# tip is along each axis.
fig, (ax_arrow, ax_point) = plt.subplots(1, 2, figsize=(9, 4.2), layout="constrained")
for v, name, colour in [(x, r"\mathbf{x}", "C0"), (y, r"\mathbf{y}", "C1"), (z, r"\mathbf{z}", "C2")]:
    ax_arrow.annotate(
        "", xy=v, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.2, mutation_scale=18)
    )
    ax_arrow.text(*(v * 1.08), f"${name} = ({v[0]:g}, {v[1]:g})$", color=colour, fontsize=11, ha="center")
    ax_point.plot(*v, "o", color=colour, markersize=9, label=f"${name}$", zorder=3)
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
# Left: to add :math:`\mathbf{v} + \mathbf{w}`, put the tail of
# :math:`\mathbf{w}` on the tip of :math:`\mathbf{v}`; the sum is the diagonal of
# the parallelogram. Right: multiplying by a number stretches the arrow, and a
# negative number flips it; every multiple stays on one line through the origin.
v = np.array([2.0, 0.5])
w = np.array([0.5, 1.5])
V = np.column_stack([v, w])
s = linear_combination([1.0, 1.0], V)  # v + w
multiples = [2.0, 1.0, 0.5, -1.0]

fig, (ax_add, ax_scale) = plt.subplots(1, 2, figsize=(9, 4.2), layout="constrained")


def arrow(ax, start, end, colour, **kw):
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, mutation_scale=16, **kw),
    )


arrow(ax_add, (0, 0), v, "C0")
arrow(ax_add, (0, 0), w, "C1")
arrow(ax_add, v, v + w, "C1", linestyle="--")
arrow(ax_add, w, v + w, "C0", linestyle="--")
arrow(ax_add, (0, 0), s, "C3")
ax_add.text(*(v / 2 + [0, -0.35]), r"$\mathbf{v}$", color="C0", fontsize=13)
ax_add.text(*(w / 2 + [-0.4, 0]), r"$\mathbf{w}$", color="C1", fontsize=13)
ax_add.text(*(s + [0.1, 0.1]), r"$\mathbf{v} + \mathbf{w}$", color="C3", fontsize=13)
ax_add.set(title="Addition: tip to tail", xlim=(-0.5, 3.5), ylim=(-0.5, 2.5))

t = np.linspace(-1.6, 2.4, 2)
ax_scale.plot(t * v[0], t * v[1], color="0.75", lw=1, zorder=0, label=r"the line of $\mathbf{v}$")
for a, colour in zip(multiples, ["C3", "C0", "C2", "C4"]):
    arrow(ax_scale, (0, 0), a * v, colour)
    ax_scale.text(*(a * v + [0.05, 0.12]), f"${a:g}\\,\\mathbf{{v}}$", color=colour, fontsize=12)
ax_scale.set(title="Scaling: stretch or flip", xlim=(-3, 5), ylim=(-1.5, 2.5))
ax_scale.legend(loc="upper left", fontsize=9)
for ax in (ax_add, ax_scale):
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(aspect="equal", xlabel="$x_1$", ylabel="$x_2$")
plt.show()

# %%
# Check
# -----
# The entries are the coordinates of the tip, the sum is entry by entry, and
# every multiple of :math:`\mathbf{v}` is parallel to it (zero 2-D cross product).
np.testing.assert_allclose(s, [2.5, 2.0])
np.testing.assert_allclose(s, v + w)
for a in multiples:
    assert abs(v[0] * (a * v)[1] - v[1] * (a * v)[0]) < 1e-12
    np.testing.assert_allclose(norm(a * v), abs(a) * norm(v))
np.testing.assert_allclose(norm(x), np.sqrt(10))
