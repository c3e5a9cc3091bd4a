r"""
Three learning rates on a quadratic bowl
========================================

Gradient descent on the bowl :math:`L(\mathbf{w}) = \tfrac12 \mathbf{w}^\top H \mathbf{w}`
multiplies the part of :math:`\mathbf{w}` along each eigenvector of the Hessian
:math:`H` by :math:`1 - \eta\lambda` at every step. The learning rate :math:`\eta`
against the largest curvature :math:`\lambda_{\max}` decides the path: it
converges below :math:`2/\lambda_{\max}` and diverges above it. Concept page:
:ref:`concept-learning-rate`.
"""

# %%
# The bowl and its curvatures
# ---------------------------
# A tilted bowl whose Hessian has the eigenvalues 1 and 4, so the boundary is
# :math:`2/\lambda_{\max} = 0.5`. The eigenvalues come from
# :func:`mlmath_ref.linalg.eig_symmetric`, the paths from
# :func:`mlmath_ref.optimize.gradient_descent`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import eig_symmetric
from mlmath_ref.optimize import gradient_descent

H = np.array([[2.5, 1.5], [1.5, 2.5]])
lams, Q = eig_symmetric(H)
lam_min, lam_max = lams
steep = Q[:, 1]  # the eigenvector of the largest curvature


def loss(w):
    return 0.5 * np.einsum("...i,ij,...j->...", w, H, w)


def grad(w):
    return H @ w


w0 = np.array([-3.0, -1.0])
rates = [0.1, 0.45, 0.55]
num_steps = 30
paths = {eta: gradient_descent(grad, w0, learning_rate=eta, num_steps=num_steps) for eta in rates}
losses = {eta: loss(path) for eta, path in paths.items()}

# %%
# Three paths and their losses
# ----------------------------
# The first three panels draw the first steps of each path on the contours of
# the loss; the dashed line is the steep eigenvector. With
# :math:`\eta = 0.1` the path curves gently into the bowl. With
# :math:`\eta = 0.45` it jumps across the steep direction at every step but
# lands closer each time. With :math:`\eta = 0.55`, just past
# :math:`2/\lambda_{\max}`, each jump lands farther out. The last panel is the
# loss per step on a log scale: two paths go down, the third goes up by the
# same factor at every step, a straight line.
grid = np.linspace(-4.2, 4.2, 201)
W1, W2 = np.meshgrid(grid, grid)
L_grid = loss(np.stack([W1, W2], axis=-1))
titles = {0.1: "converges", 0.45: "zig-zags, converges", 0.55: "diverges"}
shown = 12

fig, axes = plt.subplots(2, 2, figsize=(9, 8.4), layout="constrained")
for k, (ax, eta) in enumerate(zip(axes.flat[:3], rates, strict=True)):
    ax.contour(W1, W2, L_grid, levels=[0.25, 1, 2.5, 5, 10, 20], colors="0.7", linewidths=0.8)
    ax.plot(*np.outer([-4.2, 4.2], steep).T, "--", color="0.4", linewidth=1, label="steep eigenvector")
    path = paths[eta][: shown + 1]
    outside = np.flatnonzero(np.abs(path).max(axis=1) > 4.2)
    if outside.size:  # stop one step after the path leaves the frame
        path = path[: outside[0] + 1]
    ax.plot(path[:, 0], path[:, 1], "o-", color=f"C{k}", markersize=3.5, linewidth=1.2, label="path")
    ax.plot(*w0, "s", color="k", markersize=6, label="start $\\mathbf{w}_0$")
    ax.plot(0, 0, "*", color="C3", markersize=12, label="minimum")
    ax.set(
        xlim=(-4.2, 4.2),
        ylim=(-4.2, 4.2),
        aspect="equal",
        xlabel="$w_1$",
        ylabel="$w_2$",
        title=f"$\\eta = {eta}$: {titles[eta]}",
    )
axes[0, 0].legend(loc="lower right", fontsize=8)
ax = axes[1, 1]
for k, eta in enumerate(rates):
    ax.semilogy(losses[eta], "o-", color=f"C{k}", markersize=3, label=f"$\\eta = {eta}$")
ax.set(xlabel="step $k$", ylabel="loss $L(\\mathbf{w}_k)$", title="Loss per step")
ax.legend(fontsize=9)
plt.show()

