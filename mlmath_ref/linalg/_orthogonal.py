r"""Orthogonality: Gram-Schmidt, the QR decomposition, orthogonal projection.

Gram-Schmidt turns independent vectors into orthonormal ones spanning the
same space, one at a time: subtract from each vector its projections onto
the ones already done, and scale what is left to length one. Projection
onto a subspace is easy once the subspace has an orthonormal basis.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.linalg import project
>>> project(np.array([1.0, 2.0]), onto=np.array([1.0, 0.0]))
array([1., 0.])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, check_nonzero, set_module
from mlmath_ref._numerics import EPS, exponent_of, scale_back
from mlmath_ref.linalg._svd import _svd_scaled

__all__ = ["gram_schmidt", "project", "qr"]

_DEPENDENT = np.sqrt(EPS)  # a column whose remainder is below this fraction of its length is dependent


def _modified_gram_schmidt(V, name):
    r"""Orthonormalize the columns of a validated matrix; return Q and R.

    Modified Gram-Schmidt, column-oriented: as soon as column :math:`j` is
    normalized to :math:`\mathbf{q}_j`, its component is removed from all
    later columns at once. The coefficients form :math:`R`.

    Parameters
    ----------
    V : ndarray of shape (n, k)
        Finite floats.
    name : str
        The name of `V` in the caller, for the error message.

    Returns
    -------
    Q : ndarray of shape (n, k)
        Orthonormal columns.
    R : ndarray of shape (k, k)
        Upper triangular with positive diagonal, :math:`V D = QR`, where
        :math:`D` is the diagonal of the :math:`2^{-e_j}`.
    exponents : list of int
        The :math:`e_j`: column :math:`j` of the :math:`R` of `V` is column
        :math:`j` of this `R` times :math:`2^{e_j}`.

    Raises
    ------
    numpy.linalg.LinAlgError
        If a column depends on the ones before it: what is left of it after
        removing their directions is at most :math:`\sqrt{\varepsilon}`
        times its length (always the case for column :math:`n` when
        :math:`k > n`).

    See Also
    --------
    gram_schmidt : The public function returning `Q`.
    qr : The public function returning `Q` and `R`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._orthogonal import _modified_gram_schmidt
    >>> Q, R, exponents = _modified_gram_schmidt(np.array([[3.0, 1.0], [4.0, 1.0]]), "V")
    >>> exponents
    [3, 1]
    >>> (R * np.ldexp(1.0, exponents)).round(4)
    array([[5. , 1.4],
           [0. , 0.2]])
    """
    n, k = V.shape
    # Each column divided by the power of two just above its largest entry: exact, and no squared
    # length overflows or underflows, however different the columns' scales. Q does not change
    # (a column's direction is its own), and column j of R is scaled back by 2**e_j.
    exponents = [exponent_of(m) for m in np.max(np.abs(V), axis=0).tolist()]
    Q = np.ldexp(V, -np.array(exponents))
    R = np.zeros((k, k))
    lengths = np.sqrt(np.sum(Q**2, axis=0))
    for j in range(k):
        r_jj = np.sqrt(np.sum(Q[:, j] ** 2))  # what is left of column j after removing q_0, ..., q_{j-1}
        if j >= n or r_jj <= _DEPENDENT * lengths[j]:
            before = "it is the zero vector" if j == 0 else f"it lies in the span of columns 0 to {j - 1}"
            extra = f" (more than {n} vectors in R^{n} are always dependent)" if j >= n else ""
            raise np.linalg.LinAlgError(
                f"the columns of {name} are linearly dependent: column {j} of {name} gives no new "
                f"direction, {before}{extra}"
            )
        R[j, j] = r_jj
        Q[:, j] /= r_jj
        R[j, j + 1 :] = Q[:, j] @ Q[:, j + 1 :]
        Q[:, j + 1 :] -= Q[:, [j]] * R[j, j + 1 :]
    return Q, R, exponents


@set_module("mlmath_ref.linalg")
def gram_schmidt(V):
    r"""Orthonormalize the columns of a matrix with Gram-Schmidt.

    Process the columns in order: remove from each its components along the
    orthonormal vectors found so far, and scale the remainder to length
    one. The result has orthonormal columns, and its first :math:`j`
    columns span the same space as the first :math:`j` columns of `V`.
    Concept page: :ref:`concept-gram-schmidt`.

    Parameters
    ----------
    V : array_like of shape (n, k)
        Linearly independent vectors as columns, :math:`k \le n`.

    Returns
    -------
    ndarray of shape (n, k)
        :math:`Q`, with :math:`Q^\top Q = I`.

    Raises
    ------
    TypeError
        If `V` is not real and numeric.
    ValueError
        If `V` is not a finite, non-empty matrix.
    numpy.linalg.LinAlgError
        If the columns are linearly dependent; the message names the first
        column that adds no new direction.

    See Also
    --------
    qr : The same computation, also returning the coefficients :math:`R`.
    project : Projection onto the span of the columns.
    numpy.linalg.qr : NumPy's QR, by Householder reflections.

    Notes
    -----
    .. math::

        \mathbf{w}_j = \mathbf{v}_j - \sum_{i < j} \langle \mathbf{q}_i, \mathbf{v}_j \rangle \mathbf{q}_i,
        \qquad
        \mathbf{q}_j = \mathbf{w}_j / \|\mathbf{w}_j\|

    The code uses *modified* Gram-Schmidt: it subtracts the projections one
    at a time from the current remainder, :math:`\mathbf{w} \leftarrow
    \mathbf{w} - \langle \mathbf{q}_i, \mathbf{w} \rangle \mathbf{q}_i`,
    instead of all from the original :math:`\mathbf{v}_j`. In exact
    arithmetic the two agree; in floating point the classical version loses
    orthogonality in proportion to :math:`\kappa(V)^2 \varepsilon`, the
    modified one only to :math:`\kappa(V)\, \varepsilon`. A column counts
    as dependent when :math:`\|\mathbf{w}_j\| \le \sqrt{\varepsilon}\,
    \|\mathbf{v}_j\|`, a test of each column against its own length. The
    code divides each column by the power of two just above its largest
    entry first (exact, and it changes no direction), so no squared length
    overflows or underflows, however different the columns' scales: columns
    of sizes :math:`10^{300}` and :math:`10^{-300}` are as independent as
    any. NumPy's ``qr`` calls LAPACK's ``geqrf``, which uses
    Householder reflections, orthogonal to working precision whatever the
    conditioning; its columns may differ from these in sign.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import gram_schmidt
    >>> Q = gram_schmidt(np.array([[3.0, 1.0], [4.0, 1.0]]))
    >>> Q.round(4)
    array([[ 0.6,  0.8],
           [ 0.8, -0.6]])
    >>> gram_schmidt(np.array([[1.0, 2.0], [1.0, 2.0]]))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    numpy.linalg.LinAlgError: the columns of V are linearly dependent: column 1 of V gives no new ...
    """
    V = as_array(V, "V", ndim=2)
    return _modified_gram_schmidt(V, "V")[0]


@set_module("mlmath_ref.linalg")
def qr(A):
    r"""Compute the reduced QR decomposition of a matrix with independent columns.

    Gram-Schmidt writes each column of :math:`A` as a combination of the
    orthonormal columns of :math:`Q` found so far; the coefficients form
    the upper triangular :math:`R`, so :math:`A = QR`. Concept page:
    :ref:`concept-gram-schmidt`.

    Parameters
    ----------
    A : array_like of shape (m, n)
        The matrix, :math:`m \ge n`, with independent columns.

    Returns
    -------
    Q : ndarray of shape (m, n)
        Orthonormal columns.
    R : ndarray of shape (n, n)
        Upper triangular with a positive diagonal.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty matrix, or has more columns than
        rows.
        Also if an entry of :math:`R` is beyond float64's range (a column
        longer than :math:`1.8 \times 10^{308}`).
    numpy.linalg.LinAlgError
        If the columns of `A` are linearly dependent.

    See Also
    --------
    gram_schmidt : Only :math:`Q`.
    numpy.linalg.qr : NumPy's QR, by Householder reflections.

    Notes
    -----
    .. math::

        A = QR, \qquad
        r_{ij} = \langle \mathbf{q}_i, \mathbf{a}_j \rangle \ (i < j), \qquad
        r_{jj} = \Bigl\| \mathbf{a}_j - \sum_{i<j} r_{ij} \mathbf{q}_i \Bigr\| > 0

    With a positive diagonal the reduced QR is unique. Column :math:`j` of
    :math:`R` is computed on column :math:`j` of :math:`A` divided by a
    power of two, then multiplied back (see :func:`gram_schmidt`). NumPy's ``qr``
    (LAPACK ``geqrf``, Householder) leaves the signs of the diagonal of
    :math:`R` to the algorithm; multiplying its columns of :math:`Q` and
    rows of :math:`R` by those signs gives this decomposition.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import qr
    >>> Q, R = qr(np.array([[3.0, 1.0], [4.0, 1.0], [0.0, 1.0]]))
    >>> R.round(4)
    array([[5.    , 1.4   ],
           [0.    , 1.0198]])
    >>> bool(np.allclose(Q @ R, [[3.0, 1.0], [4.0, 1.0], [0.0, 1.0]]))
    True
    >>> qr(np.ones((2, 3)))
    Traceback (most recent call last):
        ...
    ValueError: A must have at least as many rows as columns for a reduced QR, got shape (2, 3)
    """
    A = as_array(A, "A", ndim=2)
    if A.shape[0] < A.shape[1]:
        raise ValueError(
            f"A must have at least as many rows as columns for a reduced QR, got shape {A.shape}"
        )
    Q, R, exponents = _modified_gram_schmidt(A, "A")
    return Q, scale_back(R, np.array(exponents), "qr: an entry of R (a column of A longer than 1.8e308)")


@set_module("mlmath_ref.linalg")
def project(x, onto):
    r"""Project a vector orthogonally onto a line or onto a column space.

    The projection is the closest point of the subspace to :math:`\mathbf{x}`;
    what is left over, :math:`\mathbf{x} - \mathbf{p}`, is orthogonal to
    the subspace. With an orthonormal basis :math:`\mathbf{q}_i` of the
    subspace, the projection is :math:`\sum_i \langle \mathbf{q}_i,
    \mathbf{x} \rangle \mathbf{q}_i`. Concept page: :ref:`concept-projection`.

    Parameters
    ----------
    x : array_like of shape (n,) or (n, m)
        The vector, or `m` vectors as columns, each projected.
    onto : array_like of shape (n,) or (n, k)
        A non-zero vector spanning the line, or a matrix whose column space
        is the subspace. The columns need not be orthonormal or even
        independent.

    Returns
    -------
    ndarray of shape (n,) or (n, m)
        The projection :math:`\mathbf{p}`, shaped like `x`.

    Raises
    ------
    TypeError
        If `x` or `onto` is not real and numeric.
    ValueError
        If `x` or `onto` is not finite and non-empty, has more than two
        dimensions, `x` and `onto` differ in their number of rows, or
        `onto` is the zero vector (it spans no line), or an entry of the
        projection is beyond float64's range.

    See Also
    --------
    gram_schmidt : An orthonormal basis of the column space.
    pinv : :math:`P = V V^+`.

    Notes
    -----
    Onto the line through :math:`\mathbf{u}`, and onto the column space of
    :math:`V`:

    .. math::

        \mathbf{p} = \frac{\langle \mathbf{u}, \mathbf{x} \rangle}
                          {\langle \mathbf{u}, \mathbf{u} \rangle} \mathbf{u},
        \qquad
        \mathbf{p} = Q_r Q_r^\top \mathbf{x} = V V^+ \mathbf{x},

    where the columns of :math:`Q_r` are the left singular vectors of
    :math:`V` with non-zero singular values (the same tolerance as
    :func:`rank`): an orthonormal basis of the column space even when the
    columns of :math:`V` are dependent. Then the normal equations
    :math:`V^\top V \mathbf{c} = V^\top \mathbf{x}` still have solutions
    (infinitely many, all giving the same projection), but
    :math:`V^\top V` has no inverse, and Gram-Schmidt stops at the first
    column that depends on the others. For independent columns
    :math:`P = V (V^\top V)^{-1} V^\top`. An
    all-zero matrix spans :math:`\{\mathbf{0}\}` and projects everything to
    zero. The column space does not change when a column is scaled, so each
    column of :math:`V` is first divided by the power of two just above its
    largest entry (a short column is still a direction), and the projection
    is linear in :math:`\mathbf{x}`, so each column of `x` is scaled the same
    way and the result multiplied back: no product or sum overflows. NumPy
    has no projection function; ``V @ np.linalg.lstsq(V, x)[0]``
    is the idiom.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import project
    >>> project(np.array([2.0, 1.0]), onto=np.array([1.0, 1.0]))
    array([1.5, 1.5])

    Onto the plane :math:`z = 0`, spanned by two independent columns, and by
    three dependent ones (the same plane):

    >>> V = np.array([[1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])
    >>> project(np.array([1.0, 2.0, 3.0]), onto=V).round(10)
    array([1., 2., 0.])
    >>> V3 = np.array([[1.0, 1.0, 2.0], [0.0, 1.0, 1.0], [0.0, 0.0, 0.0]])
    >>> project(np.array([1.0, 2.0, 3.0]), onto=V3).round(10)
    array([1., 2., 0.])
    >>> project(np.array([1.0, 2.0]), onto=np.array([0.0, 0.0]))
    Traceback (most recent call last):
        ...
    ValueError: onto must not be the zero vector: it spans no line
    """
    x = as_array(x, "x", ndim=(1, 2))
    onto = as_array(onto, "onto", ndim=(1, 2))
    if x.shape[0] != onto.shape[0]:
        raise ValueError(
            f"x and onto must have the same number of rows, got shapes {x.shape} and {onto.shape}"
        )
    # Projection is linear in x: each column of x is divided by the power of two just above its
    # largest entry (exact; no product or sum can overflow), and the projection multiplied back.
    X = x.reshape(x.shape[0], -1)
    exponents = np.array([exponent_of(m) for m in np.max(np.abs(X), axis=0).tolist()])
    X = np.ldexp(X, -exponents)
    if onto.ndim == 1:
        check_nonzero(onto, "onto", "it spans no line")
        u = onto / np.max(np.abs(onto))  # the same line; scaled so that u . u cannot overflow or underflow
        uu = np.sum(u * u)
        coefficient = np.sum(u[:, None] * X, axis=0) / uu
        P = u[:, None] * coefficient
    else:
        # The column space does not change when a column is scaled: each column of onto is scaled
        # to a largest entry near 1 first, so a short column still counts as a direction.
        V = np.ldexp(onto, -np.array([exponent_of(m) for m in np.max(np.abs(onto), axis=0).tolist()]))
        U, s = _svd_scaled(V)[:2]
        Q = U[:, s > s[0] * (max(V.shape) * EPS)]  # orthonormal basis of the column space
        P = Q @ (Q.T @ X)
    return scale_back(P, exponents, "project: an entry of the projection").reshape(x.shape)
