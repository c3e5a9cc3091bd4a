"""Tests of mlmath_ref.stats: properties, SciPy and scikit-learn as oracles, the Notes' formulas, errors.

Exact rational arithmetic (``fractions``) is the oracle of the estimators at the edges of float64,
SciPy of the quantiles, intervals and tests, scikit-learn and ``numpy.linalg`` of the models.
Coverage is checked on simulated data with a fixed seed.
"""

import math
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy import special, stats
from sklearn.datasets import load_digits, load_iris
from sklearn.decomposition import PCA
from sklearn.linear_model import LinearRegression, LogisticRegression

from mlmath_ref.optimize import SGD, Adam
from mlmath_ref.stats import (
    bootstrap_interval,
    covariance_matrix,
    linear_regression,
    logistic_regression,
    mean,
    mean_interval,
    mle_bernoulli,
    mle_normal,
    normal_ppf,
    pca,
    permutation_test,
    proportion_interval,
    sample_variance,
)
from mlmath_ref.stats._models import _cross_entropy
from mlmath_ref.stats._quantiles import _t_probabilities, _t_two_sided

EPS = np.finfo(np.float64).eps
TINY = Fraction(5e-324)
seeds = st.integers(0, 2**32 - 1)
FAST = settings(max_examples=50, deadline=None)
# Finite floats of every size, subnormals included, that a sample may hold.
ANY_FLOAT = st.floats(-1e306, 1e306, allow_nan=False, allow_infinity=False)
samples = hnp.arrays(np.float64, st.integers(1, 40), elements=ANY_FLOAT)
levels = st.floats(1e-6, 1 - 1e-9)


@st.composite
def scaled_samples(draw, min_size=1):
    """A sample of one random scale from 1e-300 to 1e300, sometimes shifted far from zero."""
    rng = np.random.default_rng(draw(seeds))
    n = draw(st.integers(min_size, 50))
    scale = 10.0 ** draw(st.floats(-300, 300))
    x = rng.normal(size=n) * scale * 10.0 ** rng.uniform(-5, 0, size=n)
    if draw(st.booleans()):
        x = x + rng.normal() * scale * 10.0 ** draw(st.floats(0, 8))
    assume(np.all(np.isfinite(x)) and np.max(np.abs(x)) < 1e306)
    return x


def exact_mean(x):
    return sum(map(Fraction, x)) / len(x)


def exact_variance(x, ddof):
    m = exact_mean(x)
    return sum((Fraction(v) - m) ** 2 for v in x) / (len(x) - ddof)


# ---------------------------------------------------------------------------
# Defining properties
# ---------------------------------------------------------------------------


@FAST
@given(ANY_FLOAT, st.integers(1, 30))
def test_the_mean_of_a_constant_is_that_constant_and_its_variance_zero(c, n):
    x = np.full(n, c)
    assert mean(x) == c
    if n > 1:
        assert sample_variance(x) == 0.0
        assert mean_interval(x) == (c, c)
    assert mle_normal(x) == (c, 0.0)


@FAST
@given(samples)
def test_the_mean_lies_between_the_smallest_and_largest_observation(x):
    assert x.min() <= mean(x) <= x.max()


@FAST
@given(seeds, st.integers(2, 40), st.floats(-1e6, 1e6), st.floats(1e-3, 1e3))
def test_shift_and_scale(seed, n, shift, scale):
    x = np.random.default_rng(seed).normal(size=n)
    np.testing.assert_allclose(mean(scale * x + shift), scale * mean(x) + shift, rtol=1e-12, atol=1e-9)
    # The shifted data are rounded when they are stored, which alone can move their variance by a
    # relative 1e-6 (a spread of 1e-3 on top of 1e6); so the oracle is the exact variance of the
    # stored numbers (fractions), and the scaling law holds up to that rounding of the data.
    y = scale * x + shift
    exact = [Fraction(v) for v in y]
    centered = [v - sum(exact) / n for v in exact]
    np.testing.assert_allclose(sample_variance(y), float(sum(c * c for c in centered) / (n - 1)), rtol=1e-12)
    rounding = n * np.spacing(np.abs(y).max()) * np.sqrt(sample_variance(x)) * scale * 4
    assert (
        abs(sample_variance(y) - scale**2 * sample_variance(x))
        <= 1e-12 * scale**2 * sample_variance(x) + rounding
    )


@FAST
@given(seeds, st.integers(2, 40), st.integers(1, 6))
def test_covariance_matrix_is_symmetric_psd_with_the_variances_on_its_diagonal(seed, n, p):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) @ rng.normal(size=(p, p)) + rng.normal(size=p) * 100
    S = covariance_matrix(X)
    np.testing.assert_array_equal(S, S.T)
    assert np.linalg.eigvalsh(S).min() >= -1e-12 * max(1.0, np.abs(S).max())
    np.testing.assert_allclose(np.diag(S), sample_variance(X), rtol=1e-12)
    np.testing.assert_allclose(mean(X), [mean(X[:, j]) for j in range(p)], rtol=0)
    np.testing.assert_allclose(covariance_matrix(X, ddof=0) * n, S * (n - 1), rtol=1e-12)


@FAST
@given(seeds, st.integers(2, 40), st.floats(-10, 10), st.floats(0.1, 10))
def test_mle_normal_maximizes_the_likelihood(seed, n, mu, sigma):
    x = np.random.default_rng(seed).normal(mu, sigma, size=n)
    mu_hat, sigma_hat = mle_normal(x)

    def loglik(m, s):
        return -n * math.log(s) - np.sum((x - m) ** 2) / (2 * s * s)

    best = loglik(mu_hat, sigma_hat)
    for dm, ds in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        assert loglik(mu_hat + dm * sigma_hat, sigma_hat * (1 + ds)) < best
    # the gradient of the log-likelihood is zero there (central differences)
    h = 1e-6 * sigma_hat
    slope_mu = (loglik(mu_hat + h, sigma_hat) - loglik(mu_hat - h, sigma_hat)) / (2 * h)
    slope_sigma = (loglik(mu_hat, sigma_hat + h) - loglik(mu_hat, sigma_hat - h)) / (2 * h)
    assert abs(slope_mu) < 1e-4 * n / sigma_hat and abs(slope_sigma) < 1e-4 * n / sigma_hat


