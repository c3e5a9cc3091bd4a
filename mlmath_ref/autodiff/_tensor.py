"""Reverse-mode automatic differentiation on NumPy arrays: the Tensor engine."""

from __future__ import annotations

import contextlib
import itertools
import math
from operator import attrgetter

import numpy as np
from numpy.lib.array_utils import normalize_axis_tuple

from mlmath_ref._checks import as_array, as_shape, is_integer, is_real_number, set_module, show
from mlmath_ref.autodiff._toposort import topological_order

__all__ = ["Tensor", "unbroadcast"]

# Every Tensor takes the next number of this count when it is made. An operation's inputs exist
# before its output, so a parent's number is always below its child's: sorting the nodes of a graph
# by number is a topological order, found without a depth-first search.
_numbers = itertools.count()
_number = attrgetter("_number")


@set_module("mlmath_ref.autodiff")
def unbroadcast(grad, shape):
    r"""Sum a gradient back down to the shape of the operand that was broadcast.

    When NumPy broadcasts an operand of shape `shape` to a bigger shape, each
    of its entries is used several times; the gradient of each use arrives
    separately and the uses add up. This function does that sum. Concept
    page: :ref:`concept-automatic-differentiation`.

    Parameters
    ----------
    grad : array_like
        Gradient with respect to the broadcast result: real, finite numbers.
    shape : tuple of int
        Shape of the operand before broadcasting; it must broadcast to
        ``grad.shape``. A single integer ``n`` stands for ``(n,)``.

    Returns
    -------
    ndarray
        Array of shape `shape`.

    Raises
    ------
    TypeError
        If `grad` is not real and numeric, or `shape` is not a tuple of
        integers.
    ValueError
        If `grad` holds NaN or infinite entries, `shape` has a negative
        size, or `shape` does not broadcast to the shape of `grad`.

    See Also
    --------
    numpy.broadcast_to : The forward operation this undoes.

    Notes
    -----
    Broadcasting first prepends axes of length 1 until both shapes have the
    same length, then stretches every axis of length 1. Undoing it sums over
    the prepended axes, then over each stretched axis (keeping it, with
    length 1).

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.autodiff import unbroadcast
    >>> g = np.ones((4, 2, 3))
    >>> unbroadcast(g, (3,))              # a bias of shape (3,) was used 8 times
    array([8., 8., 8.])
    >>> unbroadcast(g, (2, 1)).shape
    (2, 1)
    >>> unbroadcast(g, (2,))
    Traceback (most recent call last):
    ...
    ValueError: unbroadcast: shape (2,) does not broadcast to the shape of grad, (4, 2, 3)
    """
    grad = as_array(grad, "grad", allow_empty=True)
    shape = as_shape(shape, "shape")
    with np.errstate(over="ignore", invalid="ignore"):
        out = _unbroadcast(grad, shape)
    if not np.all(np.isfinite(out)):  # a running sum overflowed: the same sums of grad / 2**k, scaled back
        k = math.ceil(math.log2(max(grad.size, 2))) + 1
        with np.errstate(over="ignore", invalid="ignore"):
            out = np.ldexp(_unbroadcast(np.ldexp(grad, -k), shape), k)
        if not np.all(np.isfinite(out)):
            raise ValueError("unbroadcast: a sum of entries of grad overflows float64 (beyond ±1.8e308)")
    return out


def _unbroadcast(grad, shape):
    # unbroadcast without checking its arguments: the engine's own calls pass valid ones
    extra = grad.ndim - len(shape)
    if extra < 0 or any(n not in (1, m) for n, m in zip(shape, grad.shape[extra:], strict=True)):
        raise ValueError(f"unbroadcast: shape {shape} does not broadcast to the shape of grad, {grad.shape}")
    if extra:
        grad = grad.sum(axis=tuple(range(extra)))  # the prepended axes
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad


def _broadcast_shape(a, b, op):
    try:
        return np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ValueError(f"Tensor {op}: shapes {a.shape} and {b.shape} do not broadcast together") from None


def _axes(axis, ndim, method):
    if axis is None:
        return tuple(range(ndim))
    items = axis if isinstance(axis, tuple) else (axis,)
    if not all(is_integer(i) for i in items):
        raise TypeError(f"Tensor.{method}: axis must be an integer or a tuple of integers, got {show(axis)}")
    try:
        return normalize_axis_tuple(axis, ndim)
    except ValueError as exc:  # AxisError is a ValueError
        raise ValueError(f"Tensor.{method}: invalid axis {axis!r} for {ndim}-D data ({exc})") from None


