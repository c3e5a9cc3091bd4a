r"""Discrete distributions: Bernoulli, binomial and categorical.

A discrete random variable takes countably many values; its distribution is
a list of probabilities, one per value (the probability mass function).
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import check_rng, set_module
from mlmath_ref.probability._loader import TooManyTerms, binomial_logpmf, log_sum
from mlmath_ref.probability._validate import (
    Distribution,
    as_result,
    count,
    points,
    probability_array,
    probability_scalar,
    sample_size,
    xlogy,
)

__all__ = ["Bernoulli", "Binomial", "Categorical"]


def _integers(k):
    # Where k holds a whole number: the only values a count or a category index can take.
    return np.isfinite(k) & (k == np.floor(k))


def _as_ints(draws, size):
    # One draw as a Python int, several as an int64 array of shape `size`.
    draws = np.asarray(draws, dtype=np.int64)
    return int(draws) if size is None else draws.reshape(size)


@set_module("mlmath_ref.probability")
class Bernoulli(Distribution):
    r"""The Bernoulli distribution: one trial that succeeds (1) with probability `p`.

    A coin flip, a click or no click, the true label of a binary classifier:
    the random variable is 1 with probability :math:`p` and 0 otherwise.
    Logistic regression models the probability of the label 1 as a
    Bernoulli parameter. Concept page: :ref:`concept-discrete-distributions`.

    Parameters
    ----------
    p : float
        The probability of 1, in :math:`[0, 1]`.

    Attributes
    ----------
    p : float
        The probability of 1. Instances are immutable: setting an attribute
        raises AttributeError.

    Raises
    ------
    TypeError
        If `p` is not a real number.
    ValueError
        If `p` is NaN or outside :math:`[0, 1]`.

    See Also
    --------
    Binomial : The number of successes in `n` such trials.
    Categorical : One trial with more than two outcomes.
    scipy.stats.bernoulli : SciPy's version, with the same method names.

    Notes
    -----
    .. math::

        P(X = 1) = p, \quad P(X = 0) = 1 - p, \qquad
        \mathbb{E}[X] = p, \quad \operatorname{Var}(X) = p(1 - p),

    and the entropy is :math:`H = -p \log p - (1 - p) \log(1 - p)` nats, with
    :math:`0 \log 0 = 0`. The pmf is 0 (its log :math:`-\infty`) at every value
    other than 0 and 1, such as 2.5 or -1, rather than an error: the
    probability of an impossible value is 0, and vectorized code evaluates a
    pmf on whole grids. NaN is refused everywhere in this module (SciPy
    returns NaN). ``logpmf(0)`` is ``log1p(-p)``, accurate for tiny `p`, where
    ``log(1 - p)`` would round to 0. ``sample`` compares a uniform number with
    `p`: the draw is 1 when :math:`U < p`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import Bernoulli
    >>> coin = Bernoulli(0.3)
    >>> coin.pmf([0, 1, 2.5])           # 2.5 is impossible, not an error
    array([0.7, 0.3, 0. ])
    >>> round(coin.mean(), 10), round(coin.var(), 10), round(coin.entropy(), 4)
    (0.3, 0.21, 0.6109)
    >>> coin.sample(np.random.default_rng(0), size=8)
    array([0, 1, 1, 1, 0, 0, 0, 0])
    >>> Bernoulli(1.5)
    Traceback (most recent call last):
    ...
    ValueError: p must be a probability between 0 and 1, got 1.5
    """

    _params = ("p",)

    def __init__(self, p):
        self.p = probability_scalar(p, "p")
        self._freeze()

    def pmf(self, k):
        """Return the probability :math:`P(X = k)`.

        Parameters
        ----------
        k : float or array_like
            Value(s); anything other than 0 and 1 has probability 0.

        Returns
        -------
        float or ndarray
            A float for a scalar `k`, otherwise an array of the shape of `k`.
        """
        k = points(k, "k")
        return as_result(np.where(k == 1, self.p, np.where(k == 0, 1.0 - self.p, 0.0)), k)

    def logpmf(self, k):
        """Return :math:`\\log P(X = k)`, computed directly (``-inf`` off the support).

        Parameters
        ----------
        k : float or array_like
            Value(s).

        Returns
        -------
        float or ndarray
            A float for a scalar `k`, otherwise an array of the shape of `k`.
        """
        k = points(k, "k")
        with np.errstate(divide="ignore"):
            log1, log0 = np.log(self.p), np.log1p(-self.p)
        return as_result(np.where(k == 1, log1, np.where(k == 0, log0, -np.inf)), k)

    def cdf(self, x):
        """Return :math:`P(X \\le x)`, a step function of the real number `x`.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            0 below 0, :math:`1 - p` on :math:`[0, 1)`, 1 from 1 on.
        """
        x = points(x)
        return as_result(np.where(x < 0, 0.0, np.where(x < 1, 1.0 - self.p, 1.0)), x)

    def mean(self):
        """Return the mean :math:`p`.

        Returns
        -------
        float
            The expected value.
        """
        return self.p

    def var(self):
        """Return the variance :math:`p (1 - p)`.

        Returns
        -------
        float
            The variance.
        """
        return self.p * (1.0 - self.p)

    def entropy(self):
        """Return the entropy in nats.

        Returns
        -------
        float
            :math:`-p \\log p - (1 - p) \\log(1 - p)`, 0 for :math:`p \\in \\{0, 1\\}`.
        """
        p, q = self.p, 1.0 - self.p
        return (-p * math.log(p) if p > 0 else 0.0) - (q * math.log1p(-p) if q > 0 else 0.0)

    def sample(self, rng, size=None):
        """Draw from the distribution with the generator `rng`.

        Parameters
        ----------
        rng : numpy.random.Generator
            The source of randomness, for example ``np.random.default_rng(0)``.
        size : int or tuple of int, optional
            Shape of the output; by default a single draw.

        Returns
        -------
        int or ndarray of int64
            An int for ``size=None``, otherwise an array of 0s and 1s of shape `size`.

        Raises
        ------
        TypeError
            If `rng` is not a Generator or `size` is not an int or tuple of ints.
        ValueError
            If `size` is negative.
        """
        check_rng(rng)
        size = sample_size(size)
        return _as_ints(rng.random(size) < self.p, size)


@set_module("mlmath_ref.probability")
class Binomial(Distribution):
    r"""The binomial distribution: the number of successes in `n` independent trials.

    Each trial succeeds with probability `p`, as in :class:`Bernoulli`; the
    random variable counts the successes, from 0 to `n`: the number of
    correct answers of a classifier on `n` test examples, or of clicks on `n`
    impressions. Concept page: :ref:`concept-discrete-distributions`.

    Parameters
    ----------
    n : int
        The number of trials, a non-negative integer up to :math:`2^{53}`
        (beyond that, float64 cannot hold every count exactly).
    p : float
        The probability of success of each trial, in :math:`[0, 1]`.

    Attributes
    ----------
    n : int
        The number of trials.
    p : float
        The probability of success. Instances are immutable.

    Raises
    ------
    TypeError
        If `n` is not an integer (2.0 included) or `p` not a real number.
    ValueError
        If `n` is negative or above :math:`2^{53}`, or `p` is NaN or outside
        :math:`[0, 1]`.

    See Also
    --------
    Bernoulli : One trial.
    Normal : The approximation for large :math:`n p (1 - p)` (central limit theorem).
    scipy.stats.binom : SciPy's version, with the same method names.

    Notes
    -----
    .. math::

        P(X = k) = \binom{n}{k} p^k (1 - p)^{n - k}, \quad k = 0, \dots, n,
        \qquad \mathbb{E}[X] = n p, \quad \operatorname{Var}(X) = n p (1 - p).

    Written this way, the pmf overflows for :math:`n > 1029` (the binomial
    coefficient exceeds the largest float64), and its logarithm through
    ``lgamma`` subtracts numbers near :math:`n \log n` to get a result of
    order 1, which loses up to 17 digits. ``logpmf`` uses Catherine Loader's
    form instead (2000, the one R uses), a sum of small terms that are each
    accurate:

    .. math::

        \log P(X = k) = \delta(n) - \delta(k) - \delta(n - k)
            - D(k, n p) - D(n - k, n (1 - p))
            - \tfrac{1}{2} \log \frac{2 \pi k (n - k)}{n},

    with :math:`\delta(m) = \log m! - \log\bigl(\sqrt{2 \pi m}\,(m/e)^m\bigr)`
    the error of Stirling's formula (a table up to 30, its series beyond)
    and :math:`D(x, m) = x \log(x/m) + m - x` (a series near :math:`x = m`,
    with :math:`n p` and :math:`n (1 - p)` carried exactly as a pair of
    float64 numbers). Its relative error stays near :math:`10^{-15}` for
    every `n` up to :math:`2^{53}`. SciPy's ``binom.logpmf`` has relative
    errors near :math:`10^{-10}` at :math:`n = 5 \times 10^5`, and by
    :math:`n = 10^{15}` can be off by more than 1 (even in sign). ``pmf`` is
    :math:`e^{\text{logpmf}}`, accurate to about :math:`|\log P|` machine
    epsilons.

    ``cdf`` and ``entropy`` add up the pmf term by term, starting from the
    largest terms and stopping when a geometric bound on the rest is below
    :math:`4 \times 10^{-18}` of the sum (SciPy uses the incomplete beta
    function). The work grows with the standard deviation
    :math:`\sqrt{n p (1 - p)}`, and past :math:`10^7` terms (a standard
    deviation near :math:`10^6`) they raise ValueError rather than run for
    minutes. Below the mode, ``cdf`` sums the lower tail itself, so small
    probabilities keep their digits (at :math:`10^{-286}` as well); from
    the mode on it subtracts the upper tail from 1. Values other than the
    integers 0 to `n` have pmf 0, not an error, as in :class:`Bernoulli`.
    ``sample`` calls ``rng.binomial``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import Binomial
    >>> X = Binomial(10, 0.5)
    >>> X.pmf([0, 5, 10]).round(6)
    array([0.000977, 0.246094, 0.000977])
    >>> round(X.cdf(2), 6), X.mean(), X.var()
    (0.054688, 5.0, 2.5)

    A million trials of a one-in-a-trillion event: one success is far less
    likely than none, and the logarithm stays exact in the far tail.

    >>> rare = Binomial(10**6, 1e-12)
    >>> round(rare.pmf(0), 9), f"{rare.pmf(1):.6e}", round(rare.logpmf(1000), 1)
    (0.999999, '9.999990e-07', -19728.1)
    >>> Binomial(10.0, 0.5)
    Traceback (most recent call last):
    ...
    TypeError: n must be a non-negative integer, got 10.0
    """

    _params = ("n", "p")

    def __init__(self, n, p):
        self.n = count(n, "n")
        self.p = probability_scalar(p, "p")
        self._freeze()

    def _logpmf(self, k):
        out = np.full(k.shape, -np.inf)
        inside = _integers(k) & (k >= 0) & (k <= self.n)
        out[inside] = binomial_logpmf(k[inside], self.n, self.p)
        return out

    def _mode(self):
        return min(math.floor((self.n + 1) * self.p), self.n)

    def _log_sum(self, start, step, kind, what):
        try:
            return log_sum(self.n, self.p, start, step, kind)
        except TooManyTerms as exc:
            sd = math.sqrt(self.n * self.p * (1.0 - self.p))
            raise ValueError(
                f"Binomial.{what}: {exc} for n={self.n}, p={self.p!r} (standard deviation "
                f"{sd:.3g}); approximate it with Normal(n p, sqrt(n p (1 - p))) instead"
            ) from None

    def pmf(self, k):
        """Return the probability :math:`P(X = k)`.

        Parameters
        ----------
        k : float or array_like
            Count(s); anything other than an integer from 0 to `n` has
            probability 0.

        Returns
        -------
        float or ndarray
            A float for a scalar `k`, otherwise an array of the shape of `k`.
        """
        k = points(k, "k")
        return as_result(np.exp(self._logpmf(k)), k)

    def logpmf(self, k):
        """Return :math:`\\log P(X = k)`, computed directly (``-inf`` off the support).

        Parameters
        ----------
        k : float or array_like
            Count(s).

        Returns
        -------
        float or ndarray
            A float for a scalar `k`, otherwise an array of the shape of `k`.
        """
        k = points(k, "k")
        return as_result(self._logpmf(k), k)

    def cdf(self, x):
        """Return :math:`P(X \\le x)`, the sum of the pmf up to :math:`\\lfloor x \\rfloor`.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.

        Raises
        ------
        ValueError
            If the sum would need more than :math:`10^7` terms (a standard
            deviation near :math:`10^6` or more, for `x` near the mean).
        """
        x = points(x)
        k = np.floor(x)
        out = np.where(k < 0, 0.0, 1.0)
        mode = self._mode()
        inside = (k >= 0) & (k < self.n)
        for value in np.unique(k[inside]):
            j = int(value)
            if j < mode:  # the lower tail, summed down from j
                result = math.exp(self._log_sum(j, -1, "mass", "cdf"))
            else:  # one minus the upper tail, summed up from j + 1
                result = -math.expm1(self._log_sum(j + 1, +1, "mass", "cdf"))
            out[k == value] = result
        return as_result(out, x)

    def mean(self):
        """Return the mean :math:`n p`.

        Returns
        -------
        float
            The expected value.
        """
        return self.n * self.p

    def var(self):
        """Return the variance :math:`n p (1 - p)`.

        Returns
        -------
        float
            The variance.
        """
        return self.n * self.p * (1.0 - self.p)

    def entropy(self):
        """Return the entropy :math:`-\\sum_k P(X = k) \\log P(X = k)` in nats.

        Returns
        -------
        float
            The entropy; 0 when the outcome is certain.

        Raises
        ------
        ValueError
            If the sum would need more than :math:`10^7` terms.
        """
        if self.n == 0 or self.p in (0.0, 1.0):
            return 0.0
        mode = self._mode()
        total = math.exp(self._log_sum(mode, -1, "entropy", "entropy"))
        if mode < self.n:
            total += math.exp(self._log_sum(mode + 1, +1, "entropy", "entropy"))
        return total

    def sample(self, rng, size=None):
        """Draw from the distribution with the generator `rng`.

        Parameters
        ----------
        rng : numpy.random.Generator
            The source of randomness, for example ``np.random.default_rng(0)``.
        size : int or tuple of int, optional
            Shape of the output; by default a single draw.

        Returns
        -------
        int or ndarray of int64
            An int for ``size=None``, otherwise an array of counts of shape `size`.

        Raises
        ------
        TypeError
            If `rng` is not a Generator or `size` is not an int or tuple of ints.
        ValueError
            If `size` is negative.
        """
        check_rng(rng)
        size = sample_size(size)
        return _as_ints(rng.binomial(self.n, self.p, size), size)


@set_module("mlmath_ref.probability")
class Categorical(Distribution):
    r"""The categorical distribution: one of :math:`K` classes, class `k` with probability ``p[k]``.

    The output of a classifier's softmax is a categorical distribution over
    the classes; the die of a dice game is one with six equal entries. The
    values are the class indices :math:`0, \dots, K - 1`. Concept page:
    :ref:`concept-discrete-distributions`.

    Parameters
    ----------
    p : array_like of shape (K,)
        The probabilities: non-negative and summing to 1 within
        :math:`10^{-9}`. They are used as given, not renormalized.

    Attributes
    ----------
    p : ndarray of shape (K,)
        A read-only copy of the probabilities. Instances are immutable.

    Raises
    ------
    TypeError
        If `p` is not real and numeric.
    ValueError
        If `p` is not a non-empty vector, has a negative, NaN or infinite
        entry, or does not sum to 1 within :math:`10^{-9}`.

    See Also
    --------
    Bernoulli : Two classes.
    entropy : The entropy of any probability vector.
    scipy.stats.multinomial : SciPy's version counts :math:`n` draws; with
        ``n=1`` its pmf takes one-hot vectors instead of class indices.

    Notes
    -----
    .. math::

        P(X = k) = p_k, \qquad F(x) = \sum_{k \le x} p_k, \qquad
        \mathbb{E}[X] = \sum_k k\,p_k, \qquad
        H = -\sum_k p_k \log p_k,

    with :math:`0 \log 0 = 0`. The pmf is 0 at every value that is not a
    class index (2.5, -1, :math:`K`), not an error, as in :class:`Bernoulli`.
    SciPy has no categorical distribution by that name (``multinomial``
    with ``n=1`` or ``rv_discrete`` play its part). ``sample`` inverts the
    cdf: it draws :math:`U` uniform on :math:`[0, 1)` and returns the first
    :math:`k` with :math:`U < F(k)`, on the cumulative sums divided by their
    total, so rounding in `p` never makes a class with probability 0 drawn,
    nor the draw run past the last class.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import Categorical
    >>> die = Categorical(np.full(6, 1 / 6))
    >>> round(die.mean(), 10), round(die.var(), 6), round(die.entropy(), 6)  # entropy log 6
    (2.5, 2.916667, 1.791759)
    >>> loaded = Categorical([0.1, 0.0, 0.9])
    >>> loaded.pmf([0, 1, 2, 3]), loaded.logpmf(1)
    (array([0.1, 0. , 0.9, 0. ]), -inf)
    >>> loaded.sample(np.random.default_rng(0), size=6)     # class 1 never comes up
    array([2, 2, 0, 0, 2, 2])
    >>> Categorical([0.5, 0.47])
    Traceback (most recent call last):
    ...
    ValueError: p must sum to 1 (within 1e-09), got 0.97
    """

    _params = ("p",)

    def __init__(self, p):
        self.p = probability_array(p, "p", ndim=1)
        cumulative = np.cumsum(self.p)
        cumulative.flags.writeable = False
        self._cumulative = cumulative
        self._freeze()

    def _index(self, k):
        # The class index at each entry of k, and where k is one.
        valid = _integers(k) & (k >= 0) & (k < self.p.size)
        return np.where(valid, k, 0).astype(np.intp), valid

    def pmf(self, k):
        """Return the probability :math:`P(X = k)`, that is ``p[k]``.

        Parameters
        ----------
        k : float or array_like
            Class index (or indices); anything that is not an integer from 0
            to :math:`K - 1` has probability 0.

        Returns
        -------
        float or ndarray
            A float for a scalar `k`, otherwise an array of the shape of `k`.
        """
        k = points(k, "k")
        index, valid = self._index(k)
        return as_result(np.where(valid, self.p[index], 0.0), k)

    def logpmf(self, k):
        """Return :math:`\\log P(X = k)`, ``-inf`` for classes of probability 0.

        Parameters
        ----------
        k : float or array_like
            Class index (or indices).

        Returns
        -------
        float or ndarray
            A float for a scalar `k`, otherwise an array of the shape of `k`.
        """
        k = points(k, "k")
        index, valid = self._index(k)
        with np.errstate(divide="ignore"):
            return as_result(np.where(valid, np.log(self.p[index]), -np.inf), k)

    def cdf(self, x):
        """Return :math:`P(X \\le x) = \\sum_{k \\le x} p_k`.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.
            From :math:`K - 1` on it is the sum of `p` (1 within
            :math:`10^{-9}`).
        """
        x = points(x)
        last = self.p.size - 1
        k = np.clip(np.floor(x), -1, last)
        index = np.where(k < 0, 0, k).astype(np.intp)
        return as_result(np.where(k < 0, 0.0, self._cumulative[index]), x)

    def mean(self):
        """Return the mean :math:`\\sum_k k\\,p_k`.

        Returns
        -------
        float
            The expected class index.
        """
        return float(np.arange(self.p.size) @ self.p)

    def var(self):
        """Return the variance :math:`\\sum_k (k - \\mu)^2 p_k`.

        Returns
        -------
        float
            The variance of the class index.
        """
        deviation = np.arange(self.p.size) - self.mean()
        return float((self.p * deviation) @ deviation)

    def entropy(self):
        """Return the entropy :math:`-\\sum_k p_k \\log p_k` in nats.

        Returns
        -------
        float
            Between 0 (one certain class) and :math:`\\log K` (uniform).
        """
        return float(-np.sum(xlogy(self.p, self.p)))

    def sample(self, rng, size=None):
        """Draw class indices with the generator `rng`, by inverting the cdf.

        Parameters
        ----------
        rng : numpy.random.Generator
            The source of randomness, for example ``np.random.default_rng(0)``.
        size : int or tuple of int, optional
            Shape of the output; by default a single draw.

        Returns
        -------
        int or ndarray of int64
            An int for ``size=None``, otherwise an array of indices of shape `size`.

        Raises
        ------
        TypeError
            If `rng` is not a Generator or `size` is not an int or tuple of ints.
        ValueError
            If `size` is negative.
        """
        check_rng(rng)
        size = sample_size(size)
        return _as_ints(self._inverse_cdf(rng.random(size)), size)

    def _inverse_cdf(self, u):
        # The first class k with u < F(k), for u in [0, 1): class k gets the interval
        # [F(k - 1), F(k)), empty when p[k] = 0 (side="right" skips it even at u = F(k - 1)).
        edges = self._cumulative / self._cumulative[-1]
        edges[np.flatnonzero(self.p)[-1] :] = 1.0  # classes after the last positive one: never
        return np.searchsorted(edges, u, side="right")
