r"""Estimators of the center and spread of a sample, and the maximum-likelihood fits built on them.

Every function here rescales each column by a power of two before it adds
anything up (exact: only the exponent changes), so that no sum of squares
overflows or underflows, then centers the data on a mean summed without
rounding error (``math.fsum``). The results are right to a few units of
rounding from the smallest to the largest float64; a variance too large to
exist as a float64 raises OverflowError instead of returning infinity.

See Also
--------
mlmath_ref.stats : The package that re-exports these functions.

Examples
--------
>>> from mlmath_ref.stats import mean, sample_variance
>>> mean([1e308, 1e308]), sample_variance([1.0, 2.0, 3.0])   # np.mean overflows on the first
(1e+308, 1.0)
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import as_array, check_positive, set_module

__all__ = ["covariance_matrix", "mean", "mle_bernoulli", "mle_normal", "sample_variance"]


def _scaled(X):
    r"""Split `X` column by column into :math:`Y \cdot 2^{e}` with every :math:`|Y_{ij}| < 1`.

    Parameters
    ----------
    X : ndarray of shape (n,) or (n, p)
        Finite floats; rows are samples.

    Returns
    -------
    Y : ndarray
        `X` with column :math:`j` divided by :math:`2^{e_j}`, exactly (only
        the exponents change); the largest magnitude in a non-zero column
        is in :math:`[1/2, 1)`.
    e : ndarray of int
        The exponents, one per column (a 0-d array for a vector); 0 for a
        column of zeros.

    See Also
    --------
    numpy.frexp : Splits a float into mantissa and exponent.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._moments import _scaled
    >>> Y, e = _scaled(np.array([[3.0, 1e-300], [-8.0, 0.0]]))
    >>> Y[:, 0], e.tolist()
    (array([ 0.1875, -0.5   ]), [4, -996])
    """
    _, e = np.frexp(np.max(np.abs(X), axis=0))
    return np.ldexp(X, -e), e


def _exact_mean(y):
    r"""The mean of the floats `y`, correctly rounded but for rare double roundings.

    Parameters
    ----------
    y : list of float
        The values.

    Returns
    -------
    float
        :math:`m_1 + r/n` with :math:`m_1` the exactly rounded sum divided by
        :math:`n` (``math.fsum``) and :math:`r = \sum_i y_i - n m_1`, the
        remainder of that division, also summed by ``math.fsum`` without
        rounding on the way. A constant list gives its value exactly.

    See Also
    --------
    math.fsum : The sum with a single rounding.

    Examples
    --------
    >>> from mlmath_ref.stats._moments import _exact_mean
    >>> _exact_mean([0.1, 0.1, 0.1]), _exact_mean([1e16, 1.0, -1e16])   # sum() gives 0.3000...04 and 0
    (0.1, 0.3333333333333333)
    """
    n = len(y)
    m = math.fsum(y) / n
    return m + math.fsum([*y, *([-m] * n)]) / n


def _centered(Y):
    r"""The column means of `Y` and the deviations from them.

    Parameters
    ----------
    Y : ndarray of shape (n,) or (n, p)
        Scaled data (entries of magnitude below 1), rows are samples.

    Returns
    -------
    mu : float or ndarray of shape (p,)
        The means, by :func:`_exact_mean`, column by column.
    D : ndarray
        :math:`Y - \mu`.

    See Also
    --------
    _second_moments : Uses the deviations.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._moments import _centered
    >>> mu, D = _centered(np.full(3, 0.1))
    >>> float(mu), D
    (0.1, array([0., 0., 0.]))
    """
    if Y.ndim == 1:
        mu = _exact_mean(Y.tolist())
    else:
        mu = np.array([_exact_mean(column) for column in Y.T.tolist()])
    return mu, Y - mu


def _second_moments(D, ddof):
    r"""The sums of squared deviations of each column over :math:`n - \text{ddof}`, corrected.

    Parameters
    ----------
    D : ndarray of shape (n,) or (n, p)
        Deviations from the mean.
    ddof : int
        The degrees of freedom subtracted from :math:`n`.

    Returns
    -------
    float or ndarray of shape (p,)
        :math:`\bigl(\sum_i d_i^2 - \tfrac1n (\sum_i d_i)^2\bigr) / (n - \text{ddof})`,
        the corrected two-pass formula: the second term removes the error
        left in the mean.

    See Also
    --------
    _centered : Computes `D`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._moments import _second_moments
    >>> float(_second_moments(np.array([-1.0, 0.0, 1.0]), 1))
    1.0
    """
    n = D.shape[0]
    return (np.sum(D * D, axis=0) - np.sum(D, axis=0) ** 2 / n) / (n - ddof)


def _unscale(values, exponents, what):
    # values * 2**exponents, refusing a result beyond the largest float64.
    with np.errstate(over="ignore"):
        out = np.ldexp(values, exponents)
    if not np.all(np.isfinite(out)):
        big = np.max(np.log10(np.abs(values[~np.isfinite(out)])) + exponents * math.log10(2))
        raise OverflowError(
            f"{what} is about 1e{big:.0f}, beyond the largest float64 (1.8e308); "
            "rescale the data (its square root, a standard deviation, may still be representable)"
        )
    return out


def _check_ddof(ddof, n, name):
    # ddof is an integer 0 <= ddof < n.
    check_positive(ddof, "ddof", integer=True, allow_zero=True)
    if n <= ddof:
        raise ValueError(f"{name} must have more than ddof={ddof} samples (rows), got {n}")


def _output(values):
    return float(values) if np.ndim(values) == 0 else values


@set_module("mlmath_ref.stats")
def mean(x):
    r"""Compute the sample mean: the sum of the observations divided by their number.

    The mean of a sample estimates the expected value of the distribution
    it was drawn from: the average loss over a batch estimates the expected
    loss, the fraction of correct answers estimates a model's accuracy.
    Concept page: :ref:`concept-estimator`.

    Parameters
    ----------
    x : array_like of shape (n,) or (n, p)
        The observations; for a matrix, rows are samples and columns are
        variables.

    Returns
    -------
    float or ndarray of shape (p,)
        :math:`\bar x`, one mean per column for a matrix.

    Raises
    ------
    TypeError
        If `x` is not real and numeric.
    ValueError
        If `x` is empty, not a vector or a matrix, or holds NaN or infinity.

    See Also
    --------
    sample_variance : The spread around the mean.
    numpy.mean : NumPy's mean, a single pass.

    Notes
    -----
    .. math:: \bar x = \frac1n \sum_{i=1}^n x_i

    Each column is first divided by a power of two that brings its
    entries below 1 in magnitude (exact), so that the sum cannot overflow.
    The sum is ``math.fsum``'s, which rounds once, at the end, and the
    remainder of the division by :math:`n` is summed the same way and added
    back: the result is the exact mean rounded to the nearest float64, but
    for a rare second rounding (a unit in the last place at most). NumPy
    adds pairwise in floating point, which loses the small terms next to
    large ones: ``np.mean([1e16, 1.0, -1e16])`` is 0, this gives 1/3;
    ``np.mean([1e308, 1e308])`` overflows to infinity, this gives
    ``1e308``. The mean of a constant sample is that constant exactly. The
    exact sum runs in Python, about ten times slower than ``np.mean``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import mean
    >>> mean([1.0, 2.0, 6.0])
    3.0
    >>> mean([[1.0, 10.0], [3.0, 30.0]])             # rows are samples: one mean per column
    array([ 2., 20.])
    >>> mean([0.1, 0.1, 0.1]), float(np.mean([0.1, 0.1, 0.1]))
    (0.1, 0.10000000000000002)
    >>> mean([1e16, 1.0, -1e16]), float(np.mean([1e16, 1.0, -1e16]))
    (0.3333333333333333, 0.0)
    >>> mean([])
    Traceback (most recent call last):
    ...
    ValueError: x must not be empty, got shape (0,)
    """
    x = as_array(x, "x", ndim=(1, 2))
    Y, e = _scaled(x)
    mu, _ = _centered(Y)
    return _output(np.ldexp(mu, e))


@set_module("mlmath_ref.stats")
def sample_variance(x, ddof=1):
    r"""Compute the sample variance: the mean squared deviation from the mean, with Bessel's correction.

    Dividing the sum of squared deviations by :math:`n` underestimates the
    variance of the distribution, because the deviations are measured from
    the sample's own mean, which sits closer to the data than the true
    mean. Dividing by :math:`n - 1` (``ddof=1``, the default) removes that
    bias. Concept page: :ref:`concept-estimator`.

    Parameters
    ----------
    x : array_like of shape (n,) or (n, p)
        The observations; for a matrix, rows are samples.
    ddof : int, default=1
        The "delta degrees of freedom": the sum is divided by
        :math:`n - \text{ddof}`. 1 gives the unbiased estimator, 0 the
        maximum-likelihood one.

    Returns
    -------
    float or ndarray of shape (p,)
        :math:`s^2`, one per column for a matrix.

    Raises
    ------
    TypeError
        If `x` is not real and numeric, or `ddof` is not an integer.
    ValueError
        If `x` is empty, not a vector or a matrix, holds NaN or infinity,
        `ddof` is negative, or `x` has no more than `ddof` samples.
    OverflowError
        If the variance is beyond the largest float64 (the data are near
        :math:`10^{154}` or above).

    See Also
    --------
    mean : The center the deviations are measured from.
    covariance_matrix : Variances and covariances of several variables.
    mle_normal : The maximum-likelihood standard deviation, with ``ddof=0``.
    numpy.var : NumPy's variance (its default is ``ddof=0``).

    Notes
    -----
    .. math:: s^2 = \frac{1}{n - \text{ddof}} \sum_{i=1}^n (x_i - \bar x)^2

    :math:`\mathbb{E}\bigl[\sum_i (x_i - \bar x)^2\bigr] = (n - 1)\sigma^2`
    for independent observations of variance :math:`\sigma^2`, hence the
    :math:`n - 1`. The code uses the corrected two-pass formula on data
    scaled by a power of two, as :func:`mean` does: exact scaling, then
    :math:`\bigl(\sum_i d_i^2 - \tfrac1n(\sum_i d_i)^2\bigr)/(n - \text{ddof})`
    with :math:`d_i = x_i - \bar x`. The one-pass formula
    :math:`\tfrac1n\sum x_i^2 - \bar x^2` is never used: it loses every
    digit when the mean is large against the spread. NumPy's ``var``
    defaults to ``ddof=0``, pandas and this function to ``ddof=1``.

    Examples
    --------
    >>> from mlmath_ref.stats import sample_variance
    >>> sample_variance([2.0, 4.0, 6.0])              # squared deviations 4 + 0 + 4, over n - 1 = 2
    4.0
    >>> round(sample_variance([2.0, 4.0, 6.0], ddof=0), 4)   # over n = 3
    2.6667
    >>> sample_variance([1e9 + 1, 1e9 + 2, 1e9 + 3])   # large mean, small spread
    1.0
    >>> sample_variance([5.0])
    Traceback (most recent call last):
    ...
    ValueError: x must have more than ddof=1 samples (rows), got 1
    """
    x = as_array(x, "x", ndim=(1, 2))
    _check_ddof(ddof, x.shape[0], "x")
    Y, e = _scaled(x)
    _, D = _centered(Y)
    return _output(_unscale(_second_moments(D, ddof), 2 * e, "the variance of x"))


@set_module("mlmath_ref.stats")
def covariance_matrix(X, ddof=1):
    r"""Compute the sample covariance matrix of the columns of a data matrix (rows are samples).

    Entry :math:`(j, k)` is the average product of the deviations of
    variables :math:`j` and :math:`k` from their means: positive when they
    rise together, negative when one rises as the other falls; the diagonal
    holds the variances. Its eigenvectors are the principal components of
    the data. Concept page: :ref:`concept-estimator`.

    Parameters
    ----------
    X : array_like of shape (n, p)
        The data matrix: :math:`n` samples (rows) of :math:`p` variables.
    ddof : int, default=1
        The sums are divided by :math:`n - \text{ddof}`.

    Returns
    -------
    ndarray of shape (p, p)
        The symmetric positive semidefinite matrix :math:`S`.

    Raises
    ------
    TypeError
        If `X` is not real and numeric, or `ddof` is not an integer.
    ValueError
        If `X` is not a finite non-empty matrix (a vector is refused: write
        ``X[:, None]`` for one variable), `ddof` is negative, or `X` has no
        more than `ddof` rows.
    OverflowError
        If an entry is beyond the largest float64.

    See Also
    --------
    sample_variance : The diagonal alone.
    pca : The eigenvectors of this matrix, by an SVD of the data.
    numpy.cov : NumPy's covariance, with variables in rows by default.

    Notes
    -----
    .. math::

        S = \frac{1}{n - \text{ddof}} \sum_{i=1}^n (\mathbf{x}_i - \bar{\mathbf{x}})
            (\mathbf{x}_i - \bar{\mathbf{x}})^\top
          = \frac{1}{n - \text{ddof}}\, X_c^\top X_c

    with :math:`X_c` the matrix of deviations from the column means. Each
    column is scaled by a power of two, centered as in :func:`mean`, and
    :math:`X_c^\top X_c` corrected for the rounding left in the means (the
    two-pass formula of :func:`sample_variance`, for every pair of
    columns); the result is symmetrized. ``numpy.cov`` takes variables in
    rows unless ``rowvar=False``; rows are samples here, as in
    scikit-learn.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import covariance_matrix
    >>> X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])   # the second column is twice the first
    >>> covariance_matrix(X)
    array([[1., 2.],
           [2., 4.]])
    >>> covariance_matrix([[1.0, 5.0], [2.0, 5.0]])          # a constant column has zero variance
    array([[0.5, 0. ],
           [0. , 0. ]])
    >>> covariance_matrix([1.0, 2.0, 3.0])
    Traceback (most recent call last):
    ...
    ValueError: X must be a matrix (2-D), got an array of shape (3,)
    """
    X = as_array(X, "X", ndim=2)
    n = X.shape[0]
    _check_ddof(ddof, n, "X")
    Y, e = _scaled(X)
    _, D = _centered(Y)
    s = np.sum(D, axis=0)
    S = (D.T @ D - np.outer(s, s) / n) / (n - ddof)
    S = (S + S.T) / 2
    return _unscale(S, e[:, None] + e[None, :], "an entry of the covariance matrix of X")


@set_module("mlmath_ref.stats")
def mle_normal(x):
    r"""Fit a normal distribution by maximum likelihood: return the mean and the standard deviation.

    Of all the normal distributions, the one under which the observed
    sample is most probable has :math:`\mu` the sample mean and
    :math:`\sigma^2` the mean squared deviation, divided by :math:`n` and
    not :math:`n - 1`. Maximizing this likelihood is the same as minimizing
    the squared error, which is why regression uses it. Concept page:
    :ref:`concept-maximum-likelihood`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The observations.

    Returns
    -------
    mu : float
        :math:`\hat\mu`, the sample mean.
    sigma : float
        :math:`\hat\sigma`, the maximum-likelihood standard deviation
        (``ddof=0``), zero for a constant sample.

    Raises
    ------
    TypeError
        If `x` is not real and numeric.
    ValueError
        If `x` is empty, not a vector, or holds NaN or infinity.

    See Also
    --------
    sample_variance : The unbiased variance, with :math:`n - 1`.
    mle_bernoulli : The maximum-likelihood fit for 0/1 outcomes.

    Notes
    -----
    The log-likelihood of :math:`x_1, \dots, x_n` under
    :math:`\mathcal N(\mu, \sigma^2)` is

    .. math::

        \ell(\mu, \sigma) = -n \log \sigma - \frac{n}{2}\log(2\pi)
            - \frac{1}{2\sigma^2} \sum_{i=1}^n (x_i - \mu)^2 ,

    maximal at :math:`\hat\mu = \bar x` and
    :math:`\hat\sigma^2 = \tfrac1n \sum_i (x_i - \bar x)^2`; the
    :math:`\hat\sigma^2` is biased low by the factor :math:`(n-1)/n`.
    :math:`\hat\sigma` is computed as the square root of the scaled
    variance, then scaled back, so it is right even when
    :math:`\hat\sigma^2` itself would overflow. ``scipy.stats.norm.fit``
    returns the same pair.

    Examples
    --------
    >>> from mlmath_ref.stats import mle_normal
    >>> mle_normal([1.0, 3.0])                        # sigma^2 = (1 + 1) / 2
    (2.0, 1.0)
    >>> mle_normal([1e200, -1e200])                   # sigma^2 = 1e400 overflows; sigma does not
    (0.0, 1e+200)
    >>> mle_normal([[1.0, 2.0]])
    Traceback (most recent call last):
    ...
    ValueError: x must be a vector (1-D), got an array of shape (1, 2)
    """
    x = as_array(x, "x", ndim=1)
    Y, e = _scaled(x)
    mu, D = _centered(Y)
    sigma = np.sqrt(max(float(_second_moments(D, 0)), 0.0))
    return float(np.ldexp(mu, e)), float(np.ldexp(sigma, e))


@set_module("mlmath_ref.stats")
def mle_bernoulli(x):
    r"""Fit a Bernoulli distribution by maximum likelihood: the fraction of ones.

    A 0/1 outcome (a click, a correct prediction, a label) is a Bernoulli
    variable with success probability :math:`p`. The value of :math:`p`
    that makes the observed outcomes most probable is the fraction of
    ones. Minimizing the cross-entropy loss of a classifier is this same
    maximization. Concept page: :ref:`concept-maximum-likelihood`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The outcomes, each 0 or 1 (as numbers; convert booleans with
        ``.astype(float)``).

    Returns
    -------
    float
        :math:`\hat p = k / n`, with :math:`k` the number of ones.

    Raises
    ------
    TypeError
        If `x` is not real and numeric (booleans included).
    ValueError
        If `x` is empty or not a vector, or holds a value other than 0 and 1
        (the message gives the first one and its index).

    See Also
    --------
    mle_normal : The maximum-likelihood fit of a normal distribution.
    proportion_interval : A confidence interval around :math:`\hat p`.

    Notes
    -----
    .. math::

        \ell(p) = \sum_{i=1}^n \bigl[x_i \log p + (1 - x_i)\log(1 - p)\bigr]
                = k \log p + (n - k)\log(1 - p),

    whose derivative :math:`k/p - (n-k)/(1-p)` vanishes at
    :math:`\hat p = k/n`. With no ones (or no zeros) the maximum is at
    :math:`\hat p = 0` (or 1), where the log-likelihood is 0: a sample
    without a single success makes success look impossible, the classic
    overconfidence of maximum likelihood on small data.

    Examples
    --------
    >>> from mlmath_ref.stats import mle_bernoulli
    >>> mle_bernoulli([1, 0, 1, 1])
    0.75
    >>> mle_bernoulli([0, 0, 0])                      # no success seen: p-hat is 0
    0.0
    >>> mle_bernoulli([1, 0, 2])
    Traceback (most recent call last):
    ...
    ValueError: x must hold only 0s and 1s (Bernoulli outcomes), got 2.0 at index 2
    """
    x = as_array(x, "x", ndim=1)
    bad = np.flatnonzero((x != 0) & (x != 1))
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"x must hold only 0s and 1s (Bernoulli outcomes), got {float(x[i])!r} at index {i}")
    return float(np.count_nonzero(x) / x.size)
