"""Tests for :mod:`mlmath_ref.linalg._svd`: svd, rank, is_linearly_independent and pinv.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given

import mlmath_ref.linalg._svd
from mlmath_ref.linalg import eig_symmetric, is_linearly_independent, pinv, rank, svd, transpose
from mlmath_ref.linalg._svd import _jacobi_rotation, _rotate_columns
from tests.package.conftest import (
    FAST,
    M2,
    bad_array_cases,
    condition,
    matrices,
    sign_fixed,
    with_singular_values,
)

# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


def test_linear_independence_examples(rng):
    assert is_linearly_independent(np.eye(3))
    assert is_linearly_independent(rng.standard_normal((5, 3)))
    assert not is_linearly_independent(np.array([[1.0, 0.0], [0.0, 0.0]]))  # a zero column
    assert not is_linearly_independent(rng.standard_normal((3, 4)))  # four vectors in R^3
    V = rng.standard_normal((4, 2))
    assert not is_linearly_independent(np.column_stack([V, V @ [2.0, -1.0]]))


def test_rank_properties(rng):
    A = rng.standard_normal((6, 3)) @ rng.standard_normal((3, 5))
    assert rank(A) == rank(transpose(A)) == 3
    assert rank(np.outer(rng.standard_normal(4), rng.standard_normal(7))) == 1
    assert rank(np.zeros((3, 2))) == 0
    assert rank(rng.standard_normal((4, 9))) == 4


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


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


def test_rank_and_independence_match_numpy(rng):
    for m, n, r in [(5, 5, 5), (6, 4, 2), (4, 7, 3), (8, 8, 1), (3, 3, 0), (1, 5, 1), (9, 2, 2)]:
        A = rng.standard_normal((m, r)) @ rng.standard_normal((r, n))
        assert rank(A) == np.linalg.matrix_rank(A) == r
        assert is_linearly_independent(A) == (np.linalg.matrix_rank(A) == n)
        assert rank(A, tol=0.5) == np.linalg.matrix_rank(A, tol=0.5)


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


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


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


def test_jacobi_rotation_diagonalizes_every_2x2_block(rng):
    # the rotation shared by svd (on Gram matrices of column pairs) and eig_symmetric
    a, d, g = rng.standard_normal(50), rng.standard_normal(50), rng.standard_normal(50)
    d[:5] = 0.0  # equal diagonal entries: 45 degrees
    g[5:10] = 1e-300  # tiny off-diagonal entries: nothing may overflow
    c, s = _jacobi_rotation(d, g)
    np.testing.assert_allclose(c**2 + s**2, 1.0, rtol=1e-15)
    assert np.all(np.abs(s) <= np.abs(c))  # the smaller of the two rotations
    for i in range(50):
        M = np.array([[a[i], g[i]], [g[i], a[i] + d[i]]])
        J = np.array([[c[i], s[i]], [-s[i], c[i]]])
        D = J.T @ M @ J
        assert abs(D[0, 1]) <= 1e-15 * np.max(np.abs(M))


def test_rotate_columns_multiplies_each_pair_by_its_rotation(rng):
    M = rng.standard_normal((4, 6))
    P, Q = np.array([0, 4, 2]), np.array([3, 1, 5])
    theta = rng.uniform(-np.pi, np.pi, size=3)
    J = np.eye(6)
    for p, q, t in zip(P, Q, theta, strict=True):
        J[np.ix_([p, q], [p, q])] = [[np.cos(t), np.sin(t)], [-np.sin(t), np.cos(t)]]
    expected = M @ J
    _rotate_columns(M, P, Q, np.cos(theta), np.sin(theta))
    np.testing.assert_allclose(M, expected, atol=1e-15)


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        matrices={
            "is_linearly_independent-V": (lambda A: is_linearly_independent(A), "V"),
            "rank-A": (lambda A: rank(A), "A"),
            "svd-A": (lambda A: svd(A), "A"),
            "pinv-A": (lambda A: pinv(A), "A"),
        },
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, name, value, error",
    [
        (lambda v: rank(M2, tol=v), "tol", -1.0, ValueError),
        (lambda v: rank(M2, tol=v), "tol", np.inf, ValueError),
        (lambda v: rank(M2, tol=v), "tol", "small", TypeError),
        (lambda v: is_linearly_independent(M2, tol=v), "tol", -1.0, ValueError),
        (lambda v: pinv(M2, rtol=v), "rtol", -1e-3, ValueError),
        (lambda v: pinv(M2, rtol=v), "rtol", [1e-3], TypeError),
    ],
)
def test_bad_parameters_are_refused(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} must"):
        call(value)


def test_svd_that_does_not_converge_raises(monkeypatch):
    B = np.random.default_rng(0).standard_normal((6, 6))
    monkeypatch.setattr(mlmath_ref.linalg._svd, "_MAX_SWEEPS", 1)
    with pytest.raises(np.linalg.LinAlgError, match="^svd did not converge"):
        svd(B)
