r"""
Newton's method against gradient descent on an ill-conditioned loss
===================================================================

A logistic regression on one raw feature (sepal length in centimeters, around
6) and an intercept has a loss shaped like a long, narrow valley: the
intercept and the weight can trade against each other almost for free.
Gradient descent, with a learning rate that is safe everywhere, crawls along
the valley for thousands of steps. Newton's method reads the curvature from
the Hessian and is at the minimum to machine precision in five steps.
Concept page: :ref:`concept-newtons-method`.
"""

# %%
# The data and the loss
# ---------------------
# The iris flowers of scikit-learn, species versicolor (label 0) and virginica
# (label 1), 50 of each. The model is
# :math:`P(y = 1 \mid x) = \sigma(w x + b)` and the loss is the average
# cross-entropy, with its gradient and Hessian written out.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.optimize import gradient_descent, newton

iris = load_iris()
keep = iris.target > 0
x = iris.data[keep, 0]  # sepal length (cm)
y = (iris.target[keep] == 2).astype(float)
X = np.column_stack([x, np.ones_like(x)])  # row i is (x_i, 1): parameters theta = (w, b)
n = len(y)


def loss(theta):
    z = X @ theta
    return np.mean(np.logaddexp(0.0, z) - y * z)  # log(1 + e^z) - y z, without overflow


def grad(theta):
    p = 1 / (1 + np.exp(-(X @ theta)))
    return X.T @ (p - y) / n


def hess(theta):
    p = 1 / (1 + np.exp(-(X @ theta)))
    return (X.T * (p * (1 - p))) @ X / n


# %%
# The two methods from the same start
# -----------------------------------
# Since :math:`\sigma'(z) = p(1 - p) \le 1/4`, the Hessian is never larger than
# :math:`X^\top X / (4n)`, so the learning rate :math:`1/\lambda_{\max}` of that
# matrix is safe everywhere. Newton's method takes 6 steps, gradient descent
# 10,000.
safe_rate = 1 / np.linalg.eigvalsh(X.T @ X / (4 * n)).max()
start = np.zeros(2)
newton_path = newton(grad, hess, start, num_steps=6)
gd_path = gradient_descent(grad, start, learning_rate=safe_rate, num_steps=10_000)
theta_star = newton_path[-1]
best = loss(theta_star)
newton_gap = np.array([loss(t) - best for t in newton_path])
gd_gap = np.array([loss(t) - best for t in gd_path])
condition = np.linalg.cond(hess(theta_star))

# %%
# What to look at
# ---------------
# Left: contours of the loss in the :math:`(w, b)` plane, a narrow valley
# along the line :math:`b \approx -6.2\,w` (the decision boundary stays near
# :math:`x = 6.2` cm). Gradient descent (orange) falls onto the valley floor
# and then crawls (squares after 100, 1,000 and 10,000 steps); Newton's
# method (blue) jumps along it, numbered by step. Right: the loss above
# its minimum, on log axes. Newton's gap collapses, its exponent roughly
# doubling at each step; gradient descent's is still above
# :math:`10^{-3}` after 10,000 steps.
fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), layout="constrained")
ax = axes[0]
W, B = np.meshgrid(np.linspace(-0.5, 3.5, 240), np.linspace(-20, 3, 240))
Z = (
    np.logaddexp(0.0, np.multiply.outer(W, x) + B[..., None]) - y * (np.multiply.outer(W, x) + B[..., None])
).mean(-1)
ax.contour(W, B, Z - best, levels=np.geomspace(1e-3, 3, 12), colors="0.75", linewidths=0.8)
ax.plot(
    newton_path[:, 0], newton_path[:, 1], "o-", color="C0", markersize=5, label="Newton's method, 6 steps"
)
for step, (w, b) in enumerate(newton_path[:4]):
    ax.annotate(str(step), (w, b), textcoords="offset points", xytext=(-12, -4), color="C0", fontsize=9)
ax.plot(gd_path[:, 0], gd_path[:, 1], color="C1", linewidth=2, label="gradient descent, 10,000 steps")
marks = [100, 1000, 10_000]
ax.plot(gd_path[marks, 0], gd_path[marks, 1], "s", color="C1", markersize=5)
for step in marks:
    ax.annotate(f"{step:,}", gd_path[step], textcoords="offset points", xytext=(6, 2), color="C1", fontsize=9)
ax.plot(*theta_star, "x", color="k", markersize=10, markeredgewidth=2)
ax.set(xlabel="weight $w$ (per cm)", ylabel="intercept $b$", title="the loss of a logistic regression")
ax.legend(loc="upper right", fontsize=8)
ax = axes[1]
k = np.arange(1, 10_001)
ax.loglog(k, gd_gap[1:], color="C1", label="gradient descent")
positive = np.flatnonzero(newton_gap > 0)[1:]  # from step 1 on, while the gap is not rounded to 0
ax.loglog(positive, newton_gap[positive], "o-", color="C0", label="Newton's method")
ax.set(
    xlabel="step $k$",
    ylabel="loss minus its minimum",
    title=f"convergence (Hessian condition number {condition:,.0f})",
)
ax.legend(loc="center right", fontsize=8)
plt.show()

# %%
# Check
# -----
# Newton's answer is a minimum (gradient below :math:`10^{-12}`, Hessian
# positive definite) with :math:`w \approx 2.01` and :math:`b \approx -12.57`,
# so the boundary :math:`-b/w` is near 6.2 cm. Its gap is below
# :math:`10^{-2}` after one step and below :math:`10^{-13}` after 4 and 5
# steps, and once its distance to the minimum is below 1, the number of
# correct digits (minus the log of the distance) at least doubles at each
# step. The valley is narrow: the Hessian's condition
# number at the minimum is about 6,500. Gradient descent only ever goes
# down, and its gap is still above :math:`10^{-3}` after 10,000 steps.
assert np.linalg.norm(grad(theta_star)) < 1e-12 and np.all(np.linalg.eigvalsh(hess(theta_star)) > 0)
assert np.allclose(theta_star, [2.01, -12.57], atol=0.005)
assert round(-theta_star[1] / theta_star[0], 1) == 6.2
assert newton_gap[1] < 1e-2 and newton_gap[4] < 1e-13 and newton_gap[5] < 1e-13
digits = -np.log10(np.linalg.norm(newton_path[:6] - theta_star, axis=1))
close = np.flatnonzero(digits > 0)  # the steps whose distance to the minimum is below 1
assert close.size >= 3 and np.all(digits[close[1:]] >= 2 * digits[close[:-1]]), digits
assert round(condition, -2) == 6500, condition
assert gd_gap[-1] > 1e-3 and np.all(np.diff(gd_gap) <= 1e-15)  # gradient descent only ever goes down
