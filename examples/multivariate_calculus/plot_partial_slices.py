r"""
Partial derivatives are slopes of slices
========================================

Cut the surface :math:`z = f(x_1, x_2)` with a plane that holds :math:`x_2`
fixed and you get an ordinary curve in :math:`x_1`; its slope is
:math:`\partial f / \partial x_1`. Concept page: :ref:`concept-partial-derivative`.
"""

# %%
# A function and a point
# ----------------------
# :math:`f(x_1, x_2) = x_1^2 x_2 + \sin x_2` at the point :math:`(1, 2)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import partial_derivative


def f(x):
    return x[0] ** 2 * x[1] + np.sin(x[1])


p = np.array([1.0, 2.0])
slopes = [partial_derivative(f, p, i) for i in range(2)]
t = np.linspace(-1.0, 1.0, 101)

# %%
# What to look at
# ---------------
# Each panel is one slice through the point: on the left only :math:`x_1`
# moves, on the right only :math:`x_2`. The dashed line has the slope that
# ``partial_derivative`` returns, and it touches the curve at the point.
fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
for i, ax in enumerate(axes):
    points = p + t[:, None] * np.eye(2)[i]
    values = np.array([f(q) for q in points])
    ax.plot(points[:, i], values, label=f"slice: only $x_{i + 1}$ moves")
    ax.plot(points[:, i], f(p) + slopes[i] * t, "--", label=f"slope {slopes[i]:.3f}")
    ax.plot(p[i], f(p), "o", color="C3")
    other = 2 - i
    ax.set(
        xlabel=f"$x_{i + 1}$",
        ylabel="$f$",
        title=rf"$x_{other} = {p[1 - i]:g}$ fixed: $\partial f / \partial x_{i + 1}$",
    )
    ax.legend()
plt.show()

# %%
# Check
# -----
# The slopes agree with the partial derivatives worked by hand,
# :math:`2 x_1 x_2 = 4` and :math:`x_1^2 + \cos x_2 = 1 + \cos 2`.
np.testing.assert_allclose(slopes, [4.0, 1.0 + np.cos(2.0)], rtol=1e-8)
assert round(slopes[1], 3) == 0.584  # the slope the alt text quotes
