r"""The optimizers that train networks: SGD with momentum, RMSProp and Adam, as PyTorch runs them.

Each optimizer keeps a state per parameter array (a velocity, running
averages of the gradient and of its square) and updates the arrays in
place at each ``step(params, grads)``. The update rules, the defaults and
the order of the operations are those of PyTorch's ``torch.optim`` (the
single-tensor code path), so that a reader who runs the same steps in the
framework gets the same numbers, up to rounding.

See Also
--------
mlmath_ref.optimize : The package that re-exports these classes.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.optimize import SGD
>>> w = np.array([1.0, -2.0])
>>> SGD(learning_rate=0.1).step([w], [2 * w])       # one step on f(w) = |w|^2
>>> w
array([ 0.8, -1.6])
"""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, check_positive, is_real_number, set_module

__all__ = ["SGD", "Adam", "RMSProp"]


def _check_fraction(value, name):
    """Return `value` as a float if it is a real number in :math:`[0, 1)`.

    Parameters
    ----------
    value : object
        A momentum or averaging coefficient as the caller gave it.
    name : str
        Its name, used in the message.

    Returns
    -------
    float
        `value`.

    Raises
    ------
    TypeError
        If `value` is not a real number.
    ValueError
        If it is outside :math:`[0, 1)`.

    See Also
    --------
    SGD, RMSProp, Adam : The callers.

    Examples
    --------
    >>> from mlmath_ref.optimize._optimizers import _check_fraction
    >>> _check_fraction(0.9, "momentum")
    0.9
    >>> _check_fraction(1.0, "momentum")
    Traceback (most recent call last):
    ...
    ValueError: momentum must be in [0, 1), got 1.0
    """
    if not is_real_number(value):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")
    return float(value)


def _check_step(params, grads, shapes):
    """Check the arguments of ``step(params, grads)``; return the gradients as float64 arrays.

    Parameters
    ----------
    params : object
        Should be a list (or tuple) of writeable, finite, floating-point NumPy
        arrays.
    grads : object
        Should be a list of finite arrays, ``grads[i]`` of the shape of
        ``params[i]``.
    shapes : list of tuple or None
        The shapes of the parameters of the optimizer's first step, which
        its state was made for; None before the first step.

    Returns
    -------
    list of ndarray
        The gradients, as float64 arrays.

    Raises
    ------
    TypeError
        If `params` or `grads` is not a list or tuple (a single array is
        refused, not iterated over), a parameter is not a floating-point
        NumPy array, or a gradient is not real and numeric.
    ValueError
        If `params` is empty, the two lists differ in length, a parameter is
        read-only or not finite, a gradient's shape differs from its
        parameter's or holds NaN or infinity, or the parameters' shapes
        differ from the first step's.

    See Also
    --------
    SGD.step, RMSProp.step, Adam.step : The callers.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize._optimizers import _check_step
    >>> _check_step([np.zeros(2)], [[1, 2]], None)
    [array([1., 2.])]
    >>> _check_step([np.zeros(2)], [np.ones(2), np.ones(2)], None)
    Traceback (most recent call last):
    ...
    ValueError: params and grads must have the same length, one gradient per parameter, got 1 and 2
    """
    for name, items in (("params", params), ("grads", grads)):
        if not isinstance(items, (list, tuple)):
            hint = " (wrap a single array in a list: [w])" if isinstance(items, np.ndarray) else ""
            raise TypeError(f"{name} must be a list of NumPy arrays, got {type(items).__name__}{hint}")
    if len(params) == 0:
        raise ValueError("params must hold at least one array, got an empty list")
    if len(grads) != len(params):
        raise ValueError(
            "params and grads must have the same length, one gradient per parameter, "
            f"got {len(params)} and {len(grads)}"
        )
    for i, p in enumerate(params):
        if not isinstance(p, np.ndarray):
            raise TypeError(
                f"params[{i}] must be a NumPy array (it is updated in place), got {type(p).__name__}"
            )
        if not np.issubdtype(p.dtype, np.floating):
            raise TypeError(
                f"params[{i}] must have a floating-point dtype to be updated in place, got {p.dtype}"
            )
        if not p.flags.writeable:
            raise ValueError(f"params[{i}] is read-only, but it must be updated in place")
        if not np.all(np.isfinite(p)):
            raise ValueError(f"params[{i}] must not contain NaN or infinite entries")
    now = [p.shape for p in params]
    if shapes is not None and now != shapes:
        raise ValueError(
            f"params must keep their number and shapes from step to step: the optimizer's state "
            f"was made for shapes {shapes}, got {now}; use a new optimizer for other parameters"
        )
    checked = []
    for i, (p, g) in enumerate(zip(params, grads, strict=True)):
        g = as_array(g, f"grads[{i}]", allow_empty=True)
        if g.shape != p.shape:
            raise ValueError(f"grads[{i}] must have the shape of params[{i}], {p.shape}, got {g.shape}")
        checked.append(g)
    return checked


