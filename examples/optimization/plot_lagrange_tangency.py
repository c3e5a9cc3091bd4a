r"""
A Lagrange multiplier at the tangency of a contour and a constraint
===================================================================

Fit a linear regression on the iris flowers with its weight vector held on
a circle :math:`\lVert \mathbf{w} \rVert = r`. The best point on the circle
is where a contour of the loss just touches it: there the gradient of the
loss and the gradient of the constraint are parallel, and the ratio of their
lengths is the Lagrange multiplier :math:`\lambda`. That :math:`\lambda` is
also the weight decay that gives the same weights. Concept page:
:ref:`concept-constrained-optimization`.
"""

# %%
# The loss
# --------
# Predict the sepal width of the 150 iris flowers from their sepal length and
# petal length, both standardized, with the squared-error loss
# :math:`L(\mathbf{w}) = \frac{1}{2n}\lVert X\mathbf{w} - \mathbf{y}\rVert^2`
# (the target is centered, so no intercept is needed). The two features are
# strongly correlated, which tilts the elliptical contours.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.linalg import solve
from mlmath_ref.optimize import SGD

data = load_iris().data
X = data[:, [0, 2]]  # sepal length, petal length
X = (X - X.mean(axis=0)) / X.std(axis=0)
y = data[:, 1] - data[:, 1].mean()  # sepal width, centered
n = len(y)
A, c = X.T @ X / n, X.T @ y / n  # L(w) = w.A.w / 2 - c.w + const, gradient A w - c
w_ls = solve(A, c)  # the unconstrained minimum
r = 0.25


def loss(w):
    return 0.5 * np.mean((X @ w - y) ** 2)


def loss_gradient(w):
    return A @ w - c


# %%
# The point of tangency
# ---------------------
# The constraint is :math:`g(\mathbf{w}) = \tfrac12(\lVert\mathbf{w}\rVert^2 - r^2) = 0`,
# with gradient :math:`\nabla g(\mathbf{w}) = \mathbf{w}`. The Lagrange
# condition :math:`\nabla L(\mathbf{w}) + \lambda \mathbf{w} = \mathbf{0}` reads
# :math:`(A + \lambda I)\mathbf{w} = \mathbf{c}`: for each :math:`\lambda \ge 0` it
# gives one :math:`\mathbf{w}(\lambda)`, whose length shrinks as :math:`\lambda`
# grows. Bisection finds the :math:`\lambda` that puts it on the circle.
def w_of(lam):
    return solve(A + lam * np.eye(2), c)


low, high = 0.0, 100.0
for _ in range(100):
    mid = (low + high) / 2
    low, high = (mid, high) if np.linalg.norm(w_of(mid)) > r else (low, mid)
lam = (low + high) / 2
w_star = w_of(lam)

# An independent answer: the loss at 100,000 points of the circle. Its local
# minima and maxima are the points where the circle touches a contour; at each
# one the multiplier that best fits the condition is computed.
phi = np.linspace(-np.pi, np.pi, 100_001)
on_circle = r * np.column_stack([np.cos(phi), np.sin(phi)])
circle_loss = 0.5 * np.mean((on_circle @ X.T - y) ** 2, axis=1)
slope_sign = np.sign(np.diff(circle_loss))
turns = np.flatnonzero(slope_sign[1:] != slope_sign[:-1]) + 1  # local minima and maxima along the circle
touching = on_circle[turns]
multipliers = np.array([-(loss_gradient(p) @ p) / r**2 for p in touching])  # least-squares fit of lambda
phi_star = np.arctan2(w_star[1], w_star[0])

# The same point as weight decay: SGD on the full-batch gradient of L with weight_decay = lambda.
w = np.zeros(2)
opt = SGD(learning_rate=0.5, weight_decay=lam)
for _ in range(2000):
    opt.step([w], [loss_gradient(w)])