@FAST
@given(st.lists(st.sampled_from([0, 1]), min_size=1, max_size=50))
def test_mle_bernoulli_is_the_fraction_of_ones_and_maximizes_the_likelihood(x):
    p = mle_bernoulli(x)
    assert p == sum(x) / len(x)
    k, n = sum(x), len(x)
    grid = np.linspace(0.001, 0.999, 999)
    loglik = k * np.log(grid) + (n - k) * np.log1p(-grid)
    assert abs(grid[np.argmax(loglik)] - p) <= 0.001 + 1e-12


def test_normal_ppf_is_increasing_and_odd():
    q = np.sort(np.concatenate([np.geomspace(1e-300, 0.5, 2000), np.linspace(0.01, 0.99, 999)]))
    x = normal_ppf(q)
    assert np.all(np.diff(x) >= 0)
    upper = q[q >= 0.5]  # where 1 - q is exact
    np.testing.assert_array_equal(normal_ppf(1 - upper), -normal_ppf(upper))
    assert normal_ppf(0.5) == 0.0


@FAST
@given(st.floats(1e-300, 1 - 1e-16))
def test_normal_ppf_inverts_the_distribution_function(q):
    x = normal_ppf(q)
    phi = 0.5 * math.erfc(-x / math.sqrt(2))
    # erfc is accurate to a few units of rounding; phi changes by phi'(x) dx
    slope = math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    assert abs(phi - q) <= 8 * EPS * q + slope * 4 * EPS * abs(x) + 1e-320


@FAST
@given(seeds, st.integers(2, 50), levels)
def test_intervals_contain_their_estimate_and_widen_with_the_level(seed, n, level):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    low, high = mean_interval(x, level)
    assert low <= mean(x) <= high
    np.testing.assert_allclose((low + high) / 2, mean(x), rtol=1e-12, atol=1e-14 * (high - low))
    wider = mean_interval(x, (1 + level) / 2)
    assert wider[0] <= low and high <= wider[1]
    k = int(rng.integers(0, n + 1))
    for method in ("wilson", "normal"):
        lo, hi = proportion_interval(k, n, level, method)
        assert 0.0 <= lo <= k / n <= hi <= 1.0
        lo2, hi2 = proportion_interval(k, n, (1 + level) / 2, method)
        assert lo2 <= lo and hi <= hi2


def test_bootstrap_is_reproducible_and_brackets_the_estimate():
    x = np.random.default_rng(1).exponential(size=40)
    first = bootstrap_interval(x, np.median, np.random.default_rng(2), n_resamples=500)
    assert first == bootstrap_interval(x, np.median, np.random.default_rng(2), n_resamples=500)
    assert first[0] < np.median(x) < first[1]
    assert bootstrap_interval(np.full(10, 3.0), np.mean, np.random.default_rng(2), 100) == (3.0, 3.0)


def test_bootstrap_resamples_rows_of_a_matrix_together():
    # pairs (y, y): every resample keeps them equal, so the fraction of disagreements is always 0
    y = np.random.default_rng(0).integers(0, 2, size=30).astype(float)
    pairs = np.c_[y, y]
    assert bootstrap_interval(
        pairs, lambda r: np.mean(r[:, 0] != r[:, 1]), np.random.default_rng(1), 200
    ) == (
        0.0,
        0.0,
    )


def test_permutation_test_of_identical_samples_is_near_one_and_symmetric_when_exact():
    rng = np.random.default_rng(0)
    a = rng.normal(size=30)
    assert permutation_test(a, a.copy(), rng, 200) > 0.8  # d = 0 sits in the middle of the relabelings
    a, b = np.array([1.0, 5.0, 2.0]), np.array([7.0, 9.0, 8.0, 6.0])  # 35 relabelings
    assert permutation_test(a, b, rng) == permutation_test(b, a, rng) == 2 / 35


@FAST
@given(seeds, st.integers(1, 5))
def test_least_squares_residual_is_orthogonal_to_the_columns(seed, p):
    rng = np.random.default_rng(seed)
    n = p + 1 + int(rng.integers(0, 20))
    X, y = rng.normal(size=(n, p)), rng.normal(size=n)
    w, b = linear_regression(X, y)
    r = y - X @ w - b
    np.testing.assert_allclose(X.T @ r, 0, atol=1e-10 * np.linalg.norm(y) * np.abs(X).max())
    assert abs(np.sum(r)) < 1e-10 * n * np.abs(y).max()  # the intercept's column, all ones
    w0, b0 = linear_regression(X, y, fit_intercept=False)
    assert b0 == 0.0
    np.testing.assert_allclose(X.T @ (y - X @ w0), 0, atol=1e-10 * np.linalg.norm(y) * np.abs(X).max())


def test_linear_regression_recovers_a_noiseless_model_of_any_scale():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3)) * [1e-150, 1.0, 1e150] + [0.0, 1e3, 0.0]
    w_true = np.array([1e150, -2.0, 3e-150])
    y = X @ w_true + 7.0
    w, b = linear_regression(X, y)
    np.testing.assert_allclose(w, w_true, rtol=1e-12)
    np.testing.assert_allclose(b, 7.0, rtol=1e-9)  # b = y_mean - x_mean . w: the 1e3 offset costs 3 digits


@FAST
@given(seeds, st.integers(1, 4))
def test_logistic_regression_zeroes_the_gradient_of_the_loss(seed, p):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(200, p))
    y = (X @ rng.normal(size=p) + rng.normal(size=200) * 2 > 0).astype(float)
    assume(0 < y.sum() < 200)
    w, b = logistic_regression(X, y)
    F = np.c_[X, np.ones(200)]
    loss, grad, _ = _cross_entropy(F, y, np.r_[w, b])
    assert np.abs(grad).max() < 1e-9
    for direction in np.eye(p + 1):
        assert _cross_entropy(F, y, np.r_[w, b] + 1e-3 * direction)[0] > loss


