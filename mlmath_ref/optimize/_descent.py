r"""Descent methods that return their whole path: gradient descent and Newton's method; minibatches.

Both methods take the user's derivatives as functions, call them on a copy
of the current point, and check what comes back, so that a gradient of the
wrong shape, ``None`` (a forgotten ``return``) or a complex number is
caught at the step where it happens, with the function named.

See Also
--------
mlmath_ref.optimize : The package that re-exports these functions.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.optimize import newton
>>> newton(lambda x: 2 * x - 2, lambda x: 2 * np.eye(1), np.array([5.0]), 1)[-1]
array([1.])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, check_callable, check_positive, set_module
from mlmath_ref.linalg import solve

__all__ = ["gradient_descent", "minibatches", "newton"]


def _call(fn, name, x, k, shape, func, hint):
    """Call the user's function `fn` on a copy of the iterate :math:`x_k` and check what it returns.

    Parameters
    ----------
    fn : callable
        The user's gradient or Hessian.
    name : str
        Its argument name (``"grad"`` or ``"hess"``), used in every message.
    x : ndarray of shape (n,)
        The iterate :math:`x_k`; `fn` gets a copy, so it cannot change the path.
    k : int
        The step number, shown as ``x_k`` in messages.
    shape : tuple of int
        The shape `fn` must return.
    func : str
        The public function calling, which starts every message.
    hint : str
        What to try when `fn` returns NaN or infinity.

    Returns
    -------
    ndarray
        ``fn(x)`` as a finite float64 array of shape `shape`.

    Raises
    ------
    TypeError
        If `fn` returns None or something that is not a real number array.
    ValueError
        If it returns the wrong shape, NaN or infinity.

    See Also
    --------
    gradient_descent, newton : The callers.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize._descent import _call
    >>> _call(lambda x: 2 * x, "grad", np.ones(2), 0, (2,), "gradient_descent", "")
    array([2., 2.])
    >>> _call(lambda x: None, "grad", np.ones(2), 3, (2,), "gradient_descent", "")
    Traceback (most recent call last):
    ...
    TypeError: gradient_descent: grad(x_3) returned None; grad must return an array of shape (2,) ...
    """
    label = f"{name}(x_{k})"
    value = fn(x.copy())
    if value is None:
        raise TypeError(
            f"{func}: {label} returned None; {name} must return an array of shape {shape} "
            "(is a return statement missing?)"
        )
    value = as_array(value, f"{func}: {label}", finite=False, allow_empty=True)
    if value.shape != shape:
        raise ValueError(
            f"{func}: {name} must return an array of shape {shape}, but {label} has shape {value.shape}"
        )
    if not np.all(np.isfinite(value)):
        raise ValueError(f"{func}: {label} has NaN or infinite entries at x_{k} = {x}; {hint}")
    return value


def _start(x0, num_steps):
    # The first row of the path, checked, and room for the rest.
    x0 = as_array(x0, "x0", ndim=1)
    check_positive(num_steps, "num_steps", integer=True, allow_zero=True)
    path = np.empty((num_steps + 1, x0.size))
    path[0] = x0
    return path


def _check_overflow(x_next, k, func, hint):
    # The step itself can overflow even when the gradient is finite.
    if not np.all(np.isfinite(x_next)):
        raise ValueError(f"{func}: the iterates overflowed at step {k + 1} (x_{k + 1} is not finite); {hint}")


@set_module("mlmath_ref.optimize")
def gradient_descent(grad, x0, learning_rate, num_steps):
    r"""Minimize a function by repeated steps against its gradient; return the whole path.

    The gradient points uphill, so a small step the other way lowers the
    function: :math:`x_{k+1} = x_k - \eta \nabla f(x_k)`. This is how every
    model is trained. Whether the path settles, oscillates or flies off is
    decided by the learning rate :math:`\eta` against the curvature of
    :math:`f`. Concept pages: :ref:`concept-gradient-descent`,
    :ref:`concept-learning-rate`.

    Parameters
    ----------
    grad : callable
        The gradient :math:`\nabla f`: called with a vector of shape
        ``(n,)`` (a copy of the current point), it must return a real vector
        of the same shape.
    x0 : array_like of shape (n,)
        The starting point :math:`x_0`; a vector even when :math:`n = 1`.
    learning_rate : float
        The step size :math:`\eta`, positive.
    num_steps : int
        The number of steps, at least 0.

    Returns
    -------
    ndarray of shape (num_steps + 1, n)
        The path: row :math:`k` is :math:`x_k`, row 0 is `x0`.

    Raises
    ------
    TypeError
        If `grad` is not callable or returns None or something that is not a
        real array, if `x0` is not numeric, `learning_rate` is not a real
        number or `num_steps` is not an integer.
    ValueError
        If `x0` is not a finite vector, `learning_rate` is not positive and
        finite, `num_steps` is negative, `grad` returns the wrong shape, NaN
        or infinity, or the iterates overflow (the path diverges).

    See Also
    --------
    newton : Uses the curvature too.
    SGD : The same step on a list of parameter arrays, with momentum.

    Notes
    -----
    .. math:: x_{k+1} = x_k - \eta\, \nabla f(x_k), \qquad k = 0, 1, \dots

    On a quadratic :math:`f(x) = \tfrac12 x^\top A x` with :math:`A`
    symmetric positive definite, :math:`\nabla f(x) = Ax` and
    :math:`x_{k+1} = (I - \eta A)\, x_k`: along the eigenvector of
    eigenvalue :math:`\lambda` the coordinate is multiplied by
    :math:`1 - \eta\lambda` at every step. The path converges when
    :math:`|1 - \eta\lambda| < 1` for every eigenvalue, that is when
    :math:`\eta < 2/\lambda_{\max}`; it oscillates when
    :math:`1/\lambda_{\max} < \eta < 2/\lambda_{\max}` and diverges beyond.
    The function stops with an error when the path overflows rather than
    return infinities. SciPy has no plain gradient descent;
    ``scipy.optimize.minimize`` runs quasi-Newton methods with line
    searches.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize import gradient_descent
    >>> A = np.diag([1.0, 10.0])                       # curvatures 1 and 10
    >>> path = gradient_descent(lambda x: A @ x, [1.0, 1.0], learning_rate=0.1, num_steps=50)
    >>> path.shape
    (51, 2)
    >>> path[-1].round(4)                              # 0.9^50 along the flat direction
    array([0.0052, 0.    ])
    >>> path = gradient_descent(lambda x: A @ x, [1.0, 1.0], learning_rate=0.21, num_steps=3)
    >>> path[:, 1].round(3)                            # eta > 2/10: the steep direction diverges
    array([ 1.   , -1.1  ,  1.21 , -1.331])
    >>> gradient_descent(lambda x: x[0], [1.0, 1.0], learning_rate=0.1, num_steps=1)
    Traceback (most recent call last):
    ...
    ValueError: gradient_descent: grad must return an array of shape (2,), but grad(x_0) has shape ()
    """
    check_callable(grad, "grad", "gradient_descent")
    path = _start(x0, num_steps)
    check_positive(learning_rate, "learning_rate")
    hint = "the path may be diverging: try a smaller learning_rate"
    for k in range(num_steps):
        g = _call(grad, "grad", path[k], k, path[k].shape, "gradient_descent", hint)
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported just below
            path[k + 1] = path[k] - learning_rate * g
        _check_overflow(path[k + 1], k, "gradient_descent", hint)
    return path


@set_module("mlmath_ref.optimize")
def newton(grad, hess, x0, num_steps):
    r"""Minimize a function with Newton's method: jump to the minimum of the local quadratic model.

    Near :math:`x_k` the function looks like its second-order Taylor
    polynomial, a bowl whose bottom is found by solving one linear system
    with the Hessian. Newton's method jumps there, so it uses the curvature
    that gradient descent ignores: on a quadratic it lands on the minimum in
    one step, whatever the conditioning. Concept page:
    :ref:`concept-newtons-method`.

    Parameters
    ----------
    grad : callable
        The gradient :math:`\nabla f`: called with a vector of shape
        ``(n,)``, it must return a real vector of the same shape.
    hess : callable
        The Hessian :math:`\nabla^2 f`: called with a vector of shape
        ``(n,)``, it must return a real matrix of shape ``(n, n)``.
    x0 : array_like of shape (n,)
        The starting point :math:`x_0`.
    num_steps : int
        The number of steps, at least 0.

    Returns
    -------
    ndarray of shape (num_steps + 1, n)
        The path: row :math:`k` is :math:`x_k`, row 0 is `x0`.

    Raises
    ------
    TypeError
        If `grad` or `hess` is not callable or returns None or something
        that is not a real array, if `x0` is not numeric or `num_steps` is
        not an integer.
    ValueError
        If `x0` is not a finite vector, `num_steps` is negative, `grad` or
        `hess` returns the wrong shape, NaN or infinity, or the iterates
        overflow.
    numpy.linalg.LinAlgError
        If the Hessian at some iterate is singular, so that the Newton step
        is not defined.

    See Also
    --------
    gradient_descent : First order: the gradient only.
    mlmath_ref.multivariate.hessian : A Hessian by finite differences.
    mlmath_ref.linalg.solve : Solves the Newton system.

    Notes
    -----
    .. math::

        x_{k+1} = x_k - \bigl[\nabla^2 f(x_k)\bigr]^{-1} \nabla f(x_k)

    The step :math:`d_k` is the solution of
    :math:`\nabla^2 f(x_k)\, d_k = \nabla f(x_k)`, computed by
    :func:`mlmath_ref.linalg.solve` (Gaussian elimination; the inverse is
    never formed). It minimizes the model
    :math:`f(x_k) - \nabla f(x_k)^\top d + \tfrac12 d^\top \nabla^2 f(x_k)\, d`
    when the Hessian is positive definite. Near a minimum with a positive
    definite Hessian the error is squared at each step (the number of
    correct digits doubles). The method looks for a point where the
    gradient vanishes, so it is drawn to maxima and saddle points as
    readily as to minima, and far from the solution a full step may
    overshoot. This is the plain method, with no line search or trust
    region; ``scipy.optimize.minimize(method="Newton-CG")`` adds both.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize import newton
    >>> A = np.array([[1.0, 0.0], [0.0, 100.0]])      # a narrow ravine
    >>> newton(lambda x: A @ x, lambda x: A, [1.0, 1.0], 2)   # one step to the bottom
    array([[1., 1.],
           [0., 0.],
           [0., 0.]])
    >>> # f(x) = x^3 has no minimum: Newton walks to its inflection point at 0 all the same
    >>> newton(lambda x: 3 * x**2, lambda x: np.diag(6 * x), [1.0], 3).ravel()
    array([1.   , 0.5  , 0.25 , 0.125])
    >>> newton(lambda x: 2 * x, lambda x: np.zeros((1, 1)), [1.0], 1)
    Traceback (most recent call last):
    ...
    numpy.linalg.LinAlgError: newton: hess(x_0) is singular: no Newton step at x_0 = [1.] (f has a ...)
    """
    check_callable(grad, "grad", "newton")
    check_callable(hess, "hess", "newton")
    path = _start(x0, num_steps)
    n = path.shape[1]
    hint = "the path may be diverging: Newton's method is only reliable near a minimum"
    for k in range(num_steps):
        x = path[k]
        g = _call(grad, "grad", x, k, (n,), "newton", hint)
        H = _call(hess, "hess", x, k, (n, n), "newton", hint)
        try:
            d = solve(H, g)
        except np.linalg.LinAlgError:
            raise np.linalg.LinAlgError(
                f"newton: hess(x_{k}) is singular: no Newton step at x_{k} = {x} "
                "(f has a flat direction there)"
            ) from None
        with np.errstate(over="ignore", invalid="ignore"):
            path[k + 1] = x - d
        _check_overflow(path[k + 1], k, "newton", hint)
    return path


@set_module("mlmath_ref.optimize")
def minibatches(n, batch_size, rng):
    r"""Shuffle the indices :math:`0, \dots, n-1` and cut them into batches: one epoch of SGD.

    Stochastic gradient descent estimates the gradient of the training loss
    on a small random batch of examples at each step. Drawing the batches
    from one random permutation makes every example appear exactly once per
    pass over the data (an *epoch*). Concept page:
    :ref:`concept-stochastic-gradient-descent`.

    Parameters
    ----------
    n : int
        The number of examples, positive.
    batch_size : int
        The number of indices in each batch, positive.
    rng : numpy.random.Generator
        The source of randomness, such as ``np.random.default_rng(0)``; it
        is advanced by one permutation, so calling again gives the next
        epoch's batches.

    Returns
    -------
    list of ndarray of int
        :math:`\lceil n / \text{batch\_size} \rceil` index arrays. All have
        `batch_size` entries except the last, which has the
        :math:`n \bmod \text{batch\_size}` indices left over when that is not
        zero. Together they hold every index exactly once.

    Raises
    ------
    TypeError
        If `n` or `batch_size` is not an integer, or `rng` is not a NumPy
        ``Generator``.
    ValueError
        If `n` or `batch_size` is not positive.

    See Also
    --------
    SGD : The optimizer that consumes the batches' gradients.
    numpy.random.Generator.permutation : The shuffle.

    Notes
    -----
    The batches are consecutive slices of ``rng.permutation(n)``: batch
    :math:`j` holds entries :math:`j b, \dots, \min((j+1) b, n) - 1` of
    the permutation, with :math:`b` the batch size. The smaller last batch
    is kept, as PyTorch's ``DataLoader`` does by default
    (``drop_last=False``): dropping it would leave some examples out of
    every epoch whose permutation puts them last. A batch larger than
    :math:`n` gives one batch of all the indices.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize import minibatches
    >>> rng = np.random.default_rng(0)
    >>> batches = minibatches(10, 4, rng)
    >>> [len(b) for b in batches]              # the last batch holds the 10 mod 4 = 2 left over
    [4, 4, 2]
    >>> sorted(np.concatenate(batches).tolist()) == list(range(10))
    True
    >>> minibatches(10, 4, 0)
    Traceback (most recent call last):
    ...
    TypeError: rng must be a numpy.random.Generator such as np.random.default_rng(0), got int
    """
    check_positive(n, "n", integer=True)
    check_positive(batch_size, "batch_size", integer=True)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator such as np.random.default_rng(0), got {type(rng).__name__}"
        )
    order = rng.permutation(int(n))
    return [order[i : i + batch_size] for i in range(0, int(n), int(batch_size))]
