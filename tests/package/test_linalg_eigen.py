"""Tests for :mod:`mlmath_ref.linalg._eigen`: power_iteration and eig_symmetric.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given

from mlmath_ref.linalg import eig_symmetric, norm, power_iteration, trace
from tests.package.conftest import FAST, M2, bad_array_cases, matrices, orthogonal, sign_fixed

# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


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


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


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


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


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


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        optional_vectors={"power_iteration-x0": (lambda v: power_iteration(M2, x0=v), "x0")},
        square_matrices={
            "power_iteration-A": (lambda A: power_iteration(A), "A"),
            "eig_symmetric-A": (lambda A: eig_symmetric(A), "A"),
        },
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: power_iteration(M2, x0=np.ones(3)), r"^x0 must have one entry per row of A \(2\)"),
        (lambda: power_iteration(M2, x0=[]), r"^x0 must not be empty"),
    ],
)
def test_mismatched_shapes_are_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_zero_vectors_are_refused():
    with pytest.raises(ValueError, match=r"^x0 must not be the zero vector"):
        power_iteration(M2, x0=[0.0, 0.0])


@pytest.mark.parametrize(
    "call, name, value, error",
    [
        (lambda v: power_iteration(M2, num_iterations=v), "num_iterations", 0, ValueError),
        (lambda v: power_iteration(M2, num_iterations=v), "num_iterations", 10.0, TypeError),
        (lambda v: power_iteration(M2, tol=v), "tol", 0.0, ValueError),
        (lambda v: power_iteration(M2, tol=v), "tol", None, TypeError),
        (lambda v: eig_symmetric(M2, tol=v), "tol", -1e-12, ValueError),
        (lambda v: eig_symmetric(M2, max_sweeps=v), "max_sweeps", 0, ValueError),
        (lambda v: eig_symmetric(M2, max_sweeps=v), "max_sweeps", True, TypeError),
    ],
)
def test_bad_parameters_are_refused(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} must"):
        call(value)


def test_iterations_that_do_not_converge_raise():
    with pytest.raises(np.linalg.LinAlgError, match="^power iteration did not converge in 1000 iterations"):
        power_iteration([[0.0, -1.0], [1.0, 0.0]])  # a rotation: complex eigenvalues
    with pytest.raises(np.linalg.LinAlgError, match="^power iteration did not converge in 50 iterations"):
        power_iteration([[0.0, 1.0], [1.0, 0.0]], num_iterations=50)  # eigenvalues +1 and -1
    B = np.random.default_rng(0).standard_normal((6, 6))
    with pytest.raises(np.linalg.LinAlgError, match="^eig_symmetric did not converge in 1 sweeps"):
        eig_symmetric(B + B.T, max_sweeps=1)


def test_eig_symmetric_refuses_a_non_symmetric_matrix():
    with pytest.raises(ValueError, match=r"^A must be symmetric, but A\[0, 1\] = 2 and A\[1, 0\] = 0"):
        eig_symmetric([[1.0, 2.0], [0.0, 1.0]])
    values, _ = eig_symmetric(M2 + 1e-14 * np.array([[0.0, 1.0], [0.0, 0.0]]))  # symmetric up to rounding
    np.testing.assert_allclose(values, np.linalg.eigvalsh(M2))
