"""Tests of mlmath_ref.probability: properties, SciPy and exact oracles, sampling, Notes formulas, errors."""

import decimal
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from mlmath_ref.probability import (
    Bernoulli,
    Binomial,
    Categorical,
    MultivariateNormal,
    Normal,
    Uniform,
    _loader,
    bayes_posterior,
    conditional,
    cross_entropy,
    entropy,
    expected_value,
    kl_divergence,
    marginal,
    variance,
)

seeds = st.integers(0, 2**32 - 1)
EPS = float(np.finfo(np.float64).eps)
D = decimal.Decimal
PI = D("3.14159265358979323846264338327950288419716939937510582097494")


def random_probs(rng, k, zeros=0.0, tiny=0.0):
    """A probability vector of length k; some entries 0 or subnormal if asked."""
    w = rng.exponential(size=k)
    w[rng.random(k) < zeros] = 0.0
    if not w.any():
        w[rng.integers(k)] = 1.0
    p = w / w.sum()
    mask = (rng.random(k) < tiny) & (p < 0.5)
    p[mask] = 5e-324 * rng.integers(1, 1000, size=mask.sum())
    return p / p.sum()


def random_cov(rng, d, scale=1.0):
    """A random symmetric positive definite d x d matrix."""
    M = rng.normal(size=(d, d))
    return scale * (M @ M.T + 0.1 * np.eye(d))


def simpson(f, a, b, n=20_001):
    x = np.linspace(a, b, n)
    w = np.ones(n)
    w[1:-1:2], w[2:-1:2] = 4, 2
    return float(w @ f(x)) * (b - a) / (n - 1) / 3


# Exact oracles in decimal arithmetic, for the far tails where SciPy itself loses digits.


def exact_binomial_logpmf(k, n, p, prec=50):
    """log C(n, k) + k log p + (n - k) log(1 - p), exactly for the float64 p given."""
    with decimal.localcontext() as ctx:
        ctx.prec = prec
        m = min(k, n - k)
        value = D(math.comb(n, m)).ln() if m > 0 else D(0)
        pd = D(p)
        if k:
            value += k * pd.ln()
        if n - k:
            value += (n - k) * (1 - pd).ln()
        return float(value)


def exact_normal_cdf(z, prec=60, depth=4000):
    """Phi(z) for z <= -3, from the continued fraction of erfc, in decimal arithmetic."""
    with decimal.localcontext() as ctx:
        ctx.prec = prec
        x = D(-z) / D(2).sqrt()
        tail = D(0)
        for k in range(
            depth, 0, -1
        ):  # erfc(x) = e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
            tail = (D(k) / 2) / (x + tail)
        erfc = (-x * x).exp() / PI.sqrt() / (x + tail)
        return float(erfc / 2)


# ---------------------------------------------------------------------------
# Defining properties
# ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(seeds)
def test_pmfs_sum_to_one(seed):
    rng = np.random.default_rng(seed)
    p = float(rng.random())
    assert Bernoulli(p).pmf([0, 1]).sum() == pytest.approx(1.0, abs=1e-15)
    n = int(rng.integers(0, 3000))
    np.testing.assert_allclose(Binomial(n, p).pmf(np.arange(n + 1)).sum(), 1.0, rtol=1e-13)
    q = random_probs(rng, int(rng.integers(1, 50)), zeros=0.3)
    np.testing.assert_allclose(Categorical(q).pmf(np.arange(q.size)).sum(), 1.0, rtol=1e-14)


@pytest.mark.parametrize(
    "dist, lo, hi",
    [
        (Normal(0.3, 1.7), 0.3 - 15 * 1.7, 0.3 + 15 * 1.7),
        (Normal(-2.0, 1e-3), -2.0 - 0.015, -2.0 + 0.015),
        (Uniform(-1.0, 3.0), -1.0, 3.0),
    ],
)
def test_pdfs_integrate_to_one(dist, lo, hi):
    assert simpson(dist.pdf, lo, hi) == pytest.approx(1.0, abs=1e-7)


def test_multivariate_pdf_integrates_to_one():
    X = MultivariateNormal([0.5, -1.0], [[2.0, 0.8], [0.8, 1.0]])
    t = np.linspace(-12, 12, 801)
    grid = np.stack(np.meshgrid(t + 0.5, t - 1.0, indexing="ij"), axis=-1)
    h = t[1] - t[0]
    assert X.pdf(grid).sum() * h * h == pytest.approx(1.0, abs=1e-8)


@settings(max_examples=40, deadline=None)
@given(seeds)
def test_cdfs_increase_from_zero_to_one(seed):
    rng = np.random.default_rng(seed)
    mu, sigma = rng.normal() * 10, float(np.exp(rng.normal() * 3))
    a = rng.normal()
    dists = [
        Bernoulli(float(rng.random())),
        Binomial(int(rng.integers(0, 200)), float(rng.random())),
        Categorical(random_probs(rng, 7, zeros=0.3)),
        Uniform(a, a + float(rng.exponential()) + 1e-3),
        Normal(mu, sigma),
    ]
    x = np.sort(np.concatenate([rng.normal(size=300) * 50, rng.normal(size=300) * 3, np.arange(-2, 201)]))
    for X in dists:
        F = X.cdf(x)
        assert np.all(np.diff(F) >= 0), X
        assert X.cdf(-np.inf) == 0.0
        assert X.cdf(np.inf) == pytest.approx(1.0, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(seeds)
def test_discrete_cdf_is_the_running_sum_of_the_pmf(seed):
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(1, 150)), float(rng.random())
    for X, top in [(Binomial(n, p), n), (Categorical(random_probs(rng, 9, zeros=0.3)), 8)]:
        k = np.arange(top + 1)
        running = np.cumsum(X.pmf(k))
        np.testing.assert_allclose(X.cdf(k), running, rtol=1e-12, atol=1e-300)
        np.testing.assert_allclose(X.cdf(k + 0.5), X.cdf(k))  # a step function, right-continuous


@settings(max_examples=40, deadline=None)
@given(seeds)
def test_logpmf_and_logpdf_are_the_logs_where_nothing_underflows(seed):
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(1, 500)), float(rng.random())
    k = np.arange(n + 1)
    for X in [Binomial(n, p), Bernoulli(p), Categorical(random_probs(rng, n + 1, zeros=0.2))]:
        pmf = X.pmf(k)
        ok = pmf > 1e-300
        np.testing.assert_allclose(X.logpmf(k)[ok], np.log(pmf[ok]), rtol=1e-13, atol=1e-13)
        # where the pmf underflows to 0, the log stays finite (below log of the smallest float64)
        assert np.all(X.logpmf(k)[pmf == 0] < -708)
    x = rng.normal(size=50) * 5
    N = Normal(float(rng.normal()), float(rng.exponential()) + 0.1)
    ok = N.pdf(x) > 1e-300
    # Near log f = 0 the oracle log(pdf) itself is only good to a few 1e-17 absolute (seed 51671:
    # log f = -2.2e-4 with both sides 3e-13 relative from a 50-digit reference): hence the atol.
    np.testing.assert_allclose(N.logpdf(x)[ok], np.log(N.pdf(x)[ok]), rtol=1e-13, atol=1e-15)


def test_out_of_support_values_have_probability_zero():
    for X in [Bernoulli(0.3), Binomial(5, 0.3), Categorical([0.2, 0.8])]:
        bad = np.array([2.5, -1.0, 7.0, 1e300, -np.inf, np.inf])
        np.testing.assert_array_equal(X.pmf(bad), 0.0)
        np.testing.assert_array_equal(X.logpmf(bad), -np.inf)
    assert Uniform(0.0, 1.0).pdf(1.5) == 0.0
    assert Uniform(0.0, 1.0).logpdf(-0.5) == -np.inf
    assert Normal(0.0, 1.0).pdf(np.inf) == 0.0


