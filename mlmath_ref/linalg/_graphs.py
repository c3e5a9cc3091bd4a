r"""Matrices of graphs: adjacency, random-walk transitions, stationary distribution.

A graph on nodes :math:`0, \dots, n-1` is recorded by its adjacency matrix;
normalizing it gives the transition matrix of a random walk on the graph,
and the walk's long-run share of time at each node is the stationary
distribution, an eigenvector for the eigenvalue 1. That is PageRank's idea.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> from mlmath_ref.linalg import adjacency_matrix
>>> adjacency_matrix([(0, 1), (1, 2)], n=3)
array([[0., 1., 0.],
       [1., 0., 1.],
       [0., 1., 0.]])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, as_square, check_length, check_positive, refuse_masked, set_module
from mlmath_ref._numerics import check_finite, exponent_of
from mlmath_ref.linalg._solve import _solve_system

__all__ = ["adjacency_matrix", "stationary_distribution", "transition_matrix"]

_STOCHASTIC_ATOL = 1e-9  # how far a column sum of P may be from 1


@set_module("mlmath_ref.linalg")
def adjacency_matrix(edges, n, directed=False, weights=None):
    r"""Build the adjacency matrix of a graph from its list of edges.

    Entry :math:`(i, j)` is the weight of the edge from node :math:`i` to
    node :math:`j` (1 when unweighted) and 0 where there is no edge. An
    undirected edge goes both ways, so the matrix is symmetric.
    Concept page: :ref:`concept-matrices-graphs`.

    Parameters
    ----------
    edges : sequence of (int, int)
        The edges as pairs of node indices ``(i, j)``, each in
        ``range(n)``; may be empty.
    n : int
        The number of nodes.
    directed : bool, default=False
        If False, each edge ``(i, j)`` also adds the edge ``(j, i)``.
    weights : array_like of shape (len(edges),), optional
        One weight per edge. Default: all 1.

    Returns
    -------
    ndarray of shape (n, n)
        :math:`A`.

    Raises
    ------
    TypeError
        If `edges` does not hold integers, `weights` is not real and
        numeric, or `n` is not an integer.
    ValueError
        If `edges` is not a list of pairs, refers to a node outside
        ``range(n)``, `n` is not positive, or `weights` is not a finite
        vector with one entry per edge.
        Also if repeated edges add up to a weight beyond float64's range.

    See Also
    --------
    transition_matrix : The random walk on the graph.
    scipy.sparse.csgraph : SciPy's graph algorithms, on sparse adjacency matrices.

    Notes
    -----
    .. math::

        A_{ij} = \sum_{\text{edges } (i, j)} w, \qquad
        A_{ji} = A_{ij} \ \text{(undirected)}

    Repeated edges add up (a multigraph); an undirected self-loop
    :math:`(i, i)` counts once. The row sums of :math:`A` are the
    out-degrees. NumPy has no graph functions; SciPy keeps adjacency
    matrices sparse, and ``scipy.sparse.coo_array((w, (i, j)))`` sums
    repeated edges the same way.

    Examples
    --------
    >>> from mlmath_ref.linalg import adjacency_matrix
    >>> adjacency_matrix([(0, 1), (1, 2), (2, 0)], n=3, directed=True)
    array([[0., 1., 0.],
           [0., 0., 1.],
           [1., 0., 0.]])
    >>> adjacency_matrix([(0, 3)], n=3)
    Traceback (most recent call last):
        ...
    ValueError: edges[0] = (0, 3) refers to node 3, but the nodes are 0 to 2 (n=3)
    """
    n = check_positive(n, "n", integer=True)
    if edges is None:
        raise TypeError("edges must be a sequence of (i, j) pairs of node indices, got None")
    refuse_masked(edges, "edges")
    try:
        E = np.asarray(edges)
    except ValueError:
        raise ValueError("edges must be a sequence of (i, j) pairs, got pairs of different lengths") from None
    if E.size == 0:
        E = np.zeros((0, 2), dtype=int)
    if E.dtype == bool or not np.issubdtype(E.dtype, np.integer):
        raise TypeError(f"edges must hold integer node indices, got an array of dtype {E.dtype}")
    if E.ndim != 2 or E.shape[1] != 2:
        raise ValueError(f"edges must be a sequence of (i, j) pairs, got an array of shape {E.shape}")
    bad = np.flatnonzero(np.any((E < 0) | (E >= n), axis=1))
    if bad.size:
        k = bad[0]
        node = E[k, 0] if not 0 <= E[k, 0] < n else E[k, 1]
        raise ValueError(
            f"edges[{k}] = ({E[k, 0]}, {E[k, 1]}) refers to node {node}, "
            f"but the nodes are 0 to {n - 1} (n={n})"
        )
    if weights is None:
        w = np.ones(E.shape[0])
    else:
        w = as_array(weights, "weights", ndim=1, allow_empty=True)
        check_length(w, E.shape[0], "weights", "one entry per edge")
    i, j = E[:, 0], E[:, 1]
    A = np.zeros((n, n))
    with np.errstate(over="ignore", invalid="ignore"):
        np.add.at(A, (i, j), w)
        if not directed:
            reverse = i != j  # a self-loop is its own reverse
            np.add.at(A, (j[reverse], i[reverse]), w[reverse])
    return check_finite(A, "adjacency_matrix: an entry of A (the weights of repeated edges add up)")


def _check_nonnegative(M, name, what):
    """Raise ValueError naming the first negative entry of the matrix `M`, if any.

    Parameters
    ----------
    M : ndarray of shape (n, n)
        The matrix.
    name : str
        Its name in the caller, for the message.
    what : str
        What its entries are, for the message, such as ``"edge weights"``.

    Raises
    ------
    ValueError
        If some entry of `M` is negative.

    See Also
    --------
    transition_matrix : One of the callers.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._graphs import _check_nonnegative
    >>> _check_nonnegative(np.array([[1.0, -0.5], [0.0, 1.0]]), "A", "edge weights")
    Traceback (most recent call last):
    ...
    ValueError: A must have non-negative edge weights, but A[0, 1] = -0.5
    """
    if np.any(M < 0):
        i, j = np.argwhere(M < 0)[0]
        raise ValueError(f"{name} must have non-negative {what}, but {name}[{i}, {j}] = {M[i, j]:g}")


@set_module("mlmath_ref.linalg")
def transition_matrix(A):
    r"""Build the column-stochastic transition matrix of the random walk on a graph.

    From node :math:`j` the walk follows one of its outgoing edges, with
    probability proportional to the edge's weight. Column :math:`j` of
    :math:`P` holds these probabilities, so every column sums to one and
    :math:`P\boldsymbol{\pi}` is the distribution one step after
    :math:`\boldsymbol{\pi}`. Concept page: :ref:`concept-matrices-graphs`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        Adjacency matrix with non-negative weights, :math:`A_{ij}` the
        weight of the edge from :math:`i` to :math:`j`. Every node needs
        an outgoing edge (a self-loop counts).

    Returns
    -------
    ndarray of shape (n, n)
        :math:`P`, non-negative, with columns summing to 1.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty, square matrix, has a negative
        entry, or a node has no outgoing edge (a zero row of `A`: the walk
        would have nowhere to go).

    See Also
    --------
    adjacency_matrix : Build `A` from a list of edges.
    stationary_distribution : Where the walk spends its time in the long run.

    Notes
    -----
    With out-degrees :math:`d_j = \sum_k A_{jk}`,

    .. math:: P_{ij} = \frac{A_{ji}}{d_j}, \qquad P = (D^{-1} A)^\top, \qquad \sum_i P_{ij} = 1.

    Many texts use the row-stochastic :math:`D^{-1}A` instead, and
    row vectors :math:`\boldsymbol{\pi}^\top P`. Each row of :math:`A` is
    divided by the power of two just above its largest weight before the
    out-degree is summed (exact, and :math:`P` does not change), so weights
    near :math:`10^{308}` do not overflow the sum. The column convention
    keeps matrices acting on column vectors, as everywhere else on this
    site. A node without outgoing edges (a *dangling node*) is refused
    rather than patched; PageRank patches it by jumping to a random node.
    NumPy has no such function.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import adjacency_matrix, transition_matrix
    >>> A = adjacency_matrix([(0, 1), (0, 2), (1, 2), (2, 0)], n=3, directed=True)
    >>> transition_matrix(A)
    array([[0. , 0. , 1. ],
           [0.5, 0. , 0. ],
           [0.5, 1. , 0. ]])
    >>> transition_matrix(adjacency_matrix([(0, 1)], n=2, directed=True))
    Traceback (most recent call last):
        ...
    ValueError: node 1 has no outgoing edges (row 1 of A is zero), so the walk cannot leave it
    """
    A = as_square(A, "A")
    _check_nonnegative(A, "A", "edge weights")
    dangling = np.flatnonzero(~np.any(A, axis=1))
    if dangling.size:
        j = dangling[0]
        raise ValueError(
            f"node {j} has no outgoing edges (row {j} of A is zero), so the walk cannot leave it"
        )
    # Each row divided first by the power of two just above its largest weight (exact, and P does
    # not change), so that the out-degree, a sum of up to n weights, cannot overflow.
    exponents = np.array([exponent_of(m) for m in np.max(A, axis=1).tolist()])
    A = np.ldexp(A, -exponents[:, None])
    return (A / np.sum(A, axis=1)[:, None]).T


@set_module("mlmath_ref.linalg")
def stationary_distribution(P):
    r"""Find the stationary distribution of a random walk: the distribution one more step keeps.

    A distribution with :math:`P\boldsymbol{\pi} = \boldsymbol{\pi}`: an
    eigenvector of the transition matrix for the eigenvalue 1, scaled to sum
    to 1. It is the long-run share of time the walk spends at each node.
    The code solves these equations directly rather than stepping the walk,
    so a walk that mixes slowly, or never settles because it is periodic,
    gets its answer as accurately as any other. Concept page:
    :ref:`concept-matrices-graphs`.

    Parameters
    ----------
    P : array_like of shape (n, n)
        Column-stochastic: non-negative, every column summing to 1.

    Returns
    -------
    ndarray of shape (n,)
        :math:`\boldsymbol{\pi}`, non-negative, summing to 1. When several
        groups of nodes trap the walk, the one that the walk reaches from the
        uniform start, in the long-run average (see Notes).

    Raises
    ------
    TypeError
        If `P` is not real and numeric.
    ValueError
        If `P` is not a finite, non-empty, square matrix, has a negative
        entry or a column not summing to 1 (within :math:`10^{-9}`).

    See Also
    --------
    transition_matrix : Build `P` from an adjacency matrix.
    power_iteration : Stepping :math:`\mathbf{x} \leftarrow A\mathbf{x}` for any matrix.

    Notes
    -----
    .. math::

        P\boldsymbol{\pi} = \boldsymbol{\pi}, \qquad
        \textstyle\sum_i \pi_i = 1, \qquad
        \boldsymbol{\pi} = \lim_{T \to \infty} \frac{1}{T} \sum_{t=0}^{T-1} P^t \tfrac{1}{n}\mathbf{1}

    When every node can reach every other (an irreducible chain), the
    stationary distribution is unique, periodic chains included, and the code
    finds it by the state reduction of Grassmann, Taksar and Heyman: remove
    the nodes one at a time, rerouting the walk through the removed node,
    then put them back in reverse order. It only adds, multiplies and divides
    non-negative numbers, never subtracts, so it is accurate even when the
    walk takes millions of steps to mix, where stepping
    :math:`\boldsymbol{\pi} \leftarrow P\boldsymbol{\pi}` would stall.

    Otherwise the graph of :math:`P` (an edge :math:`j \to i` where
    :math:`P_{ij} > 0`) splits into closed groups, which the walk never
    leaves, and transient nodes. Each closed group has its own stationary
    distribution; the answer mixes them in proportion to the probability that
    the walk from the uniform start ends up in each group (found by solving
    the linear equations of the transient nodes), which is the long-run
    average of :math:`P^t` applied to the uniform distribution, as in the
    formula above. NumPy has no such function; ``np.linalg.eig(P)`` and
    picking the eigenvector for 1 is the usual oracle for an irreducible chain.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import stationary_distribution
    >>> P = np.array([[0.9, 0.5], [0.1, 0.5]])
    >>> stationary_distribution(P).round(6)
    array([0.833333, 0.166667])

    A walk that swaps two nodes at every step never settles, but half of its
    time is spent at each:

    >>> stationary_distribution(np.array([[0.0, 1.0], [1.0, 0.0]]))
    array([0.5, 0.5])
    >>> stationary_distribution(np.array([[0.9, 0.5], [0.2, 0.5]]))
    Traceback (most recent call last):
        ...
    ValueError: P must be column-stochastic, but column 0 sums to 1.1
    """
    P = as_square(P, "P")
    _check_nonnegative(P, "P", "entries (probabilities)")
    column_sums = np.sum(P, axis=0)
    off = np.flatnonzero(np.abs(column_sums - 1.0) > _STOCHASTIC_ATOL)
    if off.size:
        j = off[0]
        raise ValueError(f"P must be column-stochastic, but column {j} sums to {column_sums[j]:.12g}")
    n = P.shape[0]
    T = P.T  # row-stochastic: T[j, i] is the probability of a step from j to i
    groups, closed = _communicating_classes(T > 0)
    pi = np.zeros(n)
    if len(groups) == 1:
        return _state_reduction(T)
    transient = np.flatnonzero(~np.isin(np.arange(n), np.concatenate([groups[k] for k in closed])))
    for k in closed:
        C = groups[k]
        weight = len(C) / n  # the uniform start's own mass in C ...
        if transient.size:  # ... plus what flows into C from the transient nodes
            weight += _absorption(T, transient, C).sum() / n
        pi[C] = weight * _state_reduction(T[np.ix_(C, C)])
    return pi / np.sum(pi)


def _state_reduction(T):
    r"""The stationary distribution of an irreducible row-stochastic matrix, by GTH state reduction.

    Grassmann, Taksar and Heyman's algorithm: for :math:`k = n-1, \dots, 1`
    remove state :math:`k`, rerouting every path through it (the walk from
    :math:`i` to :math:`k` continues as from :math:`k`, normalized by the
    probability :math:`s_k = \sum_{j<k} T_{kj}` of leaving :math:`k` for a
    remaining state), then rebuild :math:`\pi_k = \sum_{j<k} \pi_j T_{jk}`
    from :math:`\pi_0 = 1` up. No subtraction, so no cancellation: the
    classic :math:`1 - T_{kk}` is replaced by the sum :math:`s_k`.

    Parameters
    ----------
    T : ndarray of shape (n, n)
        Row-stochastic (rows summing to 1) and irreducible.

    Returns
    -------
    ndarray of shape (n,)
        The stationary distribution, summing to 1.

    See Also
    --------
    stationary_distribution : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._graphs import _state_reduction
    >>> _state_reduction(np.array([[0.9, 0.1], [0.5, 0.5]])).round(6)
    array([0.833333, 0.166667])
    """
    T = T.copy()
    n = T.shape[0]
    for k in range(n - 1, 0, -1):
        leave = np.sum(T[k, :k])  # positive for an irreducible chain
        T[:k, k] /= leave
        T[:k, :k] += np.outer(T[:k, k], T[k, :k])
    pi = np.zeros(n)
    pi[0] = 1.0
    for k in range(1, n):
        pi[k] = pi[:k] @ T[:k, k]
    return pi / np.sum(pi)


def _communicating_classes(E):
    r"""The communicating classes of a directed graph, and which of them are closed.

    Two nodes communicate when each can reach the other; a class is closed
    when no edge leaves it. Reachability is the transitive closure of
    :math:`E \lor I`, by repeated squaring.

    Parameters
    ----------
    E : ndarray of bool, shape (n, n)
        ``E[j, i]`` is True for an edge from :math:`j` to :math:`i`.

    Returns
    -------
    groups : list of ndarray of int
        The classes, each sorted, in the order of their smallest node.
    closed : list of int
        The indices in `groups` of the closed classes.

    See Also
    --------
    stationary_distribution : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._graphs import _communicating_classes
    >>> E = np.array([[False, True, False], [True, False, True], [False, False, True]])
    >>> _communicating_classes(E)
    ([array([0, 1]), array([2])], [1])
    """
    n = E.shape[0]
    reach = (E | np.eye(n, dtype=bool)).astype(np.float64)
    while True:  # at most log2(n) squarings: walks of length 1, 2, 4, ...
        longer = (reach @ reach > 0).astype(np.float64)
        if np.array_equal(longer, reach):
            break
        reach = longer
    reach = reach > 0
    mutual = reach & reach.T
    groups, seen = [], np.zeros(n, dtype=bool)
    for i in range(n):
        if not seen[i]:
            members = np.flatnonzero(mutual[i])
            seen[members] = True
            groups.append(members)
    closed = [k for k, C in enumerate(groups) if not np.any(np.delete(reach[C], C, axis=1))]
    return groups, closed


def _absorption(T, transient, C):
    r"""For each transient node, the probability that the walk from it ends up in the closed class `C`.

    The probabilities :math:`b_t` solve :math:`b_t = \sum_{c \in C} T_{tc} +
    \sum_{u \text{ transient}} T_{tu} b_u`, the linear system
    :math:`(I - Q)\mathbf{b} = \mathbf{r}`; its diagonal
    :math:`1 - T_{tt}` is computed as the sum of the probabilities of leaving
    :math:`t`, which does not cancel.

    Parameters
    ----------
    T : ndarray of shape (n, n)
        Row-stochastic.
    transient : ndarray of int
        The transient nodes.
    C : ndarray of int
        The nodes of one closed class.

    Returns
    -------
    ndarray
        One probability per transient node.

    See Also
    --------
    stationary_distribution : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._graphs import _absorption
    >>> T = np.array([[1.0, 0.0, 0.0], [0.25, 0.5, 0.25], [0.0, 0.0, 1.0]])
    >>> _absorption(T, np.array([1]), np.array([0]))
    array([0.5])
    """
    Q = -T[np.ix_(transient, transient)]
    away = T[transient].copy()
    away[np.arange(transient.size), transient] = 0.0
    Q[np.diag_indices_from(Q)] = np.sum(away, axis=1)  # 1 - T_tt, without subtracting
    return _solve_system(Q, np.sum(T[np.ix_(transient, C)], axis=1), "I - Q")
