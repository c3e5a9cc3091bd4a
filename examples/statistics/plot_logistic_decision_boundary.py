r"""
Logistic regression: a straight decision boundary through two iris species
==========================================================================

Tell *Iris virginica* from *Iris versicolor* by the length and width of the
petals. Logistic regression turns the weighted sum
:math:`z = \mathbf{w}^\top\mathbf{x} + b` into a probability
:math:`\sigma(z)`; the flowers where :math:`z = 0` form a straight line, the
decision boundary, and the probability changes only across it. Concept
page: :ref:`concept-logistic-regression`.
"""

# %%
# The data and the fit
# --------------------
# The 100 flowers of the two species, labeled 1 for virginica and 0 for
# versicolor. :func:`~mlmath_ref.stats.logistic_regression` finds the
# maximum-likelihood weights by Newton's method.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.stats import logistic_regression

rng = np.random.default_rng(0)
iris = load_iris()
keep = iris.target > 0
X = iris.data[keep][:, 2:4]  # petal length and petal width, cm
y = (iris.target[keep] == 2).astype(float)  # 1: virginica, 0: versicolor
w, b = logistic_regression(X, y)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


z = X @ w + b
p = sigmoid(z)
wrong = (p > 0.5) != (y == 1)

# %%
# What to look at
# ---------------
# Left: the predicted probability of virginica as a background shade, the
# decision boundary :math:`p = 0.5` (solid) and the lines :math:`p = 0.1` and
# :math:`p = 0.9` (dashed), all parallel: the probability depends on the
# flower only through :math:`z`. The six flowers on the wrong side are
# circled (points are spread by up to 0.03 cm so that equal measurements do
# not hide each other). Right: every flower placed at its :math:`z`; the curve
# is :math:`\sigma(z)`, the two-dimensional problem seen along
# :math:`\mathbf{w}`.
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5), layout="constrained")
g1, g2 = np.meshgrid(np.linspace(2.8, 7.2, 300), np.linspace(0.9, 2.6, 300))
p_grid = sigmoid(w[0] * g1 + w[1] * g2 + b)
shade = left.contourf(g1, g2, p_grid, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.5)
left.contour(g1, g2, w[0] * g1 + w[1] * g2 + b, levels=[0], colors="k", linewidths=2)
dashed = left.contour(g1, g2, p_grid, levels=[0.1, 0.9], colors="k", linewidths=1, linestyles="--")
jitter = rng.uniform(-0.03, 0.03, size=X.shape)
shown = X + jitter
left.plot(*shown[y == 0].T, "o", ms=5, color="C0", label="versicolor (0)")
left.plot(*shown[y == 1].T, "^", ms=5, color="C3", label="virginica (1)")
left.plot(*shown[wrong].T, "o", ms=13, mfc="none", mec="k", mew=1.2, label="wrong side")
left.set(xlabel="petal length (cm)", ylabel="petal width (cm)", title="Decision boundary $p = 0.5$")
left.legend(loc="upper left", fontsize=9)
fig.colorbar(shade, ax=left, label="$p$ = P(virginica)")
grid = np.linspace(-20, 20, 400)
right.plot(grid, sigmoid(grid), color="k", lw=1.5, label=r"$\sigma(z)$")
label_shift = rng.uniform(-0.03, 0.03, size=y.size)
for label, marker, color, name in [(0, "o", "C0", "versicolor (0)"), (1, "^", "C3", "virginica (1)")]:
    mask = y == label
    right.plot(z[mask], y[mask] + label_shift[mask], marker, ms=5, color=color, alpha=0.8, label=name)
right.axvline(0, color="k", lw=1, ls=":")
right.set(
    xlabel=r"$z = \mathbf{w}^\top\mathbf{x} + b$",
    ylabel="label, and predicted $p$",
    xlim=(-20, 20),
    title="The same flowers along $\\mathbf{w}$",
)
right.legend(loc="center right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The figure's claims: the weights are 5.75 and 10.45 per cm and the intercept
# -45.27, as scikit-learn's unpenalized logistic regression finds; six of the
# 100 flowers are on the wrong side (94% right); the lines p = 0.1, 0.5 and
# 0.9 are parallel, at distances :math:`\log 9 / \lVert\mathbf{w}\rVert`
# (0.184 cm) apart, which the contours drawn match; and at the maximum of the
# likelihood the gradient of the mean cross-entropy,
# :math:`\frac1n \sum_i (p_i - y_i)(\mathbf{x}_i, 1)`, is zero: the predicted
# probabilities add up to the number of virginicas, 50.
from sklearn.linear_model import LogisticRegression  # noqa: E402 (a test oracle, here only)

oracle = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
np.testing.assert_allclose(w, oracle.coef_[0], rtol=1e-5)
np.testing.assert_allclose(b, oracle.intercept_[0], rtol=1e-5)
assert [round(v, 2) for v in w] == [5.75, 10.45] and round(b, 2) == -45.27
assert len(y) == 100 and wrong.sum() == 6 and round(100 * np.mean(~wrong)) == 94
gap = np.log(9) / np.linalg.norm(w)
assert round(gap, 3) == 0.184
normal = w / np.linalg.norm(w)
for (line,), offset in zip(dashed.allsegs, [-gap, gap]):  # the dashed lines as drawn
    assert np.allclose(line @ normal + b / np.linalg.norm(w), offset, atol=1e-3)
assert abs(np.mean(p - y)) < 1e-10 and np.max(np.abs(X.T @ (p - y))) / len(y) < 1e-9
assert round(p.sum(), 6) == 50
assert np.all(np.abs(z) < 20)  # every flower is inside the right panel
