r"""The training loop: minibatches, a backward pass, an optimizer step, and the history per epoch."""

from __future__ import annotations

import numpy as np

from mlmath_ref._checks import as_array, check_callable, check_positive, refuse_masked, set_module, show
from mlmath_ref.autodiff import Tensor
from mlmath_ref.nn._functional import accuracy
from mlmath_ref.nn._nodes import _check_rng, _constant
from mlmath_ref.optimize import minibatches

__all__ = ["train"]


def _check_model(model):
    # The model's parameters: a non-empty list of distinct Tensors, from a callable model.
    params_of = getattr(model, "parameters", None)
    if not callable(model) or not callable(params_of):
        raise TypeError(
            "train: model must be callable and have a parameters() method (such as an MLP or a Linear), "
            f"got {type(model).__name__}"
        )
    params = params_of()
    if not isinstance(params, (list, tuple)) or len(params) == 0:
        raise TypeError(
            f"train: model.parameters() must return a non-empty list of Tensors, got {show(params)}"
        )
    for i, p in enumerate(params):
        if not isinstance(p, Tensor):
            raise TypeError(f"train: model.parameters()[{i}] must be a Tensor, got {type(p).__name__}")
    if len({id(p) for p in params}) != len(params):
        raise ValueError("train: model.parameters() lists a Tensor twice; list each parameter once")
    return list(params)


def _check_data(X, y, xname, yname):
    # X: a finite float matrix with one example per row; y: integer labels or float targets, one per row.
    try:
        X = as_array(X, xname, min_ndim=2)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"train: {exc}") from None
    if isinstance(y, Tensor):
        raise TypeError(f"train: {yname} must be an array of labels or targets, got a Tensor")
    refuse_masked(y, f"train: {yname}")
    if y is None:
        raise TypeError(f"train: {yname} must be an array of labels or targets, got None")
    labels = np.asarray(y)
    if labels.dtype.kind in "iu":
        y = labels.astype(np.int64)
    else:
        try:
            y = as_array(y, yname, min_ndim=1)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"train: {exc}") from None
    if y.ndim == 0 or y.shape[0] != X.shape[0]:
        raise ValueError(
            f"train: {yname} must have one entry per row of {xname} ({X.shape[0]} rows), got shape {y.shape}"
        )
    return X, y


def _loss_value(loss, out, y, where):
    # Call the user's loss; it must return a Tensor holding one number.
    value = loss(out, y)
    if not isinstance(value, Tensor) or value.data.size != 1:
        got = f"a Tensor of shape {value.shape}" if isinstance(value, Tensor) else type(value).__name__
        raise TypeError(
            f"train: loss(output, labels) must return a Tensor holding one number (such as "
            f"cross_entropy or mse on the output Tensor), got {got} {where}"
        )
    return value


