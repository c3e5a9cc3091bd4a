r"""Matrices as linear maps: the matrix of a map, products, transpose, trace.

A matrix is the record of a linear map: its columns are the images of the
standard basis vectors. The product of two matrices is the matrix of the
composed map, and it is built here exactly that way, column by column.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.linalg import matmul
>>> matmul(np.array([[0.0, -1.0], [1.0, 0.0]]), np.array([1.0, 0.0]))
array([0., 1.])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, as_square, call_vector, check_callable, check_positive, set_module
from mlmath_ref._numerics import exponent_of, robust_sum
from mlmath_ref.linalg._vectors import _matvec

__all__ = ["matmul", "matrix_of", "trace", "transpose"]

_LINEARITY_SEED = 0  # the linearity check draws from this seed, so it is the same on every call
_LINEARITY_TRIALS = 3


def _apply(f, x, label, m=None):
    # The map as the user gave it, checked; the hint helps maps to R^1.
    return call_vector(f, x, label, m, scalar_hint="; for a map to R^1 return np.array([value])")


@set_module("mlmath_ref.linalg")
def matrix_of(f, n, check=True):
    r"""Build the matrix of a linear map from the images of the basis vectors.

    A linear map :math:`f: \mathbb{R}^n \to \mathbb{R}^m` is fixed by what it
    does to the standard basis vectors :math:`\mathbf{e}_1, \dots,
    \mathbf{e}_n`: its matrix has :math:`f(\mathbf{e}_j)` as column
    :math:`j`. Concept page: :ref:`concept-matrix-of-a-map`.

    Parameters
    ----------
    f : callable
        The map: takes a float array of shape ``(n,)`` and returns an
        array of shape ``(m,)``.
    n : int
        The dimension of the input space.
    check : bool, default=True
        Test linearity on a few vectors drawn from a fixed seed, and raise
        if it fails. A map that passes may still be non-linear elsewhere;
        one that fails is certainly not linear.

    Returns
    -------
    ndarray of shape (m, n)
        The matrix :math:`M` with :math:`f(\mathbf{x}) = M \mathbf{x}`.

    Raises
    ------
    TypeError
        If `f` is not callable or returns something that is not real and
        numeric, or `n` is not an integer.
    ValueError
        If `n` is not positive, `f` returns something that is not a finite
        vector, its outputs differ in length, or (with ``check=True``)
        :math:`f(a\mathbf{x} + b\mathbf{y}) \ne a f(\mathbf{x}) + b f(\mathbf{y})`
        for one of the test vectors.

    See Also
    --------
    matmul : The matrix of a composition is the product of the matrices.

    Notes
    -----
    .. math::

        M = \bigl[\, f(\mathbf{e}_1) \;\; f(\mathbf{e}_2) \;\; \cdots \;\;
        f(\mathbf{e}_n) \,\bigr],
        \qquad
        f(\mathbf{x}) = f\Bigl(\sum_j x_j \mathbf{e}_j\Bigr)
        = \sum_j x_j f(\mathbf{e}_j) = M \mathbf{x}

    The check compares :math:`f(a\mathbf{x} + b\mathbf{y})` with
    :math:`a f(\mathbf{x}) + b f(\mathbf{y})` for three pairs of Gaussian
    vectors and scalars, relative tolerance :math:`10^{-9}`. NumPy has no
    counterpart; its nearest relative is building a Jacobian column by
    column.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import matrix_of
    >>> def shear(x):
    ...     return np.array([x[0] + 2.0 * x[1], x[1]])
    >>> matrix_of(shear, 2)
    array([[1., 2.],
           [0., 1.]])

    A shift is not linear, because it moves the origin:

    >>> matrix_of(lambda x: x + 1.0, 2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    ValueError: f is not linear: f(a*x + b*y) != a*f(x) + b*f(y) for a=..., b=...
    """
    check_callable(f, "f", expected="a callable that maps a vector to a vector")
    n = check_positive(n, "n", integer=True)
    check = bool(check)
    columns, m = [], None
    for j in range(n):
        e_j = np.zeros(n)
        e_j[j] = 1.0
        columns.append(_apply(f, e_j, f"f(e_{j})", m))
        m = columns[0].shape[0]
    M = np.stack(columns, axis=1)
    if check:
        rng = np.random.default_rng(_LINEARITY_SEED)
        for _ in range(_LINEARITY_TRIALS):
            x, y = rng.standard_normal(n), rng.standard_normal(n)
            a, b = rng.standard_normal(2)
            left = _apply(f, a * x + b * y, "f(a*x + b*y)", m)
            fx, fy = _apply(f, x, "f(x)", m), _apply(f, y, "f(y)", m)
            # compared at a scale where the largest value is near 1: a*f(x) cannot overflow
            e = exponent_of(max(np.max(np.abs(left)), np.max(np.abs(fx)), np.max(np.abs(fy))))
            left, ax, by = np.ldexp(left, -e), a * np.ldexp(fx, -e), b * np.ldexp(fy, -e)
            scale = max(np.max(np.abs(ax)), np.max(np.abs(by)), np.max(np.abs(left)))
            gap = np.max(np.abs(left - (ax + by)))
            # relative 1e-9, and a few units of the subnormal grid per term for maps whose values underflow
            underflow = np.ldexp(8.0 * n * (1 + abs(a) + abs(b)), -1074 - e)
            if not gap <= 1e-9 * scale + underflow:
                raise ValueError(
                    f"f is not linear: f(a*x + b*y) != a*f(x) + b*f(y) for a={a:.3f}, b={b:.3f} "
                    f"and seeded Gaussian x, y (largest difference {np.ldexp(gap, e):.3g})"
                )
    return M


@set_module("mlmath_ref.linalg")
def matmul(A, B):
    r"""Multiply two matrices, or a matrix and a vector, column by column.

    Applying :math:`A` to a vector takes the linear combination of the
    columns of :math:`A` with the vector's entries as coefficients; column
    :math:`j` of :math:`AB` is :math:`A` applied to column :math:`j` of
    :math:`B`. So :math:`AB` is the matrix of "first :math:`B`, then
    :math:`A`". Concept page: :ref:`concept-matrix-multiplication`.

    Parameters
    ----------
    A : array_like of shape (m, k)
        The left factor.
    B : array_like of shape (k, n) or (k,)
        The right factor, a matrix or a vector, with as many rows as `A`
        has columns.

    Returns
    -------
    ndarray of shape (m, n) or (m,)
        :math:`AB`, a vector when `B` is a vector.

    Raises
    ------
    TypeError
        If `A` or `B` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty matrix, `B` is not a finite,
        non-empty matrix or vector, or the number of columns of `A`
        differs from the number of rows of `B`.
        Also if an entry of :math:`AB` is beyond float64's range.

    See Also
    --------
    linear_combination : :math:`A` applied to a vector.
    matrix_of : The matrix of a linear map.
    numpy.matmul : NumPy's product, the ``@`` operator.

    Notes
    -----
    .. math::

        A\mathbf{x} = \sum_{l=1}^{k} x_l \mathbf{a}_l,
        \qquad
        AB = \bigl[\, A\mathbf{b}_1 \;\; \cdots \;\; A\mathbf{b}_n \,\bigr],
        \qquad
        (AB)_{ij} = \sum_{l=1}^{k} A_{il} B_{lj}

    The code loops over the :math:`n` columns of :math:`B` and forms each
    linear combination with broadcasting; the work is the same
    :math:`2mkn` flops as the textbook triple loop. Each entry is a
    :func:`dot` product, with its guard against intermediate overflow. NumPy's ``A @ B``
    calls the BLAS routine ``dgemm``, which reorders the same sums into
    cache-sized blocks and runs them on several cores, so it is much faster
    and agrees up to rounding.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import matmul
    >>> A = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> B = np.array([[0.0, 1.0], [1.0, 0.0]])
    >>> matmul(A, B)
    array([[2., 1.],
           [4., 3.]])
    >>> matmul(A, np.array([1.0, -1.0]))
    array([-1., -1.])

    The order matters: :math:`BA` swaps rows where :math:`AB` swapped columns.

    >>> matmul(B, A)
    array([[3., 4.],
           [1., 2.]])
    >>> matmul(A, np.ones((3, 2)))
    Traceback (most recent call last):
        ...
    ValueError: A has shape (2, 2) and B has shape (3, 2): A must have as many columns as B has rows
    """
    A = as_array(A, "A", ndim=2)
    B = as_array(B, "B", ndim=(1, 2))
    if A.shape[1] != B.shape[0]:
        raise ValueError(
            f"A has shape {A.shape} and B has shape {B.shape}: A must have as many columns as B has rows"
        )
    what = "matmul: an entry of A B"
    if B.ndim == 1:
        return _matvec(A, B, what)  # the linear combination of A's columns with weights B
    columns = [_matvec(A, B[:, j], what) for j in range(B.shape[1])]
    return np.stack(columns, axis=1)


@set_module("mlmath_ref.linalg")
def transpose(A):
    r"""Transpose a matrix: turn its rows into columns.

    Entry :math:`(i, j)` of the transpose is entry :math:`(j, i)` of the
    matrix, so an :math:`m \times n` matrix becomes :math:`n \times m`.
    Concept page: :ref:`concept-transpose`.

    Parameters
    ----------
    A : array_like of shape (m, n)
        The matrix.

    Returns
    -------
    ndarray of shape (n, m)
        :math:`A^\top`, a new array.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty matrix.

    See Also
    --------
    numpy.transpose : NumPy's transpose, also ``A.T``.

    Notes
    -----
    .. math:: (A^\top)_{ij} = A_{ji}, \qquad (AB)^\top = B^\top A^\top

    The code gathers the entries with index arrays, ``A[j, i]`` for every
    pair :math:`(i, j)`, and so copies them. NumPy's ``A.T`` copies
    nothing: it returns a view of the same memory with the two strides
    swapped.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import transpose
    >>> transpose(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    array([[1., 4.],
           [2., 5.],
           [3., 6.]])

    A row vector must be written as a matrix; a 1-D array has no rows to turn:

    >>> transpose(np.array([1.0, 2.0]))
    Traceback (most recent call last):
        ...
    ValueError: A must be a matrix (2-D), got an array of shape (2,)
    """
    A = as_array(A, "A", ndim=2)
    i, j = np.indices((A.shape[1], A.shape[0]))
    return A[j, i]


@set_module("mlmath_ref.linalg")
def trace(A):
    r"""Compute the trace of a square matrix: the sum of its diagonal.

    The trace is also the sum of the eigenvalues, and it does not change
    under a change of basis. Concept page: :ref:`concept-trace`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        The matrix.

    Returns
    -------
    float
        :math:`\operatorname{tr} A`.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty, square matrix.
        Also if the trace is beyond float64's range.

    See Also
    --------
    eig_symmetric : The eigenvalues, which add up to the trace.
    numpy.trace : NumPy's trace, which also accepts non-square arrays.

    Notes
    -----
    .. math::

        \operatorname{tr} A = \sum_{i=1}^{n} A_{ii} = \sum_{i=1}^{n} \lambda_i,
        \qquad
        \operatorname{tr}(AB) = \operatorname{tr}(BA)

    NumPy's ``np.trace`` sums the diagonal of any 2-D array, square or not;
    this one insists on a square matrix, the only case where the trace
    means something. A sum that overflows on the way is redone on the
    diagonal divided by a power of two, and raises only when the trace
    itself is beyond float64.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import trace
    >>> float(trace(np.array([[1.0, 2.0], [3.0, 4.0]])))
    5.0
    >>> trace(np.ones((2, 3)))
    Traceback (most recent call last):
        ...
    ValueError: A must be a square matrix, got shape (2, 3)
    """
    A = as_square(A, "A")
    i = np.arange(A.shape[0])
    return robust_sum(A[i, i], "trace: the sum of the diagonal of A")