@FAST
@given(seeds, st.integers(2, 30), st.integers(1, 6))
def test_pca_components_are_orthonormal_and_capture_decreasing_variance(seed, n, p):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) @ rng.normal(size=(p, p)) + rng.normal(size=p) * 10
    k = min(n, p)
    components, variance = pca(X, k)
    np.testing.assert_allclose(components @ components.T, np.eye(k), atol=1e-12)
    assert np.all(np.diff(variance) <= 1e-12 * variance[0])
    scores = (X - mean(X)) @ components.T
    np.testing.assert_allclose(sample_variance(scores), variance, rtol=1e-9, atol=1e-12 * variance[0])
    if k == p:  # all the variance, shared out
        np.testing.assert_allclose(variance.sum(), np.trace(covariance_matrix(X)), rtol=1e-10)


def test_a_constant_feature_gets_no_weight_in_pca():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 4))
    X[:, 2] = 7.25
    components, variance = pca(X, 3)
    assert np.all(components[:, 2] == 0.0)
    assert np.all(variance > 0)


# ---------------------------------------------------------------------------
# Agreement with exact arithmetic, NumPy, SciPy and scikit-learn
# ---------------------------------------------------------------------------


@FAST
@given(scaled_samples())
def test_mean_is_the_exact_mean_rounded(x):
    exact = exact_mean(x)
    assert abs(Fraction(mean(x)) - exact) <= EPS * abs(exact) + TINY


@FAST
@given(scaled_samples(min_size=2), st.integers(0, 1))
def test_sample_variance_is_exact_to_a_few_roundings(x, ddof):
    exact = exact_variance(x, ddof)
    try:
        v = sample_variance(x, ddof=ddof)
    except ValueError:  # the overflow
        assert exact > Fraction(np.finfo(np.float64).max)
        return
    assert abs(Fraction(v) - exact) <= 8 * EPS * exact + TINY


@FAST
@given(seeds, st.integers(2, 60), st.integers(1, 5), st.integers(0, 1))
def test_estimators_agree_with_numpy_and_scipy(seed, n, p, ddof):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * 10.0 ** rng.uniform(-3, 3, size=p) + rng.normal(size=p)
    np.testing.assert_allclose(mean(X), np.mean(X, axis=0), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(sample_variance(X, ddof), np.var(X, axis=0, ddof=ddof), rtol=1e-11)
    np.testing.assert_allclose(
        covariance_matrix(X, ddof),
        np.atleast_2d(np.cov(X, rowvar=False, ddof=ddof)),
        rtol=1e-10,
        atol=1e-12 * np.abs(X).max() ** 2,
    )
    np.testing.assert_allclose(mle_normal(X[:, 0]), stats.norm.fit(X[:, 0]), rtol=1e-11)


def test_estimators_at_the_edges_of_float64():
    huge = np.array([1e308, 1.7e308, 1.5e308])
    assert mean(huge) == float(exact_mean(huge))
    assert mle_normal([1e200, -1e200, 1e200, -1e200]) == (0.0, 1e200)
    assert mean(np.array([5e-324, 1e-323, 1.5e-323])) == 1e-323  # subnormals: 1, 2 and 3 units
    small = np.array([1e-160, 3e-160])  # a subnormal variance, 2e-320
    assert sample_variance(small) == pytest.approx(float(exact_variance(small, 1)), abs=5e-324)
    assert sample_variance(np.array([1e-300, 3e-300])) == 0.0  # 2e-600 rounds to zero
    S = covariance_matrix(np.array([[1e153, 1.0], [-1e153, 2.0]]))
    np.testing.assert_allclose(S, [[2e306, -1e153], [-1e153, 0.5]], rtol=1e-15)


def test_normal_ppf_agrees_with_ndtri_over_the_whole_unit_interval():
    rng = np.random.default_rng(0)
    q = np.concatenate(
        [
            10.0 ** rng.uniform(-300, 0, 20000),
            rng.uniform(0, 1, 10000),
            1 - 10.0 ** rng.uniform(-16, 0, 10000),
            [1e-300, 1 - 1e-16, 0.5 + 2**-53, 0.5 - 2**-54, 0.25, 0.75, 1e-10, 0.975],
        ]
    )
    q = q[(q > 0) & (q < 1)]
    x, expected = normal_ppf(q), special.ndtri(q)
    rel = np.abs(x - expected) / np.abs(expected)
    assert rel.max() < 2e-15, q[np.argmax(rel)]
    assert normal_ppf(1e-300) == pytest.approx(special.ndtri(1e-300), rel=1e-15)
    assert normal_ppf(1 - 1e-16) == pytest.approx(special.ndtri(1 - 1e-16), rel=1e-15)


def test_normal_ppf_in_the_subnormal_tail():
    q = np.array([5e-324, 1e-320, 1e-310, 2.2e-308])
    np.testing.assert_allclose(normal_ppf(q), special.ndtri(q), rtol=1e-14)
    np.testing.assert_array_equal(normal_ppf([0.0, 1.0]), [-np.inf, np.inf])


def t_quantile_oracle(level, df):
    """Student's t two-sided quantile by SciPy, computed from a tail probability that is exact."""
    if level >= 0.5:
        return stats.t.isf((1 - level) / 2, df)
    x = special.betaincinv(0.5, df / 2, level)  # P(|T| <= t) = I_{t^2/(df+t^2)}(1/2, df/2)
    return math.sqrt(df * x / (1 - x))


@FAST
@given(st.integers(1, 10**6), st.floats(1e-10, 1 - 2**-52))
def test_t_quantile_agrees_with_scipy(df, level):
    assume(level >= 0.5 or df < 10**5)  # betaincinv itself loses digits for large df
    assert _t_two_sided(level, df) == pytest.approx(t_quantile_oracle(level, df), rel=2e-13)


@pytest.mark.parametrize("df", [1, 2, 3, 4, 7, 30, 1000, 20000, 20001, 10**6, 10**9])
@pytest.mark.parametrize("level", [1e-12, 0.3, 0.5, 0.9, 0.95, 0.99, 1 - 1e-9, 1 - 2**-52])
def test_t_quantile_at_chosen_points(df, level):
    if level < 0.5 and df >= 20000:  # where betaincinv loses digits
        if level > 1e-6:
            expected = stats.t.ppf(0.5 + level / 2, df)  # 0.5 + level/2 rounds away little here
        else:  # t = z (1 + (z^2+1)/(4 df) + (5 z^4 + 16 z^2 + 3)/(96 df^2)), z = level sqrt(pi/2)
            z = level * math.sqrt(math.pi / 2)
            expected = z * (1 + (z * z + 1) / (4 * df) + (5 * z**4 + 16 * z * z + 3) / (96 * df * df))
        assert _t_two_sided(level, df) == pytest.approx(expected, rel=2e-13)
    else:
        assert _t_two_sided(level, df) == pytest.approx(t_quantile_oracle(level, df), rel=2e-13)


@FAST
@given(seeds, st.integers(2, 300), levels)
def test_mean_interval_agrees_with_scipy(seed, n, level):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n) * 10.0 ** rng.uniform(-5, 5) + rng.normal()
    expected = stats.t.interval(level, n - 1, loc=np.mean(x), scale=stats.sem(x))
    low, high = mean_interval(x, level)
    np.testing.assert_allclose(low, expected[0], rtol=1e-11, atol=1e-12 * np.abs(x).max())
    # SciPy's upper end goes through ppf((1 + level)/2), which rounds away the digits of a small tail
    upper = np.mean(x) + stats.t.isf((1 - level) / 2, n - 1) * stats.sem(x)
    np.testing.assert_allclose(high, upper, rtol=1e-11, atol=1e-12 * np.abs(x).max())


