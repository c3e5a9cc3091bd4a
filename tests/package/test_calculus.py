"""Tests of mlmath_ref.calculus: properties, oracles, Notes formulas (error orders), errors."""

import math

import numpy as np
import pytest
import scipy.integrate
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath_ref.calculus import (
    derivative,
    integrate,
    second_derivative,
    tangent_line,
    taylor_polynomial,
)

EPS = np.finfo(np.float64).eps
METHODS = ["central", "forward", "backward"]
RULES = ["midpoint", "trapezoid", "simpson"]


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


# (f, f', f'', domain) for smooth functions with closed-form derivatives.
SMOOTH = {
    "sin": (np.sin, np.cos, lambda x: -np.sin(x), (-5, 5)),
    "exp": (np.exp, np.exp, np.exp, (-3, 3)),
    "log": (np.log, lambda x: 1 / x, lambda x: -1 / x**2, (0.5, 5)),
    "cubic": (lambda x: x**3 - 2 * x + 1, lambda x: 3 * x**2 - 2, lambda x: 6 * x, (-3, 3)),
    "quintic": (lambda x: x**5 - x**2, lambda x: 5 * x**4 - 2 * x, lambda x: 20 * x**3 - 2, (-2, 2)),
    "tanh": (
        np.tanh,
        lambda x: 1 - np.tanh(x) ** 2,
        lambda x: -2 * np.tanh(x) * (1 - np.tanh(x) ** 2),
        (-4, 4),
    ),
    "sigmoid": (
        sigmoid,
        lambda x: sigmoid(x) * (1 - sigmoid(x)),
        lambda x: sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)),
        (-6, 6),
    ),
}

# (f, antiderivative) pairs for exact integrals.
ANTIDERIVATIVES = {
    "sin": (np.sin, lambda x: -np.cos(x)),
    "exp": (np.exp, np.exp),
    "quartic": (lambda x: x**4 - 3 * x, lambda x: x**5 / 5 - 1.5 * x**2),
    "tanh": (np.tanh, lambda x: np.log(np.cosh(x))),
    "sigmoid": (sigmoid, lambda x: np.logaddexp(0, x)),
}


# ---------------------------------------------------------------------------
# Defining properties
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_derivative_of_a_line_is_its_slope(rng, method):
    m, c = rng.normal(size=2)
    x = rng.uniform(-3, 3, size=20)
    np.testing.assert_allclose(derivative(lambda t: m * t + c, x, method=method), m, atol=1e-7)


def test_derivative_of_a_constant_is_zero(rng):
    x = rng.uniform(-3, 3, size=10)
    np.testing.assert_allclose(derivative(lambda t: 0 * t + 4.2, x), 0.0, atol=1e-12)


def test_derivative_is_linear(rng):
    x = rng.uniform(-2, 2, size=10)
    a, b = 2.5, -1.5
    lhs = derivative(lambda t: a * np.sin(t) + b * np.exp(t), x)
    rhs = a * derivative(np.sin, x) + b * derivative(np.exp, x)
    np.testing.assert_allclose(lhs, rhs, atol=1e-8)


def test_central_difference_is_exact_on_quadratics(rng):
    x = rng.uniform(-3, 3, size=10)
    np.testing.assert_allclose(derivative(lambda t: 3 * t**2 - t, x, h=0.5), 6 * x - 1, atol=1e-12)


def test_derivative_keeps_the_shape_of_x_and_returns_float_for_scalar(rng):
    x = rng.normal(size=(3, 4))
    assert derivative(np.sin, x).shape == (3, 4)
    assert isinstance(derivative(np.sin, 0.5), float)
    assert isinstance(second_derivative(np.sin, 0.5), float)


def test_derivative_of_a_kink_depends_on_the_side():
    assert derivative(np.abs, 0.0, method="forward") == pytest.approx(1.0)
    assert derivative(np.abs, 0.0, method="backward") == pytest.approx(-1.0)
    assert derivative(np.abs, 0.0) == pytest.approx(0.0)


