r"""Softmax, log-softmax and the losses of a network, on arrays and on Tensors, without overflow."""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import as_array, set_module
from mlmath_ref._numerics import exponent_of, scale_back
from mlmath_ref.autodiff import Tensor
from mlmath_ref.nn._nodes import _check_axis, _check_labels, _node, _operand

__all__ = ["accuracy", "cross_entropy", "log_softmax", "mse", "softmax"]


def _shifted_exp(z, axis):
    # d = z - max(z) along `axis` (0 at the largest entry; -inf where an entry lies more than
    # 1.8e308 below it), e = exp(d) in [0, 1], and the sum of e along `axis`, in [1, n].
    with np.errstate(over="ignore"):
        d = z - z.max(axis=axis, keepdims=True)
        e = np.exp(d)
    return d, e, e.sum(axis=axis, keepdims=True)


def _data(z, name, func, **checks):
    # The data of a Tensor or a validated copy of an array, and whether `z` was a Tensor.
    t, is_tensor = _operand(z, name, func, **checks)
    return t, t.data, is_tensor


@set_module("mlmath_ref.nn")
def softmax(z, axis=-1):
    r"""Turn scores into probabilities: exponentiate, then divide by the sum.

    A classifier's last layer produces one real score (a *logit*) per
    class; softmax maps them to positive numbers that add up to one, in the
    same order, so that they can be read as the predicted probabilities of
    the classes. Concept page: :ref:`concept-softmax`.

    Parameters
    ----------
    z : array_like or Tensor
        The scores: real, finite, at least one dimension.
    axis : int, default=-1
        The axis along which the probabilities add up to one (the classes).

    Returns
    -------
    ndarray or Tensor
        The probabilities, of the shape of `z`: an array for an array, a
        Tensor for a Tensor (one node of the graph, whose gradient rule is
        the closed form of the Notes).

    Raises
    ------
    TypeError
        If `z` is not real and numeric, or `axis` is not an integer.
    ValueError
        If `z` is empty, holds NaN or infinite entries, has no dimension,
        or `axis` is out of range.

    See Also
    --------
    log_softmax : Its logarithm, computed without taking the log of a rounded 0.
    cross_entropy : The loss computed from the scores directly.

    Notes
    -----
    For a vector :math:`\mathbf{z}` with largest entry :math:`m`,

    .. math:: \operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_j e^{z_j}}
              = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}.

    The second form is the one computed: every exponent is at most 0, so
    nothing overflows, and the sum is at least 1. An entry more than about
    745 below the largest gets probability 0 (its true value is below the
    smallest float64), as in NumPy's and PyTorch's implementations.

    The vector-Jacobian product, for a gradient :math:`\mathbf{g}` with
    respect to the output :math:`\mathbf{s}`, is

    .. math:: \bar{\mathbf{z}} = \mathbf{s} \odot (\mathbf{g} - \langle \mathbf{g}, \mathbf{s} \rangle),

    since :math:`\partial s_i / \partial z_j = s_i(\delta_{ij} - s_j)`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import softmax
    >>> softmax(np.array([1.0, 2.0, 3.0])).round(4)
    array([0.09  , 0.2447, 0.6652])
    >>> softmax(np.array([1000.0, 0.0]))          # e**1000 overflows; softmax does not
    array([1., 0.])
    >>> softmax(np.array([[1.0, 1.0]]), axis=2)
    Traceback (most recent call last):
    ...
    ValueError: softmax: axis 2 is out of range for z with 2 dimensions
    """
    t, z, is_tensor = _data(z, "z", "softmax", min_ndim=1)
    axis = _check_axis(axis, z.ndim, "z", "softmax")
    _, e, total = _shifted_exp(z, axis)
    s = e / total
    if not is_tensor:
        return s

    def vjp(g):
        return s * (g - (g * s).sum(axis=axis, keepdims=True))

    return _node(s, (t,), (vjp,), "softmax")


