r"""Expected value and variance of a discrete random variable given by a table."""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import check_same_shape, set_module
from mlmath_ref._numerics import check_finite
from mlmath_ref.probability._validate import array_arg, probability_array

__all__ = ["expected_value", "variance"]


def _table(values, probs):
    values = array_arg(values, "values", ndim=1)
    probs = probability_array(probs, "probs", ndim=1)
    check_same_shape(values, probs, "values", "probs")
    return values, probs


def _mean(values, probs):
    with np.errstate(over="ignore"):
        mean = float(probs @ values)
    if np.isfinite(mean):
        return mean
    # A partial sum overflowed: divide by the largest |value| first, so that the weighted
    # sum of numbers in [-1, 1] cannot, and multiply back.
    top = float(np.abs(values).max())
    return top * float(probs @ (values / top))


@set_module("mlmath_ref.probability")
def expected_value(values, probs):
    r"""Return the expected value :math:`\sum_k x_k p_k`: the center of mass of a distribution.

    Put a weight :math:`p_k` at each position :math:`x_k` on a line: the
    expected value is where the line balances. It is the long-run average
    of the values, which is why the average loss over a minibatch estimates
    the expected loss. Apply a function to the values first to get
    :math:`\mathbb{E}[g(X)] = \sum_k g(x_k) p_k` (the law of the unconscious
    statistician). Concept page: :ref:`concept-expected-value`.

    Parameters
    ----------
    values : array_like of shape (K,)
        The values :math:`x_k` the random variable takes, finite.
    probs : array_like of shape (K,)
        Their probabilities :math:`p_k`: non-negative and summing to 1 within
        :math:`10^{-9}`.

    Returns
    -------
    float
        :math:`\mathbb{E}[X]`.

    Raises
    ------
    TypeError
        If `values` or `probs` is not real and numeric.
    ValueError
        If either is not a non-empty vector or holds NaN or infinity, their
        shapes differ, or `probs` has a negative entry or does not sum to 1
        within :math:`10^{-9}`.

    See Also
    --------
    variance : The expected squared distance from this center.
    numpy.average : A weighted average with any positive weights (normalized for you).

    Notes
    -----
    .. math:: \mathbb{E}[X] = \sum_{k} x_k\,p_k

    Unlike ``numpy.average``, the weights must already be probabilities:
    weights that do not sum to 1 are refused rather than silently
    normalized, since they usually mean a missing outcome. If a partial sum
    overflows (values near :math:`10^{308}`), the values are divided by the
    largest :math:`|x_k|` before the sum and the result multiplied back.

    Examples
    --------
    >>> from mlmath_ref.probability import expected_value
    >>> expected_value([1, 2, 3, 4, 5, 6], [1 / 6] * 6)           # a fair die
    3.5
    >>> round(expected_value([1, 2, 3, 4, 5, 6], [0.1] * 5 + [0.5]), 10)   # loaded on 6
    4.5
    >>> round(expected_value([v**2 for v in range(1, 7)], [1 / 6] * 6), 4)  # E[X^2]
    15.1667
    >>> expected_value([1, 2, 3], [0.5, 0.5])
    Traceback (most recent call last):
    ...
    ValueError: values and probs must have the same shape, got (3,) and (2,)
    """
    values, probs = _table(values, probs)
    return _mean(values, probs)


@set_module("mlmath_ref.probability")
def variance(values, probs):
    r"""Return the variance :math:`\sum_k (x_k - \mu)^2 p_k`: the spread around the mean.

    The expected squared distance of the value from its mean
    :math:`\mu = \mathbb{E}[X]`; its square root, the standard deviation, is
    in the units of the values. Concept page: :ref:`concept-variance-covariance`.

    Parameters
    ----------
    values : array_like of shape (K,)
        The values :math:`x_k` the random variable takes, finite.
    probs : array_like of shape (K,)
        Their probabilities :math:`p_k`: non-negative and summing to 1 within
        :math:`10^{-9}`.

    Returns
    -------
    float
        :math:`\operatorname{Var}(X) \ge 0`.

    Raises
    ------
    TypeError
        If `values` or `probs` is not real and numeric.
    ValueError
        If either is not a non-empty vector or holds NaN or infinity, their
        shapes differ, or `probs` has a negative entry or does not sum to 1
        within :math:`10^{-9}`; or if the variance exceeds the largest
        float64 (an overflow).

    See Also
    --------
    expected_value : The mean :math:`\mu`.
    numpy.var : The variance of equally likely samples.

    Notes
    -----
    .. math::

        \operatorname{Var}(X) = \sum_k (x_k - \mu)^2 p_k
        = \mathbb{E}[X^2] - \mathbb{E}[X]^2

    The code uses the first form (two passes: the mean, then the squared
    deviations), which never goes negative. The second subtracts two large
    nearly equal numbers: for values near :math:`10^9` that differ by 1 it
    loses every digit. The deviations are halved before they are squared,
    and each term is computed as :math:`(p_k d_k) d_k`, so nothing overflows
    unless the variance itself does.

    Examples
    --------
    >>> from mlmath_ref.probability import variance
    >>> round(variance([1, 2, 3, 4, 5, 6], [1 / 6] * 6), 6)     # a fair die: 35/12
    2.916667
    >>> variance([1e9, 1e9 + 1], [0.5, 0.5])      # E[X^2] - E[X]^2 would give 0.0
    0.25
    >>> variance([0.0, 1.0], [0.5, -0.5])
    Traceback (most recent call last):
    ...
    ValueError: probs must have no negative entries, got -0.5 at index 1
    """
    values, probs = _table(values, probs)
    mu = _mean(values, probs)
    half = values / 2 - mu / 2
    with np.errstate(over="ignore"):  # only when the variance itself is beyond float64
        return check_finite(4.0 * float((probs * half) @ half), "the variance of values")
