r"""
Gradient descent stalls at a saddle, then escapes
=================================================

The smallest two-layer network, :math:`\hat{y} = a\,b\,x`, fitted to
:math:`y = x`, has the loss :math:`L(a, b) = \tfrac12 (ab - 1)^2`. Its minima
fill a whole curve, :math:`ab = 1`, and all are global; its only other critical
point, the origin, is a saddle. Started near the saddle, gradient descent
slides into it, sits on a plateau, and leaves along the eigenvector of the
Hessian's negative eigenvalue. Concept page: :ref:`concept-critical-points`.
"""

# %%
# The loss, its saddle and the Hessian there
# ------------------------------------------
# :func:`mlmath_ref.multivariate.hessian` measures the curvature at the
# origin and :func:`mlmath_ref.linalg.eig_symmetric` splits it into its
# directions: curvature :math:`-1` along :math:`(1, 1)/\sqrt2`, :math:`+1`
# along :math:`(1, -1)/\sqrt2`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import eig_symmetric
from mlmath_ref.multivariate import gradient, hessian
from mlmath_ref.optimize import gradient_descent


def loss(w):
    a, b = w[0], w[1]
    return 0.5 * (a * b - 1) ** 2


def grad(w):
    a, b = w
    return np.array([(a * b - 1) * b, (a * b - 1) * a])


saddle = np.zeros(2)
H = hessian(loss, saddle)
lams, Q = eig_symmetric(H)
down, up = Q[:, 0], Q[:, 1]  # negative curvature (the escape route), positive curvature

# %%
# Four starts, all on the far side of the saddle
# ----------------------------------------------
# Each start is one unit along the upward-curving eigenvector plus a nudge
# :math:`\delta` along the downward-curving one. Near the saddle the nudge is
# multiplied by :math:`1 + \eta\,|\lambda_{\min}| = 1.1` at every step, so it
# takes about :math:`\ln(1/\delta)/\ln 1.1` steps to grow: 24 more steps for
# every factor of 10 that the nudge is smaller. With no nudge at all the path
# never leaves.
eta = 0.1
num_steps = 400
nudges = [1e-2, 1e-5, 1e-10, 0.0]
paths = {
    d: gradient_descent(grad, 1.0 * up + d * down, learning_rate=eta, num_steps=num_steps) for d in nudges
}
losses = {d: np.array([loss(w) for w in path]) for d, path in paths.items()}
escape = {d: int(np.argmax(losses[d] < 0.25)) for d in nudges[:3]}  # first step below half the plateau

# %%
# The paths and their losses
# --------------------------
# Left: the contours of the loss, the curve of minima :math:`ab = 1` (green)
# and the saddle at the origin with its two eigenvectors. Every path first
# runs down the upward-curving direction into the saddle, then turns and
# leaves along the dashed red line, the eigenvector of negative curvature.
# Right: the loss per step. Each run sits on a plateau at
# :math:`L = 0.5`, the height of the saddle, and the smaller the nudge, the
# longer the plateau; the run with no nudge stays there.
g = np.linspace(-1.6, 1.6, 241)
A, B = np.meshgrid(g, g)
L_grid = 0.5 * (A * B - 1) ** 2
colors = {1e-2: "C0", 1e-5: "C1", 1e-10: "C2", 0.0: "0.4"}
names = {
    1e-2: r"$\delta = 10^{-2}$",
    1e-5: r"$\delta = 10^{-5}$",
    1e-10: r"$\delta = 10^{-10}$",
    0.0: r"$\delta = 0$",
}

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11.5, 4.8), layout="constrained")
ax1.contour(A, B, L_grid, levels=[0.02, 0.1, 0.3, 0.5, 0.8, 1.2, 2.0], colors="0.75", linewidths=0.8)
branch = np.linspace(1 / 1.6, 1.6, 200)
for sign in (1, -1):
    ax1.plot(
        sign * branch,
        sign / branch,
        color="C2",
        linewidth=2.5,
        alpha=0.5,
        label="minima $ab = 1$" if sign > 0 else None,
    )
