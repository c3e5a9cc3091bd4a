r"""Initializers and layers: a fully connected layer as one graph node, and a multilayer perceptron."""

from __future__ import annotations

import functools
import math

import numpy as np

from mlmath_ref._checks import check_positive, check_rng, set_module, show
from mlmath_ref.autodiff import Tensor
from mlmath_ref.autodiff._tensor import _times_sech2
from mlmath_ref.nn._nodes import _node, _operand

__all__ = ["MLP", "Linear", "glorot_uniform", "he_normal"]


def _check_sizes(n_in, n_out, func):
    # Both sizes as positive Python integers, or an error naming the argument.
    try:
        return int(check_positive(n_in, "n_in", integer=True)), int(
            check_positive(n_out, "n_out", integer=True)
        )
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{func}: {exc}") from None


@set_module("mlmath_ref.nn")
def glorot_uniform(n_in, n_out, rng):
    r"""Random initial weights for a tanh or sigmoid layer: uniform, variance :math:`2/(n_{in}+n_{out})`.

    A network's weights must start random (identical weights would stay
    identical) and at the right scale: too small and the signal fades layer
    after layer, too large and it explodes or saturates the activation.
    Glorot and Bengio's rule keeps the variance of the signal about the
    same going forward and going backward. Concept page:
    :ref:`concept-initialization`.

    Parameters
    ----------
    n_in : int
        The number of inputs of the layer (its fan-in), positive.
    n_out : int
        The number of outputs (its fan-out), positive.
    rng : numpy.random.Generator
        The source of randomness, such as ``np.random.default_rng(0)``.

    Returns
    -------
    ndarray
        An array of shape ``(n_in, n_out)``, the layer's ``W`` in
        ``x @ W + b``: entries drawn independently from the uniform
        distribution on :math:`[-a, a]`.

    Raises
    ------
    TypeError
        If `n_in` or `n_out` is not an integer, or `rng` is not a NumPy
        ``Generator``.
    ValueError
        If `n_in` or `n_out` is not positive.

    See Also
    --------
    he_normal : The initialization for ReLU layers.
    Linear : The layer whose weights these are.

    Notes
    -----
    The bound is :math:`a = \sqrt{6 / (n_{in} + n_{out})}`, so that the
    variance of each entry, :math:`a^2/3`, is :math:`2/(n_{in} + n_{out})`:
    the compromise between :math:`1/n_{in}` (which keeps the variance of the
    forward signal) and :math:`1/n_{out}` (the backward gradient). This is
    PyTorch's ``nn.init.xavier_uniform_`` with gain 1; PyTorch stores the
    weight of ``nn.Linear`` transposed, with shape ``(n_out, n_in)``, which
    gives the same distribution.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import glorot_uniform
    >>> W = glorot_uniform(300, 200, np.random.default_rng(0))
    >>> W.shape, bool(np.abs(W).max() <= np.sqrt(6 / 500))
    ((300, 200), True)
    >>> round(float(W.var() * 500 / 2), 2)          # variance 2 / (n_in + n_out)
    1.0
    >>> glorot_uniform(3, 2, rng=0)
    Traceback (most recent call last):
    ...
    TypeError: glorot_uniform: rng must be a numpy.random.Generator such as np.random.default_rng(0), got int
    """
    n_in, n_out = _check_sizes(n_in, n_out, "glorot_uniform")
    check_rng(rng, "glorot_uniform: rng")
    a = math.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-a, a, size=(n_in, n_out))