class _Optimizer:
    """What the optimizers share: the state's bookkeeping and the in-place write of a step."""

    def _begin(self, params, grads):
        # Check the arguments; return the gradients and the state (empty before the first step).
        grads = _check_step(params, grads, self._shapes)
        state = self.state if self._shapes is not None else [{} for _ in params]
        return grads, state

    def _commit(self, params, new_params, new_state):
        # Write a step only when all of it is finite: an error leaves params and state as they were.
        name = type(self).__name__
        for i, state in enumerate(new_state):
            for key, value in state.items():
                if not np.all(np.isfinite(value)):
                    squares = " (their squares overflow beyond about 1e154)" if "sq" in key else ""
                    raise OverflowError(
                        f"{name}.step: the state {key!r} of params[{i}] overflows float64: the gradients "
                        f"are too large{squares}; scale the loss down"
                    )
        for i, (p, theta) in enumerate(zip(params, new_params, strict=True)):
            with np.errstate(over="ignore"):
                written = theta.astype(p.dtype)
            if not np.all(np.isfinite(written)):
                raise OverflowError(
                    f"{name}.step: the new params[{i}] overflows {p.dtype} "
                    "(the training is diverging: try a smaller learning_rate)"
                )
        for p, theta in zip(params, new_params, strict=True):
            p[...] = theta
        self.state = new_state
        self._shapes = [p.shape for p in params]
        self.t += 1

    def __repr__(self):
        args = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._hyperparameters)
        return f"{type(self).__name__}({args})"


