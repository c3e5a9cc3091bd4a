r"""Multivariate calculus: partial derivatives, gradients, Jacobians, Hessians.

Every function here differentiates a Python function numerically, by central
differences, exactly as the concept pages define the derivatives: the change
of the output divided by a small step of the input, one direction at a time.
They are the reference that the analytic gradients of the autodiff chapter
are checked against.

See Also
--------
mlmath_ref.calculus : The one-variable derivative these build on.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.multivariate import gradient
>>> gradient(lambda x: x[0] ** 2 + 3 * x[1], np.array([1.0, 2.0])).round(4)
array([2., 3.])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import (
    as_array,
    call_function,
    call_vector,
    check_callable,
    check_integer,
    check_same_shape,
    set_module,
)
from mlmath_ref._numerics import check_finite, difference_step, exponent_of, scale_back

__all__ = [
    "directional_derivative",
    "gradient",
    "hessian",
    "jacobian",
    "partial_derivative",
]


def _scalar(f, x):
    """Evaluate a scalar function `f` at `x` and check that it gave a scalar.

    Parameters
    ----------
    f : callable
        A function from vectors of shape ``(n,)`` to real numbers.
    x : ndarray of shape (n,)
        Where to evaluate it; `f` gets a copy, so it cannot change `x`.

    Returns
    -------
    float
        ``f(x)``.

    Raises
    ------
    TypeError
        If ``f(x)`` is not real and numeric (None, text, a complex number).
    ValueError
        If ``f(x)`` is not a single finite real number; the message names `f`.

    See Also
    --------
    gradient : One of the callers.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.multivariate import _scalar
    >>> _scalar(np.sum, np.array([1.0, 2.0]))
    3.0
    """
    y = call_function(f, x, "f(x)")
    if y.ndim != 0:
        raise ValueError(
            f"f must return a scalar (one number), but f(x) has shape {y.shape}; "
            "for a vector-valued f use jacobian"
        )
    return float(y)


def _vector(f, x, m=None):
    # A vector-valued f, checked; the hint points scalar functions to gradient.
    hint = "; for a scalar f return np.array([value]) or use gradient"
    return call_vector(f, x, "f(x)", m, scalar_hint=hint)


@set_module("mlmath_ref.multivariate")
def partial_derivative(f, x, i, h=None):
    r"""Rate of change of a function of several variables along one coordinate.

    Hold every input fixed except :math:`x_i` and take the one-variable
    derivative: the slope of the slice of the surface along axis :math:`i`.
    In training, how much the loss changes per unit change of one weight.
    Concept page: :ref:`concept-partial-derivative`.

    Parameters
    ----------
    f : callable
        A function from a float array of shape ``(n,)`` to a real number.
    x : array_like of shape (n,)
        The point where the derivative is taken.
    i : int
        The coordinate, counting from 0 as in Python (the page's
        :math:`x_{i+1}`).
    h : float, optional
        The step. By default :math:`\varepsilon^{1/3} \max(1, |x_i|)`, with
        :math:`\varepsilon` the machine epsilon.

    Returns
    -------
    float
        The estimate of :math:`\partial f / \partial x_i` at `x`.

    Raises
    ------
    TypeError
        If `f` is not callable, `x` is not numeric, `i` is not an integer or
        `h` is not a real number.
    ValueError
        If `x` is not a finite non-empty vector, `i` is out of range, `h` is
        not positive and finite, or `f` does not return a single number.
        Also if `h` is too small to move `x`, or a point or the estimate
        is beyond float64's range. `f` always gets a copy of the point; a
        value that is not real and numeric (None, text, a complex number)
        raises a TypeError naming `f`.

    See Also
    --------
    gradient : All the partial derivatives at once.
    directional_derivative : The rate of change along any direction.

    Notes
    -----
    The central difference along the unit vector :math:`\mathbf{e}_i`,

    .. math::

        \frac{\partial f}{\partial x_i}(\mathbf{x}) \approx
        \frac{f(\mathbf{x} + h \mathbf{e}_i) - f(\mathbf{x} - h \mathbf{e}_i)}{2h},

    has error :math:`O(h^2)` from the truncated Taylor series plus about
    :math:`\varepsilon |f| / h` from rounding; the default step balances the
    two. NumPy's ``np.gradient`` differentiates sampled *data* on a grid;
    this differentiates a *function* at one point.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.multivariate import partial_derivative
    >>> def f(x):
    ...     return x[0] ** 2 * x[1]
    >>> round(partial_derivative(f, np.array([3.0, 2.0]), 0), 6)   # 2 * x1 * x2
    12.0
    >>> round(partial_derivative(f, np.array([3.0, 2.0]), 1), 6)   # x1 ** 2
    9.0
    >>> partial_derivative(f, np.array([3.0, 2.0]), 2)
    Traceback (most recent call last):
    ...
    ValueError: i must be a coordinate index in 0..1, got 2
    """
    check_callable(f, "f", "partial_derivative")
    x = as_array(x, "x", ndim=1)
    check_integer(i, "i")
    if not 0 <= i < x.size:
        raise ValueError(f"i must be a coordinate index in 0..{x.size - 1}, got {i}")
    step = float(difference_step(x[i], h, 1 / 3))
    e_i = np.zeros_like(x)
    e_i[i] = step
    return _central(
        _scalar(f, x + e_i), _scalar(f, x - e_i), step, "partial_derivative: the difference quotient"
    )


@set_module("mlmath_ref.multivariate")
def gradient(f, x, h=None):
    r"""The vector of all partial derivatives: the direction of steepest increase.

    Entry :math:`i` is :math:`\partial f / \partial x_i`. Geometrically the
    gradient points uphill, perpendicular to the contour line through `x`,
    and its length is the slope in that direction; gradient descent steps
    against it. Concept page: :ref:`concept-gradient`.

    Parameters
    ----------
    f : callable
        A function from a float array of shape ``(n,)`` to a real number.
    x : array_like of shape (n,)
        The point where the gradient is taken.
    h : float, optional
        The step, the same for every coordinate. By default
        :math:`\varepsilon^{1/3} \max(1, |x_i|)` for coordinate :math:`i`.

    Returns
    -------
    ndarray of shape (n,)
        The estimate of :math:`\nabla f(\mathbf{x})`.

    Raises
    ------
    TypeError
        If `f` is not callable, `x` is not numeric or `h` is not a real number.
    ValueError
        If `x` is not a finite non-empty vector, `h` is not positive and
        finite, or `f` does not return a single number.
        Also if `h` is too small to move `x`, or a point or the estimate
        is beyond float64's range. `f` always gets a copy of the point; a
        value that is not real and numeric (None, text, a complex number)
        raises a TypeError naming `f`.

    See Also
    --------
    partial_derivative : One entry of the gradient.
    jacobian : The same for vector-valued functions; its rows are gradients.
    hessian : The derivative of the gradient.

    Notes
    -----
    .. math::

        \nabla f(\mathbf{x}) = \Bigl(\frac{\partial f}{\partial x_1}, \dots,
        \frac{\partial f}{\partial x_n}\Bigr),
        \qquad
        \frac{\partial f}{\partial x_i} \approx
        \frac{f(\mathbf{x} + h \mathbf{e}_i) - f(\mathbf{x} - h \mathbf{e}_i)}{2h}

    This costs :math:`2n` evaluations of `f`, which is why networks with
    millions of weights use reverse-mode automatic differentiation instead
    (one backward pass). For a quadratic
    :math:`f(\mathbf{x}) = \mathbf{x}^\top A \mathbf{x} + \mathbf{b}^\top \mathbf{x}`
    the gradient is :math:`(A + A^\top)\mathbf{x} + \mathbf{b}`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.multivariate import gradient
    >>> def f(x):
    ...     return x[0] ** 2 + 3 * x[0] * x[1]
    >>> gradient(f, np.array([1.0, 2.0])).round(4)   # (2 x1 + 3 x2, 3 x1)
    array([8., 3.])
    >>> gradient(lambda x: x, np.array([1.0, 2.0]))
    Traceback (most recent call last):
    ...
    ValueError: f must return a scalar (one number), but f(x) has shape (2,); ...
    """
    check_callable(f, "f", "gradient")
    x = as_array(x, "x", ndim=1)
    steps = difference_step(x, h, 1 / 3)
    g = np.empty_like(x)
    for i, step in enumerate(steps):
        e_i = np.zeros_like(x)
        e_i[i] = step
        g[i] = _central(_scalar(f, x + e_i), _scalar(f, x - e_i), step, "gradient: a difference quotient")
    return g


@set_module("mlmath_ref.multivariate")
def directional_derivative(f, x, v, h=None):
    r"""Rate of change of a function when its input moves along a vector.

    The slope of :math:`t \mapsto f(\mathbf{x} + t\mathbf{v})` at
    :math:`t = 0`. For a differentiable `f` it equals
    :math:`\nabla f(\mathbf{x})^\top \mathbf{v}`, which is largest when
    :math:`\mathbf{v}` points along the gradient. Concept page:
    :ref:`concept-directional-derivative`.

    Parameters
    ----------
    f : callable
        A function from a float array of shape ``(n,)`` to a real number.
    x : array_like of shape (n,)
        The point.
    v : array_like of shape (n,)
        The direction, used **as given, not normalized**: doubling `v`
        doubles the result. Pass a unit vector for the slope per unit
        distance. A zero `v` is allowed and gives 0.
    h : float, optional
        The step in :math:`t`. By default
        :math:`\varepsilon^{1/3} \max(1, \max_i |x_i|) / 2^e`, with
        :math:`2^e` the power of two just above :math:`\max_i |v_i|`, so
        that the point moves by about :math:`\varepsilon^{1/3}` of its size.

    Returns
    -------
    float
        The estimate of :math:`D_{\mathbf{v}} f(\mathbf{x})`.

    Raises
    ------
    TypeError
        If `f` is not callable, `x` or `v` is not numeric or `h` is not a
        real number.
    ValueError
        If `x` is not a finite non-empty vector, `v` does not have the shape
        of `x`, `h` is not positive and finite, or `f` does not return a
        single number.
        Also if `h` is too small to move `x`, or a point or the estimate
        is beyond float64's range. `f` always gets a copy of the point; a
        value that is not real and numeric (None, text, a complex number)
        raises a TypeError naming `f`.

    See Also
    --------
    gradient : The vector whose dot product with `v` this equals.
    partial_derivative : The special case :math:`\mathbf{v} = \mathbf{e}_i`.

    Notes
    -----
    .. math::

        D_{\mathbf{v}} f(\mathbf{x})
        = \lim_{t \to 0} \frac{f(\mathbf{x} + t\mathbf{v}) - f(\mathbf{x})}{t}
        \approx \frac{f(\mathbf{x} + h\mathbf{v}) - f(\mathbf{x} - h\mathbf{v})}{2h}
        = \nabla f(\mathbf{x})^\top \mathbf{v} + O(h^2)

    It is computed from this definition with two evaluations of `f`, not
    from the gradient (which would take :math:`2n`); forward-mode automatic
    differentiation computes the same number exactly, also in one pass.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.multivariate import directional_derivative
    >>> def f(x):
    ...     return x[0] ** 2 + x[1] ** 2
    >>> x = np.array([1.0, 1.0])
    >>> round(directional_derivative(f, x, np.array([1.0, 0.0])), 6)   # along x1
    2.0
    >>> round(directional_derivative(f, x, np.array([1.0, -1.0])), 6)  # along the contour
    0.0
    >>> directional_derivative(f, x, np.zeros(2))
    0.0
    >>> directional_derivative(f, x, np.ones(3))
    Traceback (most recent call last):
    ...
    ValueError: x and v must have the same shape, got (2,) and (3,)
    """
    check_callable(f, "f", "directional_derivative")
    x = as_array(x, "x", ndim=1)
    v = as_array(v, "v", ndim=1)
    check_same_shape(x, v, "x", "v")
    size = np.max(np.abs(v))
    if size == 0:
        _scalar(f, x)  # still check that f is a scalar function
        return 0.0
    what = "directional_derivative: the difference quotient"
    if h is not None:
        step = float(difference_step(0.0, h, 1 / 3))  # checks h
        return _central(_scalar(f, _moved(x, step * v, 1)), _scalar(f, _moved(x, step * v, -1)), step, what)
    # Along u = v / 2**e, whose largest entry is in [1/2, 1): the step t u moves x by at most
    # eps**(1/3) of its size, and D_v f = 2**e D_u f, however large or small v is.
    e = exponent_of(size)
    u = np.ldexp(v, -e)
    step = float(difference_step(np.max(np.abs(x)), None, 1 / 3))
    slope = _central(_scalar(f, _moved(x, step * u, 1)), _scalar(f, _moved(x, step * u, -1)), step, what)
    return scale_back(slope, e, what)


def _moved(x, d, sign, label="x + h v"):
    # x + sign * d, refusing a point beyond the largest float
    with np.errstate(over="ignore"):
        y = x + sign * d
    if not np.all(np.isfinite(y)):
        raise ValueError(f"{label} overflows float64: the quotient would evaluate f beyond the largest float")
    return y


def _central(up, down, step, what):
    # (up - down) / (2 step) by exact halves, so that the difference cannot overflow
    with np.errstate(over="ignore"):
        return float(check_finite((0.5 * up - 0.5 * down) / step, what))


@set_module("mlmath_ref.multivariate")
def jacobian(f, x, h=None):
    r"""The matrix of all partial derivatives of a vector-valued function.

    For :math:`f\colon \mathbb{R}^n \to \mathbb{R}^m` the Jacobian is the
    :math:`m \times n` matrix :math:`J` with :math:`J_{ij} = \partial f_i /
    \partial x_j`: the matrix of the linear map that best approximates `f`
    near `x`. Column :math:`j` is how the output moves when :math:`x_j`
    moves; row :math:`i` is the gradient of output :math:`i`. Concept page:
    :ref:`concept-jacobian`.

    Parameters
    ----------
    f : callable
        A function from a float array of shape ``(n,)`` to a float array of
        shape ``(m,)``.
    x : array_like of shape (n,)
        The point.
    h : float, optional
        The step, the same for every coordinate. By default
        :math:`\varepsilon^{1/3} \max(1, |x_j|)` for coordinate :math:`j`.

    Returns
    -------
    ndarray of shape (m, n)
        The estimate of :math:`J_f(\mathbf{x})`.

    Raises
    ------
    TypeError
        If `f` is not callable, `x` is not numeric or `h` is not a real number.
    ValueError
        If `x` is not a finite non-empty vector, `h` is not positive and
        finite, or `f` does not return 1-D arrays of one length.
        Also if `h` is too small to move `x`, or a point or the estimate
        is beyond float64's range. `f` always gets a copy of the point; a
        value that is not real and numeric (None, text, a complex number)
        raises a TypeError naming `f`.

    See Also
    --------
    gradient : The Jacobian of a scalar function, as a vector.
    mlmath_ref.linalg.matrix_of : The same column-by-column construction for a linear map.

    Notes
    -----
    Built column by column, as the matrix of a linear map is:

    .. math::

        J_f(\mathbf{x}) = \Bigl[\, \cdots \;\;
        \frac{f(\mathbf{x} + h\mathbf{e}_j) - f(\mathbf{x} - h\mathbf{e}_j)}{2h}
        \;\; \cdots \,\Bigr],
        \qquad
        f(\mathbf{x} + \mathbf{d}) = f(\mathbf{x}) + J_f(\mathbf{x})\,\mathbf{d}
        + O(\lVert \mathbf{d} \rVert^2)

    For a linear map :math:`f(\mathbf{x}) = W\mathbf{x} + \mathbf{b}` the
    Jacobian is :math:`W` everywhere; the chain rule says
    :math:`J_{f \circ g}(\mathbf{x}) = J_f(g(\mathbf{x}))\, J_g(\mathbf{x})`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.multivariate import jacobian
    >>> def polar_to_xy(p):
    ...     r, theta = p
    ...     return np.array([r * np.cos(theta), r * np.sin(theta)])
    >>> jacobian(polar_to_xy, np.array([2.0, 0.0])).round(4)
    array([[1., 0.],
           [0., 2.]])
    >>> jacobian(np.sum, np.array([1.0, 2.0]))
    Traceback (most recent call last):
    ...
    ValueError: f must return a vector (1-D array), but f(x) has shape (); ...
    """
    check_callable(f, "f", "jacobian")
    x = as_array(x, "x", ndim=1)
    steps = difference_step(x, h, 1 / 3)
    columns, m = [], None
    for j, step in enumerate(steps):
        e_j = np.zeros_like(x)
        e_j[j] = step
        plus = _vector(f, x + e_j, m)
        m = plus.shape[0]
        minus = _vector(f, x - e_j, m)
        with np.errstate(over="ignore"):
            columns.append((0.5 * plus - 0.5 * minus) / step)  # exact halves: no difference overflows
    return check_finite(np.stack(columns, axis=1), "jacobian: a difference quotient")


@set_module("mlmath_ref.multivariate")
def hessian(f, x, h=None):
    r"""The matrix of second partial derivatives: the curvature of a function.

    :math:`H_{ij} = \partial^2 f / \partial x_i \partial x_j`. Its
    eigenvectors are the directions of pure curvature and its eigenvalues
    how strongly the function bends along them: all positive at a minimum,
    of both signs at a saddle point. Concept page: :ref:`concept-hessian`.

    Parameters
    ----------
    f : callable
        A function from a float array of shape ``(n,)`` to a real number.
    x : array_like of shape (n,)
        The point.
    h : float, optional
        The step, the same for every coordinate. By default
        :math:`\varepsilon^{1/4} \max(1, |x_i|)` for coordinate :math:`i`,
        larger than for first derivatives because a second difference
        divides by :math:`h^2`.

    Returns
    -------
    ndarray of shape (n, n)
        The estimate of :math:`\nabla^2 f(\mathbf{x})`, exactly symmetric.

    Raises
    ------
    TypeError
        If `f` is not callable, `x` is not numeric or `h` is not a real number.
    ValueError
        If `x` is not a finite non-empty vector, `h` is not positive and
        finite, or `f` does not return a single number.
        Also if `h` is too small to move `x`, or a point or the estimate
        is beyond float64's range. `f` always gets a copy of the point; a
        value that is not real and numeric (None, text, a complex number)
        raises a TypeError naming `f`.

    See Also
    --------
    gradient : The first derivatives.
    jacobian : The Hessian is the Jacobian of the gradient.

    Notes
    -----
    Each entry is a central difference in two directions at once:

    .. math::

        H_{ij} \approx \frac{f(\mathbf{x} + h_i\mathbf{e}_i + h_j\mathbf{e}_j)
        - f(\mathbf{x} + h_i\mathbf{e}_i - h_j\mathbf{e}_j)
        - f(\mathbf{x} - h_i\mathbf{e}_i + h_j\mathbf{e}_j)
        + f(\mathbf{x} - h_i\mathbf{e}_i - h_j\mathbf{e}_j)}{4 h_i h_j}

    with error :math:`O(h^2)` plus about :math:`\varepsilon |f| / h^2` from
    rounding. For a twice continuously differentiable `f` the mixed partials
    agree, :math:`H_{ij} = H_{ji}` (Schwarz's theorem), and the formula is
    symmetric in :math:`i` and :math:`j`; only the upper triangle is computed
    and mirrored, so rounding cannot break the symmetry.
    For :math:`f(\mathbf{x}) = \mathbf{x}^\top A \mathbf{x} + \mathbf{b}^\top
    \mathbf{x}` the Hessian is :math:`A + A^\top` everywhere. It costs
    :math:`2n(n + 1)` evaluations of `f`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.multivariate import hessian
    >>> def saddle(x):
    ...     return x[0] ** 2 - x[1] ** 2
    >>> hessian(saddle, np.array([0.0, 0.0])).round(4)
    array([[ 2.,  0.],
           [ 0., -2.]])
    >>> hessian(saddle, np.array([0.0, 0.0]), h=0)
    Traceback (most recent call last):
    ...
    ValueError: h must be positive and finite, got 0
    """
    check_callable(f, "f", "hessian")
    x = as_array(x, "x", ndim=1)
    steps = difference_step(x, h, 1 / 4)
    n = x.size
    H = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            d_i = np.zeros_like(x)
            d_j = np.zeros_like(x)
            d_i[i] = steps[i]
            d_j[j] = steps[j]
            label = "x + h_i e_i + h_j e_j"
            pp, pm = _moved(x + d_i, d_j, 1, label), _moved(x + d_i, d_j, -1, label)
            mp, mm = _moved(x - d_i, d_j, 1, label), _moved(x - d_i, d_j, -1, label)
            with np.errstate(over="ignore"):  # exact quarters, and h_i h_j never formed: no overflow
                H[i, j] = (
                    (
                        0.25 * _scalar(f, pp)
                        - 0.25 * _scalar(f, pm)
                        - 0.25 * _scalar(f, mp)
                        + 0.25 * _scalar(f, mm)
                    )
                    / steps[i]
                    / steps[j]
                )
            H[j, i] = H[i, j]
    return check_finite(H, "hessian: a second difference quotient")
