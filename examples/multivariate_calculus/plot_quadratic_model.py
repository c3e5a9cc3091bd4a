r"""
The second-order Taylor model of a loss
=======================================

Around a point, a loss is well described by a quadratic bowl built from its
value, gradient and Hessian there. Concept page: :ref:`concept-multivariate-taylor`.
"""

# %%
# A loss and its model at a point
# -------------------------------
# The logistic loss of two parameters on a three-point dataset, and its
# second-order model :math:`q(\mathbf{d}) = L + \nabla L^\top \mathbf{d} +
# \tfrac12 \mathbf{d}^\top H \mathbf{d}` around :math:`\mathbf{w}_0`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import gradient, hessian

X = np.array([[1.0, 0.5], [-0.5, 1.0], [0.3, -1.2]])
y = np.array([1.0, 0.0, 1.0])


def loss(w):
    z = X @ w
    return np.sum(np.logaddexp(0.0, z) - y * z)


w0 = np.array([0.5, -0.5])
L0, g0, H0 = loss(w0), gradient(loss, w0), hessian(loss, w0)


def model(w):
    d = w - w0
    return L0 + g0 @ d + 0.5 * d @ H0 @ d


grid = np.linspace(-3, 4, 141)
W1, W2 = np.meshgrid(grid, grid - 1.0)
points = np.stack([W1.ravel(), W2.ravel()], axis=1)
L = np.array([loss(w) for w in points]).reshape(W1.shape)
Q = np.array([model(w) for w in points]).reshape(W1.shape)

# %%
# What to look at
# ---------------
# Left: the contours of the loss (solid) and of the quadratic model (dashed)
# agree near :math:`\mathbf{w}_0` (the dot) and part ways far from it. Right:
# along the line through :math:`\mathbf{w}_0` in the steepest-descent
# direction, the loss, the first-order (tangent) model and the second-order
# model; the quadratic follows the curve much longer and has a minimum, which
# the tangent line never has.
levels = np.linspace(0.5, 6, 12)
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.5), layout="constrained")
ax0.contour(W1, W2, L, levels=levels, colors="C0")
ax0.contour(W1, W2, Q, levels=levels, colors="C1", linestyles="--")
ax0.plot(*w0, "ko")
ax0.plot([], [], color="C0", label="loss $L$")
ax0.plot([], [], "--", color="C1", label="quadratic model $q$")
ax0.set(xlabel="$w_1$", ylabel="$w_2$", title="Contours", aspect="equal")
ax0.legend(loc="upper right")
u = -g0 / np.linalg.norm(g0)
t = np.linspace(-2.5, 2.5, 201)
along = w0 + t[:, None] * u
ax1.plot(t, [loss(w) for w in along], label="loss")
ax1.plot(t, L0 + (g0 @ u) * t, ":", label="first order")
ax1.plot(t, [model(w) for w in along], "--", label="second order")
ax1.set(xlabel="distance $t$ along $-\\nabla L$", ylabel="loss", ylim=(0, 6))
ax1.legend()
plt.show()

# %%
# Check
# -----
# The model matches the loss to third order: halving the step divides the
# error by about 8. The Hessian of this loss is
# :math:`X^\top \operatorname{diag}(p(1-p)) X`, with :math:`p` the predicted
# probabilities.
p = 1 / (1 + np.exp(-X @ w0))
np.testing.assert_allclose(H0, X.T @ np.diag(p * (1 - p)) @ X, atol=1e-6)
np.testing.assert_allclose(g0, X.T @ (p - y), atol=1e-8)
d = np.array([0.3, 0.2])
errors = [abs(loss(w0 + s * d) - model(w0 + s * d)) for s in (0.2, 0.1)]
assert 6 < errors[0] / errors[1] < 10
# The second-order model has a bottom (its Hessian is positive definite); the first-order
# model, a plane with a non-zero slope, has none.
assert np.all(np.linalg.eigvalsh(H0) > 0) and np.linalg.norm(g0) > 0