def _check_keepdims(keepdims, method):
    if not isinstance(keepdims, (bool, np.bool_)):
        raise TypeError(f"Tensor.{method}: keepdims must be True or False, got {show(keepdims)}")


def _spread(g, shape, axes, keepdims):
    # The gradient of a sum over `axes`: every summed entry receives the gradient of its sum.
    if not keepdims:
        g = np.expand_dims(g, axes)
    return np.broadcast_to(g, shape)


def _times_sech2(g, a, bounded=False):
    # g * (1 - tanh(a)**2) = g / cosh(a)**2: it keeps its relative precision where 1 - tanh(a)**2
    # loses every digit once tanh(a) rounds to +-1 (|a| > 19). Where |a| < 355 everywhere (bounded
    # says the caller knows it), cosh(a)**2 is finite and one division finishes it. Beyond, cosh(a)**2
    # overflows while g / cosh(a)**2 may not (a huge g), so g * (1 / cosh(a))**2 instead: cosh
    # overflowing (|a| > 710) gives the 0 that the true value underflows to, and squaring 1 / cosh(a)
    # underflows gradually. One new array, the rest in place (fresh arrays are the cost that counts).
    # Called inside np.errstate(over="ignore") (backward()'s): no context of its own here.
    r = np.empty_like(a)  # (np.cosh of a 0-d array would return a scalar, not an array to work in)
    np.cosh(a, out=r)
    r *= r
    if bounded or math.isfinite(r.max()):
        return np.divide(g, r, out=r)
    np.cosh(a, out=r)
    np.divide(1.0, r, out=r)
    r *= r
    r *= g
    return r


def _all_finite(x):
    # Whether every entry of x is finite: a NaN shows in the largest entry, an infinity in the largest
    # or the smallest. Two reductions with no new array and no floating-point warning to silence,
    # cheaper than np.all(np.isfinite(x)) on the arrays of a network.
    return x.size == 0 or (math.isfinite(x.max()) and math.isfinite(x.min()))


def _finite(data, op, parents):
    # The forward value of an operation on finite data: an inf or a NaN can only be an overflow.
    if not _all_finite(data):
        largest = max(float(np.max(np.abs(p.data))) for p in parents)
        raise ValueError(
            f"Tensor {op}: the result overflows float64 (beyond ±1.8e308; the largest input "
            f"entry is {largest:.3g})"
        )
    return data


