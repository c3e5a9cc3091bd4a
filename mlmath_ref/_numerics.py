r"""Floating-point constants and numerical building blocks shared by chapter modules.

Its own module rather than part of :mod:`mlmath_ref._checks`, which only
validates arguments: what is here are the numbers that algorithms compute
with. :data:`EPS` is the machine epsilon of float64, the unit of every
rounding tolerance in the package (pivot thresholds, rank cutoffs, default
steps); :func:`difference_step` is the step of the difference quotients of
:mod:`mlmath_ref.calculus` and :mod:`mlmath_ref.multivariate`.

The rest keeps valid input at the edges of float64 from giving a wrong
answer. Scaling by a power of two is exact (short of the subnormal range), so
an algorithm can divide its input by :math:`2^e` to bring the largest entry
near 1, compute without fear of an intermediate square or sum overflowing,
and multiply back at the end with :func:`scale_back`, which raises a
ValueError naming the quantity when the true result itself lies beyond
float64's range. :func:`check_finite` raises the same error for a result
computed directly.
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import check_positive, show

__all__ = ["EPS", "check_finite", "difference_step", "exponent_of", "robust_sum", "scale_back"]

EPS = float(np.finfo(np.float64).eps)  # 2**-52: the gap between 1.0 and the next float64


def exponent_of(m):
    r"""The exponent :math:`e` with :math:`m = f \cdot 2^e`, :math:`\tfrac12 \le f < 1`; 0 for :math:`m = 0`.

    Dividing an array whose largest magnitude is `m` by :math:`2^e`
    (``np.ldexp(x, -e)``) is exact and brings that magnitude into
    :math:`[\tfrac12, 1)`.

    Parameters
    ----------
    m : float
        A non-negative finite number, usually ``np.max(np.abs(x))``.

    Returns
    -------
    int
        The exponent.

    Examples
    --------
    >>> from mlmath_ref._numerics import exponent_of
    >>> exponent_of(1e308), exponent_of(0.75), exponent_of(5e-324), exponent_of(0.0)
    (1024, 0, -1073, 0)
    """
    return int(np.frexp(m)[1]) if m > 0 else 0


def check_finite(value, what):
    """Return `value` if every entry is finite; otherwise raise ValueError naming the overflow.

    Used on results computed from finite input, where an infinite or NaN
    entry can only come from overflow.

    Parameters
    ----------
    value : float or ndarray
        The result.
    what : str
        What it is, for the message, such as ``"the norm of x"``.

    Returns
    -------
    float or ndarray
        `value`, unchanged.

    Raises
    ------
    ValueError
        If an entry is infinite or NaN.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._numerics import check_finite
    >>> check_finite(np.array([1.0, np.inf]), "the sum of x")
    Traceback (most recent call last):
    ...
    ValueError: the sum of x overflows float64: its magnitude is beyond 1.8e308
    """
    if not np.all(np.isfinite(value)):
        raise ValueError(f"{what} overflows float64: its magnitude is beyond 1.8e308")
    return value


def scale_back(x, e, what):
    r"""Return :math:`x \cdot 2^e`, exactly, or raise ValueError naming `what` if it overflows.

    Underflow is gradual: a result below the smallest float64 becomes a
    subnormal number or 0, as in every floating-point operation.

    Parameters
    ----------
    x : float or ndarray
        The result computed on scaled input.
    e : int
        The exponent to scale back by.
    what : str
        What the result is, for the message.

    Returns
    -------
    float or ndarray
        :math:`x \cdot 2^e`, a float for a float `x`.

    Raises
    ------
    ValueError
        If an entry of the result is beyond float64's range.

    Examples
    --------
    >>> from mlmath_ref._numerics import scale_back
    >>> scale_back(0.75, 4, "the sum")
    12.0
    >>> scale_back(1.5, 1024, "the norm of x")
    Traceback (most recent call last):
    ...
    ValueError: the norm of x overflows float64: its magnitude is beyond 1.8e308
    """
    with np.errstate(over="ignore"):
        y = np.ldexp(x, e)
    check_finite(y, what)
    return float(y) if np.ndim(y) == 0 and not isinstance(x, np.ndarray) else y


def robust_sum(values, what, axis=None):
    r"""Sum `values` with ``np.sum``; where a sum overflows, add :math:`\text{values} / 2^k` and scale back.

    Each entry is finite, so an infinite or NaN sum can only come from a
    running total passing the largest float. Dividing by :math:`2^k`, with
    :math:`2^k` at least twice the number of terms, is exact and rounds
    every addition the same way; the sum is then multiplied back, and a
    ValueError naming `what` says when the true sum lies beyond float64.

    Parameters
    ----------
    values : ndarray
        Finite floats.
    what : str
        What the sum is, for the message.
    axis : int, optional
        The axis to sum over; all of them by default.

    Returns
    -------
    float or ndarray
        The sum, a float when `axis` is None.

    Raises
    ------
    ValueError
        If the sum is beyond float64's range.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._numerics import robust_sum
    >>> robust_sum(np.array([1e308, 1e308, -1e308]), "the sum")   # np.sum gives inf
    1e+308
    """
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.sum(values, axis=axis)
    if np.all(np.isfinite(total)):
        return float(total) if axis is None else total
    terms = values.size if axis is None else values.shape[axis]
    k = int(np.ceil(np.log2(terms))) + 1
    return scale_back(np.sum(np.ldexp(values, -k), axis=axis), k, what)


def difference_step(x, h, power):
    r"""The step of a difference quotient at each entry of `x`: `h` if given, else a default.

    The default :math:`h = \varepsilon^{p} \max(1, |x|)` is relative to
    :math:`|x|`, so that :math:`x + h` differs from :math:`x` in the same
    number of bits whatever the size of :math:`x`. The exponent :math:`p`
    balances the quotient's truncation error against its rounding error:
    1/2 for one-sided quotients, 1/3 for central ones, 1/4 for second
    differences.

    The step returned is the one the arithmetic can take: :math:`x + h`
    rounds to a float, and the step is :math:`(x + h) - x`, the distance to
    that float, rounded once more the same way on the other side. Where
    :math:`|x| \ge h`, :math:`x \pm h` are then exactly the points a
    quotient evaluates and its denominator is their true distance (a step
    of :math:`10^{-15}` at :math:`x = 1` is really :math:`1.11 \times
    10^{-15}`, and dividing by :math:`10^{-15}` would be 11% off).

    Parameters
    ----------
    x : float or ndarray
        The point or points, finite.
    h : float or None
        The step the caller chose, or None for the default.
    power : float
        The exponent :math:`p` of machine epsilon in the default step.

    Returns
    -------
    float or ndarray
        One positive step per entry of `x`, shaped like `x`.

    Raises
    ------
    TypeError
        If `h` is not a real number.
    ValueError
        If `h` is not positive and finite, if it is too small to move some
        entry of `x` (:math:`x + h` rounds to :math:`x`), or if
        :math:`x \pm h` overflows.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._numerics import EPS, difference_step
    >>> bool(difference_step(np.array([0.0, 100.0]), None, 1 / 2)[0] == EPS**0.5)
    True
    >>> difference_step(np.array([0.0, 100.0]), 0.5, 1 / 3)
    array([0.5, 0.5])
    >>> difference_step(np.array([1.0]), 0, 1 / 3)
    Traceback (most recent call last):
    ...
    ValueError: h must be positive and finite, got 0
    >>> difference_step(np.array([1e10]), 1e-10, 1 / 3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: h=1e-10 is too small for x=1e+10: x + h rounds to x (floats near x are 1.9e-06 apart); ...
    """
    x = np.asarray(x, dtype=np.float64)
    if h is None:
        wanted = EPS**power * np.maximum(1.0, np.abs(x))
    else:
        check_positive(h, "h")
        wanted = np.full(x.shape, float(h))
    with np.errstate(over="ignore"):
        up, down = x + wanted, x - wanted
    bad = ~(np.isfinite(up) & np.isfinite(down))
    if np.any(bad):
        i = np.flatnonzero(bad.ravel())[0]
        raise ValueError(
            f"x + h overflows float64 at x={x.ravel()[i]:.3g} with h={wanted.ravel()[i]:.3g}: "
            "the quotient would evaluate f beyond the largest float"
        )
    # The step the arithmetic takes: x + step is exactly the float x + h rounds to; rounding it once
    # more on the other side makes x - step exact too (one side may cross into a coarser binade).
    step = up - x
    step = x - (x - step)
    lost = step == 0
    if np.any(lost):
        i = np.flatnonzero(lost.ravel())[0]
        at = x.ravel()[i]
        raise ValueError(
            f"h={show(h)} is too small for x={at:.5g}: x + h rounds to x (floats near x are "
            f"{np.spacing(abs(at)):.2g} apart); leave h=None for the default step"
        )
    return step
