"""Input validation shared by every chapter module.

Every public function of :mod:`mlmath_ref` turns its array arguments into
float arrays with :func:`as_array`, which refuses what would otherwise give a
silent wrong answer: text, objects, booleans masquerading as numbers, empty
arrays, NaN and infinity. The messages name the argument, what it got and
what was expected.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "as_array",
    "as_square",
    "call_vector",
    "check_positive",
    "check_same_shape",
    "set_module",
]

_NDIM_NAMES = {0: "a scalar", 1: "a vector (1-D)", 2: "a matrix (2-D)"}


def set_module(module):
    """Make a function report `module` as its home, for docs and reprs."""

    def decorate(func):
        func.__module__ = module
        return func

    return decorate


def _describe_ndim(ndim):
    if isinstance(ndim, tuple):
        return " or ".join(_NDIM_NAMES.get(n, f"{n}-D") for n in ndim)
    return _NDIM_NAMES.get(ndim, f"a {ndim}-D array")


def as_array(x, name, *, ndim=None, min_ndim=None, allow_empty=False, finite=True):
    """Convert `x` to a float64 array, or raise a clear error.

    Parameters
    ----------
    x : array_like
        The argument as the caller gave it.
    name : str
        The argument's name, used in every message.
    ndim : int or tuple of int, optional
        Required number of dimensions.
    min_ndim : int, optional
        Smallest number of dimensions accepted.
    allow_empty : bool, default=False
        Accept arrays with zero elements.
    finite : bool, default=True
        Refuse NaN and infinite entries.

    Returns
    -------
    ndarray
        A float64 array.

    Raises
    ------
    TypeError
        If `x` is not real and numeric (strings, objects, booleans, None,
        complex numbers).
    ValueError
        If `x` has the wrong number of dimensions, is empty, or holds NaN
        or infinite entries.
    """
    if x is None:
        raise TypeError(f"{name} must be a numeric array, got None")
    try:
        arr = np.asarray(x)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular numeric array: {exc}") from None
    if arr.dtype == bool:
        raise TypeError(f"{name} must be numeric, got a boolean array; convert it with .astype(float)")
    if not (np.issubdtype(arr.dtype, np.number)):
        raise TypeError(f"{name} must be numeric, got an array of dtype {arr.dtype} ({type(x).__name__})")
    if np.iscomplexobj(arr):
        raise TypeError(f"{name} must be real, got complex dtype {arr.dtype}")
    arr = arr.astype(np.float64, copy=False)
    if ndim is not None:
        allowed = ndim if isinstance(ndim, tuple) else (ndim,)
        if arr.ndim not in allowed:
            raise ValueError(f"{name} must be {_describe_ndim(ndim)}, got an array of shape {arr.shape}")
    if min_ndim is not None and arr.ndim < min_ndim:
        raise ValueError(f"{name} must have at least {min_ndim} dimension(s), got shape {arr.shape}")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if finite and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must not contain NaN or infinite entries")
    return arr


def as_square(A, name):
    """Convert `A` with :func:`as_array` and require a square matrix."""
    A = as_array(A, name, ndim=2)
    if A.shape[0] != A.shape[1]:
        raise ValueError(f"{name} must be a square matrix, got shape {A.shape}")
    return A


def check_same_shape(x, y, xname, yname):
    """Raise ValueError unless `x` and `y` have the same shape."""
    if x.shape != y.shape:
        raise ValueError(f"{xname} and {yname} must have the same shape, got {x.shape} and {y.shape}")


def check_positive(value, name, *, integer=False, allow_zero=False):
    """Return `value` if it is a positive (or non-negative) real number."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "an integer" if integer else "a real number"
        raise TypeError(f"{name} must be {expected}, got {value!r}")
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        expected = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{name} must be {expected} and finite, got {value!r}")
    return value


def call_vector(f, x, label="f(x)", m=None, scalar_hint=""):
    """Call `f` on a copy of `x` and require a finite real vector (of length `m`, once known).

    Used wherever the user passes a vector-valued function (``matrix_of``, ``jacobian``);
    every message names `f` and the call, given as `label` (such as ``"f(e_0)"``).
    `scalar_hint` is appended when `f` returned a single number instead of a vector.
    """
    y = as_array(f(x.copy()), label)
    if y.ndim != 1:
        hint = scalar_hint if y.ndim == 0 else ""
        raise ValueError(f"f must return a vector (1-D array), but {label} has shape {y.shape}{hint}")
    if m is not None and y.shape[0] != m:
        raise ValueError(f"f must return vectors of one length: {m} entries before, {y.shape[0]} for {label}")
    return y
