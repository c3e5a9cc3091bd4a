r"""
Chords and tangents of a convex and a non-convex loss
=====================================================

A loss is convex when every chord between two points of its graph lies on or
above the graph; for a smooth loss that is the same as every tangent line lying
on or below it. The logistic loss of one weight on the iris flowers passes both
tests; the loss of a two-layer linear network along one line through its
weights fails both. Concept page: :ref:`concept-convexity`.
"""

# %%
# Two losses of one weight
# ------------------------
# Left: logistic regression with one weight :math:`w` on the centered petal
# length of the versicolor and virginica irises, the mean cross-entropy
# :math:`\tfrac1n \sum_i \log(1 + e^{-s_i w x_i})` with labels
# :math:`s_i = \pm 1`. Right: the network :math:`\hat{y} = a\,b\,x` fitted to
# :math:`y = x`, along the line :math:`a = b = w`: :math:`L(w) =
# \tfrac12 (w^2 - 1)^2`. The tangent slopes come from
# :func:`mlmath_ref.calculus.derivative`.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.calculus import derivative, second_derivative

iris = load_iris()
keep = iris.target > 0
x = iris.data[keep, 2] - iris.data[keep, 2].mean()  # centered petal length, cm
s = np.where(iris.target[keep] == 2, 1.0, -1.0)


def logistic_loss(w):
    w = np.asarray(w, dtype=float)
    return np.mean(np.logaddexp(0, -s * w[..., None] * x), axis=-1)


def network_loss(w):
    return 0.5 * (np.asarray(w, dtype=float) ** 2 - 1) ** 2


def chord(f, u, v, grid):
    """The straight line through (u, f(u)) and (v, f(v)), on `grid`."""
    return f(u) + (f(v) - f(u)) / (v - u) * (grid - u)


def tangent(f, u, grid):
    """The tangent line of `f` at `u`, on `grid`."""
    return f(u) + derivative(f, u) * (grid - u)


w_left = np.linspace(-4.0, 16.0, 801)
w_right = np.linspace(-1.6, 1.6, 641)
chords = {"left": (0.0, 14.0), "right": (-1.0, 1.0)}
tangents = {"left": [2.0, 8.0, 14.0], "right": [0.3]}

# %%
# What to look at
# ---------------
# Left: the chord (orange) lies above the graph between its ends, and every
# tangent (green) lies below the graph everywhere: the logistic loss is
# convex. Right: the chord between the two minima :math:`w = \pm 1` runs at
# height 0 under the hump :math:`L(0) = 0.5`, and the tangent at
# :math:`w = 0.3` runs above the graph near its point of contact: the loss is
# not convex.
fig, axes = plt.subplots(1, 2, figsize=(11, 4.3), layout="constrained")
for ax, f, grid, side, title, ylim in [
    (axes[0], logistic_loss, w_left, "left", "Convex: logistic loss (iris)", (0, 1.0)),
    (axes[1], network_loss, w_right, "right", "Not convex: two-layer network", (-0.15, 0.9)),
]:
    ax.plot(grid, f(grid), color="C0", linewidth=2, label="loss $L(w)$")
    u, v = chords[side]
    between = (grid >= u) & (grid <= v)
    ax.plot(grid[between], chord(f, u, v, grid[between]), color="C1", label="chord")
    ax.plot([u, v], [f(u), f(v)], "o", color="C1")
    for k, point in enumerate(tangents[side]):
        ax.plot(
            grid, tangent(f, point, grid), "--", color="C2", linewidth=1, label="tangent" if k == 0 else None
        )
        ax.plot(point, f(point), "s", color="C2", markersize=5)
    ax.set(xlabel="weight $w$", ylabel="loss $L(w)$", title=title, ylim=ylim, xlim=(grid[0], grid[-1]))
    ax.legend(fontsize=9, loc="upper center")
plt.show()

# %%
# Check
# -----
# Left: the chord is on or above the graph between its ends, each tangent is
# on or below the graph on the whole grid, and the second derivative is
# positive at every sampled weight. Right: the chord's height 0 lies under the
# graph's 0.5 at the middle, the tangent at 0.3 is above the graph just next
# to 0.3, and the second derivative is negative at 0 and positive at the minima.
left_between = (w_left >= 0.0) & (w_left <= 14.0)
assert np.all(
    chord(logistic_loss, 0.0, 14.0, w_left[left_between]) >= logistic_loss(w_left[left_between]) - 1e-12
)
for point in tangents["left"]:
    assert np.all(tangent(logistic_loss, point, w_left) <= logistic_loss(w_left) + 1e-9)
assert np.all(second_derivative(logistic_loss, w_left[::40]) > 0)
assert chord(network_loss, -1.0, 1.0, 0.0) == 0.0 and network_loss(0.0) == 0.5
near = np.abs(w_right - 0.3) < 0.2
assert np.all((tangent(network_loss, 0.3, w_right) > network_loss(w_right))[near & (w_right != 0.3)])
assert second_derivative(network_loss, 0.0) < 0 < second_derivative(network_loss, 1.0)
assert network_loss(-1.0) == network_loss(1.0) == 0.0
