r"""Floating-point constants and numerical building blocks shared by chapter modules.

Its own module rather than part of :mod:`mlmath_ref._checks`, which only
validates arguments: what is here are the numbers that algorithms compute
with. :data:`EPS` is the machine epsilon of float64, the unit of every
rounding tolerance in the package (pivot thresholds, rank cutoffs, default
steps); :func:`difference_step` is the default step of the difference
quotients of :mod:`mlmath_ref.calculus` and :mod:`mlmath_ref.multivariate`.
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import check_positive

__all__ = ["EPS", "difference_step"]

EPS = float(np.finfo(np.float64).eps)  # 2**-52: the gap between 1.0 and the next float64


def difference_step(x, h, power):
    r"""The step of a difference quotient at each entry of `x`: `h` if given, else a default.

    The default :math:`h = \varepsilon^{p} \max(1, |x|)` is relative to
    :math:`|x|`, so that :math:`x + h` differs from :math:`x` in the same
    number of bits whatever the size of :math:`x`. The exponent :math:`p`
    balances the quotient's truncation error against its rounding error:
    1/2 for one-sided quotients, 1/3 for central ones, 1/4 for second
    differences.

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
        If `h` is not positive and finite.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._numerics import EPS, difference_step
    >>> bool(difference_step(np.array([0.0, 100.0]), None, 1 / 2)[1] == 100 * EPS**0.5)
    True
    >>> difference_step(np.array([0.0, 100.0]), 0.5, 1 / 3)
    array([0.5, 0.5])
    >>> difference_step(np.array([1.0]), 0, 1 / 3)
    Traceback (most recent call last):
    ...
    ValueError: h must be positive and finite, got 0
    """
    if h is None:
        return EPS**power * np.maximum(1.0, np.abs(x))
    check_positive(h, "h")
    return np.full(np.shape(x), float(h))
