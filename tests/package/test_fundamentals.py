"""Tests of mlmath_ref.fundamentals: properties, oracles, Notes formulas, errors."""

import itertools
import math

import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath_ref.fundamentals import (
    cartesian_product,
    compose,
    find_counterexample,
    image,
    is_injective,
    iterate,
    kahan_sum,
    logsumexp,
    machine_epsilon,
    naive_sum,
    partial_sums,
)

finite_floats = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
small_lists = st.lists(st.integers(-5, 5), max_size=4)


def square(x):
    return x**2


def shift(x):
    return x - 1


# ---------------------------------------------------------------------------
# Defining properties
# ---------------------------------------------------------------------------


def test_compose_runs_right_function_first():
    assert compose(shift, square)(3) == 8
    assert compose(square, shift)(3) == 4


def test_compose_is_associative(rng):
    x = rng.normal(size=5)
    left = compose(compose(shift, square), np.tanh)
    right = compose(shift, compose(square, np.tanh))
    np.testing.assert_allclose(left(x), right(x))


def test_compose_long_chain_has_no_recursion_limit():
    assert compose(*[shift] * 5000)(0) == -5000


def test_cartesian_product_holds_every_pair_once():
    A, B = [1, 2, 3], ["a", "b"]
    pairs = cartesian_product(A, B)
    assert len(set(pairs)) == len(pairs) == 6
    assert all(a in A and b in B for a, b in pairs)


def test_cartesian_product_of_nothing_and_of_empty():
    assert cartesian_product() == [()]
    assert cartesian_product([1, 2], []) == []


def test_image_collects_distinct_outputs():
    assert image(square, [-2, -1, 0, 1, 2]) == {0, 1, 4}
    assert image(square, set()) == set()


def test_image_is_at_most_as_large_as_domain(rng):
    domain = rng.integers(-10, 10, size=30).tolist()
    assert len(image(square, domain)) <= len(set(domain))


def test_is_injective():
    assert is_injective(square, [0, 1, 2])
    assert not is_injective(square, [-1, 1])
    assert is_injective(shift, range(-100, 100))
    assert is_injective(square, [2, 2, 2])  # repeats count once


def test_machine_epsilon_is_the_gap_after_one():
    for dtype in (np.float16, np.float32, np.float64):
        eps = machine_epsilon(dtype)
        one = dtype(1)
        assert one + eps > one
        assert one + eps / dtype(2) == one
        assert np.nextafter(one, dtype(2)) - one == eps
        assert isinstance(eps, dtype)


def test_naive_and_kahan_sum_are_exact_on_integers(rng):
    x = rng.integers(-1000, 1000, size=200).astype(float)
    assert naive_sum(x) == kahan_sum(x) == float(x.sum())


def test_sums_of_empty_are_zero():
    assert naive_sum([]) == 0.0
    assert kahan_sum([]) == 0.0


def test_naive_sum_is_the_left_to_right_loop():
    x = [1e16, 1.0, 1.0, -1e16]
    assert naive_sum(x) == ((1e16 + 1.0) + 1.0) - 1e16 == 0.0
    assert kahan_sum(x) == 2.0


def test_kahan_beats_naive_on_repeated_tenths():
    n = 10_000
    exact = math.fsum([0.1] * n)
    assert abs(kahan_sum([0.1] * n) - exact) <= abs(naive_sum([0.1] * n) - exact)
    assert kahan_sum([0.1] * n) == exact


def test_logsumexp_shift_property(rng):
    z = rng.normal(size=7)
    np.testing.assert_allclose(logsumexp(z + 100.0), logsumexp(z) + 100.0)


def test_logsumexp_does_not_overflow():
    assert logsumexp([1000.0, 1000.0]) == pytest.approx(1000.0 + np.log(2.0))
    assert logsumexp([-1000.0, -1000.0]) == pytest.approx(-1000.0 + np.log(2.0))


def test_logsumexp_shape_and_axis(rng):
    Z = rng.normal(size=(3, 4, 5))
    assert logsumexp(Z).shape == (3, 4)
    assert logsumexp(Z, axis=0).shape == (4, 5)
    assert logsumexp(Z, axis=-2).shape == (3, 5)
    assert np.ndim(logsumexp([1.0, 2.0])) == 0


def test_partial_sums_recursion(rng):
    a = rng.normal(size=20)
    s = partial_sums(a)
    assert s[0] == a[0]
    for k in range(1, a.size):
        assert s[k] == s[k - 1] + a[k]
    assert partial_sums([]).shape == (0,)


def test_iterate_returns_n_plus_one_iterates():
    xs = iterate(shift, 10, 4)
    assert xs == [10, 9, 8, 7, 6]
    assert iterate(shift, 10, 0) == [10]


def test_iterate_agrees_with_repeated_composition():
    xs = iterate(square, 2, 3)
    assert xs[3] == compose(square, square, square)(2) == 256


def test_iterate_works_on_vectors():
    xs = iterate(lambda v: v / 2, np.array([4.0, 8.0]), 2)
    np.testing.assert_array_equal(np.array(xs), [[4.0, 8.0], [2.0, 4.0], [1.0, 2.0]])


