r"""Linear systems by Gaussian elimination: determinant, solve, inverse, coordinates.

Every function here runs Gaussian elimination with partial pivoting: at
step :math:`k` the row with the largest entry in column :math:`k` moves up
to become the pivot row, and multiples of it are subtracted from the rows
below. What is left is upper triangular.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.linalg import solve
>>> solve(np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([3.0, 5.0]))
array([0.8, 1.4])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, as_square, check_length, set_module
from mlmath_ref._numerics import EPS, exponent_of, scale_back

__all__ = ["coordinates", "det", "inverse", "solve"]


def _eliminate(A, c=None, tol=0.0):
    r"""Reduce `A` to upper triangular form by Gaussian elimination with partial pivoting.

    At step :math:`k` the row with the largest entry in column :math:`k`, on
    or below the diagonal, is swapped up to become the pivot row, and
    multiples of it are subtracted from the rows below. The right-hand sides
    `c` go through the same row operations. :func:`det` and
    :func:`_solve_system` both run this loop.

    Parameters
    ----------
    A : ndarray of shape (n, n)
        The matrix, finite floats; it is not modified.
    c : ndarray of shape (n, k), optional
        Right-hand sides, one per column; it is not modified. None for none.
    tol : float, default=0.0
        A pivot of magnitude at most `tol` counts as zero.

    Returns
    -------
    U : ndarray of shape (n, n)
        The eliminated matrix: upper triangular in the columns before
        `stopped`.
    c : ndarray of shape (n, k)
        The right-hand sides after the same row operations (no columns when
        `c` was None).
    swaps : int
        The number of row swaps.
    stopped : int or None
        The first column with no pivot larger than `tol`, where elimination
        stopped because `A` is singular; None when every column had one.

    See Also
    --------
    det : Keeps the pivots and the number of swaps.
    solve : Carries the right-hand side along, then substitutes backwards.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._solve import _eliminate
    >>> U, _, swaps, stopped = _eliminate(np.array([[1.0, 2.0], [3.0, 4.0]]))
    >>> U.round(4)
    array([[3.    , 4.    ],
           [0.    , 0.6667]])
    >>> swaps, stopped
    (1, None)
    >>> _eliminate(np.array([[1.0, 2.0], [2.0, 4.0]]))[3]   # no pivot left in column 1
    1
    """
    n = A.shape[0]
    U = A.copy()
    c = np.zeros((n, 0)) if c is None else c.copy()
    swaps = 0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            return U, c, swaps, k  # column k is (nearly) zero on and below the diagonal
        if p != k:
            U[[k, p]] = U[[p, k]]
            c[[k, p]] = c[[p, k]]
            swaps += 1
        multipliers = U[k + 1 :, k] / U[k, k]
        U[k + 1 :, k:] -= multipliers[:, None] * U[k, k:]
        c[k + 1 :] -= multipliers[:, None] * c[k]
    return U, c, swaps, None


def _solve_system(A, b, name, what="solve: the solution x"):
    r"""Solve :math:`A\mathbf{x} = \mathbf{b}` for validated float arrays.

    Eliminate with partial pivoting (:func:`_eliminate`) on the augmented
    matrix :math:`[A \mid \mathbf{b}]`, then substitute backwards. The public
    functions validate their arguments and call this with the name their
    matrix has, so a singular matrix is reported under that name.

    Parameters
    ----------
    A : ndarray of shape (n, n)
        The matrix, finite floats.
    b : ndarray of shape (n,) or (n, k)
        The right-hand side(s), finite floats.
    name : str
        The name of `A` in the caller, for the error message.
    what : str, default="solve: the solution x"
        What the solution is in the caller, for the message when it overflows.

    Returns
    -------
    ndarray of shape (n,) or (n, k)
        The solution, shaped like `b`.

    Raises
    ------
    numpy.linalg.LinAlgError
        If a pivot falls to :math:`n \varepsilon \max_{ij} |A_{ij}|` or
        below.
    ValueError
        If the solution is beyond float64's range.

    See Also
    --------
    solve : The public function.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._solve import _solve_system
    >>> _solve_system(np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([2.0, 3.0]), "A")
    array([3., 2.])
    """
    n = A.shape[0]
    # A x = b is (A / 2**a) x = (b / 2**c) 2**(c - a): both scalings are exact and bring the largest
    # entries into [1/2, 1), so no step of the elimination overflows on entries near 1e308.
    a, c = exponent_of(np.max(np.abs(A))), exponent_of(np.max(np.abs(b)))
    A, b_scaled = np.ldexp(A, -a), np.ldexp(b, -c)
    tol = n * EPS * np.max(np.abs(A))
    U, rhs, _, stopped = _eliminate(A, b_scaled.reshape(n, -1), tol)  # one column per right-hand side
    if stopped is not None:
        raise np.linalg.LinAlgError(
            f"{name} is singular: after elimination, column {stopped} has no pivot larger than "
            f"the tolerance {np.ldexp(tol, a):.2g} (n * eps * max|{name}|)"
        )
    x = np.empty_like(rhs)
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(n - 1, -1, -1):
            x[i] = (rhs[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    if not np.all(np.isfinite(x)):  # only a matrix within rounding of singular gets here
        raise np.linalg.LinAlgError(f"{name} is too close to singular: the solution overflows float64")
    return scale_back(x.reshape(b.shape), c - a, what)


@set_module("mlmath_ref.linalg")
def det(A):
    r"""Compute the determinant of a square matrix by Gaussian elimination.

    Elimination with partial pivoting turns :math:`A` into an upper
    triangular matrix :math:`U`. Subtracting a multiple of one row from
    another leaves the determinant unchanged and each row swap flips its
    sign, so the determinant is the product of the pivots, with one sign
    flip per swap. Concept page: :ref:`concept-determinant`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        The matrix.

    Returns
    -------
    float
        :math:`\det A`; exactly 0.0 when elimination meets a column of
        zeros, and a tiny number (rounding noise) for a matrix that is
        singular only up to rounding.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty, square matrix, or its
        determinant is beyond float64's range.

    See Also
    --------
    solve : The same elimination, carried on to solve a system.
    numpy.linalg.det : NumPy's determinant.

    Notes
    -----
    With :math:`s` row swaps and pivots :math:`u_{11}, \dots, u_{nn}`,

    .. math:: \det A = (-1)^{s} \prod_{k=1}^{n} u_{kk}.

    Two consequences the tests check: :math:`\det(AB) = \det A \det B`, and
    swapping two rows of :math:`A` flips the sign of :math:`\det A`. NumPy
    calls LAPACK's ``getrf``, the same algorithm in blocked form, and
    accumulates the product of pivots as a sign and a logarithm, so it
    overflows only if the determinant itself does. Here :math:`A` is first
    divided by the power of two :math:`2^a` just above its largest entry
    (exact; :math:`\det A = 2^{na} \det(A / 2^a)`), and the product of the
    pivots is kept as a fraction and a power of two: no partial product
    overflows or underflows, and a ValueError says when the determinant
    itself is beyond float64.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import det
    >>> float(det(np.array([[1.0, 2.0], [3.0, 4.0]])))
    -2.0

    Swapping the rows flips the sign; a matrix with dependent rows has
    determinant 0:

    >>> float(det(np.array([[3.0, 4.0], [1.0, 2.0]])))
    2.0
    >>> float(det(np.array([[1.0, 2.0], [2.0, 4.0]])))
    0.0
    """
    A = as_square(A, "A")
    n = A.shape[0]
    a = exponent_of(np.max(np.abs(A)))  # det A = 2**(n a) det(A / 2**a), and the scaling is exact
    U, _, swaps, stopped = _eliminate(np.ldexp(A, -a))
    if stopped is not None:
        return 0.0  # column `stopped` is zero on and below the diagonal: no pivot, A is singular
    # The product of the pivots as a fraction times a power of two, renormalized at every step, so
    # that no partial product overflows or underflows; the rounding is that of the plain product.
    fraction, exponent = (-1.0) ** swaps, n * a
    for pivot in np.diag(U).tolist():
        fraction, e = np.frexp(fraction * pivot)
        exponent += int(e)
    return scale_back(float(fraction), exponent, "det: the determinant of A")


@set_module("mlmath_ref.linalg")
def solve(A, b):
    r"""Solve the linear system :math:`A\mathbf{x} = \mathbf{b}`.

    Gaussian elimination with partial pivoting reduces the system to an
    upper triangular one with the same solution, and back substitution
    solves that from the last unknown up. Several right-hand sides, the
    columns of a 2-D `b`, are solved together. Concept page:
    :ref:`concept-linear-systems`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        The coefficient matrix, invertible.
    b : array_like of shape (n,) or (n, k)
        The right-hand side, or `k` of them as columns.

    Returns
    -------
    ndarray of shape (n,) or (n, k)
        The solution :math:`\mathbf{x}`, shaped like `b`.

    Raises
    ------
    TypeError
        If `A` or `b` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty, square matrix, or `b` is not a
        finite, non-empty vector or matrix with as many rows as `A`.
        Also if the solution is beyond float64's range.
    numpy.linalg.LinAlgError
        If `A` is singular: some pivot is at most
        :math:`n \varepsilon \max_{ij} |A_{ij}|`.

    See Also
    --------
    det : The same elimination, keeping only the pivots.
    inverse : Solve with the identity as right-hand side.
    numpy.linalg.solve : NumPy's solver.

    Notes
    -----
    Elimination gives an upper triangular :math:`U` and a right-hand side
    :math:`\mathbf{c}`; back substitution is

    .. math:: x_i = \Bigl(c_i - \sum_{j > i} u_{ij} x_j\Bigr) \Big/ u_{ii}, \qquad i = n, \dots, 1.

    A pivot :math:`|u_{kk}| \le n \varepsilon \max_{ij}|A_{ij}|` (with
    :math:`\varepsilon` the machine epsilon) is treated as zero. The code
    first divides :math:`A` and :math:`\mathbf{b}` by the powers of two just
    above their largest entries (exact), so that no step of the elimination
    overflows on entries near :math:`10^{308}`, and scales the solution back. NumPy
    calls LAPACK's ``gesv``: the same algorithm, blocked for the cache; it
    raises only on an exactly zero pivot and otherwise returns whatever a
    nearly singular matrix gives.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import solve
    >>> A = np.array([[2.0, 1.0], [1.0, 3.0]])
    >>> solve(A, np.array([3.0, 5.0]))
    array([0.8, 1.4])
    >>> solve(np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([1.0, 2.0]))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    numpy.linalg.LinAlgError: A is singular: after elimination, column 1 has no pivot larger than ...
    """
    A = as_square(A, "A")
    b = as_array(b, "b", ndim=(1, 2))
    check_length(b, A.shape[0], "b", "as many rows as A")
    return _solve_system(A, b, "A")


@set_module("mlmath_ref.linalg")
def inverse(A):
    r"""Compute the inverse of a square matrix.

    Column :math:`j` of :math:`A^{-1}` is the solution of
    :math:`A\mathbf{x} = \mathbf{e}_j`, so the inverse is the solution of
    :math:`AX = I`, found with one elimination for all :math:`n` columns.
    Concept page: :ref:`concept-matrix-inverse`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        The matrix, invertible.

    Returns
    -------
    ndarray of shape (n, n)
        :math:`A^{-1}`.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty, square matrix.
        Also if an entry of the inverse is beyond float64's range.
    numpy.linalg.LinAlgError
        If `A` is singular.

    See Also
    --------
    solve : Solve :math:`A\mathbf{x} = \mathbf{b}` directly, cheaper and more accurate than this.
    pinv : The pseudoinverse, defined for every matrix.
    numpy.linalg.inv : NumPy's inverse.

    Notes
    -----
    .. math::

        A A^{-1} = A^{-1} A = I, \qquad
        A^{-1} = \bigl[\, A^{-1}\mathbf{e}_1 \;\; \cdots \;\; A^{-1}\mathbf{e}_n \,\bigr]

    NumPy's ``inv`` also calls LAPACK's ``gesv`` with the identity as
    right-hand side.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import inverse
    >>> inverse(np.array([[2.0, 0.0], [0.0, 4.0]]))
    array([[0.5 , 0.  ],
           [0.  , 0.25]])
    >>> inverse(np.array([[1.0, 2.0], [2.0, 4.0]]))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    numpy.linalg.LinAlgError: A is singular: ...
    """
    A = as_square(A, "A")
    return _solve_system(A, np.eye(A.shape[0]), "A", "inverse: the inverse of A")


@set_module("mlmath_ref.linalg")
def coordinates(x, B):
    r"""Compute the coordinates of a vector in a basis.

    The coordinates of :math:`\mathbf{x}` in the basis
    :math:`\mathbf{b}_1, \dots, \mathbf{b}_n` (the columns of :math:`B`)
    are the unique coefficients :math:`c_j` with
    :math:`\mathbf{x} = \sum_j c_j \mathbf{b}_j`, the solution of
    :math:`B\mathbf{c} = \mathbf{x}`. Concept page:
    :ref:`concept-basis-dimension`.

    Parameters
    ----------
    x : array_like of shape (n,) or (n, m)
        The vector, or `m` vectors as columns.
    B : array_like of shape (n, n)
        The basis vectors as columns; :math:`n` independent vectors of
        :math:`\mathbb{R}^n`.

    Returns
    -------
    ndarray of shape (n,) or (n, m)
        The coordinates :math:`\mathbf{c}`, shaped like `x`.

    Raises
    ------
    TypeError
        If `x` or `B` is not real and numeric.
    ValueError
        If `x` or `B` is not finite and non-empty, `B` is not square (its
        columns cannot be a basis of :math:`\mathbb{R}^n`), or `x` does not
        have :math:`n` rows.
        Also if a coordinate is beyond float64's range.
    numpy.linalg.LinAlgError
        If the columns of `B` are linearly dependent (`B` is singular).

    See Also
    --------
    linear_combination : Go back: :math:`B\mathbf{c} = \mathbf{x}`.
    solve : The solver used.

    Notes
    -----
    .. math:: \mathbf{x} = \sum_{j=1}^{n} c_j \mathbf{b}_j = B\mathbf{c} \iff \mathbf{c} = B^{-1}\mathbf{x}

    For an orthonormal basis :math:`B^{-1} = B^\top`, so
    :math:`c_j = \langle \mathbf{b}_j, \mathbf{x} \rangle`. NumPy has no
    such function; ``np.linalg.solve(B, x)`` is the idiom.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import coordinates
    >>> B = np.array([[1.0, 1.0], [0.0, 1.0]])
    >>> coordinates(np.array([3.0, 2.0]), B)
    array([1., 2.])
    >>> coordinates(np.array([3.0, 2.0]), np.array([[1.0, 2.0], [1.0, 2.0]]))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    numpy.linalg.LinAlgError: B is singular: ...
    """
    x = as_array(x, "x", ndim=(1, 2))
    B = as_array(B, "B", ndim=2)
    if B.shape[0] != B.shape[1]:
        raise ValueError(
            f"B must be square to hold a basis of R^n (n vectors of length n), got shape {B.shape}"
        )
    check_length(x, B.shape[0], "x", "as many rows as B")
    return _solve_system(B, x, "B", "coordinates: the coordinates of x")
