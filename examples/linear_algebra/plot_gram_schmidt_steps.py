r"""
Gram-Schmidt, one step at a time
================================

Gram-Schmidt turns two independent vectors :math:`\mathbf{v}_1, \mathbf{v}_2`
into two perpendicular unit vectors :math:`\mathbf{q}_1, \mathbf{q}_2` that
span the same plane. Step 1 scales :math:`\mathbf{v}_1` to length one. Step 2
subtracts from :math:`\mathbf{v}_2` its projection onto :math:`\mathbf{q}_1`,
which leaves the part perpendicular to :math:`\mathbf{q}_1`, and scales that.
Concept page: :ref:`concept-gram-schmidt`.
"""

# %%
# The input vectors
# -----------------
# Two vectors that are independent but far from perpendicular.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import gram_schmidt, project, qr

v1 = np.array([3.0, 1.0])
v2 = np.array([2.0, 2.0])
V = np.column_stack([v1, v2])

q1 = v1 / np.linalg.norm(v1)  # step 1: normalize
p = project(v2, q1)  # the shadow of v2 on the line of q1
w2 = v2 - p  # step 2: subtract it ...
q2 = w2 / np.linalg.norm(w2)  # ... and normalize what is left
Q = gram_schmidt(V)


def arrow(ax, vec, color, label, start=(0.0, 0.0), style="-|>", **kwargs):
    """Draw `vec` as an arrow from `start`, with a label near its tip."""
    start = np.asarray(start)
    tip = start + vec
    ax.annotate(
        "", xy=tip, xytext=start, arrowprops=dict(arrowstyle=style, color=color, linewidth=2.2, **kwargs)
    )
    ax.text(tip[0] + 0.08, tip[1] + 0.08, label, color=color, fontsize=12)


# %%
# What to look at
# ---------------
# In the middle panel the dashed arrow is the projection of
# :math:`\mathbf{v}_2` onto :math:`\mathbf{q}_1`; the green arrow is what is
# left when you subtract it, and it meets the line of :math:`\mathbf{q}_1` at a
# right angle. On the right both results sit on the unit circle, at 90 degrees.
fig, axes = plt.subplots(1, 3, figsize=(12, 4.2), layout="constrained", sharex=True, sharey=True)
arrow(axes[0], v1, "C0", r"$\mathbf{v}_1$")
arrow(axes[0], v2, "C1", r"$\mathbf{v}_2$")
axes[0].set_title("input: $\\mathbf{v}_1, \\mathbf{v}_2$")

axes[1].axline((0, 0), tuple(q1), color="C0", linewidth=0.8, alpha=0.6)
arrow(axes[1], q1, "C0", r"$\mathbf{q}_1$")
arrow(axes[1], v2, "C1", r"$\mathbf{v}_2$")
arrow(axes[1], p, "0.35", "projection", linestyle="--")
arrow(axes[1], w2, "C2", r"$\mathbf{v}_2 - $proj", start=p)
axes[1].set_title("subtract the projection")

theta = np.linspace(0, 2 * np.pi, 200)
axes[2].plot(np.cos(theta), np.sin(theta), color="0.7", linewidth=1, label="unit circle")
arrow(axes[2], Q[:, 0], "C0", r"$\mathbf{q}_1$")
arrow(axes[2], Q[:, 1], "C2", r"$\mathbf{q}_2$")
axes[2].legend(loc="lower right", fontsize=9)
axes[2].set_title("output: orthonormal $\\mathbf{q}_1, \\mathbf{q}_2$")
for ax in axes:
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(aspect="equal", xlim=(-1.3, 3.6), ylim=(-1.3, 2.6), xlabel="$x_1$")
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# The step-by-step vectors match ``gram_schmidt``; the columns are orthonormal;
# they span the same space as the input (each :math:`\mathbf{v}_j` is its own
# projection onto the columns of :math:`Q`); and the same holds for random
# vectors in :math:`\mathbb{R}^5`, where ``qr`` gives back
# :math:`V = QR`: a failure here fails the site build.
np.testing.assert_allclose(Q, np.column_stack([q1, q2]))
np.testing.assert_allclose(float(w2 @ q1), 0.0, atol=1e-12)
np.testing.assert_allclose(Q.T @ Q, np.eye(2), atol=1e-12)
np.testing.assert_allclose(Q @ (Q.T @ V), V)
np.testing.assert_allclose(np.degrees(np.arccos(q1 @ q2)), 90)  # the right angle of the caption

rng = np.random.default_rng(0)
V5 = rng.normal(size=(5, 3))
Q5 = gram_schmidt(V5)
np.testing.assert_allclose(Q5.T @ Q5, np.eye(3), atol=1e-12)
np.testing.assert_allclose(Q5 @ (Q5.T @ V5), V5, atol=1e-12)
Qr, R = qr(V5)
np.testing.assert_allclose(Qr @ R, V5, atol=1e-12)
np.testing.assert_allclose(R, np.triu(R), atol=1e-12)
