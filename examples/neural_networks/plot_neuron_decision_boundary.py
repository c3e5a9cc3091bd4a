r"""
One neuron splits the plane with a straight line
================================================

A neuron computes a weighted sum :math:`z = \mathbf{w}^\top\mathbf{x} + b` of
its inputs and passes it through a nonlinearity, here the sigmoid
:math:`\sigma`. The points where :math:`z = 0` form a straight line
perpendicular to :math:`\mathbf{w}`; :math:`z / \lVert\mathbf{w}\rVert` is the
signed distance of a point from that line, and the output depends on the point
only through that distance. Concept page: :ref:`concept-neuron`.
"""

# %%
# Two clouds of points and the neuron that separates them best
# ------------------------------------------------------------
# Two overlapping clouds of 60 points each in the plane, labeled 0 and 1. The
# neuron with a sigmoid is logistic regression, so
# :func:`~mlmath_ref.stats.logistic_regression` finds its weights; the output
# is then computed with the ``Tensor`` engine, as a network would.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.autodiff import Tensor
from mlmath_ref.stats import logistic_regression

rng = np.random.default_rng(7)
n = 60
X = np.vstack([rng.normal([-0.8, -0.4], 1.0, size=(n, 2)), rng.normal([0.8, 0.6], 1.0, size=(n, 2))])
y = np.repeat([0.0, 1.0], n)
w, b = logistic_regression(X, y)


def neuron(points):
    """The output sigma(x . w + b) of the neuron for each row of `points`."""
    return (Tensor(points) @ Tensor(w) + b).sigmoid().data


out = neuron(X)
norm_w = np.linalg.norm(w)
distance = (X @ w + b) / norm_w  # signed distance from the line z = 0
accuracy = np.mean((out > 0.5) == (y == 1))
foot = -b * w / norm_w**2  # the point of the line closest to the origin

# %%
# What to look at
# ---------------
# Left: the background shade is the neuron's output. The solid line is
# :math:`z = 0`, where the output is 0.5; the arrow points along
# :math:`\mathbf{w}`, drawn from the line, perpendicular to it and pointing toward the outputs
# near 1. The dashed lines, where the output is 0.1 and 0.9, are parallel to
# it. Right: every point placed at its signed distance from the line; they
# all sit on one sigmoid curve.
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.6), layout="constrained")
g1, g2 = np.meshgrid(np.linspace(-4, 4, 240), np.linspace(-3.5, 3.5, 210))
grid_out = neuron(np.column_stack([g1.ravel(), g2.ravel()])).reshape(g1.shape)
shade = left.contourf(g1, g2, grid_out, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.45)
left.contour(g1, g2, grid_out, levels=[0.5], colors="k", linewidths=2)
left.contour(g1, g2, grid_out, levels=[0.1, 0.9], colors="k", linewidths=1, linestyles="--")
left.plot(*X[y == 0].T, "o", ms=5, color="C0", label="label 0")
left.plot(*X[y == 1].T, "^", ms=5, color="C3", label="label 1")
left.annotate(
    "", xy=foot + w / norm_w * 1.5, xytext=foot, arrowprops=dict(arrowstyle="-|>", color="k", linewidth=2)
)
left.annotate(
    r"$\mathbf{w}$", xy=foot + w / norm_w * 1.5, xytext=(4, 4), textcoords="offset points", fontsize=13
)
left.set(
    aspect="equal", xlabel="$x_1$", ylabel="$x_2$", title=r"Output $\sigma(\mathbf{w}^\top\mathbf{x} + b)$"
)
left.legend(loc="lower right", fontsize=9)
fig.colorbar(shade, ax=left, label="neuron output")
d = np.linspace(-4, 4, 300)
right.plot(d, 1 / (1 + np.exp(-norm_w * d)), color="k", lw=1.5, label=r"$\sigma(\Vert\mathbf{w}\Vert\, d)$")
right.plot(distance[y == 0], out[y == 0], "o", ms=5, color="C0", label="label 0")
right.plot(distance[y == 1], out[y == 1], "^", ms=5, color="C3", label="label 1")
right.axvline(0, color="k", lw=1, ls=":")
right.set(
    xlabel=r"signed distance $d = z / \Vert\mathbf{w}\Vert$ from the line",
    ylabel="neuron output",
    title="The same points, by distance",
)
right.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The output is 0.5 exactly on the line and depends only on the signed
# distance; the arrow is perpendicular to the line; the dashed lines are
# parallel to it at distance log(9) / norm(w); and the neuron puts 101 of the 120
# points (84%) on their side.
direction = np.array([-w[1], w[0]])  # along the line
for t in (-3.0, 0.0, 2.0):
    assert abs(neuron((foot + t * direction)[None, :])[0] - 0.5) < 1e-12
    # moving along the line changes nothing; moving along w changes the output
    assert (
        abs(neuron((foot + t * direction + 0.3 * w)[None, :])[0] - neuron((foot + 0.3 * w)[None, :])[0])
        < 1e-12
    )
assert abs(direction @ w) < 1e-12
np.testing.assert_allclose(out, 1 / (1 + np.exp(-norm_w * distance)), rtol=1e-12)
gap = np.log(9) / norm_w
np.testing.assert_allclose(neuron((foot + gap * w / norm_w)[None, :]), [0.9])
np.testing.assert_allclose(neuron((foot - gap * w / norm_w)[None, :]), [0.1])
assert X.shape[0] == 120 and int(np.sum((out > 0.5) == (y == 1))) == 101 and round(100 * accuracy) == 84
print(f"w = {w.round(3)}, b = {b:.3f}, |w| = {norm_w:.3f}, accuracy = {accuracy:.3f}")