@FAST
@given(st.integers(1, 10**4), st.floats(0.01, 0.999999), st.data())
def test_wilson_interval_agrees_with_scipy(n, level, data):
    k = data.draw(st.integers(0, n))
    expected = stats.binomtest(k, n).proportion_ci(level, method="wilson")
    low, high = proportion_interval(k, n, level)
    assert low == pytest.approx(expected.low, rel=1e-9, abs=1e-15)
    assert high == pytest.approx(expected.high, rel=1e-9, abs=1e-15)


def wilson_by_decimal(k, n, z):
    """Wilson's interval in 50-digit decimal arithmetic, from the textbook formula."""
    with localcontext() as ctx:
        ctx.prec = 50
        k, n, z = Decimal(k), Decimal(n), Decimal(z)
        p = k / n
        center = (2 * n * p + z * z) / (2 * (n + z * z))
        delta = z / (2 * (n + z * z)) * (4 * n * p * (1 - p) + z * z).sqrt()
        return float(center - delta), float(center + delta)


@pytest.mark.parametrize("k, n", [(1, 10**9), (1, 10**12), (10**12 - 1, 10**12), (3, 7), (5 * 10**8, 10**9)])
def test_wilson_interval_keeps_its_digits_where_scipys_cancel(k, n):
    z = normal_ppf(0.975)
    low, high = proportion_interval(k, n)
    exact_low, exact_high = wilson_by_decimal(k, n, z)
    assert low == pytest.approx(exact_low, rel=1e-14)
    assert high == pytest.approx(exact_high, rel=1e-14)


@settings(max_examples=20, deadline=None)
@given(seeds, st.integers(2, 40), st.floats(0.5, 0.99), st.sampled_from([np.mean, np.median, np.std]))
def test_bootstrap_interval_is_scipys_percentile_interval(seed, n, level, statistic):
    x = np.random.default_rng(seed).normal(size=n)
    ours = bootstrap_interval(x, statistic, np.random.default_rng(seed + 1), n_resamples=300, level=level)
    theirs = stats.bootstrap(
        (x,),
        statistic,
        n_resamples=300,
        confidence_level=level,
        method="percentile",
        vectorized=False,
        batch=1,
        rng=np.random.default_rng(seed + 1),
    ).confidence_interval
    np.testing.assert_allclose(ours, (theirs.low, theirs.high), rtol=1e-13, atol=1e-15)


def difference_in_means(x, y, axis):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


@settings(max_examples=25, deadline=None)
@given(seeds, st.integers(2, 12), st.integers(2, 12), st.floats(-1, 1))
def test_permutation_test_is_scipys(seed, n_a, n_b, shift):
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=n_a) + shift, rng.normal(size=n_b)
    ours = permutation_test(a, b, np.random.default_rng(seed + 1), n_resamples=300)
    theirs = stats.permutation_test(
        (a, b), difference_in_means, n_resamples=300, rng=np.random.default_rng(seed + 1)
    ).pvalue
    assert ours == theirs  # random or exact (when there are at most 300 relabelings), the same p-value


@FAST
@given(seeds, st.integers(1, 6), st.booleans())
def test_linear_regression_agrees_with_lstsq_and_scikit_learn(seed, p, fit_intercept):
    rng = np.random.default_rng(seed)
    n = p + 2 + int(rng.integers(0, 40))
    X = rng.normal(size=(n, p)) * 10.0 ** rng.uniform(-3, 3, size=p) + rng.normal(size=p) * 10
    y = X @ rng.normal(size=p) + rng.normal(size=n)
    w, b = linear_regression(X, y, fit_intercept)
    A = np.c_[X, np.ones(n)] if fit_intercept else X
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    model = LinearRegression(fit_intercept=fit_intercept).fit(X, y)

    def rss(w, b):
        return np.sum((y - X @ w - b) ** 2)

    # Least squares: no fit has a smaller sum of squares, whatever the conditioning.
    best = min(rss(coef[:p], coef[p] if fit_intercept else 0.0), rss(model.coef_, model.intercept_))
    assert rss(w, b) <= best * (1 + 1e-9) + 1e-300
    # Where the coefficients are well determined, they are the same numbers. (With the columns'
    # scales far apart, scikit-learn sometimes drops a small column that lstsq and this keep.)
    D = A - A.mean(0) if fit_intercept else A
    D = D[:, :p] / np.abs(D[:, :p]).max(0)
    if np.linalg.cond(D) < 1e6:
        scale = np.abs(coef).max()
        np.testing.assert_allclose(np.r_[w, b] if fit_intercept else w, coef, rtol=1e-8, atol=1e-9 * scale)
        np.testing.assert_allclose(w, model.coef_, rtol=1e-8, atol=1e-9 * scale)
        assert b == pytest.approx(model.intercept_, rel=1e-8, abs=1e-9 * scale)