@set_module("mlmath_ref.optimize")
class SGD(_Optimizer):
    r"""Stochastic gradient descent, with optional momentum and Nesterov momentum, as in PyTorch.

    Each step moves the parameters against their gradient. With momentum
    the step follows a velocity that accumulates past gradients, which
    damps the zig-zag across a ravine and speeds up the walk along it.
    Concept pages: :ref:`concept-stochastic-gradient-descent`,
    :ref:`concept-momentum`.

    Parameters
    ----------
    learning_rate : float
        The step size :math:`\gamma`, positive.
    momentum : float, default=0.0
        The momentum factor :math:`\mu`, in :math:`[0, 1)`.
    nesterov : bool, default=False
        Use Nesterov's momentum (needs ``momentum > 0``).
    weight_decay : float, default=0.0
        The coefficient :math:`\lambda \ge 0` of the L2 penalty
        :math:`\tfrac{\lambda}{2}\|\theta\|^2` whose gradient
        :math:`\lambda\theta` is added to the gradient.

    Attributes
    ----------
    learning_rate, momentum, nesterov, weight_decay : float or bool
        The hyperparameters.
    state : list of dict
        One dict per parameter array, filled at the first step: with
        momentum, ``"momentum_buffer"`` holds :math:`b_t` (float64), as in
        PyTorch's ``optimizer.state``.
    t : int
        The number of steps taken.

    Raises
    ------
    TypeError
        If a hyperparameter is not a real number, or `nesterov` not a bool.
    ValueError
        If `learning_rate` is not positive and finite, `momentum` is outside
        :math:`[0, 1)`, `weight_decay` is negative, or `nesterov` is True
        with no momentum.

    See Also
    --------
    RMSProp : Divides each coordinate's step by its recent gradient size.
    Adam : Momentum and RMSProp together, with bias correction.
    gradient_descent : Plain gradient descent on a function, with its path.
    minibatches : The shuffled batches whose gradients SGD follows.

    Notes
    -----
    With :math:`g_t` the gradient passed to the :math:`t`-th step:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, \theta_{t-1}
            && \text{(if } \lambda \ne 0\text{)}\\
        b_t &\leftarrow \mu\, b_{t-1} + g_t, \quad b_1 = g_1
            && \text{(if } \mu \ne 0\text{)}\\
        g_t &\leftarrow g_t + \mu\, b_t \ \text{(Nesterov)}
            \quad\text{or}\quad g_t \leftarrow b_t
            && \text{(if } \mu \ne 0\text{)}\\
        \theta_t &\leftarrow \theta_{t-1} - \gamma\, g_t
        \end{aligned}

    This is PyTorch's rule with its default ``dampening=0``. Books often
    write momentum as :math:`v_t = \mu v_{t-1} - \gamma g_t`,
    :math:`\theta_t = \theta_{t-1} + v_t` (Sutskever et al.). With a
    constant learning rate the two give the same path
    (:math:`v_t = -\gamma b_t`); they differ when the learning rate changes
    during training. PyTorch's form is used so that a reader's numbers
    match the framework's. The Nesterov line is the look-ahead gradient
    rewritten in terms of the current parameters, again as PyTorch does.
    Unlike PyTorch, the learning rate has no default (PyTorch's is 0.001)
    and a momentum of 1 or more, which never forgets a gradient, is
    refused. The arithmetic is in float64; parameters of another floating
    dtype are rounded to it when written back.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize import SGD
    >>> w = np.array([1.0])
    >>> opt = SGD(learning_rate=0.1, momentum=0.9)
    >>> for _ in range(3):
    ...     opt.step([w], [np.array([1.0])])          # a constant gradient of 1
    ...     print(round(float(w[0]), 4), round(float(opt.state[0]["momentum_buffer"][0]), 4))
    0.9 1.0
    0.71 1.9
    0.439 2.71
    >>> opt.step([w], [np.array([1.0, 2.0])])
    Traceback (most recent call last):
    ...
    ValueError: grads[0] must have the shape of params[0], (1,), got (2,)
    """

    _hyperparameters = ("learning_rate", "momentum", "nesterov", "weight_decay")

    def __init__(self, learning_rate, momentum=0.0, nesterov=False, weight_decay=0.0):
        self.learning_rate = float(check_positive(learning_rate, "learning_rate"))
        self.momentum = _check_fraction(momentum, "momentum")
        if not isinstance(nesterov, (bool, np.bool_)):
            raise TypeError(f"nesterov must be True or False, got {nesterov!r}")
        if nesterov and self.momentum == 0.0:
            raise ValueError("nesterov=True needs a momentum > 0, got momentum=0.0")
        self.nesterov = bool(nesterov)
        self.weight_decay = float(check_positive(weight_decay, "weight_decay", allow_zero=True))
        self.state, self.t, self._shapes = [], 0, None

    def step(self, params, grads):
        r"""Update every parameter array in place by one SGD step.

        Parameters
        ----------
        params : list of ndarray
            The parameter arrays :math:`\theta`, floating point and
            writeable; the same number and shapes at every step.
        grads : list of array_like
            Their gradients :math:`g_t`, ``grads[i]`` of the shape of
            ``params[i]``.

        Raises
        ------
        TypeError
            If `params` or `grads` is not a list of arrays, or a parameter
            is not a floating-point NumPy array.
        ValueError
            If the lists differ in length, a gradient's shape differs from
            its parameter's, an array holds NaN or infinity, or the shapes
            differ from the first step's. Nothing is changed then.
        OverflowError
            If the step would make a parameter or the optimizer's state
            overflow: a diverging training, or gradients whose squares
            overflow. Nothing is changed then.

        See Also
        --------
        SGD : The update rule, in the Notes.
        """
        grads, states = self._begin(params, grads)
        new_params, new_state = [], []
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported by _commit
            for p, g, state in zip(params, grads, states, strict=True):
                theta = p.astype(np.float64)
                if self.weight_decay != 0:
                    g = g + self.weight_decay * theta
                state = dict(state)
                if self.momentum != 0:
                    b = state.get("momentum_buffer")
                    b = g.copy() if b is None else self.momentum * b + g
                    state["momentum_buffer"] = b
                    g = g + self.momentum * b if self.nesterov else b
                new_params.append(theta - self.learning_rate * g)
                new_state.append(state)
        self._commit(params, new_params, new_state)