def test_second_derivative_of_a_parabola_is_constant(rng):
    x = rng.uniform(-3, 3, size=10)
    np.testing.assert_allclose(second_derivative(lambda t: 1.5 * t**2 + t, x), 3.0, rtol=1e-6)


def test_tangent_line_touches_and_has_the_slope(rng):
    x0 = float(rng.uniform(-2, 2))
    t = tangent_line(np.exp, x0)
    assert t(x0) == pytest.approx(np.exp(x0))
    assert t.slope == pytest.approx(np.exp(x0), rel=1e-9)
    assert t.intercept == pytest.approx(t(0.0))
    assert t.x0 == x0 and t.value == pytest.approx(np.exp(x0))
    # the error of the tangent line shrinks like the square of the distance
    errors = [abs(np.exp(x0 + d) - t(x0 + d)) for d in (1e-2, 5e-3)]
    assert errors[0] / errors[1] == pytest.approx(4, rel=0.05)


def test_tangent_line_of_a_line_is_the_line(rng):
    m, c = rng.normal(size=2)
    t = tangent_line(lambda x: m * x + c, 1.0)
    assert t.slope == pytest.approx(m) and t.intercept == pytest.approx(c)


def test_taylor_polynomial_matches_its_derivatives_at_x0():
    p = taylor_polynomial([2.0, -1.0, 6.0, 12.0], 1.0)  # 2 - (x-1) + 3 (x-1)^2 + 2 (x-1)^3
    np.testing.assert_allclose(p.coefficients, [2.0, -1.0, 3.0, 2.0])
    assert p.degree == 3 and p.x0 == 1.0
    assert p(1.0) == 2.0
    assert derivative(p, 1.0) == pytest.approx(-1.0, abs=1e-8)
    assert second_derivative(p, 1.0) == pytest.approx(6.0, abs=1e-5)


def test_taylor_polynomial_of_a_polynomial_is_the_polynomial(rng):
    # f(x) = x^3 - 2x + 1 at x0: f, 3x0^2 - 2, 6x0, 6
    x0 = float(rng.uniform(-2, 2))
    p = taylor_polynomial([x0**3 - 2 * x0 + 1, 3 * x0**2 - 2, 6 * x0, 6.0], x0)
    x = rng.uniform(-5, 5, size=20)
    np.testing.assert_allclose(p(x), x**3 - 2 * x + 1, atol=1e-9)


def test_taylor_polynomial_degree_zero_is_constant_and_keeps_shape():
    p = taylor_polynomial([3.0], 0.0)
    np.testing.assert_array_equal(p(np.zeros((2, 2))), np.full((2, 2), 3.0))


@pytest.mark.parametrize("rule", RULES)
def test_integrate_is_exact_on_lines_and_additive(rng, rule):
    m, c = rng.normal(size=2)

    def line(x):
        return m * x + c

    assert integrate(line, 0.0, 2.0, n=4, rule=rule) == pytest.approx(2 * m + 2 * c)
    whole = integrate(np.exp, -1.0, 1.0, n=200, rule=rule)
    halves = integrate(np.exp, -1.0, 0.0, n=100, rule=rule) + integrate(np.exp, 0.0, 1.0, n=100, rule=rule)
    assert whole == pytest.approx(halves, rel=1e-12)


def test_simpson_is_exact_on_cubics(rng):
    coef = rng.normal(size=4)
    a, b = sorted(rng.uniform(-2, 2, size=2))
    exact = np.polyval(np.polyint(coef), b) - np.polyval(np.polyint(coef), a)
    assert integrate(lambda x: np.polyval(coef, x), a, b, n=2) == pytest.approx(exact, rel=1e-12, abs=1e-12)


def test_integrate_of_an_empty_interval_is_zero():
    assert integrate(np.exp, 2.0, 2.0) == 0.0