@set_module("mlmath_ref.nn")
def he_normal(n_in, n_out, rng):
    r"""Random initial weights for a layer followed by ReLU: normal, mean 0, variance :math:`2/n_{in}`.

    ReLU sets about half of its inputs to zero, which halves the variance
    of the signal at every layer; He et al. double the variance of the
    weights to make up for it, so that a deep ReLU network's activations
    neither fade nor explode. Concept page: :ref:`concept-initialization`.

    Parameters
    ----------
    n_in : int
        The number of inputs of the layer (its fan-in), positive.
    n_out : int
        The number of outputs, positive.
    rng : numpy.random.Generator
        The source of randomness, such as ``np.random.default_rng(0)``.

    Returns
    -------
    ndarray
        An array of shape ``(n_in, n_out)``, the layer's ``W`` in
        ``x @ W + b``: independent normal entries with standard deviation
        :math:`\sqrt{2/n_{in}}`.

    Raises
    ------
    TypeError
        If `n_in` or `n_out` is not an integer, or `rng` is not a NumPy
        ``Generator``.
    ValueError
        If `n_in` or `n_out` is not positive.

    See Also
    --------
    glorot_uniform : The initialization for tanh and sigmoid layers.
    Linear : The layer whose weights these are.

    Notes
    -----
    For a layer :math:`y_j = \sum_i x_i W_{ij}` with independent weights of
    mean 0, :math:`\operatorname{Var}(y_j) = n_{in} \operatorname{Var}(W)
    \operatorname{E}(x_i^2)`, and after a ReLU
    :math:`\operatorname{E}(x_i^2)` is half the variance of the layer
    before it. :math:`\operatorname{Var}(W) = 2/n_{in}` makes the two
    factors cancel. This is PyTorch's ``nn.init.kaiming_normal_`` with its
    defaults (``mode="fan_in"``, ReLU gain :math:`\sqrt 2`), untruncated.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import he_normal
    >>> W = he_normal(500, 400, np.random.default_rng(0))
    >>> W.shape, round(float(W.var() * 500 / 2), 2)     # variance 2 / n_in
    ((500, 400), 1.0)
    >>> he_normal(0, 3, np.random.default_rng(0))
    Traceback (most recent call last):
    ...
    ValueError: he_normal: n_in must be positive and finite, got 0
    """
    n_in, n_out = _check_sizes(n_in, n_out, "he_normal")
    check_rng(rng, "he_normal: rng")
    return rng.normal(0.0, math.sqrt(2.0 / n_in), size=(n_in, n_out))


_INITIALIZERS = {"he": he_normal, "glorot": glorot_uniform}


@functools.lru_cache(maxsize=8)
def _ones(n):
    # A read-only vector of n ones: 1^T G, the column sums of G, as one matrix-vector product, which
    # BLAS computes about twice as fast as G.sum(axis=0) on the gradients of a network.
    ones = np.ones(n)
    ones.flags.writeable = False
    return ones


def _linear_node(x, W, b, activation=None, func="Linear"):
    # y = x W + b, and then the activation if one is named ("relu" or "tanh"), as one node of the
    # graph with the closed-form vector-Jacobian products. With an activation f, the rules first turn
    # the gradient G with respect to f(y) into G * f'(y), once for the three of them; the rule of b,
    # the last one backward() applies, lets it go. Fusing the activation saves a node, and a
    # gradient the size of the layer's output that the node of y alone would keep after the pass.
    # The caller holds np.errstate(over="ignore", invalid="ignore"): one context for all the layers.
    # An input array (a constant) may hold NaN or inf unchecked (_operand with check_finite=False):
    # each makes its row of y NaN or infinite, so the check of y finds it, and `func` names x then.
    a, w = x.data, W.data
    y = a @ w
    y += b.data
    sum_of_squares = np.vdot(y, y)
    # a finite sum of squares (one BLAS pass) proves every entry finite; when it overflows (an entry
    # beyond 1.3e154) or is NaN, the largest and smallest entries decide: NaN and inf show in them
    if not (math.isfinite(sum_of_squares) or (math.isfinite(y.max()) and math.isfinite(y.min()))):
        if x._constant and not (math.isfinite(a.max()) and math.isfinite(a.min())):
            raise ValueError(f"{func}: x must not contain NaN or infinite entries")
        where = "" if func == "Linear" else " of a layer"
        raise ValueError(
            f"{func}: the output x @ W + b{where} overflows float64 (beyond ±1.8e308); the largest input "
            f"entry is {float(np.max(np.abs(a))):.3g}"
        )
    if activation is None:
        out = y

        def through(g):
            return g

    elif activation == "relu":
        out = np.maximum(y, 0.0, out=y)  # in place: the derivative needs only where the output is > 0

        def through(g):
            # g where the output is positive, else 0: times the mask as bytes (0 or 1), which NumPy
            # converts faster than booleans
            return np.multiply(g, np.greater(out, 0.0).view(np.uint8))

    else:  # tanh; its derivative in the precise form of Tensor.tanh
        out = np.tanh(y)
        bounded = sum_of_squares < 355.0**2  # then every |y| < 355, where cosh(y)**2 is finite

        def through(g):
            return _times_sech2(g, y, bounded)

    cache = [None, None]  # the gradient G and G * f'(y), shared by the three rules

    def pre(g):
        if cache[0] is not g:
            cache[0], cache[1] = g, through(g)
        return cache[1]

    def rule_b(g):
        gy = pre(g)
        cache[0] = cache[1] = None
        if a.ndim == 1:
            return gy if activation is not None else gy.copy()  # a new array either way
        return _ones(gy.shape[0]) @ gy

    if a.ndim == 1:
        vjps = (lambda g: w @ pre(g), lambda g: np.outer(a, pre(g)), rule_b)
    else:
        vjps = (lambda g: pre(g) @ w.T, lambda g: a.T @ pre(g), rule_b)
    return _node(out, (x, W, b), vjps, "linear" if activation is None else f"linear+{activation}")


