r"""
A matrix times a vector: a weighted sum of columns
==================================================

A matrix is a table of numbers, and the same table is a map: :math:`A\mathbf{x}`
is the columns of :math:`A` weighted by the entries of :math:`\mathbf{x}` and
added tip to tail. Read row by row, each entry of :math:`A\mathbf{x}` is the
dot product of one row with :math:`\mathbf{x}`; both readings give the same
vector. Concept page: :ref:`concept-matrix`.
"""

# %%
# A 2-by-2 matrix and a vector
# ----------------------------
# The columns :math:`\mathbf{a}_1, \mathbf{a}_2` are the two arrows that
# :math:`\mathbf{x}` weights.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import matmul

A = np.array([[1.0, -0.5], [0.5, 1.0]])
x = np.array([2.0, 1.5])
a1, a2 = A[:, 0], A[:, 1]
Ax = matmul(A, x)


def arrow(ax, start, vec, color, label, **kwargs):
    """Draw `vec` from `start` with a label at its middle."""
    start = np.asarray(start)
    ax.annotate(
        "",
        xy=start + vec,
        xytext=start,
        arrowprops=dict(arrowstyle="-|>", color=color, linewidth=2.2, **kwargs),
    )
    mid = start + vec / 2
    ax.text(mid[0] + 0.08, mid[1] - 0.25, label, color=color, fontsize=12)


# %%
# What to look at
# ---------------
# Left: the matrix as a table, columns outlined. Right: two copies of the blue
# column and one and a half of the orange column, added tip to tail, end
# exactly at the black arrow :math:`A\mathbf{x}`.
fig, axes = plt.subplots(
    1, 2, figsize=(10, 4.4), layout="constrained", gridspec_kw={"width_ratios": [1, 1.6]}
)
ax = axes[0]
ax.imshow(A, cmap="coolwarm", vmin=-2, vmax=2)
for (i, j), value in np.ndenumerate(A):
    ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=14)
for j, color in enumerate(["C0", "C1"]):
    ax.add_patch(plt.Rectangle((j - 0.45, -0.45), 0.9, 1.9, fill=False, edgecolor=color, linewidth=3))
ax.set_xticks([0, 1], [r"$\mathbf{a}_1$", r"$\mathbf{a}_2$"])
ax.set_yticks([0, 1], ["row 1", "row 2"])
ax.set_title("$A$ as a table: two columns")

ax = axes[1]
arrow(ax, (0, 0), x[0] * a1, "C0", r"$2\,\mathbf{a}_1$")
arrow(ax, x[0] * a1, x[1] * a2, "C1", r"$1.5\,\mathbf{a}_2$")
arrow(ax, (0, 0), a1, "C0", "", linestyle=":")
arrow(ax, (0, 0), a2, "C1", "", linestyle=":")
ax.text(a1[0] - 0.1, a1[1] + 0.12, r"$\mathbf{a}_1$", color="C0", fontsize=12)
ax.text(a2[0] - 0.35, a2[1] + 0.05, r"$\mathbf{a}_2$", color="C1", fontsize=12)
ax.annotate("", xy=Ax, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="black", linewidth=2.5))
ax.text(Ax[0] + 0.1, Ax[1] + 0.05, r"$A\mathbf{x} = (1.25,\ 2.5)$", fontsize=12)
ax.axhline(0, color="0.6", linewidth=0.8)
ax.axvline(0, color="0.6", linewidth=0.8)
ax.set(
    aspect="equal",
    xlim=(-1, 3.6),
    ylim=(-0.5, 3),
    xlabel="$x_1$",
    ylabel="$x_2$",
    title=r"$A\mathbf{x} = x_1\mathbf{a}_1 + x_2\mathbf{a}_2$ with $\mathbf{x} = (2, 1.5)$",
)
plt.show()

# %%
# Check
# -----
# The column reading, the row reading, ``matmul`` and NumPy's ``@`` all give
# the vector drawn: a failure here fails the site build.
np.testing.assert_allclose(Ax, [1.25, 2.5])
np.testing.assert_allclose(Ax, x[0] * a1 + x[1] * a2)
np.testing.assert_allclose(Ax, [A[0] @ x, A[1] @ x])
np.testing.assert_allclose(Ax, A @ x)