# %%
# The boundary, drawn
# -------------------
# Each step multiplies the error along eigenvector :math:`i` by
# :math:`1 - \eta\lambda_i`, so after many steps the distance to the minimum
# shrinks or grows by the largest of the :math:`|1 - \eta\lambda_i|` per step.
# The V-shaped curve is that factor against :math:`\eta`; the dots are the
# factors measured on runs of gradient descent. The curve is lowest at
# :math:`\eta = 2/(\lambda_{\min} + \lambda_{\max}) = 0.4` and crosses 1 at
# :math:`2/\lambda_{\max} = 0.5`: past that line every start except those on
# the flat eigenvector diverges.
eta_curve = np.linspace(0.0, 0.6, 601)
factor = np.maximum(np.abs(1 - eta_curve * lam_min), np.abs(1 - eta_curve * lam_max))
eta_runs = np.linspace(0.025, 0.575, 12)
measured = []
for eta in eta_runs:
    path = gradient_descent(grad, w0, learning_rate=eta, num_steps=60)
    distance = np.linalg.norm(path, axis=1)
    measured.append((distance[60] / distance[40]) ** (1 / 20))  # the late steps: one direction left
measured = np.array(measured)

fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
ax.axhspan(1, 1.45, color="C3", alpha=0.08)
ax.plot(eta_curve, factor, color="C0", label=r"$\max_i |1 - \eta\lambda_i|$")
ax.plot(eta_runs, measured, "o", color="k", markersize=5, label="measured on a run")
ax.axhline(1, color="0.3", linewidth=0.8)
ax.axvline(2 / lam_max, color="C3", linestyle="--", label=r"$2/\lambda_{\max}$")
for k, eta in enumerate(rates):
    ax.plot(eta, max(abs(1 - eta * lam_min), abs(1 - eta * lam_max)), "D", color=f"C{k}", markersize=8)
ax.text(0.53, 1.34, "diverges", color="C3")
ax.text(0.02, 0.15, "converges")
ax.set(
    xlim=(0, 0.6),
    ylim=(0, 1.45),
    xlabel="learning rate $\\eta$",
    ylabel="factor per step",
    title="Where the learning rate diverges",
)
ax.legend(loc="lower left", bbox_to_anchor=(0.0, 0.2), fontsize=9)
plt.show()

# %%
# Check
# -----
# The curvatures are 1 and 4, so the boundary is 0.5 and the best constant rate
# 0.4 (factor 0.6). Each path's error along each eigenvector changes by exactly
# :math:`1 - \eta\lambda` per step: the factors 0.6 and 0.9 for 0.1, -0.8 and
# 0.55 for 0.45, -1.2 and 0.45 for 0.55. The loss falls at every step for the
# first two rates and rises at every step for the third; the zig-zag path
# switches sides of the valley at every step; the measured factors lie on the
# curve, under 1 left of the boundary and over 1 right of it.
np.testing.assert_allclose(lams, [1.0, 4.0], atol=1e-12)
assert round(2 / lam_max, 2) == 0.5
assert round(2 / (lam_min + lam_max), 2) == 0.4
assert round((lam_max - lam_min) / (lam_max + lam_min), 2) == 0.6
expected = {0.1: (0.9, 0.6), 0.45: (0.55, -0.8), 0.55: (0.45, -1.2)}
for eta, path in paths.items():
    coords = path[: shown + 1] @ Q  # coordinates along the flat and the steep eigenvector, steps drawn
    np.testing.assert_allclose(coords[1:] / coords[:-1], np.tile(expected[eta], (shown, 1)), rtol=1e-9)
assert np.all(np.diff(losses[0.1]) < 0) and np.all(np.diff(losses[0.45]) < 0)
assert np.all(np.diff(losses[0.55]) > 0)
ratio = losses[0.55][1:] / losses[0.55][:-1]
np.testing.assert_allclose(ratio[5:], 1.2**2, rtol=1e-3)  # a straight line on the log scale
side = np.sign(paths[0.45] @ steep)
assert np.all(side[1:] == -side[:-1])
assert np.all(np.sign(paths[0.1] @ steep) == np.sign(w0 @ steep))  # never crosses the valley floor
np.testing.assert_allclose(
    measured, np.maximum(np.abs(1 - eta_runs * lam_min), np.abs(1 - eta_runs * lam_max)), atol=1e-3
)
assert np.all((measured < 1) == (eta_runs < 2 / lam_max))
