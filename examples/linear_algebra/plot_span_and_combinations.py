r"""
Linear combinations and their span
==================================

A linear combination :math:`a\mathbf{v} + b\mathbf{w}` is a walk: :math:`a`
times along :math:`\mathbf{v}`, then :math:`b` times along :math:`\mathbf{w}`.
The span is every point such walks can reach. The second figure compares an
independent pair, whose span is the whole plane, with a dependent pair, whose
span is only a line. Concept pages: :ref:`concept-linear-combination` and
:ref:`concept-linear-independence`.
"""

# %%
# Two directions and a grid of walks
# ----------------------------------
# The columns of ``V`` are the two vectors; each grid point is one choice of
# the coefficients :math:`(a, b)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import is_linearly_independent, linear_combination

rng = np.random.default_rng(3)
v = np.array([2.0, 0.5])
w = np.array([-0.5, 1.0])
V = np.column_stack([v, w])
coeffs = np.array([2.0, 1.5])  # a = 2, b = 1.5
target = linear_combination(coeffs, V)

# %%
# Walking to a point
# ------------------
# The thin lines are the walks with whole-number coefficients: a skewed grid.
# The thick path goes twice along :math:`\mathbf{v}`, then one and a half times
# along :math:`\mathbf{w}`, and lands on the red point.
fig, ax = plt.subplots(figsize=(6, 5), layout="constrained")
steps = np.arange(-3, 4)
for k in steps:
    ends_a = np.array([linear_combination([k, b], V) for b in (-3, 3)])
    ends_b = np.array([linear_combination([a, k], V) for a in (-3, 3)])
    ax.plot(ends_a[:, 0], ends_a[:, 1], color="C0", alpha=0.25, lw=1)
    ax.plot(ends_b[:, 0], ends_b[:, 1], color="C1", alpha=0.25, lw=1)
for start, end, color in [((0, 0), v, "C0"), (v, 2 * v, "C0"), (2 * v, target, "C1")]:
    ax.annotate(
        "", xy=end, xytext=start, arrowprops=dict(arrowstyle="-|>", color=color, lw=2.5, mutation_scale=18)
    )
ax.plot(*target, "o", color="C3", markersize=9, zorder=3)
ax.text(*(target + [0.15, 0.1]), r"$2\mathbf{v} + 1.5\mathbf{w} = (3.25, 2.5)$", color="C3", fontsize=11)
ax.text(*(v / 2 + [0, -0.45]), r"$\mathbf{v}$", color="C0", fontsize=14)
ax.text(*(2 * v + w / 2 + [0.15, -0.2]), r"$1.5\,\mathbf{w}$", color="C1", fontsize=13)
ax.axhline(0, color="0.6", linewidth=0.8)
ax.axvline(0, color="0.6", linewidth=0.8)
ax.set(
    xlim=(-4, 5.5),
    ylim=(-3, 4),
    aspect="equal",
    xlabel="$x_1$",
    ylabel="$x_2$",
    title=r"Walks $a\mathbf{v} + b\mathbf{w}$ on a skewed grid",
)
plt.show()

# %%
# Independent versus dependent
# ----------------------------
# Each dot is a combination with random coefficients. On the left the two
# vectors point in different directions and the dots spread over the plane; on
# the right :math:`\mathbf{u} = -1.5\,\mathbf{v}`, the second vector is
# redundant, and every combination stays on one line.
u = -1.5 * v
U = np.column_stack([v, u])
C = rng.uniform(-1.5, 1.5, size=(2, 300))  # 300 random coefficient pairs, one per column
points_indep = np.array([linear_combination(c, V) for c in C.T])
points_dep = np.array([linear_combination(c, U) for c in C.T])

fig, axes = plt.subplots(1, 2, figsize=(9, 4.4), layout="constrained", sharey=True)
for ax, P, second, name, title in [
    (axes[0], points_indep, w, r"\mathbf{w}", "Independent: the span is the plane"),
    (axes[1], points_dep, u, r"\mathbf{u}", "Dependent: the span is a line"),
]:
    ax.plot(P[:, 0], P[:, 1], ".", color="0.55", markersize=4, label="random combinations")
    for vec, lab, color in [(v, r"\mathbf{v}", "C0"), (second, name, "C1")]:
        ax.annotate(
            "",
            xy=vec,
            xytext=(0, 0),
            arrowprops=dict(arrowstyle="-|>", color=color, lw=2.5, mutation_scale=18),
        )
        ax.text(*(vec * 1.15 + [0, 0.15]), f"${lab}$", color=color, fontsize=14)
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(xlim=(-5, 5), ylim=(-3, 3), aspect="equal", xlabel="$x_1$", title=title)
axes[0].set_ylabel("$x_2$")
axes[0].legend(loc="lower right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The walk lands where the figure says; the left pair is independent and the
# right pair is not; and every dependent combination lies on the line of
# :math:`\mathbf{v}` (zero 2-D cross product with it).
np.testing.assert_allclose(target, [3.25, 2.5])
np.testing.assert_allclose(target, 2 * v + 1.5 * w)
assert is_linearly_independent(V)
assert not is_linearly_independent(U)
np.testing.assert_allclose(v[0] * points_dep[:, 1] - v[1] * points_dep[:, 0], 0, atol=1e-12)
assert np.ptp(v[0] * points_indep[:, 1] - v[1] * points_indep[:, 0]) > 1
