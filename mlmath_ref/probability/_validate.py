"""Private input checks shared by the probability module (not part of the public API).

One rule for the whole module: NaN is refused everywhere, with an error that
names the argument. Parameters of a distribution must be finite; the points
where a pmf, pdf or cdf is evaluated may be infinite (their probabilities are
limits that exist), but not NaN.
"""

from __future__ import annotations

import numbers

import numpy as np

from mlmath_ref._checks import as_array, check_in_interval, show

# A probability vector may miss 1 by this much (the rounding of a sum of many
# float64 numbers stays far below it, a typo or a missing entry does not).
PROB_TOL = 1e-9

# Largest count that float64 holds exactly: counts above it would be silently rounded.
MAX_EXACT_INT = 2**53


def array_arg(x, name, **kwargs):
    # As :func:`mlmath_ref._checks.as_array` (which refuses masked arrays): a private float64 copy.
    return as_array(x, name, **kwargs)


def points(x, name="x"):
    # Evaluation points: any shape, may be empty or infinite, never NaN.
    arr = array_arg(x, name, allow_empty=True, finite=False)
    if np.isnan(arr).any():
        raise ValueError(f"{name} must not contain NaN")
    return arr


def as_result(values, x):
    # A float for a 0-d input, otherwise the array.
    values = np.asarray(values, dtype=np.float64)
    return float(values) if np.ndim(x) == 0 else values


def real_scalar(x, name):
    # A single finite real number, as a Python float.
    return float(array_arg(x, name, ndim=0))


def probability_scalar(p, name):
    # A single number in [0, 1].
    return check_in_interval(real_scalar(p, name), name, 0.0, 1.0, expected="a probability between 0 and 1")


def count(n, name):
    # A non-negative integer small enough to be exact in float64, as a Python int.
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{name} must be a non-negative integer, got {n!r}")
    n = int(n)
    if n < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {n}")
    if n > MAX_EXACT_INT:
        raise ValueError(f"{name} must be at most 2**53 = {MAX_EXACT_INT} (exact in float64), got {n}")
    return n


def probability_array(p, name, *, ndim=None, min_ndim=None):
    # Non-negative entries summing to 1 within PROB_TOL, as a read-only copy (used as given).
    p = array_arg(p, name, ndim=ndim, min_ndim=min_ndim)
    negative = np.flatnonzero(p < 0)
    if negative.size:
        where = np.unravel_index(negative[0], p.shape)
        index = where[0] if p.ndim == 1 else tuple(int(i) for i in where)
        raise ValueError(f"{name} must have no negative entries, got {float(p[where])!r} at index {index}")
    # Divide by the largest entry first, so that the sum cannot overflow.
    top = p.max()
    total = top * np.sum(p / top) if top > 0 else 0.0
    if not abs(total - 1.0) <= PROB_TOL:
        raise ValueError(f"{name} must sum to 1 (within {PROB_TOL:g}), got {total:.12g}")
    p.flags.writeable = False
    return p


def sample_size(size):
    # None (one draw) or a tuple of non-negative ints (an int n means (n,)).
    if size is None:
        return None
    dims = size if isinstance(size, tuple) else (size,)
    for d in dims:
        if isinstance(d, bool) or not isinstance(d, numbers.Integral):
            raise TypeError(f"size must be None, an integer or a tuple of integers, got {size!r}")
        if d < 0:
            raise ValueError(f"size must not be negative, got {size!r}")
        if d > 2**63 - 1:  # beyond what NumPy can index
            raise ValueError(f"size must have entries of at most 2**63 - 1, got {show(size)}")
    return tuple(int(d) for d in dims)


def xlogy(x, y):
    # x * log(y) with 0 * log(anything) = 0, elementwise (x >= 0, y >= 0).
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    out = np.zeros(np.broadcast(x, y).shape)
    x, y = np.broadcast_to(x, out.shape), np.broadcast_to(y, out.shape)
    keep = x != 0
    with np.errstate(divide="ignore"):
        out[keep] = x[keep] * np.log(y[keep])
    return out


class Distribution:
    """Shared behavior of the distribution classes: immutability, repr, argument checks."""

    _params = ()

    def __setattr__(self, attr, value):
        if getattr(self, "_frozen", False):
            cls = type(self).__name__
            raise AttributeError(
                f"{cls} is immutable (its parameters were checked once): create a new {cls}(...) instead"
            )
        object.__setattr__(self, attr, value)

    def _freeze(self):
        object.__setattr__(self, "_frozen", True)

    def __repr__(self):
        args = ", ".join(f"{name}={_short(getattr(self, name))}" for name in self._params)
        return f"{type(self).__name__}({args})"


def _short(value):
    # A parameter as it would be typed: a list for small arrays, a summary for large ones.
    if isinstance(value, np.ndarray):
        if value.size <= 16:
            return repr(value.tolist())
        return f"<array of shape {value.shape}>"
    return repr(value)
