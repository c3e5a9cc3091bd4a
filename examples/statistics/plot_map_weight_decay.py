r"""
A Gaussian prior is weight decay
================================

Maximum a posteriori fits minimize the negative log-likelihood plus the
negative log-prior. With a Gaussian prior centered at zero the second term is
:math:`\tfrac{\lambda}{2}\lVert\mathbf{w}\rVert^2`, the L2 penalty that
optimizers call weight decay. First the geometry with two weights, then a
polynomial of degree 9 whose wild least-squares fit the prior tames.
Concept page: :ref:`concept-map-regularization`.
"""

# %%
# Two correlated features
# -----------------------
# Twenty examples of two features that move together (correlation about 0.9)
# and a target :math:`y = 1.0\,x_1 + 0.5\,x_2` plus noise. The loss is the
# mean of :math:`\tfrac12 (y - \mathbf{w}^\top\mathbf{x})^2` and the penalty
# :math:`\tfrac{\lambda}{2}\lVert\mathbf{w}\rVert^2`; setting the gradient of
# their sum to zero gives
# :math:`\mathbf{w}_\lambda = (X^\top X / n + \lambda I)^{-1} X^\top\mathbf{y} / n`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.optimize import SGD
from mlmath_ref.probability import MultivariateNormal, Normal
from mlmath_ref.stats import linear_regression

rng = np.random.default_rng(4)
n = 20
X = MultivariateNormal([0.0, 0.0], [[1.0, 0.9], [0.9, 1.0]]).sample(rng, size=n)
y = X @ np.array([1.0, 0.5]) + Normal(0.0, 1.0).sample(rng, size=n)


def map_weights(X, y, lam):
    """The minimizer of mean(0.5 (y - X w)^2) + 0.5 lam ||w||^2: ridge regression without intercept."""
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + lam * np.eye(d), X.T @ y / n)


def loss(w1, w2):
    """The mean of 0.5 (y - w^T x)^2 over the examples, on a grid of weights."""
    residuals = y[:, None, None] - X[:, 0, None, None] * w1 - X[:, 1, None, None] * w2
    return 0.5 * np.mean(residuals**2, axis=0)


w_mle = linear_regression(X, y, fit_intercept=False)[0]
lam = 0.5
w_map = map_weights(X, y, lam)
path = np.array([map_weights(X, y, t) for t in np.logspace(-3, 3, 200)])
print("MLE:", w_mle.round(3), " MAP with lambda = 0.5:", w_map.round(3))

# %%
# What to look at
# ---------------
# The ellipses are contours of the loss, centered on the maximum-likelihood
# weights (star); the dashed circles are contours of the penalty, centered on
# zero, the prior's mean. As :math:`\lambda` grows, the MAP weights slide
# along the gray path from the star to the origin. At :math:`\lambda = 0.5`
# (red dot) a loss contour touches a penalty circle: there the two pulls
# balance. The path is not straight: the weights shrink fastest along the
# direction the data pin down least (along the long axis of the ellipses).
fig, ax = plt.subplots(figsize=(6, 5.2), layout="constrained")
g1, g2 = np.meshgrid(np.linspace(-1.0, 2.5, 301), np.linspace(-1.5, 2.0, 301))
L = loss(g1, g2)
ax.contour(g1, g2, L, levels=L.min() + np.array([0.05, 0.2, 0.5, 1.0, 2.0]), colors="C0", linewidths=1)
ax.contour(g1, g2, L, levels=[0.5 * np.mean((y - X @ w_map) ** 2)], colors="C0", linewidths=2.5)
radii = np.array([0.25, 0.5, 0.75, 1.0, 1.5])
t = np.linspace(0, 2 * np.pi, 200)
for r in radii:
    ax.plot(r * np.cos(t), r * np.sin(t), "--", color="C1", linewidth=1)
r_map = np.linalg.norm(w_map)
ax.plot(r_map * np.cos(t), r_map * np.sin(t), "-", color="C1", linewidth=2.5)
ax.plot(path[:, 0], path[:, 1], color="0.4", linewidth=2, label="MAP weights as $\\lambda$ grows")
ax.plot(*w_mle, "*", color="C0", markersize=15, label=f"MLE ({w_mle[0]:.2f}, {w_mle[1]:.2f})")
ax.plot(
    *w_map, "o", color="C3", markersize=9, label=f"MAP, $\\lambda = {lam}$ ({w_map[0]:.2f}, {w_map[1]:.2f})"
)
ax.plot(0, 0, "+", color="C1", markersize=14, markeredgewidth=2, label="prior mean $\\mathbf{0}$")
ax.set(
    xlabel="$w_1$",
    ylabel="$w_2$",
    title="loss contours meet penalty circles",
    aspect="equal",
    xlim=(-1.0, 2.5),
    ylim=(-1.5, 2.0),
)
ax.legend(fontsize=8, loc="lower right")
plt.show()

# %%
# A polynomial of degree 9 on twelve points
# -----------------------------------------
# Twelve equally spaced points of :math:`\sin(\pi x)` plus noise, and the
# features :math:`x, x^2, \dots, x^9`. The intercept is not penalized: the
# features and the target are centered first. Least squares (:math:`\lambda = 0`)
# threads every point and swings between them; a small penalty keeps the
# shape and drops the swings; a large one flattens the curve towards the
# mean. Right: the size of the coefficients against :math:`\lambda` (the
# leftmost dot is :math:`\lambda = 0`, drawn at the left edge): from 93 for
# least squares down towards zero.
x = np.linspace(-1.0, 1.0, 12)
t_fine = np.linspace(-1.0, 1.0, 401)
targets = np.sin(np.pi * x) + Normal(0.0, 0.25).sample(rng, size=x.size)
degree = 9
F = x[:, None] ** np.arange(1, degree + 1)
F_fine = t_fine[:, None] ** np.arange(1, degree + 1)
F_mean, y_mean = F.mean(axis=0), targets.mean()


