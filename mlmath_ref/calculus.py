"""Calculus of one variable: derivatives, tangent lines, Taylor polynomials, integrals.

Concept pages: the Calculus chapter of the site. Every derivative here is a
finite difference and every integral a weighted sum of function values, so the
functions show the definitions at work, errors included.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from mlmath_ref._checks import as_array, as_float, call_function, check_callable, check_positive, set_module
from mlmath_ref._numerics import check_finite, difference_step, exponent_of, scale_back

__all__ = [
    "derivative",
    "integrate",
    "second_derivative",
    "tangent_line",
    "taylor_polynomial",
]

# The exponent p of the default step h = eps**p * max(1, |x|) of each difference quotient:
# the step that balances its truncation error against its rounding error.
_STEP_EXPONENT = {"forward": 1 / 2, "backward": 1 / 2, "central": 1 / 3}

_RULES = ("midpoint", "trapezoid", "simpson")
_SMALLEST_NORMAL = float(np.finfo(np.float64).smallest_normal)  # below it a strip width loses bits


def _evaluate(f, points, func, label):
    # Call f on a copy of the points (a plain float for a single point) and insist on one
    # finite real number per point: a silent broadcast here would give a wrong derivative.
    arg = float(points) if points.ndim == 0 else points
    explain = None
    if points.ndim:
        explain = (
            f"{func}: f must accept an array of points and return one number per point "
            f"(write it with NumPy functions); calling it on shape {points.shape} failed"
        )
    values = call_function(f, arg, label, explain=explain)
    if values.shape != points.shape:
        raise ValueError(
            f"{func}: f must return one real number per point: called on shape "
            f"{points.shape}, {label} has shape {values.shape}"
        )
    return values


def _result(values, x):
    return float(values) if x.ndim == 0 else values


@set_module("mlmath_ref.calculus")
def derivative(f, x, h=None, method="central"):
    r"""Estimate the derivative :math:`f'(x)` by a finite difference quotient.

    The slope of the secant through two nearby points of the graph of `f`
    stands in for the slope of the tangent. With ``method="central"`` the two
    points are :math:`x - h` and :math:`x + h`; with ``"forward"`` they are
    :math:`x` and :math:`x + h`. This is the estimate a gradient check compares
    backpropagation against. Concept pages: :ref:`concept-derivative`,
    :ref:`concept-numerical-differentiation`.

    Parameters
    ----------
    f : callable
        A function of one real variable. For an array `x` it is called on whole
        arrays and must return an array of the same shape (write it with NumPy
        functions such as ``np.sin``).
    x : float or array_like
        The point(s) where the derivative is wanted; every entry is handled
        separately.
    h : float, optional
        The step. By default :math:`h = \varepsilon^{1/3} \max(1, |x|)` for the
        central difference and :math:`h = \varepsilon^{1/2} \max(1, |x|)` for
        the one-sided ones, with :math:`\varepsilon` the machine epsilon.
    method : {"central", "forward", "backward"}, default="central"
        Which two points the secant goes through.

    Returns
    -------
    float or ndarray
        A float for a scalar `x`, otherwise an array of the shape of `x`.

    Raises
    ------
    ValueError
        If `h` is zero, negative or not finite, or too small to move `x`
        (:math:`x + h` rounds to :math:`x`); if `method` is unknown; if `x`
        holds NaN or infinity; if :math:`x \pm h` or the quotient is beyond
        float64's range; if `f` does not return one finite number per point.
    TypeError
        If `f` is not callable, `h` is not a real number, `x` is not
        numeric, or `f` returns something that is not real and numeric
        (None, text, a complex number); the message names `f`.

    See Also
    --------
    second_derivative : The central second difference, for curvature.
    tangent_line : The line through :math:`(x_0, f(x_0))` with this slope.
    numpy.gradient : Differences of tabulated samples rather than of a function.

    Notes
    -----
    The three difference quotients are

    .. math::

        D_+ = \frac{f(x + h) - f(x)}{h}, \qquad
        D_- = \frac{f(x) - f(x - h)}{h}, \qquad
        D_0 = \frac{f(x + h) - f(x - h)}{2h}.

    Taylor's theorem gives their *truncation* errors,
    :math:`D_\pm - f'(x) = \pm \tfrac{h}{2} f''(x) + O(h^2)` and
    :math:`D_0 - f'(x) = \tfrac{h^2}{6} f'''(x) + O(h^4)`: halving :math:`h`
    halves the one-sided error and quarters the central one. Each value of
    `f` also carries a *rounding* error of about :math:`\varepsilon |f(x)|`,
    which the division by :math:`h` magnifies to about
    :math:`\varepsilon |f(x)| / h`. The total error
    :math:`C h^k + \varepsilon |f| / h` is smallest near
    :math:`h \approx \varepsilon^{1/(k+1)}`: :math:`\varepsilon^{1/2} \approx
    1.5 \times 10^{-8}` for the one-sided quotients (:math:`k = 1`), with an
    error near :math:`10^{-8}`, and :math:`\varepsilon^{1/3} \approx 6 \times
    10^{-6}` for the central one (:math:`k = 2`), with an error near
    :math:`10^{-11}`. These are the default steps, scaled by :math:`|x|` when
    :math:`|x| > 1` so that :math:`x + h` differs from :math:`x` in the same
    number of bits. The step used is the distance from :math:`x` to the
    float that :math:`x + h` rounds to, so the denominator is the true
    distance between the two points, and the difference of the values is
    taken in halves, which cannot overflow. `f` gets a copy of the points.
    ``numpy.gradient`` uses the same central formula, but on samples you
    already have, with the grid spacing as step.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.calculus import derivative
    >>> round(derivative(np.sin, 0.0), 8)          # cos(0) = 1
    1.0
    >>> derivative(np.exp, [0.0, 1.0]).round(6)    # exp is its own derivative
    array([1.      , 2.718282])
    >>> round(derivative(np.abs, 0.0), 8)          # no derivative at a kink: the central
    0.0
    >>> round(derivative(np.abs, 0.0, method="forward"), 8)   # and forward quotients disagree
    1.0
    >>> derivative(np.sin, 1.0, h=0.0)
    Traceback (most recent call last):
    ...
    ValueError: h must be positive and finite, got 0.0
    """
    check_callable(f, "f", "derivative")
    if method not in _STEP_EXPONENT:
        raise ValueError(f"method must be one of {sorted(_STEP_EXPONENT)}, got {method!r}")
    x = as_array(x, "x")
    step = difference_step(x, h, _STEP_EXPONENT[method])
    # Halves of the values are exact, and their difference cannot overflow; the quotients are
    # the textbook ones, rounding for rounding.
    with np.errstate(over="ignore"):
        if method == "central":
            up, down = (
                _evaluate(f, x + step, "derivative", "f(x + h)"),
                _evaluate(f, x - step, "derivative", "f(x - h)"),
            )
            slope = (0.5 * up - 0.5 * down) / step
        elif method == "forward":
            up, at = _evaluate(f, x + step, "derivative", "f(x + h)"), _evaluate(f, x, "derivative", "f(x)")
            slope = 2 * ((0.5 * up - 0.5 * at) / step)
        else:
            at, down = _evaluate(f, x, "derivative", "f(x)"), _evaluate(f, x - step, "derivative", "f(x - h)")
            slope = 2 * ((0.5 * at - 0.5 * down) / step)
    return _result(check_finite(slope, "derivative: the difference quotient"), x)


@set_module("mlmath_ref.calculus")
def second_derivative(f, x, h=None):
    r"""Estimate the second derivative :math:`f''(x)` by the central second difference.

    The second derivative measures how fast the slope changes: the curvature
    of the graph. For a loss, it decides how large a gradient step may be
    before the step overshoots the minimum. Concept page:
    :ref:`concept-second-derivative`.

    Parameters
    ----------
    f : callable
        A function of one real variable. For an array `x` it is called on whole
        arrays and must return an array of the same shape.
    x : float or array_like
        The point(s) where the second derivative is wanted.
    h : float, optional
        The step; by default :math:`h = \varepsilon^{1/4} \max(1, |x|)`.

    Returns
    -------
    float or ndarray
        A float for a scalar `x`, otherwise an array of the shape of `x`.

    Raises
    ------
    ValueError
        If `h` is zero, negative or not finite, or too small to move `x`; if
        `x` holds NaN or infinity; if :math:`x \pm h` or the quotient is
        beyond float64's range; if `f` does not return one finite number
        per point.
    TypeError
        If `f` is not callable, `h` is not a real number, `x` is not
        numeric, or `f` returns something that is not real and numeric.

    See Also
    --------
    derivative : The first derivative by a difference quotient.

    Notes
    -----
    .. math:: f''(x) \approx \frac{f(x + h) - 2 f(x) + f(x - h)}{h^2}

    is the difference of the forward and backward slopes divided by :math:`h`.
    Its truncation error is :math:`\tfrac{h^2}{12} f^{(4)}(x) + O(h^4)` and its
    rounding error about :math:`4 \varepsilon |f(x)| / h^2`, so the best step is
    near :math:`\varepsilon^{1/4} \approx 10^{-4}`, with an error near
    :math:`10^{-8}`: second derivatives by differences are much less accurate
    than first ones. The code divides by :math:`h` twice rather than by
    :math:`h^2`, which overflows or underflows for steps far from 1 long
    before the quotient does.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.calculus import second_derivative
    >>> round(second_derivative(lambda x: x**2, 3.0), 6)   # a parabola: constant curvature 2
    2.0
    >>> second_derivative(np.sin, [0.0, np.pi / 2]).round(6) + 0.0   # (sin)'' = -sin
    array([ 0., -1.])
    >>> second_derivative(np.sin, 0.0, h=-1e-3)
    Traceback (most recent call last):
    ...
    ValueError: h must be positive and finite, got -0.001
    """
    check_callable(f, "f", "second_derivative")
    x = as_array(x, "x")
    step = difference_step(x, h, 1 / 4)
    up = _evaluate(f, x + step, "second_derivative", "f(x + h)")
    at = _evaluate(f, x, "second_derivative", "f(x)")
    down = _evaluate(f, x - step, "second_derivative", "f(x - h)")
    # A quarter of the numerator is exact and cannot overflow; dividing by h twice, never by h**2,
    # which overflows or underflows long before the quotient does.
    with np.errstate(over="ignore"):
        values = 4 * ((0.25 * up - 0.5 * at + 0.25 * down) / step / step)
    return _result(check_finite(values, "second_derivative: the second difference quotient"), x)


@set_module("mlmath_ref.calculus")
def tangent_line(f, x0, h=None):
    r"""Return the tangent line of `f` at `x0`, the best straight-line model near `x0`.

    The tangent line touches the graph at :math:`(x_0, f(x_0))` with slope
    :math:`f'(x_0)`. Near :math:`x_0` the function and its tangent agree to
    first order, which is what a gradient step relies on. Concept page:
    :ref:`concept-derivative`.

    Parameters
    ----------
    f : callable
        A function of one real variable.
    x0 : float
        The point of contact.
    h : float, optional
        The step of the central difference that estimates :math:`f'(x_0)`;
        see :func:`derivative`.

    Returns
    -------
    callable
        The function :math:`t \mapsto f(x_0) + f'(x_0)(t - x_0)`, vectorized over
        `t`, with attributes ``.x0``, ``.value`` (:math:`f(x_0)`), ``.slope``
        (:math:`f'(x_0)`) and ``.intercept`` (its value at :math:`t = 0`).

    Raises
    ------
    ValueError
        If `x0` is not a single finite number, `h` is not positive and finite,
        `f` does not return one finite number, or the intercept is beyond
        float64's range. The returned line raises the same errors as any
        function of this package for a bad `t`, and a ValueError where its
        value is beyond float64.
    TypeError
        If `f` is not callable, or returns something that is not real and
        numeric.

    See Also
    --------
    derivative : The slope.
    taylor_polynomial : Higher-degree local models.

    Notes
    -----
    .. math:: t(x) = f(x_0) + f'(x_0)\,(x - x_0) = m x + c, \qquad
              m = f'(x_0), \quad c = f(x_0) - m x_0.

    The slope is the central difference of :func:`derivative`, so it carries
    that function's error, about :math:`10^{-10}` relative for smooth `f`.
    The line is evaluated as :math:`2\,(f(x_0)/2 + m\,(t/2 - x_0/2))`, which
    rounds exactly as the formula does but cannot overflow in :math:`t - x_0`.

    Examples
    --------
    >>> from mlmath_ref.calculus import tangent_line
    >>> t = tangent_line(lambda x: x**2, 3.0)      # y = 6x - 9
    >>> round(t.slope, 6), round(t.intercept, 6)
    (6.0, -9.0)
    >>> round(float(t(4.0)), 6)                    # the parabola gives 16 there
    15.0
    >>> tangent_line(lambda x: x**2, [1.0, 2.0])
    Traceback (most recent call last):
    ...
    ValueError: x0 must be a scalar, got an array of shape (2,)
    """
    check_callable(f, "f", "tangent_line")
    x0 = as_float(x0, "x0")
    value = float(_evaluate(f, np.asarray(x0), "tangent_line", "f(x0)"))
    slope = derivative(f, x0, h=h)

    def line(t):
        # the values f(x0) + f'(x0) (t - x0), shaped like t; t is checked like every argument
        t = as_array(t, "t", allow_empty=True)
        return check_finite(_affine(value, slope, t, x0), "the tangent line's value at t")[()]

    line.x0 = x0
    line.value = value
    line.slope = slope
    line.intercept = float(
        check_finite(_affine(value, slope, 0.0, x0), "tangent_line: the intercept f(x0) - f'(x0) x0")
    )
    return line


def _affine(value, slope, t, x0):
    # value + slope * (t - x0) in halves, which are exact: t - x0 cannot overflow, and the result
    # overflows only when the true value does. Rounding for rounding the same as the plain formula.
    with np.errstate(over="ignore", invalid="ignore"):
        return 2 * (0.5 * value + slope * (0.5 * np.asarray(t) - 0.5 * x0))


@set_module("mlmath_ref.calculus")
def taylor_polynomial(derivatives, x0):
    r"""Return the Taylor polynomial built from the derivatives of a function at `x0`.

    Given :math:`f(x_0), f'(x_0), \dots, f^{(n)}(x_0)`, the Taylor polynomial
    of degree :math:`n` is the polynomial with those same derivatives at
    :math:`x_0`: a local model of `f`. Degree 1 is the tangent line, degree 2
    the parabola that a second-order optimizer minimizes. Concept page:
    :ref:`concept-taylor-series`.

    Parameters
    ----------
    derivatives : array_like of shape (n + 1,)
        Entry :math:`k` is the exact :math:`k`-th derivative :math:`f^{(k)}(x_0)`
        (entry 0 is :math:`f(x_0)` itself), supplied by the caller.
    x0 : float
        The expansion point.

    Returns
    -------
    callable
        The polynomial :math:`p_n`, vectorized over its argument, with
        attributes ``.coefficients`` (the :math:`f^{(k)}(x_0) / k!`, lowest
        degree first), ``.x0`` and ``.degree``.

    Raises
    ------
    ValueError
        If `derivatives` is not a non-empty 1-D array of finite numbers, or
        `x0` is not a single finite number. The returned polynomial checks
        its argument the same way, and raises a ValueError where its value
        is beyond float64.
    TypeError
        If `derivatives` or `x0` is not numeric.

    See Also
    --------
    tangent_line : Degree 1, with the slope estimated numerically.
    numpy.polynomial.Polynomial : General polynomials, in powers of :math:`x`.

    Notes
    -----
    .. math:: p_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(x_0)}{k!} (x - x_0)^k

    The polynomial is evaluated by Horner's scheme in powers of
    :math:`x - x_0`, which is accurate near :math:`x_0`, where it is meant to
    be used. If :math:`f^{(n+1)}` is bounded by :math:`M` between :math:`x_0`
    and :math:`x`, the error is at most
    :math:`M |x - x_0|^{n+1} / (n+1)!` (Lagrange's remainder). Each
    coefficient :math:`f^{(k)}(x_0)/k!` is computed exactly and rounded once
    (:math:`k!` is beyond float64 from :math:`k = 171`), so a polynomial of any
    degree can be built.

    Examples
    --------
    >>> import math
    >>> from mlmath_ref.calculus import taylor_polynomial
    >>> p = taylor_polynomial([1.0, 1.0, 1.0, 1.0], 0.0)   # exp at 0: every derivative is 1
    >>> p.coefficients.round(4)
    array([1.    , 1.    , 0.5   , 0.1667])
    >>> round(float(p(0.1)), 6), round(math.exp(0.1), 6)
    (1.105167, 1.105171)
    >>> taylor_polynomial([], 0.0)
    Traceback (most recent call last):
    ...
    ValueError: derivatives must not be empty, got shape (0,)
    """
    derivatives = as_array(derivatives, "derivatives", ndim=1)
    x0 = as_float(x0, "x0")
    coefficients = np.empty(derivatives.size)
    factorial = 1
    for k, d in enumerate(derivatives.tolist()):
        factorial *= max(k, 1)
        coefficients[k] = float(Fraction(d) / factorial)  # exact, rounded once: 171! is beyond float64

    def polynomial(x):
        # the polynomial's values, shaped like x; x is checked like every argument
        x = as_array(x, "x", allow_empty=True)
        with np.errstate(over="ignore", invalid="ignore"):
            dx = x - x0
            value = np.zeros_like(dx) + coefficients[-1]
            for c in coefficients[-2::-1]:  # Horner: ((c_n dx + c_{n-1}) dx + ...) dx + c_0
                value = value * dx + c
        return check_finite(value, "the Taylor polynomial's value at x")[()]

    polynomial.coefficients = coefficients
    polynomial.x0 = x0
    polynomial.degree = derivatives.size - 1
    return polynomial


@set_module("mlmath_ref.calculus")
def integrate(f, a, b, n=100, rule="simpson"):
    r"""Approximate the integral :math:`\int_a^b f(x)\,dx` by a sum over `n` strips.

    Cut :math:`[a, b]` into `n` strips of width :math:`\Delta x = (b - a)/n`
    and add up the areas of simple shapes over them: rectangles through the
    midpoints, trapezoids, or parabolas (Simpson's rule). Probabilities and
    expectations of continuous random variables are integrals computed this
    way. Concept page: :ref:`concept-integral`.

    Parameters
    ----------
    f : callable
        A function of one real variable, called once on the array of nodes; it
        must return an array of the same shape (write it with NumPy functions;
        a constant ``c`` is ``lambda x: c + 0 * x``).
    a, b : float
        The ends of the interval, finite, with :math:`a \le b`.
    n : int, default=100
        The number of strips; even for Simpson's rule.
    rule : {"simpson", "trapezoid", "midpoint"}, default="simpson"
        The shape over each strip.

    Returns
    -------
    float
        The approximation; ``0.0`` when ``a == b``.

    Raises
    ------
    ValueError
        If :math:`a > b` (the message says the interval is given backwards),
        `a` or `b` is not finite, `n` is not positive, `n` is odd with
        ``rule="simpson"``, `rule` is unknown, `f` does not return one finite
        number per node, or the integral is beyond float64's range.
    TypeError
        If `f` is not callable, `n` is not an integer, or `f` returns
        something that is not real and numeric.

    See Also
    --------
    derivative : The other half of the fundamental theorem of calculus.
    numpy.trapezoid : The trapezoid rule on samples you already have.
    scipy.integrate.quad : Adaptive quadrature, with an error estimate.

    Notes
    -----
    With nodes :math:`x_i = a + i \Delta x` and :math:`f_i = f(x_i)`:

    .. math::

        M_n &= \Delta x \sum_{i=1}^{n} f\bigl(a + (i - \tfrac12)\Delta x\bigr), \\
        T_n &= \Delta x \bigl(\tfrac12 f_0 + f_1 + \dots + f_{n-1} + \tfrac12 f_n\bigr), \\
        S_n &= \tfrac{\Delta x}{3} \bigl(f_0 + 4 f_1 + 2 f_2 + 4 f_3 + \dots + 4 f_{n-1} + f_n\bigr).

    The midpoint sum is a Riemann sum. For smooth `f` the errors are about
    :math:`-\tfrac{(b-a)\Delta x^2}{24} f''`, :math:`\tfrac{(b-a)\Delta x^2}{12} f''`
    and :math:`\tfrac{(b-a)\Delta x^4}{180} f^{(4)}` (at some point of the
    interval): doubling `n` divides the error by about 4, 4 and 16. The sums
    run in NumPy over all nodes at once; unlike ``scipy.integrate.quad`` the
    nodes are fixed in advance and no error estimate is returned. Where
    :math:`b - a` or the sum overflows, or the strip width underflows, the
    integral is computed as the width times a weighted mean of the values,
    each scaled by a power of two, so that it is right whenever the integral
    itself is within float64's range.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.calculus import integrate
    >>> round(integrate(lambda x: x**2, 0.0, 3.0), 10)     # Simpson is exact on cubics: 9
    9.0
    >>> round(integrate(np.sin, 0.0, np.pi, n=10, rule="midpoint"), 4)   # exactly 2
    2.0082
    >>> integrate(np.sin, 1.0, 1.0)                        # an empty interval
    0.0
    >>> integrate(np.sin, 1.0, 0.0)
    Traceback (most recent call last):
    ...
    ValueError: interval given backwards: a=1.0 > b=0.0; swap a and b and negate the result
    """
    check_callable(f, "f", "integrate")
    a = as_float(a, "a")
    b = as_float(b, "b")
    check_positive(n, "n", integer=True)
    if rule not in _RULES:
        raise ValueError(f"rule must be one of {list(_RULES)}, got {rule!r}")
    if rule == "simpson" and n % 2:
        raise ValueError(f"n must be even for rule='simpson', got n={n}")
    if a > b:
        raise ValueError(f"interval given backwards: a={a} > b={b}; swap a and b and negate the result")
    if a == b:
        return 0.0
    if rule == "midpoint":
        offsets = np.arange(n) + 0.5
        weights = np.ones(n)
    else:
        offsets = np.arange(n + 1, dtype=np.float64)
        if rule == "trapezoid":
            weights = np.ones(n + 1)
            weights[[0, -1]] = 0.5
        else:
            weights = np.where(np.arange(n + 1) % 2 == 1, 4.0, 2.0) / 3
            weights[[0, -1]] = 1 / 3
    with np.errstate(over="ignore"):
        width = b - a
    if math.isfinite(width):
        dx = width / n
        nodes = a + offsets * dx
    else:  # b - a overflows (a < 0 < b, both huge): the halves are exact and their difference is not
        dx = math.inf
        width = 0.5 * b - 0.5 * a
        nodes = 2 * (0.5 * a + offsets * (width / n))
    if rule != "midpoint":
        nodes[-1] = b
    values = _evaluate(f, nodes, "integrate", "f(nodes)")
    with np.errstate(over="ignore", invalid="ignore"):
        total = dx * np.dot(weights, values)
    if math.isfinite(total) and dx >= _SMALLEST_NORMAL:
        return float(total)
    # The sum or the width overflowed, or the strip width dx underflowed: the integral is the
    # width times a weighted mean of f (the weights / n add up to 1), each scaled by a power of two.
    e_f = exponent_of(np.max(np.abs(values)))
    mean = np.dot(weights / n, np.ldexp(values, -e_f))  # a mean of numbers below 1: cannot overflow
    e_w = exponent_of(width)
    halved = 0 if dx < math.inf else 1
    return scale_back(np.ldexp(width, -e_w) * float(mean), e_f + e_w + halved, "integrate: the integral")