def test_integral_of_a_positive_function_is_positive_and_monotone():
    assert integrate(np.exp, 0.0, 1.0) > 0
    assert integrate(np.exp, 0.0, 2.0) > integrate(np.exp, 0.0, 1.0)


# ---------------------------------------------------------------------------
# Agreement with closed forms and with SciPy, on random inputs
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", SMOOTH)
@pytest.mark.parametrize("method, rtol", [("central", 1e-8), ("forward", 1e-6), ("backward", 1e-6)])
def test_derivative_matches_closed_forms(rng, name, method, rtol):
    f, df, _, (lo, hi) = SMOOTH[name]
    x = rng.uniform(lo, hi, size=50)
    np.testing.assert_allclose(derivative(f, x, method=method), df(x), rtol=rtol, atol=rtol)


@pytest.mark.parametrize("name", SMOOTH)
def test_second_derivative_matches_closed_forms(rng, name):
    f, _, d2f, (lo, hi) = SMOOTH[name]
    x = rng.uniform(lo, hi, size=50)
    np.testing.assert_allclose(second_derivative(f, x), d2f(x), rtol=1e-5, atol=1e-5)


@settings(max_examples=50, deadline=None)
@given(x=st.floats(-1e3, 1e3), a=st.floats(-3, 3))
def test_derivative_of_sin_ax_anywhere(x, a):
    # The default step grows with |x| but the wiggles of sin(a t) do not, so the error bound
    # grows like x^2: the truncation error |a|^3 h^2 / 6 of the Notes, 10% to spare, plus rounding.
    h = EPS ** (1 / 3) * max(1, abs(x))
    assert derivative(lambda t: np.sin(a * t), x) == pytest.approx(
        a * np.cos(a * x), abs=1.1 * abs(a) ** 3 * h**2 / 6 + 1e-9
    )


@settings(max_examples=50, deadline=None)
@given(x=st.floats(-8, 8))
def test_sigmoid_derivative_is_s_times_one_minus_s(x):
    s = sigmoid(x)
    assert derivative(sigmoid, x) == pytest.approx(s * (1 - s), abs=1e-10)


