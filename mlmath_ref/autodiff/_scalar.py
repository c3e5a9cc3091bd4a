"""Reverse-mode automatic differentiation on single numbers: the Scalar engine."""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import as_float, is_real_number, set_module, show
from mlmath_ref.autodiff._toposort import topological_order

__all__ = ["Scalar"]

_LOG_MAX = math.log(float.fromhex("0x1.fffffffffffffp+1023"))  # 709.78...: e**x is beyond float64 above it


def _power(a, p):
    # a**p as a float, inf where it is beyond float64 (Python's ** raises OverflowError instead)
    with np.errstate(over="ignore"):
        return float(np.power(a, p))


def _power_slope(a, p):
    # d(a^p)/da = p a^(p-1), for a != 0; through logarithms where a^(p-1) alone is beyond float64
    # (p a^(p-1) may not be: p = -0.001 at a = 1e-310). Infinite if the slope itself overflows.
    below = _power(a, p - 1)
    if math.isfinite(below):
        return p * below
    magnitude = math.log(abs(p)) + (p - 1) * math.log(abs(a))
    sign = math.copysign(1.0, p) * (-1.0 if a < 0 and (p - 1) % 2 else 1.0)
    return sign * (math.exp(magnitude) if magnitude < _LOG_MAX else math.inf)


def _lift(other):
    """Turn the other operand of an operator into a Scalar.

    Parameters
    ----------
    other : object
        The other operand.

    Returns
    -------
    Scalar or None
        `other` itself, a constant leaf for a plain number, or None if
        `other` is not a number (the operator then returns NotImplemented).
    """
    if isinstance(other, Scalar):
        return other
    if is_real_number(other):
        return Scalar(other)
    return None


