r"""
The computational graph of a small expression
=============================================

The expression :math:`f(x, y) = (x + y)\,y - x` recorded by
:class:`~mlmath_ref.autodiff.Scalar` as a graph: inputs on the left, the
result on the right. Each node shows the value the forward pass computed and
the derivative of :math:`f` with respect to it that the backward pass found;
each arrow shows the local derivative of its head with respect to its tail.
Concept page: :ref:`concept-computational-graph`.
"""

# %%
# Record the computation
# ----------------------
# Plain arithmetic on Scalars builds the graph as it runs; ``backward`` fills
# in the gradients and :func:`~mlmath_ref.autodiff.graph_of` lists the nodes
# inputs first.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.autodiff import Scalar, graph_of


def f(x, y):
    s = x + y
    p = s * y
    return p - x


x, y = Scalar(3.0, label="x"), Scalar(2.0, label="y")
out = f(x, y)
out.backward()
nodes, edges = graph_of(out)
names = {id(x): "x", id(y): "y"}
for node, name in zip(nodes[2:], ["s = x + y", "p = s y", "f = p - x"]):
    names[id(node)] = name

# %%
# Place the nodes
# ---------------
# A node's column is the length of the longest path from an input to it, so
# every arrow points to the right.
depth = [0] * len(nodes)
for i, j in edges:  # edges come in topological order of their heads
    depth[j] = max(depth[j], depth[i] + 1)
heights = {0: [2.4, 0.0], 1: [1.2], 2: [0.3], 3: [1.6]}  # chosen so that no arrow crosses a label
position = {k: (depth[k] * 2.2, heights[depth[k]].pop(0)) for k in range(len(nodes))}

# %%
# What to look at
# ---------------
# Blue numbers are the forward pass, left to right; red numbers are the
# backward pass, right to left. ``x`` and ``y`` feed two nodes each, and their
# gradients are the sums of what arrives along both arrows:
# :math:`\partial f/\partial y = 5 + 2 = 7` and :math:`\partial f/\partial x = 2 - 1 = 1`.
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
for i, j in edges:
    (x0, y0), (x1, y1) = position[i], position[j]
    ax.annotate(
        "",
        xy=(x1 - 0.45, y1 + (y0 - y1) * 0.45 / (x1 - x0)),
        xytext=(x0 + 0.45, y0 - (y0 - y1) * 0.45 / (x1 - x0)),
        arrowprops={"arrowstyle": "->", "color": "0.45", "linewidth": 1.2},
    )
    k = nodes[j].parents.index(nodes[i])
    ax.text(
        (x0 + x1) / 2,
        (y0 + y1) / 2 + 0.12,
        f"{nodes[j].local_grads[k]:+g}",
        ha="center",
        fontsize=10,
        color="0.3",
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
    )
for k, node in enumerate(nodes):
    px, py = position[k]
    ax.add_patch(plt.Circle((px, py), 0.45, facecolor="white", edgecolor="0.2", linewidth=1.5))
    ax.text(px, py + 0.1, names[id(node)], ha="center", va="center", fontsize=10)
    ax.text(px, py - 0.15, f"{node.value:g}", ha="center", va="center", fontsize=11, color="C0")
    ax.text(px, py - 0.62, f"grad {node.grad:g}", ha="center", va="center", fontsize=10, color="C3")
ax.set(xlim=(-0.7, 7.3), ylim=(-0.9, 3.0), aspect="equal")
ax.set_title(r"$f(x, y) = (x + y)\,y - x$ at $x = 3,\ y = 2$: values (blue), gradients (red)")
ax.axis("off")
plt.show()

# %%
# Check
# -----
# The gradients equal the closed forms :math:`\partial f/\partial x = y - 1`
# and :math:`\partial f/\partial y = x + 2y`, and central finite differences.
h = 1e-6
fd_x = (f(Scalar(3.0 + h), Scalar(2.0)).value - f(Scalar(3.0 - h), Scalar(2.0)).value) / (2 * h)
fd_y = (f(Scalar(3.0), Scalar(2.0 + h)).value - f(Scalar(3.0), Scalar(2.0 - h)).value) / (2 * h)
np.testing.assert_allclose([x.grad, y.grad], [2.0 - 1, 3.0 + 2 * 2.0])
np.testing.assert_allclose([x.grad, y.grad], [fd_x, fd_y], rtol=1e-6)
assert out.value == 7.0 and len(nodes) == 5 and len(edges) == 6
# The values and the red gradients written under the circles: x = 3, y = 2, s = 5, p = 10,
# f = 7, with gradients 1, 7, 2, 1 and 1.
assert [n.value for n in nodes] == [3.0, 2.0, 5.0, 10.0, 7.0]
assert [n.grad for n in nodes] == [1.0, 7.0, 2.0, 1.0, 1.0]
