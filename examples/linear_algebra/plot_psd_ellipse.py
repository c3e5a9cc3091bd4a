r"""
A symmetric matrix turns the unit circle into an ellipse
========================================================

A symmetric matrix sends the unit circle to an ellipse whose axes point along
its orthogonal eigenvectors and whose half-lengths are its eigenvalues. Read
as a recipe, :math:`S = Q \Lambda Q^\top` is "rotate, scale along the axes,
rotate back". Concept pages: :ref:`concept-symmetric-psd` and
:ref:`concept-eigendecomposition`.
"""

# %%
# A covariance-like matrix and an indefinite one
# ----------------------------------------------
# :math:`S` is symmetric positive semidefinite (eigenvalues 1 and 3);
# :math:`B` is symmetric but has a negative eigenvalue, -1.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import eig_symmetric

S = np.array([[2.0, 1.0], [1.0, 2.0]])
B = np.array([[1.0, 2.0], [2.0, 1.0]])
eigenvalues, Q = eig_symmetric(S)  # ascending eigenvalues, orthonormal columns
if np.linalg.det(Q) < 0:  # flip one column so that Q is a rotation, not a reflection
    Q[:, 0] = -Q[:, 0]
theta = np.linspace(0, 2 * np.pi, 400)
circle = np.stack([np.cos(theta), np.sin(theta)])

# %%
# The circle and its image
# ------------------------
# Left: the ellipse :math:`S\mathbf{x}` for unit :math:`\mathbf{x}`; its axes
# are the eigenvectors, scaled by their eigenvalues. Right: the quadratic
# form :math:`\mathbf{x}^\top A \mathbf{x}` around the circle; it never dips
# below zero for :math:`S`, but it does for :math:`B`.
fig, (ax, ax_q) = plt.subplots(1, 2, figsize=(10, 4.5), layout="constrained")
ax.plot(*circle, color="0.6", label="unit circle")
ax.plot(*(S @ circle), color="C0", linewidth=2, label="image under $S$")
for lam, q, color in zip(eigenvalues, Q.T, ["C2", "C3"], strict=True):
    ax.quiver(
        0,
        0,
        *(lam * q),
        color=color,
        angles="xy",
        scale_units="xy",
        scale=1,
        width=0.01,
        label=f"$\\lambda = {lam:.0f}$ times its eigenvector",
    )
ax.set(
    xlim=(-3.3, 3.3),
    ylim=(-3.3, 3.3),
    aspect="equal",
    xlabel="$x_1$",
    ylabel="$x_2$",
    title="$S$ maps the circle to an ellipse",
)
ax.legend(loc="lower right", fontsize=9)
quad_S = np.einsum("it,ij,jt->t", circle, S, circle)
quad_B = np.einsum("it,ij,jt->t", circle, B, circle)
ax_q.plot(np.degrees(theta), quad_S, color="C0", label=r"$\mathbf{x}^\top S\,\mathbf{x}$ (PSD)")
ax_q.plot(np.degrees(theta), quad_B, "--", color="C1", label=r"$\mathbf{x}^\top B\,\mathbf{x}$ (indefinite)")
ax_q.axhline(0, color="0.5", linewidth=0.8)
ax_q.set(
    xlabel=r"angle of the unit vector $\mathbf{x}$ (degrees)",
    ylabel="value of the quadratic form",
    xticks=range(0, 361, 90),
    ylim=(-1.5, 4.2),
    title="does the map ever point backwards?",
)
ax_q.legend(loc="upper right")
plt.show()

# %%
# Rotate, scale, rotate back
# --------------------------
# The same image in three steps, following one marked point (the dot) and the
# two eigenvector directions. :math:`Q^\top` turns the eigenvectors onto the
# axes, :math:`\Lambda` stretches along the axes, :math:`Q` turns back.
Lam = np.diag(eigenvalues)
x_marked = np.array([np.cos(0.3), np.sin(0.3)])
steps = [
    ("$\\mathbf{x}$ on the unit circle", np.eye(2)),
    ("$Q^\\top\\mathbf{x}$: rotate", Q.T),
    ("$\\Lambda Q^\\top\\mathbf{x}$: scale the axes", Lam @ Q.T),
    ("$Q\\Lambda Q^\\top\\mathbf{x} = S\\mathbf{x}$: rotate back", Q @ Lam @ Q.T),
]
fig, axes = plt.subplots(1, 4, figsize=(12, 3.6), layout="constrained")
for ax, (title, M) in zip(axes, steps, strict=True):
    ax.plot(*(M @ circle), color="C0")
    for q, color in zip(Q.T, ["C2", "C3"], strict=True):
        ax.quiver(0, 0, *(M @ q), color=color, angles="xy", scale_units="xy", scale=1, width=0.015)
    ax.plot(*(M @ x_marked), "o", color="k")
    ax.set(xlim=(-3.3, 3.3), ylim=(-3.3, 3.3), aspect="equal", title=title, xlabel="$x_1$")
    ax.title.set_fontsize(10)
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# The eigenvalues are 1 and 3, the eigenvectors orthonormal, the three steps
# rebuild :math:`S`, the ellipse's longest radius is 3, and the quadratic form
# is non-negative for :math:`S` but negative somewhere for :math:`B`.
np.testing.assert_allclose(eigenvalues, [1.0, 3.0])
np.testing.assert_allclose(Q.T @ Q, np.eye(2), atol=1e-12)
np.testing.assert_allclose(Q @ Lam @ Q.T, S, atol=1e-12)
np.testing.assert_allclose(np.linalg.norm(S @ circle, axis=0).max(), 3.0, rtol=1e-4)
assert quad_S.min() >= 1.0 - 1e-12  # the smallest eigenvalue
assert quad_B.min() < 0
# The directions and ranges the alt texts quote: the eigenvector of 1 points at -45 degrees
# and the one of 3 at 45 degrees; the angle runs from 0 to 360 degrees; x^T S x stays between
# 1 and 3, and x^T B x goes down to -1.
np.testing.assert_allclose(np.degrees(np.arctan2(Q[1], Q[0])), [-45, 45])
np.testing.assert_allclose([np.degrees(theta[0]), np.degrees(theta[-1])], [0, 360])
np.testing.assert_allclose([quad_S.min(), quad_S.max(), quad_B.min()], [1, 3, -1], atol=1e-4)
