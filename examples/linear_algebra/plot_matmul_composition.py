r"""
A matrix product is one map after another
=========================================

Apply a shear :math:`B`, then a rotation :math:`A`, to a small flag-shaped
figure. The result is the same as applying the single matrix :math:`AB` once:
the product is the composition, read "first :math:`B`, then :math:`A`".
Doing the two steps in the other order gives a different picture, because
:math:`BA \neq AB`. Concept page: :ref:`concept-matrix-multiplication`.
"""

# %%
# Two maps and a shape
# --------------------
# The shape's corners are the columns of a 2-by-k array, so one product
# moves them all.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import matmul

B = np.array([[1.0, 1.0], [0.0, 1.0]])  # shear: pushes points right in proportion to their height
A = np.array([[0.0, -1.0], [1.0, 0.0]])  # rotation by 90 degrees counter-clockwise
AB = matmul(A, B)  # first B, then A
BA = matmul(B, A)  # first A, then B

# A flag: a pole with a triangle at its top, closed back to the start.
flag = np.array([[0.0, 0.0, 0.0, 1.0, 0.0, 0.0], [0.0, 2.0, 2.0, 1.5, 1.0, 0.0]])

# %%
# What to look at
# ---------------
# Panels two and three are the two steps. In panel three the dashed outline,
# drawn with :math:`AB` in one go, lies exactly on the two-step result. Panel
# four runs the steps in the other order and the flag ends up elsewhere.
stages = [
    (flag, "start", "C0"),
    (B @ flag, "after $B$ (shear)", "C1"),
    (A @ (B @ flag), "after $B$, then $A$", "C2"),
]
fig, axes = plt.subplots(1, 4, figsize=(12, 3.6), layout="constrained", sharex=True, sharey=True)
for ax, (points, title, color) in zip(axes[:3], stages):
    ax.fill(flag[0], flag[1], color="0.85", zorder=0)
    ax.plot(points[0], points[1], color=color, linewidth=2.5)
    ax.plot(points[0, 2], points[1, 2], "o", color=color)  # the top of the pole
    ax.set_title(title)
one_go = AB @ flag
axes[2].plot(one_go[0], one_go[1], "k--", linewidth=1.3, label="$AB$ in one go")
axes[2].legend(loc="lower left", fontsize=9)
other = BA @ flag
axes[3].fill(flag[0], flag[1], color="0.85", zorder=0)
axes[3].plot(other[0], other[1], color="C3", linewidth=2.5, label="$BA$: $A$ first")
axes[3].plot(one_go[0], one_go[1], "k--", linewidth=1.3, label="$AB$")
axes[3].set_title("the other order")
axes[3].legend(loc="lower left", fontsize=9)
for ax in axes:
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(aspect="equal", xlim=(-3.5, 3.5), ylim=(-2.5, 3.5), xlabel="$x_1$")
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# Two steps equal one product; each column of :math:`AB` is :math:`A` times
# the matching column of :math:`B`; ``matmul`` agrees with NumPy's ``@``; and
# the order matters: a failure here fails the site build.
np.testing.assert_allclose(A @ (B @ flag), AB @ flag)
for j in range(2):
    np.testing.assert_allclose(AB[:, j], A @ B[:, j])
np.testing.assert_allclose(AB, A @ B)
np.testing.assert_allclose(AB, [[0.0, -1.0], [1.0, 1.0]])
assert not np.allclose(AB, BA)