@set_module("mlmath_ref.autodiff")
class Tensor:
    r"""An array that remembers how it was computed, for reverse-mode differentiation.

    The array version of :class:`Scalar`, for the neural-network chapter.
    Every operation returns a new Tensor that records its inputs
    (``parents``) and, for each input, its *vector-Jacobian product*: the
    rule that turns the gradient with respect to the output into the
    gradient with respect to that input. ``backward()`` applies these
    rules from the result back to the inputs. Concept page:
    :ref:`concept-automatic-differentiation`.

    Parameters
    ----------
    data : array_like
        Real, finite numbers of any shape; stored as a float64 copy, so that
        changing the caller's array later does not change the Tensor.
    label : str, default=""
        A name for the node, shown when the graph is drawn.

    Attributes
    ----------
    data : ndarray
        The values computed by the forward pass; ``.shape`` is its shape.
        Read-only: to change them (a training step), assign a new array,
        ``w.data = w.data - lr * w.grad``.
    grad : ndarray
        Same shape as `data`: the gradient of the quantity ``backward()``
        was called on with respect to this node. It starts at zero; on input
        nodes (leaves) it *accumulates* over calls to ``backward()`` until
        ``zero_grad()`` resets it.
    parents : tuple of Tensor
        The inputs of the operation that produced this node; empty for a leaf.
    op : str
        The operation that produced this node; empty for a leaf.
    label : str
        The name given at construction.

    Raises
    ------
    TypeError
        If `data` is not real and numeric.
    ValueError
        If `data` is empty or holds NaN or infinite entries.

    See Also
    --------
    Scalar : The same engine on single numbers, easier to follow by hand.
    unbroadcast : How a broadcast operand gets a gradient of its own shape.
    graph_of : The nodes and edges below a Tensor, for drawing.

    Notes
    -----
    Operations: ``+ - * /`` with broadcasting (Tensors, arrays or numbers on
    either side), unary ``-``, ``** p`` for a number `p`, ``@`` between 1-D
    and 2-D Tensors, and the methods ``sum()``, ``mean()``,
    ``reshape()``, ``transpose()`` (and ``.T``), ``exp()``,
    ``log()``, ``tanh()``, ``sigmoid()``, ``relu()``. With
    :math:`\bar{\mathbf{y}}` the gradient with respect to the output, the
    rules for a matrix product :math:`Y = AB` are

    .. math:: \bar{A} = \bar{Y} B^\top, \qquad \bar{B} = A^\top \bar{Y},

    and an elementwise function :math:`y = f(a)` passes back
    :math:`\bar{y} \odot f'(a)`. A vector on the left of ``@`` is treated as
    a row and on the right as a column, as in NumPy. A number or an array
    combined with a Tensor is a constant: it gets no gradient.

    Shapes that do not fit raise ValueError naming both shapes, where NumPy
    would broadcast or fail with a less specific message. Every error is a
    ValueError or a TypeError: ``log()`` of a non-positive entry, a negative
    entry to a non-integer power, division by a zero entry, and a result
    beyond float64 (``exp()`` of an entry above about 709.78, a product or
    a sum that overflows) are ValueErrors. ``sigmoid()`` and ``tanh()`` and
    their derivatives use forms that keep full relative precision over the
    whole float range (``sigmoid(-40)`` is :math:`4.2 \times 10^{-18}`, not 0).
    ``backward()`` raises a ValueError when a gradient is not a finite
    number: an overflow, or an infinite derivative (:math:`x^{1/2}` at 0).

    Every Tensor keeps a version number, raised by each assignment to
    ``data``; each operation records the versions of its inputs, and
    ``backward()`` refuses to run through an input whose data changed after
    the forward pass used it, as PyTorch does: the gradients would be those
    of values the forward pass never saw.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.autodiff import Tensor
    >>> W = Tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> x = Tensor([1.0, -1.0])
    >>> loss = ((W @ x) ** 2).sum()         # ||W x||^2
    >>> loss.backward()
    >>> float(loss.data), W.grad            # dloss/dW = 2 (W x) x^T
    (2.0, array([[-2.,  2.],
           [-2.,  2.]]))
    >>> (W @ x).backward()
    Traceback (most recent call last):
    ...
    ValueError: backward on a non-scalar needs a seed gradient: grad of shape (2,)
    >>> W @ Tensor([1.0, 2.0, 3.0])
    Traceback (most recent call last):
    ...
    ValueError: Tensor @: shapes (2, 2) and (3,) do not fit: 2 columns against 3 rows
    >>> loss = ((W @ x) ** 2).sum()
    >>> W.data = W.data - 0.1 * W.grad      # a training step, before the next backward
    >>> loss.backward()                     # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: backward: the data of a leaf Tensor was changed (version 0 -> 1) after the forward ...
    """

    # NumPy arrays on the left of an operator defer to Tensor's own methods.
    __array_ufunc__ = None

    def __init__(self, data, label=""):
        self._set(as_array(data, "data"))
        self._number = next(_numbers)
        self._version = 0
        self._grad = None
        self.label = str(label)
        self.parents = ()
        self._vjps = ()
        self._versions = ()
        self._constant = False
        self._fresh = False
        self.op = ""

    def _set(self, array):
        array.flags.writeable = False  # changed only by assigning .data, which raises the version
        self._data = array

    @classmethod
    def _result(cls, data, parents, vjps, op, fresh=False):
        # The output of an operation: its data, its inputs (and their versions now), and for each
        # input the rule "gradient with respect to the output -> gradient with respect to this input".
        # fresh=True promises that every rule returns a new float64 array that nothing else holds,
        # which a leaf may then keep as its gradient without a copy.
        out = cls.__new__(cls)
        if type(data) is not np.ndarray or data.dtype != np.float64:  # a NumPy scalar, another dtype
            data = np.asarray(data, dtype=np.float64)
        if data.flags.writeable:
            data.flags.writeable = False
        out._data, out._version, out._grad, out.label = data, 0, None, ""
        out._number = next(_numbers)
        out.parents, out._vjps, out.op = parents, vjps, op
        out._versions = tuple([p._version for p in parents])
        out._constant = False
        out._fresh = fresh
        return out

    @classmethod
    def _lift(cls, other, op):
        # `other` as a Tensor: a constant leaf (no gradient) for a number or an array, or None.
        if isinstance(other, Tensor):
            return other
        if is_real_number(other) or isinstance(other, (np.ndarray, list, tuple)):
            out = cls._result(as_array(other, f"the other operand of Tensor {op}"), (), (), "")
            out.label, out._constant = "const", True
            return out
        return None

    @property
    def data(self):
        """The values of this node, a read-only float64 array.

        Assigning a new array (validated and copied, of the same shape)
        raises the Tensor's version, so that a backward pass through a graph
        recorded before the change is refused.

        Returns
        -------
        ndarray
            The data, read-only.
        """
        return self._data

    @data.setter
    def data(self, value):
        value = as_array(value, "data")
        if value.shape != self._data.shape:
            raise ValueError(
                f"data must keep the Tensor's shape {self._data.shape}, got shape {value.shape}; "
                "make a new Tensor for data of another shape"
            )
        self._set(value)
        self._version += 1

    @property
    def grad(self):
        """The gradient of the last ``backward()`` with respect to this node (zeros before any).

        Returns
        -------
        ndarray
            An array of the shape of `data`.
        """
        if self._grad is None:
            self._grad = np.zeros_like(self._data)
        return self._grad

    @grad.setter
    def grad(self, value):
        value = as_array(value, "grad")
        if value.shape != self._data.shape:
            raise ValueError(f"grad must have the Tensor's shape {self._data.shape}, got shape {value.shape}")
        self._grad = value

    @property
    def shape(self):
        """The shape of `data`.

        Returns
        -------
        tuple of int
            The same as ``data.shape``.
        """
        return self._data.shape

    @property
    def T(self):
        """The transpose: ``transpose()`` with the axes reversed.

        Returns
        -------
        Tensor
            The Tensor with its axes in reverse order.
        """
        return self.transpose()

    def __repr__(self):
        return "Tensor(" + np.array2string(self._data, separator=", ", prefix="Tensor(") + ")"

    # --- elementwise arithmetic with broadcasting --------------------------------------

    def _binary(self, other, op, forward, vjp_a, vjp_b):
        other = Tensor._lift(other, op)
        if other is None:
            return NotImplemented
        _broadcast_shape(self, other, op)
        a, b = self._data, other._data
        with np.errstate(over="ignore", invalid="ignore"):
            out = forward(a, b)
        return Tensor._result(
            _finite(out, op, (self, other)),
            (self, other),
            (
                lambda g: _unbroadcast(vjp_a(g, a, b), a.shape),
                lambda g: _unbroadcast(vjp_b(g, a, b), b.shape),
            ),
            op,
        )

    def __add__(self, other):
        return self._binary(other, "+", np.add, lambda g, a, b: g, lambda g, a, b: g)

    def __sub__(self, other):
        return self._binary(other, "-", np.subtract, lambda g, a, b: g, lambda g, a, b: -g)

    def __mul__(self, other):
        return self._binary(other, "*", np.multiply, lambda g, a, b: g * b, lambda g, a, b: g * a)

    def __truediv__(self, other):
        other = Tensor._lift(other, "/")
        if other is not None and np.any(other._data == 0):
            raise ValueError("Tensor /: the divisor has zero entries")
        # d(a/b)/db = -(a/b)/b, divided twice: b**2 would overflow or underflow first
        return self._binary(other, "/", np.divide, lambda g, a, b: g / b, lambda g, a, b: -(g * (a / b)) / b)

    def __radd__(self, other):
        other = Tensor._lift(other, "+")
        return NotImplemented if other is None else other + self

    def __rsub__(self, other):
        other = Tensor._lift(other, "-")
        return NotImplemented if other is None else other - self

    def __rmul__(self, other):
        other = Tensor._lift(other, "*")
        return NotImplemented if other is None else other * self

    def __rtruediv__(self, other):
        other = Tensor._lift(other, "/")
        return NotImplemented if other is None else other / self

    def __neg__(self):
        return Tensor._result(-self._data, (self,), (lambda g: -g,), "neg")

    def __pow__(self, p):
        if not is_real_number(p):
            raise TypeError(f"Tensor ** p: the exponent p must be a number, got {type(p).__name__}")
        try:
            p = float(p)
        except OverflowError:
            p = math.inf
        if not math.isfinite(p):
            raise ValueError(f"Tensor ** p: the exponent p must be finite, got {show(p)}")
        a = self._data
        if not p.is_integer() and np.any(a < 0):
            raise ValueError(f"Tensor ** p: negative entries need an integer exponent, got p={p!r}")
        if p < 0 and np.any(a == 0):
            raise ValueError(f"Tensor ** p: zero entries to the negative power p={p!r} (division by zero)")
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            out = a**p  # inf where beyond float64: _finite says so
            # d(a^p)/da = p a^(p-1); infinite where 0 < p < 1 at a zero entry (a vertical tangent)
            slope = np.zeros_like(a) if p == 0 else p * a ** (p - 1)
        if np.all(np.isfinite(slope)):
            vjp = lambda g: g * slope  # noqa: E731
        else:  # a zero gradient passes nothing back, even through an infinite slope (0 * inf is NaN)
            vjp = lambda g: np.where(g == 0, 0.0, g * slope)  # noqa: E731
        return Tensor._result(_finite(out, f"**{p:g}", (self,)), (self,), (vjp,), f"**{p:g}")

    # --- matrix product ------------------------------------------------------------------

    def __matmul__(self, other):
        other = Tensor._lift(other, "@")
        if other is None:
            return NotImplemented
        a, b = self._data, other._data
        if a.ndim not in (1, 2) or b.ndim not in (1, 2):
            raise ValueError(f"Tensor @: operands must be 1-D or 2-D, got shapes {a.shape} and {b.shape}")
        if a.shape[-1] != b.shape[0]:
            raise ValueError(
                f"Tensor @: shapes {a.shape} and {b.shape} do not fit: "
                f"{a.shape[-1]} columns against {b.shape[0]} rows"
            )
        A = a.reshape(-1, a.shape[-1])  # a vector on the left is a row (1, n)
        B = b.reshape(b.shape[0], -1)  # a vector on the right is a column (n, 1)
        out_shape = a.shape[:-1] + b.shape[1:]
        with np.errstate(over="ignore", invalid="ignore"):
            out = (A @ B).reshape(out_shape)
        return Tensor._result(
            _finite(out, "@", (self, other)),
            (self, other),
            (
                lambda g: (g.reshape(A.shape[0], B.shape[1]) @ B.T).reshape(a.shape),  # dA = G B^T
                lambda g: (A.T @ g.reshape(A.shape[0], B.shape[1])).reshape(b.shape),  # dB = A^T G
            ),
            "@",
        )

    def __rmatmul__(self, other):
        other = Tensor._lift(other, "@")
        return NotImplemented if other is None else other @ self

    # --- reductions and shape changes ------------------------------------------------------

    def sum(self, axis=None, keepdims=False):
        """Sum the entries over `axis`.

        Parameters
        ----------
        axis : int or tuple of int, optional
            Axes to sum over; all of them by default.
        keepdims : bool, default=False
            Keep the summed axes, with length 1.

        Returns
        -------
        Tensor
            The sum. Its gradient rule copies the output gradient to every
            entry that was summed.

        Raises
        ------
        TypeError
            If `axis` is not an integer or a tuple of integers, or `keepdims`
            is not a bool.
        ValueError
            If `axis` is out of range, or a sum overflows float64.
        """
        a = self._data
        axes = _axes(axis, a.ndim, "sum")
        _check_keepdims(keepdims, "sum")
        with np.errstate(over="ignore", invalid="ignore"):
            out = a.sum(axis=axes, keepdims=keepdims)
            if not np.all(np.isfinite(out)):  # a running sum overflowed: sum a / 2**k, scale back
                k = math.ceil(math.log2(max(a.size, 2))) + 1
                out = np.ldexp(np.ldexp(a, -k).sum(axis=axes, keepdims=keepdims), k)
        return Tensor._result(
            _finite(out, "sum", (self,)),
            (self,),
            (lambda g: _spread(g, a.shape, axes, keepdims),),
            "sum",
        )

    def mean(self, axis=None, keepdims=False):
        """Average the entries over `axis`.

        Parameters
        ----------
        axis : int or tuple of int, optional
            Axes to average over; all of them by default.
        keepdims : bool, default=False
            Keep the averaged axes, with length 1.

        Returns
        -------
        Tensor
            The mean. Its gradient rule gives every averaged entry the output
            gradient divided by the number of entries averaged.

        Raises
        ------
        TypeError
            If `axis` is not an integer or a tuple of integers, or `keepdims`
            is not a bool.
        ValueError
            If `axis` is out of range.
        """
        a = self._data
        axes = _axes(axis, a.ndim, "mean")
        _check_keepdims(keepdims, "mean")
        n = int(np.prod([a.shape[i] for i in axes]))
        with np.errstate(over="ignore", invalid="ignore"):
            out = a.mean(axis=axes, keepdims=keepdims)
        if not np.all(np.isfinite(out)):  # a sum overflowed; a mean never does: average a / 2**k instead
            k = math.ceil(math.log2(n)) + 1
            out = np.ldexp(np.ldexp(a, -k).mean(axis=axes, keepdims=keepdims), k)
        return Tensor._result(out, (self,), (lambda g: _spread(g / n, a.shape, axes, keepdims),), "mean")

    def reshape(self, *shape):
        """Give the same entries a new shape.

        Parameters
        ----------
        *shape : int or tuple of int
            The new shape, as for :meth:`numpy.ndarray.reshape` (one size may
            be -1, to be inferred).

        Returns
        -------
        Tensor
            The reshaped Tensor; the gradient is reshaped back.

        Raises
        ------
        TypeError
            If a size is not an integer.
        ValueError
            If the number of entries does not match.
        """
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        if not all(is_integer(n) for n in shape):
            raise TypeError(f"Tensor.reshape: the new shape must be integers, got {show(shape)}")
        a = self._data
        try:
            out = a.reshape(shape)
        except ValueError:
            raise ValueError(f"Tensor.reshape: cannot reshape shape {a.shape} into shape {shape}") from None
        return Tensor._result(out, (self,), (lambda g: g.reshape(a.shape),), "reshape")

    def transpose(self, *axes):
        """Permute the axes; with no argument, reverse them.

        Parameters
        ----------
        *axes : int
            The new order of the axes, as for :func:`numpy.transpose`.

        Returns
        -------
        Tensor
            The transposed Tensor; the gradient is permuted back.

        Raises
        ------
        TypeError
            If an axis is not an integer.
        ValueError
            If `axes` is not a permutation of the axes.
        """
        a = self._data
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        if not all(is_integer(i) for i in axes):
            raise TypeError(f"Tensor.transpose: axes must be integers, got {show(axes)}")
        perm = tuple(int(i) for i in axes) if axes else tuple(reversed(range(a.ndim)))
        if sorted(perm) != list(range(a.ndim)):
            raise ValueError(f"Tensor.transpose: axes {perm} are not a permutation of {a.ndim} axes")
        inverse = tuple(np.argsort(perm))
        return Tensor._result(a.transpose(perm), (self,), (lambda g: g.transpose(inverse),), "T")

    # --- elementwise functions: forward value, then its derivative -------------------------

    def exp(self):
        r"""Return :math:`e^x` entrywise; the derivative is :math:`e^x` again.

        Returns
        -------
        Tensor
            The exponential of every entry.

        Raises
        ------
        ValueError
            If an entry is above about 709.78, where :math:`e^x` is beyond
            float64.
        """
        a = self._data
        with np.errstate(over="ignore"):
            e = np.exp(a)
        if not np.all(np.isfinite(e)):
            raise ValueError(
                f"Tensor.exp: e**x overflows float64 for entries above 709.78, got {float(np.max(a)):.6g}"
            )
        return Tensor._result(e, (self,), (lambda g: g * e,), "exp", fresh=True)

    def log(self):
        r"""Return :math:`\log x` entrywise; the derivative is :math:`1/x`.

        Returns
        -------
        Tensor
            The natural logarithm of every entry.

        Raises
        ------
        ValueError
            If an entry is zero or negative.
        """
        a = self._data
        if np.any(a <= 0):
            raise ValueError(f"Tensor.log needs positive entries, got minimum {float(a.min())!r}")
        return Tensor._result(np.log(a), (self,), (lambda g: g / a,), "log", fresh=True)

    def tanh(self):
        r"""Return :math:`\tanh x` entrywise; the derivative is :math:`1 - \tanh^2 x`.

        Returns
        -------
        Tensor
            The hyperbolic tangent of every entry. The derivative is computed
            as :math:`1/\cosh^2 x`, which keeps its relative precision where
            :math:`\tanh^2 x` rounds to 1.
        """
        a = self._data
        return Tensor._result(np.tanh(a), (self,), (lambda g: _times_sech2(g, a),), "tanh", fresh=True)

    def sigmoid(self):
        r"""Return :math:`\sigma(x) = 1/(1 + e^{-x})` entrywise; the derivative is :math:`\sigma(1 - \sigma)`.

        Returns
        -------
        Tensor
            The logistic sigmoid of every entry, computed from
            :math:`e = e^{-|x|}` as :math:`1/(1 + e)` for :math:`x \ge 0`
            and :math:`e/(1 + e)` below: no overflow, and full relative
            precision for large negative :math:`x`, where the value is tiny.
            The derivative :math:`\sigma(x)\sigma(-x) = e/(1 + e)^2` likewise.
        """
        a = self._data
        e = np.exp(-np.abs(a))
        s = np.where(a >= 0, 1.0, e) / (1 + e)
        return Tensor._result(s, (self,), (lambda g: g * (e / (1 + e) ** 2),), "sigmoid", fresh=True)

    def relu(self):
        """Return :math:`\\max(x, 0)` entrywise; the derivative is 1 where :math:`x > 0`, else 0.

        Returns
        -------
        Tensor
            The rectified linear unit of every entry.
        """
        a = self._data
        return Tensor._result(np.maximum(a, 0), (self,), (lambda g: g * (a > 0),), "relu", fresh=True)

    # --- reverse mode -------------------------------------------------------------------------

    def backward(self, grad=None):
        r"""Compute the gradient of this Tensor with respect to every node below it.

        Parameters
        ----------
        grad : array_like, optional
            The *seed*: the gradient of some scalar with respect to this
            Tensor, of the same shape. Needed unless the Tensor holds a
            single number (a loss), where it defaults to 1.

        Returns
        -------
        None
            The gradients are written into the ``grad`` attributes.

        Raises
        ------
        ValueError
            If `grad` is missing for a Tensor with more than one entry, or
            has the wrong shape; if the data of a node was changed after the
            forward pass used it; if a gradient is not a finite number.

        See Also
        --------
        zero_grad : Reset the accumulated gradients.

        Notes
        -----
        The graph is put in topological order and walked in reverse. Each
        node hands every input its gradient rule applied to the node's own
        (complete) gradient: the chain rule, as a vector-Jacobian product.
        Contributions to one input add up. Intermediate nodes start every
        call from zero; leaves accumulate, so call ``zero_grad()`` between
        training steps. Constants (numbers and arrays combined with a
        Tensor) get no gradient.
        """
        if grad is None:
            if self._data.size != 1:
                raise ValueError(
                    f"backward on a non-scalar needs a seed gradient: grad of shape {self.shape}"
                )
            grad = np.ones(self._data.shape)
        else:
            grad = as_array(grad, "grad")
            if grad.shape != self.shape:
                raise ValueError(f"grad must have the tensor's shape {self.shape}, got shape {grad.shape}")
        nodes, leaves = _below(self)
        for node in nodes:
            node._grad = None  # intermediate results: fresh for this pass
        self._grad = grad if self._grad is None else self._grad + grad  # the seed
        with np.errstate(over="ignore", invalid="ignore"):
            for node in nodes:  # newest first: every user of `node` has already passed its share back
                g = node._grad
                if g is None:  # nothing reached this node: nothing to pass on
                    continue
                fresh = node._fresh
                for parent, vjp, version in zip(node.parents, node._vjps, node._versions, strict=True):
                    if parent._version != version:
                        raise ValueError(
                            f"backward: the data of {_describe(parent)} was changed (version {version} -> "
                            f"{parent._version}) after the forward pass used it; the gradients would be "
                            "those of values the forward pass never saw: run the forward pass again"
                        )
                    if parent._constant:
                        continue
                    contribution = vjp(g)  # the chain rule, one input at a time
                    if parent._grad is not None:
                        parent._grad = parent._grad + contribution
                    elif parent.parents or fresh:  # an intermediate node's gradient is only read; a
                        parent._grad = contribution  # fresh rule's array is the leaf's own
                    elif np.shape(contribution) == parent._data.shape:  # a leaf keeps an array of its
                        parent._grad = np.array(contribution, dtype=np.float64)  # own, not another's view
                    else:
                        parent._grad = np.array(np.broadcast_to(contribution, parent.shape), dtype=np.float64)
            _check_gradients(self, leaves)  # in the same floating-point context

    def zero_grad(self):
        """Set ``grad`` to zeros on this Tensor and on every node below it.

        Returns
        -------
        None
            The ``grad`` attributes are reset in place.
        """
        if not self.parents:  # a leaf, such as a parameter between training steps: nothing below it
            self._grad = None
            return
        nodes, leaves = _below(self)
        for node in nodes + leaves:
            node._grad = None

    @staticmethod
    @contextlib.contextmanager
    def updating(tensors):
        r"""Lend writeable copies of the data of `tensors`, and store them back as their new data.

        The bridge between Tensor parameters, whose data is read-only, and
        the optimizers of :mod:`mlmath_ref.optimize`, which update a list of
        NumPy arrays in place. Inside the ``with`` block the arrays may be
        changed freely; when the block ends without an error, each array
        becomes the data of its Tensor as if assigned to ``data`` (validated,
        copied, the version raised), so that a graph recorded before the
        update can no longer be run backward by mistake. When the block
        raises, no Tensor is changed. Concept page:
        :ref:`concept-automatic-differentiation`.

        Parameters
        ----------
        tensors : list of Tensor
            The Tensors to update, usually a model's ``parameters()``; each at
            most once.

        Yields
        ------
        list of ndarray
            A writeable float64 copy of the data of each Tensor, in order.

        Raises
        ------
        TypeError
            If `tensors` is not a list or tuple of Tensors.
        ValueError
            If a Tensor appears twice, or, at the end of the block, an array
            holds NaN or infinite entries or was given another shape. No
            Tensor is changed then.

        See Also
        --------
        mlmath_ref.optimize.SGD : An optimizer whose ``step`` updates arrays in place.

        Notes
        -----
        Every array is checked before any Tensor is changed, so the update
        is all or nothing. Each Tensor's version rises by one, exactly as an
        assignment to ``data`` raises it.

        Examples
        --------
        >>> import numpy as np
        >>> from mlmath_ref.autodiff import Tensor
        >>> from mlmath_ref.optimize import SGD
        >>> w = Tensor([1.0, -2.0])
        >>> (w * w).sum().backward()                      # grad = 2 w
        >>> with Tensor.updating([w]) as arrays:
        ...     SGD(learning_rate=0.25).step(arrays, [w.grad])
        >>> w.data                                        # w - 0.25 * 2 w
        array([ 0.5, -1. ])
        >>> with Tensor.updating([w]) as arrays:
        ...     arrays[0][0] = np.nan
        Traceback (most recent call last):
        ...
        ValueError: tensors[0]: data must not contain NaN or infinite entries
        >>> w.data                                        # unchanged
        array([ 0.5, -1. ])
        """
        if not isinstance(tensors, (list, tuple)):
            raise TypeError(
                f"Tensor.updating: tensors must be a list of Tensors, got {type(tensors).__name__}"
            )
        seen = {}
        for i, t in enumerate(tensors):
            if not isinstance(t, Tensor):
                raise TypeError(f"Tensor.updating: tensors[{i}] must be a Tensor, got {type(t).__name__}")
            if id(t) in seen:
                raise ValueError(
                    f"Tensor.updating: tensors[{i}] is the same Tensor as tensors[{seen[id(t)]}]; "
                    "list each Tensor once"
                )
            seen[id(t)] = i
        arrays = [np.array(t._data, dtype=np.float64) for t in tensors]
        yield arrays
        new = []
        for i, (t, a) in enumerate(zip(tensors, arrays, strict=True)):
            try:
                value = as_array(a, "data")
            except (TypeError, ValueError) as exc:
                raise type(exc)(f"tensors[{i}]: {exc}") from None
            if value.shape != t._data.shape:
                raise ValueError(
                    f"tensors[{i}]: data must keep the Tensor's shape {t._data.shape}, "
                    f"got shape {value.shape}"
                )
            new.append(value)
        for t, value in zip(tensors, new, strict=True):
            t._set(value)
            t._version += 1


