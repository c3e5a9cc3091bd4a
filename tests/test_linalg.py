"""Tests for :mod:`mlmath_ref.linalg`.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

import re

import numpy as np
import pytest
import scipy.linalg
import scipy.sparse
import scipy.spatial.distance
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mlmath_ref.linalg as la
import mlmath_ref.linalg._svd
from mlmath_ref.linalg import (
    adjacency_matrix,
    angle,
    broadcast_shape,
    coordinates,
    cosine_similarity,
    det,
    distance,
    dot,
    eig_symmetric,
    gram_schmidt,
    inverse,
    is_linearly_independent,
    linear_combination,
    matmul,
    matrix_of,
    norm,
    pinv,
    power_iteration,
    project,
    qr,
    rank,
    solve,
    stationary_distribution,
    svd,
    trace,
    transition_matrix,
    transpose,
)

EPS = np.finfo(float).eps
FAST = settings(max_examples=50, deadline=None)
ELEMENTS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SIZES = st.integers(1, 8)
ORDERS = st.sampled_from([1, 1.5, 2, 3, np.inf])


def arrays(shape):
    # fill=nothing draws every entry, instead of repeating one fill value (which makes most matrices singular)
    return hnp.arrays(np.float64, shape, elements=ELEMENTS, fill=st.nothing())


@st.composite
def vector_pairs(draw):
    n = draw(SIZES)
    return draw(arrays(n)), draw(arrays(n))


@st.composite
def matrices(draw, square=False, tall=False):
    m = draw(SIZES)
    n = m if square else draw(st.integers(1, m) if tall else SIZES)
    return draw(arrays((m, n)))


def matrices_with_rows(n):
    return st.integers(1, 8).flatmap(lambda k: arrays((n, k)))


def condition(A):
    """The 2-norm condition number, without a division warning."""
    s = np.linalg.svd(A, compute_uv=False)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        return s[0] / s[-1]  # inf for a singular matrix, nan for the zero matrix: both fail "< bound"


def well_scaled(A, max_cond):
    """Condition number below max_cond, entries not all tiny: solutions and determinants are representable."""
    return condition(A) < max_cond and np.max(np.abs(A)) > 1e-30


def orthogonal(rng, n):
    return np.linalg.qr(rng.standard_normal((n, n)))[0]


def with_singular_values(rng, m, n, s):
    """An m x n matrix with the given singular values and random singular vectors."""
    k = len(s)
    return orthogonal(rng, m)[:, :k] * s @ orthogonal(rng, n)[:k, :]


def sign_fixed(V):
    """Columns flipped so that the largest-magnitude entry is positive, as the package does."""
    first = np.argmax(np.abs(V) >= np.abs(V).max(axis=0) * (1 - 1e-10), axis=0)
    return V * np.where(V[first, np.arange(V.shape[1])] < 0, -1.0, 1.0)


# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


def test_public_api_is_complete_and_documented():
    expected = {
        "dot", "norm", "distance", "angle", "cosine_similarity", "project", "linear_combination",
        "is_linearly_independent", "coordinates", "gram_schmidt", "broadcast_shape", "matrix_of",
        "matmul", "transpose", "trace", "det", "solve", "inverse", "rank", "qr", "power_iteration",
        "eig_symmetric", "svd", "pinv", "adjacency_matrix", "transition_matrix", "stationary_distribution",
    }  # fmt: skip
    assert set(la.__all__) == expected and len(la.__all__) == len(expected)
    for name in la.__all__:
        func = getattr(la, name)
        assert func.__module__ == "mlmath_ref.linalg", name
        assert re.search(r"Concept page:\s+:ref:`concept-[a-z-]+`\.", func.__doc__), name


@FAST
@given(vector_pairs(), ELEMENTS)
def test_dot_is_symmetric_and_linear(pair, a):
    x, y = pair
    z = y[::-1].copy()
    scale = (np.abs(a) + 1) * 100 * (np.sum(np.abs(x * y)) + np.sum(np.abs(z * y)) + 1)
    assert dot(x, y) == dot(y, x)
    assert abs(dot(a * x + z, y) - (a * dot(x, y) + dot(z, y))) <= 1e-13 * scale


@FAST
@given(vector_pairs(), ELEMENTS, ORDERS)
def test_norm_is_a_norm(pair, a, p):
    x, y = pair
    assert norm(x, p) >= 0
    assert (norm(x, p) == 0) == (not np.any(x))
    assert np.isclose(norm(a * x, p), abs(a) * norm(x, p), rtol=1e-12, atol=0)
    assert norm(x + y, p) <= (norm(x, p) + norm(y, p)) * (1 + 1e-12)  # triangle inequality


@FAST
@given(st.lists(ELEMENTS, min_size=1, max_size=8).map(np.array))
def test_norms_are_ordered(x):
    assert norm(x, np.inf) <= norm(x, 2) * (1 + 1e-12)
    assert norm(x, 2) <= norm(x, 1) * (1 + 1e-12)


@FAST
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(arrays(n), arrays(n), arrays(n))), ORDERS)
def test_distance_is_a_metric(triple, p):
    x, y, z = triple
    assert distance(x, x, p) == 0
    assert distance(x, y, p) == distance(y, x, p)
    assert distance(x, z, p) <= (distance(x, y, p) + distance(y, z, p)) * (1 + 1e-12)


@FAST
@given(vector_pairs(), st.floats(0.1, 10), st.floats(0.1, 10))
def test_angle_and_cosine_similarity(pair, a, b):
    x, y = pair
    assume(np.any(x) and np.any(y))
    assert 0 <= angle(x, y) <= np.pi
    assert angle(x, y) == angle(y, x)
    assert np.isclose(np.cos(angle(x, y)), cosine_similarity(x, y), atol=1e-12)
    assert np.isclose(cosine_similarity(a * x, b * y), cosine_similarity(x, y), atol=1e-12)
    assert np.isclose(angle(x, -y), np.pi - angle(x, y), atol=1e-7)  # arccos is accurate only to ~1e-8


def test_angle_special_cases():
    x = np.array([3.0, -1.0, 2.0])
    assert angle(x, x) == 0.0
    assert angle(x, -x) == np.pi
    assert angle(x, np.array([1.0, 3.0, 0.0])) == np.pi / 2
    assert cosine_similarity(x, 2 * x) == 1.0


@FAST
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(arrays(n), matrices_with_rows(n))))
def test_projection_is_idempotent_and_residual_orthogonal(args):
    x, V = args
    p = project(x, V)
    scale = (np.max(np.abs(x)) + 1) * 1e-9
    np.testing.assert_allclose(project(p, V), p, atol=scale)
    np.testing.assert_allclose(V.T @ (x - p) / (np.max(np.abs(V)) + 1), 0, atol=scale * 10)


@FAST
@given(vector_pairs())
def test_projection_onto_a_line(pair):
    x, u = pair
    assume(np.any(u))
    p = project(x, u)
    np.testing.assert_allclose(project(p, u), p, atol=1e-9 * (np.max(np.abs(x)) + 1))
    assert abs(dot(x - p, u / norm(u))) <= 1e-9 * (np.max(np.abs(x)) + 1)


def test_projection_of_several_columns_and_dependent_columns(rng):
    V = rng.standard_normal((5, 2))
    X = rng.standard_normal((5, 3))
    P = project(X, V)
    for j in range(3):
        np.testing.assert_allclose(P[:, j], project(X[:, j], V), atol=1e-12)
    V_dependent = np.column_stack([V, V[:, 0] - 2 * V[:, 1], 3 * V[:, 1]])
    np.testing.assert_allclose(project(X, V_dependent), P, atol=1e-12)
    np.testing.assert_allclose(project(X, V[:, 0]), project(X, V[:, :1]), atol=1e-12)


def test_linear_combination_of_the_standard_basis_is_the_coefficients(rng):
    c = rng.standard_normal(4)
    np.testing.assert_array_equal(linear_combination(c, np.eye(4)), c)
    V = rng.standard_normal((3, 4))
    np.testing.assert_allclose(linear_combination(np.eye(4)[2], V), V[:, 2])


def test_linear_independence_examples(rng):
    assert is_linearly_independent(np.eye(3))
    assert is_linearly_independent(rng.standard_normal((5, 3)))
    assert not is_linearly_independent(np.array([[1.0, 0.0], [0.0, 0.0]]))  # a zero column
    assert not is_linearly_independent(rng.standard_normal((3, 4)))  # four vectors in R^3
    V = rng.standard_normal((4, 2))
    assert not is_linearly_independent(np.column_stack([V, V @ [2.0, -1.0]]))


@FAST
@given(matrices(square=True), st.data())
def test_coordinates_recombine_to_the_vector(B, data):
    assume(well_scaled(B, 1e8))
    x = data.draw(arrays(B.shape[0]))
    c = coordinates(x, B)
    np.testing.assert_allclose(linear_combination(c, B), x, atol=1e-6 * (np.max(np.abs(x)) + 1))


@FAST
@given(matrices(tall=True))
def test_gram_schmidt_is_orthonormal_with_nested_spans(V):
    assume(condition(V) < 1e6)
    Q = gram_schmidt(V)
    k = V.shape[1]
    np.testing.assert_allclose(Q.T @ Q, np.eye(k), atol=1e-9)
    np.testing.assert_allclose(project(V, Q), V, atol=1e-8 * np.max(np.abs(V)))
    # q_i is orthogonal to v_1 .. v_j for i > j: span(q_1..q_j) = span(v_1..v_j)
    lower = np.tril(Q.T @ V, k=-1)
    np.testing.assert_allclose(lower, 0, atol=1e-8 * np.max(np.abs(V)))


def test_broadcast_shape_examples():
    assert broadcast_shape() == ()
    assert broadcast_shape((3,)) == (3,)
    assert broadcast_shape((256, 256, 3), (3,)) == (256, 256, 3)
    assert broadcast_shape((8, 1, 6, 1), (7, 1, 5)) == (8, 7, 6, 5)
    assert broadcast_shape((5, 4), (1,)) == (5, 4)
    assert broadcast_shape((15, 3, 5), (15, 1, 5), (3, 1)) == (15, 3, 5)
    assert broadcast_shape((), (2, 3)) == (2, 3)


def test_matrix_of_maps_basis_vectors_to_columns(rng):
    M = rng.standard_normal((3, 4))
    A = matrix_of(lambda x: M @ x, 4)
    for j in range(4):
        np.testing.assert_allclose(A[:, j], M @ np.eye(4)[:, j])
    x = rng.standard_normal(4)
    np.testing.assert_allclose(matmul(A, x), M @ x, atol=1e-12)


@FAST
@given(
    st.tuples(SIZES, SIZES, SIZES).flatmap(lambda s: st.tuples(arrays(s[:2]), arrays(s[1:]), arrays(s[2])))
)
def test_matmul_is_composition_of_maps(args):
    A, B, x = args
    scale = (np.max(np.abs(A)) + 1) * (np.max(np.abs(B)) + 1) * (np.max(np.abs(x)) + 1)
    np.testing.assert_allclose(matmul(matmul(A, B), x), matmul(A, matmul(B, x)), atol=1e-12 * scale)
    np.testing.assert_allclose(matrix_of(lambda v: A @ (B @ v), B.shape[1]), matmul(A, B), atol=1e-12 * scale)


@FAST
@given(st.tuples(SIZES, SIZES, SIZES).flatmap(lambda s: st.tuples(arrays(s[:2]), arrays(s[1:]))))
def test_transpose_reverses_products(args):
    A, B = args
    np.testing.assert_array_equal(transpose(transpose(A)), A)
    np.testing.assert_allclose(
        transpose(matmul(A, B)), matmul(transpose(B), transpose(A)), rtol=1e-12, atol=1e-10
    )


@FAST
@given(st.tuples(SIZES, SIZES).flatmap(lambda s: st.tuples(arrays(s), arrays(s[::-1]))))
def test_trace_is_cyclic(args):
    A, B = args
    assert np.isclose(trace(matmul(A, B)), trace(matmul(B, A)), rtol=1e-10, atol=1e-9)


@FAST
@given(SIZES.flatmap(lambda n: st.tuples(arrays((n, n)), arrays((n, n)))))
def test_det_is_multiplicative(args):
    A, B = args
    assume(well_scaled(A, 1e4) and well_scaled(B, 1e4))
    assert np.isclose(det(matmul(A, B)), det(A) * det(B), rtol=1e-8, atol=0)


def test_det_of_identity_swap_and_scaling(rng):
    A = rng.standard_normal((5, 5))
    assert det(np.eye(5)) == 1.0
    swapped = A[[3, 1, 2, 0, 4]]
    assert np.isclose(det(swapped), -det(A), rtol=1e-12)
    scaled = A.copy()
    scaled[2] *= 7.0
    assert np.isclose(det(scaled), 7.0 * det(A), rtol=1e-12)
    sheared = A.copy()
    sheared[4] += 3.0 * A[1]
    assert np.isclose(det(sheared), det(A), rtol=1e-12)
    assert det(np.column_stack([A[:, :4], A[:, 0] + A[:, 1]])) == pytest.approx(0, abs=1e-12)


@FAST
@given(matrices(square=True), st.data())
def test_solve_satisfies_the_system(A, data):
    assume(well_scaled(A, 1e8))
    n = A.shape[0]
    b = data.draw(arrays(n) | arrays((n, 3)))
    x = solve(A, b)
    assert x.shape == b.shape
    residual = np.max(np.abs(A @ x - b))
    assert residual <= 100 * n * EPS * np.max(np.abs(A)) * (np.max(np.abs(x)) + 1) + 1e-300


@FAST
@given(matrices(square=True))
def test_inverse_is_a_two_sided_inverse(A):
    assume(well_scaled(A, 1e6))
    n = A.shape[0]
    A_inv = inverse(A)
    tolerance = 1e-9 * condition(A)
    np.testing.assert_allclose(A @ A_inv, np.eye(n), atol=tolerance)
    np.testing.assert_allclose(A_inv @ A, np.eye(n), atol=tolerance)


def test_rank_properties(rng):
    A = rng.standard_normal((6, 3)) @ rng.standard_normal((3, 5))
    assert rank(A) == rank(transpose(A)) == 3
    assert rank(np.outer(rng.standard_normal(4), rng.standard_normal(7))) == 1
    assert rank(np.zeros((3, 2))) == 0
    assert rank(rng.standard_normal((4, 9))) == 4


@FAST
@given(matrices(tall=True))
def test_qr_reconstructs_with_positive_upper_triangular_r(A):
    assume(condition(A) < 1e6)
    Q, R = qr(A)
    np.testing.assert_allclose(Q @ R, A, atol=1e-12 * np.max(np.abs(A)) * A.shape[0])
    np.testing.assert_allclose(Q.T @ Q, np.eye(A.shape[1]), atol=1e-9)
    np.testing.assert_array_equal(np.tril(R, k=-1), 0)
    assert np.all(np.diag(R) > 0)


def test_power_iteration_returns_an_eigenpair(rng):
    Q = orthogonal(rng, 5)
    for values in ([5.0, 3.0, 1.0, -2.0, 0.5], [-6.0, 3.0, 1.0, 2.0, 0.0]):
        A = Q * values @ Q.T
        value, v = power_iteration(A)
        assert np.isclose(norm(v), 1.0)
        assert np.max(np.abs(A @ v - value * v)) < 1e-9 * abs(value)
        assert value == pytest.approx(values[0], rel=1e-12)
        assert v[np.argmax(np.abs(v))] > 0  # sign convention


def test_power_iteration_default_start_is_not_the_ones_vector():
    # the ones vector is an eigenvector for -1; the top eigenvalue is 3
    A = np.array([[1.0, -2.0], [-2.0, 1.0]])
    assert power_iteration(A)[0] == pytest.approx(3.0)
    assert power_iteration(A, x0=np.ones(2))[0] == pytest.approx(-1.0)
    np.testing.assert_array_equal(power_iteration(A)[1], power_iteration(A)[1])  # deterministic


@FAST
@given(matrices(square=True))
def test_eig_symmetric_diagonalizes(B):
    A = B + B.T
    values, V = eig_symmetric(A)
    n = A.shape[0]
    scale = np.max(np.abs(A)) * n  # not the Frobenius norm: squares of tiny entries underflow
    assert np.all(np.diff(values) >= 0)
    np.testing.assert_allclose(V.T @ V, np.eye(n), atol=1e-12 * n)
    np.testing.assert_allclose(A @ V, V * values, atol=1e-10 * scale)
    np.testing.assert_allclose(V * values @ V.T, A, atol=1e-10 * scale)


@FAST
@given(matrices())
def test_svd_reconstructs_with_orthonormal_factors(A):
    U, s, Vt = svd(A)
    k = min(A.shape)
    assert U.shape == (A.shape[0], k) and s.shape == (k,) and Vt.shape == (k, A.shape[1])
    assert np.all(s >= 0) and np.all(np.diff(s) <= 0)
    np.testing.assert_allclose(U.T @ U, np.eye(k), atol=1e-12 * max(A.shape))
    np.testing.assert_allclose(Vt @ Vt.T, np.eye(k), atol=1e-12 * max(A.shape))
    np.testing.assert_allclose(U * s @ Vt, A, atol=1e-12 * max(A.shape) * (s[0] + 1e-300))


def test_svd_of_rank_deficient_and_zero_matrices(rng):
    for A in (
        rng.standard_normal((7, 2)) @ rng.standard_normal((2, 5)),
        rng.standard_normal((3, 2)) @ rng.standard_normal((2, 6)),
        np.array([[1.0, 1.0, 2.0], [0.0, 1.0, 1.0], [0.0, 0.0, 0.0]]),
        np.zeros((3, 4)),
        np.array([[1.0, 0.0], [0.0, 0.0]]),
    ):
        U, s, Vt = svd(A)
        k = min(A.shape)
        np.testing.assert_allclose(U.T @ U, np.eye(k), atol=1e-13)
        np.testing.assert_allclose(Vt @ Vt.T, np.eye(k), atol=1e-13)
        np.testing.assert_allclose(U * s @ Vt, A, atol=1e-13 * (s[0] + 1))


@FAST
@given(matrices())
def test_pinv_satisfies_the_penrose_conditions(A):
    assume(condition(A) < 1e8)
    X = pinv(A)
    assert X.shape == A.shape[::-1]
    tolerance = 1e-9 * condition(A)
    scale = np.max(np.abs(A))
    np.testing.assert_allclose(A @ X @ A, A, atol=tolerance * scale)
    np.testing.assert_allclose(X @ A @ X, X, atol=tolerance * np.max(np.abs(X)))
    np.testing.assert_allclose(A @ X, (A @ X).T, atol=tolerance)
    np.testing.assert_allclose(X @ A, (X @ A).T, atol=tolerance)


def test_pinv_penrose_conditions_for_rank_deficient_matrices(rng):
    for A in (rng.standard_normal((6, 2)) @ rng.standard_normal((2, 4)), np.zeros((2, 3))):
        X = pinv(A)
        np.testing.assert_allclose(A @ X @ A, A, atol=1e-12)
        np.testing.assert_allclose(X @ A @ X, X, atol=1e-12)
        np.testing.assert_allclose(A @ X, (A @ X).T, atol=1e-12)
        np.testing.assert_allclose(X @ A, (X @ A).T, atol=1e-12)


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


@FAST
@given(vector_pairs())
def test_dot_matches_numpy(pair):
    x, y = pair
    assert np.isclose(dot(x, y), np.dot(x, y), rtol=1e-12, atol=1e-12 * np.sum(np.abs(x * y)))


@FAST
@given(vector_pairs(), ORDERS)
def test_norm_and_distance_match_numpy_and_scipy(pair, p):
    x, y = pair
    m = np.max(np.abs(x))
    # NumPy's |x_i|^p underflows for tiny entries; on x / m it cannot, and the norm scales by m
    assert np.isclose(norm(x, p), m * np.linalg.norm(x / m if m else x, ord=p), rtol=1e-12, atol=0)
    if m > 1e-50:
        assert np.isclose(norm(x, p), np.linalg.norm(x, ord=p), rtol=1e-12, atol=0)
    assume(np.max(np.abs(x - y)) == 0 or np.max(np.abs(x - y)) > 1e-50)  # SciPy underflows below
    expected = (
        scipy.spatial.distance.chebyshev(x, y) if p == np.inf else scipy.spatial.distance.minkowski(x, y, p)
    )
    assert np.isclose(distance(x, y, p), expected, rtol=1e-12, atol=0)


@FAST
@given(vector_pairs())
def test_cosine_similarity_and_angle_match_scipy(pair):
    x, y = pair
    assume(np.linalg.norm(x) > 1e-3 and np.linalg.norm(y) > 1e-3)
    expected = 1 - scipy.spatial.distance.cosine(x, y)
    assert np.isclose(cosine_similarity(x, y), expected, atol=1e-12)
    assert np.isclose(angle(x, y), np.arccos(np.clip(expected, -1, 1)), atol=1e-6)


@FAST
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(arrays(n), matrices_with_rows(n))))
def test_project_matches_least_squares(args):
    x, V = args
    U, s, _ = np.linalg.svd(V, full_matrices=False)
    # keep matrices whose singular values are clearly zero (far below the rank cutoff, about
    # eps * max(m, n) * s[0]) or clearly not (where lstsq is accurate); in between, the two may rightly differ
    assume(not np.any((s > EPS * s[0] / 100) & (s < 1e-6 * s[0])))
    V_scaled = V / np.max(np.abs(V)) if np.any(V) else V  # the same column space; lstsq overflows on tiny V
    expected = V_scaled @ np.linalg.lstsq(V_scaled, x, rcond=None)[0]
    np.testing.assert_allclose(project(x, V), expected, atol=1e-7 * (np.max(np.abs(x)) + 1))


@FAST
@given(st.tuples(SIZES, SIZES).flatmap(lambda s: st.tuples(arrays(s[1]), arrays(s))))
def test_linear_combination_matches_matrix_vector_product(args):
    c, V = args
    np.testing.assert_allclose(
        linear_combination(c, V), V @ c, rtol=1e-12, atol=1e-12 * (np.sum(np.abs(V)) * 10 + 1)
    )


def test_rank_and_independence_match_numpy(rng):
    for m, n, r in [(5, 5, 5), (6, 4, 2), (4, 7, 3), (8, 8, 1), (3, 3, 0), (1, 5, 1), (9, 2, 2)]:
        A = rng.standard_normal((m, r)) @ rng.standard_normal((r, n))
        assert rank(A) == np.linalg.matrix_rank(A) == r
        assert is_linearly_independent(A) == (np.linalg.matrix_rank(A) == n)
        assert rank(A, tol=0.5) == np.linalg.matrix_rank(A, tol=0.5)


@FAST
@given(matrices(square=True), st.data())
def test_solve_inverse_and_coordinates_match_numpy(A, data):
    assume(well_scaled(A, 1e8))
    n = A.shape[0]
    b = data.draw(arrays(n) | arrays((n, 2)))
    expected = np.linalg.solve(A, b)
    tolerance = 1e-15 * condition(A) * n * (np.max(np.abs(expected)) + 1) * 100
    np.testing.assert_allclose(solve(A, b), expected, atol=tolerance)
    np.testing.assert_allclose(solve(A, b), scipy.linalg.solve(A, b), atol=tolerance)
    np.testing.assert_allclose(coordinates(b, A), expected, atol=tolerance)
    inv = np.linalg.inv(A)
    np.testing.assert_allclose(inverse(A), inv, atol=1e-13 * condition(A) * n * (np.max(np.abs(inv)) + 1))


@FAST
@given(matrices(square=True))
def test_det_matches_numpy_and_scipy(A):
    assume(well_scaled(A, 1e6))
    assert np.isclose(det(A), np.linalg.det(A), rtol=1e-8, atol=0)
    assert np.isclose(det(A), scipy.linalg.det(A), rtol=1e-8, atol=0)


@FAST
@given(
    st.tuples(SIZES, SIZES, SIZES).flatmap(lambda s: st.tuples(arrays(s[:2]), arrays(s[1:]), arrays(s[1])))
)
def test_matmul_transpose_and_trace_match_numpy(args):
    A, B, x = args
    scale = np.max(np.abs(A)) * np.max(np.abs(B)) * A.shape[1]
    np.testing.assert_allclose(matmul(A, B), A @ B, rtol=1e-12, atol=1e-13 * scale)
    np.testing.assert_allclose(
        matmul(A, x), A @ x, rtol=1e-12, atol=1e-13 * np.max(np.abs(A)) * np.sum(np.abs(x))
    )
    np.testing.assert_array_equal(transpose(A), A.T)
    square = A[: min(A.shape), : min(A.shape)]
    assert np.isclose(trace(square), np.trace(square), rtol=1e-12, atol=1e-12)


@FAST
@given(matrices(tall=True))
def test_gram_schmidt_and_qr_match_numpy_up_to_signs(A):
    assume(condition(A) < 1e6)
    Q_np, R_np = np.linalg.qr(A)
    signs = np.sign(np.diag(R_np))
    Q, R = qr(A)
    np.testing.assert_allclose(Q, Q_np * signs, atol=1e-7)
    np.testing.assert_allclose(R, R_np * signs[:, None], atol=1e-7 * np.max(np.abs(A)))
    np.testing.assert_allclose(gram_schmidt(A), Q, atol=0)


@FAST
@given(hnp.mutually_broadcastable_shapes(num_shapes=3, min_dims=0, max_dims=5, min_side=0, max_side=4))
def test_broadcast_shape_matches_numpy_on_compatible_shapes(shapes):
    assert broadcast_shape(*shapes.input_shapes) == np.broadcast_shapes(*shapes.input_shapes)
    assert broadcast_shape(*shapes.input_shapes) == shapes.result_shape


@FAST
@given(st.lists(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=3), max_size=4))
def test_broadcast_shape_matches_numpy_on_any_shapes(shapes):
    try:
        expected = np.broadcast_shapes(*shapes)
    except ValueError:
        with pytest.raises(ValueError, match="do not broadcast"):
            broadcast_shape(*shapes)
    else:
        assert broadcast_shape(*shapes) == expected


def test_power_iteration_matches_numpy_on_a_positive_matrix(rng):
    A = rng.uniform(0.1, 1.0, size=(6, 6))  # Perron: a real, simple, largest eigenvalue
    values, vectors = np.linalg.eig(A)
    top = np.argmax(np.abs(values))
    value, v = power_iteration(A)
    assert value == pytest.approx(values[top].real, rel=1e-10)
    expected = vectors[:, top].real
    np.testing.assert_allclose(
        v, expected / np.linalg.norm(expected) * np.sign(expected[np.argmax(np.abs(expected))]), atol=1e-9
    )


@FAST
@given(matrices(square=True))
def test_eig_symmetric_eigenvalues_match_numpy_and_scipy(B):
    A = B + B.T
    values, _ = eig_symmetric(A)
    scale = np.max(np.abs(A)) * A.shape[0]
    np.testing.assert_allclose(values, np.linalg.eigvalsh(A), atol=1e-10 * scale)
    np.testing.assert_allclose(values, scipy.linalg.eigh(A, eigvals_only=True), atol=1e-10 * scale)


def test_eig_symmetric_eigenvectors_match_numpy_up_to_sign(rng):
    for n in (1, 2, 5, 12):
        B = rng.standard_normal((n, n))
        A = B + B.T
        values, V = eig_symmetric(A)
        values_np, V_np = np.linalg.eigh(A)
        np.testing.assert_allclose(values, values_np, atol=1e-12 * n)
        np.testing.assert_allclose(V, sign_fixed(V_np), atol=1e-9)


@FAST
@given(matrices())
def test_svd_singular_values_match_numpy_and_scipy(A):
    s = svd(A)[1]
    scale = np.max(np.abs(A)) * max(A.shape)
    np.testing.assert_allclose(s, np.linalg.svd(A, compute_uv=False), atol=1e-12 * scale)
    np.testing.assert_allclose(s, scipy.linalg.svdvals(A), atol=1e-12 * scale)


def test_svd_vectors_match_numpy_up_to_sign(rng):
    for shape in [(1, 1), (5, 3), (3, 5), (8, 8), (20, 7)]:
        A = rng.standard_normal(shape)
        U, s, Vt = svd(A)
        U_np, s_np, Vt_np = np.linalg.svd(A, full_matrices=False)
        flip = np.sign(sign_fixed(U_np)[0] / U_np[0])  # the signs that make numpy's U follow our convention
        np.testing.assert_allclose(s, s_np, atol=1e-13 * s_np[0])
        np.testing.assert_allclose(U, U_np * flip, atol=1e-9)
        np.testing.assert_allclose(Vt, Vt_np * flip[:, None], atol=1e-9)


@FAST
@given(matrices())
def test_pinv_matches_numpy_and_scipy(A):
    assume(condition(A) < 1e6)
    expected = np.linalg.pinv(A, rtol=None)
    scale = np.max(np.abs(expected)) * condition(A)
    np.testing.assert_allclose(pinv(A), expected, atol=1e-12 * scale)
    np.testing.assert_allclose(pinv(A), scipy.linalg.pinv(A), atol=1e-12 * scale)


def test_pinv_matches_numpy_for_rank_deficient_matrices(rng):
    for A in (rng.standard_normal((6, 2)) @ rng.standard_normal((2, 4)), np.zeros((3, 2)), np.ones((2, 5))):
        np.testing.assert_allclose(pinv(A), np.linalg.pinv(A, rtol=None), atol=1e-12)


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


def test_dot_formula(rng):
    x, y = rng.standard_normal(5), rng.standard_normal(5)
    assert dot(x, y) == pytest.approx(sum(x[i] * y[i] for i in range(5)), rel=1e-14)


def test_norm_formulas_and_overflow_guard(rng):
    x = rng.standard_normal(6)
    for p in (1, 1.5, 2, 3, 7):
        assert norm(x, p) == pytest.approx(sum(abs(v) ** p for v in x) ** (1 / p), rel=1e-13)
    assert norm(x, np.inf) == np.max(np.abs(x))
    assert norm([1e200, 1e200]) == pytest.approx(np.sqrt(2) * 1e200, rel=1e-15)  # x_i^2 would overflow
    assert norm([1e-200, 1e-200], p=3) == pytest.approx(2 ** (1 / 3) * 1e-200, rel=1e-15)  # would underflow
    assert norm(np.zeros(3)) == 0.0


def test_distance_formula(rng):
    x, y = rng.standard_normal(4), rng.standard_normal(4)
    for p in (1, 2, 4, np.inf):
        assert distance(x, y, p) == norm(x - y, p)


def test_cosine_and_angle_formulas(rng):
    x, y = rng.standard_normal(5), rng.standard_normal(5)
    cosine = np.sum(x * y) / (np.sqrt(np.sum(x * x)) * np.sqrt(np.sum(y * y)))
    assert cosine_similarity(x, y) == pytest.approx(cosine, abs=1e-15)
    assert angle(x, y) == pytest.approx(np.arccos(cosine), abs=1e-14)
    assert cosine_similarity([1e200, 1e200], [1e200, 0.0]) == pytest.approx(np.sqrt(0.5))  # no overflow
    assert angle([1.0, 0.0], [1.0, 1e-9]) == 0.0  # the documented resolution limit of arccos


def test_linear_combination_formula(rng):
    c, V = rng.standard_normal(3), rng.standard_normal((4, 3))
    expected = c[0] * V[:, 0] + c[1] * V[:, 1] + c[2] * V[:, 2]
    np.testing.assert_allclose(linear_combination(c, V), expected, rtol=1e-14)


def test_broadcast_shape_rule_for_sizes_zero_and_one():
    assert broadcast_shape((0,), (1,)) == (0,)
    assert broadcast_shape((0, 3), (1, 1)) == (0, 3)
    assert broadcast_shape(4, (3, 1)) == (3, 4)  # an int n stands for (n,)
    with pytest.raises(ValueError, match=r"\(0,\) and \(3,\) do not broadcast: on axis -1"):
        broadcast_shape((0,), (3,))


def test_matrix_of_formula(rng):
    M = rng.standard_normal((2, 3))

    def f(x):
        return M @ x

    A = matrix_of(f, 3)
    x = rng.standard_normal(3)
    np.testing.assert_allclose(f(x), sum(x[j] * A[:, j] for j in range(3)), atol=1e-14)
    assert matrix_of(lambda x: x**2, 2, check=False).tolist() == [[1.0, 0.0], [0.0, 1.0]]  # no check: trusted


def test_matmul_formulas(rng):
    A, B, x = rng.standard_normal((3, 4)), rng.standard_normal((4, 2)), rng.standard_normal(4)
    entries = [[sum(A[i, k] * B[k, j] for k in range(4)) for j in range(2)] for i in range(3)]
    np.testing.assert_allclose(matmul(A, B), entries, rtol=1e-13)
    np.testing.assert_allclose(matmul(A, x), sum(x[k] * A[:, k] for k in range(4)), rtol=1e-13)
    for j in range(2):
        np.testing.assert_array_equal(matmul(A, B)[:, j], matmul(A, B[:, j]))


def test_transpose_formula(rng):
    A = rng.standard_normal((2, 5))
    T = transpose(A)
    assert all(T[i, j] == A[j, i] for i in range(5) for j in range(2))
    assert T.base is None or not np.shares_memory(T, A)  # a copy, unlike A.T


def test_trace_is_the_sum_of_eigenvalues(rng):
    B = rng.standard_normal((5, 5))
    assert trace(B) == pytest.approx(sum(B[i, i] for i in range(5)), rel=1e-14)
    assert trace(B + B.T) == pytest.approx(np.sum(np.linalg.eigvalsh(B + B.T)), rel=1e-12)


def test_det_is_signed_product_of_lu_pivots(rng):
    A = rng.standard_normal((6, 6))
    P, _, U = scipy.linalg.lu(A)
    assert det(A) == pytest.approx(np.linalg.det(P) * np.prod(np.diag(U)), rel=1e-12)
    triangular = np.triu(rng.standard_normal((4, 4)))
    assert det(triangular) == pytest.approx(np.prod(np.diag(triangular)), rel=1e-14)
    assert det(np.eye(4)[[1, 0, 3, 2]]) == 1.0 and det(np.eye(3)[[1, 0, 2]]) == -1.0
    assert det([[2.0, 3.0], [5.0, 7.0]]) == pytest.approx(2 * 7 - 3 * 5)
    assert det([[1.0, 2.0], [2.0, 4.0]]) == 0.0


def test_solve_back_substitution_and_pivot_tolerance(rng):
    U = np.triu(rng.standard_normal((5, 5))) + 3 * np.eye(5)
    c = rng.standard_normal(5)
    x = np.zeros(5)
    for i in range(4, -1, -1):
        x[i] = (c[i] - sum(U[i, j] * x[j] for j in range(i + 1, 5))) / U[i, i]
    np.testing.assert_allclose(solve(U, c), x, rtol=1e-12)
    # a pivot at or below n * eps * max|A| is zero; just above it is a pivot
    assert solve(np.diag([1.0, 3 * EPS]), [1.0, 1.0])[1] == pytest.approx(1 / (3 * EPS))
    with pytest.raises(np.linalg.LinAlgError, match="^A is singular"):
        solve(np.diag([1.0, 2 * EPS]), [1.0, 1.0])


def test_inverse_columns_solve_for_basis_vectors(rng):
    A = rng.standard_normal((4, 4))
    for j in range(4):
        np.testing.assert_allclose(inverse(A)[:, j], solve(A, np.eye(4)[:, j]), rtol=1e-13)


def test_coordinates_in_an_orthonormal_basis_are_inner_products(rng):
    B = orthogonal(rng, 4)
    x = rng.standard_normal(4)
    np.testing.assert_allclose(coordinates(x, B), [dot(B[:, j], x) for j in range(4)], atol=1e-14)


def test_gram_schmidt_formula_and_dependence_threshold(rng):
    V = rng.standard_normal((5, 3))
    q = []
    for j in range(3):  # the classical formula, exact enough for a well-conditioned V
        w = V[:, j] - sum(dot(qi, V[:, j]) * qi for qi in q)
        q.append(w / norm(w))
    np.testing.assert_allclose(gram_schmidt(V), np.column_stack(q), atol=1e-12)
    # column 1 is dependent when what is left of it is at most sqrt(eps) times its length
    gram_schmidt(np.array([[1.0, 1.0], [0.0, 2e-8]]))
    with pytest.raises(np.linalg.LinAlgError, match="column 1 of V"):
        gram_schmidt(np.array([[1.0, 1.0], [0.0, 1e-8]]))


def test_modified_gram_schmidt_loses_orthogonality_only_like_kappa_eps(rng):
    kappa = 1e7
    V = with_singular_values(rng, 30, 10, np.logspace(0, -np.log10(kappa), 10))
    Q = gram_schmidt(V)
    loss = np.max(np.abs(Q.T @ Q - np.eye(10)))
    assert loss < 100 * kappa * EPS  # classical Gram-Schmidt reaches about kappa^2 eps, far above 1


def test_qr_formula(rng):
    A = rng.standard_normal((6, 4))
    Q, R = qr(A)
    for j in range(4):
        for i in range(j):
            assert R[i, j] == pytest.approx(dot(Q[:, i], A[:, j]), abs=1e-13)
        assert R[j, j] == pytest.approx(norm(A[:, j] - sum(R[i, j] * Q[:, i] for i in range(j))), rel=1e-12)


def test_projection_formulas(rng):
    x, u = rng.standard_normal(4), rng.standard_normal(4)
    np.testing.assert_allclose(project(x, u), dot(u, x) / dot(u, u) * u, rtol=1e-13)
    np.testing.assert_allclose(project(x, 1e-250 * u), project(x, u), rtol=1e-13)  # u.u would underflow
    V = rng.standard_normal((4, 2))
    np.testing.assert_allclose(project(x, V), V @ np.linalg.solve(V.T @ V, V.T @ x), atol=1e-13)
    np.testing.assert_allclose(project(x, V), V @ np.linalg.pinv(V) @ x, atol=1e-13)
    np.testing.assert_array_equal(project(x, np.zeros((4, 2))), 0)


def test_power_iteration_formula_and_null_space_start():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    value, v = power_iteration(A, tol=1e-14)
    assert value == pytest.approx(v @ A @ v, rel=1e-15)  # the Rayleigh quotient
    assert value == pytest.approx((5 + np.sqrt(5)) / 2, rel=1e-13)
    assert power_iteration(1e300 * A)[0] == pytest.approx(1e300 * value, rel=1e-13)  # A x would overflow
    value, v = power_iteration(np.diag([1.0, 0.0]), x0=[0.0, 1.0])  # A x0 = 0: an eigenvector for 0
    assert value == 0.0
    np.testing.assert_array_equal(v, [0.0, 1.0])


def test_power_iteration_needs_more_steps_for_a_smaller_gap():
    # the error shrinks like |lambda_2 / lambda_1|^t: 0.99^1000 is about 4e-5, far above tol
    with pytest.raises(np.linalg.LinAlgError, match="did not converge"):
        power_iteration(np.diag([1.0, 0.99]), x0=[1.0, 1.0])
    assert power_iteration(np.diag([1.0, 0.5]), x0=[1.0, 1.0])[0] == pytest.approx(1.0)


def test_jacobi_rotation_formula_diagonalizes_a_2x2_matrix():
    A = np.array([[4.0, 1.5], [1.5, -2.0]])
    tau = (A[1, 1] - A[0, 0]) / (2 * A[0, 1])
    t = np.sign(tau) / (abs(tau) + np.sqrt(1 + tau**2))
    c = 1 / np.sqrt(1 + t**2)
    s = c * t
    J = np.array([[c, s], [-s, c]])
    D = J.T @ A @ J
    assert abs(D[0, 1]) < 1e-15
    values, V = eig_symmetric(A)
    np.testing.assert_allclose(values, np.sort(np.diag(D)), rtol=1e-14)
    np.testing.assert_allclose(np.abs(V), np.abs(J[:, np.argsort(np.diag(D))]), atol=1e-14)


def test_eig_symmetric_decomposition_and_invariants(rng):
    B = rng.standard_normal((6, 6))
    A = B + B.T
    values, V = eig_symmetric(A)
    np.testing.assert_allclose(V @ np.diag(values) @ V.T, A, atol=1e-12)
    assert np.sum(values) == pytest.approx(trace(A), abs=1e-12)
    assert np.sum(values**2) == pytest.approx(np.sum(A**2), rel=1e-12)  # rotations keep the Frobenius norm
    assert np.all(V[np.argmax(np.abs(V), axis=0), np.arange(6)] > 0)  # sign convention
    scaled_values, _ = eig_symmetric(1e200 * A)  # entries whose squares overflow
    np.testing.assert_allclose(scaled_values, 1e200 * values, rtol=1e-12)


def test_svd_formulas(rng):
    A = rng.standard_normal((5, 3))
    U, s, Vt = svd(A)
    np.testing.assert_allclose(sum(s[i] * np.outer(U[:, i], Vt[i]) for i in range(3)), A, atol=1e-14)
    np.testing.assert_allclose(s**2, eig_symmetric(A.T @ A)[0][::-1], rtol=1e-12)
    assert np.all(U[np.argmax(np.abs(U), axis=0), np.arange(3)] > 0)  # sign convention
    np.testing.assert_allclose(svd(1e200 * A)[1], 1e200 * s, rtol=1e-13)  # squared lengths would overflow
    # one rotation of the two columns of W, as in the Notes, makes them orthogonal
    W = rng.standard_normal((4, 2))
    alpha, beta, gamma = W[:, 0] @ W[:, 0], W[:, 1] @ W[:, 1], W[:, 0] @ W[:, 1]
    zeta = (beta - alpha) / (2 * gamma)
    t = np.sign(zeta) / (abs(zeta) + np.sqrt(1 + zeta**2))
    c = 1 / np.sqrt(1 + t**2)
    rotated = W @ np.array([[c, c * t], [-c * t, c]])
    assert abs(rotated[:, 0] @ rotated[:, 1]) < 1e-14
    np.testing.assert_allclose(np.sort(np.linalg.norm(rotated, axis=0))[::-1], svd(W)[1], rtol=1e-13)


def test_rank_counts_singular_values_above_the_default_tolerance(rng):
    # default tol = s_max * max(m, n) * eps = 4 * eps here
    A = with_singular_values(rng, 4, 3, [1.0, 1e-13, 1e-17])
    assert rank(A) == 2
    assert rank(A, tol=1e-12) == 1
    assert rank(A, tol=0) == 3


def test_pinv_formulas(rng):
    A = rng.standard_normal((5, 3))
    U, s, Vt = svd(A)
    np.testing.assert_allclose(pinv(A), Vt.T @ np.diag(1 / s) @ U.T, atol=1e-14)
    np.testing.assert_allclose(pinv(A), np.linalg.solve(A.T @ A, A.T), atol=1e-12)
    B = with_singular_values(rng, 3, 3, [1.0, 1e-3, 1e-5])
    U, s, Vt = svd(B)
    np.testing.assert_allclose(pinv(B, rtol=1e-4), Vt[:2].T @ np.diag(1 / s[:2]) @ U[:, :2].T, atol=1e-10)


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

V2, M2 = np.array([1.0, 2.0]), np.array([[2.0, 1.0], [1.0, 3.0]])

# (call with the bad value in place of one argument, that argument's name)
VECTOR_ARGS = {
    "dot-x": (lambda v: dot(v, V2), "x"),
    "dot-y": (lambda v: dot(V2, v), "y"),
    "norm-x": (lambda v: norm(v), "x"),
    "distance-x": (lambda v: distance(v, V2), "x"),
    "distance-y": (lambda v: distance(V2, v), "y"),
    "angle-x": (lambda v: angle(v, V2), "x"),
    "angle-y": (lambda v: angle(V2, v), "y"),
    "cosine-x": (lambda v: cosine_similarity(v, V2), "x"),
    "cosine-y": (lambda v: cosine_similarity(V2, v), "y"),
    "linear_combination-c": (lambda v: linear_combination(v, M2), "c"),
}
OPTIONAL_VECTOR_ARGS = {  # None means the default here
    "power_iteration-x0": (lambda v: power_iteration(M2, x0=v), "x0"),
    "adjacency_matrix-weights": (lambda v: adjacency_matrix([(0, 1), (1, 0)], 2, weights=v), "weights"),
}
VECTOR_OR_MATRIX_ARGS = {
    "project-x": (lambda v: project(v, V2), "x"),
    "project-onto": (lambda v: project(V2, v), "onto"),
    "matmul-B": (lambda v: matmul(M2, v), "B"),
    "solve-b": (lambda v: solve(M2, v), "b"),
    "coordinates-x": (lambda v: coordinates(v, M2), "x"),
}
MATRIX_ARGS = {
    "linear_combination-V": (lambda A: linear_combination(V2, A), "V"),
    "is_linearly_independent-V": (lambda A: is_linearly_independent(A), "V"),
    "gram_schmidt-V": (lambda A: gram_schmidt(A), "V"),
    "matmul-A": (lambda A: matmul(A, M2), "A"),
    "transpose-A": (lambda A: transpose(A), "A"),
    "rank-A": (lambda A: rank(A), "A"),
    "qr-A": (lambda A: qr(A), "A"),
    "svd-A": (lambda A: svd(A), "A"),
    "pinv-A": (lambda A: pinv(A), "A"),
}
SQUARE_ARGS = {
    "trace-A": (lambda A: trace(A), "A"),
    "det-A": (lambda A: det(A), "A"),
    "solve-A": (lambda A: solve(A, V2), "A"),
    "inverse-A": (lambda A: inverse(A), "A"),
    "coordinates-B": (lambda A: coordinates(V2, A), "B"),
    "power_iteration-A": (lambda A: power_iteration(A), "A"),
    "eig_symmetric-A": (lambda A: eig_symmetric(A), "A"),
    "transition_matrix-A": (lambda A: transition_matrix(A), "A"),
    "stationary_distribution-P": (lambda A: stationary_distribution(A), "P"),
}
BAD_VECTORS = {
    "text": (["a", "b"], TypeError),
    "None": (None, TypeError),
    "booleans": ([True, False], TypeError),
    "complex": ([1 + 1j, 2.0], TypeError),
    "NaN": ([np.nan, 1.0], ValueError),
    "inf": ([np.inf, 1.0], ValueError),
    "3-D": (np.ones((2, 2, 2)), ValueError),
    "ragged": ([[1.0], [1.0, 2.0]], ValueError),
}
BAD_MATRICES = {
    "text": ([["a", "b"], ["c", "d"]], TypeError),
    "None": (None, TypeError),
    "booleans": ([[True, False], [False, True]], TypeError),
    "complex": ([[1 + 1j, 0.0], [0.0, 1.0]], TypeError),
    "NaN": ([[np.nan, 0.0], [0.0, 1.0]], ValueError),
    "inf": ([[1.0, 0.0], [0.0, -np.inf]], ValueError),
    "empty": (np.zeros((0, 2)), ValueError),
    "1-D": (np.ones(2), ValueError),
    "3-D": (np.ones((2, 2, 2)), ValueError),
}


def cases(args, bad):
    return [
        pytest.param(call, name, value, error, id=f"{arg_id}-{bad_id}")
        for arg_id, (call, name) in args.items()
        for bad_id, (value, error) in bad.items()
    ]


@pytest.mark.parametrize(
    "call, name, value, error",
    cases(VECTOR_ARGS, {**BAD_VECTORS, "empty": ([], ValueError), "2-D": (np.ones((2, 2)), ValueError)})
    + cases(
        OPTIONAL_VECTOR_ARGS,
        {k: v for k, v in BAD_VECTORS.items() if k != "None"} | {"2-D": (np.ones((2, 2)), ValueError)},
    )
    + cases(VECTOR_OR_MATRIX_ARGS, {**BAD_VECTORS, "empty": ([], ValueError)})
    + cases(MATRIX_ARGS, BAD_MATRICES)
    + cases(SQUARE_ARGS, {**BAD_MATRICES, "non-square": (np.ones((2, 3)), ValueError)}),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


def test_empty_weights_are_fine_without_edges():
    np.testing.assert_array_equal(adjacency_matrix([], 2, weights=[]), np.zeros((2, 2)))


@pytest.mark.parametrize(
    "call, match",
    [
        (
            lambda: dot([1.0, 2.0], [1.0, 2.0, 3.0]),
            r"^x and y must have the same shape, got \(2,\) and \(3,\)",
        ),
        (lambda: distance([1.0], [1.0, 2.0]), r"^x and y must have the same shape"),
        (lambda: angle([1.0], [1.0, 2.0]), r"^x and y must have the same shape"),
        (lambda: linear_combination([1.0, 2.0, 3.0], M2), r"^c must have one entry per column of V \(2\)"),
        (lambda: matmul(M2, np.ones((3, 2))), r"^A has shape \(2, 2\) and B has shape \(3, 2\)"),
        (lambda: matmul(M2, np.ones(3)), r"^A has shape \(2, 2\) and B has shape \(3,\)"),
        (lambda: solve(M2, np.ones(3)), r"^b must have as many rows as A \(2\), got shape \(3,\)"),
        (lambda: coordinates(np.ones(3), M2), r"^x must have as many rows as B \(2\)"),
        (lambda: coordinates(V2, np.ones((2, 3))), r"^B must be square .* got shape \(2, 3\)"),
        (lambda: project(np.ones(3), np.ones((2, 2))), r"^x and onto must have the same number of rows"),
        (lambda: power_iteration(M2, x0=np.ones(3)), r"^x0 must have one entry per row of A \(2\)"),
        (lambda: power_iteration(M2, x0=[]), r"^x0 must not be empty"),
        (lambda: qr(np.ones((2, 3))), r"^A must have at least as many rows as columns .* \(2, 3\)"),
    ],
)
def test_mismatched_shapes_are_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: solve([[1.0, 2.0], [2.0, 4.0]], V2), "^A is singular"),
        (lambda: solve(np.zeros((3, 3)), np.ones(3)), "^A is singular: after elimination, column 0"),
        (lambda: inverse([[1.0, 2.0], [2.0, 4.0]]), "^A is singular"),
        (lambda: inverse([[1.0, 1.0], [1.0, 1.0 + 1e-17]]), "^A is singular"),
        (lambda: coordinates(V2, [[1.0, 2.0], [1.0, 2.0]]), "^B is singular"),
        (lambda: gram_schmidt([[1.0, 2.0], [1.0, 2.0]]), "column 1 of V gives no new direction"),
        (lambda: gram_schmidt([[0.0, 1.0], [0.0, 2.0]]), "column 0 of V .* zero vector"),
        (
            lambda: gram_schmidt([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]),
            r"column 2 of V .*more than 2 vectors in R\^2",
        ),
        (lambda: gram_schmidt(np.eye(3)[:, [0, 1, 0]]), "column 2 of V .* span of columns 0 to 1"),
        (lambda: qr([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]), "column 1 of A"),
    ],
)
def test_singular_and_dependent_input_raises_linalgerror(call, match):
    with pytest.raises(np.linalg.LinAlgError, match=match):
        call()


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: angle([0.0, 0.0], V2), "x"),
        (lambda: angle(V2, [0.0, 0.0]), "y"),
        (lambda: cosine_similarity([0.0, 0.0], V2), "x"),
        (lambda: cosine_similarity(V2, [0.0, 0.0]), "y"),
        (lambda: project(V2, [0.0, 0.0]), "onto"),
        (lambda: power_iteration(M2, x0=[0.0, 0.0]), "x0"),
    ],
)
def test_zero_vectors_are_refused(call, name):
    with pytest.raises(ValueError, match=rf"^{name} must not be the zero vector"):
        call()


@pytest.mark.parametrize("p", [0.5, 0, -1, np.nan, -np.inf])
def test_norm_refuses_p_below_one(p):
    with pytest.raises(ValueError, match=r"^p must be >= 1"):
        norm(V2, p)
    with pytest.raises(ValueError, match=r"^p must be >= 1"):
        distance(V2, V2, p)


@pytest.mark.parametrize("p", ["2", None, True, 1j, [2]])
def test_norm_refuses_non_numbers_as_p(p):
    with pytest.raises(TypeError, match=r"^p must be a real number"):
        norm(V2, p)


@pytest.mark.parametrize(
    "call, name, value, error",
    [
        (lambda v: rank(M2, tol=v), "tol", -1.0, ValueError),
        (lambda v: rank(M2, tol=v), "tol", np.inf, ValueError),
        (lambda v: rank(M2, tol=v), "tol", "small", TypeError),
        (lambda v: is_linearly_independent(M2, tol=v), "tol", -1.0, ValueError),
        (lambda v: pinv(M2, rtol=v), "rtol", -1e-3, ValueError),
        (lambda v: pinv(M2, rtol=v), "rtol", [1e-3], TypeError),
        (lambda v: power_iteration(M2, num_iterations=v), "num_iterations", 0, ValueError),
        (lambda v: power_iteration(M2, num_iterations=v), "num_iterations", 10.0, TypeError),
        (lambda v: power_iteration(M2, tol=v), "tol", 0.0, ValueError),
        (lambda v: power_iteration(M2, tol=v), "tol", None, TypeError),
        (lambda v: eig_symmetric(M2, tol=v), "tol", -1e-12, ValueError),
        (lambda v: eig_symmetric(M2, max_sweeps=v), "max_sweeps", 0, ValueError),
        (lambda v: eig_symmetric(M2, max_sweeps=v), "max_sweeps", True, TypeError),
        (lambda v: stationary_distribution(M2 / 3, num_iterations=v), "num_iterations", -5, ValueError),
        (lambda v: stationary_distribution(np.eye(2), tol=v), "tol", np.nan, ValueError),
        (lambda v: matrix_of(lambda x: x, v), "n", 0, ValueError),
        (lambda v: matrix_of(lambda x: x, v), "n", 2.0, TypeError),
        (lambda v: adjacency_matrix([(0, 1)], v), "n", -2, ValueError),
    ],
)
def test_bad_parameters_are_refused(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} must"):
        call(value)


@pytest.mark.parametrize(
    "shapes, error, match",
    [
        (
            ((2, 3), (2,)),
            ValueError,
            r"shapes \(2, 3\) and \(2,\) do not broadcast: on axis -1 the sizes are 3 and 2",
        ),
        (((4, 1), (1, 3), (5, 3)), ValueError, r"shapes \(4, 1\) and \(5, 3\) do not broadcast: on axis -2"),
        (((2,), (-1,)), ValueError, r"^shapes\[1\] must have non-negative sizes"),
        (((2.5,),), TypeError, r"^shapes\[0\] must be a tuple of integers"),
        (("ab",), TypeError, r"^shapes\[0\] must be a tuple of integers"),
        (((2,), None), TypeError, r"^shapes\[1\] must be a tuple of integers"),
        (((True, 2),), TypeError, r"^shapes\[0\] must be a tuple of integers"),
    ],
)
def test_broadcast_shape_errors(shapes, error, match):
    with pytest.raises(error, match=match):
        broadcast_shape(*shapes)


@pytest.mark.parametrize(
    "f, error, match",
    [
        ("not a function", TypeError, r"^f must be a callable"),
        (lambda x: "text", TypeError, r"^f\(e_0\) must be numeric"),
        (lambda x: None, TypeError, r"^f\(e_0\) must be a numeric array, got None"),
        (lambda x: np.outer(x, x), ValueError, r"^f must return a vector .* f\(e_0\) has shape \(2, 2\)"),
        (lambda x: x.sum(), ValueError, r"^f must return a vector .* np.array\(\[value\]\)"),
        (lambda x: x * np.nan, ValueError, r"^f\(e_0\) must not contain NaN"),
        (lambda x: x[: int(x[0]) + 1], ValueError, r"^f must return vectors of one length"),
        (lambda x: np.array([1 + 1j, 0]) * x, TypeError, r"^f\(e_0\) must be real"),
        (lambda x: x**2, ValueError, r"^f is not linear: f\(a\*x \+ b\*y\) != a\*f\(x\) \+ b\*f\(y\)"),
        (lambda x: x + 1.0, ValueError, r"^f is not linear"),
        (lambda x: np.abs(x), ValueError, r"^f is not linear"),
    ],
)
def test_matrix_of_refuses_bad_maps(f, error, match):
    with pytest.raises(error, match=match):
        matrix_of(f, 2)


def test_iterations_that_do_not_converge_raise(monkeypatch):
    with pytest.raises(np.linalg.LinAlgError, match="^power iteration did not converge in 1000 iterations"):
        power_iteration([[0.0, -1.0], [1.0, 0.0]])  # a rotation: complex eigenvalues
    with pytest.raises(np.linalg.LinAlgError, match="^power iteration did not converge in 50 iterations"):
        power_iteration([[0.0, 1.0], [1.0, 0.0]], num_iterations=50)  # eigenvalues +1 and -1
    B = np.random.default_rng(0).standard_normal((6, 6))
    with pytest.raises(np.linalg.LinAlgError, match="^eig_symmetric did not converge in 1 sweeps"):
        eig_symmetric(B + B.T, max_sweeps=1)
    path = adjacency_matrix([(0, 1), (1, 2)], 3)  # bipartite: the walk alternates sides
    with pytest.raises(np.linalg.LinAlgError, match="^stationary_distribution did not converge .* periodic"):
        stationary_distribution(transition_matrix(path))
    monkeypatch.setattr(mlmath_ref.linalg._svd, "_MAX_SWEEPS", 1)
    with pytest.raises(np.linalg.LinAlgError, match="^svd did not converge"):
        svd(B)


def test_eig_symmetric_refuses_a_non_symmetric_matrix():
    with pytest.raises(ValueError, match=r"^A must be symmetric, but A\[0, 1\] = 2 and A\[1, 0\] = 0"):
        eig_symmetric([[1.0, 2.0], [0.0, 1.0]])
    values, _ = eig_symmetric(M2 + 1e-14 * np.array([[0.0, 1.0], [0.0, 0.0]]))  # symmetric up to rounding
    np.testing.assert_allclose(values, np.linalg.eigvalsh(M2))


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
