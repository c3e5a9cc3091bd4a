r"""
Projection: the closest point and its orthogonal residual
=========================================================

Projecting :math:`\mathbf{x}` onto a line gives the point of the line closest
to :math:`\mathbf{x}`; what is left over, the residual, is at a right angle to
the line. The second figure does the same in three dimensions onto a plane:
the geometry of least squares. Concept page: :ref:`concept-projection`.
"""

# %%
# Projecting onto a line
# ----------------------
# The line is every multiple of :math:`\mathbf{a}`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import distance, dot, project

x = np.array([1.0, 3.0])
a = np.array([3.0, 1.0])
p = project(x, a)
r = x - p
t = np.linspace(-0.5, 1.6, 200)
line_points = np.outer(t, a)
dists = np.array([distance(x, q) for q in line_points])

# %%
# What to look at
# ---------------
# The dashed residual meets the line at a right angle (the small square). The
# circle around :math:`\mathbf{x}` through :math:`\mathbf{p}` touches the line
# only at :math:`\mathbf{p}`: every other point of the line is farther away.
fig, ax = plt.subplots(figsize=(6, 5), layout="constrained")
ax.plot(line_points[:, 0], line_points[:, 1], color="C1", lw=1.5, label=r"line of $\mathbf{a}$")
ax.annotate("", xy=a, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C1", lw=2.2, mutation_scale=18))
ax.annotate("", xy=x, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C0", lw=2.2, mutation_scale=18))
ax.annotate("", xy=p, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="C2", lw=3, mutation_scale=18))
ax.plot([p[0], x[0]], [p[1], x[1]], "--", color="C3", lw=2, label=r"residual $\mathbf{x} - \mathbf{p}$")
u, n = a / np.linalg.norm(a), r / np.linalg.norm(r)
corner = np.array([p - 0.2 * u, p - 0.2 * u + 0.2 * n, p + 0.2 * n])
ax.plot(corner[:, 0], corner[:, 1], color="0.3", lw=1)
phi = np.linspace(0, 2 * np.pi, 200)
ax.plot(x[0] + np.linalg.norm(r) * np.cos(phi), x[1] + np.linalg.norm(r) * np.sin(phi), ":", color="0.5")
ax.text(*(x + [0.1, 0.1]), r"$\mathbf{x} = (1, 3)$", color="C0", fontsize=12)
ax.text(*(a + [0.0, -0.45]), r"$\mathbf{a} = (3, 1)$", color="C1", fontsize=12)
ax.text(*(p + [0.15, -0.45]), r"$\mathbf{p} = (1.8, 0.6)$", color="C2", fontsize=12)
ax.axhline(0, color="0.6", linewidth=0.8)
ax.axvline(0, color="0.6", linewidth=0.8)
ax.set(
    xlim=(-1, 5), ylim=(-1, 5), aspect="equal", xlabel="$x_1$", ylabel="$x_2$", title="Projection onto a line"
)
ax.legend(loc="upper right", fontsize=9)
plt.show()

# %%
# Least squares as a projection onto a plane
# ------------------------------------------
# Fit a line :math:`\hat y = w_1 + w_2 t` to the three points
# :math:`(0, 1), (1, 3), (2, 2)`. The two columns of :math:`A` span a plane in
# :math:`\mathbb{R}^3`; the best fit :math:`A\mathbf{w}` is the projection of
# the targets :math:`\mathbf{y}` onto that plane, and the residual sticks out of
# the plane at a right angle.
A = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
y = np.array([1.0, 3.0, 2.0])
y_hat = project(y, A)
residual = y - y_hat

fig = plt.figure(figsize=(6.5, 5.5), layout="constrained")
ax = fig.add_subplot(projection="3d")
s, u_ = np.meshgrid(np.linspace(-0.2, 2.2, 2), np.linspace(-0.3, 1.2, 2))
plane = s[..., None] * A[:, 0] + u_[..., None] * A[:, 1]
ax.plot_surface(plane[..., 0], plane[..., 1], plane[..., 2], color="C1", alpha=0.25)
for vec, colour, label in [
    (y, "C0", r"targets $\mathbf{y}$"),
    (y_hat, "C2", r"fit $A\mathbf{w}$ (projection)"),
]:
    ax.quiver(0, 0, 0, *vec, color=colour, lw=2.5, arrow_length_ratio=0.08, label=label)
ax.plot(*np.column_stack([y_hat, y]), "--", color="C3", lw=2, label="residual")
ax.set(
    xlabel="sample 1",
    ylabel="sample 2",
    zlabel="sample 3",
    title="Least squares: project $\\mathbf{y}$ onto the plane of $A$'s columns",
)
ax.set_box_aspect((1, 1, 1))
ax.view_init(elev=20, azim=50)
ax.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The projection is the formula's point, the residual is orthogonal to the line
# and to both columns of :math:`A`, the projection is the closest point of the
# sampled line, and projecting twice changes nothing.
np.testing.assert_allclose(p, [1.8, 0.6])
np.testing.assert_allclose(dot(r, a), 0, atol=1e-12)
assert np.all(dists >= distance(x, p) - 1e-12)
np.testing.assert_allclose(project(p, a), p)
np.testing.assert_allclose(y_hat, [1.5, 2.0, 2.5])
np.testing.assert_allclose(A.T @ residual, 0, atol=1e-12)
np.testing.assert_allclose(project(y_hat, A), y_hat)