@set_module("mlmath_ref.optimize")
class RMSProp(_Optimizer):
    r"""RMSProp: divide each coordinate's step by the root mean square of its recent gradients, as in PyTorch.

    A coordinate whose gradients are large takes small steps and one whose
    gradients are small takes large steps, so that all move at a similar
    pace: a steep and a flat direction of a ravine no longer need two
    different learning rates. Concept page: :ref:`concept-adaptive-methods`.

    Parameters
    ----------
    learning_rate : float, default=0.01
        The step size :math:`\gamma`, positive.
    alpha : float, default=0.99
        The smoothing constant :math:`\alpha` of the running average of
        squared gradients, in :math:`[0, 1)`.
    eps : float, default=1e-8
        The term :math:`\epsilon > 0` added to the denominator, which keeps
        a coordinate with zero gradients from dividing by zero.
    weight_decay : float, default=0.0
        The coefficient :math:`\lambda \ge 0` of the L2 penalty added to the
        gradient.

    Attributes
    ----------
    learning_rate, alpha, eps, weight_decay : float
        The hyperparameters.
    state : list of dict
        One dict per parameter array, filled at the first step:
        ``"square_avg"`` holds :math:`v_t` (float64), as in PyTorch.
    t : int
        The number of steps taken.

    Raises
    ------
    TypeError
        If a hyperparameter is not a real number.
    ValueError
        If `learning_rate` or `eps` is not positive and finite, `alpha` is
        outside :math:`[0, 1)`, or `weight_decay` is negative.

    See Also
    --------
    SGD : Plain steps, with momentum.
    Adam : Adds momentum and bias correction.

    Notes
    -----
    With :math:`g_t` the gradient passed to the :math:`t`-th step and
    :math:`v_0 = 0`, every operation entrywise:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, \theta_{t-1}
            && \text{(if } \lambda \ne 0\text{)}\\
        v_t &\leftarrow \alpha\, v_{t-1} + (1 - \alpha)\, g_t^2\\
        \theta_t &\leftarrow \theta_{t-1} - \gamma\, \frac{g_t}{\sqrt{v_t} + \epsilon}
        \end{aligned}

    This is PyTorch's ``RMSprop`` with ``momentum=0`` and
    ``centered=False``, with the same defaults. :math:`\epsilon` is added
    after the square root, as in PyTorch (TensorFlow used to add it under
    the root). Since :math:`v_0 = 0`, the first steps are larger than the
    later ones: the first is
    :math:`\gamma\, g_1 / (\sqrt{1 - \alpha}\, |g_1| + \epsilon)`, ten times
    :math:`\gamma` in size for :math:`\alpha = 0.99`. PyTorch accepts any
    :math:`\alpha \ge 0` and :math:`\epsilon \ge 0`; values of
    :math:`\alpha \ge 1` (no averaging) and :math:`\epsilon = 0` (a division
    by zero on a zero gradient) are refused here.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize import RMSProp
    >>> w = np.array([0.0, 0.0])
    >>> opt = RMSProp()
    >>> opt.step([w], [np.array([1000.0, 0.01])])    # very different gradients...
    >>> w.round(4)                                   # ...the same step: 10 times the learning rate
    array([-0.1, -0.1])
    >>> RMSProp(alpha=1.0)
    Traceback (most recent call last):
    ...
    ValueError: alpha must be in [0, 1), got 1.0
    """

    _hyperparameters = ("learning_rate", "alpha", "eps", "weight_decay")

    def __init__(self, learning_rate=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0):
        self.learning_rate = float(check_positive(learning_rate, "learning_rate"))
        self.alpha = _check_fraction(alpha, "alpha")
        self.eps = float(check_positive(eps, "eps"))
        self.weight_decay = float(check_positive(weight_decay, "weight_decay", allow_zero=True))
        self.state, self.t, self._shapes = [], 0, None

    def step(self, params, grads):
        r"""Update every parameter array in place by one RMSProp step.

        Parameters
        ----------
        params : list of ndarray
            The parameter arrays :math:`\theta`, floating point and
            writeable; the same number and shapes at every step.
        grads : list of array_like
            Their gradients :math:`g_t`, ``grads[i]`` of the shape of
            ``params[i]``.

        Raises
        ------
        TypeError
            If `params` or `grads` is not a list of arrays, or a parameter
            is not a floating-point NumPy array.
        ValueError
            If the lists differ in length, a gradient's shape differs from
            its parameter's, an array holds NaN or infinity, or the shapes
            differ from the first step's. Nothing is changed then.
        OverflowError
            If the step would make a parameter or the optimizer's state
            overflow: a diverging training, or gradients whose squares
            overflow. Nothing is changed then.

        See Also
        --------
        RMSProp : The update rule, in the Notes.
        """
        grads, states = self._begin(params, grads)
        new_params, new_state = [], []
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported by _commit
            for p, g, state in zip(params, grads, states, strict=True):
                theta = p.astype(np.float64)
                if self.weight_decay != 0:
                    g = g + self.weight_decay * theta
                v = state.get("square_avg", np.zeros_like(theta))
                v = self.alpha * v + (1 - self.alpha) * (g * g)
                new_params.append(theta - self.learning_rate * (g / (np.sqrt(v) + self.eps)))
                new_state.append({"square_avg": v})
        self._commit(params, new_params, new_state)