@settings(max_examples=40, deadline=None)
@given(seeds)
def test_discrete_mean_and_var_are_those_of_the_pmf_table(seed):
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(0, 300)), float(rng.random())
    for X, top in [
        (Bernoulli(p), 1),
        (Binomial(n, p), n),
        (Categorical(random_probs(rng, 11, zeros=0.3)), 10),
    ]:
        k = np.arange(top + 1.0)
        pmf = X.pmf(k)
        pmf = pmf / pmf.sum()
        np.testing.assert_allclose(X.mean(), expected_value(k, pmf), rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(X.var(), variance(k, pmf), rtol=1e-10, atol=1e-14)


def test_continuous_mean_and_var_are_integrals():
    for X, lo, hi in [(Normal(1.5, 0.7), 1.5 - 12 * 0.7, 1.5 + 12 * 0.7), (Uniform(-2.0, 5.0), -2.0, 5.0)]:
        mean = simpson(lambda x, X=X: x * X.pdf(x), lo, hi)
        second = simpson(lambda x, X=X: x * x * X.pdf(x), lo, hi)
        assert X.mean() == pytest.approx(mean, rel=1e-8)
        assert X.var() == pytest.approx(second - mean**2, rel=1e-7)
        entropy_integral = simpson(
            lambda x, X=X: -X.pdf(x) * np.where(X.pdf(x) > 0, X.logpdf(x), 0.0), lo, hi
        )
        assert X.entropy() == pytest.approx(entropy_integral, rel=1e-7)


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_entropy_is_between_zero_and_log_k(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 40))
    p = random_probs(rng, k, zeros=0.3, tiny=0.1)
    h = entropy(p)
    assert 0.0 <= h <= math.log(k) + 1e-12
    assert Categorical(p).entropy() == h
    assert entropy(np.full(k, 1 / k)) == pytest.approx(math.log(k), rel=1e-13, abs=1e-15)
    assert entropy(np.eye(k)[0]) == 0.0
    n, q = int(rng.integers(0, 300)), float(rng.random())
    assert Binomial(n, q).entropy() >= 0.0
    assert Bernoulli(q).entropy() >= 0.0


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_kl_is_nonnegative_and_zero_only_for_equal_vectors(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 30))
    p, q = random_probs(rng, k, zeros=0.2), random_probs(rng, k)
    assert kl_divergence(p, p) == 0.0
    assert kl_divergence(p, q) > 0.0
    assert kl_divergence(q, p) >= 0.0
    # Gibbs' inequality: cross-entropy is never below entropy, with the KL divergence as the gap
    assert cross_entropy(p, q) >= entropy(p)
    np.testing.assert_allclose(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), rtol=1e-12, atol=1e-15)


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_bayes_posterior_is_a_distribution_proportional_to_prior_times_likelihood(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 20))
    prior, likelihood = random_probs(rng, k, zeros=0.2), rng.random(k) * 10
    post = bayes_posterior(prior, likelihood)
    assert post.sum() == pytest.approx(1.0, abs=1e-14)
    np.testing.assert_allclose(post, prior * likelihood / (prior @ likelihood), rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(
        bayes_posterior(prior, np.full(k, 0.3)), prior, rtol=1e-14
    )  # uninformative data
    # Bayes is conditioning the joint table P(H = k, D = d) on the observed d.
    lik_table = rng.random((k, 3))
    lik_table /= lik_table.sum(axis=1, keepdims=True)
    joint = prior[:, None] * lik_table
    for d in range(3):
        if joint[:, d].any():
            np.testing.assert_allclose(
                bayes_posterior(prior, lik_table[:, d]), conditional(joint, 1, d), rtol=1e-12
            )


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_marginals_and_conditionals_rebuild_the_joint(seed):
    rng = np.random.default_rng(seed)
    shape = tuple(int(s) for s in rng.integers(1, 5, size=3))
    joint = random_probs(rng, int(np.prod(shape)), zeros=0.2).reshape(shape)
    for axis in range(3):
        m = marginal(joint, axis)
        assert m.shape == (shape[axis],)
        assert m.sum() == pytest.approx(1.0, abs=1e-14)
        for i in np.flatnonzero(m):
            # chain rule: P(X = i, rest) = P(X = i) P(rest | X = i)
            c = conditional(joint, axis, int(i))
            assert c.sum() == pytest.approx(1.0, abs=1e-14)
            np.testing.assert_allclose(m[i] * c, np.take(joint, i, axis=axis), rtol=1e-13, atol=1e-300)
    # independent variables: the joint is the outer product of its marginals
    a, b = random_probs(rng, 3), random_probs(rng, 4)
    np.testing.assert_allclose(marginal(np.outer(a, b), 0), a, rtol=1e-14)
    np.testing.assert_allclose(marginal(np.outer(a, b), -1), b, rtol=1e-14)
    np.testing.assert_allclose(conditional(np.outer(a, b), 0, 2), b, rtol=1e-14)


def test_multivariate_normal_with_diagonal_cov_is_a_product_of_normals(rng):
    mu, sigma = rng.normal(size=3), rng.exponential(size=3) + 0.1
    X = MultivariateNormal(mu, np.diag(sigma**2))
    x = rng.normal(size=(20, 3)) * 3
    expected = sum(Normal(m, s).logpdf(x[:, i]) for i, (m, s) in enumerate(zip(mu, sigma, strict=True)))
    np.testing.assert_allclose(X.logpdf(x), expected, rtol=1e-13)
    assert X.entropy() == pytest.approx(sum(Normal(m, s).entropy() for m, s in zip(mu, sigma, strict=True)))


def test_a_one_dimensional_multivariate_normal_is_a_normal():
    X, N = MultivariateNormal([2.0], [[9.0]]), Normal(2.0, 3.0)
    x = np.linspace(-10, 10, 41)
    np.testing.assert_allclose(X.logpdf(x[:, None]), N.logpdf(x), rtol=1e-14)
    assert X.entropy() == pytest.approx(N.entropy(), rel=1e-15)


# ---------------------------------------------------------------------------
# Agreement with SciPy (and exact oracles where SciPy loses digits)
# ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_bernoulli_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    p = float(rng.choice([rng.random(), 10 ** rng.uniform(-300, 0), 1 - 10 ** rng.uniform(-16, 0)]))
    X, ref = Bernoulli(p), stats.bernoulli(p)
    k = np.array([-1.0, 0.0, 0.5, 1.0, 2.0])
    np.testing.assert_allclose(X.pmf(k), ref.pmf(k), rtol=1e-13)  # SciPy's 1 - p is off by 3e-14
    with np.errstate(divide="ignore"):
        np.testing.assert_allclose(X.logpmf(k), ref.logpmf(k), rtol=1e-13)
    np.testing.assert_allclose(X.cdf(k), ref.cdf(k), rtol=1e-15)
    assert X.mean() == pytest.approx(ref.mean(), rel=1e-15)
    assert X.var() == pytest.approx(ref.var(), rel=1e-15)
    # SciPy's entropy loses everything for p below ~1e-17; compare with the formula there.
    expected = float(special.entr(p) + special.entr(1 - p)) if p > 1e-8 else p * (1 - math.log(p))
    assert X.entropy() == pytest.approx(expected, rel=1e-8 if p <= 1e-8 else 1e-13)


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_binomial_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    # SciPy's relative error reaches 1.3e-10 at n = 63569 (p = 4.9e-5, k = 2), 1e-8 at n = 1e8: the
    # exact oracle below checks the digits, this checks the agreement
    n = int(10 ** rng.uniform(0, 5))
    p = float(rng.choice([rng.random(), 10 ** rng.uniform(-12, 0)]))
    X, ref = Binomial(n, p), stats.binom(n, p)
    sd = math.sqrt(n * p * (1 - p)) + 1
    k = np.unique(np.clip(np.round(n * p + rng.normal(size=30) * sd * rng.choice([1, 5, 20], 30)), 0, n))
    np.testing.assert_allclose(X.logpmf(k), ref.logpmf(k), rtol=1e-9)
    np.testing.assert_allclose(X.pmf(k), ref.pmf(k), rtol=1e-8, atol=1e-300)
    # SciPy's binom.cdf underflows to 0 far in the lower tail (seed 343: 0.0 where the exact value,
    # checked with fractions, is 8.6e-266); below 1e-250 the exact-value tests judge the digits.
    np.testing.assert_allclose(X.cdf(k), ref.cdf(k), rtol=1e-8, atol=1e-250)
    # SciPy's variance can be off by 1e-14 (n = 10061, p = 0.99156): compare with the exact value too
    assert X.mean() == pytest.approx(float(n * Fraction(p)), rel=2.3e-16)
    assert X.var() == pytest.approx(float(n * Fraction(p) * (1 - Fraction(p))), rel=4.5e-16)
    assert X.mean() == pytest.approx(ref.mean(), rel=1e-13)
    assert X.var() == pytest.approx(ref.var(), rel=1e-12)
    if n <= 10_000:  # SciPy's entropy sums over the whole support
        assert X.entropy() == pytest.approx(ref.entropy(), rel=1e-10, abs=1e-14)


@settings(max_examples=30, deadline=None)
@given(seeds)
def test_binomial_logpmf_matches_the_exact_value(seed):
    # SciPy's binom.logpmf loses digits as n grows, and its sign from n near 1e10:
    # compare with the exact value, for moderate n anywhere and for huge n near the ends.
    rng = np.random.default_rng(seed)
    n = int(10 ** rng.uniform(0, 5))
    p = float(rng.choice([rng.random(), 10 ** rng.uniform(-12, 0), 1 - 10 ** rng.uniform(-12, 0)]))
    sd = math.sqrt(n * p * (1 - p)) + 1
    k = np.unique(np.clip(np.round(n * p + rng.normal(size=8) * sd * rng.choice([1, 5, 20], 8)), 0, n))
    expected = [exact_binomial_logpmf(int(j), n, p) for j in k]
    np.testing.assert_allclose(Binomial(n, p).logpmf(k), expected, rtol=2e-15, atol=1e-300)
    n = int(10 ** rng.uniform(9, math.log10(2**53)))
    p = float(10 ** rng.uniform(-15, -8))
    k = int(rng.integers(0, 300))
    for kk, pp in [(k, p), (n - k, 1 - p)]:
        expected = exact_binomial_logpmf(kk, n, pp)
        assert Binomial(n, pp).logpmf(kk) == pytest.approx(expected, rel=2e-15, abs=1e-300)


def test_binomial_logpmf_is_exact_over_the_whole_support():
    for n, p in [(1000, 0.5), (1000, 0.3), (57, 0.9), (2000, 1e-3), (30, 1e-12)]:
        k = np.arange(n + 1)
        expected = np.array([exact_binomial_logpmf(j, n, p) for j in k])
        np.testing.assert_allclose(Binomial(n, p).logpmf(k), expected, rtol=2e-15, atol=1e-300)


def test_binomial_cdf_and_entropy_match_exact_sums():
    for n, p in [(40, 0.3), (200, 0.5), (150, 0.02), (60, 0.97)]:
        P, Q = Fraction(p), 1 - Fraction(p)
        terms = [math.comb(n, j) * P**j * Q ** (n - j) for j in range(n + 1)]
        running = np.array([float(x) for x in np.cumsum(np.array(terms, dtype=object))])
        # exp(log value) carries a relative error of |log value| eps: allow that, plus a little
        rtol = 4 * (1 + np.abs(np.log(running))) * EPS
        assert np.all(np.abs(Binomial(n, p).cdf(np.arange(n + 1)) - running) <= rtol * running)
        with decimal.localcontext() as ctx:
            ctx.prec = 50
            H = -sum(
                D(t.numerator) / D(t.denominator) * (D(t.numerator) / D(t.denominator)).ln()
                for t in terms
                if t
            )
        assert Binomial(n, p).entropy() == pytest.approx(float(H), rel=1e-14)


def test_binomial_cdf_lower_tail_keeps_its_digits():
    # P(X <= 400) for Binomial(1000, 1/2), exactly: sum of C(1000, j) / 2^1000
    exact = float(Fraction(sum(math.comb(1000, j) for j in range(401)), 2**1000))
    assert Binomial(1000, 0.5).cdf(400) == pytest.approx(exact, rel=1e-14)
    assert Binomial(1000, 0.5).cdf(10) == pytest.approx(
        float(Fraction(sum(math.comb(1000, j) for j in range(11)), 2**1000)), rel=1e-14
    )


def test_binomial_at_the_edges_of_float64():
    rare = Binomial(10**6, 1e-12)
    assert rare.pmf(0) == pytest.approx(math.exp(10**6 * math.log1p(-1e-12)), rel=1e-15)
    assert rare.logpmf(1) == pytest.approx(exact_binomial_logpmf(1, 10**6, 1e-12), rel=1e-15)
    assert rare.logpmf(10**6) == pytest.approx(10**6 * math.log(1e-12), rel=1e-15)
    assert rare.cdf(0) == pytest.approx(rare.pmf(0), rel=1e-15)
    assert rare.entropy() == pytest.approx(
        -sum(math.exp(v) * v for v in (exact_binomial_logpmf(j, 10**6, 1e-12) for j in range(8))), rel=1e-13
    )
    huge = Binomial(2**53, 0.5)
    assert huge.logpmf(2**52) == pytest.approx(-0.5 * math.log(math.pi * 2**52), rel=1e-14)
    assert huge.mean() == 2.0**52
    assert Binomial(0, 0.3).pmf(0) == 1.0
    assert Binomial(7, 0.0).pmf(0) == 1.0 and Binomial(7, 1.0).pmf(7) == 1.0
    assert Binomial(7, 1.0).cdf(6) == 0.0 and Binomial(7, 0.0).cdf(0) == 1.0
    assert Binomial(7, 0.0).entropy() == 0.0
    assert Binomial(1, 5e-324).cdf(0) == 1.0 and Binomial(1, 5e-324).entropy() == pytest.approx(
        5e-324 * (1 - math.log(5e-324)),
        rel=1e-2,  # a subnormal holds few digits
    )


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_categorical_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    p = random_probs(rng, int(rng.integers(1, 30)), zeros=0.3)
    k = np.arange(p.size)
    X, ref = Categorical(p), stats.rv_discrete(values=(k, p))
    x = np.concatenate([k, k + 0.5, [-1.0, -0.5, p.size + 3.0]])
    np.testing.assert_allclose(X.pmf(x), ref.pmf(x), rtol=1e-15)
    np.testing.assert_allclose(X.cdf(x), ref.cdf(x), rtol=1e-13, atol=1e-15)
    assert X.mean() == pytest.approx(ref.mean(), rel=1e-12, abs=1e-14)
    assert X.var() == pytest.approx(ref.var(), rel=1e-10, abs=1e-14)
    assert X.entropy() == pytest.approx(ref.entropy(), rel=1e-13, abs=1e-15)


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_uniform_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    scale = 10 ** rng.uniform(-150, 150)
    a, width = rng.normal() * scale, float(rng.exponential()) * scale + 1e-300
    b = a + width
    X, ref = Uniform(a, b), stats.uniform(loc=a, scale=b - a)
    x = a + (b - a) * np.concatenate([rng.uniform(-0.5, 1.5, size=50), [0.0, 1.0]])
    x = np.append(x, [a, b])
    np.testing.assert_allclose(X.pdf(x), ref.pdf(x), rtol=1e-14)
    with np.errstate(divide="ignore"):
        np.testing.assert_allclose(X.logpdf(x), ref.logpdf(x), rtol=1e-14)
    np.testing.assert_allclose(X.cdf(x), ref.cdf(x), rtol=1e-13, atol=1e-16)
    assert X.mean() == pytest.approx(ref.mean(), rel=1e-14, abs=1e-14 * abs(a))
    assert X.var() == pytest.approx(ref.var(), rel=1e-14)
    assert X.entropy() == pytest.approx(ref.entropy(), rel=1e-14, abs=1e-14)


@settings(max_examples=80, deadline=None)
@given(seeds)
def test_normal_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    sigma = float(10 ** rng.uniform(-300, 300))
    mu = float(rng.normal() * 10 ** rng.uniform(-300, 300))
    X, ref = Normal(mu, sigma), stats.norm(mu, sigma)
    z = np.concatenate([rng.normal(size=40) * 3, rng.uniform(-35, 35, size=20), [0.0]])
    x = mu + sigma * z
    np.testing.assert_allclose(X.logpdf(x), ref.logpdf(x), rtol=1e-12, atol=1e-12)
    # the cdf's relative error is about z^2 eps (its conditioning), in both implementations
    cdf, expected = X.cdf(x), ref.cdf(x)
    assert np.all(np.abs(cdf - expected) <= 4 * (1 + z**2) * EPS * expected + 1e-300)
    assert X.mean() == mu
    if math.isfinite(sigma * sigma):  # Python floats: inf on overflow, no warning
        assert X.var() == pytest.approx(ref.var(), rel=1e-15)
    else:  # sigma^2 beyond float64: SciPy says inf, a clear error here
        with pytest.raises(ValueError, match=r"^Normal.var: sigma\*\*2 .* overflows float64"):
            X.var()
    assert X.entropy() == pytest.approx(ref.entropy(), rel=1e-14, abs=1e-14)
    ok = np.abs(ref.logpdf(x)) < 700  # pdf representable
    np.testing.assert_allclose(X.pdf(x)[ok], ref.pdf(x)[ok], rtol=1e-11)


def test_normal_far_tails():
    N = Normal(0.0, 1.0)
    for x in [1e5, -1e5, 1e150, 3.7e153]:  # 1e5 sigmas and beyond: finite, where log(pdf) is -inf
        np.testing.assert_allclose(N.logpdf(x), stats.norm.logpdf(x), rtol=1e-15)
        assert np.isfinite(N.logpdf(x))
    # z^2 overflows at z = 1.5e154, z^2 / 2 = 1.125e308 does not
    assert N.logpdf(1.5e154) == pytest.approx(-1.125e308, rel=1e-15)
    assert N.logpdf(1e5) == pytest.approx(-5e9, rel=1e-9)
    for mu, sigma in [(0.0, 1.0), (3e-199, 1e-200), (-1e200, 1e195), (7.0, 1e300)]:
        X = Normal(mu, sigma)
        for z in [-30.0, -20.0, -37.5]:
            x = mu + z * sigma
            z_exact = (x - mu) / sigma
            np.testing.assert_allclose(np.log(X.cdf(x)), stats.norm.logcdf(z_exact), rtol=1e-14)
            assert X.cdf(x) == pytest.approx(exact_normal_cdf(z_exact), rel=2 * (1 + z**2) * EPS)
    assert N.cdf(-40.0) == 0.0  # 3.6e-350 is below the smallest float64
    assert N.cdf(40.0) == 1.0


@settings(max_examples=40, deadline=None)
@given(seeds, st.integers(1, 5))
def test_multivariate_normal_matches_scipy(seed, d):
    rng = np.random.default_rng(seed)
    mean, cov = rng.normal(size=d), random_cov(rng, d)
    X, ref = MultivariateNormal(mean, cov), stats.multivariate_normal(mean, cov)
    x = mean + rng.normal(size=(30, d)) * rng.choice([1, 10, 1000], size=(30, 1))
    np.testing.assert_allclose(X.logpdf(x), ref.logpdf(x), rtol=1e-11)
    # exp carries the absolute error of the log density into a relative one
    pdf, expected = X.pdf(x[:5]), ref.pdf(x[:5])
    assert np.all(np.abs(pdf - expected) <= 1e-11 * (1 + np.abs(ref.logpdf(x[:5]))) * expected + 1e-300)
    assert X.logpdf(x[0]) == pytest.approx(ref.logpdf(x[0]), rel=1e-11)
    assert X.entropy() == pytest.approx(ref.entropy(), rel=1e-12, abs=1e-12)
    np.testing.assert_array_equal(X.mean(), mean)
    np.testing.assert_array_equal(X.cov(), cov)


@settings(max_examples=40, deadline=None)
@given(seeds, st.integers(1, 4), st.floats(-140, 140))  # s^2 cov stays a normal float64
def test_multivariate_normal_scales_exactly(seed, d, log_s):
    # Scaling x, mean by s and cov by s^2 shifts the log density by -d log s: an oracle
    # that holds at any scale, where SciPy's own answers are not checked.
    rng = np.random.default_rng(seed)
    mean, cov, x = rng.normal(size=d), random_cov(rng, d), rng.normal(size=(5, d)) * 3
    s = 10.0**log_s
    base = MultivariateNormal(mean, cov)
    scaled = MultivariateNormal(mean * s, cov * s * s)
    np.testing.assert_allclose(scaled.logpdf(x * s), base.logpdf(x) - d * math.log(s), rtol=1e-11, atol=1e-9)
    assert scaled.entropy() == pytest.approx(base.entropy() + d * math.log(s), rel=1e-11, abs=1e-9)


def test_multivariate_normal_at_the_edges_of_float64():
    X = MultivariateNormal([1e308, -1e308], [[1e308, 0.0], [0.0, 1e308]])
    assert X.logpdf([1e308, -1e308]) == pytest.approx(-math.log(2 * math.pi) - math.log(1e308), rel=1e-15)
    assert X.logpdf([-1e308, 1e308]) == -np.inf  # the true value, -4e308, is below -1.8e308
    assert X.logpdf([np.inf, 0.0]) == -np.inf
    Y = MultivariateNormal([0.0, 0.0], [[1e-300, 0.0], [0.0, 4e-300]])  # det 4e-600 underflows
    log_det = math.log(1e-300) + math.log(4e-300)
    assert Y.logpdf([1e-150, 2e-150]) == pytest.approx(
        -1.0 - math.log(2 * math.pi) - 0.5 * log_det, rel=1e-15
    )


@settings(max_examples=80, deadline=None)
@given(seeds)
def test_information_functions_match_scipy(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 40))
    p = random_probs(rng, k, zeros=0.3, tiny=0.1)
    q = random_probs(rng, k, zeros=0.1, tiny=0.1)
    assert entropy(p) == pytest.approx(stats.entropy(p), rel=1e-13, abs=1e-300)
    assert entropy(p, base=2) == pytest.approx(stats.entropy(p, base=2), rel=1e-13, abs=1e-300)
    with np.errstate(divide="ignore", over="ignore"):
        expected_kl = float(np.sum(special.rel_entr(p, q)))
        expected_ce = float(-np.sum(special.xlogy(p, q)))
    if np.isinf(expected_kl):
        assert kl_divergence(p, q) == np.inf and cross_entropy(p, q) == np.inf
    else:
        assert kl_divergence(p, q) == pytest.approx(expected_kl, rel=1e-12, abs=1e-15)
        assert cross_entropy(p, q) == pytest.approx(expected_ce, rel=1e-13)
        assert kl_divergence(p, q, base=10) == pytest.approx(expected_kl / math.log(10), rel=1e-12, abs=1e-15)