@settings(max_examples=50, deadline=None)
@given(
    derivs=st.lists(st.floats(-10, 10), min_size=1, max_size=7),
    x0=st.floats(-5, 5),
    x=st.floats(-5, 5),
)
def test_taylor_polynomial_agrees_with_numpy_polynomial(derivs, x0, x):
    coef = [d / math.factorial(k) for k, d in enumerate(derivs)]
    expected = np.polynomial.Polynomial(coef)(x - x0)
    assert float(taylor_polynomial(derivs, x0)(x)) == pytest.approx(expected, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("name", ANTIDERIVATIVES)
@pytest.mark.parametrize(
    "rule, n, rtol", [("simpson", 100, 1e-8), ("trapezoid", 2000, 1e-5), ("midpoint", 2000, 1e-5)]
)
def test_integrate_matches_antiderivatives(rng, name, rule, n, rtol):
    f, F = ANTIDERIVATIVES[name]
    a, b = sorted(rng.uniform(-3, 3, size=2))
    assert integrate(f, a, b, n=n, rule=rule) == pytest.approx(F(b) - F(a), rel=rtol, abs=rtol)


@settings(max_examples=50, deadline=None)
@given(
    a=st.floats(-3, 3),
    width=st.floats(0.01, 4),
    freq=st.floats(0.1, 3),
    shift=st.floats(-2, 2),
)
def test_integrate_matches_scipy_quad(a, width, freq, shift):
    def f(x):
        return np.exp(-((x - shift) ** 2)) * np.cos(freq * x)

    b = a + width
    expected, _ = scipy.integrate.quad(f, a, b)
    assert integrate(f, a, b, n=400) == pytest.approx(expected, abs=1e-8)


@pytest.mark.parametrize("rule", ["trapezoid", "simpson"])
def test_integrate_matches_scipy_on_the_same_nodes(rng, rule):
    a, b = sorted(rng.uniform(-2, 2, size=2))
    x = np.linspace(a, b, 51)
    expected = (
        scipy.integrate.trapezoid(np.tanh(x), x)
        if rule == "trapezoid"
        else scipy.integrate.simpson(np.tanh(x), x=x)
    )
    assert integrate(np.tanh, a, b, n=50, rule=rule) == pytest.approx(expected, rel=1e-12, abs=1e-14)


def test_derivative_matches_numpy_gradient_interior(rng):
    x = np.linspace(0, 2, 201)
    h = x[1] - x[0]
    np.testing.assert_allclose(derivative(np.exp, x[1:-1], h=h), np.gradient(np.exp(x), x)[1:-1], rtol=1e-10)


def test_gaussian_density_integrates_to_one_and_gives_probabilities():
    def density(x):
        return np.exp(-(x**2) / 2) / np.sqrt(2 * np.pi)

    assert integrate(density, -10.0, 10.0, n=400) == pytest.approx(1.0, abs=1e-12)
    assert integrate(density, -1.0, 1.0) == pytest.approx(math.erf(1 / math.sqrt(2)), abs=1e-9)


# ---------------------------------------------------------------------------
# The formulas and error orders of the Notes
# ---------------------------------------------------------------------------


def _order(errors):
    # Observed order p in error ~ C h^p from errors at h and h/2.
    return math.log2(errors[0] / errors[1])


@pytest.mark.parametrize("name", ["sin", "exp", "log", "tanh", "sigmoid"])
def test_halving_h_halves_one_sided_and_quarters_central_error(name):
    f, df, _, (lo, hi) = SMOOTH[name]
    x = 0.3 * lo + 0.7 * hi
    hs = [1e-2, 5e-3]
    for method, order in [("forward", 1), ("backward", 1), ("central", 2)]:
        errors = [abs(derivative(f, x, h=h, method=method) - df(x)) for h in hs]
        assert _order(errors) == pytest.approx(order, abs=0.1), method


def test_one_sided_error_constant_is_half_the_second_derivative():
    x, h = 0.7, 1e-4
    error = derivative(np.exp, x, h=h, method="forward") - np.exp(x)
    assert error == pytest.approx(h / 2 * np.exp(x), rel=1e-3)
    error = derivative(np.exp, x, h=1e-2) - np.exp(x)
    assert error == pytest.approx(1e-4 / 6 * np.exp(x), rel=1e-3)


def test_second_difference_error_is_order_two():
    x = 0.4
    errors = [abs(second_derivative(np.sin, x, h=h) + np.sin(x)) for h in (2e-2, 1e-2)]
    assert _order(errors) == pytest.approx(2, abs=0.1)


def test_rounding_error_grows_like_one_over_h():
    # Far below the best step the rounding error dominates: the error grows as h shrinks,
    # roughly like eps / h.
    x = 1.0
    errors = [abs(derivative(np.exp, x, h=h, method="forward") - np.exp(x)) for h in (1e-10, 1e-12, 1e-14)]
    assert errors[0] < errors[1] < errors[2]
    assert errors[2] > 1e-3


def test_default_steps_are_near_the_best_step():
    # The default step gives an error within a small factor of the best over a sweep of h. Below
    # the best step the error is rounding noise, whose minimum can fall anywhere: the best step is
    # that of the smallest worst error over windows of nine neighboring steps (0.8 decades).
    hs = np.logspace(-14, -1, 131)
    for method, exponent in [("forward", 1 / 2), ("central", 1 / 3)]:
        errors = np.array([abs(derivative(np.exp, 1.0, h=h, method=method) - np.e) for h in hs])
        worst = np.lib.stride_tricks.sliding_window_view(errors, 9).max(axis=1)
        best_h = hs[4:-4][np.argmin(worst)]
        assert EPS**exponent / 30 < best_h < EPS**exponent * 30, method
        default_error = abs(derivative(np.exp, 1.0, method=method) - np.e)
        assert default_error < 30 * errors.min(), method
    assert abs(derivative(np.exp, 1.0) - np.e) < 1e-9
    assert abs(derivative(np.exp, 1.0, method="forward") - np.e) < 1e-7


def test_default_step_scales_with_x():
    # At a large x the default relative step still gives a good derivative of log.
    x = 1e6
    assert derivative(np.log, x) == pytest.approx(1 / x, rel=1e-8)


@pytest.mark.parametrize("rule, order", [("midpoint", 2), ("trapezoid", 2), ("simpson", 4)])
@pytest.mark.parametrize("name", ["sin", "exp", "sigmoid"])
def test_doubling_n_divides_the_error_by_4_or_16(rule, order, name):
    f, F = ANTIDERIVATIVES[name]
    a, b = -0.5, 1.5
    errors = [abs(integrate(f, a, b, n=n, rule=rule) - (F(b) - F(a))) for n in (20, 40)]
    assert _order(errors) == pytest.approx(order, abs=0.1)


def test_integration_error_constants():
    # -(b-a) dx^2 f''/24, (b-a) dx^2 f''/12: for exp on [0, 1] the f'' average is e - 1.
    exact = np.e - 1
    n = 100
    dx = 1 / n
    assert integrate(np.exp, 0.0, 1.0, n=n, rule="midpoint") - exact == pytest.approx(
        -(dx**2) / 24 * exact, rel=1e-3
    )
    assert integrate(np.exp, 0.0, 1.0, n=n, rule="trapezoid") - exact == pytest.approx(
        dx**2 / 12 * exact, rel=1e-3
    )
    assert integrate(np.exp, 0.0, 1.0, n=20) - exact == pytest.approx((1 / 20) ** 4 / 180 * exact, rel=1e-2)


def test_taylor_remainder_bound(rng):
    # exp: |f^{(n+1)}| <= e^{|x|}, so |exp(x) - p_n(x)| <= e^{|x|} |x|^{n+1} / (n+1)!
    x = rng.uniform(-1, 1, size=50)
    for n in range(6):
        p = taylor_polynomial(np.ones(n + 1), 0.0)
        bound = np.exp(np.abs(x)) * np.abs(x) ** (n + 1) / math.factorial(n + 1)
        assert np.all(np.abs(np.exp(x) - p(x)) <= bound + 1e-15)


def test_taylor_error_shrinks_with_degree_near_x0():
    x0, x = 0.0, 0.3
    errors = [
        abs(
            float(
                taylor_polynomial(
                    [0.0] + [(-1) ** (k + 1) * math.factorial(k - 1) for k in range(1, n + 1)], x0
                )(x)
            )
            - math.log1p(x)
        )
        for n in range(1, 6)
    ]
    assert all(e1 > e2 for e1, e2 in zip(errors, errors[1:], strict=False))


# ---------------------------------------------------------------------------
# Every documented Raises
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("func", [derivative, second_derivative, tangent_line])
@pytest.mark.parametrize("h", [0.0, -1e-3, np.inf, np.nan])
def test_bad_step_is_refused(func, h):
    with pytest.raises(ValueError, match="h must be positive"):
        func(np.sin, 1.0, h=h)


@pytest.mark.parametrize("func", [derivative, second_derivative])
def test_non_numeric_step_is_refused(func):
    with pytest.raises(TypeError, match="h must be"):
        func(np.sin, 1.0, h="small")


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="method must be one of"):
        derivative(np.sin, 1.0, method="centered")


