"""Input validation shared by every chapter module.

Every public function of :mod:`mlmath_ref` turns its array arguments into
float arrays with :func:`as_array`, which refuses what would otherwise give a
silent wrong answer: text, objects, booleans masquerading as numbers, masked
arrays, empty arrays, NaN and infinity. The messages name the argument, what
it got and what was expected.

This is the one home of the argument checks that more than one module
makes: arrays (:func:`as_array`, :func:`as_square`, :func:`as_float`), their
shapes (:func:`check_same_shape`, :func:`check_length`,
:func:`check_nonzero`), numbers (:func:`is_real_number`, :func:`is_integer`,
:func:`check_integer`, :func:`check_positive`, :func:`check_in_interval`),
flags (:func:`check_flag`), sources of randomness (:func:`check_rng`),
iterables (:func:`is_iterable`) and functions passed as arguments
(:func:`check_callable`, :func:`call_function`, :func:`call_vector`,
:func:`copy_argument`). A check that only one module makes stays in that
module, next to the function it guards. Numbers that algorithms compute with
(machine epsilon, the step of a difference quotient, scaling by powers of
two) are in :mod:`mlmath_ref._numerics`.
"""

from __future__ import annotations

import copy
import math
import numbers
import reprlib
import warnings

import numpy as np

__all__ = [
    "as_array",
    "as_float",
    "as_shape",
    "as_square",
    "call_function",
    "call_vector",
    "check_callable",
    "check_flag",
    "check_in_interval",
    "check_integer",
    "check_length",
    "check_nonzero",
    "check_positive",
    "check_rng",
    "check_same_shape",
    "copy_argument",
    "is_integer",
    "is_iterable",
    "is_real_number",
    "refuse_masked",
    "set_module",
    "show",
]

_NDIM_NAMES = {0: "a scalar", 1: "a vector (1-D)", 2: "a matrix (2-D)"}
_MAX_COUNT = int(np.iinfo(np.intp).max)  # the largest size NumPy can index: 2**63 - 1 on 64-bit machines


def set_module(module):
    """Make a function report `module` as its home, for docs and reprs."""

    def decorate(func):
        func.__module__ = module
        return func

    return decorate