@settings(max_examples=80, deadline=None)
@given(seeds)
def test_expected_value_and_variance_match_numpy(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 40))
    values = rng.normal(size=k) * 10 ** rng.uniform(-100, 100)
    probs = random_probs(rng, k, zeros=0.2)
    mean = np.average(values, weights=probs)
    assert expected_value(values, probs) == pytest.approx(mean, rel=1e-12, abs=1e-12 * np.abs(values).max())
    assert variance(values, probs) == pytest.approx(
        np.average((values - mean) ** 2, weights=probs), rel=1e-10, abs=1e-24 * np.abs(values).max() ** 2
    )


def test_expected_value_and_variance_match_exact_fractions(rng):
    values = rng.integers(-50, 50, size=12)
    weights = rng.integers(0, 9, size=12)
    weights[0] = 5
    P = [Fraction(int(w), int(weights.sum())) for w in weights]
    mean = sum(Fraction(int(v)) * pk for v, pk in zip(values, P, strict=True))
    var = sum((Fraction(int(v)) - mean) ** 2 * pk for v, pk in zip(values, P, strict=True))
    probs = np.array([float(x) for x in P])
    assert expected_value(values, probs) == pytest.approx(float(mean), rel=1e-14)
    assert variance(values, probs) == pytest.approx(float(var), rel=1e-14)