@set_module("mlmath_ref.nn")
def log_softmax(z, axis=-1):
    r"""The logarithm of softmax, computed from the scores so that no probability rounds to 0 first.

    Cross-entropy needs the log of the predicted probability of the right
    class. Taking the log of ``softmax(z)`` fails when that probability is
    below the smallest float64 and rounds to 0: the log is then
    :math:`-\infty` instead of a large negative number. Computing the log
    directly from the scores keeps every digit. Concept page:
    :ref:`concept-softmax`.

    Parameters
    ----------
    z : array_like or Tensor
        The scores: real, finite, at least one dimension.
    axis : int, default=-1
        The axis of the classes.

    Returns
    -------
    ndarray or Tensor
        :math:`\log \operatorname{softmax}(\mathbf{z})`, of the shape of
        `z`: an array for an array, a Tensor (one node) for a Tensor.

    Raises
    ------
    TypeError
        If `z` is not real and numeric, or `axis` is not an integer.
    ValueError
        If `z` is empty, holds NaN or infinite entries, has no dimension,
        or `axis` is out of range; if a result is beyond float64 (an entry
        more than 1.8e308 below the largest of its slice).

    See Also
    --------
    softmax : The probabilities themselves.
    cross_entropy : The mean of minus the log-probability of the right classes.

    Notes
    -----
    With :math:`m` the largest entry, the log-sum-exp form

    .. math:: \log \operatorname{softmax}(\mathbf{z})_i
              = (z_i - m) - \log \sum_j e^{z_j - m}

    is computed: the sum lies in :math:`[1, n]`, so its log is small and
    exact to rounding, and :math:`z_i - m` is exact to rounding too. The
    vector-Jacobian product is
    :math:`\bar{\mathbf{z}} = \mathbf{g} - \operatorname{softmax}(\mathbf{z}) \sum_i g_i`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import log_softmax
    >>> log_softmax(np.array([0.0, 0.0])).round(4)      # log(1/2) twice
    array([-0.6931, -0.6931])
    >>> log_softmax(np.array([0.0, -1000.0]))           # np.log(softmax(z)) gives -inf
    array([    0., -1000.])
    """
    t, z, is_tensor = _data(z, "z", "log_softmax", min_ndim=1)
    axis = _check_axis(axis, z.ndim, "z", "log_softmax")
    d, e, total = _shifted_exp(z, axis)
    if not np.all(np.isfinite(d)):
        raise ValueError(
            "log_softmax: a result is beyond float64: z has an entry more than 1.8e308 below the "
            "largest entry of its slice, and its log-probability is that far below 0"
        )
    out = d - np.log(total)
    if not is_tensor:
        return out
    s = e / total

    def vjp(g):
        return g - s * g.sum(axis=axis, keepdims=True)

    return _node(out, (t,), (vjp,), "log_softmax")