@set_module("mlmath_ref.nn")
class Linear:
    r"""A fully connected layer: :math:`\mathbf{y} = \mathbf{x} W + \mathbf{b}`, with trainable `W` and `b`.

    Every output is a weighted sum of every input plus a bias: a row of
    neurons, one per column of :math:`W`. Applied to a batch (one example
    per row), it is one matrix product. Concept page:
    :ref:`concept-fully-connected-layer`.

    Parameters
    ----------
    n_in : int
        The number of inputs, positive.
    n_out : int
        The number of outputs, positive.
    rng : numpy.random.Generator
        The source of randomness of the initial weights.
    init : {"he", "glorot"}, default="he"
        The initialization of `W`: :func:`he_normal` (for a ReLU after
        the layer) or :func:`glorot_uniform` (tanh, sigmoid, or no
        activation). The bias starts at zero.

    Attributes
    ----------
    W : Tensor
        The weights, shape ``(n_in, n_out)``.
    b : Tensor
        The bias, shape ``(n_out,)``.
    n_in, n_out : int
        The sizes.

    Raises
    ------
    TypeError
        If a size is not an integer, `rng` is not a NumPy ``Generator`` or
        `init` is not a string.
    ValueError
        If a size is not positive or `init` is not one of the names above.
        Calling the layer raises a ValueError when the input does not have
        `n_in` entries per row.

    See Also
    --------
    MLP : Layers in a chain, with activations between them.
    mlmath_ref.autodiff.Tensor : The graph the layer records.

    Notes
    -----
    Calling the layer on ``x`` of shape ``(batch, n_in)`` (or one example,
    shape ``(n_in,)``), a Tensor or an array, returns a Tensor of shape
    ``(batch, n_out)``: one node of the graph, whose vector-Jacobian
    products for a gradient :math:`G` with respect to the output are

    .. math:: \bar{X} = G W^\top, \qquad \bar{W} = X^\top G, \qquad
              \bar{\mathbf{b}} = \textstyle\sum_{\text{rows}} G.

    The weights have shape ``(n_in, n_out)`` and multiply from the right,
    ``x @ W``, so that a batch keeps one example per row, as a data matrix
    does everywhere on this site, and the formula reads as the code.
    PyTorch's ``nn.Linear`` stores the transpose, shape ``(n_out, n_in)``,
    and computes ``x @ W.T + b``: to copy weights between the two,
    transpose.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import Linear
    >>> layer = Linear(3, 2, np.random.default_rng(0))
    >>> [p.shape for p in layer.parameters()]
    [(3, 2), (2,)]
    >>> y = layer(np.ones((4, 3)))                  # a batch of 4 examples
    >>> y.shape
    (4, 2)
    >>> y.sum().backward()
    >>> layer.b.grad                                # each bias entry was used 4 times
    array([4., 4.])
    >>> layer(np.ones((4, 5)))
    Traceback (most recent call last):
    ...
    ValueError: Linear: x must have 3 entries per row (n_in), got shape (4, 5)
    """

    def __init__(self, n_in, n_out, rng, init="he"):
        self.n_in, self.n_out = _check_sizes(n_in, n_out, "Linear")
        check_rng(rng, "Linear: rng")
        if not isinstance(init, str):
            raise TypeError(f"Linear: init must be 'he' or 'glorot', got {show(init)}")
        if init not in _INITIALIZERS:
            raise ValueError(f"Linear: init must be 'he' or 'glorot', got {init!r}")
        self.W = Tensor(_INITIALIZERS[init](self.n_in, self.n_out, rng), label="W")
        self.b = Tensor(np.zeros(self.n_out), label="b")

    def __call__(self, x):
        """Apply the layer to `x`, a Tensor or an array of shape ``(batch, n_in)`` or ``(n_in,)``.

        Parameters
        ----------
        x : array_like or Tensor
            The input: real, finite numbers.

        Returns
        -------
        Tensor
            ``x @ W + b``, of shape ``(batch, n_out)`` or ``(n_out,)``.

        Raises
        ------
        TypeError
            If `x` is not real and numeric.
        ValueError
            If `x` is not 1-D or 2-D with `n_in` entries per row, or the
            output overflows float64.
        """
        t, _ = _operand(x, "x", "Linear", check_finite=False, min_ndim=1)  # _linear_node checks
        if t.data.ndim > 2 or t.data.shape[-1] != self.n_in:
            raise ValueError(
                f"Linear: x must have {self.n_in} entries per row (n_in), got shape {t.data.shape}"
                + ("; give a batch as a matrix, one example per row" if t.data.ndim > 2 else "")
            )
        with np.errstate(over="ignore", invalid="ignore"):
            return _linear_node(t, self.W, self.b)

    def parameters(self):
        """The trainable Tensors, ``[W, b]``.

        Returns
        -------
        list of Tensor
            The weights and the bias, in that order.
        """
        return [self.W, self.b]

    def __repr__(self):
        return f"Linear(n_in={self.n_in}, n_out={self.n_out})"


