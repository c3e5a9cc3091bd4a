"""Input validation shared by every chapter module.

Every public function of :mod:`mlmath_ref` turns its array arguments into
float arrays with :func:`as_array`, which refuses what would otherwise give a
silent wrong answer: text, objects, booleans masquerading as numbers, empty
arrays, NaN and infinity. The messages name the argument, what it got and
what was expected.

This is the one home of the argument checks that more than one module
makes: arrays (:func:`as_array`, :func:`as_square`, :func:`as_float`), their
shapes (:func:`check_same_shape`, :func:`check_length`,
:func:`check_nonzero`), numbers (:func:`is_real_number`, :func:`is_integer`,
:func:`check_integer`, :func:`check_positive`), iterables
(:func:`is_iterable`) and functions passed as arguments
(:func:`check_callable`, :func:`call_vector`). A check that only one module
makes stays in that module, next to the function it guards. Numbers that
algorithms compute with (machine epsilon, the step of a difference quotient)
are in :mod:`mlmath_ref._numerics`.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "as_array",
    "as_float",
    "as_square",
    "call_vector",
    "check_callable",
    "check_integer",
    "check_length",
    "check_nonzero",
    "check_positive",
    "check_same_shape",
    "is_integer",
    "is_iterable",
    "is_real_number",
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


def as_float(x, name):
    """Convert `x` with :func:`as_array` and require a single finite number; return a float.

    Examples
    --------
    >>> from mlmath_ref._checks import as_float
    >>> as_float(2, "x0")
    2.0
    >>> as_float([1.0, 2.0], "x0")
    Traceback (most recent call last):
    ...
    ValueError: x0 must be a scalar, got an array of shape (2,)
    """
    return float(as_array(x, name, ndim=0))


def check_same_shape(x, y, xname, yname):
    """Raise ValueError unless `x` and `y` have the same shape."""
    if x.shape != y.shape:
        raise ValueError(f"{xname} and {yname} must have the same shape, got {x.shape} and {y.shape}")


def check_length(x, n, name, expected):
    """Raise ValueError unless the array `x` has `n` rows (entries, for a vector).

    `expected` says in words what `n` counts, such as ``"as many rows as A"``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import check_length
    >>> check_length(np.ones(3), 2, "b", "as many rows as A")
    Traceback (most recent call last):
    ...
    ValueError: b must have as many rows as A (2), got shape (3,)
    """
    if x.shape[0] != n:
        raise ValueError(f"{name} must have {expected} ({n}), got shape {x.shape}")


def check_nonzero(v, name, reason):
    """Raise ValueError unless the array `v` has a non-zero entry; `reason` says why it must.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import check_nonzero
    >>> check_nonzero(np.zeros(2), "onto", "it spans no line")
    Traceback (most recent call last):
    ...
    ValueError: onto must not be the zero vector: it spans no line
    """
    if not np.any(v):
        raise ValueError(f"{name} must not be the zero vector: {reason}")


def is_real_number(value):
    """Whether `value` is a single real number: Python's or NumPy's, but not a bool.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import is_real_number
    >>> is_real_number(2), is_real_number(np.float32(0.5)), is_real_number(True), is_real_number("2")
    (True, True, False, False)
    """
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def is_integer(value):
    """Whether `value` is a single integer: Python's or NumPy's, but not a bool.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import is_integer
    >>> is_integer(3), is_integer(np.int8(3)), is_integer(True), is_integer(3.0)
    (True, True, False, False)
    """
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def check_integer(value, name):
    """Return `value` if it is an integer (Python's or NumPy's, but not a bool), else raise TypeError.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import check_integer
    >>> check_integer(np.int64(3), "i")
    np.int64(3)
    >>> check_integer(1.0, "i")
    Traceback (most recent call last):
    ...
    TypeError: i must be an integer, got 1.0
    """
    if not is_integer(value):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    return value


def check_positive(value, name, *, integer=False, allow_zero=False):
    """Return `value` if it is a positive (or non-negative) real number."""
    if integer:
        check_integer(value, name)
    elif not is_real_number(value):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        expected = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{name} must be {expected} and finite, got {value!r}")
    return value


def is_iterable(value):
    """Whether `value` can be iterated over as a collection of elements: not str or bytes.

    Strings iterate over their characters, which is never what a caller who
    passed one meant.

    Examples
    --------
    >>> from mlmath_ref._checks import is_iterable
    >>> is_iterable([1, 2]), is_iterable(range(3)), is_iterable("ab"), is_iterable(3)
    (True, True, False, False)
    """
    return hasattr(value, "__iter__") and not isinstance(value, (str, bytes))


def check_callable(f, name, func=None, *, expected="callable"):
    """Raise TypeError naming the argument `name` unless `f` is callable.

    The message starts with ``"{func}: "`` when the public function's name
    `func` is given, and says the argument must be `expected`.

    Examples
    --------
    >>> from mlmath_ref._checks import check_callable
    >>> check_callable(abs, "f", "derivative")
    >>> check_callable(3, "f", "derivative")
    Traceback (most recent call last):
    ...
    TypeError: derivative: f must be callable, got int
    """
    if not callable(f):
        prefix = f"{func}: " if func else ""
        raise TypeError(f"{prefix}{name} must be {expected}, got {type(f).__name__}")


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
