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

from mlmath_ref._checks import as_array, as_square, check_length, check_positive, set_module

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
    np.add.at(A, (i, j), w)
    if not directed:
        reverse = i != j  # a self-loop is its own reverse
        np.add.at(A, (j[reverse], i[reverse]), w[reverse])
    return A


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
    row vectors :math:`\boldsymbol{\pi}^\top P`; the column convention
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
    out_degree = np.sum(A, axis=1)
    dangling = np.flatnonzero(out_degree == 0)
    if dangling.size:
        j = dangling[0]
        raise ValueError(
            f"node {j} has no outgoing edges (row {j} of A is zero), so the walk cannot leave it"
        )
    return (A / out_degree[:, None]).T


@set_module("mlmath_ref.linalg")
def stationary_distribution(P, num_iterations=10000, tol=1e-12):
    r"""Find the stationary distribution of a random walk by power iteration.

    Start from the uniform distribution and take steps,
    :math:`\boldsymbol{\pi} \leftarrow P\boldsymbol{\pi}`, until nothing
    changes. The limit satisfies :math:`P\boldsymbol{\pi} = \boldsymbol{\pi}`:
    an eigenvector for the eigenvalue 1, scaled to sum to 1. Concept page:
    :ref:`concept-matrices-graphs`.

    Parameters
    ----------
    P : array_like of shape (n, n)
        Column-stochastic: non-negative, every column summing to 1.
    num_iterations : int, default=10000
        The most steps to take.
    tol : float, default=1e-12
        Stop when a step changes :math:`\boldsymbol{\pi}` by at most `tol`
        in the 1-norm.

    Returns
    -------
    ndarray of shape (n,)
        :math:`\boldsymbol{\pi}`, non-negative, summing to 1.

    Raises
    ------
    TypeError
        If `P` is not real and numeric, `num_iterations` is not an integer
        or `tol` not a real number.
    ValueError
        If `P` is not a finite, non-empty, square matrix, has a negative
        entry or a column not summing to 1 (within :math:`10^{-9}`), or
        `num_iterations` or `tol` is not positive.
    numpy.linalg.LinAlgError
        If the iteration has not converged after `num_iterations` steps,
        as happens for a periodic chain: a walk that alternates between
        two groups of nodes never settles.

    See Also
    --------
    transition_matrix : Build `P` from an adjacency matrix.
    power_iteration : The same iteration for any matrix.

    Notes
    -----
    .. math::

        \boldsymbol{\pi}_0 = \tfrac{1}{n}\mathbf{1}, \qquad
        \boldsymbol{\pi}_{t+1} = P\boldsymbol{\pi}_t, \qquad
        P\boldsymbol{\pi} = \boldsymbol{\pi}, \quad \textstyle\sum_i \pi_i = 1

    The eigenvalue 1 is the largest in magnitude for a stochastic matrix,
    so this is power iteration; each step keeps the sum at 1, and the code
    divides by the sum anyway to stop rounding from drifting. For an
    irreducible, aperiodic chain the limit is unique; for a reducible one
    (several closed groups of nodes) it is the one reached from the uniform
    start. NumPy has no such function; ``np.linalg.eig(P)`` and picking the
    eigenvector for 1 is the usual oracle.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import stationary_distribution
    >>> P = np.array([[0.9, 0.5], [0.1, 0.5]])
    >>> stationary_distribution(P).round(6)
    array([0.833333, 0.166667])
    >>> stationary_distribution(np.array([[0.9, 0.5], [0.2, 0.5]]))
    Traceback (most recent call last):
        ...
    ValueError: P must be column-stochastic, but column 0 sums to 1.1
    """
    P = as_square(P, "P")
    num_iterations = check_positive(num_iterations, "num_iterations", integer=True)
    tol = check_positive(tol, "tol")
    _check_nonnegative(P, "P", "entries (probabilities)")
    column_sums = np.sum(P, axis=0)
    off = np.flatnonzero(np.abs(column_sums - 1.0) > _STOCHASTIC_ATOL)
    if off.size:
        j = off[0]
        raise ValueError(f"P must be column-stochastic, but column {j} sums to {column_sums[j]:.12g}")
    n = P.shape[0]
    pi = np.full(n, 1.0 / n)
    change = np.inf
    for _ in range(num_iterations):
        new = P @ pi
        new /= np.sum(new)
        change = np.sum(np.abs(new - pi))
        pi = new
        if change <= tol:
            return pi
    raise np.linalg.LinAlgError(
        f"stationary_distribution did not converge in {num_iterations} iterations "
        f"(last change {change:.2g}); the chain may be periodic"
    )
