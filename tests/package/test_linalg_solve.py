"""Tests for :mod:`mlmath_ref.linalg._solve`: det, solve, inverse and coordinates.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given
from hypothesis import strategies as st

from mlmath_ref.linalg import coordinates, det, dot, inverse, linear_combination, matmul, solve
from mlmath_ref.linalg._solve import _eliminate
from tests.package.conftest import (
    EPS,
    FAST,
    M2,
    SIZES,
    V2,
    arrays,
    bad_array_cases,
    condition,
    matrices,
    orthogonal,
)


def well_scaled(A, max_cond):
    """Condition number below max_cond, entries not all tiny: solutions and determinants are representable."""
    return condition(A) < max_cond and np.max(np.abs(A)) > 1e-30


# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


@FAST
@given(matrices(square=True), st.data())
def test_coordinates_recombine_to_the_vector(B, data):
    assume(well_scaled(B, 1e8))
    x = data.draw(arrays(B.shape[0]))
    c = coordinates(x, B)
    np.testing.assert_allclose(linear_combination(c, B), x, atol=1e-6 * (np.max(np.abs(x)) + 1))


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


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


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


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


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


def test_elimination_pivots_like_lapack(rng):
    # _eliminate (which det and solve share) picks the largest pivot, as LAPACK's getrf does:
    # P^T A = L U with the same U, the right-hand sides become L^-1 P^T c, and det P = (-1)^swaps
    for n in (1, 2, 5, 9):
        A = rng.standard_normal((n, n))
        c = rng.standard_normal((n, 3))
        U, c_out, swaps, stopped = _eliminate(A, c)
        P, L, U_lapack = scipy.linalg.lu(A)
        assert stopped is None
        np.testing.assert_allclose(np.triu(U), U_lapack, atol=1e-12)
        np.testing.assert_allclose(np.tril(U, k=-1), 0, atol=1e-12)
        np.testing.assert_allclose(L @ c_out, P.T @ c, atol=1e-12)
        assert (-1) ** swaps == round(np.linalg.det(P))


def test_elimination_stops_at_the_first_column_without_a_pivot(rng):
    A = rng.standard_normal((4, 4))
    A[:, 2] = A[:, 0] - A[:, 1]  # column 2 depends on the two before it
    original = A.copy()
    assert _eliminate(A, tol=1e-12)[3] == 2  # what rounding leaves of column 2 is below tol
    np.testing.assert_array_equal(A, original)  # A is not modified
    exact = np.array([[4.0, 2.0, 6.0], [2.0, 3.0, 5.0], [1.0, 1.0, 2.0]])  # every step exact in binary
    assert _eliminate(exact)[3] == 2  # so column 2 is exactly zero: det returns 0.0
    assert _eliminate(np.diag([1.0, 1e-9]), tol=1e-8)[3] == 1  # a pivot at or below tol counts as zero
    assert _eliminate(np.diag([1.0, 1e-9]))[3] is None
    U, c, swaps, _ = _eliminate(np.eye(3)[[2, 0, 1]])
    assert c.shape == (3, 0) and swaps == 2


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        vectors_or_matrices={
            "solve-b": (lambda v: solve(M2, v), "b"),
            "coordinates-x": (lambda v: coordinates(v, M2), "x"),
        },
        square_matrices={
            "det-A": (lambda A: det(A), "A"),
            "solve-A": (lambda A: solve(A, V2), "A"),
            "inverse-A": (lambda A: inverse(A), "A"),
            "coordinates-B": (lambda A: coordinates(V2, A), "B"),
        },
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: solve(M2, np.ones(3)), r"^b must have as many rows as A \(2\), got shape \(3,\)"),
        (lambda: coordinates(np.ones(3), M2), r"^x must have as many rows as B \(2\)"),
        (lambda: coordinates(V2, np.ones((2, 3))), r"^B must be square .* got shape \(2, 3\)"),
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
    ],
)
def test_singular_and_dependent_input_raises_linalgerror(call, match):
    with pytest.raises(np.linalg.LinAlgError, match=match):
        call()
