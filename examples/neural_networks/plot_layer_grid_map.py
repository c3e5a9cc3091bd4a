r"""
A layer moves the grid: a linear map, a shift, and a fold
=========================================================

A fully connected layer with two inputs and two outputs is a map of the
plane. Push the square grid through it in its three steps: the weights
:math:`W` turn and stretch it as any matrix does, the bias :math:`\mathbf{b}`
shifts it, and the ReLU folds everything that left the positive quadrant back
onto its edges. Concept page: :ref:`concept-fully-connected-layer`.
"""

# %%
# The layer
# ---------
# A :class:`~mlmath_ref.nn.Linear` layer from 2 to 2, with its weights set by
# hand so that the picture is easy to read. Points are rows:
# the layer computes ``x @ W + b``, so the image of :math:`\mathbf{e}_1` is
# the first *row* of :math:`W` (plus the bias).
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.nn import Linear

rng = np.random.default_rng(3)
layer = Linear(2, 2, rng)
layer.W.data = np.array([[1.0, 0.5], [-0.5, 1.0]])
layer.b.data = np.array([0.5, -0.5])

ticks = np.linspace(-2, 2, 9)
t = np.linspace(-2, 2, 81)
# Each grid line as a batch of points, one point per row: shape (81, 2).
lines = [np.column_stack([np.full_like(t, c), t]) for c in ticks]
lines += [np.column_stack([t, np.full_like(t, c)]) for c in ticks]
steps = [
    ("input grid", lambda p: p),
    (r"after $\mathbf{x}W$", lambda p: p @ layer.W.data),
    (r"after $\mathbf{x}W + \mathbf{b}$", lambda p: layer(p).data),
    (r"after ReLU$(\mathbf{x}W + \mathbf{b})$", lambda p: layer(p).relu().data),
]
e1, e2 = np.eye(2)

# %%
# What to look at
# ---------------
# Follow the blue and orange arrows, the images of :math:`\mathbf{e}_1` and
# :math:`\mathbf{e}_2` (drawn from the image of the origin, the red dot).
# The first two steps keep the grid a grid: straight, parallel, evenly spaced
# lines. The bias moves the origin to :math:`\mathbf{b} = (0.5, -0.5)`. The
# ReLU then sets every negative coordinate to zero: the part of the grid
# outside the positive quadrant is folded flat onto its two edges, and the
# lines bend where they cross an axis.
fig, axes = plt.subplots(1, 4, figsize=(13, 3.9), layout="constrained", sharex=True, sharey=True)
for ax, (title, f) in zip(axes, steps, strict=True):
    for line in lines:
        img = f(line)
        ax.plot(img[:, 0], img[:, 1], color="0.6", linewidth=0.8)
    origin = f(np.zeros((1, 2)))[0]
    for vec, color in [(e1, "C0"), (e2, "C1")]:
        tip = f(vec[None, :])[0]
        ax.annotate("", xy=tip, xytext=origin, arrowprops=dict(arrowstyle="-|>", color=color, linewidth=2))
    ax.plot(*origin, "o", color="C3", markersize=6)
    ax.axhline(0, color="k", linewidth=0.5, zorder=0)
    ax.axvline(0, color="k", linewidth=0.5, zorder=0)
    ax.set(aspect="equal", xlim=(-3.2, 3.2), ylim=(-3.2, 3.2), xlabel="$x_1$", title=title)
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Check
# -----
# The layer computes x W + b; the images of e1 and e2 under x W are the rows
# of W; the first three panels keep every line straight and evenly spaced;
# the origin lands on b = (0.5, -0.5); after the ReLU no coordinate is
# negative, and the grid points that had a negative coordinate now lie on an
# edge of the quadrant (76% of them). The layer has 2 * 2 + 2 = 6 parameters.
W, b = layer.W.data, layer.b.data
points = np.vstack(lines)
np.testing.assert_allclose(layer(points).data, points @ W + b)
np.testing.assert_allclose(e1 @ W, W[0])
np.testing.assert_allclose(e2 @ W, W[1])
for _, f in steps[:3]:
    for line in lines:
        d = np.diff(f(line), axis=0)
        np.testing.assert_allclose(d, np.broadcast_to(d[:1], d.shape), atol=1e-12)
np.testing.assert_allclose(steps[2][1](np.zeros((1, 2)))[0], [0.5, -0.5])
folded = steps[3][1](points)
assert folded.min() == 0.0
had_negative = (points @ W + b <= 0).any(axis=1)  # zero stays zero
np.testing.assert_array_equal((folded == 0).any(axis=1), had_negative)
# Some grid lines really bend: their steps are not all equal after the ReLU.
bent = sum(
    not np.allclose(np.diff(steps[3][1](line), axis=0), np.diff(steps[3][1](line), axis=0)[:1])
    for line in lines
)
assert bent > 0
assert round(100 * had_negative.mean()) == 76  # about three quarters of the grid is folded
assert sum(p.data.size for p in layer.parameters()) == 6
print(f"{had_negative.mean():.0%} of the grid points folded onto an edge; {bent} of {len(lines)} lines bent")
