r"""Eigenvalues and eigenvectors: power iteration and the Jacobi eigenvalue method.

An eigenvector of :math:`A` is a direction that :math:`A` only stretches:
:math:`A\mathbf{v} = \lambda\mathbf{v}`. Power iteration finds the one with
the largest stretch by applying :math:`A` over and over; the Jacobi method
finds all of them for a symmetric matrix by rotating it until it is
diagonal.

See Also
--------
mlmath_ref.linalg : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.linalg import eig_symmetric
>>> eig_symmetric(np.array([[2.0, 1.0], [1.0, 2.0]]))[0].round(10)
array([1., 3.])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, as_square, check_length, check_nonzero, check_positive, set_module
from mlmath_ref._numerics import exponent_of, scale_back
from mlmath_ref.linalg._svd import _fix_signs, _jacobi_rotation, _rotate_columns, _round_robin

__all__ = ["eig_symmetric", "power_iteration"]

_X0_SEED = 0  # the default starting vector is drawn from this seed, so results repeat exactly
_SYMMETRY_RTOL = 1e-10  # |A - A.T| may be this fraction of max|A|, for matrices symmetric up to rounding


@set_module("mlmath_ref.linalg")
def power_iteration(A, num_iterations=1000, tol=1e-10, x0=None):
    r"""Find the eigenvalue of largest magnitude, and its eigenvector, by power iteration.

    Apply :math:`A` to a vector again and again, rescaling to length one
    each time: the component along the eigenvector with the largest
    :math:`|\lambda|` grows fastest and soon dominates. PageRank is this
    iteration. Concept page: :ref:`concept-eigenvalues-eigenvectors`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        The matrix. Its eigenvalue of largest magnitude must be real and
        strictly larger in magnitude than all the others.
    num_iterations : int, default=1000
        The most products :math:`A\mathbf{x}` to compute.
    tol : float, default=1e-10
        Stop when :math:`\|A\mathbf{x} - \lambda\mathbf{x}\| \le
        \text{tol} \cdot \|A\mathbf{x}\|`.
    x0 : array_like of shape (n,), optional
        The starting vector, not zero. Default: a Gaussian vector from a
        fixed seed, the same on every call.

    Returns
    -------
    eigenvalue : float
        :math:`\lambda`, the estimate :math:`\mathbf{x}^\top A \mathbf{x}`.
    eigenvector : ndarray of shape (n,)
        :math:`\mathbf{x}`, unit length, its largest-magnitude entry
        positive.

    Raises
    ------
    TypeError
        If `A` or `x0` is not real and numeric, `num_iterations` is not an
        integer or `tol` not a real number.
    ValueError
        If `A` is not a finite, non-empty, square matrix, `x0` is not a
        finite non-zero vector of length :math:`n`, or `num_iterations` or
        `tol` is not positive.
        Also if the eigenvalue is beyond float64's range.
    numpy.linalg.LinAlgError
        If the iteration has not converged after `num_iterations` steps,
        which happens when two eigenvalues share the largest magnitude
        (:math:`\pm\lambda`, or a complex pair) or the gap is small.

    See Also
    --------
    eig_symmetric : All eigenvalues of a symmetric matrix.
    stationary_distribution : Power iteration on a transition matrix.
    numpy.linalg.eig : NumPy's eigenvalues and eigenvectors.

    Notes
    -----
    .. math::

        \mathbf{x}_{t+1} = \frac{A\mathbf{x}_t}{\|A\mathbf{x}_t\|},
        \qquad
        \lambda_t = \mathbf{x}_t^\top A \mathbf{x}_t

    The error shrinks by :math:`|\lambda_2 / \lambda_1|` per step. If
    :math:`A\mathbf{x}_t = \mathbf{0}`, then :math:`\mathbf{x}_t` is an
    eigenvector with eigenvalue 0, and it is returned. A starting vector
    with no component along the top eigenvector converges to another
    eigenpair; that is why the default start is random (from a fixed
    seed) rather than the all-ones vector, which for example is itself an
    eigenvector, for :math:`-1`, of
    :math:`\begin{bmatrix} 1 & -2 \\ -2 & 1 \end{bmatrix}`, whose top
    eigenvalue is 3. The code divides :math:`A` by the power of two just
    above its largest entry first (exact), so no product overflows, and
    multiplies the eigenvalue back.
    NumPy's ``eig`` computes all eigenvalues at once with LAPACK's
    ``geev`` (Hessenberg reduction and the shifted QR algorithm).

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import power_iteration
    >>> value, vector = power_iteration(np.array([[2.0, 1.0], [1.0, 2.0]]))
    >>> round(value, 8), vector.round(6)
    (3.0, array([0.707107, 0.707107]))

    A rotation has no real eigenvector, so the iteration cannot settle:

    >>> power_iteration(np.array([[0.0, -1.0], [1.0, 0.0]]))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    numpy.linalg.LinAlgError: power iteration did not converge in 1000 iterations ...
    """
    A = as_square(A, "A")
    n = A.shape[0]
    num_iterations = check_positive(num_iterations, "num_iterations", integer=True)
    tol = check_positive(tol, "tol")
    if x0 is None:
        x = np.random.default_rng(_X0_SEED).standard_normal(n)
    else:
        x = as_array(x0, "x0", ndim=1)
        check_length(x, n, "x0", "one entry per row of A")
        check_nonzero(x, "x0", "A applied to it gives no direction")
    e = exponent_of(np.max(np.abs(A)))
    A = np.ldexp(A, -e)  # exact; entries below 1, so A x cannot overflow; the eigenvalue scales back
    x = x / np.max(np.abs(x))
    x = x / np.sqrt(np.sum(x**2))
    residual = np.inf
    for _ in range(num_iterations):
        y = A @ x
        length = np.sqrt(np.sum(y**2))
        eigenvalue = np.sum(x * y)  # Rayleigh quotient; x has unit length
        residual = np.sqrt(np.sum((y - eigenvalue * x) ** 2))
        if residual <= tol * length:  # also true when y = 0: then x is an eigenvector for 0
            value = scale_back(float(eigenvalue), e, "power_iteration: the eigenvalue")
            return value, _fix_signs(x[:, None])[1][:, 0]
        x = y / length
    with np.errstate(over="ignore"):
        residual = np.ldexp(residual, e)
    raise np.linalg.LinAlgError(
        f"power iteration did not converge in {num_iterations} iterations (residual "
        f"|Ax - lambda x| = {residual:.2g}); the largest eigenvalues may tie in magnitude "
        "(such as +1 and -1, or a complex pair) or be too close"
    )


@set_module("mlmath_ref.linalg")
def eig_symmetric(A, tol=1e-12, max_sweeps=100):
    r"""Compute all eigenvalues and eigenvectors of a symmetric matrix by Jacobi rotations.

    A symmetric matrix has real eigenvalues and an orthonormal basis of
    eigenvectors: :math:`A = Q \Lambda Q^\top`. The cyclic Jacobi method
    finds them by rotating until diagonal: each rotation, in the plane of
    two coordinates :math:`p, q`, zeroes the off-diagonal entry
    :math:`a_{pq}`; sweeping over all pairs again and again drives every
    off-diagonal entry to zero. Concept page:
    :ref:`concept-eigendecomposition`.

    Parameters
    ----------
    A : array_like of shape (n, n)
        A symmetric matrix (up to a relative :math:`10^{-10}`; the code
        uses :math:`(A + A^\top)/2`).
    tol : float, default=1e-12
        Stop when the off-diagonal part has Frobenius norm at most `tol`
        times that of :math:`A`.
    max_sweeps : int, default=100
        The most sweeps over all pairs :math:`p < q`.

    Returns
    -------
    eigenvalues : ndarray of shape (n,)
        In ascending order.
    eigenvectors : ndarray of shape (n, n)
        Orthonormal columns, column :math:`i` for eigenvalue :math:`i`,
        each with its largest-magnitude entry positive.

    Raises
    ------
    TypeError
        If `A` is not real and numeric, `tol` is not a real number or
        `max_sweeps` not an integer.
    ValueError
        If `A` is not a finite, non-empty, symmetric matrix, or `tol` or
        `max_sweeps` is not positive, or if an eigenvalue is beyond
        float64's range.
    numpy.linalg.LinAlgError
        If the off-diagonal part is not below `tol` after `max_sweeps`
        sweeps.

    See Also
    --------
    power_iteration : Only the eigenvalue of largest magnitude.
    svd : The decomposition for any matrix.
    numpy.linalg.eigh : NumPy's symmetric eigensolver.

    Notes
    -----
    .. math::

        A = Q \Lambda Q^\top, \qquad
        A \mathbf{q}_i = \lambda_i \mathbf{q}_i, \qquad
        \operatorname{off}(A)^2 = \sum_{i \ne j} a_{ij}^2

    For the pair :math:`(p, q)` with :math:`a_{pq} \ne 0`, the rotation
    :math:`J` equal to the identity except
    :math:`J_{pp} = J_{qq} = c`, :math:`J_{pq} = -J_{qp} = s`, with

    .. math::

        \tau = \frac{a_{qq} - a_{pp}}{2 a_{pq}}, \quad
        t = \frac{\operatorname{sign}\tau}{|\tau| + \sqrt{1 + \tau^2}}, \quad
        c = \frac{1}{\sqrt{1 + t^2}}, \quad s = ct,

    makes :math:`(J^\top A J)_{pq} = 0` and lowers
    :math:`\operatorname{off}(A)^2` by exactly :math:`2a_{pq}^2`. The
    eigenvectors are the product of all the rotations. A sweep visits the
    pairs in the rounds of a round-robin tournament,
    :math:`\lfloor n/2 \rfloor` disjoint pairs per round; rotations in
    disjoint planes commute and each zeroes its own entry, so the code
    applies a round at once, with the same result as one rotation at a
    time. The code divides
    :math:`A` by the power of two just above its largest entry first
    (exact), so neither :math:`A + A^\top` nor a square overflows, even
    for entries near :math:`10^{308}`, and multiplies the eigenvalues back. NumPy's ``eigh``
    calls LAPACK's ``syevd``: Householder reduction to tridiagonal form,
    then divide and conquer, much faster for large :math:`n`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.linalg import eig_symmetric
    >>> values, vectors = eig_symmetric(np.array([[2.0, 1.0], [1.0, 2.0]]))
    >>> values.round(10)
    array([1., 3.])
    >>> vectors.round(6)
    array([[ 0.707107,  0.707107],
           [-0.707107,  0.707107]])
    >>> eig_symmetric(np.array([[1.0, 2.0], [0.0, 1.0]]))
    Traceback (most recent call last):
        ...
    ValueError: A must be symmetric, but A[0, 1] = 2 and A[1, 0] = 0
    """
    A = as_square(A, "A")
    tol = check_positive(tol, "tol")
    max_sweeps = check_positive(max_sweeps, "max_sweeps", integer=True)
    e = exponent_of(np.max(np.abs(A)))
    scaled = np.ldexp(A, -e)  # exact, entries below 1: neither A - A.T nor A + A.T nor a square overflows
    asymmetry = np.abs(scaled - scaled.T)
    if np.max(asymmetry) > _SYMMETRY_RTOL * np.max(np.abs(scaled)):
        i, j = np.unravel_index(np.argmax(asymmetry), A.shape)
        raise ValueError(f"A must be symmetric, but A[{i}, {j}] = {A[i, j]:g} and A[{j}, {i}] = {A[j, i]:g}")
    n = A.shape[0]
    A = (scaled + scaled.T) / 2
    Q = np.eye(n)
    frobenius = np.sqrt(np.sum(A**2))
    off_diagonal = ~np.eye(n, dtype=bool)
    rounds = _round_robin(n)
    sweeps = 0
    while np.sqrt(np.sum(A[off_diagonal] ** 2)) > tol * frobenius:
        if sweeps == max_sweeps:
            raise np.linalg.LinAlgError(
                f"eig_symmetric did not converge in {max_sweeps} sweeps: the off-diagonal part of A "
                f"is still above tol={tol!r} times its norm"
            )
        for p, q in rounds:  # each round: disjoint pairs (p, q), whose rotations commute
            rotate = A[p, q] != 0.0
            p, q = p[rotate], q[rotate]
            c, s = _jacobi_rotation(A[q, q] - A[p, p], A[p, q])  # of [[a_pp, a_pq], [a_pq, a_qq]]
            _rotate_columns(A.T, p, q, c, s)  # A <- J^T A: rows p and q (the columns of A^T)
            _rotate_columns(A, p, q, c, s)  # A <- A J: columns p and q
            _rotate_columns(Q, p, q, c, s)  # Q <- Q J
            A[p, q] = A[q, p] = 0.0  # what the rotations were built for; remove the rounding residue
        sweeps += 1
    eigenvalues = np.diag(A).copy()
    order = np.argsort(eigenvalues, kind="stable")
    values = scale_back(eigenvalues[order], e, "eig_symmetric: the largest eigenvalue of A")
    return values, _fix_signs(Q[:, order])[1]
