r"""
A linear system as lines that meet
==================================

Each equation of a system in two unknowns is a line in the plane; a solution
is a point on every line. Two lines can meet once, never, or everywhere.
Concept page: :ref:`concept-linear-systems`.
"""

# %%
# Three systems of two equations
# ------------------------------
# The first has one solution, the second none (parallel lines), the third
# infinitely many (the same line written twice).
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import rank, solve

systems = {
    "one solution": (np.array([[2.0, 1.0], [1.0, -1.0]]), np.array([5.0, 1.0])),
    "no solution": (np.array([[1.0, 2.0], [1.0, 2.0]]), np.array([4.0, 1.0])),
    "infinitely many": (np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([4.0, 8.0])),
}
x_solution = solve(*systems["one solution"])

# %%
# What to look at
# ---------------
# Row :math:`i` of :math:`A\mathbf{x} = \mathbf{b}` is the line
# :math:`a_{i1} x_1 + a_{i2} x_2 = b_i`. In the first panel the two lines cross at
# the one point that :func:`~mlmath_ref.linalg.solve` returns.
x1 = np.linspace(-1, 5, 2)
fig, axes = plt.subplots(1, 3, figsize=(11, 4), layout="constrained", sharey=True)
for ax, (name, (A, b)) in zip(axes, systems.items(), strict=True):
    for i, style in zip(range(2), ["-", "--"], strict=True):
        # a_i1 x1 + a_i2 x2 = b_i, solved for x2 (a_i2 is never 0 here)
        x2 = (b[i] - A[i, 0] * x1) / A[i, 1]
        label = f"${A[i, 0]:g}x_1 {A[i, 1]:+g}x_2 = {b[i]:g}$"
        ax.plot(x1, x2, style, color=f"C{i}", linewidth=2.5 - i, label=label)
    if name == "one solution":
        ax.plot(*x_solution, "o", color="C3", markersize=9, label="solution $(2, 1)$")
    ax.set(xlim=(-1, 5), ylim=(-2, 4), aspect="equal", xlabel="$x_1$", title=name)
    ax.axhline(0, color="0.7", linewidth=0.8)
    ax.axvline(0, color="0.7", linewidth=0.8)
    ax.legend(loc="upper right", fontsize=9)
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# The solution satisfies both equations; the two other systems have a matrix
# of rank 1, so their rows describe parallel lines.
A, b = systems["one solution"]
np.testing.assert_allclose(x_solution, [2.0, 1.0])
np.testing.assert_allclose(A @ x_solution, b)
assert rank(systems["no solution"][0]) == 1
assert rank(systems["infinitely many"][0]) == 1
assert rank(np.column_stack(systems["no solution"])) == 2  # b is off the column line
assert rank(np.column_stack(systems["infinitely many"])) == 1  # b is on it