@set_module("mlmath_ref.optimize")
class Adam(_Optimizer):
    r"""Adam: momentum and RMSProp together, with their running averages corrected for starting at zero.

    Adam keeps a running average of the gradient (its direction, as
    momentum does) and of the squared gradient (its size per coordinate, as
    RMSProp does) and steps along the first divided by the square root of
    the second. Both averages start at zero, which biases them towards zero
    in the first steps; dividing by :math:`1 - \beta^t` removes that bias.
    Concept page: :ref:`concept-adaptive-methods`.

    Parameters
    ----------
    learning_rate : float, default=0.001
        The step size :math:`\gamma`, positive.
    betas : tuple of float, default=(0.9, 0.999)
        The smoothing constants :math:`(\beta_1, \beta_2)` of the averages of
        the gradient and of its square, each in :math:`[0, 1)`.
    eps : float, default=1e-8
        The term :math:`\epsilon > 0` added to the denominator.
    weight_decay : float, default=0.0
        The coefficient :math:`\lambda \ge 0` of the L2 penalty added to the
        gradient (not the decoupled decay of AdamW).

    Attributes
    ----------
    learning_rate, betas, eps, weight_decay : float or tuple of float
        The hyperparameters.
    state : list of dict
        One dict per parameter array, filled at the first step:
        ``"exp_avg"`` holds :math:`m_t` and ``"exp_avg_sq"`` holds
        :math:`v_t` (float64), as in PyTorch.
    t : int
        The number of steps taken, the :math:`t` of the bias correction.

    Raises
    ------
    TypeError
        If a hyperparameter is not a real number or `betas` is not a pair.
    ValueError
        If `learning_rate` or `eps` is not positive and finite, a beta is
        outside :math:`[0, 1)`, or `weight_decay` is negative.

    See Also
    --------
    SGD : Plain steps, with momentum.
    RMSProp : The second average alone.

    Notes
    -----
    With :math:`g_t` the gradient passed to the :math:`t`-th step and
    :math:`m_0 = v_0 = 0`, every operation entrywise:

    .. math::

        \begin{aligned}
        g_t &\leftarrow g_t + \lambda\, \theta_{t-1}
            && \text{(if } \lambda \ne 0\text{)}\\
        m_t &\leftarrow \beta_1 m_{t-1} + (1 - \beta_1)\, g_t\\
        v_t &\leftarrow \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2\\
        \hat m_t &= m_t / (1 - \beta_1^t), \qquad \hat v_t = v_t / (1 - \beta_2^t)\\
        \theta_t &\leftarrow \theta_{t-1} - \gamma\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}
        \end{aligned}

    This is PyTorch's ``Adam`` with ``amsgrad=False``, with the same
    defaults, and the rule of the paper by Kingma and Ba. :math:`\epsilon`
    is added to :math:`\sqrt{\hat v_t}`, after the bias correction;
    TensorFlow's Adam adds it to :math:`\sqrt{v_t}` before the correction,
    which makes its :math:`\epsilon` act larger in the first steps. The
    code computes :math:`\hat m_t / (\sqrt{\hat v_t} + \epsilon)` as
    PyTorch does, as
    :math:`\frac{\gamma}{1 - \beta_1^t}\, m_t / (\sqrt{v_t} / \sqrt{1 - \beta_2^t} + \epsilon)`.
    Because of the correction, the first step has size close to
    :math:`\gamma` in every coordinate whatever the gradient's size:
    :math:`\hat m_1 / \sqrt{\hat v_1} = \operatorname{sign} g_1`.
    ``weight_decay`` adds :math:`\lambda\theta` to the gradient, which then
    goes through the averages (L2 regularization); ``torch.optim.AdamW``
    decays the weights directly instead.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.optimize import Adam
    >>> w = np.array([0.0, 0.0])
    >>> opt = Adam(learning_rate=0.1)
    >>> opt.step([w], [np.array([1000.0, 0.001])])   # the first step is about the learning rate
    >>> w.round(6)
    array([-0.1     , -0.099999])
    >>> Adam(betas=(0.9,))
    Traceback (most recent call last):
    ...
    TypeError: betas must be a pair of numbers (beta1, beta2), got (0.9,)
    """

    _hyperparameters = ("learning_rate", "betas", "eps", "weight_decay")

    def __init__(self, learning_rate=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        self.learning_rate = float(check_positive(learning_rate, "learning_rate"))
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise TypeError(f"betas must be a pair of numbers (beta1, beta2), got {betas!r}")
        self.betas = (_check_fraction(betas[0], "betas[0]"), _check_fraction(betas[1], "betas[1]"))
        self.eps = float(check_positive(eps, "eps"))
        self.weight_decay = float(check_positive(weight_decay, "weight_decay", allow_zero=True))
        self.state, self.t, self._shapes = [], 0, None

    def step(self, params, grads):
        r"""Update every parameter array in place by one Adam step.

        Parameters
        ----------
        params : list of ndarray
            The parameter arrays :math:`\theta`, floating point and
            writeable; the same number and shapes at every step.
        grads : list of array_like
            Their gradients :math:`g_t`, ``grads[i]`` of the shape of
            ``params[i]``.

        Raises
        ------
        TypeError
            If `params` or `grads` is not a list of arrays, or a parameter
            is not a floating-point NumPy array.
        ValueError
            If the lists differ in length, a gradient's shape differs from
            its parameter's, an array holds NaN or infinity, or the shapes
            differ from the first step's. Nothing is changed then.
        OverflowError
            If the step would make a parameter or the optimizer's state
            overflow: a diverging training, or gradients whose squares
            overflow. Nothing is changed then.

        See Also
        --------
        Adam : The update rule, in the Notes.
        """
        grads, states = self._begin(params, grads)
        beta1, beta2 = self.betas
        t = self.t + 1
        step_size = self.learning_rate / (1 - beta1**t)
        root_correction = (1 - beta2**t) ** 0.5
        new_params, new_state = [], []
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported by _commit
            for p, g, state in zip(params, grads, states, strict=True):
                theta = p.astype(np.float64)
                if self.weight_decay != 0:
                    g = g + self.weight_decay * theta
                m = beta1 * state.get("exp_avg", np.zeros_like(theta)) + (1 - beta1) * g
                v = beta2 * state.get("exp_avg_sq", np.zeros_like(theta)) + (1 - beta2) * (g * g)
                new_params.append(theta - step_size * (m / (np.sqrt(v) / root_correction + self.eps)))
                new_state.append({"exp_avg": m, "exp_avg_sq": v})
        self._commit(params, new_params, new_state)