@settings(max_examples=60, deadline=None)
@given(seeds)
def test_bayes_marginal_conditional_match_direct_numpy(seed):
    rng = np.random.default_rng(seed)
    shape = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(2, 5))))
    joint = random_probs(rng, int(np.prod(shape)), zeros=0.1).reshape(shape)
    ndim = len(shape)
    axis = int(rng.integers(ndim))
    others = tuple(a for a in range(ndim) if a != axis)
    np.testing.assert_allclose(marginal(joint, axis), joint.sum(axis=others), rtol=1e-14)
    keep = tuple(int(a) for a in rng.permutation(ndim)[:2])
    summed = joint.sum(axis=tuple(a for a in range(ndim) if a not in keep))
    expected = summed if keep[0] < keep[1] else summed.T
    np.testing.assert_allclose(marginal(joint, keep), expected, rtol=1e-14)
    index = int(rng.integers(shape[axis]))
    part = np.take(joint, index, axis=axis)
    if part.sum() > 0:
        np.testing.assert_allclose(conditional(joint, axis, index), part / part.sum(), rtol=1e-13)
    prior, lik = random_probs(rng, 6), rng.random(6)
    np.testing.assert_allclose(bayes_posterior(prior, lik), prior * lik / np.sum(prior * lik), rtol=1e-13)


# ---------------------------------------------------------------------------
# Sampling: the law of large numbers, for a fixed seed
# ---------------------------------------------------------------------------

N_DRAWS = 200_000


def central_moments(values, probs):
    mean = values @ probs
    return mean, ((values - mean) ** 2) @ probs, ((values - mean) ** 4) @ probs


@pytest.mark.parametrize(
    "X, values",
    [
        (Bernoulli(0.3), np.arange(2.0)),
        (Bernoulli(0.001), np.arange(2.0)),
        (Binomial(20, 0.35), np.arange(21.0)),
        (Binomial(10**6, 1e-5), np.arange(200.0)),
        (Categorical([0.1, 0.0, 0.2, 0.7]), np.arange(4.0)),
    ],
    ids=repr,
)
def test_discrete_samples_obey_the_law_of_large_numbers(X, values, rng):
    draws = X.sample(rng, size=N_DRAWS)
    assert draws.shape == (N_DRAWS,) and draws.dtype == np.int64
    probs = X.pmf(values)
    mean, var, fourth = central_moments(values, probs)
    # |sample mean - mean| < 5 sd / sqrt(n); the sample variance has sd sqrt((mu4 - var^2) / n)
    assert abs(draws.mean() - mean) < 5 * math.sqrt(var / N_DRAWS)
    assert abs(draws.var() - var) < 5 * math.sqrt((fourth - var**2) / N_DRAWS) + 1e-12
    counts = np.bincount(draws, minlength=values.size)[: values.size]
    frequency_sd = np.sqrt(probs * (1 - probs) / N_DRAWS)
    assert np.all(np.abs(counts / N_DRAWS - probs) <= 5 * frequency_sd)
    assert np.all(counts[probs == 0] == 0)