# %%
# What to look at
# ---------------
# Left: contours of the loss around its unconstrained minimum (the cross), and
# the circle of radius 0.25. The best point on the circle (the dot) is where
# the highlighted contour touches it; there the arrows of :math:`\nabla L` and
# of :math:`\nabla g = \mathbf{w}` lie on one line and point in opposite
# directions. Right: the loss along the circle against the angle. The circle
# touches a contour at four points, its two local minima and two local maxima,
# and the Lagrange condition holds at all four; only the best one has a
# multiplier :math:`\lambda \ge 0`.
fig, axes = plt.subplots(1, 2, figsize=(11, 4.6), layout="constrained")
ax = axes[0]
W1, W2 = np.meshgrid(np.linspace(-0.45, 0.75, 300), np.linspace(-0.9, 0.4, 300))
grid_loss = 0.5 * (A[0, 0] * W1**2 + 2 * A[0, 1] * W1 * W2 + A[1, 1] * W2**2) - c[0] * W1 - c[1] * W2
offset = loss(np.zeros(2))  # L(0); the grid formula drops this constant
ax.contour(W1, W2, grid_loss + offset, levels=12, colors="0.75", linewidths=0.8)
ax.contour(W1, W2, grid_loss + offset, levels=[loss(w_star)], colors="C0", linewidths=1.5)
ax.plot(
    on_circle[:, 0], on_circle[:, 1], color="C1", linewidth=2, label=r"constraint $\|\mathbf{w}\| = 0.25$"
)
ax.plot(*w_ls, "x", color="k", markersize=9, markeredgewidth=2, label="unconstrained minimum")
ax.plot(*w_star, "o", color="C0", markersize=7, label="constrained minimum")
others = np.flatnonzero(np.abs(phi[turns] - phi_star) > 1e-3)
ax.plot(
    touching[others, 0],
    touching[others, 1],
    "s",
    color="C3",
    markersize=5,
    markerfacecolor="none",
    label="other tangencies",
)
up = loss_gradient(w_star)
ax.annotate(
    "",
    w_star + up / np.linalg.norm(up) * 0.2,
    w_star,
    arrowprops={"arrowstyle": "->", "color": "C0", "lw": 1.5},
)
ax.annotate("", w_star + w_star / r * 0.2, w_star, arrowprops={"arrowstyle": "->", "color": "C1", "lw": 1.5})
ax.text(*(w_star + up / np.linalg.norm(up) * 0.2 + [-0.1, 0.0]), r"$\nabla L$", color="C0")
ax.text(*(w_star + w_star / r * 0.2 + [0.02, -0.02]), r"$\nabla g$", color="C1")
ax.set(
    xlabel="$w_1$ (sepal length)",
    ylabel="$w_2$ (petal length)",
    aspect="equal",
    title="loss contours and the constraint",
)
ax.legend(loc="lower left", fontsize=8)
ax = axes[1]
ax.plot(np.degrees(phi), circle_loss, color="C1")
for k, (angle, mult) in enumerate(zip(phi[turns], multipliers, strict=True)):
    best = abs(angle - phi_star) < 1e-3
    ax.plot(
        np.degrees(angle),
        circle_loss[turns[k]],
        "o" if best else "s",
        color="C0" if best else "C3",
        markersize=7 if best else 5,
        markerfacecolor=None if best else "none",
    )
    ax.annotate(
        f"$\\lambda = {mult:.2f}$",
        (np.degrees(angle), circle_loss[turns[k]]),
        textcoords="offset points",
        xytext=(-30, -16 if best else 8),
        color="C0" if best else "C3",
        fontsize=9,
    )
ax.set(
    xlabel=r"angle of $\mathbf{w}$ on the circle (degrees)",
    ylabel=r"loss $L(\mathbf{w})$",
    title="the loss along the circle",
)
ax.set(xlim=(-200, 200), ylim=(0.05, 0.22))
plt.show()

# %%
# Check
# -----
# The point is on the circle and is the best of the 100,000 points (to the
# grid's spacing); the two gradients are antiparallel there, with
# :math:`\lVert\nabla L\rVert = \lambda \lVert\nabla g\rVert` and
# :math:`\lambda \approx 0.274`. The circle has exactly four local extrema;
# the condition holds at each (to the grid's spacing) and the multiplier is
# positive only at the best point. SGD with weight decay :math:`\lambda`
# converges to the same weights.
assert abs(np.linalg.norm(w_star) - r) < 1e-12 and np.linalg.norm(w_ls) > r  # the constraint is active
assert abs(np.angle(np.exp(1j * (phi_star - phi[np.argmin(circle_loss)])))) < 1e-4
g_L, g_g = loss_gradient(w_star), w_star
cosine = g_L @ g_g / (np.linalg.norm(g_L) * np.linalg.norm(g_g))
assert abs(cosine + 1) < 1e-12 and abs(np.linalg.norm(g_L) - lam * np.linalg.norm(g_g)) < 1e-12
assert round(lam, 3) == 0.274, lam
assert len(turns) == 4
for p, mult in zip(touching, multipliers, strict=True):
    assert np.linalg.norm(loss_gradient(p) + mult * p) < 1e-4
assert np.flatnonzero(multipliers > 0).tolist() == [int(np.argmin(circle_loss[turns]))]
assert abs(multipliers.max() - lam) < 1e-4
np.testing.assert_allclose(w, w_star, atol=1e-10)
