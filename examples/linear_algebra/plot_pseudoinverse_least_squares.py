r"""
The pseudoinverse fits a line and finds the shortest solution
=============================================================

Twenty noisy points and two unknowns give a system with no exact solution;
the pseudoinverse returns the least-squares fit. One equation and two unknowns
give infinitely many solutions; the pseudoinverse returns the shortest one.
Concept page: :ref:`concept-pseudoinverse`.
"""

# %%
# An overdetermined system: fit a line
# ------------------------------------
# Each point :math:`(t_i, y_i)` asks for :math:`w_1 + w_2 t_i = y_i`: twenty
# equations, two unknowns. The design matrix :math:`X` has a column of ones
# (the intercept) and a column of inputs.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import pinv

rng = np.random.default_rng(3)
t = np.sort(rng.uniform(0, 4, size=20))
y = 0.5 + 2.0 * t + rng.normal(scale=0.8, size=t.size)
X = np.column_stack([np.ones_like(t), t])
w = pinv(X) @ y

# %%
# An underdetermined system: one equation, two unknowns
# -----------------------------------------------------
# Every point of the line :math:`x_1 + 2x_2 = 5` solves the equation.
A = np.array([[1.0, 2.0]])
b = np.array([5.0])
x_min = pinv(A) @ b
s = np.linspace(-3, 2.5, 2)
line = x_min[:, None] + np.outer([2.0, -1.0], s)  # x_min plus multiples of a direction along the line

# %%
# What to look at
# ---------------
# Left: no line passes through all the points; :math:`X^{+}\mathbf{y}` gives
# the line whose vertical misses (gray) have the smallest sum of squares.
# Right: :math:`A^{+}\mathbf{b}` picks the solution closest to the origin,
# where the line's perpendicular through the origin meets it.
fig, (ax, ax_min) = plt.subplots(1, 2, figsize=(10, 4.5), layout="constrained")
ax.vlines(t, y, X @ w, color="0.6", linewidth=1, label="residuals")
ax.plot(t, y, "o", color="C0", label="data $(t_i, y_i)$")
grid = np.array([0.0, 4.0])
ax.plot(
    grid,
    w[0] + w[1] * grid,
    color="C3",
    linewidth=2,
    label=f"$X^{{+}}\\mathbf{{y}}$: $y = {w[0]:.2f} + {w[1]:.2f}\\,t$",
)
ax.set(xlabel="input $t$", ylabel="target $y$", title="overdetermined: least squares")
ax.legend(loc="upper left")

ax_min.plot(*line, color="C0", linewidth=2, label="all solutions of $x_1 + 2x_2 = 5$")
ax_min.plot([0, x_min[0]], [0, x_min[1]], ":", color="0.4", label="shortest vector to the line")
ax_min.plot(*x_min, "o", color="C3", markersize=9, label=f"$A^{{+}}b = ({x_min[0]:g}, {x_min[1]:g})$")
ax_min.plot(0, 0, "k+", markersize=10)
ax_min.set(
    xlim=(-2, 6),
    ylim=(-1.5, 4.5),
    aspect="equal",
    xlabel="$x_1$",
    ylabel="$x_2$",
    title="underdetermined: minimum norm",
)
ax_min.legend(loc="upper right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The fit agrees with ``np.linalg.lstsq``; its residual is orthogonal to the
# columns of :math:`X`; the minimum-norm solution is :math:`(1, 2)`, solves the
# equation and is perpendicular to the line of solutions.
w_lstsq, *_ = np.linalg.lstsq(X, y, rcond=None)
np.testing.assert_allclose(w, w_lstsq, rtol=1e-10)
np.testing.assert_allclose(X.T @ (y - X @ w), 0.0, atol=1e-10)
np.testing.assert_allclose(x_min, [1.0, 2.0])
np.testing.assert_allclose(A @ x_min, b)
np.testing.assert_allclose(x_min @ np.array([2.0, -1.0]), 0.0, atol=1e-12)
