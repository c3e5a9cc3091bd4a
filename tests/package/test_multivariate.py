"""Tests of mlmath_ref.multivariate: properties, closed forms, Notes formulas, errors."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath_ref.multivariate import (
    directional_derivative,
    gradient,
    hessian,
    jacobian,
    partial_derivative,
)

seeds = st.integers(0, 2**32 - 1)
dims = st.integers(1, 5)


def quadratic(A, b):
    """x -> x^T A x + b^T x, the model loss of the pages."""

    def f(x):
        return x @ A @ x + b @ x

    return f


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def smooth(x):
    """A non-polynomial test function of any number of variables."""
    return np.sin(x).sum() * np.exp(0.3 * x[0]) + np.log1p(x @ x)


# ---------------------------------------------------------------------------
# Defining properties
# ---------------------------------------------------------------------------


def test_partial_derivative_is_the_slope_of_a_slice(rng):
    x = rng.normal(size=3)
    for i in range(3):

        def slice_i(t, i=i):
            y = x.copy()
            y[i] = t
            return smooth(y)

        t0, s = x[i], 1e-5
        slope = (slice_i(t0 + s) - slice_i(t0 - s)) / (2 * s)
        np.testing.assert_allclose(partial_derivative(smooth, x, i), slope, rtol=1e-6)


def test_gradient_entries_are_the_partial_derivatives(rng):
    x = rng.normal(size=4)
    g = gradient(smooth, x)
    np.testing.assert_allclose(g, [partial_derivative(smooth, x, i) for i in range(4)])


def test_hessian_is_symmetric(rng):
    x = rng.normal(size=4)
    H = hessian(smooth, x)
    np.testing.assert_array_equal(H, H.T)


@settings(max_examples=50, deadline=None)
@given(seeds)
def test_gradient_is_orthogonal_to_the_level_set(seed):
    # On the ellipse x^T A x = c, the tangent at x is A x rotated by 90 degrees.
    rng = np.random.default_rng(seed)
    M = rng.normal(size=(2, 2))
    A = M @ M.T + np.eye(2)
    x = rng.normal(size=2)
    tangent = np.array([[0.0, -1.0], [1.0, 0.0]]) @ (A @ x)
    g = gradient(quadratic(A, np.zeros(2)), x)
    assert abs(g @ tangent) <= 1e-6 * np.linalg.norm(g) * np.linalg.norm(tangent) + 1e-12


@settings(max_examples=50, deadline=None)
@given(seeds, dims)
def test_directional_derivative_is_gradient_dot_v(seed, n):
    rng = np.random.default_rng(seed)
    x, v = rng.normal(size=n), rng.normal(size=n)
    np.testing.assert_allclose(directional_derivative(smooth, x, v), gradient(smooth, x) @ v, atol=1e-6)


def test_directional_derivative_is_steepest_along_the_gradient(rng):
    x = rng.normal(size=2)
    g = gradient(smooth, x)
    angles = np.linspace(0, 2 * np.pi, 721)
    rates = [directional_derivative(smooth, x, np.array([np.cos(a), np.sin(a)])) for a in angles]
    best = angles[np.argmax(rates)]
    np.testing.assert_allclose(max(rates), np.linalg.norm(g), rtol=1e-4)
    np.testing.assert_allclose([np.cos(best), np.sin(best)], g / np.linalg.norm(g), atol=1e-2)


def test_directional_derivative_is_linear_in_v(rng):
    x, v = rng.normal(size=3), rng.normal(size=3)
    np.testing.assert_allclose(
        directional_derivative(smooth, x, 2 * v), 2 * directional_derivative(smooth, x, v)
    )
    np.testing.assert_allclose(directional_derivative(smooth, x, -v), -directional_derivative(smooth, x, v))
    assert directional_derivative(smooth, x, np.zeros(3)) == 0.0


@settings(max_examples=50, deadline=None)
@given(seeds, dims, dims)
def test_jacobian_of_a_linear_map_is_its_matrix(seed, m, n):
    rng = np.random.default_rng(seed)
    W, b, x = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
    np.testing.assert_allclose(jacobian(lambda z: W @ z + b, x), W, atol=1e-8)


@settings(max_examples=50, deadline=None)
@given(seeds)
def test_chain_rule_jacobian_of_composition_is_product(seed):
    rng = np.random.default_rng(seed)
    W1, W2 = rng.normal(size=(4, 3)), rng.normal(size=(2, 4))

    def g(x):
        return np.tanh(W1 @ x)

    def f(u):
        return np.sin(W2 @ u)

    x = rng.normal(size=3)
    np.testing.assert_allclose(jacobian(lambda z: f(g(z)), x), jacobian(f, g(x)) @ jacobian(g, x), atol=1e-7)


def test_jacobian_rows_are_gradients(rng):
    x = rng.normal(size=3)

    def f(z):
        return np.array([smooth(z), np.cos(z).prod()])

    J = jacobian(f, x)
    np.testing.assert_allclose(J[0], gradient(smooth, x), atol=1e-9)
    np.testing.assert_allclose(J[1], gradient(lambda z: np.cos(z).prod(), x), atol=1e-9)


def test_hessian_is_jacobian_of_gradient(rng):
    x = rng.normal(size=3)
    np.testing.assert_allclose(hessian(smooth, x), jacobian(lambda z: gradient(smooth, z), x), atol=1e-4)


def test_saddle_has_eigenvalues_of_opposite_signs():
    H = hessian(lambda x: x[0] ** 2 - x[1] ** 2 + x[0] * x[1], np.zeros(2))
    lam = np.linalg.eigvalsh(H)
    assert lam[0] < 0 < lam[1]


def test_f_does_not_see_changes_to_x():
    x = np.array([1.0, 2.0])

    def greedy(z):
        value = z @ z
        z[:] = 0.0
        return value

    np.testing.assert_allclose(gradient(greedy, x), 2 * np.array([1.0, 2.0]), rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, 2.0])


# ---------------------------------------------------------------------------
# Agreement with closed forms on random inputs
# ---------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(seeds, dims)
def test_quadratic_gradient_and_hessian(seed, n):
    rng = np.random.default_rng(seed)
    A, b, x = rng.normal(size=(n, n)), rng.normal(size=n), rng.normal(size=n)
    f = quadratic(A, b)
    np.testing.assert_allclose(gradient(f, x), (A + A.T) @ x + b, atol=1e-7)
    np.testing.assert_allclose(hessian(f, x), A + A.T, atol=1e-5)


@settings(max_examples=50, deadline=None)
@given(seeds, dims)
def test_softmax_jacobian(seed, n):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=n)
    s = softmax(z)
    np.testing.assert_allclose(jacobian(softmax, z), np.diag(s) - np.outer(s, s), atol=1e-9)


@settings(max_examples=50, deadline=None)
@given(seeds, dims, dims)
def test_tanh_layer_jacobian(seed, m, n):
    rng = np.random.default_rng(seed)
    W, b, x = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
    expected = (1 - np.tanh(W @ x + b) ** 2)[:, None] * W
    np.testing.assert_allclose(jacobian(lambda z: np.tanh(W @ z + b), x), expected, atol=1e-8)


@settings(max_examples=50, deadline=None)
@given(seeds, st.integers(1, 4), st.integers(1, 4))
def test_linear_layer_weight_gradient_is_outer_product(seed, m, n):
    # L(W) = sum(y * (W x)); dL/dW = delta x^T with delta = y.
    rng = np.random.default_rng(seed)
    W, x, delta = rng.normal(size=(m, n)), rng.normal(size=n), rng.normal(size=m)

    def loss(w_flat):
        return delta @ (w_flat.reshape(m, n) @ x)

    grad_W = gradient(loss, W.ravel()).reshape(m, n)
    np.testing.assert_allclose(grad_W, np.outer(delta, x), atol=1e-8)


def test_gradient_of_least_squares(rng):
    X, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)

    def loss(w):
        return 0.5 * np.sum((X @ w - y) ** 2)

    np.testing.assert_allclose(gradient(loss, w), X.T @ (X @ w - y), atol=1e-7)
    np.testing.assert_allclose(hessian(loss, w), X.T @ X, atol=1e-5)


# ---------------------------------------------------------------------------
# The formulas of the Notes
# ---------------------------------------------------------------------------


def test_central_difference_formula_with_explicit_step():
    h = 0.1
    x = np.array([0.3, -0.2])
    e0 = np.array([h, 0.0])
    expected = (smooth(x + e0) - smooth(x - e0)) / (2 * h)
    assert partial_derivative(smooth, x, 0, h=h) == pytest.approx(expected, rel=1e-15)
    assert gradient(smooth, x, h=h)[0] == pytest.approx(expected, rel=1e-15)


def test_central_difference_error_is_second_order():
    x = np.array([0.7, 0.4])
    exact = np.cos(0.7) * np.exp(0.3 * 0.7) + 0.3 * smooth_sin_part(x) + 2 * 0.7 / (1 + x @ x)
    errors = [abs(partial_derivative(smooth, x, 0, h=h) - exact) for h in (1e-2, 5e-3)]
    np.testing.assert_allclose(errors[0] / errors[1], 4.0, rtol=0.05)


def smooth_sin_part(x):
    return np.sin(x).sum() * np.exp(0.3 * x[0])


def test_default_step_beats_a_naive_one():
    x = np.array([1.0])
    exact = np.cos(1.0)
    assert abs(partial_derivative(lambda z: np.sin(z[0]), x, 0) - exact) < 1e-10
    assert abs(partial_derivative(lambda z: np.sin(z[0]), x, 0, h=1e-13) - exact) > 1e-6


def test_directional_derivative_formula_with_explicit_step():
    x, v, h = np.array([0.2, 0.5]), np.array([2.0, -1.0]), 0.01
    expected = (smooth(x + h * v) - smooth(x - h * v)) / (2 * h)
    assert directional_derivative(smooth, x, v, h=h) == pytest.approx(expected, rel=1e-15)


def test_jacobian_column_formula_and_linearization(rng):
    def f(p):
        return np.array([p[0] ** 2 - p[1], np.sin(p[0] * p[1])])

    x, h = rng.normal(size=2), 0.05
    J = jacobian(f, x, h=h)
    e1 = np.array([0.0, h])
    np.testing.assert_allclose(J[:, 1], (f(x + e1) - f(x - e1)) / (2 * h), rtol=1e-14)
    J = jacobian(f, x)
    errors = [np.linalg.norm(f(x + d) - f(x) - J @ d) for d in (1e-2 * np.ones(2), 5e-3 * np.ones(2))]
    np.testing.assert_allclose(errors[0] / errors[1], 4.0, rtol=0.1)


def test_hessian_four_point_formula():
    x, h = np.array([0.3, -0.4]), 0.1
    e0, e1 = np.array([h, 0.0]), np.array([0.0, h])
    expected = (smooth(x + e0 + e1) - smooth(x + e0 - e1) - smooth(x - e0 + e1) + smooth(x - e0 - e1)) / (
        4 * h * h
    )
    assert hessian(smooth, x, h=h)[0, 1] == pytest.approx(expected, rel=1e-14)


def test_hessian_evaluation_count():
    calls = []

    def f(x):
        calls.append(1)
        return x @ x

    hessian(f, np.zeros(3))
    assert len(calls) == 2 * 3 * (3 + 1)


# ---------------------------------------------------------------------------
# Every documented Raises
# ---------------------------------------------------------------------------

X2 = np.array([1.0, 2.0])


@pytest.mark.parametrize("func", [partial_derivative, gradient, directional_derivative, jacobian, hessian])
def test_f_must_be_callable(func):
    args = (X2, 0) if func is partial_derivative else (X2, X2) if func is directional_derivative else (X2,)
    with pytest.raises(TypeError, match="f must be callable"):
        func(3.0, *args)


@pytest.mark.parametrize(
    "call",
    [
        lambda f: partial_derivative(f, X2, 0),
        lambda f: gradient(f, X2),
        lambda f: directional_derivative(f, X2, X2),
        lambda f: hessian(f, X2),
    ],
)
def test_scalar_functions_must_return_a_scalar(call):
    with pytest.raises(ValueError, match="f must return a scalar"):
        call(lambda x: x)
    with pytest.raises(TypeError, match="f"):
        call(lambda x: "loss")


def test_jacobian_needs_vector_outputs_of_one_length():
    with pytest.raises(ValueError, match="f must return a vector"):
        jacobian(np.sum, X2)
    with pytest.raises(ValueError, match="f must return vectors of one length"):
        jacobian(lambda x: np.ones(1 if x[0] > 0 else 2), X2 - np.array([1.0, 0.0]))


@pytest.mark.parametrize("func", [gradient, jacobian, hessian])
def test_x_must_be_a_finite_vector(func):
    with pytest.raises(ValueError, match="x must be a vector"):
        func(np.sum, np.ones((2, 2)))
    with pytest.raises(ValueError, match="x must not contain NaN"):
        func(np.sum, np.array([1.0, np.nan]))
    with pytest.raises(TypeError, match="x must be numeric"):
        func(np.sum, ["a", "b"])


@pytest.mark.parametrize("h", [0, -1e-3, np.inf, np.nan])
@pytest.mark.parametrize(
    "call",
    [
        lambda h: partial_derivative(np.sum, X2, 0, h=h),
        lambda h: gradient(np.sum, X2, h=h),
        lambda h: directional_derivative(np.sum, X2, X2, h=h),
        lambda h: jacobian(lambda x: x, X2, h=h),
        lambda h: hessian(np.sum, X2, h=h),
    ],
)
def test_h_must_be_positive_and_finite(call, h):
    with pytest.raises(ValueError, match="h must be positive"):
        call(h)


def test_h_must_be_a_real_number():
    with pytest.raises(TypeError, match="h must be a real number"):
        gradient(np.sum, X2, h="0.1")


def test_i_must_be_an_index_in_range():
    with pytest.raises(ValueError, match="i must be a coordinate index"):
        partial_derivative(np.sum, X2, 2)
    with pytest.raises(ValueError, match="i must be a coordinate index"):
        partial_derivative(np.sum, X2, -1)
    with pytest.raises(TypeError, match="i must be an integer"):
        partial_derivative(np.sum, X2, 1.0)


def test_v_must_match_x():
    with pytest.raises(ValueError, match="x and v must have the same shape"):
        directional_derivative(np.sum, X2, np.ones(3))
    with pytest.raises(TypeError, match="v must be numeric"):
        directional_derivative(np.sum, X2, ["a", "b"])