@set_module("mlmath_ref.nn")
def train(model, X, y, optimizer, loss, epochs, batch_size, rng, validation=None):
    r"""Train `model` by minibatch gradient descent, and return the loss and accuracy after each epoch.

    The training loop of every neural network: shuffle the examples, cut
    them into batches, and for each batch run the network forward, the
    loss backward, and one step of the optimizer. After each pass over the
    data (an *epoch*) the loss and accuracy on the whole training set, and
    on a held-out validation set when given, are recorded: the learning
    curves. Concept page: :ref:`concept-training-loop`.

    Parameters
    ----------
    model : callable with parameters()
        The network, such as an :class:`MLP`: ``model(x)`` maps a Tensor of
        inputs to a Tensor of outputs, and ``model.parameters()`` lists the
        Tensors to train. They are updated in place.
    X : array_like
        The training inputs, one example per row: real, finite, at least
        2-D.
    y : array_like
        The training labels (integers, for classification) or targets
        (floats, for regression), one per row of `X`.
    optimizer : object with step(params, grads)
        One of the optimizers of :mod:`mlmath_ref.optimize` (:class:`~mlmath_ref.optimize.SGD`,
        :class:`~mlmath_ref.optimize.RMSProp`, :class:`~mlmath_ref.optimize.Adam`),
        new or already used on these parameters.
    loss : callable
        ``loss(output, labels)`` returns a Tensor holding one number:
        :func:`cross_entropy` or :func:`mse`, or a function of the same
        kind.
    epochs : int
        The number of passes over the training set, positive.
    batch_size : int
        The number of examples per step, positive; the last batch of an
        epoch holds the examples left over.
    rng : numpy.random.Generator
        The source of the shuffling; the same seed gives the same training.
    validation : tuple of (array_like, array_like), optional
        ``(X_val, y_val)``, held-out examples, evaluated after each epoch
        and never trained on.

    Returns
    -------
    dict of str to list of float
        The history, one entry per epoch in each list: ``"loss"``, the
        loss on the whole training set at the end of the epoch; with
        integer labels, ``"accuracy"``, the fraction of training examples
        classified right; with `validation`, ``"val_loss"`` and (integer
        labels) ``"val_accuracy"``, the same on the validation set.

    Raises
    ------
    TypeError
        If `model` is not callable or its parameters are not Tensors;
        `optimizer` has no ``step`` method; `loss` is not callable or
        does not return a Tensor holding one number; `epochs` or
        `batch_size` is not an integer; `rng` is not a NumPy ``Generator``;
        `validation` is not a pair; an array is not real and numeric.
    ValueError
        If `X` is not at least 2-D, is empty or holds NaN or infinite
        entries; if `y` does not have one entry per row; if `epochs` or
        `batch_size` is not positive. Errors of the model, the loss and the
        optimizer (labels out of range, a layer size that does not fit, a
        diverging step) pass through unchanged; the parameters keep the
        values of the last complete step.

    See Also
    --------
    mlmath_ref.optimize.minibatches : The shuffled batches of each epoch.
    mlmath_ref.optimize.Adam : The usual optimizer.
    accuracy : The fraction of right answers.

    Notes
    -----
    One step, for a batch :math:`B` of examples and parameters
    :math:`\theta`, is

    .. math:: L_B(\theta) = \operatorname{loss}(\operatorname{model}_\theta(X_B), y_B),
              \qquad \theta \leftarrow \operatorname{step}(\theta, \nabla_\theta L_B(\theta)).

    The batches of an epoch are those of :func:`mlmath_ref.optimize.minibatches`
    drawn from `rng`. Each parameter's gradient is reset before the
    backward pass, and the optimizer updates copies of the parameters'
    data that become their new data through
    :meth:`mlmath_ref.autodiff.Tensor.updating` (which raises each
    parameter's version, so that a graph recorded before the step cannot
    be run backward by mistake). The recorded loss of an epoch is computed
    on the whole training set with the parameters at the end of the epoch,
    not averaged over the batches during it (whose parameters changed from
    batch to batch), so that it compares directly with the validation loss.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import MLP, cross_entropy, train
    >>> from mlmath_ref.optimize import Adam
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 2))
    >>> y = (X[:, 0] + X[:, 1] > 0).astype(int)          # two classes, split by a line
    >>> net = MLP([2, 8, 2], rng)
    >>> history = train(net, X, y, Adam(0.05), cross_entropy, epochs=20, batch_size=10, rng=rng)
    >>> sorted(history), len(history["loss"])
    (['accuracy', 'loss'], 20)
    >>> history["loss"][-1] < history["loss"][0], history["accuracy"][-1] >= 0.95
    (True, True)
    >>> train(net, X, y[:50], Adam(0.05), cross_entropy, epochs=1, batch_size=10, rng=rng)
    Traceback (most recent call last):
    ...
    ValueError: train: y must have one entry per row of X (100 rows), got shape (50,)
    """
    params = _check_model(model)
    X, y = _check_data(X, y, "X", "y")
    if not callable(getattr(optimizer, "step", None)):
        raise TypeError(
            "train: optimizer must have a step(params, grads) method, such as "
            "mlmath_ref.optimize.Adam(0.001), "
            f"got {type(optimizer).__name__}"
        )
    check_callable(loss, "loss", "train")
    try:
        epochs = int(check_positive(epochs, "epochs", integer=True))
        batch_size = int(check_positive(batch_size, "batch_size", integer=True))
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"train: {exc}") from None
    _check_rng(rng, "train")
    sets = [("", _constant(X), y)]
    if validation is not None:
        if not isinstance(validation, (tuple, list)) or len(validation) != 2:
            raise TypeError(f"train: validation must be a pair (X_val, y_val), got {show(validation)}")
        X_val, y_val = _check_data(validation[0], validation[1], "X_val", "y_val")
        if X_val.shape[1:] != X.shape[1:]:
            raise ValueError(
                f"train: X_val must have rows of the shape of X's, {X.shape[1:]}, got shape {X_val.shape}"
            )
        if (y_val.dtype.kind == "i") != (y.dtype.kind == "i"):
            raise TypeError(
                "train: y_val must be of the kind of y: both integer labels or both float targets"
            )
        sets.append(("val_", _constant(X_val), y_val))
    classify = y.dtype.kind == "i"
    history = {}
    for prefix, _, _ in sets:
        history[prefix + "loss"] = []
        if classify:
            history[prefix + "accuracy"] = []
    n = X.shape[0]
    for _ in range(epochs):
        for batch in minibatches(n, batch_size, rng):
            value = _loss_value(loss, model(_constant(X[batch])), y[batch], "for a training batch")
            for p in params:
                p.zero_grad()
            value.backward()
            with Tensor.updating(params) as arrays:
                optimizer.step(arrays, [p.grad for p in params])
        for prefix, inputs, labels in sets:
            out = model(inputs)
            history[prefix + "loss"].append(
                float(_loss_value(loss, out, labels, "at the end of an epoch").data)
            )
            if classify:
                history[prefix + "accuracy"].append(accuracy(out.data, labels))
    return history
