r"""
A saddle point and its Hessian
==============================

At a saddle point the gradient is zero, yet it is neither a minimum nor a
maximum: the surface curves up in one direction and down in another. The
Hessian's eigenvectors are those directions and its eigenvalues have opposite
signs. Concept page: :ref:`concept-hessian`.
"""

# %%
# A saddle
# --------
# :math:`f(x_1, x_2) = x_1^2 + x_1 x_2 - x_2^2`, whose only critical point is
# the origin.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import gradient, hessian


def f(x):
    return x[0] ** 2 + x[0] * x[1] - x[1] ** 2


origin = np.zeros(2)
H = hessian(f, origin)
eigenvalues, eigenvectors = np.linalg.eigh(H)
grid = np.linspace(-1.5, 1.5, 101)
X1, X2 = np.meshgrid(grid, grid)
F = f(np.array([X1, X2]))

# %%
# What to look at
# ---------------
# Left: the surface, a horse saddle. Right: its contours (solid above zero,
# dashed below) and the two eigenvectors of the Hessian. Along the red one
# (eigenvalue > 0) the function rises on both sides, a valley; along the
# purple one (eigenvalue < 0) it falls, a ridge.
fig = plt.figure(figsize=(11, 4.6), layout="constrained")
ax3d = fig.add_subplot(1, 2, 1, projection="3d")
ax3d.plot_surface(X1, X2, F, cmap="coolwarm", linewidth=0, alpha=0.9)
ax3d.set(xlabel="$x_1$", ylabel="$x_2$", zlabel="$f$", title="Surface")
ax = fig.add_subplot(1, 2, 2)
cs = ax.contour(X1, X2, F, levels=np.linspace(-2, 2, 17), cmap="coolwarm")
for lam, v, color in zip(eigenvalues, eigenvectors.T, ["C4", "C3"]):
    ax.plot(
        *np.outer([-1.4, 1.4], v).T, color=color, linewidth=2.5, label=f"eigenvector, $\\lambda$ = {lam:.2f}"
    )
ax.plot(0, 0, "ko")
ax.set(xlabel="$x_1$", ylabel="$x_2$", title="Contours and Hessian eigenvectors", aspect="equal")
ax.legend(loc="lower right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The gradient vanishes at the origin, the Hessian is the one worked by hand,
# its eigenvalues are :math:`\pm\sqrt{5}` (opposite signs: a saddle), and the
# function rises along one eigenvector and falls along the other.
np.testing.assert_allclose(gradient(f, origin), 0.0, atol=1e-10)
np.testing.assert_allclose(H, [[2.0, 1.0], [1.0, -2.0]], atol=1e-6)
np.testing.assert_allclose(eigenvalues, [-np.sqrt(5), np.sqrt(5)], atol=1e-6)
assert f(0.5 * eigenvectors[:, 1]) > 0 > f(0.5 * eigenvectors[:, 0])
assert [round(v, 2) for v in eigenvalues] == [-2.24, 2.24]  # the labels of the two segments