@settings(max_examples=25, deadline=None)
@given(seeds, st.integers(1, 4), st.booleans())
def test_logistic_regression_agrees_with_scikit_learn(seed, p, fit_intercept):
    rng = np.random.default_rng(seed)
    n = 300
    X = rng.normal(size=(n, p)) * 10.0 ** rng.uniform(-2, 2, size=p) + rng.normal(size=p)
    logits = (X - X.mean(0)) / X.std(0) @ rng.normal(size=p) + (rng.normal() if fit_intercept else 0)
    y = (rng.random(n) < 1 / (1 + np.exp(-logits))).astype(float)  # overlapping classes: not separable
    assume(0 < y.sum() < n)
    w, b = logistic_regression(X, y, fit_intercept)
    model = LogisticRegression(C=np.inf, fit_intercept=fit_intercept, solver="newton-cholesky", tol=1e-12)
    model.fit(X, y)
    scale = np.abs(model.coef_).max() + abs(float(model.intercept_[0]) if fit_intercept else 0)
    np.testing.assert_allclose(w, model.coef_[0], rtol=1e-5, atol=1e-6 * scale)
    if fit_intercept:
        assert b == pytest.approx(model.intercept_[0], rel=1e-5, abs=1e-6 * scale)


def test_logistic_regression_by_first_order_optimizers_approaches_newtons_fit():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(200, 2))
    y = (X @ [1.0, -2.0] + 0.5 + rng.normal(size=200) > 0).astype(float)
    w, b = logistic_regression(X, y)
    for optimizer in (Adam(learning_rate=0.05), SGD(learning_rate=0.5, momentum=0.9)):
        w1, b1 = logistic_regression(X, y, optimizer=optimizer, num_steps=3000)
        np.testing.assert_allclose(np.r_[w1, b1], np.r_[w, b], rtol=1e-4, atol=1e-6)
        assert optimizer.t == 3000
    # with weight decay: the fit of the penalized loss, whose gradient is the loss's plus lambda w
    opt = SGD(learning_rate=0.5, weight_decay=0.1)
    w2, b2 = logistic_regression(X, y, optimizer=opt, num_steps=3000)
    grad = _cross_entropy(np.c_[X, np.ones(200)], y, np.r_[w2, b2])[1]
    np.testing.assert_allclose(grad + 0.1 * np.r_[w2, b2], 0, atol=1e-8)


@FAST
@given(seeds, st.integers(2, 40), st.integers(1, 6))
def test_pca_agrees_with_an_svd_up_to_sign_and_with_scikit_learn(seed, n, p):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * 10.0 ** rng.uniform(-3, 3) @ rng.normal(size=(p, p)) + rng.normal(size=p)
    k = int(rng.integers(1, min(n, p) + 1))
    components, variance = pca(X, k)
    _, s, Vt = np.linalg.svd(X - X.mean(0), full_matrices=False)
    gap = np.abs(np.diff(s)) > 1e-6 * s[0]  # a component is defined (up to sign) when its value is isolated
    distinct = (np.r_[True, gap] & np.r_[gap, True] & (s > 1e-8 * s[0]))[:k]
    signs = np.sign(np.sum(components * Vt[:k], axis=1))
    np.testing.assert_allclose((components * signs[:, None])[distinct], Vt[:k][distinct], atol=1e-7)
    np.testing.assert_allclose(variance, s[:k] ** 2 / (n - 1), rtol=1e-9, atol=1e-12 * s[0] ** 2)
    model = PCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(variance, model.explained_variance_, rtol=1e-9, atol=1e-12 * s[0] ** 2)


@pytest.mark.parametrize("load", [load_iris, load_digits], ids=["iris", "digits"])
def test_pca_on_real_data_agrees_with_scikit_learn(load):
    X = load().data
    components, variance = pca(X, 4)
    model = PCA(n_components=4).fit(X)
    np.testing.assert_allclose(variance, model.explained_variance_, rtol=1e-10)
    np.testing.assert_allclose(np.abs(np.sum(components * model.components_, axis=1)), 1.0, atol=1e-10)
    if load is load_digits:  # some pixels are always blank: constant features, weight exactly 0
        blank = np.ptp(X, axis=0) == 0
        assert blank.any() and np.all(components[:, blank] == 0.0)


# ---------------------------------------------------------------------------
# Coverage of the intervals on simulated data (fixed seeds)
# ---------------------------------------------------------------------------


def test_mean_interval_covers_the_mean_as_promised_where_the_normal_interval_does_not():
    rng = np.random.default_rng(2026)
    trials, n, hits, normal_hits = 4000, 5, 0, 0
    z = normal_ppf(0.975)
    for _ in range(trials):
        x = rng.normal(3.0, 2.0, size=n)
        low, high = mean_interval(x)
        hits += low <= 3.0 <= high
        half = z * math.sqrt(sample_variance(x) / n)
        normal_hits += abs(mean(x) - 3.0) <= half
    se = math.sqrt(0.95 * 0.05 / trials)
    assert abs(hits / trials - 0.95) < 3 * se
    assert normal_hits / trials < 0.95 - 3 * se  # about 0.88 with n = 5: why the t quantile


def test_wilson_covers_better_than_the_normal_interval_for_a_rare_event():
    rng = np.random.default_rng(7)
    trials, n, p = 4000, 40, 0.05
    k = rng.binomial(n, p, size=trials)
    wilson = np.mean([lo <= p <= hi for lo, hi in (proportion_interval(int(j), n) for j in k)])
    normal = np.mean(
        [lo <= p <= hi for lo, hi in (proportion_interval(int(j), n, method="normal") for j in k)]
    )
    assert wilson > 0.93
    assert normal < 0.90 and normal < wilson


def test_bootstrap_interval_coverage():
    rng = np.random.default_rng(11)
    trials, hits = 150, 0
    for _ in range(trials):
        x = rng.exponential(size=60)  # true mean 1
        low, high = bootstrap_interval(x, np.mean, rng, n_resamples=400)
        hits += low <= 1.0 <= high
    assert 0.85 < hits / trials <= 1.0  # the percentile interval runs a little short on skewed data


def test_permutation_p_values_are_uniform_under_the_null():
    rng = np.random.default_rng(13)
    p = np.array([permutation_test(rng.normal(size=8), rng.normal(size=8), rng, 300) for _ in range(300)])
    assert abs(np.mean(p <= 0.05) - 0.05) < 0.04
    assert abs(np.mean(p <= 0.5) - 0.5) < 0.1


# ---------------------------------------------------------------------------
# The formulas of the Notes
# ---------------------------------------------------------------------------


