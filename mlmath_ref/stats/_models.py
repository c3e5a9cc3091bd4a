r"""Models fitted to data: linear and logistic regression, principal component analysis.

All three work on a copy of the data scaled by powers of two (exact) and,
with an intercept, centered, so that the linear algebra sees numbers of
size about 1 whatever the units of the features. The singular value
decomposition is the package's own (:func:`mlmath_ref.linalg.svd`) and
logistic regression is fitted with the package's own optimizers.

See Also
--------
mlmath_ref.stats : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.stats import linear_regression
>>> w, b = linear_regression([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])   # y = 2x + 1
>>> w.round(10), round(b, 10)
(array([2.]), 1.0)
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, check_length, check_positive, set_module
from mlmath_ref._numerics import EPS
from mlmath_ref.linalg import svd
from mlmath_ref.optimize import newton
from mlmath_ref.stats._moments import _centered, _scaled, _unscale

__all__ = ["linear_regression", "logistic_regression", "pca"]

_NEWTON_STEPS = 100  # logistic regression: Newton's method takes 5 to 15 steps on non-separable data
_FIRST_ORDER_STEPS = 1000
_CONVERGED = 1e-20  # Newton decrement g^T H^-1 g, the predicted decrease of the loss (times 2)
_FULL_STEP = 1e-10  # below this decrement the full Newton step is taken without a line search


def _check_fit_intercept(fit_intercept):
    # A flag, never a number that happens to be truthy.
    if not isinstance(fit_intercept, (bool, np.bool_)):
        raise TypeError(f"fit_intercept must be True or False, got {fit_intercept!r}")
    return bool(fit_intercept)


def _design(X, y, fit_intercept):
    r"""Check a regression's data and return the columns of `X` centered, scaled and decomposed.

    Parameters
    ----------
    X : array_like of shape (n, p)
        The features, rows are samples.
    y : array_like of shape (n,)
        The targets.
    fit_intercept : bool
        Whether the model has an intercept; the columns are then centered.

    Returns
    -------
    X : ndarray of shape (n, p)
        The features as given, as floats.
    y : ndarray of shape (n,)
        The targets as floats.
    D : ndarray of shape (n, p)
        Column :math:`j` is :math:`(x_j - \text{shift}_j) / 2^{e_j}`, with
        entries below 1 and the largest of magnitude at least 1/2.
    shift : ndarray of shape (p,)
        The column means with an intercept, zeros without.
    e : ndarray of int, shape (p,)
        The exponents of the column scales.
    usv : tuple of ndarray
        ``svd(D)``.

    Raises
    ------
    ValueError
        If a column is constant with an intercept (or all zeros without),
        if there are fewer rows than coefficients, or if the columns are
        linearly dependent (the coefficients would not be unique).

    See Also
    --------
    linear_regression, logistic_regression : The callers.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._models import _design
    >>> _design(np.array([[1.0, 2.0], [1.0, 3.0]]), np.zeros(2), True)
    Traceback (most recent call last):
    ...
    ValueError: X[:, 0] is constant: with fit_intercept=True it duplicates the intercept, ...
    """
    X = as_array(X, "X", ndim=2)
    y = as_array(y, "y", ndim=1)
    check_length(y, X.shape[0], "y", "one entry per row of X")
    n, p = X.shape
    if fit_intercept:
        constant = np.flatnonzero(np.ptp(X, axis=0) == 0)
        if constant.size:
            raise ValueError(
                f"X[:, {constant[0]}] is constant: with fit_intercept=True it duplicates the intercept, "
                "so the coefficients are not unique; drop the column (or pass fit_intercept=False)"
            )
    else:
        zero = np.flatnonzero(~np.any(X, axis=0))
        if zero.size:
            raise ValueError(
                f"X[:, {zero[0]}] is all zeros, so its coefficient is not determined; drop the column"
            )
    needed = p + fit_intercept
    if n < needed:
        raise ValueError(
            f"X has {n} rows, fewer than the {needed} coefficients to fit, so they are not unique; "
            "collect more samples or use fewer features"
        )
    D, e = _scaled(X)
    shift = np.zeros(p)
    if fit_intercept:
        mu, D = _centered(D)
        shift = np.ldexp(mu, e)
        D, e2 = _scaled(D)  # centering may have shrunk a column (a large mean, a small spread): rescale
        e = e + e2
    U, s, Vt = svd(D)
    rank = int(np.count_nonzero(s > max(n, p) * EPS * s[0]))
    if rank < p:
        centered = " after centering" if fit_intercept else ""
        raise ValueError(
            f"the columns of X are linearly dependent{centered} (rank {rank} < {p} columns), so the "
            "coefficients are not unique; drop the redundant columns"
        )
    return X, y, D, shift, e, (U, s, Vt)


@set_module("mlmath_ref.stats")
def linear_regression(X, y, fit_intercept=True):
    r"""Fit a linear model by least squares: the weights whose predictions are closest to the targets.

    The predictions :math:`X\mathbf{w} + b` of all linear models form a
    subspace; least squares picks the point of that subspace nearest to
    the vector of targets, its orthogonal projection. It is also the
    maximum-likelihood fit when the targets carry independent Gaussian
    noise, which is where the squared error comes from. Concept page:
    :ref:`concept-linear-regression`.

    Parameters
    ----------
    X : array_like of shape (n, p)
        The features, one row per sample (a matrix even for one feature:
        ``x[:, None]``).
    y : array_like of shape (n,)
        The targets.
    fit_intercept : bool, default=True
        Fit an intercept :math:`b`; without, :math:`b = 0`.

    Returns
    -------
    w : ndarray of shape (p,)
        The weights.
    b : float
        The intercept (0.0 when `fit_intercept` is False).

    Raises
    ------
    TypeError
        If `X` or `y` is not real and numeric, or `fit_intercept` is not a
        bool.
    ValueError
        If `X` is not a finite non-empty matrix, `y` is not a finite vector
        with one entry per row, a column is constant with an intercept (it
        duplicates the intercept) or all zeros without, there are fewer
        rows than coefficients, or the columns are linearly dependent: in
        each case the least-squares coefficients are not unique.
    OverflowError
        If a coefficient is beyond the largest float64.

    See Also
    --------
    logistic_regression : The linear model for 0/1 targets.
    mlmath_ref.linalg.project : Orthogonal projection, the geometry of least squares.
    numpy.linalg.lstsq : NumPy's least squares, minimum-norm when not unique.

    Notes
    -----
    .. math::

        (\mathbf{w}, b) = \operatorname*{arg\,min}_{\mathbf{w}, b}
            \sum_{i=1}^n \bigl(y_i - \mathbf{x}_i^\top \mathbf{w} - b\bigr)^2,
        \qquad
        \mathbf{w} = (X_c^\top X_c)^{-1} X_c^\top \mathbf{y}_c,
        \quad b = \bar y - \bar{\mathbf{x}}^\top \mathbf{w}

    with :math:`X_c` and :math:`\mathbf{y}_c` centered (with an intercept;
    without, :math:`X` and :math:`\mathbf{y}` themselves). The normal
    equations are never formed, because they square the condition number.
    Each column is centered and scaled by a power of two to size about 1
    (so the units of a feature do not matter), then
    :math:`X_c = U \Sigma V^\top` by :func:`mlmath_ref.linalg.svd` and
    :math:`\mathbf{w} = V \Sigma^{-1} U^\top \mathbf{y}_c`, scaled back.
    The columns count as dependent when the smallest singular value of the
    scaled matrix is at most :math:`\max(n, p)\,\varepsilon` times the
    largest, NumPy's rank rule. Then no unique answer exists and the
    function refuses, where ``numpy.linalg.lstsq`` returns the
    minimum-norm solution and scikit-learn's ``LinearRegression`` one of
    the solutions: a constant feature is the common case, as it carries
    the same information as the intercept.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import linear_regression
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> y = X @ np.array([3.0, -1.0]) + 0.5
    >>> w, b = linear_regression(X, y)
    >>> w.round(10), round(b, 10)
    (array([ 3., -1.]), 0.5)
    >>> linear_regression(X, y, fit_intercept=False)[0].round(3)    # forced through 0: a worse fit
    array([ 3.167, -0.667])
    >>> linear_regression(np.c_[X, np.ones(4)], y)
    Traceback (most recent call last):
    ...
    ValueError: X[:, 2] is constant: with fit_intercept=True it duplicates the intercept, ...
    """
    fit_intercept = _check_fit_intercept(fit_intercept)
    X, y, D, shift, e, (U, s, Vt) = _design(X, y, fit_intercept)
    ys, ey = _scaled(y)
    if fit_intercept:
        ys_mean, ys = _centered(ys)
    w_scaled = Vt.T @ ((U.T @ ys) / s)
    w = _unscale(w_scaled, ey - e, "a weight of the fit")
    if not fit_intercept:
        return w, 0.0
    b = float(_unscale(np.array([ys_mean]), ey, "the intercept")[0]) - float(shift @ w)
    if not np.isfinite(b):
        raise OverflowError("the intercept of the fit is beyond the largest float64; rescale the data")
    return w, b


def _cross_entropy(F, y, theta):
    r"""The mean cross-entropy of the model :math:`\sigma(F\theta)` on labels `y`, its gradient and Hessian.

    Parameters
    ----------
    F : ndarray of shape (n, q)
        The design matrix (features, and a column of ones for an intercept).
    y : ndarray of shape (n,)
        The labels, 0 or 1.
    theta : ndarray of shape (q,)
        The parameters.

    Returns
    -------
    loss : float
        :math:`L = \frac1n \sum_i \log(1 + e^{-s_i z_i})` with
        :math:`z = F\theta` and :math:`s_i = 2y_i - 1`, by ``np.logaddexp``,
        which neither overflows nor loses the small losses of confident
        right answers.
    grad : ndarray of shape (q,)
        :math:`\nabla L = \frac1n F^\top (\sigma(z) - y)`.
    hess : ndarray of shape (q, q)
        :math:`\nabla^2 L = \frac1n F^\top \operatorname{diag}(\sigma(z)(1 - \sigma(z)))\, F`.

    See Also
    --------
    logistic_regression : The caller.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._models import _cross_entropy
    >>> loss, grad, hess = _cross_entropy(np.ones((2, 1)), np.array([0.0, 1.0]), np.zeros(1))
    >>> round(loss, 6), grad, hess                    # log 2, a balanced gradient, curvature 1/4
    (0.693147, array([0.]), array([[0.25]]))
    """
    n = F.shape[0]
    z = F @ theta
    loss = float(np.mean(np.logaddexp(0.0, np.where(y == 1, -z, z))))
    p = np.exp(-np.logaddexp(0.0, -z))  # sigma(z) = 1 / (1 + e^-z), without overflow
    grad = F.T @ (p - y) / n
    hess = (F * (p * (1 - p))[:, None]).T @ F / n
    return loss, grad, hess


def _newton_fit(F, y, num_steps):
    """Minimize the mean cross-entropy by Newton's method with step halving; see ``logistic_regression``.

    Parameters
    ----------
    F : ndarray of shape (n, q)
        The design matrix, with full column rank.
    y : ndarray of shape (n,)
        The labels, 0 and 1.
    num_steps : int
        The largest number of Newton steps.

    Returns
    -------
    theta : ndarray of shape (q,)
        The parameters at convergence.
    converged : bool
        Whether the Newton decrement fell below its tolerance.

    See Also
    --------
    mlmath_ref.optimize.newton : Each step's direction.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats._models import _newton_fit
    >>> F = np.c_[np.array([-1.0, 0.0, 1.0, 2.0]), np.ones(4)]
    >>> theta, converged = _newton_fit(F, np.array([0.0, 1.0, 0.0, 1.0]), 50)
    >>> theta.round(6), converged
    (array([ 0.908184, -0.454092]), True)
    """
    theta = np.zeros(F.shape[1])

    def grad(t):
        return _cross_entropy(F, y, t)[1]

    def hess(t):
        return _cross_entropy(F, y, t)[2]

    for _ in range(num_steps):
        loss, g, _ = _cross_entropy(F, y, theta)
        try:
            d = newton(grad, hess, theta, 1)[-1] - theta  # the full Newton step
        except ValueError:  # a singular Hessian or an overflow: the weights are running off (separable data)
            return theta, False
        decrement = float(-g @ d)  # g^T H^-1 g: twice the decrease the quadratic model predicts
        if decrement <= _CONVERGED:
            return theta + d, True
        step = 1.0
        if decrement > _FULL_STEP:  # far from the minimum: halve until the loss drops enough (Armijo)
            while _cross_entropy(F, y, theta + step * d)[0] > loss - 1e-4 * step * decrement and step > 1e-9:
                step /= 2
        theta = theta + step * d
    return theta, False


@set_module("mlmath_ref.stats")
def logistic_regression(X, y, fit_intercept=True, optimizer=None, num_steps=None):
    r"""Fit a logistic regression: the linear classifier whose probabilities best explain the labels.

    The model predicts :math:`P(y = 1 \mid \mathbf{x}) = \sigma(\mathbf{x}^\top
    \mathbf{w} + b)` with the sigmoid :math:`\sigma(z) = 1/(1 + e^{-z})`:
    one neuron. Maximizing the likelihood of the observed labels is the
    same as minimizing the cross-entropy loss, and this function does it
    with the package's own optimizers: Newton's method by default, or any
    of :class:`~mlmath_ref.optimize.SGD`, :class:`~mlmath_ref.optimize.RMSProp`
    and :class:`~mlmath_ref.optimize.Adam`, as a network would be trained.
    Concept page: :ref:`concept-logistic-regression`.

    Parameters
    ----------
    X : array_like of shape (n, p)
        The features, one row per sample.
    y : array_like of shape (n,)
        The labels, each 0 or 1, both present.
    fit_intercept : bool, default=True
        Fit an intercept :math:`b`; without, :math:`b = 0`.
    optimizer : SGD, RMSProp, Adam or None, default=None
        None: Newton's method, run to convergence (the maximum-likelihood
        fit). An optimizer (new, not yet stepped): that many full-batch
        steps of it on the raw features, from zero weights.
    num_steps : int, optional
        The number of steps of `optimizer`, default 1000; with Newton's
        method, the most steps allowed, default 100.

    Returns
    -------
    w : ndarray of shape (p,)
        The weights.
    b : float
        The intercept (0.0 when `fit_intercept` is False).

    Raises
    ------
    TypeError
        If `X` or `y` is not real and numeric, `fit_intercept` is not a
        bool, `optimizer` has no ``step`` method, or `num_steps` is not an
        integer.
    ValueError
        If `y` holds a value other than 0 and 1 or only one of them, `X`
        and `y` do not match, a column is constant with an intercept, the
        columns are linearly dependent or fewer than the coefficients
        (as for :func:`linear_regression`), `num_steps` is not positive;
        with Newton's method, if the classes are linearly separable (no
        maximum-likelihood fit exists) or the method does not converge in
        `num_steps` steps.

    See Also
    --------
    linear_regression : Least squares for real-valued targets.
    mlmath_ref.optimize.newton : The Newton steps.
    mlmath_ref.optimize.Adam : A first-order alternative.

    Notes
    -----
    With :math:`z_i = \mathbf{x}_i^\top\mathbf{w} + b` and
    :math:`p_i = \sigma(z_i)`, the loss is the mean cross-entropy

    .. math::

        L(\mathbf{w}, b) = -\frac1n \sum_{i=1}^n
            \bigl[y_i \log p_i + (1 - y_i)\log(1 - p_i)\bigr],
        \qquad
        \nabla_{\mathbf{w}} L = \frac1n X^\top(\mathbf{p} - \mathbf{y}),
        \quad
        \frac{\partial L}{\partial b} = \frac1n \sum_i (p_i - y_i).

    It is convex, with Hessian
    :math:`\frac1n \tilde X^\top \operatorname{diag}(p_i(1 - p_i))\,\tilde X`
    (:math:`\tilde X` with a column of ones for :math:`b`). By default
    each step's direction is a step of :func:`mlmath_ref.optimize.newton`
    on :math:`L`, on the centered and scaled features (Newton's method
    does not depend on the scale of the coordinates; the numbers do); the
    step is halved until the loss decreases enough (Armijo's rule) while
    far from the minimum. It stops when the Newton decrement
    :math:`\nabla L^\top (\nabla^2 L)^{-1} \nabla L` falls below
    :math:`10^{-20}`: the fit is then the maximum-likelihood one to about
    the precision of the loss, and agrees with scikit-learn's
    ``LogisticRegression(C=np.inf)`` (which has no penalty then). When a
    hyperplane puts every 1 on one side and every 0 on the other, the loss
    keeps decreasing as the weights grow without bound and no fit exists:
    the function raises rather than return huge weights. With an
    optimizer, the result is simply where `num_steps` full-batch steps of
    it lead, as in training; its ``weight_decay`` adds the penalty of a
    Gaussian prior, which also makes separable data fine.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import logistic_regression
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    >>> y = np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    >>> w, b = logistic_regression(X, y)
    >>> w.round(4), round(b, 4), round(float(-b / w[0]), 4)    # the boundary sits at x = 2.5
    (array([1.214]), -3.0351, 2.5)
    >>> from mlmath_ref.optimize import Adam
    >>> w, b = logistic_regression(X, y, optimizer=Adam(learning_rate=0.1), num_steps=2000)
    >>> w.round(4), round(b, 4)                                # Adam gets there too
    (array([1.214]), -3.0351)
    >>> logistic_regression(X, [0, 0, 1, 0, 1, 1.5])
    Traceback (most recent call last):
    ...
    ValueError: y must hold class labels 0 and 1, got 1.5 at index 5
    >>> logistic_regression(X, [0, 0, 0, 1, 1, 1])
    Traceback (most recent call last):
    ...
    ValueError: the classes are linearly separable (a hyperplane puts every 1 on one side and every 0 on ...
    """
    fit_intercept = _check_fit_intercept(fit_intercept)
    y = as_array(y, "y", ndim=1)
    bad = np.flatnonzero((y != 0) & (y != 1))
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"y must hold class labels 0 and 1, got {float(y[i])!r} at index {i}")
    if np.all(y == y[0]):
        raise ValueError(
            f"y must contain both classes 0 and 1, got only {int(y[0])}s: the likelihood keeps growing "
            "as the intercept goes to infinity"
        )
    if optimizer is not None and not callable(getattr(optimizer, "step", None)):
        raise TypeError(
            f"optimizer must be None or an optimizer with a step method (SGD, RMSProp, Adam), "
            f"got {type(optimizer).__name__}"
        )
    if num_steps is None:
        num_steps = _NEWTON_STEPS if optimizer is None else _FIRST_ORDER_STEPS
    check_positive(num_steps, "num_steps", integer=True)
    X, y, D, shift, e, _ = _design(X, y, fit_intercept)
    n, p = X.shape
    if optimizer is not None:
        return _first_order_fit(X, y, fit_intercept, optimizer, int(num_steps))
    F = np.c_[D, np.ones(n)] if fit_intercept else D
    theta, converged = _newton_fit(F, y, int(num_steps))
    z = F @ theta
    if np.all((z > 0) == (y == 1)):
        raise ValueError(
            "the classes are linearly separable (a hyperplane puts every 1 on one side and every 0 on "
            "the other): the likelihood keeps growing with the weights and no maximum-likelihood fit "
            "exists; use an optimizer with weight_decay for a regularized fit"
        )
    if not converged:
        raise ValueError(
            f"Newton's method did not converge in num_steps={num_steps} steps; the classes may be "
            "nearly separable (then the weights are very large): pass a larger num_steps"
        )
    w = _unscale(theta[:p], -e, "a weight of the fit")
    b = float(theta[p] - shift @ w) if fit_intercept else 0.0
    return w, b


def _first_order_fit(X, y, fit_intercept, optimizer, num_steps):
    # Full-batch training from zero: the gradient of the mean cross-entropy, one optimizer step at a time.
    n, p = X.shape
    w, b = np.zeros(p), np.zeros(1)
    params = [w, b] if fit_intercept else [w]
    for _ in range(num_steps):
        z = X @ w + b[0]
        r = np.exp(-np.logaddexp(0.0, -z)) - y  # sigma(z) - y
        grads = [X.T @ r / n, np.array([np.mean(r)])]
        optimizer.step(params, grads[: len(params)])
    return w, float(b[0])


@set_module("mlmath_ref.stats")
def pca(X, n_components):
    r"""Find the principal components of a data set: the directions along which it varies most.

    The first principal component is the direction in which the centered
    data spread the most; each next one the direction of most remaining
    spread, at right angles to those before. Projecting onto the first few
    keeps as much of the variance as any projection of that dimension can:
    a way to compress features or to draw high-dimensional data in 2-D.
    Concept page: :ref:`concept-pca`.

    Parameters
    ----------
    X : array_like of shape (n, p)
        The data, one row per sample, at least 2 rows.
    n_components : int
        The number :math:`k` of components, from 1 to :math:`\min(n, p)`.

    Returns
    -------
    components : ndarray of shape (n_components, p)
        The principal directions, as orthonormal rows, in order of
        decreasing variance.
    explained_variance : ndarray of shape (n_components,)
        The variance of the data along each component (with :math:`n - 1`
        in the denominator), decreasing.

    Raises
    ------
    TypeError
        If `X` is not real and numeric or `n_components` not an integer.
    ValueError
        If `X` is not a finite matrix of at least 2 rows, every feature is
        constant (no direction has any variance), or `n_components` is not
        between 1 and :math:`\min(n, p)`.
    OverflowError
        If a variance is beyond the largest float64.

    See Also
    --------
    covariance_matrix : Whose eigenvectors these components are.
    mlmath_ref.linalg.svd : The decomposition that computes them.

    Notes
    -----
    With :math:`X_c` the centered data and :math:`X_c = U\Sigma V^\top` its
    singular value decomposition, the components are the first :math:`k`
    rows of :math:`V^\top`, the eigenvectors of the covariance matrix
    :math:`S = X_c^\top X_c / (n-1)`, and the explained variances are its
    eigenvalues :math:`\sigma_i^2 / (n - 1)`. The SVD is used rather than
    an eigendecomposition of :math:`S`, because forming :math:`S` squares
    the condition number. The scores (coordinates of the samples on the
    components) are :math:`X_c V_k = U_k \Sigma_k`:
    ``(X - mean(X)) @ components.T``. A component is defined up to sign;
    the sign is the one for which the sample with the largest score in
    magnitude has a positive score (the convention of
    :func:`mlmath_ref.linalg.svd` for :math:`U`, and scikit-learn's in its
    older versions; its current ``PCA`` makes the largest entry of each
    component positive instead). The whole matrix is scaled by one power of two
    (PCA depends on the relative scales of the features, so they are kept).
    A constant feature has no variance: it gets weight exactly 0 in every
    component of non-zero variance. Components beyond the rank of
    :math:`X_c` have variance 0 and are an arbitrary orthonormal
    completion. scikit-learn's ``PCA`` computes the same components and
    variances.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.stats import pca
    >>> X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.5]])   # nearly along (1, 1)
    >>> components, variance = pca(X, 2)
    >>> components.round(3), variance.round(4)
    (array([[ 0.654,  0.757],
           [ 0.757, -0.654]]), array([3.8851, 0.0107]))
    >>> pca([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]], 1)[0]     # a constant feature gets weight 0
    array([[1., 0.]])
    >>> pca(X, 3)
    Traceback (most recent call last):
    ...
    ValueError: n_components must be between 1 and min(n, p) = 2, got 3
    """
    X = as_array(X, "X", ndim=2)
    n, p = X.shape
    if n < 2:
        raise ValueError(f"X must have at least 2 rows to have a variance, got {n}")
    check_positive(n_components, "n_components", integer=True)
    if n_components > min(n, p):
        raise ValueError(f"n_components must be between 1 and min(n, p) = {min(n, p)}, got {n_components}")
    _, e = np.frexp(np.max(np.abs(X)))
    _, D = _centered(np.ldexp(X, -e))
    if not np.any(D):
        raise ValueError("every feature of X is constant: no direction has any variance")
    _, s, Vt = svd(D)
    k = int(n_components)
    variance = _unscale(s[:k] ** 2 / (n - 1), 2 * e, "a variance of X")
    return Vt[:k].copy(), variance