def test_find_counterexample():
    assert find_counterexample(lambda x: x**2 >= x, [2, 1, 0.5]) == 0.5
    assert find_counterexample(lambda x: x**2 >= 0, range(-50, 50)) is None
    assert find_counterexample(lambda x: True, []) is None


def test_find_counterexample_stops_early_on_an_infinite_generator():
    def is_prime(n):
        return n > 1 and all(n % d for d in range(2, math.isqrt(n) + 1))

    assert find_counterexample(lambda n: is_prime(n**2 + n + 41), itertools.count()) == 40


def test_find_counterexample_float_associativity():
    values = [0.1, 0.2, 0.3]
    triples = cartesian_product(values, values, values)
    found = find_counterexample(lambda t: (t[0] + t[1]) + t[2] == t[0] + (t[1] + t[2]), triples)
    assert found is not None
    a, b, c = found
    assert (a + b) + c != a + (b + c)


# ---------------------------------------------------------------------------
# Agreement with independent oracles
# ---------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.lists(small_lists, max_size=3))
def test_cartesian_product_matches_itertools(sets):
    assert cartesian_product(*sets) == list(itertools.product(*sets))


def test_machine_epsilon_matches_finfo():
    for dtype in (np.float16, np.float32, np.float64, np.longdouble, "float32"):
        assert machine_epsilon(dtype) == np.finfo(dtype).eps


@settings(max_examples=50, deadline=None)
@given(st.lists(finite_floats, max_size=200))
def test_kahan_sum_matches_fsum(x):
    u = np.finfo(float).eps / 2
    bound = (2 * u + len(x) * u**2 * 4) * math.fsum(abs(v) for v in x)
    assert abs(kahan_sum(x) - math.fsum(x)) <= bound + 1e-300


@settings(max_examples=50, deadline=None)
@given(st.lists(finite_floats, max_size=200))
def test_naive_sum_error_bound(x):
    # Notes of naive_sum: |error| <= (n - 1) u sum |x_i| (+ O(u^2), covered by the factor 1.01).
    u = np.finfo(float).eps / 2
    n = len(x)
    bound = 1.01 * max(n - 1, 0) * u * math.fsum(abs(v) for v in x)
    assert abs(naive_sum(x) - math.fsum(x)) <= bound


def test_kahan_error_does_not_grow_with_n(rng):
    for n in (10, 1_000, 100_000):
        x = rng.uniform(0, 1, size=n)
        exact = math.fsum(x)
        assert abs(kahan_sum(x) - exact) <= 2 * np.finfo(float).eps * exact


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.floats(min_value=-800, max_value=800, allow_nan=False), min_size=1, max_size=30),
)
def test_logsumexp_matches_scipy(z):
    np.testing.assert_allclose(logsumexp(z), scipy.special.logsumexp(z), rtol=1e-12, atol=1e-12)


def test_logsumexp_matches_scipy_on_matrices(rng):
    Z = rng.normal(scale=50, size=(6, 9))
    for axis in (0, 1, -1):
        np.testing.assert_allclose(logsumexp(Z, axis=axis), scipy.special.logsumexp(Z, axis=axis))


@settings(max_examples=50, deadline=None)
@given(st.lists(finite_floats, max_size=100))
def test_partial_sums_match_cumsum(a):
    np.testing.assert_array_equal(partial_sums(a), np.cumsum(np.asarray(a, dtype=float)))


def test_partial_sums_last_equals_naive_sum(rng):
    a = rng.normal(size=1000)
    assert partial_sums(a)[-1] == naive_sum(a)


# ---------------------------------------------------------------------------
# Formulas in the Notes
# ---------------------------------------------------------------------------


def test_cartesian_product_size_is_product_of_sizes():
    sizes = (2, 3, 4)
    assert len(cartesian_product(*(range(k) for k in sizes))) == math.prod(sizes)


def test_image_size_equals_domain_size_iff_injective(rng):
    for f in (square, shift, abs, lambda x: x % 3):
        domain = set(rng.integers(-6, 7, size=10).tolist())
        assert (len(image(f, domain)) == len(domain)) == is_injective(f, domain)


def test_machine_epsilon_is_two_to_one_minus_p():
    for dtype in (np.float16, np.float32, np.float64):
        p = np.finfo(dtype).nmant + 1
        assert machine_epsilon(dtype) == 2.0 ** (1 - p)


def test_unit_roundoff_bounds_relative_error(rng):
    u = machine_epsilon(np.float32) / 2
    x = rng.uniform(0.5, 100, size=1000)
    rel = np.abs(x.astype(np.float32).astype(np.float64) - x) / x
    assert np.all(rel <= u)


def test_kahan_one_step_recovers_the_rounding_error():
    s, xi = 1.0, 1e-16
    y = xi - 0.0
    t = s + y
    c = (t - s) - y
    assert t == 1.0 and c == -1e-16  # the addition lost exactly xi
    assert kahan_sum([1.0, 1e-16, 1e-16, 1e-16, 1e-16]) == math.fsum([1.0] + [1e-16] * 4)