@FAST
@given(st.integers(1, 500), st.floats(0.5, 0.999), st.data())
def test_proportion_interval_formulas(n, level, data):
    k = data.draw(st.integers(0, n))
    z = stats.norm.isf((1 - level) / 2)
    p = k / n
    center = (2 * n * p + z * z) / (2 * (n + z * z))
    delta = z / (2 * (n + z * z)) * math.sqrt(4 * n * p * (1 - p) + z * z)
    low, high = proportion_interval(k, n, level)
    assert low == pytest.approx(center - delta if k else 0.0, rel=1e-10, abs=1e-14)
    assert high == pytest.approx(center + delta if k < n else 1.0, rel=1e-10, abs=1e-14)
    half = z * math.sqrt(p * (1 - p) / n)
    low, high = proportion_interval(k, n, level, method="normal")
    assert low == pytest.approx(max(0.0, p - half), abs=1e-14)
    assert high == pytest.approx(min(1.0, p + half), abs=1e-14)


def test_mean_interval_formula():
    x = np.array([2.0, 4.0, 9.0, 1.0, 3.5])
    half = stats.t.ppf(0.95, 4) * math.sqrt(sample_variance(x) / 5)
    np.testing.assert_allclose(mean_interval(x, 0.9), (mean(x) - half, mean(x) + half), rtol=1e-14)


def test_bootstrap_interval_draws_as_documented():
    x = np.arange(10.0) ** 2
    rng = np.random.default_rng(5)
    replicates = [np.median(x[rng.integers(0, 10, size=10)]) for _ in range(250)]
    expected = np.quantile(replicates, [0.05, 0.95])
    np.testing.assert_array_equal(
        bootstrap_interval(x, np.median, np.random.default_rng(5), n_resamples=250, level=0.9), expected
    )


def test_permutation_test_counts_as_documented():
    a, b = np.array([3.1, 2.7, 3.8, 3.3, 2.9, 3.6]), np.array([2.5, 2.9, 2.2, 3.0, 2.6, 2.4, 2.8])
    rng = np.random.default_rng(9)
    d = a.mean() - b.mean()
    pooled = np.r_[a, b]
    null = []
    for _ in range(500):
        perm = rng.permutation(13)
        null.append(pooled[perm[:6]].mean() - pooled[perm[6:]].mean())
    null = np.array(null)
    tie = 100 * EPS * abs(d)  # values this close to d count as equal to it
    greater = (np.sum(null >= d - tie) + 1) / 501
    less = (np.sum(null <= d + tie) + 1) / 501
    p = permutation_test(a, b, np.random.default_rng(9), 500)
    assert p == min(1.0, 2 * min(greater, less))
    assert np.sum(np.abs(null - d) <= tie) > np.sum(null == d)  # this data has ties that rounding split
    theirs = stats.permutation_test(
        (a, b), difference_in_means, n_resamples=500, rng=np.random.default_rng(9)
    )
    assert p == theirs.pvalue


def test_exact_permutation_test_enumerates_every_relabeling():
    a, b = np.array([4.0, 6.0]), np.array([1.0, 2.0, 3.0])  # C(5, 2) = 10 relabelings
    d = a.mean() - b.mean()
    pooled = np.r_[a, b]
    null = []
    for i in range(5):
        for j in range(i + 1, 5):
            in_a = np.zeros(5, dtype=bool)
            in_a[[i, j]] = True
            null.append(pooled[in_a].mean() - pooled[~in_a].mean())
    p = min(1.0, 2 * min(np.mean(np.array(null) >= d), np.mean(np.array(null) <= d)))
    assert permutation_test(a, b, np.random.default_rng(0), n_resamples=10) == p == 0.2


def test_linear_regression_solves_the_normal_equations():
    rng = np.random.default_rng(8)
    X, y = rng.normal(size=(50, 3)), rng.normal(size=50)
    Xc, yc = X - X.mean(0), y - y.mean()
    w_expected = np.linalg.solve(Xc.T @ Xc, Xc.T @ yc)
    w, b = linear_regression(X, y)
    np.testing.assert_allclose(w, w_expected, rtol=1e-12)
    assert b == pytest.approx(y.mean() - X.mean(0) @ w_expected, rel=1e-12)


@FAST
@given(seeds, st.integers(1, 4))
def test_cross_entropy_gradient_and_hessian_against_finite_differences(seed, q):
    rng = np.random.default_rng(seed)
    F = rng.normal(size=(30, q))
    y = rng.integers(0, 2, size=30).astype(float)
    theta = rng.normal(size=q)
    loss, grad, hess = _cross_entropy(F, y, theta)
    p = 1 / (1 + np.exp(-(F @ theta)))
    assert loss == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)), rel=1e-12)
    h = 1e-6
    for i, e in enumerate(np.eye(q)):
        slope = (_cross_entropy(F, y, theta + h * e)[0] - _cross_entropy(F, y, theta - h * e)[0]) / (2 * h)
        assert grad[i] == pytest.approx(slope, rel=1e-6, abs=1e-9)
        column = (_cross_entropy(F, y, theta + h * e)[1] - _cross_entropy(F, y, theta - h * e)[1]) / (2 * h)
        np.testing.assert_allclose(hess[:, i], column, rtol=1e-6, atol=1e-9)


def test_pca_is_the_eigendecomposition_of_the_covariance_matrix():
    X = load_iris().data
    components, variance = pca(X, 4)
    S = covariance_matrix(X)
    np.testing.assert_allclose(S @ components.T, components.T * variance, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(variance, np.linalg.eigvalsh(S)[::-1], rtol=1e-10)


def test_pca_sign_convention_makes_the_largest_score_positive():
    X = np.random.default_rng(3).normal(size=(25, 3)) @ np.diag([5.0, 2.0, 1.0])
    components, _ = pca(X, 3)
    scores = (X - mean(X)) @ components.T
    largest = scores[np.argmax(np.abs(scores), axis=0), np.arange(3)]
    assert np.all(largest > 0)


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 10, 51, 400])
def test_t_probabilities_closed_forms(df):
    for t in [1e-3, 0.5, 1.0, 2.5, 10.0, 1e3]:
        inside, outside = _t_probabilities(t, df)
        x = t * t / (df + t * t)  # P(|T| <= t) = I_x(1/2, df/2), P(|T| > t) = I_{1-x}(df/2, 1/2)
        expected = special.betainc(0.5, df / 2, x)
        assert inside == pytest.approx(expected, rel=1e-13)
        # betainc near x = 1 loses digits: take the complement when it does not cancel
        tail = 1 - expected if expected < 0.5 else special.betainc(df / 2, 0.5, df / (df + t * t))
        assert outside == pytest.approx(tail, rel=1e-12)
        assert inside + outside == pytest.approx(1.0, abs=4e-16)


