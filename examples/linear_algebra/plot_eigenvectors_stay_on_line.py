r"""
Eigenvectors stay on their own line
===================================

A matrix turns most vectors, but it only stretches its eigenvectors: they stay
on the line they started on, scaled by the eigenvalue. Applying the map again
and again pulls every vector toward the direction of the largest eigenvalue,
which is power iteration. Concept page: :ref:`concept-eigenvalues-eigenvectors`.
"""

# %%
# The map and its eigenvectors
# ----------------------------
# :math:`A` has eigenvalues 2.5 and 1, with eigenvectors along :math:`(2, 1)`
# and :math:`(1, -1)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import power_iteration

A = np.array([[2.0, 1.0], [0.5, 1.5]])
eigenpairs = [(2.5, np.array([2.0, 1.0]) / np.sqrt(5)), (1.0, np.array([1.0, -1.0]) / np.sqrt(2))]
angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
unit_vectors = np.stack([np.cos(angles), np.sin(angles)])  # shape (2, 16)
images = A @ unit_vectors

# %%
# Power iteration
# ---------------
# Start from :math:`(0, 1)`, apply :math:`A` and rescale to length 1, again
# and again.
x = np.array([0.0, 1.0])
iterates = [x]
for _ in range(8):
    x = A @ x
    x = x / np.linalg.norm(x)
    iterates.append(x)
iterates = np.array(iterates).T

# %%
# What to look at
# ---------------
# Left: gray arrows are unit vectors, blue arrows their images; each thin line
# joins a vector to its image. Most images point in a new direction. The two
# colored eigenvectors (and their negatives) land on their own dashed line.
# Right: the power iterates (numbered) swing onto the eigenvector with the
# largest eigenvalue, 2.5.
fig, (ax, ax_pow) = plt.subplots(1, 2, figsize=(10, 5.4), layout="constrained")
for k in range(angles.size):
    ax.plot(*np.column_stack([unit_vectors[:, k], images[:, k]]), color="0.8", linewidth=0.8)
arrow = dict(angles="xy", scale_units="xy", scale=1, width=0.004)
ax.quiver(*np.zeros((2, angles.size)), *unit_vectors, color="0.6", **arrow)
ax.quiver(*np.zeros((2, angles.size)), *images, color="C0", alpha=0.5, **arrow)
for (lam, v), color in zip(eigenpairs, ["C3", "C2"], strict=True):
    ax.plot(*np.outer(v, [-3.2, 3.2]), "--", color=color, linewidth=1)
    ax.quiver(
        0,
        0,
        *(A @ v),
        color=color,
        angles="xy",
        scale_units="xy",
        scale=1,
        width=0.008,
        label=f"$A\\mathbf{{v}} = {lam:g}\\,\\mathbf{{v}}$",
    )
    ax.quiver(0, 0, *v, color="k", angles="xy", scale_units="xy", scale=1, width=0.006)
ax.set(
    xlim=(-3.2, 3.2),
    ylim=(-3.2, 3.2),
    aspect="equal",
    xlabel="$x_1$",
    ylabel="$x_2$",
    title="unit vectors and their images",
)
ax.legend(loc="lower right")

theta = np.linspace(0, 2 * np.pi, 200)
ax_pow.plot(np.cos(theta), np.sin(theta), color="0.85")
ax_pow.plot(*np.outer(eigenpairs[0][1], [-1.2, 1.2]), "--", color="C3", label="eigenvector, $\\lambda = 2.5$")
ax_pow.plot(*iterates, "o-", color="C1", label="iterates $A^k\\mathbf{x}_0$, rescaled")
for k in range(4):
    ax_pow.annotate(str(k), iterates[:, k], textcoords="offset points", xytext=(6, 4))
ax_pow.set(
    xlim=(-1.3, 1.3),
    ylim=(-1.3, 1.3),
    aspect="equal",
    xlabel="$x_1$",
    ylabel="$x_2$",
    title="repeated application of $A$",
)
ax_pow.legend(loc="lower right")
plt.show()

# %%
# Check
# -----
# Each eigenpair satisfies :math:`A\mathbf{v} = \lambda\mathbf{v}`;
# :func:`~mlmath_ref.linalg.power_iteration` finds the largest one; the
# iterates stay on the unit circle and each is closer in angle to the
# eigenvector of 2.5 than the one before; a start on the other eigenvector's
# line stays on that line.
for lam, v in eigenpairs:
    np.testing.assert_allclose(A @ v, lam * v)
lam_max, v_max = power_iteration(A)
np.testing.assert_allclose(lam_max, 2.5, rtol=1e-8)
np.testing.assert_allclose(v_max, eigenpairs[0][1], atol=1e-6)
np.testing.assert_allclose(iterates[:, -1], eigenpairs[0][1], atol=1e-3)
np.testing.assert_allclose(np.linalg.norm(iterates, axis=0), 1.0)
angle_to_dominant = np.arccos(np.abs(eigenpairs[0][1] @ iterates))
assert np.all(np.diff(angle_to_dominant) < 0)
x_other = eigenpairs[1][1]
np.testing.assert_allclose(A @ x_other / np.linalg.norm(A @ x_other), x_other)
