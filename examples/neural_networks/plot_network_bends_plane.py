r"""
A two-layer network bends the plane, and more units fit a curve closer
======================================================================

A layer alone keeps straight lines straight (up to the fold of its ReLU);
two layers in a chain bend them. Push the square grid through a network
with two inputs, two hidden ReLU units and two outputs: every grid line
comes out as a chain of straight pieces with a kink where it crosses a fold
line of a hidden unit. Then, in one dimension, a hidden layer of :math:`n`
ReLU units draws a broken line with :math:`n` pieces, and with more units
the broken line follows a smooth curve as closely as you like.
Concept page: :ref:`concept-neural-network-function`.
"""

# %%
# The network
# -----------
# An :class:`~mlmath_ref.nn.MLP` with sizes ``[2, 2, 2]``: a layer, a ReLU,
# a layer. Its weights are set by hand so the picture is easy to follow; the
# first layer turns the grid as the layer of the fully connected layer page
# does, with a bias that keeps most of the square on the side where both
# hidden units are on.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.nn import MLP

rng = np.random.default_rng(5)
net = MLP([2, 2, 2], rng)
first, second = net.layers
first.W.data = np.array([[1.0, 0.5], [-0.5, 1.0]])
first.b.data = np.array([1.2, 1.2])
second.W.data = np.array([[1.0, -0.8], [0.6, 1.0]])
second.b.data = np.array([-0.5, 0.3])

ticks = np.linspace(-2, 2, 9)
t = np.linspace(-2, 2, 161)
lines = [np.column_stack([np.full_like(t, c), t]) for c in ticks]  # vertical lines
lines += [np.column_stack([t, np.full_like(t, c)]) for c in ticks]  # horizontal lines
colors = plt.cm.viridis(np.linspace(0, 1, len(ticks)))


def hidden(points):
    """The hidden layer's output, ReLU(x W1 + b1), one row per point."""
    return first(points).relu().data


stages = [
    ("input $\\mathbf{x}$", lambda p: p),
    ("hidden: ReLU$(\\mathbf{x}W_1 + \\mathbf{b}_1)$", hidden),
    ("output: $\\mathbf{h}W_2 + \\mathbf{b}_2$", lambda p: net(p).data),
]

# %%
# What to look at
# ---------------
# The colors follow each grid line from panel to panel (vertical lines solid,
# horizontal lines dotted). The two dashed lines in the input are where a
# hidden unit's pre-activation is zero: its fold lines. They cut the plane into
# 4 regions, and on each region the network is one affine map; across a fold
# line it switches to another. So a straight input line comes out as at most
# 3 straight pieces, with a kink at each fold it crosses.
fig, axes = plt.subplots(1, 3, figsize=(12.5, 4.3), layout="constrained")
for ax, (title, f) in zip(axes, stages, strict=True):
    for k, line in enumerate(lines):
        img = f(line)
        style = "-" if k < len(ticks) else ":"
        ax.plot(img[:, 0], img[:, 1], style, color=colors[k % len(ticks)], linewidth=1.3)
    ax.set(aspect="equal", title=title)
W1, b1 = first.W.data, first.b.data
for j in range(2):  # fold line of hidden unit j: x1 W1[0, j] + x2 W1[1, j] + b1[j] = 0
    x1 = np.linspace(-2, 2, 2)
    axes[0].plot(x1, -(x1 * W1[0, j] + b1[j]) / W1[1, j], "--", color="k", linewidth=1.5)
axes[0].set(xlim=(-2.3, 2.3), ylim=(-2.3, 2.3), xlabel="$x_1$", ylabel="$x_2$")
axes[1].set(xlabel="$h_1$", ylabel="$h_2$")
axes[2].set(xlabel="$y_1$", ylabel="$y_2$")
plt.show()

# %%
# More hidden units, a closer fit
# -------------------------------
# One input, one output, and a hidden layer of :math:`n` ReLU units. Unit
# :math:`k` switches on at a knot :math:`t_k`, and the output layer gives it
# the change of slope there: the network is the broken line through the
# curve's values at :math:`n + 1` equally spaced knots. Doubling the units
# divides the largest gap to the curve by about 4.


def target(x):
    return np.sin(2 * x) + 0.3 * x


a, b = -3.0, 3.0