# ---------------------------------------------------------------------------
# Every documented Raises
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, name",
    [
        (mean, "x"),
        (sample_variance, "x"),
        (mle_normal, "x"),
        (mle_bernoulli, "x"),
        (mean_interval, "x"),
        (lambda x: bootstrap_interval(x, np.mean, np.random.default_rng(0), 10), "x"),
        (lambda a: permutation_test(a, [1.0], np.random.default_rng(0), 10), "a"),
    ],
    ids=[
        "mean",
        "sample_variance",
        "mle_normal",
        "mle_bernoulli",
        "mean_interval",
        "bootstrap",
        "permutation",
    ],
)
def test_samples_must_be_finite_non_empty_numbers(call, name):
    with pytest.raises(ValueError, match=f"^{name} must not be empty"):
        call([])
    with pytest.raises(ValueError, match=f"^{name} must not contain NaN"):
        call([1.0, np.nan])
    with pytest.raises(TypeError, match=f"^{name} must be numeric"):
        call(["a", "b"])
    with pytest.raises(TypeError, match=f"^{name} must be numeric, got a boolean"):
        call([True, False])
    with pytest.raises(TypeError, match=f"^{name} must be real"):
        call([1j, 2.0])


def test_the_second_sample_of_the_permutation_test_is_checked():
    with pytest.raises(ValueError, match="^b must not be empty"):
        permutation_test([1.0], [], np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"^b must be a vector"):
        permutation_test([1.0], [[1.0]], np.random.default_rng(0))