def _describe(node):
    # How a node is named in messages: its label, its operation, or "a leaf Tensor".
    if node.label and not node._constant:
        return f"the Tensor {node.label!r}"
    return f"the result of {node.op!r}" if node.op else "a leaf Tensor"


def _below(root):
    # The nodes below `root` (itself included) in two lists: the results of operations, newest first,
    # which is the reverse of a topological order (see _numbers); and the leaves that take a gradient.
    seen = {root}
    stack = [root]
    nodes, leaves = [], []
    while stack:
        node = stack.pop()
        if node.parents:
            nodes.append(node)
            for parent in node.parents:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        elif not node._constant:
            leaves.append(node)
    nodes.sort(key=_number, reverse=True)
    return nodes, leaves


def _check_gradients(root, leaves):
    # After backward: every leaf has a finite gradient, or a clear error names where the gradient
    # stopped being finite (the first such node from the root down). A finite sum of all the leaves'
    # entries proves them all finite in one pass each; only otherwise is each leaf examined.
    # Called by backward() inside its np.errstate(over="ignore", invalid="ignore").
    total = 0.0
    for leaf in leaves:
        if leaf._grad is not None:
            total += float(np.add.reduce(leaf._grad, axis=None))
    if math.isfinite(total):
        return
    for node in leaves:
        if node._grad is not None and not _all_finite(node._grad):
            # the operation to blame: the first, from the root down, whose own gradient is finite and
            # which passed a non-finite gradient back to one of its inputs
            order = topological_order(root)
            bad = {id(v) for v in order if v._grad is not None and not _all_finite(v._grad)}
            users = (
                v.op for v in reversed(order) if id(v) not in bad and any(id(p) in bad for p in v.parents)
            )
            op = next(users, "the seed")  # a leaf called backward() on, accumulating past float64
            raise ValueError(
                f"backward: the gradient passed back through {op!r} is not a finite number: an overflow "
                "beyond ±1.8e308, or an infinite derivative (such as that of x ** 0.5 at 0)"
            )
