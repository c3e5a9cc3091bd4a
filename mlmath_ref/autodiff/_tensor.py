"""Reverse-mode automatic differentiation on NumPy arrays: the Tensor engine."""

from __future__ import annotations

import numpy as np
from numpy.lib.array_utils import normalize_axis_tuple

from mlmath_ref._checks import as_array, is_real_number, set_module
from mlmath_ref.autodiff._toposort import topological_order

__all__ = ["Tensor", "unbroadcast"]


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
        Gradient with respect to the broadcast result.
    shape : tuple of int
        Shape of the operand before broadcasting; it must broadcast to
        ``grad.shape``.

    Returns
    -------
    ndarray
        Array of shape `shape`.

    Raises
    ------
    ValueError
        If `shape` does not broadcast to the shape of `grad`.

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
    ValueError: unbroadcast: shape (2,) does not broadcast to the gradient's shape (4, 2, 3)
    """
    grad = np.asarray(grad, dtype=float)
    shape = tuple(shape)
    extra = grad.ndim - len(shape)
    if extra < 0 or any(n not in (1, m) for n, m in zip(shape, grad.shape[extra:], strict=True)):
        raise ValueError(
            f"unbroadcast: shape {shape} does not broadcast to the gradient's shape {grad.shape}"
        )
    grad = grad.sum(axis=tuple(range(extra)))  # the prepended axes
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True)


def _broadcast_shape(a, b, op):
    try:
        return np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ValueError(f"Tensor {op}: shapes {a.shape} and {b.shape} do not broadcast together") from None


def _axes(axis, ndim, method):
    if axis is None:
        return tuple(range(ndim))
    try:
        return normalize_axis_tuple(axis, ndim)
    except (ValueError, TypeError) as exc:  # AxisError is a ValueError
        raise ValueError(f"Tensor.{method}: invalid axis {axis!r} for {ndim}-D data ({exc})") from None


def _spread(g, shape, axes, keepdims):
    # The gradient of a sum over `axes`: every summed entry receives the gradient of its sum.
    if not keepdims:
        g = np.expand_dims(g, axes)
    return np.broadcast_to(g, shape)


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
        Real, finite numbers of any shape; stored as float64.
    label : str, default=""
        A name for the node, shown when the graph is drawn.

    Attributes
    ----------
    data : ndarray
        The values computed by the forward pass; ``.shape`` is its shape.
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
    a row and on the right as a column, as in NumPy.

    Shapes that do not fit raise ValueError naming both shapes, where NumPy
    would broadcast or fail with a less specific message. ``log()`` of a
    non-positive entry and a negative entry to a non-integer power raise
    ValueError; division by a zero entry raises ZeroDivisionError; overflow
    in ``exp()`` follows NumPy (``inf`` and a RuntimeWarning).

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
    """

    # NumPy arrays on the left of an operator defer to Tensor's own methods.
    __array_ufunc__ = None

    def __init__(self, data, label=""):
        self.data = as_array(data, "data")
        self.grad = np.zeros_like(self.data)
        self.label = str(label)
        self.parents = ()
        self._vjps = ()
        self.op = ""

    @classmethod
    def _result(cls, data, parents, vjps, op):
        # The output of an operation: its data, its inputs, and for each input the rule
        # "gradient with respect to the output -> gradient with respect to this input".
        out = cls.__new__(cls)
        out.data = np.asarray(data, dtype=float)
        out.grad, out.label = np.zeros_like(out.data), ""
        out.parents, out._vjps, out.op = parents, vjps, op
        return out

    @staticmethod
    def _lift(other):
        # `other` as a Tensor (a constant leaf for a number or an array), or None.
        if isinstance(other, Tensor):
            return other
        if is_real_number(other) or isinstance(other, (np.ndarray, list, tuple)):
            return Tensor(other, label="const")
        return None

    @property
    def shape(self):
        """The shape of `data`.

        Returns
        -------
        tuple of int
            The same as ``data.shape``.
        """
        return self.data.shape

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
        return "Tensor(" + np.array2string(self.data, separator=", ", prefix="Tensor(") + ")"

    # --- elementwise arithmetic with broadcasting --------------------------------------

    def _binary(self, other, op, forward, vjp_a, vjp_b):
        other = Tensor._lift(other)
        if other is None:
            return NotImplemented
        _broadcast_shape(self, other, op)
        a, b = self.data, other.data
        return Tensor._result(
            forward(a, b),
            (self, other),
            (lambda g: unbroadcast(vjp_a(g, a, b), a.shape), lambda g: unbroadcast(vjp_b(g, a, b), b.shape)),
            op,
        )

    def __add__(self, other):
        return self._binary(other, "+", np.add, lambda g, a, b: g, lambda g, a, b: g)

    def __sub__(self, other):
        return self._binary(other, "-", np.subtract, lambda g, a, b: g, lambda g, a, b: -g)

    def __mul__(self, other):
        return self._binary(other, "*", np.multiply, lambda g, a, b: g * b, lambda g, a, b: g * a)

    def __truediv__(self, other):
        other = Tensor._lift(other)
        if other is not None and np.any(other.data == 0):
            raise ZeroDivisionError("Tensor /: the divisor has zero entries")
        return self._binary(other, "/", np.divide, lambda g, a, b: g / b, lambda g, a, b: -g * a / b**2)

    def __radd__(self, other):
        other = Tensor._lift(other)
        return NotImplemented if other is None else other + self

    def __rsub__(self, other):
        other = Tensor._lift(other)
        return NotImplemented if other is None else other - self

    def __rmul__(self, other):
        other = Tensor._lift(other)
        return NotImplemented if other is None else other * self

    def __rtruediv__(self, other):
        other = Tensor._lift(other)
        return NotImplemented if other is None else other / self

    def __neg__(self):
        return Tensor._result(-self.data, (self,), (lambda g: -g,), "neg")

    def __pow__(self, p):
        if not is_real_number(p):
            raise TypeError(f"Tensor ** p: the exponent p must be a number, got {type(p).__name__}")
        a, p = self.data, float(p)
        if not p.is_integer() and np.any(a < 0):
            raise ValueError(f"Tensor ** p: negative entries need an integer exponent, got p={p!r}")
        if p < 0 and np.any(a == 0):
            raise ZeroDivisionError(f"Tensor ** p: zero entries to the negative power p={p!r}")
        with np.errstate(divide="ignore"):  # 0 < p < 1 at a zero entry: a vertical tangent, slope inf
            slope = np.zeros_like(a) if p == 0 else p * a ** (p - 1)  # d(a^p)/da = p a^(p-1)
        return Tensor._result(a**p, (self,), (lambda g: g * slope,), f"**{p:g}")

    # --- matrix product ------------------------------------------------------------------

    def __matmul__(self, other):
        other = Tensor._lift(other)
        if other is None:
            return NotImplemented
        a, b = self.data, other.data
        if a.ndim not in (1, 2) or b.ndim not in (1, 2):
            raise ValueError(f"Tensor @: operands must be 1-D or 2-D, got shapes {a.shape} and {b.shape}")
        if a.shape[-1] != b.shape[0]:
            raise ValueError(
                f"Tensor @: shapes {a.shape} and {b.shape} do not fit: "
                f"{a.shape[-1]} columns against {b.shape[0]} rows"
            )
        A = a.reshape(-1, a.shape[-1])  # a vector on the left is a row (1, n)
        B = b.reshape(b.shape[0], -1)  # a vector on the right is a column (n, 1)
        out_shape = np.matmul(a, b).shape
        return Tensor._result(
            (A @ B).reshape(out_shape),
            (self, other),
            (
                lambda g: (g.reshape(A.shape[0], B.shape[1]) @ B.T).reshape(a.shape),  # dA = G B^T
                lambda g: (A.T @ g.reshape(A.shape[0], B.shape[1])).reshape(b.shape),  # dB = A^T G
            ),
            "@",
        )

    def __rmatmul__(self, other):
        other = Tensor._lift(other)
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
        ValueError
            If `axis` is out of range.
        """
        a = self.data
        axes = _axes(axis, a.ndim, "sum")
        return Tensor._result(
            a.sum(axis=axes, keepdims=keepdims),
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
        ValueError
            If `axis` is out of range.
        """
        a = self.data
        axes = _axes(axis, a.ndim, "mean")
        n = int(np.prod([a.shape[i] for i in axes]))
        return Tensor._result(
            a.mean(axis=axes, keepdims=keepdims),
            (self,),
            (lambda g: _spread(g / n, a.shape, axes, keepdims),),
            "mean",
        )

    def reshape(self, *shape):
        """Give the same entries a new shape.

        Parameters
        ----------
        *shape : int or tuple of int
            The new shape, as for :meth:`numpy.ndarray.reshape`.

        Returns
        -------
        Tensor
            The reshaped Tensor; the gradient is reshaped back.

        Raises
        ------
        ValueError
            If the number of entries does not match.
        """
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        a = self.data
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
        ValueError
            If `axes` is not a permutation of the axes.
        """
        a = self.data
        perm = tuple(axes) if axes else tuple(reversed(range(a.ndim)))
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
        """
        e = np.exp(self.data)
        return Tensor._result(e, (self,), (lambda g: g * e,), "exp")

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
        a = self.data
        if np.any(a <= 0):
            raise ValueError(f"Tensor.log needs positive entries, got minimum {a.min()!r}")
        return Tensor._result(np.log(a), (self,), (lambda g: g / a,), "log")

    def tanh(self):
        r"""Return :math:`\tanh x` entrywise; the derivative is :math:`1 - \tanh^2 x`.

        Returns
        -------
        Tensor
            The hyperbolic tangent of every entry.
        """
        t = np.tanh(self.data)
        return Tensor._result(t, (self,), (lambda g: g * (1 - t**2),), "tanh")

    def sigmoid(self):
        r"""Return :math:`\sigma(x) = 1/(1 + e^{-x})` entrywise; the derivative is :math:`\sigma(1 - \sigma)`.

        Returns
        -------
        Tensor
            The logistic sigmoid of every entry, computed without overflow.
        """
        a = self.data
        s = 0.5 * (1 + np.tanh(a / 2))  # equal to 1 / (1 + exp(-a)), and exp cannot overflow
        return Tensor._result(s, (self,), (lambda g: g * s * (1 - s),), "sigmoid")

    def relu(self):
        """Return :math:`\\max(x, 0)` entrywise; the derivative is 1 where :math:`x > 0`, else 0.

        Returns
        -------
        Tensor
            The rectified linear unit of every entry.
        """
        a = self.data
        return Tensor._result(np.maximum(a, 0), (self,), (lambda g: g * (a > 0),), "relu")

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
            has the wrong shape.

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
        training steps.
        """
        if grad is None:
            if self.data.size != 1:
                raise ValueError(
                    f"backward on a non-scalar needs a seed gradient: grad of shape {self.shape}"
                )
            grad = np.ones_like(self.data)
        else:
            grad = as_array(grad, "grad")
            if grad.shape != self.shape:
                raise ValueError(f"grad must have the tensor's shape {self.shape}, got shape {grad.shape}")
        order = topological_order(self)
        for node in order:
            if node.parents:
                node.grad = np.zeros_like(node.data)  # intermediate results: fresh for this pass
        self.grad = self.grad + grad  # the seed
        for node in reversed(order):  # every user of `node` has already passed its share back
            for parent, vjp in zip(node.parents, node._vjps, strict=True):
                parent.grad = parent.grad + vjp(node.grad)  # chain rule, one input at a time

    def zero_grad(self):
        """Set ``grad`` to zeros on this Tensor and on every node below it.

        Returns
        -------
        None
            The ``grad`` attributes are reset in place.
        """
        for node in topological_order(self):
            node.grad = np.zeros_like(node.data)
