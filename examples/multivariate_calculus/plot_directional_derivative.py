r"""
Why the gradient is the steepest direction
==========================================

Stand at one point of a loss surface and turn around: the slope you face
depends on the direction, and it follows the curve
:math:`\lVert \nabla f \rVert \cos \theta`, largest along the gradient.
Concept page: :ref:`concept-directional-derivative`.
"""

# %%
# A point and every unit direction
# --------------------------------
# For each angle :math:`\alpha`, the unit vector
# :math:`\mathbf{u} = (\cos\alpha, \sin\alpha)` and the directional derivative
# of :math:`f(\mathbf{x}) = x_1^2 + 3 x_2^2` along it at :math:`(1, 0.5)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import directional_derivative, gradient


def f(x):
    return x[0] ** 2 + 3 * x[1] ** 2


p = np.array([1.0, 0.5])
g = gradient(f, p)
alphas = np.linspace(-np.pi, np.pi, 361)
rates = np.array([directional_derivative(f, p, np.array([np.cos(a), np.sin(a)])) for a in alphas])
alpha_g = np.arctan2(g[1], g[0])

# %%
# What to look at
# ---------------
# Left: the contours around the point, the gradient (red) and a few unit
# directions, colored by their slope. Right: the slope as a function of the
# direction angle, a cosine wave whose peak, :math:`\lVert \nabla f \rVert`,
# sits exactly at the gradient's angle; it is zero along the contour
# (perpendicular to the gradient) and most negative straight downhill.
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.5), layout="constrained")
grid = np.linspace(-0.5, 2.5, 121)
X1, X2 = np.meshgrid(grid, grid - 1.0)
ax0.contour(X1, X2, f(np.array([X1, X2])), levels=12, colors="0.6", linewidths=0.8)
for a in np.linspace(-np.pi, np.pi, 12, endpoint=False):
    u = np.array([np.cos(a), np.sin(a)])
    color = plt.cm.coolwarm(0.5 + 0.5 * (g @ u) / np.linalg.norm(g))
    ax0.annotate("", p + 0.8 * u, p, arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5})
ax0.annotate("", p + 0.2 * g, p, arrowprops={"arrowstyle": "->", "color": "C3", "lw": 3})
ax0.text(*(p + 0.2 * g + [0.05, 0]), r"$\nabla f$", color="C3", fontsize=13)
ax0.set(xlabel="$x_1$", ylabel="$x_2$", title="Unit directions at one point", aspect="equal")
ax1.plot(np.degrees(alphas), rates, label=r"$D_{\mathbf{u}} f$ computed")
ax1.plot(
    np.degrees(alphas),
    np.linalg.norm(g) * np.cos(alphas - alpha_g),
    "--",
    label=r"$\Vert\nabla f\Vert \cos\theta$",
)
ax1.axvline(np.degrees(alpha_g), color="C3", linewidth=1, label="angle of $\\nabla f$")
ax1.axhline(0, color="0.6", linewidth=0.8)
ax1.set(xlabel=r"direction angle $\alpha$ (degrees)", ylabel="slope along $\\mathbf{u}$")
ax1.legend(loc="lower center")
plt.show()

# %%
# Check
# -----
# The computed slopes follow :math:`\lVert \nabla f \rVert \cos\theta`, the
# steepest direction is the gradient's, and its slope is the gradient's length.
np.testing.assert_allclose(g, [2.0, 3.0], rtol=1e-8)
np.testing.assert_allclose(rates, np.linalg.norm(g) * np.cos(alphas - alpha_g), atol=1e-7)
assert abs(alphas[np.argmax(rates)] - alpha_g) <= np.radians(1.0)
np.testing.assert_allclose(rates.max(), np.linalg.norm(g), rtol=1e-4)
# The numbers of the caption and alt text: angles from -180 to 180 degrees; the peak, about
# 3.6, at about 56 degrees; a slope of zero 90 degrees away from the gradient.
np.testing.assert_allclose(np.degrees([alphas[0], alphas[-1]]), [-180, 180])
assert round(rates.max(), 1) == 3.6 and round(np.degrees(alpha_g)) == 56
for turn in (-90, 90):
    side = alpha_g + np.radians(turn)
    np.testing.assert_allclose(
        directional_derivative(f, p, np.array([np.cos(side), np.sin(side)])), 0, atol=1e-7
    )