def test_shapes_are_checked():
    with pytest.raises(ValueError, match=r"x must be a vector \(1-D\) or a matrix \(2-D\)"):
        mean(np.ones((2, 2, 2)))
    with pytest.raises(ValueError, match=r"X must be a matrix \(2-D\), got an array of shape \(3,\)"):
        covariance_matrix([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"x must be a vector \(1-D\)"):
        mle_normal([[1.0, 2.0]])
    with pytest.raises(ValueError, match=r"y must have one entry per row of X \(3\), got shape \(2,\)"):
        linear_regression(np.ones((3, 1)), [1.0, 2.0])


@pytest.mark.parametrize(
    "call", [lambda x, d: sample_variance(x, d), lambda x, d: covariance_matrix(np.c_[x], d)]
)
def test_ddof_is_checked(call):
    with pytest.raises(ValueError, match=r"must have more than ddof=1 samples \(rows\), got 1"):
        call([1.0], 1)
    with pytest.raises(ValueError, match=r"more than ddof=2 samples"):
        call([1.0, 2.0], 2)
    with pytest.raises(ValueError, match="ddof must be non-negative"):
        call([1.0, 2.0], -1)
    with pytest.raises(TypeError, match="ddof must be an integer"):
        call([1.0, 2.0], 1.0)


def test_variances_that_overflow_are_an_error():
    with pytest.raises(
        ValueError,
        match=r"the variance of x overflows float64: it is about 1e40\d, beyond the largest float64",
    ):
        sample_variance([1e200, -1e200])
    with pytest.raises(
        ValueError, match="an entry of the covariance matrix of X overflows float64: it is about"
    ):
        covariance_matrix([[1e200, 0.0], [-1e200, 1.0]])
    with pytest.raises(ValueError, match="a variance of X overflows float64"):
        pca([[1e200, 0.0], [-1e200, 1.0]], 1)
    with pytest.raises(ValueError, match="an end of the interval overflows float64"):
        mean_interval([1.7e308, -1.7e308])


@pytest.mark.parametrize(
    "level, error",
    [
        (0.0, ValueError),
        (1.0, ValueError),
        (95, ValueError),
        (-0.5, ValueError),
        (np.nan, ValueError),
        ("0.95", TypeError),
        (None, TypeError),
    ],
)
def test_levels_must_be_strictly_between_zero_and_one(level, error):
    message = "level must be"
    rng = np.random.default_rng(0)
    with pytest.raises(error, match=message):
        mean_interval([1.0, 2.0], level)
    with pytest.raises(error, match=message):
        proportion_interval(1, 2, level)
    with pytest.raises(error, match=message):
        bootstrap_interval([1.0, 2.0], np.mean, rng, 10, level)


def test_mean_interval_needs_two_observations():
    with pytest.raises(ValueError, match="x must have at least 2 observations to estimate its spread, got 1"):
        mean_interval([1.0])


def test_normal_ppf_needs_probabilities():
    with pytest.raises(ValueError, match=r"q must hold probabilities in \[0, 1\], got -0.1"):
        normal_ppf([0.5, -0.1])
    with pytest.raises(ValueError, match="q must not contain NaN"):
        normal_ppf(np.nan)
    with pytest.raises(TypeError, match="q must be numeric"):
        normal_ppf("0.5")
    with pytest.raises(ValueError, match="q must not be empty"):
        normal_ppf([])


def test_mle_bernoulli_needs_zeros_and_ones():
    with pytest.raises(
        ValueError, match=r"x must hold only 0s and 1s \(Bernoulli outcomes\), got -1.0 at index 1"
    ):
        mle_bernoulli([1, -1])


def test_proportion_interval_arguments_are_checked():
    with pytest.raises(ValueError, match="successes must be between 0 and n=10, got -1"):
        proportion_interval(-1, 10)
    with pytest.raises(TypeError, match="successes must be an integer"):
        proportion_interval(2.0, 10)
    with pytest.raises(ValueError, match="n must be positive"):
        proportion_interval(0, 0)
    with pytest.raises(TypeError, match="n must be an integer"):
        proportion_interval(1, 10.0)
    with pytest.raises(ValueError, match=r"method must be one of \['wilson', 'normal'\], got 'wald'"):
        proportion_interval(1, 10, method="wald")


def test_resampling_arguments_are_checked():
    x = np.arange(5.0)
    for call in (
        lambda **kw: bootstrap_interval(x, np.mean, **kw),
        lambda **kw: permutation_test(x, x, **kw),
    ):
        with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator .*got int"):
            call(rng=0, n_resamples=10)
        with pytest.raises(ValueError, match="n_resamples must be positive"):
            call(rng=np.random.default_rng(0), n_resamples=0)
        with pytest.raises(TypeError, match="n_resamples must be an integer"):
            call(rng=np.random.default_rng(0), n_resamples=10.0)


@pytest.mark.parametrize(
    "statistic, error, message",
    [
        ("mean", TypeError, "bootstrap_interval: statistic must be callable, got str"),
        (lambda r: None, TypeError, r"bootstrap_interval: statistic\(x\) returned None"),
        (np.sort, ValueError, r"statistic must return one number, but statistic\(x\) has shape \(5,\)"),
        (lambda r: "high", TypeError, r"bootstrap_interval: statistic\(x\) must be numeric"),
        (lambda r: 1j, TypeError, r"bootstrap_interval: statistic\(x\) must be real"),
        (
            lambda r: np.inf,
            ValueError,
            r"bootstrap_interval: statistic\(x\) is inf; statistic must return a finite",
        ),
        (lambda r: 1 / np.std(r), ValueError, r"statistic on resample \d+ is inf"),  # a resample of all 0s
    ],
    ids=["not callable", "None", "vector", "text", "complex", "inf", "inf on a resample"],
)
def test_a_bad_statistic_is_named(statistic, error, message):
    with np.errstate(divide="ignore", invalid="ignore"), pytest.raises(error, match=message):
        bootstrap_interval(np.array([0.0, 1.0, 0.0, 1.0, 0.0]), statistic, np.random.default_rng(0), 500)


@pytest.mark.parametrize("func", [linear_regression, logistic_regression])
def test_regression_refuses_coefficients_that_are_not_unique(func):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    y = (X[:, 0] + rng.normal(size=60) > 0).astype(float)  # overlapping classes
    with pytest.raises(
        ValueError, match=r"X\[:, 1\] is constant: with fit_intercept=True it duplicates the intercept"
    ):
        func(np.c_[X[:, :1], np.full(60, 2.0), X[:, 1:]], y)
    func(np.c_[X[:, :1], np.full(60, 2.0), X[:, 1:]], y, fit_intercept=False)  # then it is the intercept
    with pytest.raises(ValueError, match=r"X\[:, 2\] is all zeros"):
        func(np.c_[X[:, :2], np.zeros(60)], y, fit_intercept=False)
    with pytest.raises(
        ValueError, match=r"the columns of X are linearly dependent after centering \(rank 2 < 3"
    ):
        func(np.c_[X[:, :2], X[:, 0] - 2 * X[:, 1]], y)
    with pytest.raises(ValueError, match=r"X has 3 rows, fewer than the 4 coefficients to fit"):
        func(X[:3], y[:3] * 0 + np.array([0.0, 1.0, 0.0]))
    with pytest.raises(ValueError, match=r"X must be a matrix \(2-D\)"):
        func(X[:, 0], y)
    with pytest.raises(TypeError, match="fit_intercept must be True or False, got 1"):
        func(X, y, 1)


def test_logistic_regression_needs_two_classes_of_0_and_1():
    X = np.arange(6.0)[:, None]
    with pytest.raises(ValueError, match=r"y must hold class labels 0 and 1, got 2.0 at index 3"):
        logistic_regression(X, [0, 1, 0, 2, 1, 0])
    with pytest.raises(ValueError, match=r"y must hold class labels 0 and 1, got -1.0 at index 0"):
        logistic_regression(X, [-1, 1, -1, 1, 1, -1])  # the -1/+1 convention is refused, not misread
    with pytest.raises(ValueError, match="y must contain both classes 0 and 1, got only 1s"):
        logistic_regression(X, np.ones(6))
    with pytest.raises(TypeError, match="y must be numeric, got a boolean array"):
        logistic_regression(X, np.arange(6) > 2)


def test_logistic_regression_refuses_separable_classes():
    X = np.random.default_rng(0).normal(size=(40, 2))
    y = (X[:, 0] + X[:, 1] > 0).astype(float)
    with pytest.raises(ValueError, match="the classes are linearly separable"):
        logistic_regression(X, y)
    w, b = logistic_regression(
        X, y, optimizer=SGD(0.5, weight_decay=0.01), num_steps=500
    )  # regularized: fine
    assert np.all(np.isfinite(w)) and np.isfinite(b)


def test_logistic_regression_reports_non_convergence():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(100, 2))
    y = (X[:, 0] + 0.3 * rng.normal(size=100) > 0).astype(float)
    with pytest.raises(ValueError, match=r"Newton's method did not converge in num_steps=1 steps"):
        logistic_regression(X, y, num_steps=1)


def test_logistic_regression_optimizer_and_steps_are_checked():
    X, y = np.arange(6.0)[:, None], np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    with pytest.raises(
        TypeError, match="optimizer must be None or an optimizer with a step method .* got str"
    ):
        logistic_regression(X, y, optimizer="adam")
    with pytest.raises(ValueError, match="num_steps must be positive"):
        logistic_regression(X, y, num_steps=0)
    with pytest.raises(TypeError, match="num_steps must be an integer"):
        logistic_regression(X, y, optimizer=Adam(), num_steps=10.0)


def test_pca_arguments_are_checked():
    X = np.random.default_rng(0).normal(size=(5, 3))
    with pytest.raises(ValueError, match=r"n_components must be between 1 and min\(n, p\) = 3, got 4"):
        pca(X, 4)
    with pytest.raises(ValueError, match="n_components must be positive"):
        pca(X, 0)
    with pytest.raises(TypeError, match="n_components must be an integer"):
        pca(X, 2.0)
    with pytest.raises(ValueError, match="X must have at least 2 rows to have a variance, got 1"):
        pca(X[:1], 1)
    with pytest.raises(ValueError, match="every feature of X is constant: no direction has any variance"):
        pca(np.ones((4, 2)), 1)
    with pytest.raises(ValueError, match=r"X must be a matrix \(2-D\)"):
        pca(X[0], 1)
