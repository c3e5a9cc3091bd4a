r"""
A random walk on a graph settles to its stationary vector
=========================================================

A walker moves along the edges of a small graph, choosing a neighbor at
random. Whatever node it starts from, the probabilities of where it is converge
to one vector :math:`\boldsymbol{\pi}` with :math:`P\boldsymbol{\pi} = \boldsymbol{\pi}`,
the idea behind PageRank. Concept page: :ref:`concept-matrices-graphs`.
"""

# %%
# The graph and its transition matrix
# -----------------------------------
# Five nodes, five undirected edges, one triangle. Column :math:`j` of
# :math:`P` holds the probabilities of moving from node :math:`j` to each node.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import adjacency_matrix, power_iteration, stationary_distribution, transition_matrix

edges = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4)]
n = 5
A = adjacency_matrix(edges, n)
P = transition_matrix(A)
pi = stationary_distribution(P)

# %%
# What to look at
# ---------------
# Left: the graph, each node's area proportional to its stationary
# probability; the hub (node 2) is visited most. Right: the walker starts at
# node 4; :math:`\mathbf{p}_{k+1} = P\mathbf{p}_k` spreads the probability
# out, and every curve settles on its dashed level :math:`\pi_i`.
positions = np.array([[0.0, 1.0], [0.0, -1.0], [1.2, 0.0], [2.6, 0.0], [4.0, 0.0]])
fig, (ax_g, ax_p) = plt.subplots(
    1, 2, figsize=(11, 4), layout="constrained", gridspec_kw={"width_ratios": [1, 1.3]}
)
for i, j in edges:
    ax_g.plot(*positions[[i, j]].T, color="0.6", zorder=1)
ax_g.scatter(*positions.T, s=4000 * pi, c=[f"C{i}" for i in range(n)], zorder=2)
for i in range(n):
    ax_g.annotate(
        f"node {i}\n$\\pi = {pi[i]:.1f}$",
        positions[i],
        xytext=(0, -38),
        textcoords="offset points",
        ha="center",
        fontsize=9,
    )
ax_g.set(
    xlim=(-0.7, 4.7), ylim=(-1.9, 1.5), aspect="equal", title="graph (nodes numbered from 0, as in code)"
)
ax_g.axis("off")

p = np.zeros(n)
p[4] = 1.0  # the walker starts at node 4 for sure
history = [p]
for _ in range(30):
    p = P @ p
    history.append(p)
history = np.array(history)
for i in range(n):
    ax_p.plot(history[:, i], "o-", markersize=3, color=f"C{i}", label=f"node {i}")
    ax_p.axhline(pi[i], color=f"C{i}", linestyle="--", linewidth=0.8)
ax_p.set(
    xlabel="step $k$",
    ylabel="probability of being at the node",
    title="$\\mathbf{p}_{k+1} = P\\,\\mathbf{p}_k$",
)
ax_p.legend(loc="upper right", ncols=2)
plt.show()

# %%
# Check
# -----
# :math:`\boldsymbol{\pi}` is a probability vector fixed by :math:`P`; for an
# undirected graph it is each node's degree over twice the number of edges;
# power iteration finds the same vector (as eigenvalue 1); and the walk from
# node 4 has converged to it.
degrees = A.sum(axis=0)
np.testing.assert_allclose(P.sum(axis=0), 1.0)
np.testing.assert_allclose(P @ pi, pi, atol=1e-10)
np.testing.assert_allclose(pi, degrees / (2 * len(edges)), atol=1e-10)
np.testing.assert_allclose(pi, [0.2, 0.2, 0.3, 0.2, 0.1], atol=1e-10)
lam, v = power_iteration(P)
np.testing.assert_allclose(lam, 1.0, atol=1e-8)
np.testing.assert_allclose(v / v.sum(), pi, atol=1e-8)
np.testing.assert_allclose(history[-1], pi, atol=1e-2)
# It starts at node 4 for sure, and oscillates around the levels before settling: node 2's
# probability crosses its level again and again.
np.testing.assert_allclose(history[0], [0, 0, 0, 0, 1])
assert np.sum(np.diff(np.sign(history[1:, 2] - pi[2])) != 0) >= 10