@pytest.mark.parametrize("func", [derivative, second_derivative, tangent_line])
def test_f_returning_a_non_scalar_is_refused(func):
    with pytest.raises(ValueError, match="f must return one real number per point"):
        func(lambda x: np.array([x, x]), 1.0)


@pytest.mark.parametrize("func", [derivative, second_derivative])
def test_f_returning_the_wrong_shape_for_an_array_is_refused(func):
    with pytest.raises(ValueError, match="f must return one real number per point"):
        func(lambda x: np.sum(x), [1.0, 2.0])


def test_f_that_cannot_take_arrays_is_refused_with_advice():
    with pytest.raises(ValueError, match="f must accept an array"):
        derivative(math.sin, [1.0, 2.0])
    assert derivative(math.sin, 1.0) == pytest.approx(math.cos(1.0))


@pytest.mark.parametrize("func", [derivative, second_derivative, tangent_line])
def test_f_must_be_callable(func):
    with pytest.raises(TypeError, match="f must be callable"):
        func(3.0, 1.0)


@pytest.mark.parametrize("x", [np.nan, [1.0, np.inf]])
def test_non_finite_x_is_refused(x):
    with pytest.raises(ValueError, match="x must not contain"):
        derivative(np.sin, x)


def test_non_numeric_x_is_refused():
    with pytest.raises(TypeError, match="x must be numeric"):
        derivative(np.sin, "1.0")