_ACTIVATIONS = {"relu": Tensor.relu, "tanh": Tensor.tanh, "sigmoid": Tensor.sigmoid}
_DEFAULT_INIT = {"relu": "he", "tanh": "glorot", "sigmoid": "glorot"}
_FUSED = ("relu", "tanh")  # computed in the node of their layer


@set_module("mlmath_ref.nn")
class MLP:
    r"""A multilayer perceptron: fully connected layers with an activation between each two.

    The network that turns an input vector into class scores (or
    predictions) by alternating a linear map and a nonlinearity. Without
    the nonlinearity the composition of the layers would collapse into one
    linear map. Concept page: :ref:`concept-neural-network-function`.

    Parameters
    ----------
    sizes : sequence of int
        The widths of the layers, from the input to the output, at least
        two: ``[64, 128, 10]`` is 64 inputs, a hidden layer of 128 units
        and 10 outputs.
    rng : numpy.random.Generator
        The source of randomness of the initial weights.
    activation : {"relu", "tanh", "sigmoid"}, default="relu"
        The function applied after every layer but the last.
    init : {"he", "glorot"}, optional
        The initialization of the weights; by default ``"he"`` for ReLU and
        ``"glorot"`` for tanh and sigmoid.

    Attributes
    ----------
    layers : list of Linear
        The layers, from the input to the output.
    sizes : tuple of int
        The widths.
    activation : str
        The name of the activation.

    Raises
    ------
    TypeError
        If `sizes` is not a sequence of integers, `rng` is not a NumPy
        ``Generator``, or `activation` or `init` is not a string.
    ValueError
        If `sizes` has fewer than two entries or a non-positive one, or
        `activation` or `init` is not one of the names above. Calling the
        network raises a ValueError when the input's rows do not have
        ``sizes[0]`` entries.

    See Also
    --------
    Linear : One layer.
    cross_entropy : The loss of a classifier, computed from the outputs.
    train : The training loop.

    Notes
    -----
    For sizes :math:`n_0, \dots, n_L` and activation :math:`\sigma`, the
    network computes

    .. math:: \mathbf{h}_0 = \mathbf{x}, \quad
              \mathbf{h}_\ell = \sigma(\mathbf{h}_{\ell-1} W_\ell + \mathbf{b}_\ell)
              \ (\ell < L), \quad
              \mathbf{z} = \mathbf{h}_{L-1} W_L + \mathbf{b}_L.

    The last layer has no activation: its outputs are the scores
    (*logits*) that :func:`softmax` and :func:`cross_entropy` take, or the
    predictions of a regression. The layers draw their weights from `rng`
    in order, from the input to the output. With ReLU or tanh, a hidden
    layer and its activation are recorded as one node of the graph
    (``"linear+relu"``, ``"linear+tanh"``), whose rules first multiply the
    gradient by the activation's derivative (tanh's in the precise form of
    :meth:`~mlmath_ref.autodiff.Tensor.tanh`); with sigmoid, the layer and
    :meth:`~mlmath_ref.autodiff.Tensor.sigmoid` are two nodes.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import MLP
    >>> net = MLP([4, 8, 3], np.random.default_rng(0))
    >>> net
    MLP(sizes=(4, 8, 3), activation='relu')
    >>> [p.shape for p in net.parameters()]
    [(4, 8), (8,), (8, 3), (3,)]
    >>> net(np.zeros((5, 4))).shape                # 5 examples, 3 scores each
    (5, 3)
    >>> MLP([4], np.random.default_rng(0))
    Traceback (most recent call last):
    ...
    ValueError: MLP: sizes must hold at least two widths (inputs and outputs), got [4]
    """

    def __init__(self, sizes, rng, activation="relu", init=None):
        if not (
            isinstance(sizes, (list, tuple, range)) or (isinstance(sizes, np.ndarray) and sizes.ndim == 1)
        ):
            raise TypeError(
                f"MLP: sizes must be a list of layer widths such as [64, 128, 10], got {show(sizes)}"
            )
        sizes = list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"MLP: sizes must hold at least two widths (inputs and outputs), got {sizes}")
        for i, n in enumerate(sizes):
            try:
                check_positive(n, f"sizes[{i}]", integer=True)
            except (TypeError, ValueError) as exc:
                raise type(exc)(f"MLP: {exc}") from None
        check_rng(rng, "MLP: rng")
        if not isinstance(activation, str):
            raise TypeError(f"MLP: activation must be 'relu', 'tanh' or 'sigmoid', got {show(activation)}")
        if activation not in _ACTIVATIONS:
            raise ValueError(f"MLP: activation must be 'relu', 'tanh' or 'sigmoid', got {activation!r}")
        if init is None:
            init = _DEFAULT_INIT[activation]
        if not isinstance(init, str):
            raise TypeError(f"MLP: init must be 'he' or 'glorot', got {show(init)}")
        if init not in _INITIALIZERS:
            raise ValueError(f"MLP: init must be 'he' or 'glorot', got {init!r}")
        self.sizes = tuple(int(n) for n in sizes)
        self.activation = activation
        self.layers = [
            Linear(m, n, rng, init=init) for m, n in zip(self.sizes[:-1], self.sizes[1:], strict=True)
        ]

    def __call__(self, x):
        """Apply the network to `x`, a Tensor or an array of shape ``(batch, sizes[0])``.

        Parameters
        ----------
        x : array_like or Tensor
            The input: real, finite numbers, one example per row (or one
            example as a vector).

        Returns
        -------
        Tensor
            The outputs of the last layer, shape ``(batch, sizes[-1])``.

        Raises
        ------
        TypeError
            If `x` is not real and numeric.
        ValueError
            If the rows of `x` do not have ``sizes[0]`` entries, or a layer's
            output overflows float64.
        """
        h, _ = _operand(x, "x", "MLP", check_finite=False, min_ndim=1)  # the first layer checks
        if h.data.ndim > 2 or h.data.shape[-1] != self.sizes[0]:
            raise ValueError(
                f"MLP: x must have {self.sizes[0]} entries per row (sizes[0]), got shape {h.data.shape}"
            )
        activation = self.activation
        with np.errstate(over="ignore", invalid="ignore"):  # for every layer: _linear_node checks
            for layer in self.layers[:-1]:
                if activation in _FUSED:
                    h = _linear_node(h, layer.W, layer.b, activation, "MLP")
                else:
                    h = _ACTIVATIONS[activation](_linear_node(h, layer.W, layer.b, None, "MLP"))
            last = self.layers[-1]  # h has the width of its input: no check to repeat
            return _linear_node(h, last.W, last.b, None, "MLP")

    def parameters(self):
        """The trainable Tensors of every layer, ``[W1, b1, W2, b2, ...]``.

        Returns
        -------
        list of Tensor
            The weights and bias of each layer, from the input to the output.
        """
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self):
        return f"MLP(sizes={self.sizes}, activation={self.activation!r})"
