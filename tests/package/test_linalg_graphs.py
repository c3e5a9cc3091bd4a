"""Tests for :mod:`mlmath_ref.linalg._graphs`: adjacency_matrix, transition_matrix and
stationary_distribution.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
import scipy.sparse

from mlmath_ref.linalg import adjacency_matrix, stationary_distribution, transition_matrix
from tests.package.conftest import M2, bad_array_cases

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
        (lambda v: stationary_distribution(M2 / 3, num_iterations=v), "num_iterations", -5, ValueError),
        (lambda v: stationary_distribution(np.eye(2), tol=v), "tol", np.nan, ValueError),
        (lambda v: adjacency_matrix([(0, 1)], v), "n", -2, ValueError),
    ],
)
def test_bad_parameters_are_refused(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} must"):
        call(value)


def test_stationary_distribution_that_does_not_converge_raises():
    path = adjacency_matrix([(0, 1), (1, 2)], 3)  # bipartite: the walk alternates sides
    with pytest.raises(np.linalg.LinAlgError, match="^stationary_distribution did not converge .* periodic"):
        stationary_distribution(transition_matrix(path))


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
