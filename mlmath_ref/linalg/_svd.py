r"""The singular value decomposition and what it answers: rank, independence, pseudoinverse.

:func:`svd` runs the one-sided Jacobi method: rotate pairs of columns of
:math:`A` until all columns are orthogonal. The lengths of the columns are
then the singular values. :func:`rank`, :func:`is_linearly_independent`
and :func:`pinv` read their answers off those singular values.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.linalg import rank
>>> rank(np.array([[1.0, 2.0], [2.0, 4.0]]))
1
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, check_positive, set_module
from mlmath_ref._numerics import EPS, exponent_of, scale_back

__all__ = ["is_linearly_independent", "pinv", "rank", "svd"]

_MAX_SWEEPS = 60  # Jacobi converges quadratically; 6 to 12 sweeps are typical
_SIGN_TIE = 1e-10  # entries within this relative distance of the largest count as ties


def _fix_signs(V):
    """Flip columns so that each one's largest-magnitude entry is positive.

    An eigenvector or singular vector is defined only up to sign; this
    picks one, the same on every platform. When several entries tie for
    the largest magnitude (up to a relative :math:`10^{-10}`, so rounding
    cannot decide), the first of them is made positive.

    Parameters
    ----------
    V : ndarray of shape (n, k)
        The vectors, as columns.

    Returns
    -------
    signs : ndarray of shape (k,)
        +1.0 or -1.0 per column.
    V : ndarray of shape (n, k)
        ``V * signs``, a new array.

    See Also
    --------
    svd : Uses it on the left singular vectors.
    eig_symmetric : Uses it on the eigenvectors.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._svd import _fix_signs
    >>> _fix_signs(np.array([[0.6, 0.7], [-0.8, -0.7]]))
    (array([-1.,  1.]), array([[-0.6,  0.7],
           [ 0.8, -0.7]]))
    """
    magnitudes = np.abs(V)
    is_largest = magnitudes >= magnitudes.max(axis=0) * (1.0 - _SIGN_TIE)
    first = np.argmax(is_largest, axis=0)  # argmax of booleans: the first True
    signs = np.where(V[first, np.arange(V.shape[1])] < 0, -1.0, 1.0)
    return signs, V * signs


def _round_robin(n):
    r"""List the pairs :math:`p < q` of ``range(n)`` in rounds of disjoint pairs.

    This is the round-robin schedule of a tournament (the circle method):
    :math:`n - 1` rounds for even :math:`n`, :math:`n` for odd, in which
    every pair meets exactly once and no index appears twice in a round.
    Plane rotations on disjoint pairs of coordinates commute, so the Jacobi
    methods can apply a whole round at once.

    Parameters
    ----------
    n : int
        The number of indices, at least 1.

    Returns
    -------
    list of tuple of ndarray
        One ``(P, Q)`` per round: index arrays with ``P < Q`` entrywise.

    See Also
    --------
    svd : Sweeps over the pairs of columns in this order.
    eig_symmetric : Sweeps over the off-diagonal entries in this order.

    Examples
    --------
    >>> from mlmath_ref.linalg._svd import _round_robin
    >>> for P, Q in _round_robin(4):
    ...     print(list(zip(P.tolist(), Q.tolist())))
    [(0, 3), (1, 2)]
    [(0, 2), (1, 3)]
    [(0, 1), (2, 3)]
    """
    players = list(range(n + n % 2))  # an odd n gets a dummy player n, whose partner sits out
    size = len(players)
    rounds = []
    for _ in range(size - 1):
        pairs = [(players[i], players[size - 1 - i]) for i in range(size // 2)]
        pairs = sorted((min(a, b), max(a, b)) for a, b in pairs if max(a, b) < n)
        if pairs:
            P, Q = np.array(pairs).T
            rounds.append((P, Q))
        players = [players[0], players[-1], *players[1:-1]]  # keep the first, rotate the rest
    return rounds


def _jacobi_rotation(d, g):
    r"""The cosine and sine of the plane rotation that removes an off-diagonal entry.

    For the symmetric 2 x 2 matrix :math:`\begin{pmatrix} a & g \\ g & a + d
    \end{pmatrix}` (entries of a symmetric matrix in :func:`eig_symmetric`,
    or the Gram matrix of two columns in :func:`svd`), the rotation
    :math:`J = \begin{pmatrix} c & s \\ -s & c \end{pmatrix}` makes
    :math:`J^\top M J` diagonal. Of the two such rotations this is the one
    with :math:`|t| = |s / c| \le 1`, which moves the columns least.

    Parameters
    ----------
    d : ndarray
        The differences :math:`d` of the two diagonal entries, one per pair.
    g : ndarray
        The off-diagonal entries :math:`g`, one per pair, not zero.

    Returns
    -------
    c : ndarray
        The cosine of each rotation.
    s : ndarray
        The sine of each rotation.

    See Also
    --------
    _rotate_columns : Applies the rotations.

    Notes
    -----
    With :math:`\zeta = d / (2g)`, the smaller root of
    :math:`t^2 + 2\zeta t - 1 = 0` is
    :math:`t = \operatorname{sign}(\zeta) / (|\zeta| + \sqrt{1 + \zeta^2})`;
    the code multiplies it through by :math:`2|g|`, so that nothing
    overflows when :math:`g` is tiny. Then :math:`c = 1 / \sqrt{1 + t^2}`
    and :math:`s = c t`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._svd import _jacobi_rotation
    >>> c, s = _jacobi_rotation(np.array([0.0]), np.array([1.0]))   # [[1, 1], [1, 1]]: 45 degrees
    >>> float(c[0]), float(s[0])
    (0.7071067811865475, 0.7071067811865475)
    """
    t = 2.0 * g * np.copysign(1.0, d) / (np.abs(d) + np.hypot(d, 2.0 * g))
    c = 1.0 / np.hypot(1.0, t)
    return c, c * t


def _rotate_columns(M, P, Q, c, s):
    r"""Rotate column pairs of `M` in place: :math:`[m_p \; m_q] \leftarrow [m_p \; m_q] J`.

    Parameters
    ----------
    M : ndarray of shape (m, n)
        The matrix, changed in place (a transposed view rotates rows).
    P, Q : ndarray of int
        The column pairs, disjoint, so that the rotations commute.
    c, s : ndarray
        The cosine and sine of each pair's rotation
        :math:`J = \begin{pmatrix} c & s \\ -s & c \end{pmatrix}`.

    See Also
    --------
    _jacobi_rotation : Computes `c` and `s`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._svd import _rotate_columns
    >>> M = np.eye(2)
    >>> _rotate_columns(M, np.array([0]), np.array([1]), np.array([0.0]), np.array([1.0]))
    >>> M
    array([[ 0.,  1.],
           [-1.,  0.]])
    """
    Mp, Mq = M[:, P], M[:, Q]
    M[:, P] = c * Mp - s * Mq
    M[:, Q] = s * Mp + c * Mq


def _orthogonalize_columns(A, noise):
    r"""Rotate pairs of columns of a tall matrix until all are orthogonal.

    This is the one-sided Jacobi method of Hestenes: sweep over the pairs
    :math:`(i, j)` of columns and rotate each non-orthogonal pair in its
    plane so that it becomes orthogonal; stop after a sweep with no
    rotation. The pairs come in the rounds of :func:`_round_robin`, and the
    rotations of a round are applied together.

    Parameters
    ----------
    A : ndarray of shape (m, n)
        A finite float matrix with :math:`m \ge n`.
    noise : float
        Columns no longer than this are rounding noise and are not rotated:
        when the rank is below :math:`n`, the surplus columns shrink towards
        zero by a factor of about :math:`\varepsilon` per sweep but, lying in
        the span of the others, never become orthogonal to them.

    Returns
    -------
    W : ndarray of shape (m, n)
        :math:`AV`, with orthogonal columns (apart from noise columns).
    V : ndarray of shape (n, n)
        The orthogonal matrix, the product of all the rotations.

    Raises
    ------
    numpy.linalg.LinAlgError
        If some pair is still not orthogonal after ``_MAX_SWEEPS`` sweeps.

    See Also
    --------
    svd : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._svd import _orthogonalize_columns
    >>> W, V = _orthogonalize_columns(np.array([[1.0, 1.0], [0.0, 1.0]]), noise=1e-15)
    >>> bool(abs(W[:, 0] @ W[:, 1]) < 1e-15)
    True
    """
    m, n = A.shape
    W = A.copy()
    V = np.eye(n)
    tol = m * EPS
    rounds = _round_robin(n)
    for _ in range(_MAX_SWEEPS):
        rotated = False
        for P, Q in rounds:  # each round: disjoint pairs of columns, whose rotations commute
            alpha = np.sum(W[:, P] ** 2, axis=0)
            beta = np.sum(W[:, Q] ** 2, axis=0)
            gamma = np.sum(W[:, P] * W[:, Q], axis=0)
            # leave pairs that are orthogonal to working precision, or where one column is noise
            rotate = (np.abs(gamma) > tol * np.sqrt(alpha * beta)) & (np.minimum(alpha, beta) > noise**2)
            if not np.any(rotate):
                continue
            rotated = True
            P, Q, alpha, beta, gamma = P[rotate], Q[rotate], alpha[rotate], beta[rotate], gamma[rotate]
            c, s = _jacobi_rotation(beta - alpha, gamma)  # of the Gram matrix [[alpha, gamma], [gamma, beta]]
            _rotate_columns(W, P, Q, c, s)
            _rotate_columns(V, P, Q, c, s)
        if not rotated:
            return W, V
    raise np.linalg.LinAlgError(
        f"svd did not converge: the columns are still not orthogonal after {_MAX_SWEEPS} sweeps"
    )


@set_module("mlmath_ref.linalg")
def svd(A):
    r"""Compute the reduced singular value decomposition of a matrix.

    Every matrix factors as :math:`A = U \Sigma V^\top`: a rotation (or
    reflection) :math:`V^\top`, a stretch of each axis by a singular value
    :math:`\sigma_i \ge 0`, and another rotation :math:`U`. This one is
    computed by the one-sided Jacobi method. Concept page:
    :ref:`concept-svd`.

    Parameters
    ----------
    A : array_like of shape (m, n)
        The matrix.

    Returns
    -------
    U : ndarray of shape (m, k)
        Left singular vectors, orthonormal columns; :math:`k = \min(m, n)`.
    s : ndarray of shape (k,)
        Singular values, non-negative and in descending order.
    Vt : ndarray of shape (k, n)
        Right singular vectors, orthonormal rows.

    Raises
    ------
    TypeError
        If `A` is not real and numeric.
    ValueError
        If `A` is not a finite, non-empty matrix.
        Also if the largest singular value is beyond float64's range.
    numpy.linalg.LinAlgError
        If the Jacobi sweeps do not converge (not seen in practice).

    See Also
    --------
    rank : The number of non-zero singular values.
    pinv : The pseudoinverse, from this decomposition.
    eig_symmetric : The eigendecomposition of :math:`A^\top A` has eigenvalues :math:`\sigma_i^2`.
    numpy.linalg.svd : NumPy's SVD.

    Notes
    -----
    .. math:: A = U \Sigma V^\top = \sum_{i=1}^{k} \sigma_i \mathbf{u}_i \mathbf{v}_i^\top

    For :math:`m \ge n` the method works on the columns of :math:`W = A`
    (for :math:`m < n`, on :math:`A^\top`, and swaps :math:`U` and
    :math:`V` at the end). For each pair of columns with
    :math:`\alpha = \|\mathbf{w}_i\|^2`, :math:`\beta = \|\mathbf{w}_j\|^2`,
    :math:`\gamma = \langle \mathbf{w}_i, \mathbf{w}_j \rangle`, the rotation

    .. math::

        \zeta = \frac{\beta - \alpha}{2\gamma}, \quad
        t = \frac{\operatorname{sign}\zeta}{|\zeta| + \sqrt{1 + \zeta^2}}, \quad
        c = \frac{1}{\sqrt{1 + t^2}}, \quad s = ct,
        \quad
        [\mathbf{w}_i \; \mathbf{w}_j] \leftarrow [\mathbf{w}_i \; \mathbf{w}_j]
        \begin{bmatrix} c & s \\ -s & c \end{bmatrix}

    makes them orthogonal, and the same rotation applied to :math:`V`
    (starting from :math:`I`) keeps :math:`W = AV`. Once every pair has
    :math:`|\gamma| \le m \varepsilon \sqrt{\alpha\beta}`, the columns of
    :math:`W` are :math:`\sigma_i \mathbf{u}_i`. A sweep visits the pairs
    in the rounds of a round-robin tournament, :math:`\lfloor n/2 \rfloor`
    disjoint pairs per round; rotations of disjoint pairs commute, so the
    code applies a round at once, with the same result as one at a time.
    A column no longer than :math:`\varepsilon \|A\|_F` is rounding noise
    (the surplus columns of a rank-deficient matrix shrink to that): it is
    not rotated, and its :math:`\mathbf{u}_i` is replaced by a unit vector
    orthogonal to the others, so :math:`U` stays orthonormal. The code
    divides :math:`A` by the power of two just above its largest entry
    first, exactly, so no squared length
    overflows, and multiplies the singular values back (a ValueError says
    when the largest one is beyond float64, as for a matrix of entries near
    :math:`10^{308}`). Each pair
    :math:`(\mathbf{u}_i, \mathbf{v}_i)` has its sign chosen so that the
    largest-magnitude entry of :math:`\mathbf{u}_i` is positive.

    NumPy calls LAPACK's ``gesdd``: Householder reflections reduce
    :math:`A` to bidiagonal form, then divide and conquer. That is far
    faster; Jacobi takes :math:`O(mn^2)` work per sweep and a handful of
    sweeps, but each of its steps is one plane rotation. NumPy's
    singular vector signs are whatever LAPACK produces.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import svd
    >>> A = np.array([[3.0, 0.0], [4.0, 5.0]])
    >>> U, s, Vt = svd(A)
    >>> s.round(4)
    array([6.7082, 2.2361])
    >>> bool(np.allclose(U * s @ Vt, A))
    True

    A rank-one matrix has one non-zero singular value:

    >>> svd(np.array([[1.0, 2.0], [2.0, 4.0]]))[1].round(4)
    array([5., 0.])
    """
    A = as_array(A, "A", ndim=2)
    U, s, Vt, e = _svd_scaled(A)
    return U, scale_back(s, e, "svd: the largest singular value of A"), Vt


def _svd_scaled(A):
    r"""The SVD of :math:`A / 2^e`, with :math:`2^e` the power of two just above :math:`\max |A_{ij}|`.

    Dividing by :math:`2^e` is exact and brings every entry below 1, so no
    squared length overflows or underflows; the singular values of
    :math:`A` are those returned times :math:`2^e`, which may lie beyond
    float64 even when every entry of :math:`A` does not. :func:`rank`,
    :func:`pinv` and ``project`` work with the scaled values.

    Parameters
    ----------
    A : ndarray of shape (m, n)
        Finite floats.

    Returns
    -------
    U : ndarray of shape (m, k)
        Left singular vectors.
    s : ndarray of shape (k,)
        The singular values of :math:`A / 2^e`, descending.
    Vt : ndarray of shape (k, n)
        Right singular vectors, as rows.
    e : int
        The exponent.

    See Also
    --------
    svd : The public function, which scales the singular values back.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg._svd import _svd_scaled
    >>> U, s, Vt, e = _svd_scaled(np.array([[1e308, 0.0], [0.0, 1e308]]))
    >>> s.round(4), e
    (array([0.5563, 0.5563]), 1024)
    """
    m, n = A.shape
    e = exponent_of(np.max(np.abs(A)))
    A = np.ldexp(A, -e)  # entries below 1 in size: no squared norm overflows or underflows
    noise = EPS * np.sqrt(np.sum(A**2))  # epsilon times the Frobenius norm
    W, V = _orthogonalize_columns(A if m >= n else A.T, noise)
    s = np.sqrt(np.sum(W**2, axis=0))
    order = np.argsort(-s, kind="stable")
    s, W, V = s[order], W[:, order], V[:, order]
    U = np.zeros_like(W)
    signal = s > noise
    U[:, signal] = W[:, signal] / s[signal]
    for i in np.flatnonzero(~signal):
        # sigma_i is zero up to rounding: any unit vector orthogonal to the other columns will do
        residual = np.eye(U.shape[0]) - U @ U.T
        residual -= U @ (U.T @ residual)  # orthogonalize twice, for accuracy
        best = np.argmax(np.sum(residual**2, axis=0))
        U[:, i] = residual[:, best] / np.sqrt(np.sum(residual[:, best] ** 2))
    if m < n:
        U, V = V, U  # A.T = U S V.T  means  A = V S U.T
    signs, U = _fix_signs(U)
    return U, s, (V * signs).T, e


def _check_tol(tol, name):
    """Return `tol` if it is None or a non-negative real number.

    Both :func:`rank` and :func:`pinv` take an optional tolerance; this
    checks it with :func:`mlmath_ref._checks.check_positive`.

    Parameters
    ----------
    tol : float or None
        The tolerance.
    name : str
        Its name in the caller, for messages.

    Returns
    -------
    float or None
        `tol` unchanged.

    Raises
    ------
    TypeError
        If `tol` is neither None nor a real number.
    ValueError
        If `tol` is negative or not finite.

    See Also
    --------
    mlmath_ref._checks.check_positive : The check used.

    Examples
    --------
    >>> from mlmath_ref.linalg._svd import _check_tol
    >>> _check_tol(None, "tol") is None, _check_tol(0.5, "tol")
    (True, 0.5)
    """
    if tol is None:
        return None
    return check_positive(tol, name, allow_zero=True)


@set_module("mlmath_ref.linalg")
def rank(A, tol=None):
    r"""Compute the rank of a matrix: the number of independent columns.

    The rank is the dimension of the column space, equally of the row
    space. It is read off the singular values: it is the number of them
    above a tolerance that absorbs rounding errors. Concept page:
    :ref:`concept-rank`.

    Parameters
    ----------
    A : array_like of shape (m, n)
        The matrix.
    tol : float, optional
        Singular values at or below `tol` count as zero. Default
        :math:`\sigma_{\max} \max(m, n)\, \varepsilon`, as in NumPy.

    Returns
    -------
    int
        :math:`\operatorname{rank} A`, between 0 and :math:`\min(m, n)`.

    Raises
    ------
    TypeError
        If `A` is not real and numeric, or `tol` is not a real number.
    ValueError
        If `A` is not a finite, non-empty matrix, or `tol` is negative.

    See Also
    --------
    svd : The singular values used.
    is_linearly_independent : Whether the rank equals the number of columns.
    numpy.linalg.matrix_rank : NumPy's rank, with the same default tolerance.

    Notes
    -----
    .. math:: \operatorname{rank} A = \#\{\, i : \sigma_i > \text{tol} \,\}

    The default tolerance is computed on the singular values of
    :math:`A / 2^e` (see :func:`svd`) as :math:`\sigma_{\max} (\max(m, n)\,
    \varepsilon)`, in that order: :math:`\sigma_{\max} \max(m, n)` alone
    can overflow for entries near :math:`10^{308}`, which once made every
    singular value count as zero.
    Elimination would also find the rank (the number of pivots) but
    decides badly which small pivots are zero; singular values measure
    exactly how far :math:`A` is from a matrix of lower rank. NumPy's
    ``matrix_rank`` computes the singular values with LAPACK's ``gesdd``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import rank
    >>> rank(np.eye(3)), rank(np.array([[1.0, 2.0], [2.0, 4.0]])), rank(np.zeros((2, 3)))
    (3, 1, 0)

    A nearly dependent column counts once the tolerance is below its
    distance from the others:

    >>> A = np.array([[1.0, 1.0], [0.0, 1e-9]])
    >>> rank(A), rank(A, tol=1e-6)
    (2, 1)
    """
    A = as_array(A, "A", ndim=2)
    tol = _check_tol(tol, "tol")
    s, e = _svd_scaled(A)[1::2]  # the singular values of A / 2**e
    if tol is None:
        cutoff = s[0] * (max(A.shape) * EPS)  # in this order: s[0] * max(m, n) could overflow
    else:
        with np.errstate(over="ignore"):
            cutoff = np.ldexp(tol, -e)  # tol in the units of s; inf means above every singular value
    return int(np.sum(s > cutoff))


@set_module("mlmath_ref.linalg")
def is_linearly_independent(V, tol=None):
    r"""Test whether the columns of a matrix are linearly independent.

    The columns :math:`\mathbf{v}_1, \dots, \mathbf{v}_k` are independent
    when the only combination :math:`\sum_j c_j \mathbf{v}_j` equal to zero
    has all :math:`c_j = 0`; equivalently, when the rank is :math:`k`.
    Concept page: :ref:`concept-linear-independence`.

    Parameters
    ----------
    V : array_like of shape (n, k)
        The vectors, as columns.
    tol : float, optional
        Singular value threshold, passed to :func:`rank`.

    Returns
    -------
    bool
        True if the columns are independent (up to `tol`).

    Raises
    ------
    TypeError
        If `V` is not real and numeric, or `tol` is not a real number.
    ValueError
        If `V` is not a finite, non-empty matrix, or `tol` is negative.

    See Also
    --------
    rank : The number of independent columns.
    gram_schmidt : Fails, naming the column, on dependent columns.

    Notes
    -----
    .. math:: \sum_{j=1}^{k} c_j \mathbf{v}_j = \mathbf{0} \implies \mathbf{c} = \mathbf{0}
        \iff \operatorname{rank} V = k

    More than :math:`n` vectors in :math:`\mathbb{R}^n` are always
    dependent. NumPy has no such function; ``matrix_rank(V) == V.shape[1]``
    is the idiom.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import is_linearly_independent
    >>> is_linearly_independent(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]))
    True
    >>> is_linearly_independent(np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]))
    False
    """
    V = as_array(V, "V", ndim=2)
    return rank(V, tol) == V.shape[1]


@set_module("mlmath_ref.linalg")
def pinv(A, rtol=None):
    r"""Compute the Moore-Penrose pseudoinverse of a matrix.

    Invert what can be inverted: in the SVD, replace each non-zero singular
    value by its reciprocal and leave the zeros at zero. For an invertible
    matrix this is the inverse; for a tall one with independent columns,
    :math:`A^+ \mathbf{b}` is the least-squares solution of
    :math:`A\mathbf{x} = \mathbf{b}`. Concept page:
    :ref:`concept-pseudoinverse`.

    Parameters
    ----------
    A : array_like of shape (m, n)
        The matrix.
    rtol : float, optional
        Singular values at or below ``rtol * s.max()`` count as zero.
        Default :math:`\max(m, n)\, \varepsilon`.

    Returns
    -------
    ndarray of shape (n, m)
        :math:`A^+`.

    Raises
    ------
    TypeError
        If `A` is not real and numeric, or `rtol` is not a real number.
    ValueError
        If `A` is not a finite, non-empty matrix, `rtol` is negative, or an
        entry of :math:`A^+` is beyond float64's range.

    See Also
    --------
    svd : The decomposition used.
    inverse : The inverse of an invertible square matrix.
    numpy.linalg.pinv : NumPy's pseudoinverse.

    Notes
    -----
    .. math::

        A^+ = V \Sigma^+ U^\top, \qquad
        \Sigma^+ = \operatorname{diag}(\sigma_i^+), \qquad
        \sigma_i^+ = \begin{cases} 1/\sigma_i & \sigma_i > \text{rtol}\cdot\sigma_{\max} \\
        0 & \text{otherwise} \end{cases}

    It is the unique matrix with the four Penrose properties
    :math:`AA^+A = A`, :math:`A^+AA^+ = A^+`, and :math:`AA^+`,
    :math:`A^+A` symmetric. NumPy's ``pinv`` is the same formula on
    LAPACK's SVD; its default cutoff, when `rtol` is not passed, is
    :math:`10^{-15}\sigma_{\max}` for backward compatibility, while
    ``rtol=None`` there means :math:`\max(m, n)\,\varepsilon`, as here.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import pinv
    >>> pinv(np.array([[2.0, 0.0], [0.0, 0.0]]))
    array([[0.5, 0. ],
           [0. , 0. ]])

    For independent columns, :math:`A^+ = (A^\top A)^{-1} A^\top`:

    >>> pinv(np.array([[1.0], [1.0]]))
    array([[0.5, 0.5]])
    """
    A = as_array(A, "A", ndim=2)
    rtol = _check_tol(rtol, "rtol")
    if rtol is None:
        rtol = max(A.shape) * EPS
    U, s, Vt, e = _svd_scaled(A)  # A = 2**e U S Vt, so A+ = 2**-e V S+ Ut
    keep = s > rtol * s[0]
    s_plus = np.zeros_like(s)
    s_plus[keep] = 1.0 / s[keep]
    with np.errstate(over="ignore", invalid="ignore"):
        scaled = (Vt.T * s_plus) @ U.T
    return scale_back(scaled, -e, "pinv: an entry of the pseudoinverse of A")
