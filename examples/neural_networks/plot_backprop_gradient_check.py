r"""
Backpropagation checked against finite differences
==================================================

A small network, 4 inputs, a hidden layer of 8 tanh units and 3 class
scores, scores a batch of iris flowers with the cross-entropy. One call to
``backward()`` gives the derivative of the loss with respect to all 67
weights and biases; the same 67 numbers are then estimated one at a time by
central finite differences, two forward passes each. Concept page:
:ref:`concept-backpropagation`.
"""

# %%
# The network, the loss and one backward pass
# -------------------------------------------
# Thirty flowers drawn from the 150 of the iris data set, with their four
# measurements standardized. The activation is tanh, which is smooth, so
# that a finite difference never straddles a kink.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.nn import MLP, cross_entropy

rng = np.random.default_rng(5)
iris = load_iris()
rows = rng.choice(len(iris.target), size=30, replace=False)
X = iris.data[rows]
X = (X - X.mean(axis=0)) / X.std(axis=0)
y = iris.target[rows]

net = MLP([4, 8, 3], rng, activation="tanh")
params = net.parameters()
names = ["$W_1$", "$\\mathbf{b}_1$", "$W_2$", "$\\mathbf{b}_2$"]
loss = cross_entropy(net(X), y)
loss.backward()
engine = [p.grad.copy() for p in params]


def loss_value():
    """The loss at the current weights, a float: one forward pass on arrays."""
    return cross_entropy(net(X).data, y)


h = 1e-6
finite = []
for p in params:
    estimate = np.zeros(p.shape)
    for index in np.ndindex(p.shape):
        original = p.data.copy()
        for sign in (1, -1):
            nudged = original.copy()
            nudged[index] += sign * h
            p.data = nudged
            estimate[index] += sign * loss_value() / (2 * h)
        p.data = original
    finite.append(estimate)

n_params = sum(p.data.size for p in params)
difference = np.concatenate([np.abs(e - f).ravel() for e, f in zip(engine, finite, strict=True)])
print(f"loss {float(loss.data):.4f}, {n_params} parameters, largest difference {difference.max():.1e}")

# %%
# What to look at
# ---------------
# Left: every one of the 67 derivatives, the finite difference across and
# the engine's value up: all points lie on the diagonal. Right: the size of
# each disagreement, on a log scale: all of them below :math:`10^{-9}`, near the
# rounding error of a central difference with step :math:`10^{-6}` (the
# machine epsilon times the loss, divided by the step, is about
# :math:`2 \times 10^{-10}`), while the
# derivatives themselves reach 0.2 in size.
fig, (ax_scatter, ax_error) = plt.subplots(1, 2, figsize=(10, 4.2), layout="constrained")
limit = 1.1 * max(np.abs(e).max() for e in engine)
ax_scatter.plot([-limit, limit], [-limit, limit], color="0.6", linewidth=1, zorder=0)
start = 0
for e, f, name, color in zip(engine, finite, names, ["C0", "C1", "C2", "C3"], strict=True):
    ax_scatter.plot(f.ravel(), e.ravel(), "o", color=color, markersize=5, label=f"{name}, {e.size} entries")
    index = np.arange(start, start + e.size)
    ax_error.semilogy(index, np.maximum(np.abs(e - f).ravel(), 1e-14), "o", color=color, markersize=4)
    start += e.size
ax_scatter.set(
    xlabel="central finite difference",
    ylabel="backward()",
    xlim=(-limit, limit),
    ylim=(-limit, limit),
    aspect="equal",
)
ax_scatter.set_title("67 partial derivatives of the loss")
ax_scatter.legend(fontsize=8, loc="upper left")
ax_error.axhline(1e-8, color="0.3", linestyle="--", linewidth=1, label="$10^{-8}$")
ax_error.set(xlabel="parameter number", ylabel="|backward() - finite difference|", ylim=(1e-14, 1e-6))
ax_error.set_title("disagreement")
ax_error.legend(fontsize=8, loc="upper right")
plt.show()

# %%
# Check
# -----
# The network has 67 parameters (32, 8, 24 and 3 in its four arrays); every
# derivative agrees with its finite difference to better than
# :math:`10^{-9}`, below the dashed line at :math:`10^{-8}` and within ten
# times the finite difference's rounding error, and the
# derivatives are not all tiny (the largest is 0.2 in size), so the
# agreement means something.
assert n_params == 67 == 4 * 8 + 8 + 8 * 3 + 3
assert difference.max() < 1e-9 < 1e-8
rounding = np.finfo(float).eps * float(loss.data) / h  # the rounding error of a central difference
assert f"{rounding:.0e}" == "2e-10" and difference.max() < 10 * rounding
assert [e.size for e in engine] == [32, 8, 24, 3]
assert round(max(np.abs(e).max() for e in engine), 1) == 0.2
for e, f in zip(engine, finite, strict=True):
    np.testing.assert_allclose(e, f, rtol=1e-5, atol=1e-8)
