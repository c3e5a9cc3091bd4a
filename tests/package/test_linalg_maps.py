"""Tests for :mod:`mlmath_ref.linalg._maps`: matrix_of, matmul, transpose and trace.

In order: the defining properties; agreement with NumPy on random inputs;
every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlmath_ref.linalg import matmul, matrix_of, trace, transpose
from tests.package.conftest import FAST, M2, SIZES, arrays, bad_array_cases

# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


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


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


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


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


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


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        vectors_or_matrices={"matmul-B": (lambda v: matmul(M2, v), "B")},
        matrices={
            "matmul-A": (lambda A: matmul(A, M2), "A"),
            "transpose-A": (lambda A: transpose(A), "A"),
        },
        square_matrices={"trace-A": (lambda A: trace(A), "A")},
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: matmul(M2, np.ones((3, 2))), r"^A has shape \(2, 2\) and B has shape \(3, 2\)"),
        (lambda: matmul(M2, np.ones(3)), r"^A has shape \(2, 2\) and B has shape \(3,\)"),
    ],
)
def test_mismatched_shapes_are_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call, name, value, error",
    [
        (lambda v: matrix_of(lambda x: x, v), "n", 0, ValueError),
        (lambda v: matrix_of(lambda x: x, v), "n", 2.0, TypeError),
    ],
)
def test_bad_parameters_are_refused(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} must"):
        call(value)


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