def test_tangent_line_needs_a_scalar_x0():
    with pytest.raises(ValueError, match="x0 must be a scalar"):
        tangent_line(np.sin, [1.0, 2.0])


@pytest.mark.parametrize(
    "derivs, x0, error, match",
    [
        ([], 0.0, ValueError, "derivatives must not be empty"),
        ([[1.0, 2.0]], 0.0, ValueError, "derivatives must be a vector"),
        ([1.0, np.nan], 0.0, ValueError, "derivatives must not contain"),
        (["a"], 0.0, TypeError, "derivatives must be numeric"),
        ([1.0], [0.0, 1.0], ValueError, "x0 must be a scalar"),
        ([1.0], np.inf, ValueError, "x0 must not contain"),
    ],
)
def test_taylor_polynomial_bad_input(derivs, x0, error, match):
    with pytest.raises(error, match=match):
        taylor_polynomial(derivs, x0)


def test_integrate_backwards_interval_is_refused():
    with pytest.raises(ValueError, match=r"interval given backwards: a=1.0 > b=0.0"):
        integrate(np.sin, 1.0, 0.0)


@pytest.mark.parametrize("n", [3, 101])
def test_simpson_needs_even_n(n):
    with pytest.raises(ValueError, match="n must be even"):
        integrate(np.sin, 0.0, 1.0, n=n)
    integrate(np.sin, 0.0, 1.0, n=n, rule="trapezoid")  # other rules accept odd n


@pytest.mark.parametrize("n, error", [(0, ValueError), (-4, ValueError), (2.0, TypeError), (True, TypeError)])
def test_integrate_bad_n(n, error):
    with pytest.raises(error, match="n must be"):
        integrate(np.sin, 0.0, 1.0, n=n)


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="rule must be one of"):
        integrate(np.sin, 0.0, 1.0, rule="gauss")


@pytest.mark.parametrize("a, b, name", [(np.inf, 1.0, "a"), (0.0, np.nan, "b"), ([0.0, 1.0], 2.0, "a")])
def test_integrate_bad_ends(a, b, name):
    with pytest.raises(ValueError, match=f"{name} must"):
        integrate(np.sin, a, b)


def test_integrate_f_returning_a_scalar_for_all_nodes_is_refused():
    with pytest.raises(ValueError, match="f must return one real number per point"):
        integrate(lambda x: 1.0, 0.0, 1.0)
    assert integrate(lambda x: 1.0 + 0 * x, 0.0, 2.0) == pytest.approx(2.0)


def test_integrate_f_must_be_callable():
    with pytest.raises(TypeError, match="f must be callable"):
        integrate(2.0, 0.0, 1.0)