def broken_line_network(n):
    """An MLP([1, n, 1]) whose output interpolates `target` at n + 1 equally spaced knots."""
    knots = np.linspace(a, b, n + 1)
    values = target(knots)
    slopes = np.diff(values) / np.diff(knots)  # the slope of each of the n pieces
    model = MLP([1, n, 1], rng)
    model.layers[0].W.data = np.ones((1, n))
    model.layers[0].b.data = -knots[:-1]  # unit k is max(x - t_k, 0)
    model.layers[1].W.data = np.diff(slopes, prepend=0.0)[:, None]  # change of slope at t_k
    model.layers[1].b.data = values[:1]
    return model


x = np.linspace(a, b, 2001)
widths = [2, 4, 8, 16, 32, 64]
max_error = {}
for n in widths:
    max_error[n] = np.max(np.abs(broken_line_network(n)(x[:, None]).data[:, 0] - target(x)))

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
left.plot(x, target(x), color="k", linewidth=3, alpha=0.35, label="target curve")
for n, color in zip([2, 4, 8], ["C3", "C1", "C0"], strict=True):
    left.plot(
        x,
        broken_line_network(n)(x[:, None]).data[:, 0],
        color=color,
        linewidth=1.5,
        label=f"{n} hidden units",
    )
left.set(xlabel="$x$", ylabel="$y$", title="A hidden layer of $n$ ReLU units")
left.legend(loc="upper left", fontsize=9)
right.loglog(widths, [max_error[n] for n in widths], "o-", color="C0", label="largest error")
right.loglog(
    widths,
    max_error[64] * (64 / np.array(widths)) ** 2,
    "--",
    color="0.5",
    label="slope $-2$: error $\\propto 1/n^2$",
)
right.set_xticks(widths, labels=[str(n) for n in widths], minor=False)
right.minorticks_off()
right.set(xlabel="hidden units $n$", ylabel="largest distance to the curve", title="Error against width")
right.legend(loc="lower left", fontsize=9)
plt.show()

# %%
# Check
# -----
# On each of the 4 regions cut by the fold lines the network is affine (a
# least-squares affine fit of 200 random points of the region leaves no
# residual), and the 4 maps differ; no grid line has more than 3 straight
# pieces, and some lines do bend. The broken-line networks pass through the
# curve at their knots, their error falls with every doubling, from 8 units
# on by a factor between 3 and 4.5 (parallel to the slope -2 line), and by a
# factor near 4 from 32 to 64 units.
pts = rng.uniform(-2, 2, size=(20000, 2))
pattern = (pts @ W1 + b1 > 0).astype(int) @ np.array([1, 2])  # which hidden units are on
maps = []
for region in range(4):
    p = pts[pattern == region][:200]
    assert len(p) == 200  # each of the 4 regions is really there
    design = np.column_stack([p, np.ones(len(p))])
    coef, *_ = np.linalg.lstsq(design, net(p).data, rcond=None)
    np.testing.assert_allclose(design @ coef, net(p).data, atol=1e-12)
    maps.append(coef)
assert all(not np.allclose(maps[i], maps[j]) for i in range(4) for j in range(i + 1, 4))
n_pieces = []
for line in lines:
    slopes_out = np.diff(net(line).data, axis=0)
    changes = np.any(np.abs(np.diff(slopes_out, axis=0)) > 1e-9, axis=1)
    # a kink falls between two sample points and changes the step twice at most
    n_pieces.append(1 + int(np.sum(changes & ~np.roll(changes, 1))))
assert max(n_pieces) <= 3 and max(n_pieces) > 1
for n in widths:
    knots = np.linspace(a, b, n + 1)
    np.testing.assert_allclose(broken_line_network(n)(knots[:, None]).data[:, 0], target(knots), atol=1e-12)
errors = [max_error[n] for n in widths]
assert all(e2 < e1 for e1, e2 in zip(errors, errors[1:]))
assert all(3 < max_error[n] / max_error[2 * n] < 4.5 for n in (8, 16, 32))
ratio = max_error[32] / max_error[64]
assert 3.5 < ratio < 4.5 and round(ratio, 2) == 3.99, ratio
print({n: round(float(e), 5) for n, e in max_error.items()}, "ratio 32 -> 64:", round(float(ratio), 2))