def show(value):
    """A short, readable repr of `value` for error messages: long integers and containers are abbreviated.

    Examples
    --------
    >>> from mlmath_ref._checks import show
    >>> show(10**400), show(2.5), show(list(range(100)))
    ('an integer of 401 digits', '2.5', '[0, 1, 2, 3, 4, 5, ...]')
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and abs(int(value)) >= 10**20:
        return f"an integer of {len(str(abs(int(value))))} digits"
    if isinstance(value, np.generic):
        value = value.item()  # 2.5, not np.float64(2.5)
    return reprlib.repr(value)


def _describe_ndim(ndim):
    if isinstance(ndim, tuple):
        return " or ".join(_NDIM_NAMES.get(n, f"{n}-D") for n in ndim)
    return _NDIM_NAMES.get(ndim, f"a {ndim}-D array")


def refuse_masked(x, name):
    """Raise TypeError if `x` is a masked array: the package's one rule for masks.

    NumPy's ``np.asarray`` silently drops the mask of a ``numpy.ma``
    array, so every masked entry would count with whatever value it hides.
    Honoring a mask instead would mean different mathematics in every
    function (a masked entry of a vector to sum is skipped, of a matrix to
    invert it is not even defined), so masked arrays are refused
    everywhere, with the two ways to say what the masked entries mean.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import refuse_masked
    >>> refuse_masked(np.ma.masked_array([1.0, 2.0], mask=[False, True]), "x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: x must be a plain array, got a masked array: mlmath_ref does not honor masks; ...
    """
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(
            f"{name} must be a plain array, got a masked array: mlmath_ref does not honor masks; use "
            f"{name}.filled(value) to give the masked entries a value, or {name}.compressed() to drop them"
        )


def _from_objects(arr, name):
    # An array of Python objects: accept real numbers (such as integers too large for int64),
    # refuse anything else, naming the first offending entry.
    for item in arr.flat:
        if isinstance(item, np.ma.core.MaskedConstant):
            refuse_masked(np.ma.masked_array([0.0], mask=[True]), name)
        if not is_real_number(item):
            kind = "real" if isinstance(item, numbers.Complex) and not isinstance(item, bool) else "numeric"
            raise TypeError(f"{name} must be {kind}, got an entry {show(item)} of type {type(item).__name__}")
    try:
        return arr.astype(np.float64)
    except (OverflowError, ValueError, TypeError):
        raise ValueError(f"{name} has an entry too large for float64 (beyond ±1.8e308)") from None


def _asarray(x, name):
    if isinstance(x, (list, tuple)):
        # A list holding numpy.ma.masked converts it to NaN with a warning: refuse it as a mask.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            arr = np.asarray(x)
        if any("masked element" in str(w.message) for w in caught):
            refuse_masked(np.ma.masked_array([0.0], mask=[True]), name)
        return arr
    return np.asarray(x)


def as_array(x, name, *, ndim=None, min_ndim=None, allow_empty=False, finite=True):
    """Convert `x` to a new float64 array, or raise a clear error.

    The result is always a fresh C-ordered copy, never a view of the
    caller's memory: no function can change its caller's array by working
    on the result, and a user's function handed the result cannot either.

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
        A float64 array of its own.

    Raises
    ------
    TypeError
        If `x` is not real and numeric (strings, objects, booleans, None,
        complex numbers, times), or is a masked array: honoring a mask
        would mean different mathematics in every function, so none does
        (see :func:`refuse_masked`).
    ValueError
        If `x` has the wrong number of dimensions, is empty, holds NaN or
        infinite entries, or an entry beyond the range of float64 (an
        integer such as ``10**400``).
    """
    if x is None:
        raise TypeError(f"{name} must be a numeric array, got None")
    refuse_masked(x, name)
    try:
        arr = _asarray(x, name)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular numeric array: {exc}") from None
    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(f"{name} must be numeric, got a boolean array; convert it with .astype(float)")
    if kind == "c":
        raise TypeError(f"{name} must be real, got complex dtype {arr.dtype}")
    if kind == "O":
        arr = _from_objects(arr, name)
    elif kind not in "iuf":  # text, bytes, dates, time differences, records
        raise TypeError(f"{name} must be numeric, got an array of dtype {arr.dtype} ({type(x).__name__})")
    if ndim is not None:
        allowed = ndim if isinstance(ndim, tuple) else (ndim,)
        if arr.ndim not in allowed:
            raise ValueError(f"{name} must be {_describe_ndim(ndim)}, got an array of shape {arr.shape}")
    if min_ndim is not None and arr.ndim < min_ndim:
        raise ValueError(f"{name} must have at least {min_ndim} dimension(s), got shape {arr.shape}")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if finite and kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must not contain NaN or infinite entries")
    if kind == "f" and arr.dtype.itemsize > 8:  # long double: its range is wider than float64's
        with np.errstate(over="ignore"):
            out = arr.astype(np.float64)
        if finite and not np.all(np.isfinite(out)):
            raise ValueError(f"{name} has an entry too large for float64 (beyond ±1.8e308)")
        return out
    return np.array(arr, dtype=np.float64, order="C", copy=True)


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


def as_shape(shape, name):
    """Turn an int or a sequence of ints into a shape tuple, or raise naming `name`.

    A shape is a tuple of non-negative integers; a single integer stands for
    a one-dimensional shape, as it does in NumPy.

    Examples
    --------
    >>> from mlmath_ref._checks import as_shape
    >>> as_shape(3, "s"), as_shape([2, 1], "s")
    ((3,), (2, 1))
    >>> as_shape((2, 1.0), "shape")
    Traceback (most recent call last):
    ...
    TypeError: shape must be a tuple of integers, got (2, 1.0)
    """
    if is_integer(shape):
        shape = (shape,)
    if not is_iterable(shape):
        raise TypeError(f"{name} must be a tuple of integers, got {show(shape)}")
    shape = tuple(shape)
    for size in shape:
        if not is_integer(size):
            raise TypeError(f"{name} must be a tuple of integers, got {show(shape)}")
        if size < 0:
            raise ValueError(f"{name} must have non-negative sizes, got {show(shape)}")
    return tuple(int(size) for size in shape)


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
        raise TypeError(f"{name} must be an integer, got {show(value)}")
    return value


def check_positive(value, name, *, integer=False, allow_zero=False):
    """Return `value` if it is a positive (or non-negative) finite real number, else raise.

    Integers are compared exactly, however large; with ``integer=True`` the
    value must also fit NumPy's sizes (at most ``2**63 - 1``), since every
    count in the package sizes an array or a loop.

    Examples
    --------
    >>> from mlmath_ref._checks import check_positive
    >>> check_positive(3, "n", integer=True), check_positive(0.5, "tol")
    (3, 0.5)
    >>> check_positive(10**400, "n", integer=True)
    Traceback (most recent call last):
    ...
    ValueError: n must be at most 2**63 - 1, got an integer of 401 digits
    >>> check_positive(-1e-3, "h")
    Traceback (most recent call last):
    ...
    ValueError: h must be positive and finite, got -0.001
    """
    if integer:
        check_integer(value, name)
    elif not is_real_number(value):
        raise TypeError(f"{name} must be a real number, got {show(value)}")
    if integer:
        number = int(value)
        ok = number > 0 or (allow_zero and number == 0)
        if ok and number > _MAX_COUNT:
            raise ValueError(f"{name} must be at most 2**63 - 1, got {show(value)}")
    else:
        try:
            number = float(value)  # an integer, a Fraction or a long double beyond float64 overflows here
        except OverflowError:
            raise ValueError(
                f"{name} must be within the range of float64 (±1.8e308), got {show(value)}"
            ) from None
        ok = math.isfinite(number) and (number > 0 or (allow_zero and number == 0))
    if not ok:
        expected = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{name} must be {expected} and finite, got {show(value)}")
    return value


def check_in_interval(value, name, low, high, *, closed=(True, True), expected=None):
    """Return `value` as a float if it is a real number in the interval from `low` to `high`.

    `closed` says whether each end belongs to the interval; `expected` is what the message says
    the value must be (by default the interval, such as ``"in [0, 1)"``). NaN, infinities and
    integers beyond float64 are outside every interval with finite ends.

    Examples
    --------
    >>> from mlmath_ref._checks import check_in_interval
    >>> check_in_interval(0.9, "momentum", 0, 1, closed=(True, False))
    0.9
    >>> check_in_interval(1.0, "momentum", 0, 1, closed=(True, False))
    Traceback (most recent call last):
    ...
    ValueError: momentum must be in [0, 1), got 1.0
    >>> check_in_interval("0.5", "p", 0, 1)
    Traceback (most recent call last):
    ...
    TypeError: p must be a real number, got '0.5'
    """
    if not is_real_number(value):
        raise TypeError(f"{name} must be a real number, got {show(value)}")
    above = low <= value if closed[0] else low < value
    below = value <= high if closed[1] else value < high
    if not (above and below):
        if expected is None:
            expected = f"in {'[' if closed[0] else '('}{low}, {high}{']' if closed[1] else ')'}"
        raise ValueError(f"{name} must be {expected}, got {show(value)}")
    return float(value)


def check_flag(value, name):
    """Return `value` as a bool if it is True or False (Python's or NumPy's), else raise TypeError.

    A number or a string is refused rather than read as true: ``"False"`` is truthy.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import check_flag
    >>> check_flag(np.True_, "nesterov")
    True
    >>> check_flag(1, "fit_intercept")
    Traceback (most recent call last):
    ...
    TypeError: fit_intercept must be True or False, got 1
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {show(value)}")
    return bool(value)


def check_rng(rng, name="rng"):
    """Return `rng` if it is a ``numpy.random.Generator``, else raise TypeError naming `name`.

    A seed is refused, not turned into a generator: every call would then draw the same
    numbers. So are the legacy ``RandomState``, a ``SeedSequence`` and a bare bit generator.

    Examples
    --------
    >>> from mlmath_ref._checks import check_rng
    >>> check_rng(0)
    Traceback (most recent call last):
    ...
    TypeError: rng must be a numpy.random.Generator such as np.random.default_rng(0), got int
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator such as np.random.default_rng(0), "
            f"got {type(rng).__name__}"
        )
    return rng


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


def copy_argument(value, name):
    """A copy of `value` to hand to a user's function, so that it cannot change the original.

    Arrays are copied, other objects deep-copied; immutable numbers come back
    as they are.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import copy_argument
    >>> x = np.zeros(2)
    >>> copy_argument(x, "x0") is x
    False
    """
    if isinstance(value, np.ndarray):
        return value.copy()
    try:
        return copy.deepcopy(value)
    except Exception as exc:  # objects that refuse to be copied (generators, open files...)
        raise TypeError(
            f"{name} must be a value that can be copied (the function is handed a copy, so that it "
            f"cannot change the original), but copying {type(value).__name__} failed: {exc}"
        ) from None


def call_function(f, x, label="f(x)", *, shape=None, hint="", explain=None):
    """Call the user's `f` on a copy of `x` and return what it gave as a finite float array.

    What `f` returns goes through :func:`as_array` under the name `label`
    (such as ``"f(x + h)"``), so a function that returns None, text, a
    complex number, a masked array, NaN or infinity gets an error that names
    `f` and the call. With `shape`, the value must have that shape; `hint` is
    appended to that message. Exceptions raised by `f` itself propagate
    unchanged, unless `explain` is given: then a TypeError or ValueError from
    `f` becomes a ValueError that starts with `explain` and chains the
    original (for callers that need `f` to work on whole arrays).

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref._checks import call_function
    >>> call_function(np.sum, np.array([1.0, 2.0]), shape=())
    array(3.)
    >>> call_function(lambda x: None, np.array([1.0]))
    Traceback (most recent call last):
    ...
    TypeError: f(x) must be a numeric array, got None
    >>> call_function(lambda x: x, np.array([1.0, 2.0]), "f(x + h)", shape=())
    Traceback (most recent call last):
    ...
    ValueError: f must return an array of shape (), but f(x + h) has shape (2,)
    """
    try:
        value = f(x.copy() if isinstance(x, np.ndarray) else x)
    except (TypeError, ValueError) as exc:
        if explain is None:
            raise
        raise ValueError(f"{explain}: {exc}") from exc
    y = as_array(value, label, allow_empty=True)
    if shape is not None and y.shape != tuple(shape):
        raise ValueError(
            f"f must return an array of shape {tuple(shape)}, but {label} has shape {y.shape}{hint}"
        )
    return y


def call_vector(f, x, label="f(x)", m=None, scalar_hint=""):
    """Call `f` on a copy of `x` and require a finite real vector (of length `m`, once known).

    Used wherever the user passes a vector-valued function (``matrix_of``, ``jacobian``);
    every message names `f` and the call, given as `label` (such as ``"f(e_0)"``).
    `scalar_hint` is appended when `f` returned a single number instead of a vector.
    """
    y = call_function(f, x, label)
    if y.ndim != 1:
        hint = scalar_hint if y.ndim == 0 else ""
        raise ValueError(f"f must return a vector (1-D array), but {label} has shape {y.shape}{hint}")
    if y.size == 0:
        raise ValueError(f"f must return a non-empty vector, but {label} is empty")
    if m is not None and y.shape[0] != m:
        raise ValueError(f"f must return vectors of one length: {m} entries before, {y.shape[0]} for {label}")
    return y
