"""Fundamentals: functions, composition, floating point, sums and sequences.

Concept pages: the Fundamentals chapter of the site.
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import (
    as_array,
    check_callable,
    check_integer,
    check_positive,
    copy_argument,
    is_iterable,
    set_module,
    show,
)
from mlmath_ref._numerics import scale_back

__all__ = [
    "cartesian_product",
    "compose",
    "find_counterexample",
    "image",
    "is_injective",
    "iterate",
    "kahan_sum",
    "logsumexp",
    "machine_epsilon",
    "naive_sum",
    "partial_sums",
]


@set_module("mlmath_ref.fundamentals")
def compose(*functions):
    r"""Compose functions right to left, as :math:`f \circ g` is written.

    ``compose(f, g)`` returns the function :math:`x \mapsto f(g(x))`: first
    ``g``, then ``f``. A neural network is a composition of layers, written
    the same way. Concept page: :ref:`concept-composition`.

    Parameters
    ----------
    *functions : callable
        One or more functions of one argument. The last is applied first.

    Returns
    -------
    callable
        The composition. It keeps the list of its parts in ``.functions``.

    Raises
    ------
    ValueError
        If no function is given.
    TypeError
        If one of the arguments is not callable; the message names its position.

    See Also
    --------
    mlmath_ref.linalg.matmul : The matrix of a composition of linear maps.

    Notes
    -----
    .. math:: (f \circ g)(x) = f(g(x))

    Composition is associative, :math:`(f \circ g) \circ h = f \circ (g \circ h)`,
    but not commutative: in general :math:`f \circ g \neq g \circ f`. The
    composition is evaluated with a loop rather than nested calls, so a chain
    of thousands of functions does not hit Python's recursion limit.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import compose
    >>> def double(x):
    ...     return 2 * x
    >>> def add_one(x):
    ...     return x + 1
    >>> compose(double, add_one)(3)    # double(add_one(3))
    8
    >>> compose(add_one, double)(3)    # add_one(double(3)): order matters
    7
    >>> compose(1, double)
    Traceback (most recent call last):
    ...
    TypeError: compose: argument 0 must be callable, got int
    """
    if not functions:
        raise ValueError("compose needs at least one function, got none")
    for position, f in enumerate(functions):
        check_callable(f, f"argument {position}", "compose")

    def composition(x):
        for f in reversed(functions):
            x = f(x)
        return x

    composition.functions = functions
    composition.__name__ = " ∘ ".join(getattr(f, "__name__", repr(f)) for f in functions)
    return composition


def _as_list(items, name, func):
    # Materialize an iterable argument into a list, or raise a TypeError naming it.
    if not is_iterable(items):
        raise TypeError(
            f"{func}: {name} must be an iterable of elements (list, set, range...), "
            f"got {type(items).__name__}"
        )
    return list(items)


@set_module("mlmath_ref.fundamentals")
def cartesian_product(*sets):
    r"""List every tuple with one element from each set: :math:`A_1 \times \dots \times A_k`.

    ``cartesian_product(A, B)`` is the list of all pairs ``(a, b)`` with ``a``
    from ``A`` and ``b`` from ``B``. A hyperparameter grid is a Cartesian
    product, and so is the sample space of several dice. Concept page:
    :ref:`concept-sets`.

    Parameters
    ----------
    *sets : iterable
        The factors :math:`A_1, \dots, A_k`: lists, tuples, ranges or sets.
        Their order is kept (a Python ``set`` has its own iteration order).

    Returns
    -------
    list of tuple
        All tuples :math:`(a_1, \dots, a_k)`, the last factor varying
        fastest. With no factor at all, the one empty tuple ``[()]``.

    Raises
    ------
    TypeError
        If one of the factors is not iterable, or is a string; the message
        names its position.

    See Also
    --------
    image : The set of outputs of a function on a set.

    Notes
    -----
    The number of tuples is the product of the sizes of the factors,

    .. math:: |A_1 \times \dots \times A_k| = |A_1| \cdots |A_k|,

    which is why grids of hyperparameters grow so fast. Repeated elements in
    a factor are not removed (a set has none). The tuples come in the same
    order as from ``itertools.product``, which the loop below rebuilds
    one factor at a time.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import cartesian_product
    >>> cartesian_product([0.01, 0.1], [32, 64])
    [(0.01, 32), (0.01, 64), (0.1, 32), (0.1, 64)]
    >>> len(cartesian_product(range(3), range(4), range(5)))
    60
    >>> cartesian_product([1, 2], [])    # a factor is empty, so is the product
    []
    >>> cartesian_product([1, 2], 3)
    Traceback (most recent call last):
    ...
    TypeError: cartesian_product: sets[1] must be an iterable of elements (list, set, range...), got int
    """
    factors = [_as_list(A, f"sets[{position}]", "cartesian_product") for position, A in enumerate(sets)]
    tuples = [()]
    for A in factors:
        tuples = [t + (a,) for t in tuples for a in A]
    return tuples


@set_module("mlmath_ref.fundamentals")
def image(f, domain):
    r"""Return the image of a set under a function: :math:`f(A) = \{f(x) : x \in A\}`.

    Apply ``f`` to every element of ``domain`` and collect the distinct
    outputs. For a classifier, the image of the data set is the set of labels
    it actually predicts. Concept page: :ref:`concept-functions`.

    Parameters
    ----------
    f : callable
        A function of one argument whose outputs are hashable (numbers,
        strings, tuples).
    domain : iterable
        The set :math:`A` of inputs: a list, tuple, range or set.

    Returns
    -------
    set
        The distinct values :math:`f(x)` for :math:`x` in ``domain``.

    Raises
    ------
    TypeError
        If `f` is not callable, `domain` is not iterable, or a value (an
        output of `f`, or for ``is_injective`` an element of `domain`) is
        not hashable; the message names it.

    See Also
    --------
    is_injective : Whether different inputs always give different outputs.
    compose : Apply one function after another.

    Notes
    -----
    .. math:: f(A) = \{\, f(x) : x \in A \,\}, \qquad |f(A)| \le |A|,

    with equality exactly when :math:`f` is injective on :math:`A`.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import image
    >>> def square(x):
    ...     return x**2
    >>> sorted(image(square, [-2, -1, 0, 1, 2]))
    [0, 1, 4]
    >>> image(square, [])      # the image of the empty set is empty
    set()
    >>> image(square, 5)
    Traceback (most recent call last):
    ...
    TypeError: image: domain must be an iterable of elements (list, set, range...), got int
    """
    check_callable(f, "f", "image")
    outputs = set()
    for x in _as_list(domain, "domain", "image"):
        y = f(x)
        _check_hashable(y, f"f({show(x)})", "image: f must return hashable values (numbers, strings, tuples)")
        outputs.add(y)
    return outputs


def _check_hashable(value, label, requirement):
    # Sets need hashable elements; Python's own error ("unhashable type: 'list'") names no argument.
    try:
        hash(value)
    except TypeError:
        raise TypeError(f"{requirement}, but {label} is a {type(value).__name__}") from None


@set_module("mlmath_ref.fundamentals")
def is_injective(f, domain):
    r"""Decide whether a function never sends two different inputs to one output.

    ``f`` is *injective* (one-to-one) on ``domain`` when :math:`f(x) = f(y)`
    only for :math:`x = y`; then no information is lost and the input can be
    recovered from the output. An embedding table that maps two tokens to
    the same vector is not injective. Concept page: :ref:`concept-functions`.

    Parameters
    ----------
    f : callable
        A function of one argument with hashable outputs.
    domain : iterable
        The finite set of inputs to check, with hashable elements.

    Returns
    -------
    bool
        True if all distinct elements of ``domain`` have distinct images.

    Raises
    ------
    TypeError
        If `f` is not callable, `domain` is not iterable, or a value (an
        output of `f`, or for ``is_injective`` an element of `domain`) is
        not hashable; the message names it.

    See Also
    --------
    image : The set of outputs.

    Notes
    -----
    Repeated elements of ``domain`` count once. On a finite set,

    .. math:: f \text{ is injective on } A \iff |f(A)| = |A|.

    The check only covers the elements given: a function can be injective on
    a sample of inputs and not on the whole real line.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import is_injective
    >>> def square(x):
    ...     return x**2
    >>> is_injective(square, [0, 1, 2, 3])
    True
    >>> is_injective(square, [-1, 0, 1])      # square(-1) == square(1)
    False
    >>> is_injective(square, [])              # nothing can collide
    True
    >>> is_injective("square", [1])
    Traceback (most recent call last):
    ...
    TypeError: is_injective: f must be callable, got str
    """
    check_callable(f, "f", "is_injective")
    items = _as_list(domain, "domain", "is_injective")
    for position, x in enumerate(items):
        _check_hashable(
            x,
            f"domain[{position}]",
            "is_injective: the elements of domain must be hashable (numbers, strings, tuples)",
        )
    A = set(items)
    outputs = set()
    for x in A:
        y = f(x)
        _check_hashable(
            y, f"f({show(x)})", "is_injective: f must return hashable values (numbers, strings, tuples)"
        )
        outputs.add(y)
    return len(outputs) == len(A)


@set_module("mlmath_ref.fundamentals")
def machine_epsilon(dtype=np.float64):
    r"""Find the gap between 1 and the next floating-point number, by halving.

    Start from :math:`\varepsilon = 1` and halve it as long as
    :math:`1 + \varepsilon/2` still differs from 1 in the given precision.
    It measures the relative rounding error of every operation: about
    :math:`10^{-16}` in float64 and :math:`10^{-7}` in the float32 that
    networks train in. Concept page: :ref:`concept-real-numbers`.

    Parameters
    ----------
    dtype : data-type, default=numpy.float64
        A floating-point type: ``np.float16``, ``np.float32``,
        ``np.float64`` or a name such as ``"float32"``.

    Returns
    -------
    numpy.floating
        :math:`\varepsilon` as a scalar of type `dtype`; equal to
        ``np.finfo(dtype).eps``, NumPy's table of the same constant.

    Raises
    ------
    TypeError
        If `dtype` is not a floating-point type.

    See Also
    --------
    kahan_sum : A sum whose error bound is a small multiple of :math:`\varepsilon`.

    Notes
    -----
    A float with :math:`p` bits of significand (counting the implicit
    leading bit) has

    .. math:: \varepsilon = 2^{1-p},

    that is :math:`2^{-52}` for float64 (:math:`p = 53`), :math:`2^{-23}`
    for float32 and :math:`2^{-10}` for float16. Rounding to nearest makes
    the relative error of one operation at most the *unit roundoff*
    :math:`u = \varepsilon / 2`. Every step of the loop is exact (halving a
    power of two), so the answer is exact too.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.fundamentals import machine_epsilon
    >>> float(machine_epsilon()) == 2.0**-52
    True
    >>> float(machine_epsilon(np.float32)) == 2.0**-23
    True
    >>> machine_epsilon(np.int32)
    Traceback (most recent call last):
    ...
    TypeError: machine_epsilon: dtype must be a floating-point type, got int32
    """
    try:
        dt = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"machine_epsilon: dtype must be a floating-point type, got {dtype!r}") from None
    if dt.kind != "f":
        raise TypeError(f"machine_epsilon: dtype must be a floating-point type, got {dt}")
    one, two = dt.type(1), dt.type(2)
    eps = dt.type(1)
    while one + eps / two != one:
        eps = eps / two
    return eps


@set_module("mlmath_ref.fundamentals")
def naive_sum(x):
    r"""Add up a vector left to right, one rounding per addition.

    The textbook loop :math:`s \leftarrow s + x_i`. Each addition rounds,
    and the rounding errors can pile up over a long sum; compare it with
    :func:`kahan_sum`. Concept page: :ref:`concept-summation-notation`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The numbers :math:`x_1, \dots, x_n` (converted to float64). May be
        empty.

    Returns
    -------
    float
        The computed :math:`\sum_{i=1}^{n} x_i`; 0.0 for an empty vector.

    Raises
    ------
    ValueError
        If `x` is not one-dimensional or holds NaN or infinite entries, or
        if the sum is beyond float64's range.
    TypeError
        If `x` is not numeric.

    See Also
    --------
    kahan_sum : The same sum with a running correction.
    partial_sums : All the intermediate sums.

    Notes
    -----
    With unit roundoff :math:`u` the computed sum :math:`\hat{s}` obeys

    .. math:: |\hat{s} - s| \le (n - 1)\, u \sum_{i=1}^{n} |x_i| + O(u^2).

    When a running sum overflows although the true sum does not (``[1e308,
    1e308, -1e308]``), the loop is run again on :math:`x / 2^k` with
    :math:`2^k \ge 2n`: dividing by a power of two is exact, so every
    addition rounds exactly as before, and the result is multiplied back.
    ``np.sum`` does *not* run this loop: it adds in pairs (a tree), which
    makes the error grow like :math:`\log n` rather than :math:`n`.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import naive_sum
    >>> naive_sum([1.0, 2.0, 3.5])
    6.5
    >>> naive_sum([0.1] * 10) == 1.0    # ten roundings do not cancel
    False
    >>> naive_sum([])
    0.0
    >>> naive_sum([[1.0, 2.0]])
    Traceback (most recent call last):
    ...
    ValueError: x must be a vector (1-D), got an array of shape (1, 2)
    """
    return _summed(_naive_loop, as_array(x, "x", ndim=1, allow_empty=True), "naive_sum: the sum of x")


def _naive_loop(values):
    s = 0.0
    for xi in values:
        s = s + xi
    return s


def _summed(loop, x, what):
    # Run the summation loop; if a running sum overflowed (every entry is finite, so that is the
    # only way to an inf or a NaN), run it again on x / 2**k, which is exact and rounds the same way
    # (k makes n entries below 2**(1023 - k) add up to less than 2**1023), and scale back.
    total = loop(x.tolist())
    if math.isfinite(total):
        return total
    k = math.ceil(math.log2(x.size)) + 1
    return scale_back(loop(np.ldexp(x, -k).tolist()), k, what)


@set_module("mlmath_ref.fundamentals")
def kahan_sum(x):
    r"""Add up a vector with Kahan's compensated summation.

    Alongside the running sum :math:`s`, keep the small part :math:`c` that
    the last addition rounded away, and feed it back into the next addition.
    The error then stays at a few roundings however long the vector is, as
    when a loss is accumulated over millions of examples. Concept page:
    :ref:`concept-summation-notation`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The numbers :math:`x_1, \dots, x_n` (converted to float64). May be
        empty.

    Returns
    -------
    float
        The computed :math:`\sum_{i=1}^{n} x_i`; 0.0 for an empty vector.

    Raises
    ------
    ValueError
        If `x` is not one-dimensional or holds NaN or infinite entries, or
        if the sum is beyond float64's range.
    TypeError
        If `x` is not numeric.

    See Also
    --------
    naive_sum : The plain left-to-right loop.
    partial_sums : All the intermediate sums.

    Notes
    -----
    One step, for :math:`i = 1, \dots, n`, starting from :math:`s = c = 0`:

    .. math::

       y = x_i - c, \quad t = s + y, \quad c = (t - s) - y, \quad s = t.

    In exact arithmetic :math:`c` is always 0; in floating point it is the
    rounding error of :math:`s + y`, with its sign flipped. The error bound
    no longer grows with :math:`n`:

    .. math:: |\hat{s} - s| \le \bigl(2u + O(n u^2)\bigr) \sum_{i=1}^{n} |x_i|.

    A running sum that overflows is handled as in :func:`naive_sum`.
    Python's ``math.fsum`` goes further and returns the exactly rounded sum;
    the tests use it as the oracle.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import kahan_sum
    >>> kahan_sum([0.1] * 10) == 1.0
    True
    >>> kahan_sum([1.0, 1e100, 1.0, -1e100])    # cancellation defeats it
    0.0
    >>> kahan_sum(["a"])
    Traceback (most recent call last):
    ...
    TypeError: x must be numeric, got an array of dtype <U1 (list)
    """
    return _summed(_kahan_loop, as_array(x, "x", ndim=1, allow_empty=True), "kahan_sum: the sum of x")


def _kahan_loop(values):
    s = 0.0
    c = 0.0
    for xi in values:
        y = xi - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


@set_module("mlmath_ref.fundamentals")
def logsumexp(z, axis=-1):
    r"""Compute :math:`\log \sum_i e^{z_i}` without overflow.

    The log of a sum of exponentials appears in softmax, in the
    cross-entropy loss and in every log-likelihood of a mixture. Computed
    literally, :math:`e^{z_i}` overflows for scores above about 709; shifting
    the scores by their maximum first avoids it. Concept page:
    :ref:`concept-exp-log`.

    Parameters
    ----------
    z : array_like
        Scores, at least one-dimensional, finite.
    axis : int, default=-1
        The axis to sum over.

    Returns
    -------
    numpy.float64 or ndarray
        The shape of `z` without `axis`; a scalar for a vector.

    Raises
    ------
    ValueError
        If `z` is zero-dimensional, empty, holds NaN or infinite entries, or
        if `axis` is out of range.
    TypeError
        If `z` is not numeric or `axis` is not an integer.

    See Also
    --------
    machine_epsilon : The precision of the floats that overflow.

    Notes
    -----
    With :math:`m = \max_i z_i`,

    .. math:: \log \sum_{i=1}^{n} e^{z_i} = m + \log \sum_{i=1}^{n} e^{z_i - m}.

    Every :math:`z_i - m \le 0`, so no exponential overflows, and the term
    with :math:`z_i = m` is :math:`e^0 = 1`, so the sum is at least 1 and its
    logarithm never sees 0. The result lies between :math:`m` and
    :math:`m + \log n`. ``scipy.special.logsumexp`` does the same (and
    accepts infinite scores); the tests use it as the oracle.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.fundamentals import logsumexp
    >>> round(float(logsumexp([1.0, 2.0, 3.0])), 4)
    3.4076
    >>> bool(logsumexp([1000.0, 1000.0]) == 1000.0 + np.log(2.0))  # np.exp(1000) is inf
    True
    >>> logsumexp([[0.0, 0.0], [1.0, 1.0]], axis=0).round(4)
    array([1.3133, 1.3133])
    >>> logsumexp([1.0, 2.0], axis=1)
    Traceback (most recent call last):
    ...
    ValueError: axis 1 is out of range for z with 1 dimension(s)
    """
    z = as_array(z, "z", min_ndim=1)
    check_integer(axis, "axis")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis {axis} is out of range for z with {z.ndim} dimension(s)")
    m = np.max(z, axis=axis, keepdims=True)
    with np.errstate(over="ignore"):  # z - m below -1.8e308 is -inf, whose exp is the right 0
        shifted = z - m
    out = np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(shifted), axis=axis))
    return out[()]


@set_module("mlmath_ref.fundamentals")
def partial_sums(a):
    r"""Return the partial sums :math:`s_k = a_1 + \dots + a_k` of a sequence.

    A series converges when its partial sums do; the running loss printed
    during training is a partial sum divided by :math:`k`. Concept page:
    :ref:`concept-sequences-series`.

    Parameters
    ----------
    a : array_like of shape (n,)
        The terms :math:`a_1, \dots, a_n`. May be empty.

    Returns
    -------
    ndarray of shape (n,)
        Entry ``k - 1`` holds :math:`s_k`.

    Raises
    ------
    ValueError
        If `a` is not one-dimensional or holds NaN or infinite entries, or
        if a partial sum is beyond float64's range.
    TypeError
        If `a` is not numeric.

    See Also
    --------
    naive_sum : Only the last partial sum.
    iterate : The terms of a sequence given by a rule.

    Notes
    -----
    The recursion the loop follows:

    .. math:: s_1 = a_1, \qquad s_k = s_{k-1} + a_k \quad (k = 2, \dots, n).

    ``np.cumsum`` performs the same additions in the same order, so the two
    agree to the last bit. For a geometric series with ratio :math:`r \ne 1`,

    .. math:: \sum_{k=0}^{n-1} r^k = \frac{1 - r^n}{1 - r}.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import partial_sums
    >>> partial_sums([1.0, 2.0, 3.0, 4.0])
    array([ 1.,  3.,  6., 10.])
    >>> partial_sums([0.5**k for k in range(1, 6)])    # creeping up to 1
    array([0.5    , 0.75   , 0.875  , 0.9375 , 0.96875])
    >>> partial_sums([])
    array([], dtype=float64)
    >>> partial_sums(3.0)
    Traceback (most recent call last):
    ...
    ValueError: a must be a vector (1-D), got an array of shape ()
    """
    a = as_array(a, "a", ndim=1, allow_empty=True)
    s = _running_sums(a.tolist())
    if np.all(np.isfinite(s)):
        return s
    k = math.ceil(math.log2(a.size)) + 1  # as in naive_sum: the same additions on a / 2**k, exact
    return scale_back(_running_sums(np.ldexp(a, -k).tolist()), k, "partial_sums: a partial sum of a")


def _running_sums(values):
    s = np.empty(len(values))
    total = 0.0
    for k, ak in enumerate(values):
        total = total + ak
        s[k] = total
    return s


@set_module("mlmath_ref.fundamentals")
def iterate(f, x0, n):
    r"""Return the first iterates :math:`x_0, f(x_0), f(f(x_0)), \dots` of a map.

    The sequence :math:`x_{k+1} = f(x_k)` is how every optimizer runs: ``f``
    is one update step and :math:`x_k` the parameters after :math:`k` steps.
    Concept page: :ref:`concept-sequences-series`.

    Parameters
    ----------
    f : callable
        The update rule, a function of one argument whose outputs are valid
        inputs (numbers, arrays, ...).
    x0 : object
        The starting point :math:`x_0`.
    n : int
        The number of steps, at least 0.

    Returns
    -------
    list
        The :math:`n + 1` iterates :math:`[x_0, x_1, \dots, x_n]`; wrap it in
        ``np.array`` to plot it.

    Raises
    ------
    TypeError
        If `f` is not callable, `n` is not an integer, or an iterate cannot
        be copied.
    ValueError
        If `n` is negative.

    See Also
    --------
    partial_sums : The sequence of partial sums of a series.
    compose : :math:`x_n` is :math:`f` composed with itself :math:`n` times, at :math:`x_0`.

    Notes
    -----
    .. math:: x_{k+1} = f(x_k), \qquad x_n = (\underbrace{f \circ \dots \circ f}_{n})(x_0).

    If :math:`f(x) = x^\ast + r\,(x - x^\ast)` with :math:`|r| < 1`, the
    iterates approach :math:`x^\ast` geometrically:
    :math:`x_k - x^\ast = r^k (x_0 - x^\ast)`. Gradient descent with step
    :math:`\eta` on :math:`(x - x^\ast)^2` is this map with
    :math:`r = 1 - 2\eta`. Each call of `f` gets a copy of the last iterate,
    so an update written in place (``x -= eta * g``) does not change the
    iterates already in the list.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import iterate
    >>> def halve(x):
    ...     return x / 2
    >>> iterate(halve, 8.0, 3)
    [8.0, 4.0, 2.0, 1.0]
    >>> iterate(halve, 8.0, 0)     # no step: only the starting point
    [8.0]
    >>> iterate(halve, 8.0, -1)
    Traceback (most recent call last):
    ...
    ValueError: n must be non-negative and finite, got -1
    """
    check_callable(f, "f", "iterate")
    check_positive(n, "n", integer=True, allow_zero=True)
    xs = [x0]
    for k in range(n):
        # f gets a copy: an update written in place (x -= eta * g) must not change the iterates kept
        xs.append(f(copy_argument(xs[-1], f"x_{k}")))
    return xs


@set_module("mlmath_ref.fundamentals")
def find_counterexample(claim, candidates):
    r"""Return the first candidate for which a "for all" claim fails, or None.

    A statement ":math:`P(x)` for every :math:`x` in :math:`A`" is refuted by
    one :math:`x` where :math:`P(x)` is false. Testing candidates can find
    such a counterexample; it can never prove the statement, because the
    candidates are not all of :math:`A`. Concept page:
    :ref:`concept-logic-proof`.

    Parameters
    ----------
    claim : callable
        The predicate :math:`P`: a function of one argument returning a truth
        value. Functions of several variables take one tuple (see
        :func:`cartesian_product`).
    candidates : iterable
        The values to try, in order. May be a generator.

    Returns
    -------
    object or None
        The first candidate :math:`x` with ``claim(x)`` false, or None if the
        claim held for every candidate tried.

    Raises
    ------
    TypeError
        If `claim` is not callable, `candidates` is not iterable, or
        `claim` returns something other than True or False (a claim that
        forgot its ``return`` gives None, which would make every candidate
        a counterexample).

    See Also
    --------
    cartesian_product : Build tuples of candidates for a claim about pairs.

    Notes
    -----
    Negating a "for all" gives a "there exists":

    .. math:: \neg\, \bigl(\forall x \in A : P(x)\bigr) \iff \exists x \in A : \neg P(x).

    The search stops at the first counterexample, so an infinite generator
    of candidates is fine when a counterexample exists.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import find_counterexample
    >>> def square_is_bigger(x):
    ...     return x**2 >= x
    >>> find_counterexample(square_is_bigger, [-2, -1, 0, 1, 2, 3])   # None: not a proof
    >>> find_counterexample(square_is_bigger, [2, 1, 0.5, 0.25])
    0.5
    >>> find_counterexample(square_is_bigger, 7)
    Traceback (most recent call last):
    ...
    TypeError: find_counterexample: candidates must be an iterable of elements, got int
    """
    check_callable(claim, "claim", "find_counterexample")
    if not hasattr(candidates, "__iter__"):
        raise TypeError(
            "find_counterexample: candidates must be an iterable of elements, "
            f"got {type(candidates).__name__}"
        )
    for x in candidates:
        verdict = claim(x)
        if isinstance(verdict, np.ndarray) and verdict.shape == () and verdict.dtype == bool:
            verdict = bool(verdict)
        if not isinstance(verdict, (bool, np.bool_)):
            # None (a claim that forgot to return) would make every candidate a counterexample
            raise TypeError(
                f"find_counterexample: claim must return True or False, but claim({show(x)}) "
                f"returned {show(verdict)} ({type(verdict).__name__})"
            )
        if not verdict:
            return x
    return None
