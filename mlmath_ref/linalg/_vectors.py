r"""Vectors: inner product, norms, angles, linear combinations, broadcasting.

The functions of this module take one-dimensional arrays, the vectors of
:math:`\mathbb{R}^n`, and follow the definitions of the chapter's first
concept pages; :func:`broadcast_shape` states NumPy's broadcasting rule.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> from mlmath_ref.linalg import dot, norm
>>> float(dot([1.0, 2.0], [3.0, 4.0])), float(norm([3.0, 4.0]))
(11.0, 5.0)
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import (
    as_array,
    as_shape,
    check_length,
    check_nonzero,
    check_same_shape,
    is_real_number,
    set_module,
)
from mlmath_ref._numerics import check_finite, exponent_of, scale_back

__all__ = [
    "angle",
    "broadcast_shape",
    "cosine_similarity",
    "distance",
    "dot",
    "linear_combination",
    "norm",
]


def _vector_pair(x, y):
    """Validate two vectors of the same length.

    Convert both with :func:`mlmath_ref._checks.as_array` as one-dimensional
    float arrays and require the same shape, so every message names `x` or `y`.

    Parameters
    ----------
    x : array_like
        The first vector.
    y : array_like
        The second vector.

    Returns
    -------
    x : ndarray of shape (n,)
        The first vector as floats.
    y : ndarray of shape (n,)
        The second vector as floats.

    See Also
    --------
    mlmath_ref._checks.as_array : The conversion used for each argument.

    Examples
    --------
    >>> from mlmath_ref.linalg._vectors import _vector_pair
    >>> _vector_pair([1, 2], [3, 4])
    (array([1., 2.]), array([3., 4.]))
    """
    x = as_array(x, "x", ndim=1)
    y = as_array(y, "y", ndim=1)
    check_same_shape(x, y, "x", "y")
    return x, y


@set_module("mlmath_ref.linalg")
def dot(x, y):
    r"""Compute the inner (dot) product of two vectors.

    Multiply the vectors entry by entry and add up the products. The result
    measures how much the two vectors point the same way, scaled by their
    lengths. Concept page: :ref:`concept-inner-product`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The first vector.
    y : array_like of shape (n,)
        The second vector, of the same length as `x`.

    Returns
    -------
    float
        The inner product :math:`\langle \mathbf{x}, \mathbf{y} \rangle`.

    Raises
    ------
    TypeError
        If `x` or `y` is not real and numeric.
    ValueError
        If `x` or `y` is not a non-empty, finite vector, or their lengths differ.
        Also if the inner product is beyond float64's range.

    See Also
    --------
    norm : The length of a vector, :math:`\sqrt{\langle \mathbf{x}, \mathbf{x} \rangle}` for p = 2.
    angle : The angle between two vectors, from their inner product.
    numpy.dot : NumPy's inner product (and matrix product).

    Notes
    -----
    .. math:: \langle \mathbf{x}, \mathbf{y} \rangle = \sum_{i=1}^{n} x_i y_i

    The code is ``np.sum(x * y)``; where a product or the running sum
    overflows, it is redone on :math:`\mathbf{x}` and :math:`\mathbf{y}`
    divided by powers of two (exact) and scaled back, so that
    ``dot([1e200, 1e200], [1e200, -1e200])`` is 0 where ``np.dot`` gives
    NaN. NumPy's ``np.dot`` hands the same sum to
    the BLAS routine ``ddot``, which adds the products in a different order,
    so the two can differ in the last bits; ``np.sum`` uses pairwise
    summation, whose rounding error grows like :math:`\log n` rather than
    :math:`n`.

    Examples
    --------
    >>> from mlmath_ref.linalg import dot
    >>> float(dot([1.0, 2.0, 3.0], [4.0, -5.0, 6.0]))
    12.0

    Orthogonal vectors have inner product zero:

    >>> float(dot([1.0, 1.0], [1.0, -1.0]))
    0.0
    >>> dot([1.0, 2.0], [1.0, 2.0, 3.0])
    Traceback (most recent call last):
        ...
    ValueError: x and y must have the same shape, got (2,) and (3,)
    """
    x, y = _vector_pair(x, y)
    return float(_matvec(x[None, :], y, "dot: the inner product of x and y")[0])


def _matvec(A, x, what):
    r"""The products :math:`\sum_j A_{ij} x_j`, one per row of `A`, without intermediate overflow.

    Each row is ``np.sum(A[i] * x)``. Where a product or a running sum
    overflowed (the entries are finite, so an inf or a NaN can only come from
    that), the row is recomputed on :math:`A_i / 2^a` and :math:`\mathbf{x} / 2^b`,
    powers of two that bring the largest entries to about :math:`2^{510}`, so
    that no product or sum can overflow, and scaled back by :math:`2^{a + b}`.
    Entries that the scaling pushes into the subnormal range are smaller than
    the rounding error of the large products, as in LAPACK's scaled norms.

    Parameters
    ----------
    A : ndarray of shape (m, k)
        Finite floats.
    x : ndarray of shape (k,)
        Finite floats.
    what : str
        What the result is, for the overflow message.

    Returns
    -------
    ndarray of shape (m,)
        :math:`A\mathbf{x}`.

    Raises
    ------
    ValueError
        If an entry of :math:`A\mathbf{x}` is beyond float64's range.

    See Also
    --------
    dot : One row.
    matmul : One call per column of `B`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._vectors import _matvec
    >>> _matvec(np.array([[1e200, 1e200], [1.0, 2.0]]), np.array([1e200, -1e200]), "A x")
    array([ 0.e+000, -1.e+200])
    """
    with np.errstate(over="ignore", invalid="ignore"):
        out = np.sum(A * x, axis=1)
    bad = ~np.isfinite(out)
    if np.any(bad):
        target = (
            1022 - math.ceil(math.log2(A.shape[1] + 1))
        ) // 2  # products below 2**(2 target): no overflow
        rows = A[bad]
        a, b = exponent_of(np.max(np.abs(rows))), exponent_of(np.max(np.abs(x)))
        scaled = np.sum(np.ldexp(rows, target - a) * np.ldexp(x, target - b), axis=1)
        out[bad] = scale_back(scaled, a + b - 2 * target, what)
    return out


@set_module("mlmath_ref.linalg")
def norm(x, p=2):
    r"""Compute the p-norm (length) of a vector.

    For p = 2 this is the Euclidean length; p = 1 adds the absolute values
    (the Manhattan length) and ``p=np.inf`` takes the largest absolute value.
    Concept page: :ref:`concept-norm`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The vector.
    p : float, default=2
        The order of the norm: a real number :math:`p \ge 1`, or ``np.inf``
        for the max norm.

    Returns
    -------
    float
        :math:`\|\mathbf{x}\|_p`, non-negative.

    Raises
    ------
    TypeError
        If `x` is not real and numeric, or `p` is not a real number.
    ValueError
        If `x` is not a non-empty, finite vector, or :math:`p < 1` (for
        :math:`p < 1` the formula is not a norm: it breaks the triangle
        inequality).
        Also if the norm is beyond float64's range.

    See Also
    --------
    distance : The norm of a difference.
    numpy.linalg.norm : NumPy's vector and matrix norms.

    Notes
    -----
    .. math::

        \|\mathbf{x}\|_p = \Bigl(\sum_{i=1}^{n} |x_i|^p\Bigr)^{1/p},
        \qquad
        \|\mathbf{x}\|_\infty = \max_i |x_i|

    To keep :math:`|x_i|^p` from overflowing or underflowing, the code
    divides by :math:`m = \max_i |x_i|` first and multiplies back,

    .. math:: \|\mathbf{x}\|_p = m \Bigl(\sum_{i=1}^{n} (|x_i| / m)^p\Bigr)^{1/p},

    so ``norm([1e200, 1e200])`` is :math:`\sqrt{2} \cdot 10^{200}` where
    ``np.linalg.norm`` returns ``inf``; a norm beyond float64 itself raises
    a ValueError. An integer `p` too large for float64 gives the max norm,
    the limit of the p-norms as :math:`p` grows. NumPy computes the 2-norm as the
    square root of a BLAS dot product and other orders with the plain
    formula.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import norm
    >>> float(norm([3.0, -4.0])), float(norm([3.0, -4.0], p=1)), float(norm([3.0, -4.0], p=np.inf))
    (5.0, 7.0, 4.0)
    >>> round(norm([1.0, 1.0, 1.0], p=3), 4)
    1.4422
    >>> norm([3.0, -4.0], p=0.5)
    Traceback (most recent call last):
        ...
    ValueError: p must be >= 1 or np.inf, got 0.5
    """
    x = as_array(x, "x", ndim=1)
    if not is_real_number(p):
        raise TypeError(f"p must be a real number >= 1 or np.inf, got {p!r}")
    if not p >= 1:  # also refuses NaN
        raise ValueError(f"p must be >= 1 or np.inf, got {p!r}")
    return float(check_finite(_norm(x, p), "norm: the norm of x"))


def _norm(x, p):
    # The p-norm, scaled by the largest magnitude; inf if the norm itself overflows.
    try:
        p = float(p)
    except OverflowError:  # an integer beyond float64: every p-norm tends to the max norm as p grows
        p = math.inf
    magnitudes = np.abs(x)
    m = np.max(magnitudes)
    if m == 0 or p == np.inf:
        return float(m)
    with np.errstate(over="ignore"):
        return float(m * np.sum((magnitudes / m) ** p) ** (1.0 / p))


@set_module("mlmath_ref.linalg")
def distance(x, y, p=2):
    r"""Compute the p-norm distance between two vectors.

    The distance is the length of the difference :math:`\mathbf{x} - \mathbf{y}`;
    p = 2 gives the Euclidean distance, p = 1 the Manhattan distance and
    ``p=np.inf`` the Chebyshev distance. Concept page: :ref:`concept-norm`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The first vector.
    y : array_like of shape (n,)
        The second vector, of the same length as `x`.
    p : float, default=2
        The order of the norm, :math:`p \ge 1` or ``np.inf``.

    Returns
    -------
    float
        :math:`d_p(\mathbf{x}, \mathbf{y})`, non-negative.

    Raises
    ------
    TypeError
        If `x` or `y` is not real and numeric, or `p` is not a real number.
    ValueError
        If `x` or `y` is not a non-empty, finite vector, their lengths
        differ, or :math:`p < 1`.
        Also if the distance is beyond float64's range.

    See Also
    --------
    norm : The length of one vector.
    scipy.spatial.distance.minkowski : SciPy's p-norm distance.

    Notes
    -----
    .. math:: d_p(\mathbf{x}, \mathbf{y}) = \|\mathbf{x} - \mathbf{y}\|_p

    The code is ``norm(x - y, p)``, with the same guard against overflow;
    an entry of :math:`\mathbf{x} - \mathbf{y}` beyond float64 means the
    distance is too, and raises.
    NumPy has no distance function; ``np.linalg.norm(x - y)`` is the usual
    idiom.

    Examples
    --------
    >>> from mlmath_ref.linalg import distance
    >>> float(distance([0.0, 0.0], [3.0, 4.0])), float(distance([0.0, 0.0], [3.0, 4.0], p=1))
    (5.0, 7.0)

    The distance from a vector to itself is zero:

    >>> float(distance([1.5, -2.0], [1.5, -2.0]))
    0.0
    """
    x, y = _vector_pair(x, y)
    norm(x, p)  # checks p
    with np.errstate(over="ignore"):
        difference = x - y  # an infinite entry means the distance itself is beyond float64
    return float(check_finite(_norm(difference, p), "distance: the distance between x and y"))


@set_module("mlmath_ref.linalg")
def cosine_similarity(x, y):
    r"""Compute the cosine of the angle between two non-zero vectors.

    The cosine similarity is the inner product of the two vectors after
    scaling each to length one: 1 for the same direction, 0 for orthogonal
    vectors, -1 for opposite directions. Concept page:
    :ref:`concept-angle-orthogonality`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The first vector, not zero.
    y : array_like of shape (n,)
        The second vector, not zero, of the same length as `x`.

    Returns
    -------
    float
        :math:`\cos\theta`, in :math:`[-1, 1]`.

    Raises
    ------
    TypeError
        If `x` or `y` is not real and numeric.
    ValueError
        If `x` or `y` is not a non-empty, finite vector, their lengths
        differ, or either is the zero vector (its direction is undefined).

    See Also
    --------
    angle : The angle itself, :math:`\arccos` of this.
    scipy.spatial.distance.cosine : SciPy's cosine distance, one minus this.

    Notes
    -----
    .. math::

        \cos\theta = \frac{\langle \mathbf{x}, \mathbf{y} \rangle}
                          {\|\mathbf{x}\|_2 \, \|\mathbf{y}\|_2}

    The code divides each vector by the power of two just above its
    largest entry (exact; the cosine does not change), scales it to unit
    length and takes the inner product, so that nothing overflows or
    underflows at any scale, and clips the result to :math:`[-1, 1]`
    because rounding can push it just outside. NumPy has no such function;
    SciPy's ``cosine`` divides the inner product by the product of norms.

    Examples
    --------
    >>> from mlmath_ref.linalg import cosine_similarity
    >>> round(cosine_similarity([1.0, 0.0], [1.0, 1.0]), 4)
    0.7071
    >>> round(cosine_similarity([1.0, 2.0], [-2.0, -4.0]), 10)
    -1.0
    >>> cosine_similarity([1.0, 2.0], [0.0, 0.0])
    Traceback (most recent call last):
        ...
    ValueError: y must not be the zero vector: its direction is undefined
    """
    x, y = _vector_pair(x, y)
    check_nonzero(x, "x", "its direction is undefined")
    check_nonzero(y, "y", "its direction is undefined")
    # The cosine does not change when x or y is scaled: bring each to a largest entry near 1 by an
    # exact power of two, so that neither norm can overflow or underflow.
    x = np.ldexp(x, -exponent_of(np.max(np.abs(x))))
    y = np.ldexp(y, -exponent_of(np.max(np.abs(y))))
    cosine = dot(x / norm(x), y / norm(y))
    return float(np.clip(cosine, -1.0, 1.0))


@set_module("mlmath_ref.linalg")
def angle(x, y):
    r"""Compute the angle between two non-zero vectors, in radians.

    The angle comes from the cosine similarity, so it lies between 0 (same
    direction) and :math:`\pi` (opposite directions); it is :math:`\pi/2`
    exactly when the vectors are orthogonal. Concept page:
    :ref:`concept-angle-orthogonality`.

    Parameters
    ----------
    x : array_like of shape (n,)
        The first vector, not zero.
    y : array_like of shape (n,)
        The second vector, not zero, of the same length as `x`.

    Returns
    -------
    float
        :math:`\theta`, in :math:`[0, \pi]`.

    Raises
    ------
    TypeError
        If `x` or `y` is not real and numeric.
    ValueError
        If `x` or `y` is not a non-empty, finite vector, their lengths
        differ, or either is the zero vector (the angle is undefined).

    See Also
    --------
    cosine_similarity : The cosine of this angle.
    dot : The inner product the angle is defined from.

    Notes
    -----
    .. math::

        \theta = \arccos \frac{\langle \mathbf{x}, \mathbf{y} \rangle}
                              {\|\mathbf{x}\|_2 \, \|\mathbf{y}\|_2}

    The cosine is clipped to :math:`[-1, 1]` before :math:`\arccos`. Near
    0 and :math:`\pi` the arccosine is ill-conditioned: angles below about
    :math:`10^{-8}` come out as 0. The formula
    :math:`2\arctan\bigl(\|\hat{\mathbf{x}} - \hat{\mathbf{y}}\| /
    \|\hat{\mathbf{x}} + \hat{\mathbf{y}}\|\bigr)` on the unit vectors is
    accurate there but hides the definition. NumPy has no angle between
    vectors (``np.angle`` is the argument of a complex number).

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import angle
    >>> round(angle([1.0, 0.0], [1.0, 1.0]), 4), round(np.pi / 4, 4)
    (0.7854, 0.7854)
    >>> bool(np.isclose(angle([1.0, 2.0], [-2.0, 1.0]), np.pi / 2))
    True
    >>> angle([0.0, 0.0], [1.0, 1.0])
    Traceback (most recent call last):
        ...
    ValueError: x must not be the zero vector: its direction is undefined
    """
    return float(np.arccos(cosine_similarity(x, y)))


@set_module("mlmath_ref.linalg")
def linear_combination(c, V):
    r"""Combine the columns of a matrix with given coefficients.

    Scale column :math:`j` of `V` by the coefficient :math:`c_j` and add up
    the scaled columns. Every vector in the span of the columns is such a
    combination. Concept page: :ref:`concept-linear-combination`.

    Parameters
    ----------
    c : array_like of shape (k,)
        The coefficients, one per column of `V`.
    V : array_like of shape (n, k)
        The vectors to combine, as columns.

    Returns
    -------
    ndarray of shape (n,)
        :math:`\sum_j c_j \mathbf{v}_j`.

    Raises
    ------
    TypeError
        If `c` or `V` is not real and numeric.
    ValueError
        If `c` is not a finite, non-empty vector, `V` is not a finite,
        non-empty matrix, or `c` does not have one entry per column of `V`.
        Also if an entry of the combination is beyond float64's range.

    See Also
    --------
    matmul : The same combination is the matrix-vector product ``V @ c``.
    is_linearly_independent : Whether only ``c = 0`` combines to zero.

    Notes
    -----
    .. math:: \sum_{j=1}^{k} c_j \mathbf{v}_j = V \mathbf{c}

    The code scales the columns at once with broadcasting, ``V * c``, and
    adds along the rows; a row where a product or the sum overflows is
    redone on scaled entries, as in :func:`dot`. NumPy's ``V @ c`` gives the same vector through
    the BLAS routine ``dgemv``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import linear_combination
    >>> V = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> linear_combination([2.0, -1.0], V)
    array([ 2., -1.,  1.])
    >>> linear_combination([1.0, 2.0, 3.0], V)
    Traceback (most recent call last):
        ...
    ValueError: c must have one entry per column of V (2), got shape (3,)
    """
    c = as_array(c, "c", ndim=1)
    V = as_array(V, "V", ndim=2)
    check_length(c, V.shape[1], "c", "one entry per column of V")
    return _matvec(V, c, "linear_combination: an entry of the combination")


@set_module("mlmath_ref.linalg")
def broadcast_shape(*shapes):
    r"""Compute the shape that arrays of the given shapes broadcast to.

    Align the shapes on the right, padding the shorter ones with 1 on the
    left; along each axis the sizes must be equal, or 1 (stretched to
    match). This is the rule NumPy applies before every element-wise
    operation. Concept page: :ref:`concept-arrays-broadcasting`.

    Parameters
    ----------
    *shapes : tuple of int
        The shapes. A single integer ``n`` stands for ``(n,)``.

    Returns
    -------
    tuple of int
        The broadcast shape; ``()`` when no shape is given.

    Raises
    ------
    TypeError
        If a shape is not an integer or a tuple of integers.
    ValueError
        If a size is negative, or two shapes have different sizes, neither
        of them 1, along some axis.

    See Also
    --------
    numpy.broadcast_shapes : NumPy's implementation of the same rule.

    Notes
    -----
    With the shapes padded on the left to a common length :math:`d`, axis
    :math:`a` of the result has size

    .. math::

        n_a = \begin{cases}
            1 & \text{if every shape has size 1 on axis } a, \\
            s & \text{if every size on axis } a \text{ is } 1 \text{ or } s,
        \end{cases}

    and no result exists if two sizes on one axis differ and neither is 1.
    A size of 0 follows the same rule: it broadcasts with 0 and with 1 only.
    Error messages number the axes from the right (-1 is the last axis),
    the way the shapes are aligned. NumPy implements the rule in C, inside
    its iterator.

    Examples
    --------
    >>> from mlmath_ref.linalg import broadcast_shape
    >>> broadcast_shape((3, 1), (4,))
    (3, 4)
    >>> broadcast_shape((8, 1, 6, 1), (7, 1, 5))
    (8, 7, 6, 5)
    >>> broadcast_shape((2, 3), (2,))
    Traceback (most recent call last):
        ...
    ValueError: shapes (2, 3) and (2,) do not broadcast: on axis -1 the sizes are 3 and 2
    """
    shapes = [as_shape(shape, f"shapes[{i}]") for i, shape in enumerate(shapes)]
    ndim = max((len(shape) for shape in shapes), default=0)
    result = []
    for axis in range(-ndim, 0):
        size, owner = 1, None
        for shape in shapes:
            if len(shape) < -axis or shape[axis] == 1:
                continue  # a missing axis counts as size 1, which stretches to anything
            if owner is None:
                size, owner = shape[axis], shape
            elif shape[axis] != size:
                raise ValueError(
                    f"shapes {owner} and {shape} do not broadcast: "
                    f"on axis {axis} the sizes are {size} and {shape[axis]}"
                )
        result.append(size)
    return tuple(result)