def poly_fit(lam):
    """MAP coefficients (intercept unpenalized) and the fitted curve on the fine grid."""
    w = map_weights(F - F_mean, targets - y_mean, lam)
    return w, (F_fine - F_mean) @ w + y_mean


lambdas = {0.0: "C0", 1e-3: "C2", 1.0: "C3"}
fits = {lam_: poly_fit(lam_) for lam_ in lambdas}
truth_error = {lam_: np.mean((curve - np.sin(np.pi * t_fine)) ** 2) for lam_, (_, curve) in fits.items()}
lambda_path = np.logspace(-8, 2, 121)
coefficient_path = np.array([poly_fit(lam_)[0] for lam_ in lambda_path])
coef_norms = np.linalg.norm(coefficient_path, axis=1)

fig, (ax_fit, ax_path) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
ax_fit.plot(t_fine, np.sin(np.pi * t_fine), ":", color="0.3", label="truth $\\sin(\\pi x)$")
for lam_, color in lambdas.items():
    ax_fit.plot(t_fine, fits[lam_][1], color=color, linewidth=2, label=f"$\\lambda = {lam_:g}$")
ax_fit.plot(x, targets, "o", color="k", label="12 training points")
ax_fit.set(xlabel="$x$", ylabel="$y$", title="degree 9: the penalty tames the fit", ylim=(-2.0, 2.0))
ax_fit.legend(fontsize=8, loc="lower right")
ax_path.loglog(lambda_path, coef_norms, color="0.3", linewidth=2)
for lam_, color in lambdas.items():
    shown = lam_ if lam_ > 0 else lambda_path[0]
    ax_path.plot(shown, np.linalg.norm(fits[lam_][0]), "o", color=color, markersize=9)
ax_path.annotate(
    f"least squares: {np.linalg.norm(fits[0.0][0]):.0f}",
    (lambda_path[0], np.linalg.norm(fits[0.0][0])),
    textcoords="offset points",
    xytext=(10, -14),
    fontsize=8,
)
ax_path.set(
    xlabel="penalty $\\lambda$",
    ylabel="size of the weights $\\Vert \\mathbf{w} \\Vert$",
    title="the weights shrink as $\\lambda$ grows",
)
plt.show()

# %%
# Check
# -----
# The MAP weights zero the gradient of loss plus penalty; full-batch
# :class:`~mlmath_ref.optimize.SGD` with ``weight_decay=0.5`` on the loss alone
# lands on them; the MAP point is where the loss contour and the penalty
# circle are tangent (their gradients are parallel); the path runs from the
# MLE to the origin with a norm that never grows. For the polynomial, the
# least-squares fit has the largest coefficients and the smallest training
# error, and swings up to 1.5 near the right end, while the error against the
# truth is smallest at :math:`\lambda = 10^{-3}`; the ridge path ends near
# zero and its norm shrinks as :math:`\lambda` grows.
grad_loss = -X.T @ (y - X @ w_map) / n
np.testing.assert_allclose(grad_loss + lam * w_map, 0.0, atol=1e-12)
cross = grad_loss[0] * w_map[1] - grad_loss[1] * w_map[0]
assert abs(cross) < 1e-12 and grad_loss @ w_map < 0  # parallel, pointing opposite ways
np.testing.assert_allclose(map_weights(X, y, 0.0), w_mle, rtol=1e-10)
w = np.zeros(2)
optimizer = SGD(learning_rate=0.5, weight_decay=lam)
for _ in range(500):
    optimizer.step([w], [-X.T @ (y - X @ w) / n])
np.testing.assert_allclose(w, w_map, rtol=1e-10)
norms = np.linalg.norm(path, axis=1)
assert np.all(np.diff(norms) <= 1e-12) and norms[-1] < 0.01 * np.linalg.norm(w_mle)
np.testing.assert_allclose(path[0], w_mle, atol=0.01)
eigenvalues, eigenvectors = np.linalg.eigh(X.T @ X / n)  # ascending: the first is the weak direction
shrink = (eigenvectors.T @ w_map) / (eigenvectors.T @ w_mle)
np.testing.assert_allclose(shrink, eigenvalues / (eigenvalues + lam), rtol=1e-10)
assert shrink[0] < shrink[1]
assert np.all(np.diff(coef_norms) <= 1e-9)
assert np.linalg.norm(fits[0.0][0]) > 10 * np.linalg.norm(fits[1e-3][0])
assert truth_error[1e-3] < min(truth_error[0.0], truth_error[1.0])
train_error = {lam_: np.mean(((F - F_mean) @ w_ + y_mean - targets) ** 2) for lam_, (w_, _) in fits.items()}
assert train_error[0.0] < train_error[1e-3] < train_error[1.0]
assert round(fits[0.0][1].max(), 1) == 1.5 and t_fine[np.argmax(fits[0.0][1])] > 0.8
np.testing.assert_allclose(poly_fit(0.0)[0], linear_regression(F, targets)[0], rtol=1e-6)
assert np.isclose(lambda_path[0], 1e-8) and np.isclose(lambda_path[-1], 100)  # the axis range
assert round(lam, 1) == 0.5 and round(np.linalg.norm(fits[0.0][0])) == 93
assert [round(v, 2) for v in (*w_mle, *w_map)] == [0.84, 0.91, 0.76, 0.65]
