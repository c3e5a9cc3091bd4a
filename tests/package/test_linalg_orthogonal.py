"""Tests for :mod:`mlmath_ref.linalg._orthogonal`: gram_schmidt, qr and project.

In order: the defining properties; agreement with NumPy on random inputs;
every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from mlmath_ref.linalg import dot, gram_schmidt, norm, project, qr
from tests.package.conftest import (
    EPS,
    FAST,
    V2,
    arrays,
    bad_array_cases,
    condition,
    matrices,
    vector_pairs,
    with_singular_values,
)


def matrices_with_rows(n):
    return st.integers(1, 8).flatmap(lambda k: arrays((n, k)))


# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


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


@FAST
@given(matrices(tall=True))
def test_qr_reconstructs_with_positive_upper_triangular_r(A):
    assume(condition(A) < 1e6)
    Q, R = qr(A)
    np.testing.assert_allclose(Q @ R, A, atol=1e-12 * np.max(np.abs(A)) * A.shape[0])
    np.testing.assert_allclose(Q.T @ Q, np.eye(A.shape[1]), atol=1e-9)
    np.testing.assert_array_equal(np.tril(R, k=-1), 0)
    assert np.all(np.diag(R) > 0)


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


@FAST
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(arrays(n), matrices_with_rows(n))))
@example(args=(np.array([1.0, 0.0]), np.array([[1.96e-238, 0.0], [0.0, 1.0]])))  # two directions, not one
def test_project_matches_least_squares(args):
    x, V = args
    # project scales each column to a largest entry near 1 (the same column space: a short column is
    # still a direction), so the rank decision is made on the columns so scaled; so is the oracle's
    sizes = np.max(np.abs(V), axis=0)
    V_scaled = V / np.where(sizes > 0, sizes, 1.0)
    U, s, _ = np.linalg.svd(V_scaled, full_matrices=False)
    # keep matrices whose singular values are clearly zero (far below the rank cutoff, about
    # eps * max(m, n) * s[0]) or clearly not (where lstsq is accurate); in between, the two may rightly differ
    assume(not np.any((s > EPS * s[0] / 100) & (s < 1e-6 * s[0])))
    expected = V_scaled @ np.linalg.lstsq(V_scaled, x, rcond=None)[0]
    np.testing.assert_allclose(project(x, V), expected, atol=1e-7 * (np.max(np.abs(x)) + 1))


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


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


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


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        vectors_or_matrices={
            "project-x": (lambda v: project(v, V2), "x"),
            "project-onto": (lambda v: project(V2, v), "onto"),
        },
        matrices={
            "gram_schmidt-V": (lambda A: gram_schmidt(A), "V"),
            "qr-A": (lambda A: qr(A), "A"),
        },
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: project(np.ones(3), np.ones((2, 2))), r"^x and onto must have the same number of rows"),
        (lambda: qr(np.ones((2, 3))), r"^A must have at least as many rows as columns .* \(2, 3\)"),
    ],
)
def test_mismatched_shapes_are_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call, match",
    [
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


def test_zero_vectors_are_refused():
    with pytest.raises(ValueError, match=r"^onto must not be the zero vector"):
        project(V2, [0.0, 0.0])
