r"""Quantiles of the normal and Student's t distributions, with NumPy and :mod:`math` only.

An interval at level 0.95 needs the number :math:`z` with probability
0.95 between :math:`-z` and :math:`z`. :func:`normal_ppf` inverts the
normal distribution function by Halley's method on ``math.erfc``, to full
float64 accuracy from the subnormal numbers to :math:`1 - 2^{-53}`;
:func:`_t_two_sided` does the same for Student's t distribution, whose
distribution function has a closed form for an integer number of degrees
of freedom.

See Also
--------
mlmath_ref.stats : The package that re-exports :func:`normal_ppf`.

Examples
--------
>>> from mlmath_ref.stats import normal_ppf
>>> round(normal_ppf(0.975), 6)
1.959964
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import as_array, is_real_number, set_module
from mlmath_ref._numerics import EPS

__all__ = ["normal_ppf"]

_SQRT2 = math.sqrt(2.0)
_SQRT2PI = math.sqrt(2.0 * math.pi)
_LOG_SQRT2PI = 0.5 * math.log(2.0 * math.pi)
# Below this x, Phi(x) < 6e-300 comes close to the subnormal numbers, where erfc loses digits:
# log Phi(x) is computed from its asymptotic series instead.
_ASYMPTOTIC_BELOW = -37.0
_MAX_ITERATIONS = 50
# Student's t: the closed-form sums are used up to this many degrees of freedom; beyond, the
# Cornish-Fisher expansion in powers of 1/df is exact to rounding.
_T_SERIES_MAX_DF = 20_000
_TAIL_BY_SUBTRACTION = 0.01  # P(|T| > t) from 1 - P(|T| <= t) loses no more than 1e-14 above this


def _check_level(level):
    """Return `level` as a float if it is a real number strictly between 0 and 1.

    Parameters
    ----------
    level : object
        A confidence level as the caller gave it.

    Returns
    -------
    float
        `level`.

    Raises
    ------
    TypeError
        If `level` is not a real number.
    ValueError
        If it is not strictly between 0 and 1.

    See Also
    --------
    mean_interval, proportion_interval, bootstrap_interval : The callers.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _check_level
    >>> _check_level(0.95)
    0.95
    >>> _check_level(95)
    Traceback (most recent call last):
    ...
    ValueError: level must be strictly between 0 and 1 (0.95 for 95%), got 95
    """
    if not is_real_number(level):
        raise TypeError(f"level must be a real number, got {level!r}")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must be strictly between 0 and 1 (0.95 for 95%), got {level!r}")
    return float(level)


def _pdf(x):
    # The standard normal density.
    return math.exp(-0.5 * x * x) / _SQRT2PI


def _halley(x, residual):
    # One Halley step for Phi(x) = target, given residual = Phi(x) - target: Phi'' = -x Phi'.
    u = residual / _pdf(x)
    return u / (1.0 + 0.5 * x * u)


def _ppf_central(y):
    r"""The :math:`x` with :math:`\Phi(x) - \tfrac12 = y`, for :math:`|y| \le \tfrac14`.

    Parameters
    ----------
    y : float
        The offset from the median, given exactly (so that :math:`x` near 0
        keeps its relative accuracy).

    Returns
    -------
    float
        :math:`x = \Phi^{-1}(\tfrac12 + y)`.

    See Also
    --------
    _ppf_lower : The tails.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _ppf_central
    >>> _ppf_central(1e-20)                           # x = sqrt(2 pi) y to first order
    2.5066282746310004e-20
    """
    if y == 0.0:
        return 0.0
    x = y * _SQRT2PI  # the tangent at the median; within 8% for |y| <= 1/4
    for _ in range(_MAX_ITERATIONS):
        step = _halley(x, 0.5 * math.erf(x / _SQRT2) - y)
        x -= step
        if abs(step) <= 4 * EPS * abs(x):
            break
    return x


def _mills_series(x):
    r"""The asymptotic series :math:`S(x)` of the lower tail: :math:`\Phi(x) = \varphi(x) S(x)/|x|`.

    Parameters
    ----------
    x : float
        A point far in the lower tail, :math:`x \le -37`, where ten terms
        are exact to rounding.

    Returns
    -------
    float
        :math:`S(x) = \sum_{k=0}^{10} (-1)^k (2k-1)!! / x^{2k}`.

    See Also
    --------
    _ppf_lower : The caller.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _mills_series
    >>> round(_mills_series(-40.0), 8)                # 1 - 1/1600 + 3/1600^2 - ...
    0.99937617
    """
    inv = 1.0 / (x * x)
    total, term = 1.0, 1.0
    for k in range(1, 11):
        term *= -(2 * k - 1) * inv
        total += term
    return total


def _ppf_lower(p):
    r"""The :math:`x < 0` with :math:`\Phi(x) = p`, for :math:`0 < p \le \tfrac14`.

    Parameters
    ----------
    p : float
        A lower-tail probability, down to the smallest subnormal number.

    Returns
    -------
    float
        :math:`\Phi^{-1}(p)`.

    See Also
    --------
    _ppf_central : The middle.

    Notes
    -----
    The start is Abramowitz and Stegun's rational approximation 26.2.23
    (error below :math:`4.5 \times 10^{-4}`). Then Halley's method on
    :math:`\Phi(x) - p`, with :math:`\Phi(x) = \tfrac12 \operatorname{erfc}(-x/\sqrt2)`,
    while :math:`x > -37`; below, Newton's method on
    :math:`\log\Phi(x) - \log p` with
    :math:`\log \Phi(x) = -x^2/2 - \log\sqrt{2\pi} - \log|x| + \log S(x)`,
    which never underflows.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _ppf_lower
    >>> round(_ppf_lower(0.025), 10)
    -1.9599639845
    """
    t = math.sqrt(-2.0 * math.log(p))
    x = -(
        t
        - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
    )
    log_p = math.log(p)
    for _ in range(_MAX_ITERATIONS):
        if x > _ASYMPTOTIC_BELOW:
            step = _halley(x, 0.5 * math.erfc(-x / _SQRT2) - p)
        else:
            S = _mills_series(x)
            log_phi = -0.5 * x * x - _LOG_SQRT2PI - math.log(-x) + math.log(S)
            step = (log_phi - log_p) * S / (-x)  # divided by d(log Phi)/dx = phi / Phi = -x / S
        x -= step
        if abs(step) <= 4 * EPS * abs(x):
            break
    return x


def _ppf(q):
    # Phi^{-1}(q) for one float q in [0, 1]: each region computed from a quantity known exactly.
    if q == 0.0:
        return -math.inf
    if q == 1.0:
        return math.inf
    if q < 0.25:
        return _ppf_lower(q)
    if q > 0.75:
        return -_ppf_lower(1.0 - q)  # 1 - q is exact for q >= 1/2
    return _ppf_central(q - 0.5)  # exact for 1/4 <= q <= 1


def _z_two_sided(level):
    r"""The :math:`z > 0` with :math:`P(|Z| \le z) = \text{level}` for a standard normal :math:`Z`.

    Parameters
    ----------
    level : float
        Strictly between 0 and 1.

    Returns
    -------
    float
        :math:`\Phi^{-1}((1 + \text{level})/2)`, computed without rounding
        :math:`(1 + \text{level})/2`: from the tail :math:`(1 - \text{level})/2`
        (exact) for levels from 1/2, from the offset :math:`\text{level}/2`
        below.

    See Also
    --------
    normal_ppf : The quantile function itself.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _z_two_sided
    >>> round(_z_two_sided(0.95), 6)
    1.959964
    """
    if level >= 0.5:
        return -_ppf_lower((1.0 - level) / 2)
    return _ppf_central(level / 2)


def _prefix_sums(v):
    r"""The running sums :math:`v_0, v_0 + v_1, \dots`, each added up along a binary tree.

    ``np.cumsum`` adds one term at a time, so the :math:`k`-th sum carries up
    to :math:`k` roundings; here each one carries about :math:`\log_2 k`
    (the Hillis-Steele scan: pass :math:`p` adds the sum of the
    :math:`2^p` entries before).

    Parameters
    ----------
    v : ndarray of shape (n,)
        The terms.

    Returns
    -------
    ndarray of shape (n,)
        The running sums.

    See Also
    --------
    numpy.cumsum : The sequential running sums.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._quantiles import _prefix_sums
    >>> _prefix_sums(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    array([ 1.,  3.,  6., 10., 15.])
    """
    s = v.copy()
    shift = 1
    while shift < s.size:
        s[shift:] = s[shift:] + s[:-shift]
        shift *= 2
    return s


def _t_probabilities(t, df):
    r"""Return :math:`P(|T| \le t)` and :math:`P(|T| > t)` for Student's t with `df` degrees of freedom.

    Parameters
    ----------
    t : float
        A positive number.
    df : int
        The degrees of freedom, at least 1.

    Returns
    -------
    inside : float
        :math:`A = P(|T| \le t)`.
    outside : float
        :math:`1 - A`, computed as a sum of its own when it is small, so that
        it keeps its relative accuracy far in the tail.

    See Also
    --------
    _t_two_sided : Inverts these.

    Notes
    -----
    With :math:`\theta = \arctan(t / \sqrt{\nu})`, :math:`y = \cos^2\theta`
    and :math:`m = \lfloor \nu/2 \rfloor` (Abramowitz and Stegun 26.7.3-4):

    .. math::

        A = \begin{cases}
            \sin\theta \sum_{k=0}^{m-1} c_k y^k, \quad
                c_k = \prod_{j=1}^{k} \frac{2j-1}{2j}
                & \nu \text{ even}\\
            \frac{2}{\pi}\Bigl(\theta + \sin\theta\cos\theta
                \sum_{k=0}^{m-1} d_k y^k\Bigr), \quad
                d_k = \prod_{j=1}^{k} \frac{2j}{2j+1}
                & \nu \text{ odd}
            \end{cases}

    The full series sum to :math:`1/\sin\theta` and to
    :math:`(\pi/2 - \theta)/(\sin\theta\cos\theta)`, so :math:`1 - A` is the
    same expression summed over :math:`k \ge m` (without the
    :math:`\theta`): every term is positive and nothing cancels. Each term is
    :math:`\exp(\log c_k + k \log y)`, with :math:`\log y = -\log(1 + t^2/\nu)`
    and the :math:`\log c_k` running sums of :math:`\log(1 - 1/(2j))` (or
    :math:`\log(1 - 1/(2j+1))`) by :func:`_prefix_sums`: a product of
    :math:`k` rounded ratios would carry :math:`k` rounding errors, which for
    :math:`\nu = 10^4` cost 13 digits instead of 15.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _t_probabilities
    >>> inside, outside = _t_probabilities(1.0, 1)     # Cauchy: P(|T| <= 1) = 1/2
    >>> round(inside, 12), round(outside, 12)
    (0.5, 0.5)
    """
    r = math.sqrt(df)
    h = math.hypot(t, r)
    s, c = t / h, r / h  # sin and cos of theta
    log_y = -math.log1p((t / r) ** 2)
    m = df // 2
    odd = df % 2 == 1

    def log_ratios(first, count):
        j = np.arange(first, first + count, dtype=np.float64)
        return np.log1p(-1.0 / (2 * j + 1)) if odd else np.log1p(-1.0 / (2 * j))

    log_c = np.concatenate(([0.0], _prefix_sums(log_ratios(1, m - 1)))) if m > 0 else np.zeros(0)
    head = float(np.sum(np.exp(log_c + np.arange(m) * log_y)))
    if odd:
        inside = 2 / math.pi * (math.atan2(t, r) + s * c * head)
    else:
        inside = s * head
    if 1.0 - inside >= _TAIL_BY_SUBTRACTION:
        return inside, 1.0 - inside
    # The sum over k >= m, in chunks, until its terms no longer count.
    if m == 0:  # df = 1: the tail starts at k = 0, with d_0 = 1
        tail, first, log_last = 1.0, 1, 0.0
    else:
        tail, first, log_last = 0.0, m, float(log_c[-1])
    chunk = 4096
    while True:
        logs = log_last + _prefix_sums(log_ratios(first, chunk))
        terms = np.exp(logs + np.arange(first, first + chunk) * log_y)
        tail += float(np.sum(terms))
        if terms[-1] <= EPS * EPS * tail:
            break
        first, log_last = first + chunk, float(logs[-1])
    outside = 2 / math.pi * s * c * tail if odd else s * tail
    return inside, outside


def _t_two_sided(level, df):
    r"""The :math:`t > 0` with :math:`P(|T| \le t) = \text{level}` for Student's t with `df` degrees.

    Parameters
    ----------
    level : float
        Strictly between 0 and 1.
    df : int
        The degrees of freedom, at least 1.

    Returns
    -------
    float
        The quantile :math:`t_{\nu, (1 + \text{level})/2}`.

    See Also
    --------
    mean_interval : The caller.

    Notes
    -----
    Up to :math:`2 \times 10^4` degrees of freedom, Newton's method in
    :math:`\log t` on :math:`\log P(|T| > t) = \log(1 - \text{level})`
    (or on :math:`\log P(|T| \le t) = \log \text{level}` for levels below
    1/2), with :func:`_t_probabilities` and the density
    :math:`f(t) = \frac{\Gamma((\nu+1)/2)}{\sqrt{\nu\pi}\,\Gamma(\nu/2)}
    (1 + t^2/\nu)^{-(\nu+1)/2}`, kept inside a bracket that starts at the
    normal quantile (always smaller). Beyond, the Cornish-Fisher expansion
    of Abramowitz and Stegun 26.7.5 in powers of :math:`1/\nu`, to the
    fourth power, whose first omitted term is below the rounding error.

    Examples
    --------
    >>> from mlmath_ref.stats._quantiles import _t_two_sided
    >>> round(_t_two_sided(0.95, 4), 6)               # 2.776 against the normal 1.960
    2.776445
    """
    z = _z_two_sided(level)
    if df > _T_SERIES_MAX_DF:
        z2 = z * z
        g1 = (z2 + 1) * z / 4
        g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
    upper = level >= 0.5
    target = 1.0 - level if upper else level  # 1 - level is exact for level >= 1/2
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)

    def residual(t):
        # log(P(|T| > t) / (1 - level)), decreasing in t (or log(P(|T| <= t) / level), increasing), and
        # its derivative with respect to log t. The ratio keeps the digits that a difference of two
        # logarithms near -700 would lose.
        inside, outside = _t_probabilities(t, df)
        prob = outside if upper else inside
        if prob == 0.0:  # far beyond the root (an underflow): let the bracket take over
            return (-math.inf if upper else math.inf), 1.0
        density = math.exp(log_norm - (df + 1) / 2 * math.log1p((t / math.sqrt(df)) ** 2))
        slope = 2 * density * t / prob
        return math.log(prob / target), -slope if upper else slope

    sign = 1.0 if upper else -1.0  # residual * sign > 0 below the root, < 0 above
    lo, hi = z, z
    while sign * residual(hi)[0] > 0:
        lo, hi = hi, 4 * hi
    t = lo * math.sqrt(hi / lo)
    for _ in range(_MAX_ITERATIONS):
        value, slope = residual(t)
        if value == 0.0:
            return t
        if sign * value > 0:
            lo = t
        else:
            hi = t
        new = t * math.exp(min(-value / slope, 700.0))  # a Newton step in log t
        if not lo < new < hi:
            new = lo * math.sqrt(hi / lo)  # the geometric midpoint, without underflow
        if abs(new / t - 1.0) <= 2 * EPS:
            return new
        t = new
    return t


@set_module("mlmath_ref.stats")
def normal_ppf(q):
    r"""Compute the quantile function of the standard normal distribution, :math:`\Phi^{-1}(q)`.

    :math:`\Phi^{-1}(q)` is the number below which a standard normal
    variable falls with probability :math:`q`: 1.96 for 0.975, so that 95%
    of the probability lies between -1.96 and 1.96. Every normal-theory
    confidence interval and test needs it; this computes it without SciPy.
    Concept page: :ref:`concept-confidence-intervals`.

    Parameters
    ----------
    q : float or array_like
        Probabilities in :math:`[0, 1]`.

    Returns
    -------
    float or ndarray
        :math:`\Phi^{-1}(q)`, shaped like `q` (a float for a scalar);
        :math:`-\infty` at 0 and :math:`+\infty` at 1.

    Raises
    ------
    TypeError
        If `q` is not real and numeric.
    ValueError
        If `q` is empty, holds NaN, or a value outside :math:`[0, 1]`.

    See Also
    --------
    mean_interval : Uses the t quantile, which this approaches for large samples.
    proportion_interval : Uses this quantile.
    scipy.special.ndtri : SciPy's version of the same function.

    Notes
    -----
    :math:`\Phi(x) = \tfrac12 \operatorname{erfc}(-x/\sqrt2)`, and
    ``math.erf`` and ``math.erfc`` are accurate to a unit or two of
    rounding. The code solves :math:`\Phi(x) = q` by Halley's method,

    .. math:: x \leftarrow x - \frac{u}{1 + x u / 2}, \qquad u = \frac{\Phi(x) - q}{\varphi(x)},

    which triples the number of correct digits per step, from a rational
    approximation good to :math:`4.5 \times 10^{-4}` (three or four steps).
    Each region works with a quantity that is exact in floating point, so
    that no digit is lost before the iteration starts: :math:`q - 1/2` for
    :math:`1/4 \le q \le 3/4` (solving
    :math:`\tfrac12\operatorname{erf}(x/\sqrt2) = q - \tfrac12`, which keeps
    the relative accuracy of :math:`x` near 0), :math:`q` below 1/4, and
    :math:`1 - q` above 3/4 (by symmetry,
    :math:`\Phi^{-1}(q) = -\Phi^{-1}(1 - q)`). Below :math:`x = -37`
    (:math:`q < 6 \times 10^{-300}`), where :math:`\Phi(x)` nears the
    subnormal numbers, Newton's method runs on :math:`\log \Phi(x)`, from
    its asymptotic series. The result agrees with ``scipy.special.ndtri``
    to about :math:`10^{-15}` relative over all of :math:`(0, 1)`.

    Examples
    --------
    >>> from mlmath_ref.stats import normal_ppf
    >>> round(normal_ppf(0.975), 6)                   # 95% of the mass lies within +-1.96
    1.959964
    >>> normal_ppf([0.5, 0.0, 1.0])
    array([  0., -inf,  inf])
    >>> round(normal_ppf(1e-300), 6)                  # far in the tail, still accurate
    -37.047096
    >>> normal_ppf(1.5)
    Traceback (most recent call last):
    ...
    ValueError: q must hold probabilities in [0, 1], got 1.5
    """
    q = as_array(q, "q")
    outside = (q < 0) | (q > 1)
    if np.any(outside):
        raise ValueError(f"q must hold probabilities in [0, 1], got {float(q[outside].flat[0])!r}")
    x = np.array([_ppf(v) for v in q.ravel().tolist()], dtype=np.float64).reshape(q.shape)
    return float(x) if q.ndim == 0 else x
