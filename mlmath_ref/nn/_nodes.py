"""What the parts of :mod:`mlmath_ref.nn` share: graph nodes with closed-form derivatives, argument checks.

The functions of the module accept NumPy arrays or :class:`~mlmath_ref.autodiff.Tensor`
objects. On Tensors each of them records *one* node of the computational graph whose
vector-Jacobian products are the closed forms the concept pages derive (softmax,
cross-entropy, a linear layer, attention), instead of the dozen elementary nodes the same
formula would record. This module is the only place in :mod:`mlmath_ref.nn` that builds such
nodes (through the engine's ``Tensor._result``); the checks here are the ones more than one
part of the module makes. Nothing here is public.
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import as_array, is_integer, refuse_masked, show
from mlmath_ref.autodiff import Tensor

__all__ = []


def _node(data, parents, vjps, op):
    """A Tensor computed by one operation: `data` (float64), its `parents` and one VJP per parent.

    Parameters
    ----------
    data : ndarray
        The value of the operation, float64 (made read-only).
    parents : sequence of Tensor
        The inputs of the operation.
    vjps : sequence of callable
        For each parent, the rule that maps the gradient with respect to the
        output to the gradient with respect to that parent: a new float64
        array of the parent's shape, which nothing else holds (a leaf keeps
        it as its gradient without a copy).
    op : str
        The name of the operation, shown when the graph is drawn.

    Returns
    -------
    Tensor
        The output node.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.autodiff import Tensor
    >>> from mlmath_ref.nn._nodes import _node
    >>> x = Tensor([1.0, 2.0])
    >>> y = _node(3 * x.data, (x,), (lambda g: 3 * g,), "times 3")
    >>> y.sum().backward()
    >>> x.grad
    array([3., 3.])
    """
    return Tensor._result(data, tuple(parents), tuple(vjps), op, fresh=True)


def _constant(array):
    """A leaf Tensor that holds `array` (already validated and copied) and gets no gradient.

    Parameters
    ----------
    array : ndarray
        Finite float64 data that nobody else holds (it is made read-only).

    Returns
    -------
    Tensor
        A constant leaf: ``backward()`` passes it no gradient.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn._nodes import _constant
    >>> c = _constant(np.array([1.0, 2.0]))
    >>> c.label, c.data.flags.writeable
    ('const', False)
    """
    out = Tensor._result(array, (), (), "")
    out.label, out._constant = "const", True
    return out


def _operand(x, name, func, check_finite=True, **checks):
    """`x` as a Tensor (itself, or a constant holding a validated copy of an array); and whether it was one.

    The ``checks`` (``ndim``, ``min_ndim``) are those of :func:`mlmath_ref._checks.as_array`,
    made on the data of a Tensor too, with messages that name `name` and start with `func`.
    With ``check_finite=False``, a float64 array is copied without looking for NaN or infinite
    entries: for a caller whose next step finds them anyway (a linear layer, whose output is
    not finite then), and which must then say that `x` held them.

    Parameters
    ----------
    x : object
        The argument as the caller gave it.
    name : str
        Its name, for the messages.
    func : str
        The public function's name, for the messages.
    check_finite : bool, default=True
        Whether to look for NaN and infinite entries in a float64 array.
    **checks
        ``ndim`` or ``min_ndim``, as for ``as_array``.

    Returns
    -------
    Tensor
        `x` itself, or a constant holding a validated float64 copy.
    bool
        Whether `x` was a Tensor.

    Examples
    --------
    >>> from mlmath_ref.nn._nodes import _operand
    >>> t, was_tensor = _operand([[1, 2]], "x", "f", ndim=2)
    >>> t.shape, was_tensor
    ((1, 2), False)
    >>> _operand([1, 2], "x", "f", ndim=2)
    Traceback (most recent call last):
    ...
    ValueError: f: x must be a matrix (2-D), got an array of shape (2,)
    """
    try:
        if isinstance(x, Tensor):
            _check_ndim(x.data, name, **checks)
            return x, True
        if type(x) is np.ndarray and x.dtype == np.float64 and x.size:  # a batch of data, the common case
            data = x.copy()  # what as_array returns for it, with one pass fewer
            if not check_finite or (math.isfinite(data.max()) and math.isfinite(data.min())):  # NaN shows
                # in the max, an infinity in the max or the min
                _check_ndim(data, name, **checks)
                return _constant(data), False
        return _constant(as_array(x, name, **checks)), False  # the conversions, and every message
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{func}: {exc}") from None


def _check_ndim(data, name, *, ndim=None, min_ndim=None):
    """The dimension checks of ``as_array``, on an array that is already valid (a Tensor's data).

    Parameters
    ----------
    data : ndarray
        The array.
    name : str
        Its name, for the messages.
    ndim : int, optional
        The exact number of dimensions required.
    min_ndim : int, optional
        The least number of dimensions required.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn._nodes import _check_ndim
    >>> _check_ndim(np.zeros(3), "z", min_ndim=2)
    Traceback (most recent call last):
    ...
    ValueError: z must have at least 2 dimension(s), got shape (3,)
    """
    if ndim is not None and data.ndim != ndim:
        as_array(data, name, ndim=ndim)  # raises with the package's wording
    if min_ndim is not None and data.ndim < min_ndim:
        as_array(data, name, min_ndim=min_ndim)


def _check_axis(axis, ndim, name, func):
    """`axis` as a non-negative index of an array of `ndim` dimensions, or a clear error.

    Parameters
    ----------
    axis : object
        The axis as the caller gave it; negative counts from the end.
    ndim : int
        The number of dimensions of the array.
    name : str
        The array's name, for the messages.
    func : str
        The public function's name, for the messages.

    Returns
    -------
    int
        The axis, in ``0, ..., ndim - 1``.

    Examples
    --------
    >>> from mlmath_ref.nn._nodes import _check_axis
    >>> _check_axis(-1, 3, "z", "softmax")
    2
    >>> _check_axis(2, 2, "z", "softmax")
    Traceback (most recent call last):
    ...
    ValueError: softmax: axis 2 is out of range for z with 2 dimensions
    """
    if not is_integer(axis):
        raise TypeError(f"{func}: axis must be an integer, got {show(axis)}")
    if not -ndim <= axis < ndim:
        raise ValueError(f"{func}: axis {axis} is out of range for {name} with {ndim} dimensions")
    return int(axis) % ndim


def _check_labels(labels, n, k, func, name="labels"):
    """Integer class labels: a 1-D integer array of length `n` with entries in ``0, ..., k - 1``.

    Parameters
    ----------
    labels : object
        The argument as the caller gave it.
    n : int
        The number of rows (samples) the labels must match.
    k : int
        The number of classes.
    func : str
        The public function's name, for the messages.
    name : str
        The argument's name, for the messages.

    Returns
    -------
    ndarray of int64
        A copy of the labels.

    Raises
    ------
    TypeError
        If `labels` is a Tensor, a masked array, or not an integer array.
    ValueError
        If it is not 1-D of length `n`, or holds a label outside ``[0, k)``.

    Examples
    --------
    >>> from mlmath_ref.nn._nodes import _check_labels
    >>> _check_labels([2, 0], 2, 3, "f")
    array([2, 0])
    >>> _check_labels([0.0, 1.0], 2, 3, "f")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: f: labels must be integer class indices, got an array of dtype float64; ...
    """
    if type(labels) is np.ndarray and labels.dtype.kind in "iu" and labels.shape == (n,) and n:  # the common
        # case (a plain array: not a Tensor, not masked). Read as unsigned integers of the same size, a
        # negative label becomes a number of at least 2**(bits - 1): one reduction checks both ends of
        # the range (the slow path below decides when k is beyond that).
        if labels.view(labels.dtype.str.replace("i", "u")).max() < min(k, 2 ** (8 * labels.itemsize - 1)):
            return np.array(labels, dtype=np.int64)
    if isinstance(labels, Tensor):
        raise TypeError(
            f"{func}: {name} must be an array of integer class indices, got a Tensor "
            "(labels are data, not parameters: pass a NumPy integer array)"
        )
    refuse_masked(labels, f"{func}: {name}")
    if labels is None:
        raise TypeError(f"{func}: {name} must be an array of integer class indices, got None")
    y = np.asarray(labels)
    if y.dtype.kind not in "iu":
        hint = (
            "; convert whole numbers with .astype(int)"
            if y.dtype.kind == "f"
            else " (True and False are not class indices)"
            if y.dtype.kind == "b"
            else ""
        )
        raise TypeError(
            f"{func}: {name} must be integer class indices, got an array of dtype {y.dtype}{hint}"
        )
    if y.ndim != 1 or y.shape[0] != n:
        raise ValueError(
            f"{func}: {name} must be a vector of {n} class indices (one per row), got shape {y.shape}"
        )
    if y.min() < 0 or y.max() >= k:  # two reductions; the offending entry is looked for only then
        i = int(np.argmax((y < 0) | (y >= k)))
        raise ValueError(
            f"{func}: {name} must be class indices in 0, ..., {k - 1} ({k} classes), "
            f"got {show(y[i])} at position {i}"
        )
    return np.array(y, dtype=np.int64)