@set_module("mlmath_ref.nn")
def cross_entropy(logits, labels):
    r"""The classification loss: the mean of minus the log-probability that softmax gives the right class.

    A network that outputs one score per class is trained by making the
    probability of each example's true class large. Cross-entropy measures
    it as :math:`-\log p`, which is 0 for a sure right answer and grows
    without bound for a sure wrong one; the loss is its mean over the
    batch. Concept page: :ref:`concept-loss-functions-nn`.

    Parameters
    ----------
    logits : array_like or Tensor
        The scores, of shape ``(batch, classes)``: one row per example, one
        column per class, real and finite.
    labels : array_like of int
        The true class of each example, an integer in
        ``0, ..., classes - 1``; a vector of length ``batch``.

    Returns
    -------
    float or Tensor
        The mean loss: a float for an array, a Tensor holding one number
        for a Tensor (one node, whose gradient is the closed form of the
        Notes).

    Raises
    ------
    TypeError
        If `logits` is not real and numeric, or `labels` is not an array of
        integers (float labels such as ``1.0`` are refused, as PyTorch reads
        float targets as probabilities).
    ValueError
        If `logits` is not 2-D, is empty or holds NaN or infinite entries;
        if `labels` does not have one entry per row or holds a label
        outside ``0, ..., classes - 1``; if a loss is beyond float64 (a
        right class's score more than 1.8e308 below the row's largest).

    See Also
    --------
    log_softmax : The log-probabilities this averages.
    accuracy : The fraction of rows whose largest score is the right class.
    mse : The loss for regression.

    Notes
    -----
    For row :math:`i` with scores :math:`\mathbf{z}_i`, largest score
    :math:`m_i` and label :math:`y_i`, over a batch of :math:`B` rows,

    .. math:: L = \frac{1}{B} \sum_{i=1}^{B} \Bigl( \log \sum_j e^{z_{ij} - m_i}
              - (z_{i y_i} - m_i) \Bigr),

    which is :math:`-\frac1B \sum_i \log \operatorname{softmax}(\mathbf{z}_i)_{y_i}`
    in the log-sum-exp form: no exponential overflows, whatever the size
    of the scores. This is PyTorch's ``F.cross_entropy`` with integer
    targets and its default mean reduction. The gradient with respect to
    the scores is

    .. math:: \frac{\partial L}{\partial z_{ij}}
              = \frac{1}{B} \bigl( \operatorname{softmax}(\mathbf{z}_i)_j - [j = y_i] \bigr):

    the predicted probabilities minus the one-hot labels, divided by the
    batch size. On a Tensor, that is the whole backward pass of the loss.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import cross_entropy
    >>> logits = np.array([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    >>> round(cross_entropy(logits, [0, 1]), 4)     # (-log 0.7870 - log(1/3)) / 2
    0.6691
    >>> cross_entropy(np.array([[1e300, -1e300]]), [1])   # no overflow: the loss is 2e300
    2e+300
    >>> cross_entropy(logits, [0, 3])
    Traceback (most recent call last):
    ...
    ValueError: cross_entropy: labels must be class indices in 0, ..., 2 (3 classes), got 3 at position 1
    """
    t, z, is_tensor = _data(logits, "logits", "cross_entropy", ndim=2)
    batch, classes = z.shape
    y = _check_labels(labels, batch, classes, "cross_entropy")
    at = np.arange(0, batch * classes, classes) + y  # where each row's label sits in z.reshape(-1)
    with np.errstate(over="ignore"):
        d = np.subtract(z, np.maximum.reduce(z, axis=1, keepdims=True), order="C")  # C order: e's rows
        e = np.exp(d)
        total = np.add.reduce(e, axis=1, keepdims=True)
        right = d.take(at)  # z_iy - m_i <= 0, or -inf more than 1.8e308 below
        losses = np.log(total[:, 0]) - right
        loss = float(np.add.reduce(losses))
    if not math.isfinite(loss):  # a loss is +inf (its label's score is -inf after the shift) or the sum
        if not math.isfinite(right.min()):  # overflowed; the mean of huge losses does not
            i = int(np.argmin(np.isfinite(right)))
            raise ValueError(
                f"cross_entropy: the loss of row {i} is beyond float64: the score of its label lies more "
                "than 1.8e308 below the row's largest score"
            )
        loss = float(np.add.reduce(losses / batch))
    else:
        loss /= batch
    if not is_tensor:
        return loss
    e /= total  # the probabilities, softmax(z), in place
    e.reshape(-1)[at] -= 1  # minus the one-hot labels: the gradient of the sum of the losses

    def vjp(g):
        return e * (g / batch)

    return _node(np.array(loss), (t,), (vjp,), "cross_entropy")


