r"""Confidence intervals and a permutation test: how far a number computed from data can be trusted.

:func:`mean_interval` and :func:`proportion_interval` use the formulas of
normal theory, with quantiles from :mod:`mlmath_ref.stats._quantiles`;
:func:`bootstrap_interval` and :func:`permutation_test` replace the formulas
by resampling the data, and draw their random numbers exactly as SciPy's
``bootstrap`` and ``permutation_test`` do, so that the same generator gives
the same answer.

See Also
--------
mlmath_ref.stats : The package that re-exports these functions.

Examples
--------
>>> from mlmath_ref.stats import proportion_interval
>>> low, high = proportion_interval(90, 100)      # 90 correct answers out of 100
>>> round(low, 3), round(high, 3)
(0.826, 0.945)
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from mlmath_ref._checks import as_array, check_callable, check_integer, check_positive, set_module
from mlmath_ref.stats._moments import _centered, _scaled, _second_moments, _unscale
from mlmath_ref.stats._quantiles import _check_level, _t_two_sided, _z_two_sided

__all__ = ["bootstrap_interval", "mean_interval", "permutation_test", "proportion_interval"]

_METHODS = ("wilson", "normal")
_TIE = (
    100 * np.finfo(np.float64).eps
)  # null statistics this close (relatively) to the observed one tie, as in SciPy


def _check_rng(rng):
    # Resampling functions take a NumPy Generator, never a seed, so that calls share one stream.
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator such as np.random.default_rng(0), got {type(rng).__name__}"
        )


@set_module("mlmath_ref.stats")
def mean_interval(x, level=0.95):
    r"""Compute a confidence interval for the mean of the distribution a sample came from.

    The sample mean is off from the true mean by an amount whose typical
    size is the standard error :math:`s/\sqrt n`. The interval reaches a
    number of standard errors either side of the sample mean, chosen so
    that intervals built this way contain the true mean with probability
    `level`. With the estimated :math:`s` in place of the true standard
    deviation, that number comes from Student's t distribution. Concept
    page: :ref:`concept-confidence-intervals`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The sample, at least 2 observations.
    level : float, default=0.95
        The confidence level, strictly between 0 and 1.

    Returns
    -------
    low : float
        The lower end, :math:`\bar x - t\, s/\sqrt n`.
    high : float
        The upper end, :math:`\bar x + t\, s/\sqrt n`; equal to `low` when
        every observation is the same.

    Raises
    ------
    TypeError
        If `x` is not real and numeric, or `level` is not a real number.
    ValueError
        If `x` is not a finite vector of at least 2 observations, or `level`
        is not strictly between 0 and 1.
    OverflowError
        If an end of the interval is beyond the largest float64.

    See Also
    --------
    proportion_interval : For a fraction of successes.
    bootstrap_interval : For any statistic, without a formula.
    sample_variance : The :math:`s^2` of the interval.

    Notes
    -----
    .. math::

        \bar x \pm t_{n-1,\,(1+\text{level})/2}\, \frac{s}{\sqrt n}, \qquad
        s^2 = \frac{1}{n-1} \sum_{i=1}^n (x_i - \bar x)^2

    where :math:`t_{\nu, p}` is the :math:`p`-quantile of Student's t
    distribution with :math:`\nu` degrees of freedom. For normal data the
    coverage is exactly `level`; for other data it approaches `level` as
    :math:`n` grows (the central limit theorem). The t quantile is used
    rather than the normal one because with few observations :math:`s` is
    itself uncertain: for :math:`n = 5` at 95% it is 2.78 instead of 1.96,
    and the normal interval would cover the mean only about 88% of the
    time. The two agree for large :math:`n`. The quantile is computed
    without SciPy, from the closed form of the t distribution function for
    an integer number of degrees of freedom, to within a few units of
    rounding of ``scipy.stats.t.isf((1 - level) / 2, n - 1)``. The interval
    is ``scipy.stats.t.interval(level, n - 1, loc=mean, scale=sem)``, whose
    upper end loses a few digits at levels near 1 because it rounds
    :math:`(1 + \text{level})/2` first.

    Examples
    --------
    >>> from mlmath_ref.stats import mean_interval
    >>> low, high = mean_interval([4.0, 6.0, 5.0, 5.0])   # mean 5, s = 0.8165, n = 4
    >>> round(low, 4), round(high, 4)
    (3.7008, 6.2992)
    >>> mean_interval([3.0, 3.0, 3.0])                     # no spread, no width
    (3.0, 3.0)
    >>> mean_interval([4.0, 6.0], level=95)
    Traceback (most recent call last):
    ...
    ValueError: level must be strictly between 0 and 1 (0.95 for 95%), got 95
    """
    x = as_array(x, "x", ndim=1)
    level = _check_level(level)
    n = x.size
    if n < 2:
        raise ValueError(f"x must have at least 2 observations to estimate its spread, got {n}")
    Y, e = _scaled(x)
    mu, D = _centered(Y)
    half = _t_two_sided(level, n - 1) * math.sqrt(max(float(_second_moments(D, 1)), 0.0) / n)
    ends = _unscale(np.array([mu - half, mu + half]), e, "an end of the interval")
    return float(ends[0]), float(ends[1])


@set_module("mlmath_ref.stats")
def proportion_interval(successes, n, level=0.95, method="wilson"):
    r"""Compute a confidence interval for a probability of success, such as a model's accuracy.

    A classifier that gets :math:`k` of :math:`n` test examples right has
    accuracy :math:`\hat p = k/n` on this test set; the interval says which
    true accuracies are consistent with that. Wilson's interval (the
    default) keeps its promised coverage even for small :math:`n` or
    :math:`\hat p` near 0 or 1, where the textbook normal interval fails.
    Concept page: :ref:`concept-confidence-intervals`.

    Parameters
    ----------
    successes : int
        The number of successes :math:`k`, between 0 and `n`.
    n : int
        The number of trials, positive.
    level : float, default=0.95
        The confidence level, strictly between 0 and 1.
    method : {"wilson", "normal"}, default="wilson"
        Wilson's score interval, or the normal (Wald) interval.

    Returns
    -------
    low : float
        The lower end, in :math:`[0, 1]`.
    high : float
        The upper end, in :math:`[0, 1]`.

    Raises
    ------
    TypeError
        If `successes` or `n` is not an integer, or `level` is not a real
        number.
    ValueError
        If `n` is not positive, `successes` is outside :math:`[0, n]`,
        `level` is not strictly between 0 and 1, or `method` is unknown.

    See Also
    --------
    mle_bernoulli : The estimate :math:`\hat p` itself.
    mean_interval : The interval for a mean.
    bootstrap_interval : An interval from resampling.

    Notes
    -----
    With :math:`\hat p = k/n`, :math:`\hat q = 1 - \hat p` and
    :math:`z = \Phi^{-1}((1 + \text{level})/2)`:

    .. math::

        \text{normal:}\quad \hat p \pm z \sqrt{\hat p \hat q / n}, \qquad
        \text{Wilson:}\quad
        \frac{2n\hat p + z^2 \pm z\sqrt{4n\hat p\hat q + z^2}}{2(n + z^2)} .

    The normal interval is clipped to :math:`[0, 1]`. It has zero width at
    :math:`k = 0` and :math:`k = n`, and covers the true :math:`p` less
    often than promised for small :math:`n`. Wilson's interval is the set
    of :math:`p` that a score test at this level would not reject: it
    solves :math:`|\hat p - p| = z\sqrt{p(1-p)/n}`, a quadratic in
    :math:`p`, and is never empty. Its lower end at :math:`k = 0` is 0 and
    its upper end at :math:`k = n` is 1. The lower end is computed as
    :math:`\frac{k^2/n}{(n + z^2)(c + \delta)}` (:math:`c \pm \delta` the
    two ends), the same number without the cancellation of
    :math:`c - \delta` when :math:`k \ll n`; the upper end likewise from
    :math:`n - k`. The Wilson ends match SciPy's
    ``binomtest(k, n).proportion_ci(level, method="wilson")``.

    Examples
    --------
    >>> from mlmath_ref.stats import proportion_interval
    >>> low, high = proportion_interval(0, 20)              # no success seen in 20 trials
    >>> round(low, 4), round(high, 4)
    (0.0, 0.1611)
    >>> proportion_interval(0, 20, method="normal")         # the normal interval collapses
    (0.0, 0.0)
    >>> proportion_interval(21, 20)
    Traceback (most recent call last):
    ...
    ValueError: successes must be between 0 and n=20, got 21
    """
    check_positive(n, "n", integer=True)
    check_integer(successes, "successes")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n={n}, got {successes}")
    level = _check_level(level)
    if method not in _METHODS:
        raise ValueError(f"method must be one of {list(_METHODS)}, got {method!r}")
    k, n = int(successes), int(n)
    z = _z_two_sided(level)
    if method == "normal":
        p = k / n
        half = z * math.sqrt(p * (1 - p) / n)
        return max(0.0, p - half), min(1.0, p + half)
    z2 = z * z
    denom = 2 * (n + z2)
    delta = z / denom * math.sqrt(4 * k * (n - k) / n + z2)
    low = 0.0 if k == 0 else (k * k / n) / ((n + z2) * ((2 * k + z2) / denom + delta))
    high = 1.0 if k == n else 1.0 - ((n - k) ** 2 / n) / ((n + z2) * ((2 * (n - k) + z2) / denom + delta))
    return low, high


def _statistic_value(statistic, sample, label):
    """Call `statistic` on `sample` and require one finite real number.

    Parameters
    ----------
    statistic : callable
        The user's statistic.
    sample : ndarray
        The data or a resample of it (a new array, so the user cannot change `x`).
    label : str
        The call as the messages show it, such as ``"statistic(x)"``.

    Returns
    -------
    float
        The statistic's value.

    Raises
    ------
    TypeError
        If `statistic` returns None or something not real and numeric.
    ValueError
        If it returns more than one number, NaN or infinity.

    See Also
    --------
    bootstrap_interval : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._inference import _statistic_value
    >>> _statistic_value(np.median, np.array([3.0, 1.0, 2.0]), "statistic(x)")
    2.0
    >>> _statistic_value(np.sort, np.array([3.0, 1.0]), "statistic(x)")
    Traceback (most recent call last):
    ...
    ValueError: bootstrap_interval: statistic must return one number, but statistic(x) has shape (2,)
    """
    value = statistic(sample)
    if value is None:
        raise TypeError(f"bootstrap_interval: {label} returned None; statistic must return one number")
    value = as_array(value, f"bootstrap_interval: {label}", finite=False)
    if value.ndim != 0:
        raise ValueError(
            f"bootstrap_interval: statistic must return one number, but {label} has shape {value.shape}"
        )
    if not np.isfinite(value):
        raise ValueError(
            f"bootstrap_interval: {label} is {float(value)}; statistic must return a finite number"
        )
    return float(value)


@set_module("mlmath_ref.stats")
def bootstrap_interval(x, statistic, rng, n_resamples=10000, level=0.95):
    r"""Compute a bootstrap confidence interval for any statistic, by the percentile method.

    We cannot draw new test sets from the world, but we can draw new
    samples from the one we have: pick :math:`n` observations from it at
    random, with replacement, and compute the statistic again. The spread
    of these recomputed values stands in for the spread of the statistic
    over test sets we never had, and the middle `level` of them is the
    interval. It works for statistics with no formula for their standard
    error: a median, an F1 score, an AUC. Concept page:
    :ref:`concept-confidence-intervals`.

    Parameters
    ----------
    x : array_like of shape (n,) or (n, k)
        The sample; for a matrix, rows are observations and are resampled
        whole (pairs such as true and predicted labels stay together).
    statistic : callable
        Called with a resample of the shape of `x` (a new array), it must
        return one real number, such as ``np.mean`` or ``np.median``.
    rng : numpy.random.Generator
        The source of randomness, such as ``np.random.default_rng(0)``.
    n_resamples : int, default=10000
        The number of resamples :math:`B`, positive.
    level : float, default=0.95
        The confidence level, strictly between 0 and 1.

    Returns
    -------
    low : float
        The :math:`(1 - \text{level})/2` quantile of the :math:`B` resampled
        statistics.
    high : float
        Their :math:`(1 + \text{level})/2` quantile.

    Raises
    ------
    TypeError
        If `x` is not real and numeric, `statistic` is not callable or
        returns something that is not a number, `rng` is not a NumPy
        ``Generator``, `n_resamples` is not an integer, or `level` is not a
        real number.
    ValueError
        If `x` is not a finite non-empty vector or matrix, `statistic`
        returns more than one number, NaN or infinity (on `x` or on a
        resample), `n_resamples` is not positive, or `level` is not strictly
        between 0 and 1.

    See Also
    --------
    mean_interval : The normal-theory interval for a mean.
    permutation_test : Resampling to test a difference.
    numpy.quantile : How the ends are read off the resampled statistics.

    Notes
    -----
    For :math:`b = 1, \dots, B`: draw indices ``i = rng.integers(0, n,
    size=n)`` and compute :math:`\theta^*_b = ` ``statistic(x[i])``. With
    :math:`\alpha = (1 - \text{level})/2`, the interval is

    .. math::

        \bigl[\, \theta^*_{(\alpha)},\ \theta^*_{(1-\alpha)} \,\bigr],

    the quantiles of the :math:`\theta^*_b` by ``np.quantile`` (linear
    interpolation between order statistics). This is the percentile
    method: simple, and right when the statistic's distribution is roughly
    symmetric around the true value; it can be off for a biased or skewed
    statistic, which SciPy's default BCa method corrects. With the same
    generator state this gives exactly ``scipy.stats.bootstrap((x,),
    statistic, n_resamples=B, confidence_level=level, method="percentile",
    vectorized=False, batch=1, rng=rng)``, which draws one resample per
    call in the same way. The statistic is first computed on `x` itself,
    to check it, without drawing random numbers.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import bootstrap_interval
    >>> correct = np.array([1.0] * 42 + [0.0] * 8)       # a test accuracy of 0.84 on 50 examples
    >>> low, high = bootstrap_interval(correct, np.mean, np.random.default_rng(0), n_resamples=2000)
    >>> bool(0.70 < low < 0.84 < high < 0.95)
    True
    >>> bootstrap_interval(correct, np.mean, 0)
    Traceback (most recent call last):
    ...
    TypeError: rng must be a numpy.random.Generator such as np.random.default_rng(0), got int
    """
    x = as_array(x, "x", ndim=(1, 2))
    check_callable(statistic, "statistic", "bootstrap_interval")
    _check_rng(rng)
    check_positive(n_resamples, "n_resamples", integer=True)
    level = _check_level(level)
    n = x.shape[0]
    _statistic_value(statistic, x.copy(), "statistic(x)")
    replicates = np.empty(int(n_resamples))
    for b in range(int(n_resamples)):
        i = rng.integers(0, n, size=n)
        replicates[b] = _statistic_value(statistic, x[i], f"statistic on resample {b}")
    alpha = (1 - level) / 2
    low, high = np.quantile(replicates, [alpha, 1 - alpha])
    return float(low), float(high)


def _all_relabelings(pooled, n_a):
    r"""The difference in means :math:`\bar a - \bar b` for every choice of the :math:`n_a` called :math:`a`.

    Parameters
    ----------
    pooled : ndarray of shape (n,)
        The pooled sample, :math:`a` first.
    n_a : int
        The size of the first group.

    Returns
    -------
    ndarray of shape (C,)
        One difference per subset, :math:`C = \binom{n}{n_a}` of them, in the
        order of ``itertools.combinations``. Each is computed as the
        observed difference is (the means of the two groups, in pool
        order), so that the observed labeling reproduces the observed
        difference to the last bit and counts as "at least as extreme".

    See Also
    --------
    permutation_test : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._inference import _all_relabelings
    >>> _all_relabelings(np.array([1.0, 2.0, 3.0]), 2)      # {1, 2}, {1, 3}, {2, 3} against the rest
    array([-1.5,  0. ,  1.5])
    """
    n = pooled.size
    null = []
    for subset in itertools.combinations(range(n), n_a):
        in_a = np.zeros(n, dtype=bool)
        in_a[list(subset)] = True
        null.append(np.mean(pooled[in_a]) - np.mean(pooled[~in_a]))
    return np.array(null)


@set_module("mlmath_ref.stats")
def permutation_test(a, b, rng, n_resamples=10000):
    r"""Test whether two samples differ in mean, by shuffling the labels that say which is which.

    If model A and model B were equally good, the scores labeled "A" and
    "B" would be interchangeable: reshuffling the labels would produce
    differences in mean as large as the observed one quite often. The
    p-value is how often, under random relabelings, the difference is at
    least as extreme as the one observed; a small p-value says the
    observed difference is unlikely to be luck. Concept page:
    :ref:`concept-hypothesis-testing`.

    Parameters
    ----------
    a, b : array_like of shape (n_a,) and (n_b,)
        The two samples, each non-empty.
    rng : numpy.random.Generator
        The source of randomness, such as ``np.random.default_rng(0)``
        (not used when every relabeling is enumerated).
    n_resamples : int, default=10000
        The number of random relabelings :math:`R`, positive.

    Returns
    -------
    float
        The two-sided p-value, in :math:`(0, 1]`.

    Raises
    ------
    TypeError
        If `a` or `b` is not real and numeric, `rng` is not a NumPy
        ``Generator``, or `n_resamples` is not an integer.
    ValueError
        If `a` or `b` is not a finite non-empty vector, or `n_resamples` is
        not positive.

    See Also
    --------
    bootstrap_interval : Resampling for an interval.
    mean_interval : Normal theory for one mean.

    Notes
    -----
    The statistic is :math:`d = \bar a - \bar b`. Pool the
    :math:`n = n_a + n_b` observations; a relabeling is a random
    permutation of the pool (``rng.permutation(n)``) whose first
    :math:`n_a` entries are called :math:`a`. With :math:`d_1, \dots, d_R`
    the differences of :math:`R` relabelings,

    .. math::

        p_{\ge} = \frac{1 + \#\{r : d_r \ge d\}}{R + 1}, \quad
        p_{\le} = \frac{1 + \#\{r : d_r \le d\}}{R + 1}, \quad
        p = \min\bigl(1,\ 2\min(p_{\ge}, p_{\le})\bigr).

    The 1 added above and below counts the observed labeling as one of the
    arrangements, which it is under the null hypothesis; it keeps the
    p-value from being 0, which no finite number of relabelings could
    justify. When there are no more distinct relabelings,
    :math:`\binom{n}{n_a}`, than :math:`R`, every one is enumerated
    instead (an exact test): the observed one is among them, and the
    counts are divided by :math:`\binom{n}{n_a}` with nothing added. A
    :math:`d_r` within :math:`100\varepsilon |d|` of :math:`d` counts as a
    tie, so that rounding cannot decide a comparison. All of this is what
    ``scipy.stats.permutation_test`` does with
    ``permutation_type="independent"``: with the same generator state the
    p-values are the same.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import permutation_test
    >>> rng = np.random.default_rng(0)
    >>> a = np.array([0.81, 0.84, 0.83, 0.86, 0.85, 0.82, 0.84, 0.83])   # scores of model A
    >>> b = a - 0.03                                                    # model B: 0.03 worse everywhere
    >>> round(permutation_test(a, b, rng), 4)      # as scipy.stats.permutation_test with this rng
    0.0044
    >>> permutation_test([1.0, 2.0], [3.0], rng)     # 3 relabelings only: enumerated, exact
    0.6666666666666666
    >>> permutation_test([], b, rng)
    Traceback (most recent call last):
    ...
    ValueError: a must not be empty, got shape (0,)
    """
    a = as_array(a, "a", ndim=1)
    b = as_array(b, "b", ndim=1)
    _check_rng(rng)
    check_positive(n_resamples, "n_resamples", integer=True)
    n_a = a.size
    pooled = np.concatenate([a, b])
    _, e = np.frexp(np.max(np.abs(pooled)))
    pooled = np.ldexp(pooled, -e)  # exact: differences of means cannot overflow
    n = pooled.size
    observed = np.mean(pooled[:n_a]) - np.mean(pooled[n_a:])
    total = math.comb(n, n_a)
    if total <= n_resamples:
        null = _all_relabelings(pooled, n_a)
        added, count = 0, total
    else:
        null = np.empty(int(n_resamples))
        for r in range(int(n_resamples)):
            perm = rng.permutation(n)
            null[r] = np.mean(pooled[perm[:n_a]]) - np.mean(pooled[perm[n_a:]])
        added, count = 1, int(n_resamples) + 1
    tie = _TIE * abs(observed)
    p_greater = (np.count_nonzero(null >= observed - tie) + added) / count
    p_less = (np.count_nonzero(null <= observed + tie) + added) / count
    return float(min(1.0, 2 * min(p_greater, p_less)))
