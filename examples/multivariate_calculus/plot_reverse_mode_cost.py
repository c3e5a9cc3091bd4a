r"""
What a gradient costs: reverse mode against finite differences
==============================================================

The gradient of a logistic-regression loss with :math:`n` weights, computed
two ways: by central finite differences, which evaluate the loss twice per
weight, and by reverse mode (``Scalar.backward()``),
which runs the computation once forwards and once backwards. The cost is
measured by counting operations, not by timing, in units of one evaluation of
the loss. Concept page: :ref:`concept-automatic-differentiation`.
"""

# %%
# A loss with n weights
# ---------------------
# Four samples with :math:`n` features each and labels :math:`\pm 1`; the loss
# is the average of :math:`\log(1 + e^{-y\,\mathbf{w}^\top \mathbf{x}})`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.autodiff import Scalar, graph_of

rng = np.random.default_rng(5)
N_SAMPLES = 4


def loss(w, X, y):
    """Logistic loss of the weights `w` (a list of Scalars) on the samples X, y."""
    total = 0.0
    for x_i, y_i in zip(X, y):
        z = sum((w_j * x_ij for w_j, x_ij in zip(w, x_i)), start=Scalar(0.0))
        total = total + (1 + (-y_i * z).exp()).log()
    return total / len(y)


# %%
# Count the work
# --------------
# One loss evaluation costs as many operations as its graph has computed
# nodes. Finite differences need :math:`2n` evaluations. The backward pass does
# one multiply-add per edge of the graph, after one forward pass. Every
# operation here has one or two inputs, so there are at most twice as many
# edges as operations, and reverse mode can never cost more than 3 evaluations.
ns = [1, 2, 4, 8, 16, 32]
fd_cost, reverse_cost, max_gap, most_inputs = [], [], 0.0, 0
for n in ns:
    X, y = rng.normal(size=(N_SAMPLES, n)), rng.choice([-1.0, 1.0], size=N_SAMPLES)
    w0 = rng.normal(size=n) / np.sqrt(n)

    w = [Scalar(v) for v in w0]
    L = loss(w, X, y)
    L.backward()
    nodes, edges = graph_of(L)
    ops_per_evaluation = sum(1 for node in nodes if node.parents)
    most_inputs = max(most_inputs, max(len(node.parents) for node in nodes))
    reverse_cost.append((ops_per_evaluation + len(edges)) / ops_per_evaluation)

    evaluations, h, fd_grad = 0, 1e-6, np.zeros(n)
    for j in range(n):
        step = h * np.eye(n)[j]
        up = loss([Scalar(v) for v in w0 + step], X, y).value
        down = loss([Scalar(v) for v in w0 - step], X, y).value
        evaluations += 2
        fd_grad[j] = (up - down) / (2 * h)
    fd_cost.append(evaluations)
    max_gap = max(max_gap, np.max(np.abs(fd_grad - [w_j.grad for w_j in w])))

# %%
# What to look at
# ---------------
# The finite-difference cost grows in proportion to the number of weights; the
# reverse-mode cost stays at about three loss evaluations however many weights
# there are. A network with a million weights would need two million
# evaluations for one finite-difference gradient.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.loglog(ns, fd_cost, "o-", label="central finite differences: $2n$")
ax.loglog(ns, reverse_cost, "s-", label="reverse mode: forward + backward")
ax.set(
    xlabel="number of weights $n$",
    ylabel="cost (loss evaluations)",
    title="Cost of one gradient, counted in operations",
)
ticks = [1, 2, 4, 8, 16, 32, 64]
ax.set_xticks(ns, labels=[str(n) for n in ns], minor=False)
ax.set_yticks(ticks, labels=[str(t) for t in ticks], minor=False)
ax.minorticks_off()
ax.legend()
plt.show()

# %%
# Check
# -----
# The two gradients agree, finite differences cost exactly :math:`2n`
# evaluations, no operation has more than two inputs, and reverse mode costs
# between 2.5 and 3 evaluations at every size (just under 3: the bound).
assert max_gap < 1e-7, max_gap
assert fd_cost == [2 * n for n in ns]
assert most_inputs <= 2
assert all(2.5 < c < 3 for c in reverse_cost), reverse_cost