@set_module("mlmath_ref.autodiff")
class Scalar:
    r"""A number that remembers how it was computed, for reverse-mode differentiation.

    Every arithmetic operation on Scalars returns a new Scalar that records
    its inputs (``parents``) and the partial derivative of its value with
    respect to each input (``local_grads``), computed on the spot next to
    the value itself. Calling ``backward()`` on the final result then
    multiplies these local derivatives along every path back to the inputs:
    the chain rule, one node at a time. Concept page:
    :ref:`concept-automatic-differentiation`.

    Parameters
    ----------
    value : float
        A finite real number.
    label : str, default=""
        A name for the node, shown when the graph is drawn.

    Attributes
    ----------
    value : float
        The number computed by the forward pass.
    grad : float
        The derivative of the quantity ``backward()`` was called on with
        respect to this node. It starts at 0; on input nodes (leaves) it
        *accumulates* over calls to ``backward()`` until
        ``zero_grad()`` resets it.
    parents : tuple of Scalar
        The inputs of the operation that produced this node; empty for a leaf.
    local_grads : tuple of float
        ``local_grads[k]`` is the partial derivative of this node's value
        with respect to ``parents[k]``.
    op : str
        The operation that produced this node (``"+"``, ``"tanh"``, ...);
        empty for a leaf.
    label : str
        The name given at construction.

    Raises
    ------
    TypeError
        If `value` is not a real number (a string, None, a boolean...).
    ValueError
        If `value` is an array with more than one entry, NaN or infinite.

    See Also
    --------
    Tensor : The same engine on NumPy arrays.
    graph_of : The nodes and edges below a Scalar, for drawing.

    Notes
    -----
    Operations: ``+``, ``-``, ``*``, ``/`` with Scalars or plain numbers on
    either side, unary ``-``, ``x ** p`` for a number `p`, and the methods
    ``exp()``, ``log()``, ``tanh()``, ``sigmoid()``, ``relu()``.
    Their local derivatives:

    .. math::

        \begin{aligned}
        \partial(a + b)/\partial a &= 1, & \partial(a + b)/\partial b &= 1,\\
        \partial(a b)/\partial a &= b, & \partial(a b)/\partial b &= a,\\
        \partial(a / b)/\partial a &= 1/b, & \partial(a / b)/\partial b &= -a/b^2,\\
        \mathrm{d}\,a^p/\mathrm{d}a &= p\,a^{p-1}, & \mathrm{d}\,e^a/\mathrm{d}a &= e^a,\\
        \mathrm{d}\log a/\mathrm{d}a &= 1/a, & \mathrm{d}\tanh a/\mathrm{d}a &= 1 - \tanh^2 a,\\
        \mathrm{d}\,\sigma(a)/\mathrm{d}a &= \sigma(a)(1 - \sigma(a)), &
        \mathrm{d}\operatorname{relu}(a)/\mathrm{d}a &= [a > 0].
        \end{aligned}

    Values are Python floats. Where Python would raise an error that names
    nothing or give a wrong-looking answer, the errors are ValueErrors that
    say what went wrong: division by zero, ``exp()`` of a number above about
    709.78 and any other result beyond float64's range, ``log()`` of a
    non-positive number, and a negative number to a non-integer power
    (Python would give a complex number). The derivative of relu at 0 is
    taken as 0. The derivatives of ``tanh()`` and ``sigmoid()`` are
    computed as :math:`4e/(1 + e)^2` with :math:`e = e^{-2|a|}` and
    :math:`e/(1 + e)^2` with :math:`e = e^{-|a|}`, equal to the formulas
    above but accurate where :math:`\tanh a` or :math:`\sigma(a)` rounds to
    1. ``backward()`` raises a ValueError when a gradient is not a finite
    number: an overflow, or an infinite derivative (:math:`a^{1/2}` at 0).

    Examples
    --------
    >>> from mlmath_ref.autodiff import Scalar
    >>> x = Scalar(2.0, label="x")
    >>> y = x * x + 3 * x          # y = x^2 + 3x, so dy/dx = 2x + 3
    >>> y.backward()
    >>> y.value, x.grad
    (10.0, 7.0)
    >>> Scalar("2")
    Traceback (most recent call last):
    ...
    TypeError: value must be numeric, got an array of dtype <U1 (str)
    """

    # NumPy numbers on the left of an operator defer to Scalar's own methods.
    __array_ufunc__ = None

    def __init__(self, value, label=""):
        self.value = as_float(value, "value")
        self.grad = 0.0
        self.label = str(label)
        self.parents = ()
        self.local_grads = ()
        self.op = ""

    @classmethod
    def _result(cls, value, parents, local_grads, op):
        # The output of an operation: its value, its inputs, and d(value)/d(input) for each input.
        # The inputs are finite, so an infinite or NaN value can only be an overflow. A local
        # derivative may be infinite (an overflow, or a vertical tangent): backward() says so if
        # a gradient ever flows through it.
        if not math.isfinite(value):
            inputs = ", ".join(repr(p.value) for p in parents)
            raise ValueError(f"Scalar {op}: the result for {inputs} overflows float64 (beyond ±1.8e308)")
        out = cls.__new__(cls)
        out.value, out.grad, out.label = float(value), 0.0, ""
        out.parents, out.local_grads, out.op = parents, tuple(map(float, local_grads)), op
        return out

    def __repr__(self):
        label = f", label={self.label!r}" if self.label else ""
        return f"Scalar(value={self.value!r}, grad={self.grad!r}{label})"

    # --- arithmetic: forward value, then the local derivative for each input ---------

    def __add__(self, other):
        other = _lift(other)
        if other is None:
            return NotImplemented
        a, b = self.value, other.value
        return Scalar._result(a + b, (self, other), (1.0, 1.0), "+")

    def __radd__(self, other):
        other = _lift(other)
        return NotImplemented if other is None else other + self

    def __sub__(self, other):
        other = _lift(other)
        if other is None:
            return NotImplemented
        a, b = self.value, other.value
        return Scalar._result(a - b, (self, other), (1.0, -1.0), "-")

    def __rsub__(self, other):
        other = _lift(other)
        return NotImplemented if other is None else other - self

    def __mul__(self, other):
        other = _lift(other)
        if other is None:
            return NotImplemented
        a, b = self.value, other.value
        return Scalar._result(a * b, (self, other), (b, a), "*")

    def __rmul__(self, other):
        other = _lift(other)
        return NotImplemented if other is None else other * self

    def __truediv__(self, other):
        other = _lift(other)
        if other is None:
            return NotImplemented
        a, b = self.value, other.value
        if b == 0:
            raise ValueError(f"Scalar /: division by zero ({a!r} / 0.0)")
        q = a / b
        return Scalar._result(q, (self, other), (1 / b, -q / b), "/")  # -a/b**2 as -(a/b)/b: b**2 underflows

    def __rtruediv__(self, other):
        other = _lift(other)
        return NotImplemented if other is None else other / self

    def __neg__(self):
        return Scalar._result(-self.value, (self,), (-1.0,), "neg")

    def __pow__(self, p):
        if not is_real_number(p):
            raise TypeError(f"Scalar ** p: the exponent p must be a number, got {type(p).__name__}")
        try:
            p = float(p)
        except OverflowError:
            p = math.inf
        a = self.value
        if not math.isfinite(p):
            raise ValueError(f"Scalar ** p: the exponent p must be finite, got {show(p)}")
        if a < 0 and not p.is_integer():
            raise ValueError(f"Scalar ** p: a negative base {a!r} needs an integer exponent, got p={p!r}")
        if a == 0 and p < 0:
            raise ValueError(f"Scalar ** p: 0.0 to the negative power p={p!r} (division by zero)")
        value = _power(a, p)  # inf where beyond float64: _result says so
        if p == 0:
            slope = 0.0  # a^0 = 1 is constant
        elif a == 0:
            slope = math.inf if p < 1 else float(p == 1)  # vertical tangent when 0 < p < 1
        else:
            slope = _power_slope(a, p)
        return Scalar._result(value, (self,), (slope,), f"**{p:g}")

    # --- functions: forward value, then its derivative --------------------------------

    def exp(self):
        r"""Return :math:`e^x`, whose derivative is :math:`e^x` again.

        Returns
        -------
        Scalar
            The exponential of this node.

        Raises
        ------
        ValueError
            If the value is above about 709.78, where :math:`e^x` is beyond
            float64.
        """
        a = self.value
        if a > _LOG_MAX:
            raise ValueError(f"Scalar.exp: e**{a!r} overflows float64 (the largest float is about e**709.78)")
        e = math.exp(a)
        return Scalar._result(e, (self,), (e,), "exp")

    def log(self):
        r"""Return the natural logarithm :math:`\log x`, whose derivative is :math:`1/x`.

        Returns
        -------
        Scalar
            The logarithm of this node.

        Raises
        ------
        ValueError
            If the value is zero or negative.
        """
        a = self.value
        if a <= 0:
            raise ValueError(f"log needs a positive value, got {a!r}")
        return Scalar._result(math.log(a), (self,), (1 / a,), "log")

    def tanh(self):
        r"""Return :math:`\tanh x`, whose derivative is :math:`1 - \tanh^2 x`.

        Returns
        -------
        Scalar
            The hyperbolic tangent of this node.
        """
        a = self.value
        e = math.exp(-2 * abs(a))  # 1 - tanh(a)**2 = 4e / (1 + e)**2, accurate where tanh(a) rounds to +-1
        return Scalar._result(math.tanh(a), (self,), (4 * e / (1 + e) ** 2,), "tanh")

    def sigmoid(self):
        r"""Return :math:`\sigma(x) = 1/(1 + e^{-x})`, whose derivative is :math:`\sigma(1 - \sigma)`.

        Returns
        -------
        Scalar
            The logistic sigmoid of this node, computed without overflow.
        """
        a = self.value
        e = math.exp(-abs(a))  # never overflows
        s = 1 / (1 + e) if a >= 0 else e / (1 + e)  # the same number on either side of 0
        # sigma(a) (1 - sigma(a)) = sigma(a) sigma(-a) = e / (1 + e)**2: 1 - s would round to 0 for a > 37
        return Scalar._result(s, (self,), (e / (1 + e) ** 2,), "sigmoid")

    def relu(self):
        r"""Return :math:`\max(x, 0)`, whose derivative is 1 where :math:`x > 0` and 0 elsewhere.

        Returns
        -------
        Scalar
            The rectified linear unit of this node.
        """
        a = self.value
        return Scalar._result(max(a, 0.0), (self,), (1.0 if a > 0 else 0.0,), "relu")

    # --- reverse mode -----------------------------------------------------------------

    def backward(self):
        r"""Compute the derivative of this node with respect to every node below it.

        Afterwards each node's ``grad`` holds :math:`\partial y / \partial v`,
        where :math:`y` is this node and :math:`v` the other node.

        Returns
        -------
        None
            The gradients are written into the ``grad`` attributes.

        Raises
        ------
        ValueError
            If a gradient is not a finite number: it overflows, or flows
            through an infinite derivative.

        See Also
        --------
        zero_grad : Reset the accumulated gradients.

        Notes
        -----
        The graph is put in topological order (each node after its inputs),
        then walked in reverse, so that a node's gradient is complete before
        it is passed on. Passing it on is the chain rule: an input receives
        the node's gradient times the local derivative of the node with
        respect to that input, and the contributions of all the nodes that
        use an input add up. Intermediate nodes start every call from zero;
        leaves accumulate, so call ``zero_grad()`` between training steps.
        """
        order = topological_order(self)
        for node in order:
            if node.parents:
                node.grad = 0.0  # intermediate results: fresh for this pass
        self.grad += 1.0  # dy/dy = 1
        for node in reversed(order):  # every user of `node` has already passed its share back
            if node.grad == 0.0:
                continue  # passes nothing back, even through an infinite local derivative (0 * inf is NaN)
            for parent, local in zip(node.parents, node.local_grads, strict=True):
                grad = parent.grad + local * node.grad  # chain rule: dy/dparent += dy/dnode * dnode/dparent
                if not math.isfinite(grad):
                    vertical = math.isinf(local) and parent.value == 0 and node.op.startswith("**")
                    cause = (
                        f"the derivative of {node.op!r} at 0.0 is infinite (a vertical tangent)"
                        if vertical
                        else "it overflows float64 (beyond ±1.8e308)"
                    )
                    raise ValueError(
                        f"backward: the gradient passed back through {node.op!r} is not finite: {cause}"
                    )
                parent.grad = grad

    def zero_grad(self):
        """Set ``grad`` to 0 on this node and on every node below it.

        Returns
        -------
        None
            The ``grad`` attributes are reset in place.
        """
        for node in topological_order(self):
            node.grad = 0.0
