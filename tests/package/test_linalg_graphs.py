"""Tests for :mod:`mlmath_ref.linalg._graphs`: adjacency_matrix, transition_matrix and
stationary_distribution.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

from fractions import Fraction

import numpy as np
import pytest
import scipy.sparse

from mlmath_ref.linalg import adjacency_matrix, stationary_distribution, transition_matrix
from tests.package.conftest import bad_array_cases

# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


def test_graph_matrices_and_the_stationary_distribution(rng):
    edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 0), (1, 3)]
    A = adjacency_matrix(edges, 4)
    np.testing.assert_array_equal(A, A.T)
    D = adjacency_matrix(edges, 4, directed=True)
    assert D.sum() == len(edges)
    P = transition_matrix(D)
    assert np.all(P >= 0)
    np.testing.assert_allclose(P.sum(axis=0), 1.0)
    pi = stationary_distribution(P)
    assert np.all(pi >= 0) and np.isclose(pi.sum(), 1.0)
    np.testing.assert_allclose(P @ pi, pi, atol=1e-11)


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


def test_adjacency_matrix_matches_scipy_sparse(rng):
    edges = rng.integers(0, 6, size=(15, 2))
    weights = rng.uniform(0.5, 2.0, size=15)
    expected = scipy.sparse.coo_array((weights, (edges[:, 0], edges[:, 1])), shape=(6, 6)).toarray()
    np.testing.assert_allclose(adjacency_matrix(edges, 6, directed=True, weights=weights), expected)


def test_stationary_distribution_matches_the_eigenvector_for_one(rng):
    A = rng.uniform(0.0, 1.0, size=(7, 7))
    P = transition_matrix(A)
    values, vectors = np.linalg.eig(P)
    v = vectors[:, np.argmin(np.abs(values - 1))].real
    np.testing.assert_allclose(stationary_distribution(P), v / v.sum(), atol=1e-10)


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


def test_adjacency_matrix_conventions():
    A = adjacency_matrix([(0, 1), (0, 1), (2, 2), (1, 2)], 3, weights=[1.0, 2.0, 5.0, 0.5])
    assert A[0, 1] == A[1, 0] == 3.0  # repeated edges add up
    assert A[2, 2] == 5.0  # an undirected self-loop counts once
    assert A[1, 2] == A[2, 1] == 0.5
    D = adjacency_matrix([(0, 1), (0, 2), (2, 1)], 3, directed=True)
    np.testing.assert_array_equal(D.sum(axis=1), [2, 0, 1])  # row sums are out-degrees
    np.testing.assert_array_equal(adjacency_matrix([], 2), np.zeros((2, 2)))


def test_transition_matrix_formula(rng):
    A = rng.uniform(0.0, 1.0, size=(4, 4))
    P = transition_matrix(A)
    d = A.sum(axis=1)
    assert all(P[i, j] == pytest.approx(A[j, i] / d[j]) for i in range(4) for j in range(4))
    np.testing.assert_allclose(P, (np.diag(1 / d) @ A).T)


def test_stationary_distribution_iteration_and_reducible_chain():
    P = np.array([[0.5, 0.2, 0.0], [0.5, 0.5, 0.3], [0.0, 0.3, 0.7]])
    pi = np.full(3, 1 / 3)
    for _ in range(2000):
        pi = P @ pi
    np.testing.assert_allclose(stationary_distribution(P), pi, atol=1e-12)
    # reducible: the uniform start is already stationary
    np.testing.assert_allclose(stationary_distribution(np.eye(3)), [1 / 3] * 3)


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        optional_vectors={
            "adjacency_matrix-weights": (
                lambda v: adjacency_matrix([(0, 1), (1, 0)], 2, weights=v),
                "weights",
            )
        },
        square_matrices={
            "transition_matrix-A": (lambda A: transition_matrix(A), "A"),
            "stationary_distribution-P": (lambda A: stationary_distribution(A), "P"),
        },
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, name, value, error",
    [
        (lambda v: adjacency_matrix([(0, 1)], v), "n", -2, ValueError),
        (lambda v: adjacency_matrix([(0, 1)], v), "n", 2.0, TypeError),
    ],
)
def test_bad_parameters_are_refused(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} must"):
        call(value)


def test_stationary_distribution_of_a_periodic_chain():
    # A path is bipartite: the walk alternates sides and never settles, but the stationary
    # distribution exists and is unique (degrees over their sum); it used to raise "may be periodic".
    path = adjacency_matrix([(0, 1), (1, 2)], 3)
    np.testing.assert_allclose(
        stationary_distribution(transition_matrix(path)), [0.25, 0.5, 0.25], rtol=1e-15
    )
    cycle = adjacency_matrix([(0, 1), (1, 2), (2, 3), (3, 0)], 4, directed=True)  # period 4
    np.testing.assert_allclose(stationary_distribution(transition_matrix(cycle)), [0.25] * 4, rtol=1e-15)


def _exact_stationary(P):
    """The stationary distribution of the float matrix P, solved in exact rational arithmetic.

    The columns of a float P sum to 1 only up to rounding, and with a coupling far below the rounding
    error, the exact solution for P as written would depend on those errors: each column is first
    divided by its exact sum, the chain that P stands for.
    """
    n = P.shape[0]
    sums = [sum(Fraction(P[i, j]) for i in range(n)) for j in range(n)]
    M = [[Fraction(P[i, j]) / sums[j] - (i == j) for j in range(n)] for i in range(n)]
    M[-1] = [Fraction(1)] * n  # replace one equation of (P - I) pi = 0 by sum(pi) = 1
    rhs = [Fraction(0)] * (n - 1) + [Fraction(1)]
    for k in range(n):  # Gauss-Jordan, exact
        p = next(i for i in range(k, n) if M[i][k] != 0)
        M[k], M[p], rhs[k], rhs[p] = M[p], M[k], rhs[p], rhs[k]
        for i in range(n):
            if i != k and M[i][k] != 0:
                f = M[i][k] / M[k][k]
                M[i] = [a - f * b for a, b in zip(M[i], M[k], strict=True)]
                rhs[i] -= f * rhs[k]
    return np.array([float(rhs[i] / M[i][i]) for i in range(n)])


@pytest.mark.parametrize("coupling", [1e-3, 1e-8, 1e-13, 1e-300])
def test_stationary_distribution_of_a_slowly_mixing_chain(coupling, rng):
    # Two groups of three nodes joined by one weak edge each way: the walk needs about 1 / coupling
    # steps to cross, so stepping pi <- P pi would stall; it used to be reported as "may be periodic".
    A = np.zeros((6, 6))
    A[:3, :3] = rng.uniform(0.5, 1.0, size=(3, 3))
    A[3:, 3:] = rng.uniform(0.5, 1.0, size=(3, 3))
    A[0, 3], A[4, 1] = coupling, 2 * coupling
    P = transition_matrix(A)
    pi = stationary_distribution(P)
    np.testing.assert_allclose(pi, _exact_stationary(P), rtol=1e-13)
    np.testing.assert_allclose(P @ pi, pi, rtol=1e-13)


def test_stationary_distribution_of_a_reducible_chain_with_transient_nodes():
    # Node 2 is transient: from it the walk falls into {0, 1} with probability 1/4, into {3} with
    # 3/4. From the uniform start, {0, 1} ends up with 2/4 + 1/4 * 1/4 of the mass, split by its
    # own stationary distribution (1/3, 2/3); {3} with 1/4 + 1/4 * 3/4.
    T = np.array(
        [
            [0.6, 0.4, 0.0, 0.0],
            [0.2, 0.8, 0.0, 0.0],
            [0.125, 0.125, 0.0, 0.75],
            [0.0, 0.0, 0.0, 1.0],
        ]
    )
    mass_01, mass_3 = 2 / 4 + 1 / 16, 1 / 4 + 3 / 16
    expected = [mass_01 / 3, mass_01 * 2 / 3, 0.0, mass_3]
    np.testing.assert_allclose(stationary_distribution(T.T), expected, rtol=1e-15, atol=1e-300)
    P = T.T
    average = np.mean([np.linalg.matrix_power(P, t) @ np.full(4, 0.25) for t in range(4000)], axis=0)
    np.testing.assert_allclose(stationary_distribution(P), average, atol=1e-3)  # the long-run average


def test_empty_weights_are_fine_without_edges():
    np.testing.assert_array_equal(adjacency_matrix([], 2, weights=[]), np.zeros((2, 2)))


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (
            {"edges": [(0, 1), (1, 5)]},
            ValueError,
            r"^edges\[1\] = \(1, 5\) refers to node 5, but the nodes are 0 to 2",
        ),
        ({"edges": [(-1, 0)]}, ValueError, r"^edges\[0\] = \(-1, 0\) refers to node -1"),
        (
            {"edges": [(0.0, 1.0)]},
            TypeError,
            r"^edges must hold integer node indices, got an array of dtype float64",
        ),
        ({"edges": [(True, False)]}, TypeError, r"^edges must hold integer node indices"),
        ({"edges": [("a", "b")]}, TypeError, r"^edges must hold integer node indices"),
        ({"edges": None}, TypeError, r"^edges must be a sequence"),
        (
            {"edges": [(0, 1, 2)]},
            ValueError,
            r"^edges must be a sequence of \(i, j\) pairs, got an array of shape \(1, 3\)",
        ),
        ({"edges": [0, 1]}, ValueError, r"^edges must be a sequence of \(i, j\) pairs"),
        ({"edges": [(0, 1), (1,)]}, ValueError, r"^edges must be a sequence of \(i, j\) pairs"),
        (
            {"edges": [(0, 1)], "weights": [1.0, 2.0]},
            ValueError,
            r"^weights must have one entry per edge \(1\)",
        ),
    ],
)
def test_adjacency_matrix_refuses_bad_edges(kwargs, error, match):
    with pytest.raises(error, match=match):
        adjacency_matrix(n=3, **kwargs)


def test_transition_matrix_and_stationary_distribution_refuse_bad_matrices():
    with pytest.raises(ValueError, match=r"^A must have non-negative edge weights, but A\[0, 1\] = -1"):
        transition_matrix([[1.0, -1.0], [1.0, 1.0]])
    with pytest.raises(ValueError, match="^node 1 has no outgoing edges"):
        transition_matrix(adjacency_matrix([(0, 1)], 2, directed=True))
    with pytest.raises(ValueError, match=r"^P must have non-negative entries .* P\[1, 0\] = -0.5"):
        stationary_distribution([[1.5, 0.0], [-0.5, 1.0]])
    with pytest.raises(ValueError, match="^P must be column-stochastic, but column 0 sums to 1.1"):
        stationary_distribution([[0.9, 0.5], [0.2, 0.5]])
    with pytest.raises(ValueError, match="^P must be column-stochastic"):
        stationary_distribution([[0.5, 0.5], [0.0, 1.0]])  # row-stochastic, the other convention