@set_module("mlmath_ref.nn")
def mse(prediction, target):
    r"""The regression loss: the mean of the squared differences between prediction and target.

    A network that predicts numbers is trained by making its predictions
    close to the targets; the mean squared error measures the distance,
    punishing a large miss more than several small ones. Concept page:
    :ref:`concept-loss-functions-nn`.

    Parameters
    ----------
    prediction : array_like or Tensor
        The network's outputs: real, finite numbers, any shape.
    target : array_like or Tensor
        The true values, of exactly the same shape (no broadcasting).

    Returns
    -------
    float or Tensor
        The mean over every entry: a float when neither argument is a
        Tensor, else a Tensor holding one number (one node of the graph;
        an array argument is a constant).

    Raises
    ------
    TypeError
        If an argument is not real and numeric.
    ValueError
        If an argument is empty or holds NaN or infinite entries; if the two
        shapes differ; if the mean squared error is beyond float64.

    See Also
    --------
    cross_entropy : The loss for classification.

    Notes
    -----
    Over the :math:`N` entries of the prediction :math:`\hat{\mathbf{y}}`
    and the target :math:`\mathbf{y}`,

    .. math:: L = \frac{1}{N} \sum_{k=1}^{N} (\hat y_k - y_k)^2, \qquad
              \frac{\partial L}{\partial \hat y_k} = \frac{2}{N} (\hat y_k - y_k).

    This is PyTorch's ``F.mse_loss`` with its default mean reduction (the
    mean over every entry, not a sum over the outputs of each example).
    The shapes must be equal: a prediction of shape ``(n, 1)`` against a
    target of shape ``(n,)`` would broadcast to all :math:`n^2` pairs in
    NumPy, a classic silent error. Where the squares overflow, the
    differences are divided by a power of two first (exactly) and the mean
    is scaled back; a mean beyond float64 is a ValueError.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import mse
    >>> mse(np.array([1.0, 2.0, 4.0]), np.array([1.0, 0.0, 1.0]))   # (0 + 4 + 9) / 3
    4.333333333333333
    >>> mse(np.array([3e200]), np.array([1e200]))                   # (2e200)**2 = 4e400 overflows
    Traceback (most recent call last):
    ...
    ValueError: mse: the mean squared error overflows float64: its magnitude is beyond 1.8e308
    >>> mse(np.ones((3, 1)), np.ones(3))
    Traceback (most recent call last):
    ...
    ValueError: mse: prediction and target must have the same shape, got (3, 1) and (3,)
    """
    p_t, p, p_is = _data(prediction, "prediction", "mse")
    t_t, t, t_is = _data(target, "target", "mse")
    if p.shape != t.shape:
        raise ValueError(f"mse: prediction and target must have the same shape, got {p.shape} and {t.shape}")
    n = p.size
    with np.errstate(over="ignore", invalid="ignore"):
        diff = p - t
        loss = np.dot(diff.ravel(), diff.ravel()) / n
    if not np.isfinite(loss):  # a square or the sum overflowed: the same on differences / 2**e
        e = exponent_of(max(float(np.max(np.abs(p))), float(np.max(np.abs(t)))))
        scaled = np.ldexp(p, -e) - np.ldexp(t, -e)
        loss = scale_back(np.mean(scaled * scaled), 2 * e, "mse: the mean squared error")
    loss = float(loss)
    if not (p_is or t_is):
        return loss

    def vjp_p(g):
        return (2 * g / n) * diff

    def vjp_t(g):
        return (-2 * g / n) * diff

    return _node(np.array(loss), (p_t, t_t), (vjp_p, vjp_t), "mse")


@set_module("mlmath_ref.nn")
def accuracy(logits, labels):
    r"""The fraction of examples whose highest score is their true class.

    The number a classifier is judged by: unlike the loss, it ignores how
    confident each prediction is and counts right answers. Concept page:
    :ref:`concept-training-loop`.

    Parameters
    ----------
    logits : array_like or Tensor
        The scores (or probabilities), of shape ``(batch, classes)``, real
        and finite.
    labels : array_like of int
        The true classes, a vector of length ``batch`` with entries in
        ``0, ..., classes - 1``.

    Returns
    -------
    float
        The fraction of rows whose largest entry is at the column of the
        label, between 0 and 1.

    Raises
    ------
    TypeError
        If `logits` is not real and numeric or `labels` not integers.
    ValueError
        If `logits` is not 2-D, is empty or holds NaN or infinite entries;
        if `labels` does not have one entry per row or is out of range.

    See Also
    --------
    cross_entropy : The loss whose minimization raises the accuracy.

    Notes
    -----
    The predicted class of a row is the first column holding its largest
    score (``np.argmax``); a tie goes to the lower class index, as in
    NumPy and PyTorch. Softmax keeps the order of the scores, so logits and
    probabilities give the same accuracy. No gradient: accuracy is a step
    function of the scores.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import accuracy
    >>> logits = np.array([[2.0, 1.0], [0.0, 3.0], [1.0, 1.0]])
    >>> accuracy(logits, [0, 1, 1])        # the tie in the last row goes to class 0
    0.6666666666666666
    >>> accuracy(logits, [0, 1])
    Traceback (most recent call last):
    ...
    ValueError: accuracy: labels must be a vector of 3 class indices (one per row), got shape (2,)
    """
    z = logits.data if isinstance(logits, Tensor) else logits
    try:
        z = as_array(z, "logits", ndim=2)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"accuracy: {exc}") from None
    y = _check_labels(labels, z.shape[0], z.shape[1], "accuracy")
    return float(np.mean(np.argmax(z, axis=1) == y))
