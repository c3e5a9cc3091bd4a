r"""
Linear regression is a projection
=================================

Predict the width of an iris petal from its length, for the 150 flowers of
the iris data set. The least-squares line makes the sum of the squared
vertical gaps as small as possible. Seen as vectors with one entry per
flower, the fitted values are the projection of the targets onto the plane
of all possible predictions: the residual is at a right angle to it, and the
150-dimensional picture fits in a flat right triangle. Concept page:
:ref:`concept-linear-regression`.
"""

# %%
# The fit
# -------
# One feature, petal length :math:`x`, and the target petal width :math:`y`,
# both in centimeters. :func:`~mlmath_ref.stats.linear_regression` returns the
# slope :math:`w` and the intercept :math:`b`.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.linalg import project
from mlmath_ref.stats import linear_regression

rng = np.random.default_rng(0)
iris = load_iris()
x, y = iris.data[:, 2], iris.data[:, 3]  # petal length and petal width, cm
(w,), b = linear_regression(x[:, None], y)
y_hat = w * x + b
residual = y - y_hat

# %%
# The right triangle
# ------------------
# Subtract the mean :math:`\bar y` from every entry of the targets and of the
# fitted values. The three vectors :math:`\mathbf{y} - \bar y`,
# :math:`\hat{\mathbf{y}} - \bar y` and the residual
# :math:`\mathbf{y} - \hat{\mathbf{y}}` live in :math:`\mathbb{R}^{150}`, but
# they lie in one plane (the residual is the difference of the other two).
# Coordinates in an orthonormal basis of that plane draw them to scale.
explained = y_hat - y.mean()
total = y - y.mean()
u1 = explained / np.linalg.norm(explained)
u2 = total - (u1 @ total) * u1
u2 /= np.linalg.norm(u2)
corner = np.array([u1 @ explained, u2 @ explained])
tip = np.array([u1 @ total, u2 @ total])
residual_2d = np.array([u1 @ residual, u2 @ residual])

# %%
# What to look at
# ---------------
# Left: the 150 flowers, the least-squares line and each flower's residual (a
# vertical gap; the points are spread sideways by up to 0.04 cm so that equal
# measurements do not hide each other). Right: the same fit as vectors. The
# fitted values (green) and the residual (red) meet at a right angle, so the
# squared lengths add up, as Pythagoras says: total = explained + residual.
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5), width_ratios=[1.3, 1], layout="constrained")
shown_x = x + rng.uniform(-0.04, 0.04, size=x.size)
left.vlines(shown_x, y_hat, y, color="C3", lw=0.8, alpha=0.7, label="residuals")
left.plot(shown_x, y, "o", ms=4, color="C0", alpha=0.7, label="flowers")
grid = np.array([0.8, 7.2])
sign = "-" if b < 0 else "+"
left.plot(grid, w * grid + b, color="C2", lw=2, label=f"fit $\\hat y = {w:.3f}\\,x {sign} {abs(b):.3f}$")
left.set(xlabel="petal length $x$ (cm)", ylabel="petal width $y$ (cm)", title="Least-squares line")
left.legend(loc="upper left", fontsize=9)
right.annotate("", xy=tip, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C0", lw=2))
right.annotate("", xy=corner, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C2", lw=2))
right.annotate("", xy=tip, xytext=corner, arrowprops=dict(arrowstyle="-|>", color="C3", lw=2))
size = 0.05 * np.linalg.norm(total)
right.plot(
    [corner[0] - size, corner[0] - size, corner[0]], [0, size, size], color="0.3", lw=1
)  # the right angle
right.text(*(0.45 * tip + [-0.2, 0.25]), r"$\mathbf{y} - \bar y$", color="C0", fontsize=12, ha="right")
right.text(0.5 * corner[0], -0.45, r"$\hat{\mathbf{y}} - \bar y$", color="C2", fontsize=12, ha="center")
right.text(corner[0] + 0.15, 0.5 * tip[1], r"$\mathbf{y} - \hat{\mathbf{y}}$", color="C3", fontsize=12)
right.set(
    aspect="equal",
    xlim=(-0.5, 11),
    ylim=(-0.9, 3.3),
    xlabel="along the fitted values (cm)",
    ylabel="across (cm)",
    title=r"The same fit in $\mathbb{R}^{150}$",
)
plt.show()

# %%
# Check
# -----
# The figure's claims: 150 flowers, with petal lengths from 1 to 7 cm; the
# slope is 0.416 cm of width per cm of length and
# the intercept -0.363 cm; the fitted vector is the projection of the
# targets onto the span of the column of ones and the feature column, the
# same as NumPy's least squares; the residual is orthogonal to both columns
# (its entries sum to 0), so in the plane of the triangle it has no component
# along the fitted values; the sides are 9.30, 8.96 and 2.51 cm, and their
# squares add up: the fit explains 0.927 of the total sum of squares.
assert x.size == 150 and (round(x.min()), round(x.max())) == (1, 7)
assert round(w, 3) == 0.416 and round(b, 3) == -0.363
A = np.column_stack([np.ones_like(x), x])
np.testing.assert_allclose(project(y, A), y_hat, atol=1e-12)
np.testing.assert_allclose(np.linalg.lstsq(A, y, rcond=None)[0], [b, w], rtol=1e-12)
assert abs(residual.sum()) < 1e-12 and abs(residual @ x) < 1e-12
assert abs(residual_2d[0]) < 1e-12 * np.linalg.norm(total)
np.testing.assert_allclose(tip - corner, residual_2d, atol=1e-12)
lengths = [np.linalg.norm(total), np.linalg.norm(explained), np.linalg.norm(residual)]
assert [round(v, 2) for v in lengths] == [9.3, 8.96, 2.51]
assert abs(lengths[0] ** 2 - lengths[1] ** 2 - lengths[2] ** 2) < 1e-10
assert round(lengths[1] ** 2 / lengths[0] ** 2, 3) == 0.927