def test_logsumexp_bounds(rng):
    z = rng.normal(size=25)
    m = z.max()
    lse = logsumexp(z)
    assert m <= lse <= m + np.log(z.size)
    np.testing.assert_allclose(lse, m + np.log(np.sum(np.exp(z - m))))
    np.testing.assert_allclose(logsumexp(np.zeros(25)), np.log(25))


def test_geometric_series_formula():
    for r in (0.5, -0.3, 0.9, 2.0):
        n = 12
        s = partial_sums(r ** np.arange(n))
        np.testing.assert_allclose(s[-1], (1 - r**n) / (1 - r))


def test_iterates_of_a_contraction_shrink_geometrically():
    x_star, r, x0 = 3.0, 0.8, 10.0
    xs = np.array(iterate(lambda x: x_star + r * (x - x_star), x0, 30))
    np.testing.assert_allclose(xs - x_star, r ** np.arange(31) * (x0 - x_star))


def test_gradient_descent_is_a_contraction():
    eta, x_star = 0.1, 3.0
    xs = np.array(iterate(lambda x: x - eta * 2 * (x - x_star), 0.0, 20))
    np.testing.assert_allclose(xs - x_star, (1 - 2 * eta) ** np.arange(21) * (0.0 - x_star))


def test_negation_of_for_all_is_there_exists(rng):
    A = rng.integers(-20, 20, size=50).tolist()
    for claim in (lambda x: x % 2 == 0, lambda x: x < 100, lambda x: x * x >= 0, lambda x: x > -5):
        not_for_all = not all(claim(x) for x in A)
        exists_not = any(not claim(x) for x in A)
        assert not_for_all == exists_not == (find_counterexample(claim, A) is not None)


# ---------------------------------------------------------------------------
# Documented errors
# ---------------------------------------------------------------------------


def test_compose_errors():
    with pytest.raises(ValueError, match="function"):
        compose()
    with pytest.raises(TypeError, match="argument 1"):
        compose(square, 3)


@pytest.mark.parametrize("bad", [3, None, "abc"])
def test_cartesian_product_errors(bad):
    with pytest.raises(TypeError, match=r"sets\[1\]"):
        cartesian_product([1, 2], bad)


def test_image_and_is_injective_errors():
    for func in (image, is_injective):
        with pytest.raises(TypeError, match="f must be callable"):
            func(3, [1, 2])
        with pytest.raises(TypeError, match="domain"):
            func(square, 3)


@pytest.mark.parametrize("bad", [np.int32, "int64", bool, "not a dtype", np.complex128])
def test_machine_epsilon_errors(bad):
    with pytest.raises(TypeError, match="dtype"):
        machine_epsilon(bad)


@pytest.mark.parametrize("func", [naive_sum, kahan_sum])
def test_sum_errors(func):
    with pytest.raises(ValueError, match="x must be a vector"):
        func([[1.0, 2.0]])
    with pytest.raises(ValueError, match="x must not contain NaN"):
        func([1.0, np.nan])
    with pytest.raises(ValueError, match="x must not contain NaN or infinite"):
        func([1.0, np.inf])
    with pytest.raises(TypeError, match="x must be numeric"):
        func(["a", "b"])


def test_logsumexp_errors():
    with pytest.raises(ValueError, match="z must have at least 1"):
        logsumexp(3.0)
    with pytest.raises(ValueError, match="z must not be empty"):
        logsumexp([])
    with pytest.raises(ValueError, match="z must not contain NaN"):
        logsumexp([1.0, np.inf])
    with pytest.raises(ValueError, match="axis 2"):
        logsumexp(np.zeros((2, 3)), axis=2)
    with pytest.raises(ValueError, match="axis -3"):
        logsumexp(np.zeros((2, 3)), axis=-3)
    with pytest.raises(TypeError, match="z must be numeric"):
        logsumexp(["a"])
    with pytest.raises(TypeError, match="axis must be an integer"):
        logsumexp([1.0], axis=0.5)


def test_partial_sums_errors():
    with pytest.raises(ValueError, match="a must be a vector"):
        partial_sums(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="a must not contain NaN"):
        partial_sums([np.nan])
    with pytest.raises(TypeError, match="a must be numeric"):
        partial_sums("abc")


def test_iterate_errors():
    with pytest.raises(TypeError, match="f must be callable"):
        iterate(3, 0.0, 2)
    with pytest.raises(TypeError, match="n must be an integer"):
        iterate(shift, 0.0, 2.5)
    with pytest.raises(TypeError, match="n must be an integer"):
        iterate(shift, 0.0, True)
    with pytest.raises(ValueError, match="n must be non-negative"):
        iterate(shift, 0.0, -1)


def test_find_counterexample_errors():
    with pytest.raises(TypeError, match="claim must be callable"):
        find_counterexample(True, [1, 2])
    with pytest.raises(TypeError, match="candidates"):
        find_counterexample(bool, 5)
