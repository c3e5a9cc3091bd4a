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
from mpl_toolkits.mplot3d import proj3d

from mlmath_ref.linalg import distance, dot, project

x = np.array([1.0, 3.0])
a = np.array([3.0, 1.0])
p = project(x, a)
r = x - p
t = np.linspace(-0.5, 1.6, 200)
line_points = np.outer(t, a)
dists = np.array([distance(x, q) for q in line_points])

# %%
# What to look at: the line
# -------------------------
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

# %%
# What to look at
# ---------------
# One unit is equally long on all three axes, and the camera looks along a
# direction at right angles to the fit :math:`A\mathbf{w}`, so the right angle
# between the dashed residual and the green fit is drawn as a right angle
# (the small square). A cubic box with unequal axis ranges, matplotlib's
# default, would distort it.
n_hat = residual / np.linalg.norm(residual)  # the plane's unit normal
f_hat = y_hat / np.linalg.norm(y_hat)  # direction of the fit, in the plane
m_hat = np.cross(n_hat, f_hat)  # in the plane, at right angles to the fit
tilt = np.radians(50)  # 0 looks straight down on the plane, 90 along it
eye = np.cos(tilt) * n_hat - np.sin(tilt) * m_hat  # at right angles to the fit

fig = plt.figure(figsize=(6.5, 5.5), layout="constrained")
ax = fig.add_subplot(projection="3d")
s, u_ = np.meshgrid(np.linspace(-0.2, 2.0, 2), np.linspace(-0.3, 0.9, 2))
plane = s[..., None] * A[:, 0] + u_[..., None] * A[:, 1]
ax.plot_surface(plane[..., 0], plane[..., 1], plane[..., 2], color="C1", alpha=0.25)
for vec, color, label in [
    (y, "C0", r"targets $\mathbf{y}$"),
    (y_hat, "C2", r"fit $A\mathbf{w}$ (projection)"),
]:
    ax.quiver(0, 0, 0, *vec, color=color, lw=2.5, arrow_length_ratio=0.08, label=label)
ax.plot(*np.column_stack([y_hat, y]), "--", color="C3", lw=2, label="residual")
corner = np.array([y_hat - 0.25 * f_hat, y_hat - 0.25 * f_hat + 0.25 * n_hat, y_hat + 0.25 * n_hat])
ax.plot(*corner.T, color="0.3", lw=1)
drawn = np.vstack([np.zeros(3), y, y_hat, plane.reshape(-1, 3)])
lo, hi = drawn.min(axis=0), drawn.max(axis=0)
ax.set(xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]), zlim=(lo[2], hi[2]))
ax.set_box_aspect(hi - lo, zoom=0.85)  # box sides proportional to the data ranges: equal scales
ax.set_proj_type("ortho")
ax.view_init(elev=np.degrees(np.arcsin(eye[2])), azim=np.degrees(np.arctan2(eye[1], eye[0])))
ax.set(xticks=[0, 1, 2], yticks=[0, 1, 2, 3], zticks=[0, 1, 2, 3])
ax.set(xlabel="sample 1", ylabel="sample 2", zlabel="sample 3", title=r"Project $\mathbf{y}$ onto the plane")
ax.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The projection is the formula's point, the residual is orthogonal to the line
# and to both columns of :math:`A`, the projection is the closest point of the
# sampled line, and projecting twice changes nothing. In the 3-D figure the box
# has the proportions of the data (equal scales), and on the rendered image
# the residual meets the fit at 90 degrees.
np.testing.assert_allclose(p, [1.8, 0.6])
np.testing.assert_allclose(dot(r, a), 0, atol=1e-12)
assert np.all(dists >= distance(x, p) - 1e-12)
np.testing.assert_allclose(project(p, a), p)
np.testing.assert_allclose(y_hat, [1.5, 2.0, 2.5])
np.testing.assert_allclose(A.T @ residual, 0, atol=1e-12)
np.testing.assert_allclose(project(y_hat, A), y_hat)

limits = np.array([ax.get_xlim3d(), ax.get_ylim3d(), ax.get_zlim3d()])
box = ax.get_box_aspect()
np.testing.assert_allclose(box / box[0], np.ptp(limits, axis=1) / np.ptp(limits[0]), rtol=1e-9)
fig.draw_without_rendering()  # lay out as when the image was saved


def on_screen(point):
    xs, ys, _ = proj3d.proj_transform(*point, ax.get_proj())
    return ax.transData.transform((xs, ys))


to_tip, to_origin = on_screen(y) - on_screen(y_hat), on_screen(np.zeros(3)) - on_screen(y_hat)
screen_angle = np.degrees(np.arccos(to_tip @ to_origin / np.linalg.norm(to_tip) / np.linalg.norm(to_origin)))
np.testing.assert_allclose(screen_angle, 90, atol=0.5)