@pytest.mark.parametrize(
    "X, scale",
    [
        (Normal(3.0, 2.0), 1.0),
        (Normal(-1e200, 1e195), 1e195),
        (Uniform(-1.0, 5.0), 1.0),
        (Uniform(-1e308, 1e308), 1e308),
    ],
    ids=repr,
)
def test_continuous_samples_obey_the_law_of_large_numbers(X, scale, rng):
    draws = X.sample(rng, size=N_DRAWS)
    assert draws.shape == (N_DRAWS,) and draws.dtype == np.float64
    assert np.all(np.isfinite(draws))
    # moments of draws / scale, which are all representable
    mean = X.mean() / scale
    if isinstance(X, Normal):
        var = (X.sigma / scale) ** 2
        fourth = 3 * var**2
    else:
        assert np.all((draws >= X.a) & (draws <= X.b))
        half = X.b / scale / 2 - X.a / scale / 2
        var, fourth = half**2 / 3, half**4 / 5
    draws = draws / scale
    assert abs(draws.mean() - mean) < 5 * math.sqrt(var / N_DRAWS)
    assert abs(draws.var() - var) < 5 * math.sqrt((fourth - var**2) / N_DRAWS)


def test_multivariate_samples_obey_the_law_of_large_numbers(rng):
    mean, cov = np.array([1.0, -2.0, 0.5]), np.array([[2.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 0.5]])
    draws = MultivariateNormal(mean, cov).sample(rng, size=N_DRAWS)
    assert draws.shape == (N_DRAWS, 3)
    sd = np.sqrt(np.diag(cov) / N_DRAWS)
    assert np.all(np.abs(draws.mean(axis=0) - mean) < 5 * sd)
    # the sample covariance entry (i, j) has variance (cov_ii cov_jj + cov_ij^2) / n for a Gaussian
    sample_cov = np.cov(draws, rowvar=False)
    bound = 5 * np.sqrt((np.outer(np.diag(cov), np.diag(cov)) + cov**2) / N_DRAWS)
    assert np.all(np.abs(sample_cov - cov) < bound)


def test_singular_multivariate_samples_lie_on_the_line(rng):
    X = MultivariateNormal([1.0, 2.0], [[1.0, 2.0], [2.0, 4.0]])  # x2 - 2 = 2 (x1 - 1)
    draws = X.sample(rng, size=1000)
    np.testing.assert_allclose(draws[:, 1] - 2.0, 2 * (draws[:, 0] - 1.0), atol=1e-12)
    assert abs(draws[:, 0].std() - 1.0) < 0.1
    assert np.all(MultivariateNormal([3.0], [[0.0]]).sample(rng, size=5) == 3.0)


def test_sample_shapes_and_reproducibility():
    for X in [Bernoulli(0.5), Binomial(5, 0.5), Categorical([0.5, 0.5]), Uniform(0, 1), Normal(0, 1)]:
        one = X.sample(np.random.default_rng(1))
        assert isinstance(one, int if isinstance(X, (Bernoulli, Binomial, Categorical)) else float)
        assert X.sample(np.random.default_rng(1), size=(2, 3)).shape == (2, 3)
        assert X.sample(np.random.default_rng(1), size=0).shape == (0,)
        np.testing.assert_array_equal(
            X.sample(np.random.default_rng(7), 10), X.sample(np.random.default_rng(7), 10)
        )
    X = MultivariateNormal([0.0, 0.0, 0.0], np.eye(3))
    assert X.sample(np.random.default_rng(1)).shape == (3,)
    assert X.sample(np.random.default_rng(1), size=(4, 2)).shape == (4, 2, 3)


# ---------------------------------------------------------------------------
# Every formula and claim in the Notes
# ---------------------------------------------------------------------------


def test_bernoulli_notes():
    X = Bernoulli(0.25)
    assert (X.pmf(1), X.pmf(0), X.mean(), X.var()) == (0.25, 0.75, 0.25, 0.25 * 0.75)
    assert X.entropy() == pytest.approx(-0.25 * math.log(0.25) - 0.75 * math.log(0.75), rel=1e-15)
    assert Bernoulli(1e-20).logpmf(0) == -1e-20  # log1p(-p); log(1 - p) would be 0.0
    assert math.log(1 - 1e-20) == 0.0
    rng_a, rng_b = np.random.default_rng(3), np.random.default_rng(3)
    np.testing.assert_array_equal(X.sample(rng_a, 50), (rng_b.random(50) < 0.25).astype(int))