ax1.plot(
    *np.outer([-2.3, 2.3], down).T,
    "--",
    color="C3",
    linewidth=1.2,
    label=f"eigenvector, $\\lambda$ = {lams[0]:.0f}",
)
ax1.plot(
    *np.outer([-2.3, 2.3], up).T,
    ":",
    color="C0",
    linewidth=1.2,
    label=f"eigenvector, $\\lambda$ = +{lams[1]:.0f}",
)
for d in (1e-2, 0.0):
    ax1.plot(
        paths[d][:, 0], paths[d][:, 1], "o-", color=colors[d], markersize=2.5, linewidth=1, label=names[d]
    )
ax1.plot(0, 0, "kX", markersize=9, label="saddle")
ax1.set(
    xlim=(-1.6, 1.6), ylim=(-1.6, 1.6), aspect="equal", xlabel="$a$", ylabel="$b$", title="Paths on the loss"
)
ax1.legend(fontsize=7.5, loc="upper left")
for d in nudges:
    ax2.plot(losses[d], color=colors[d], label=names[d])
ax2.axhline(0.5, color="0.6", linestyle=":", linewidth=1)
ax2.set(
    xlabel="step $k$", ylabel="loss $L(a_k, b_k)$", ylim=(-0.03, 1.2), title="Plateaus at the saddle's height"
)
ax2.legend(fontsize=9)
plt.show()

# %%
# Check
# -----
# The origin is a critical point whose Hessian has eigenvalues -1 and +1 (a
# saddle) with the eigenvectors named above; the loss at the saddle is 0.5.
# Every nudged run passes close to the saddle, leaves along the negative
# eigenvector and ends on the curve of minima; the plateau lasts about
# ln(10)/ln(1.1) = 24 more steps per factor of 10 in the nudge; the run
# without a nudge converges to the saddle and stays at 0.5.
np.testing.assert_allclose(gradient(loss, saddle), 0.0, atol=1e-12)
np.testing.assert_allclose(H, [[0.0, -1.0], [-1.0, 0.0]], atol=1e-8)
np.testing.assert_allclose(lams, [-1.0, 1.0], atol=1e-8)
np.testing.assert_allclose(np.abs(down), [2**-0.5, 2**-0.5], atol=1e-8)
assert round(float(lams[0])) == -1 and round(float(lams[1])) == 1
assert loss(saddle) == 0.5
for d in nudges[:3]:
    path = paths[d]
    closest = np.linalg.norm(path, axis=1).argmin()
    assert np.linalg.norm(path[closest]) < 0.15
    leaving = path[closest + 1 :][np.linalg.norm(path[closest + 1 :], axis=1) > 0.3][0]
    assert abs(leaving @ down) / np.linalg.norm(leaving) > 0.99  # leaves along the negative eigenvector
    assert abs(path[-1, 0] * path[-1, 1] - 1) < 1e-6 and losses[d][-1] < 1e-12
    plateau = losses[d][closest - 5 : closest + 5]
    assert np.all(np.abs(plateau - 0.5) < 0.01)
per_decade = np.log(10) / np.log(1 + eta * abs(lams[0]))
assert round(per_decade) == 24
assert escape[1e-2] < escape[1e-5] < escape[1e-10]
np.testing.assert_allclose((escape[1e-5] - escape[1e-2]) / 3, per_decade, atol=1.0)
np.testing.assert_allclose((escape[1e-10] - escape[1e-5]) / 5, per_decade, atol=0.5)
np.testing.assert_allclose(paths[0.0][-1], 0.0, atol=1e-12)
np.testing.assert_allclose(losses[0.0][-1], 0.5, atol=1e-12)
# The numbers the caption and the alt text quote: the start (0.71, -0.71) at loss 1.1, and the
# steps at which the three nudged runs drop below 0.25.
np.testing.assert_allclose(up.round(2), [0.71, -0.71])
assert round(float(losses[1e-2][0]), 1) == 1.1
assert escape == {1e-2: 46, 1e-5: 118, 1e-10: 239}