def test_binomial_notes():
    n, p = 30, 0.3
    k = np.arange(n + 1)
    direct = np.array([math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in k])
    np.testing.assert_allclose(Binomial(n, p).pmf(k), direct, rtol=1e-13)
    assert (Binomial(n, p).mean(), Binomial(n, p).var()) == (n * p, n * p * (1 - p))
    # the direct form fails: C(1030, 515) overflows float64, lgamma loses digits for large n
    with pytest.raises(OverflowError):
        float(math.comb(1030, 515))
    float(math.comb(1029, 514))
    n_big = 10**15
    lgamma_form = math.lgamma(n_big + 1) - math.lgamma(n_big / 2 + 1) * 2 + n_big * math.log(0.5)
    exact = -0.5 * math.log(math.pi * n_big / 2) - 1 / (4 * n_big)  # Stirling for the central term
    assert abs(lgamma_form - exact) > 1e-3
    assert Binomial(n_big, 0.5).logpmf(n_big // 2) == pytest.approx(exact, rel=1e-14)
    # SciPy loses digits, then the sign, near n = 1e10 and beyond
    n2, p2, k2 = 835812491709256, 2.776083573601774e-13, 262
    truth = exact_binomial_logpmf(k2, n2, p2)
    assert Binomial(n2, p2).logpmf(k2) == pytest.approx(truth, rel=1e-14)
    assert abs(stats.binom.logpmf(k2, n2, p2) - truth) > 1.0
    n3, p3, k3 = 536945, 0.16939894460449567, 90606  # a case hypothesis found
    truth = exact_binomial_logpmf(k3, n3, p3)
    assert Binomial(n3, p3).logpmf(k3) == pytest.approx(truth, rel=2e-15)
    assert abs(stats.binom.logpmf(k3, n3, p3) / truth - 1) > 1e-10
    # the walk refuses beyond 1e7 terms, with a clear message
    with pytest.raises(ValueError, match=r"Binomial.cdf: the sum needs more than 1e\+07 terms"):
        Binomial(2**53, 0.5).cdf(2**52)
    with pytest.raises(ValueError, match=r"Binomial.entropy: .*Normal\(n p"):
        Binomial(2**53, 0.5).entropy()
    assert Binomial(2**53, 0.5).cdf(2**51) == 0.0  # far in the tail the walk is short


def test_loader_building_blocks_are_exact():
    # stirlerr(m) = log m! - (m + 1/2) log m + m - log sqrt(2 pi), in 60-digit arithmetic; for
    # m = 1e9 from six terms of Stirling's series, whose error there is below 1e-100.
    with decimal.localcontext() as ctx:
        ctx.prec = 60
        for m in [1, 2, 15, 16, 29, 30, 31, 35, 36, 80, 81, 500, 501, 10**4, 10**9]:
            if m <= 10**4:
                exact = (
                    D(math.factorial(m)).ln() - (D(m) + D("0.5")) * D(m).ln() + D(m) - (2 * PI).sqrt().ln()
                )
            else:
                coefficients = [
                    D(1) / 12,
                    -D(1) / 360,
                    D(1) / 1260,
                    -D(1) / 1680,
                    D(1) / 1188,
                    -D(691) / 360360,
                ]
                exact = sum(c / D(m) ** (2 * j + 1) for j, c in enumerate(coefficients))
            assert abs(float(_loader.stirlerr(float(m))) - float(exact)) < 3e-17, m
        for x, m in [
            (400.0, 500.0),
            (600.0, 500.0),
            (1.0, 1.0001),
            (3.0, 0.0399),
            (1e6, 1e6 - 0.5),
            (5.0, 1e-300),
        ]:
            exact = D(x) * (D(x) / D(m)).ln() + D(m) - D(x)
            assert float(_loader.bd0(x, m)) == pytest.approx(float(exact), rel=1e-14), (x, m)


def test_categorical_notes(rng):
    p = np.array([0.1, 0.0, 0.6, 0.3, 0.0])
    X = Categorical(p)
    np.testing.assert_array_equal(X.pmf(np.arange(5)), p)
    np.testing.assert_allclose(X.cdf(np.arange(5)), np.cumsum(p))
    assert X.mean() == pytest.approx(np.arange(5) @ p)
    assert X.entropy() == pytest.approx(-sum(x * math.log(x) for x in p if x))
    # sampling inverts the normalized cdf; trailing classes of probability 0 are never drawn
    u = np.random.default_rng(5).random(1000)
    edges = np.cumsum(p) / np.cumsum(p)[-1]
    edges[3:] = 1.0
    np.testing.assert_array_equal(
        X.sample(np.random.default_rng(5), 1000), np.searchsorted(edges, u, side="right")
    )
    # at the edges of the intervals too: u = F(k - 1) starts class k, and never a class with p = 0
    edge_cases = Categorical([0.0, 0.25, 0.0, 0.75, 0.0])
    u = np.array([0.0, np.nextafter(0.25, 0), 0.25, np.nextafter(1, 0)])
    np.testing.assert_array_equal(edge_cases._inverse_cdf(u), [1, 1, 3, 3])
    short = Categorical([0.3, 0.3, 0.4 - 1e-10])  # sums to 1 - 1e-10: accepted, used as given
    assert short.cdf(5) == pytest.approx(1 - 1e-10, abs=1e-16)
    assert np.all(short.sample(rng, 10_000) <= 2)
    assert short.pmf(2) == 0.4 - 1e-10


def test_uniform_notes(rng):
    X = Uniform(-1.0, 3.0)
    assert (X.pdf(0.0), X.cdf(0.0), X.mean(), X.var(), X.entropy()) == (0.25, 0.25, 1.0, 16 / 12, math.log(4))
    assert Uniform(0.0, 0.5).entropy() < 0
    wide = Uniform(-1e308, 1e308)  # b - a overflows
    assert wide.pdf(0.0) == 0.5 / 1e308
    assert wide.logpdf(0.0) == pytest.approx(-math.log(2) - math.log(1e308), rel=1e-15)
    np.testing.assert_allclose(wide.cdf([-1e308, -5e307, 0.0, 1e308]), [0.0, 0.25, 0.5, 1.0], rtol=1e-15)
    assert wide.mean() == 0.0  # (2e308)^2 / 12 is beyond float64: a clear error, not inf
    with pytest.raises(ValueError, match=r"^Uniform.var: the variance \(b - a\)\*\*2 / 12 overflows float64"):
        wide.var()
    assert Uniform(-1e154, 1e154).var() == pytest.approx(float(Fraction(2 * 10**154) ** 2 / 12), rel=1e-15)
    assert Uniform(0.0, 5e-324).logpdf(0.0) == pytest.approx(-math.log(5e-324), rel=1e-15)
    a, b = 2.0, 7.0
    np.testing.assert_array_equal(
        Uniform(a, b).sample(np.random.default_rng(3), 20), a + np.random.default_rng(3).random(20) * (b - a)
    )
    draws = wide.sample(rng, 1000) / 1e308
    assert np.all(np.isfinite(draws)) and abs(draws.mean()) < 0.2


def test_normal_notes():
    mu, sigma = 1.5, 2.5
    X = Normal(mu, sigma)
    x = np.linspace(-10, 10, 21)
    z = (x - mu) / sigma
    np.testing.assert_allclose(
        X.logpdf(x), -0.5 * z**2 - math.log(sigma) - 0.5 * math.log(2 * math.pi), rtol=1e-15
    )
    np.testing.assert_allclose(X.cdf(x), [0.5 * math.erfc(-v / math.sqrt(2)) for v in z], rtol=1e-15)
    assert X.entropy() == pytest.approx(0.5 * math.log(2 * math.pi * math.e * sigma**2), rel=1e-15)
    assert X.var() == sigma**2
    # the claims: logpdf(1e5) ~ -5e9 where log(pdf) is -inf; 1 - ... loses the lower tail
    with np.errstate(divide="ignore"):
        assert np.log(Normal(0, 1).pdf(1e5)) == -np.inf
    assert 1 - 0.5 * math.erfc(-30 / math.sqrt(2)) == 0.0
    assert Normal(0, 1).cdf(-30.0) == pytest.approx(4.906713927148187e-198, rel=1e-12)
    # x - mu overflows, z does not; sigma^2 overflows only when the variance does
    assert Normal(1e308, 1e300).logpdf(-1e308) == pytest.approx(
        -0.5 * 4e16 - math.log(1e300) - 0.5 * math.log(2 * math.pi), rel=1e-15
    )
    with pytest.raises(ValueError, match=r"^Normal.var: sigma\*\*2 for sigma=1e\+200 overflows float64"):
        Normal(0, 1e200).var()
    assert Normal(0, 1e150).var() == pytest.approx(1e300, rel=1e-15)
    assert Normal(0, 1e300).entropy() == pytest.approx(math.log(1e300) + 0.5 * (1 + math.log(2 * math.pi)))
    np.testing.assert_array_equal(
        X.sample(np.random.default_rng(3), 20), mu + sigma * np.random.default_rng(3).standard_normal(20)
    )


def test_multivariate_normal_notes(rng):
    d = 3
    mean, cov = rng.normal(size=d), random_cov(rng, d)
    X = MultivariateNormal(mean, cov)
    x = rng.normal(size=(10, d))
    diff = x - mean
    quad = np.einsum("ij,jk,ik->i", diff, np.linalg.inv(cov), diff)
    np.testing.assert_allclose(
        X.logpdf(x),
        -0.5 * quad - 0.5 * np.linalg.slogdet(cov)[1] - 0.5 * d * math.log(2 * math.pi),
        rtol=1e-12,
    )
    assert X.entropy() == pytest.approx(0.5 * np.linalg.slogdet(2 * math.pi * math.e * cov)[1], rel=1e-13)
    # sampling: mu + V Lambda^(1/2) z, with the eigendecomposition of cov / max|cov|
    s = np.abs(cov).max()
    lam, V = np.linalg.eigh(cov / s)
    z = np.random.default_rng(4).standard_normal((6, d))
    np.testing.assert_allclose(
        X.sample(np.random.default_rng(4), 6), mean + (z * np.sqrt(lam)) @ V.T * math.sqrt(s), rtol=1e-14
    )
    # tolerances: symmetric within 1e-10 of the largest entry; eigenvalues down to -2.2e-10 x largest
    MultivariateNormal([0, 0], [[1.0, 0.5 + 5e-11], [0.5, 1.0]])
    with pytest.raises(ValueError, match="cov must be symmetric"):
        MultivariateNormal([0, 0], [[1.0, 0.5 + 2e-10], [0.5, 1.0]])
    almost = np.array([[1.0, 1.0], [1.0, 1.0]]) + np.diag([0.0, -2e-10])  # smallest eigenvalue about -1e-10
    assert MultivariateNormal([0, 0], almost).sample(rng, 3).shape == (3, 2)
    with pytest.raises(ValueError, match="positive semidefinite"):
        MultivariateNormal([0, 0], np.array([[1.0, 1.0], [1.0, 1.0]]) + np.diag([0.0, -1e-9]))
    # singular: no density, but sampling works
    with pytest.raises(ValueError, match="singular"):
        MultivariateNormal([0, 0], almost).logpdf([0, 0])
    with pytest.raises(ValueError, match="singular"):
        MultivariateNormal([0, 0], np.zeros((2, 2))).entropy()
    with pytest.raises(ValueError, match="singular"):
        MultivariateNormal([0, 0], [[1.0, 0.0], [0.0, 1e-12]]).pdf([0, 0])
    assert np.isfinite(MultivariateNormal([0, 0], [[1.0, 0.0], [0.0, 1e-9]]).logpdf([0, 0]))
    # the same cuts as SciPy: singular at or below 2.2e-10 x largest, refused below -2.2e-10 x largest
    for small, singular, refused in [
        (3e-10, False, False),
        (2e-10, True, False),
        (-2e-10, True, False),
        (-3e-10, True, True),
    ]:
        cov = [[1.0, 0.0], [0.0, small]]
        if refused:
            with pytest.raises(ValueError, match="positive semidefinite"):
                MultivariateNormal([0, 0], cov)
            with pytest.raises(ValueError, match="positive semidefinite"):
                stats.multivariate_normal([0, 0], cov)
            continue
        if singular:
            with pytest.raises(ValueError, match="singular"):
                MultivariateNormal([0, 0], cov).logpdf([0, 0])
            with pytest.raises(np.linalg.LinAlgError):
                stats.multivariate_normal([0, 0], cov)
        else:
            assert MultivariateNormal([0, 0], cov).logpdf([0, 0]) == pytest.approx(
                stats.multivariate_normal([0, 0], cov).logpdf([0, 0]), rel=1e-14
            )


def test_expected_value_and_variance_notes():
    values, probs = np.array([1e9, 1e9 + 1]), np.array([0.5, 0.5])
    naive = probs @ values**2 - (probs @ values) ** 2
    assert naive == 0.0 and variance(values, probs) == 0.25
    # a partial sum overflows: values are scaled, and the mean is right
    assert expected_value([1.5e308, 1.5e308], [0.5, 0.5]) == 1.5e308
    assert expected_value([1.7e308, -1e308, 1.7e308], [0.5, 0.0, 0.5]) == 1.7e308
    # the squared deviation 1e400 overflows, the variance 1e300 does not
    assert variance([0.0, 1e200], [1 - 1e-100, 1e-100]) == pytest.approx(1e300, rel=1e-14)
    with pytest.raises(
        ValueError, match=r"^the variance of values overflows float64"
    ):  # 1e600: a true overflow
        variance([1e300, -1e300], [0.5, 0.5])
    assert expected_value([2, 4], [0.25, 0.75]) == np.average([2, 4], weights=[0.25, 0.75])
    with pytest.raises(ValueError, match="probs must sum to 1"):
        expected_value([2, 4], [1, 3])  # numpy.average would normalize these weights


def test_entropy_notes():
    assert entropy([0.25, 0.75, 0.0]) == entropy([0.25, 0.75])  # 0 log 0 = 0
    assert entropy([0.5, 0.5], base=2) == 1.0
    assert entropy([0.1] * 10, base=10) == pytest.approx(1.0, rel=1e-15)
    assert entropy([5e-324, 1.0]) == pytest.approx(-5e-324 * math.log(5e-324), rel=1e-2)  # subnormal entry
    assert stats.entropy([1, 3]) == pytest.approx(entropy([0.25, 0.75]))  # SciPy normalizes
    with pytest.raises(ValueError, match="p must sum to 1"):
        entropy([1, 3])


def test_cross_entropy_and_kl_notes():
    label, prediction = [0.0, 1.0, 0.0], [0.2, 0.7, 0.1]
    assert cross_entropy(label, prediction) == pytest.approx(-math.log(0.7), rel=1e-15)
    assert cross_entropy([0.0, 1.0], [1.0, 0.0]) == np.inf
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0  # p = 0 terms contribute 0 whatever q is
    p, q = np.array([0.2, 0.5, 0.3]), np.array([0.1, 0.6, 0.3])
    assert cross_entropy(p, q) == pytest.approx(stats.entropy(p) + stats.entropy(p, q), rel=1e-15)
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert kl_divergence([0.0, 1.0], [0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)
    # the ratio p/q overflows: log p - log q is used there (SciPy's rel_entr gives inf)
    tiny = 1e-320
    assert kl_divergence([1.0, 0.0], [tiny, 1.0 - tiny]) == pytest.approx(-math.log(tiny), rel=1e-13)
    assert kl_divergence(p, q) != kl_divergence(q, p)


def test_bayes_marginal_conditional_notes():
    post = bayes_posterior([1e-30, 1.0 - 1e-30], [1e-300, 1e-300])
    assert 1e-30 * 1e-300 == 0.0  # the product underflows...
    assert post[0] == pytest.approx(1e-30, rel=1e-15)  # ...the posterior does not
    assert bayes_posterior([5e-324, 1.0], [1.0, 5e-324])[0] == pytest.approx(0.5, rel=1e-15)
    spam = bayes_posterior([0.01, 0.99], [0.6, 0.02])
    assert spam[0] == pytest.approx(0.006 / (0.006 + 0.0198), rel=1e-15)
    joint = np.array([[0.4, 0.2], [0.1, 0.3]])
    np.testing.assert_array_equal(marginal(joint, 0), joint.sum(axis=1))
    np.testing.assert_array_equal(marginal(joint, (1, 0)), joint.T)
    tiny = np.array([[1 - 4e-320, 0.0], [1e-320, 3e-320]])  # a slice of subnormals
    np.testing.assert_allclose(conditional(tiny, 0, 1), [0.25, 0.75], rtol=1e-3)  # subnormals hold few digits


def test_inputs_are_left_unchanged_and_distributions_are_immutable():
    p = np.array([0.2, 0.3, 0.5])
    C = Categorical(p)
    p[0] = 0.9  # the caller's array changes later: the distribution keeps its own copy
    assert C.pmf(0) == 0.2
    with pytest.raises(ValueError, match="read-only"):
        C.p[0] = 0.5
    with pytest.raises(AttributeError, match="Normal is immutable"):
        Normal(0, 1).sigma = -1.0
    joint = np.array([[0.4, 0.2], [0.1, 0.3]])
    before = joint.copy()
    marginal(joint, 0), conditional(joint, 0, 1), bayes_posterior(joint[0] / 0.6, joint[1])
    np.testing.assert_array_equal(joint, before)
    cov = np.eye(2)
    X = MultivariateNormal([0, 0], cov)
    X.cov()[0, 0] = 5.0
    cov[0, 0] = 7.0
    np.testing.assert_array_equal(X.cov(), np.eye(2))


# ---------------------------------------------------------------------------
# Every documented Raises
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: Bernoulli(1.5), ValueError, r"p must be a probability between 0 and 1, got 1.5"),
        (lambda: Bernoulli(-0.1), ValueError, r"p must be a probability"),
        (lambda: Bernoulli(np.nan), ValueError, r"p must not contain NaN"),
        (lambda: Bernoulli("0.5"), TypeError, r"p must be numeric"),
        (lambda: Bernoulli(True), TypeError, r"p must be numeric, got a boolean"),
        (lambda: Binomial(2.5, 0.5), TypeError, r"n must be a non-negative integer, got 2.5"),
        (lambda: Binomial(10.0, 0.5), TypeError, r"n must be a non-negative integer"),
        (lambda: Binomial(-1, 0.5), ValueError, r"n must be a non-negative integer, got -1"),
        (lambda: Binomial(2**53 + 1, 0.5), ValueError, r"n must be at most 2\*\*53"),
        (lambda: Binomial(10**400, 0.5), ValueError, r"n must be at most 2\*\*53"),
        (lambda: Binomial(True, 0.5), TypeError, r"n must be a non-negative integer"),
        (lambda: Binomial(5, 2.0), ValueError, r"p must be a probability"),
        (lambda: Binomial(5, "half"), TypeError, r"p must be numeric"),
        (lambda: Categorical(["a", "b"]), TypeError, r"p must be numeric"),
        (lambda: MultivariateNormal([1j, 0.0], np.eye(2)), TypeError, r"mean must be real"),
        (lambda: MultivariateNormal([0.0, 0.0], "identity"), TypeError, r"cov must be numeric"),
        (lambda: Categorical([0.5, 0.47]), ValueError, r"p must sum to 1 \(within 1e-09\), got 0.97"),
        (
            lambda: Categorical([0.5, 0.5 + 2e-9]),
            ValueError,
            r"p must sum to 1 \(within 1e-09\), got 1.000000002",
        ),
        (
            lambda: Categorical([1.2, -0.2]),
            ValueError,
            r"p must have no negative entries, got -0.2 at index 1",
        ),
        (lambda: Categorical([[0.5, 0.5]]), ValueError, r"p must be a vector"),
        (lambda: Categorical([]), ValueError, r"p must be a vector|p must not be empty"),
        (lambda: Categorical([0.5, np.nan]), ValueError, r"p must not contain NaN"),
        (lambda: Categorical([0.5, np.inf]), ValueError, r"p must not contain NaN or infinite"),
        (
            lambda: Categorical(np.ma.masked_array([0.5, 0.5], mask=[0, 1])),
            TypeError,
            r"p must be a plain array",
        ),
        (lambda: Uniform(2.0, 2.0), ValueError, r"a must be less than b, got a=2.0, b=2.0"),
        (lambda: Uniform(3.0, 2.0), ValueError, r"a must be less than b"),
        (lambda: Uniform(0.0, np.inf), ValueError, r"b must not contain NaN or infinite"),
        (lambda: Uniform("a", 1.0), TypeError, r"a must be numeric"),
        (lambda: Normal(0.0, 0.0), ValueError, r"sigma must be positive and finite, got 0.0"),
        (lambda: Normal(0.0, -1.0), ValueError, r"sigma must be positive"),
        (lambda: Normal(0.0, np.inf), ValueError, r"sigma must not contain NaN or infinite"),
        (lambda: Normal(np.nan, 1.0), ValueError, r"mu must not contain NaN"),
        (lambda: Normal(None, 1.0), TypeError, r"mu must be a numeric array, got None"),
        (lambda: Normal([0.0, 1.0], 1.0), ValueError, r"mu must be a scalar"),
        (
            lambda: MultivariateNormal([0.0, 0.0], np.eye(3)),
            ValueError,
            r"cov must have shape \(2, 2\) to match mean of length 2, got \(3, 3\)",
        ),
        (lambda: MultivariateNormal([0.0, 0.0], [1.0, 1.0]), ValueError, r"cov must be a matrix"),
        (lambda: MultivariateNormal([[0.0, 0.0]], np.eye(2)), ValueError, r"mean must be a vector"),
        (
            lambda: MultivariateNormal([0.0, 0.0], [[1.0, 0.5], [0.4, 1.0]]),
            ValueError,
            r"cov must be symmetric \(within 1e-10 of its largest entry\), "
            r"got cov\[0, 1\] = 0.5 and cov\[1, 0\] = 0.4",
        ),
        (
            lambda: MultivariateNormal([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]),
            ValueError,
            r"cov must be positive semidefinite: its smallest eigenvalue is -1.0",
        ),
        (lambda: MultivariateNormal([0.0, np.nan], np.eye(2)), ValueError, r"mean must not contain NaN"),
        (
            lambda: MultivariateNormal([0.0, 0.0], [[1.0, 0.0], [0.0, np.inf]]),
            ValueError,
            r"cov must not contain NaN or infinite",
        ),
    ],
)
def test_constructors_refuse_bad_parameters(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize(
    "X", [Bernoulli(0.5), Binomial(3, 0.5), Categorical([0.5, 0.5]), Uniform(0, 1), Normal(0, 1)], ids=repr
)
def test_methods_refuse_nan_and_bad_generators(X):
    method = X.pmf if hasattr(X, "pmf") else X.pdf
    log_method = X.logpmf if hasattr(X, "logpmf") else X.logpdf
    name = "k" if hasattr(X, "pmf") else "x"
    for f in (method, log_method):
        with pytest.raises(ValueError, match=f"{name} must not contain NaN"):
            f([0.0, np.nan])
        with pytest.raises(TypeError, match=f"{name} must be numeric"):
            f("1")
    with pytest.raises(ValueError, match="x must not contain NaN"):
        X.cdf(np.nan)
    with pytest.raises(
        TypeError, match=r"rng must be a numpy.random.Generator such as np.random.default_rng\(0\), got int"
    ):
        X.sample(0)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator.*got RandomState"):
        X.sample(np.random.RandomState(0))
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator.*got NoneType"):
        X.sample(None)
    with pytest.raises(TypeError, match="size must be None, an integer or a tuple of integers, got 2.5"):
        X.sample(np.random.default_rng(0), size=2.5)
    with pytest.raises(ValueError, match=r"size must not be negative, got \(2, -1\)"):
        X.sample(np.random.default_rng(0), size=(2, -1))


def test_multivariate_normal_methods_refuse_bad_points():
    X = MultivariateNormal([0.0, 0.0], np.eye(2))
    with pytest.raises(ValueError, match=r"x must have 2 entries along its last axis .*got shape \(3,\)"):
        X.logpdf([0.0, 0.0, 0.0])
    with pytest.raises(ValueError, match=r"x must have 2 entries .*got shape \(\)"):
        X.pdf(0.0)
    with pytest.raises(ValueError, match="x must not contain NaN"):
        X.pdf([0.0, np.nan])
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        X.sample(np.random.RandomState(0))
    with pytest.raises(ValueError, match="size must not be negative"):
        X.sample(np.random.default_rng(0), size=-1)
    with pytest.raises(TypeError, match="size must be None, an integer or a tuple of integers"):
        X.sample(np.random.default_rng(0), size=[2, 3])
    assert X.logpdf(np.zeros((0, 2))).shape == (0,)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: expected_value([1, 2, 3], [0.5, 0.5]),
            ValueError,
            r"values and probs must have the same shape, got \(3,\) and \(2,\)",
        ),
        (
            lambda: expected_value([1, 2], [0.5, 0.6]),
            ValueError,
            r"probs must sum to 1 \(within 1e-09\), got 1.1",
        ),
        (lambda: expected_value([1, np.nan], [0.5, 0.5]), ValueError, r"values must not contain NaN"),
        (lambda: expected_value([[1, 2]], [[0.5, 0.5]]), ValueError, r"values must be a vector"),
        (lambda: expected_value(["a", "b"], [0.5, 0.5]), TypeError, r"values must be numeric"),
        (
            lambda: variance([0.0, 1.0], [0.5, -0.5]),
            ValueError,
            r"probs must have no negative entries, got -0.5 at index 1",
        ),
        (lambda: variance([0.0, 1.0], [1.0]), ValueError, r"values and probs must have the same shape"),
        (lambda: entropy([0.5, 0.6]), ValueError, r"p must sum to 1 \(within 1e-09\), got 1.1"),
        (lambda: entropy([0.5, 0.5], base=1), ValueError, r"base must be positive and not 1, got 1.0"),
        (lambda: entropy([0.5, 0.5], base=-2), ValueError, r"base must be positive and not 1"),
        (lambda: entropy([0.5, 0.5], base="e"), TypeError, r"base must be numeric"),
        (lambda: entropy([[0.5, 0.5]]), ValueError, r"p must be a vector"),
        (lambda: entropy(["a"]), TypeError, r"p must be numeric"),
        (lambda: cross_entropy([0.5, 0.5], None), TypeError, r"q must be a numeric array, got None"),
        (lambda: kl_divergence([0.5, 0.5], [0.5, 0.5], base=True), TypeError, r"base must be numeric"),
        (lambda: bayes_posterior([0.5, 0.5], ["x", "y"]), TypeError, r"likelihood must be numeric"),
        (lambda: marginal("joint", 0), TypeError, r"joint must be numeric"),
        (
            lambda: marginal([[0.5, 0.5]], [0, 1]),
            TypeError,
            r"axis must be an integer or a tuple of integers",
        ),
        (
            lambda: conditional([[0.5, 0.5], [0.0, 0.0]], 0.5, 0),
            TypeError,
            r"axis must be an integer, got 0.5",
        ),
        (
            lambda: cross_entropy([0.5, 0.5], [1.0]),
            ValueError,
            r"p and q must have the same shape, got \(2,\) and \(1,\)",
        ),
        (lambda: cross_entropy([0.5, 0.5], [0.5, 0.4]), ValueError, r"q must sum to 1"),
        (lambda: cross_entropy([0.5, 0.5], [0.5, 0.5], base=0), ValueError, r"base must be positive"),
        (lambda: kl_divergence([0.5, 0.5], [1.5, -0.5]), ValueError, r"q must have no negative entries"),
        (lambda: kl_divergence([0.5, 0.5, 0.0], [0.5, 0.5]), ValueError, r"p and q must have the same shape"),
        (lambda: kl_divergence([0.5, np.nan], [0.5, 0.5]), ValueError, r"p must not contain NaN"),
        (
            lambda: bayes_posterior([1.0, 0.0], [0.0, 0.5]),
            ValueError,
            r"the evidence sum\(prior \* likelihood\) is 0",
        ),
        (
            lambda: bayes_posterior([0.5, 0.5], [0.5, -0.1]),
            ValueError,
            r"likelihood must have no negative entries, got -0.1 at index 1",
        ),
        (
            lambda: bayes_posterior([0.5, 0.5], [0.5, np.inf]),
            ValueError,
            r"likelihood must not contain NaN or infinite",
        ),
        (
            lambda: bayes_posterior([0.5, 0.5], [0.5]),
            ValueError,
            r"prior and likelihood must have the same shape",
        ),
        (lambda: bayes_posterior([0.5, 0.4], [0.5, 0.5]), ValueError, r"prior must sum to 1"),
        (
            lambda: marginal([[0.5, 0.5]], 2),
            ValueError,
            r"axis must be between -2 and 1 for a joint with 2 axes, got 2",
        ),
        (
            lambda: marginal([[0.5, 0.5]], 1.0),
            TypeError,
            r"axis must be an integer or a tuple of integers, got 1.0",
        ),
        (lambda: marginal([[0.5, 0.5]], ()), ValueError, r"axis must name at least one variable"),
        (lambda: marginal([[0.5, 0.5]], (0, -2)), ValueError, r"axis must name each variable once"),
        (lambda: marginal([[0.5, 0.6]], 0), ValueError, r"joint must sum to 1"),
        (
            lambda: marginal([[0.5, -0.5], [0.5, 0.5]], 0),
            ValueError,
            r"joint must have no negative entries, got -0.5 at index \(0, 1\)",
        ),
        (
            lambda: conditional([[0.5, 0.5], [0.0, 0.0]], 0, 1),
            ValueError,
            r"P\(variable on axis 0 = 1\) is 0: conditioning on an impossible event is undefined",
        ),
        (
            lambda: conditional([[0.5, 0.5], [0.0, 0.0]], 0, 2),
            ValueError,
            r"index must be between 0 and 1 \(the values of the variable on axis 0\), got 2",
        ),
        (lambda: conditional([[0.5, 0.5], [0.0, 0.0]], 0, -1), ValueError, r"index must be between 0 and 1"),
        (
            lambda: conditional([[0.5, 0.5], [0.0, 0.0]], 0, 1.0),
            TypeError,
            r"index must be an integer, got 1.0",
        ),
        (lambda: conditional([[0.5, 0.5], [0.0, 0.0]], 5, 0), ValueError, r"axis must be between -2 and 1"),
        (lambda: conditional([0.5, 0.5], 0, 0), ValueError, r"joint must have at least 2 dimension"),
    ],
)
def test_functions_refuse_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
