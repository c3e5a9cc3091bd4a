r"""Neural networks: softmax and losses, layers on Tensor, attention, and the training loop.

Every function here accepts NumPy arrays or :class:`~mlmath_ref.autodiff.Tensor`
objects. On arrays it computes values; on Tensors it records *one* node of the
computational graph whose gradient rule is the closed form the concept pages
derive (softmax's, cross-entropy's ``softmax - onehot``, a layer's
``X^T G``), so that a network trains at close to the speed of hand-written
NumPy. :class:`Linear` and :class:`MLP` hold their weights as Tensors of shape
``(n_in, n_out)`` and compute ``x @ W + b``, one example per row;
:func:`train` runs minibatch training with the optimizers of
:mod:`mlmath_ref.optimize` and returns the learning curves. Concept pages: the
Neural networks chapter of the site.

See Also
--------
mlmath_ref.autodiff : The Tensor engine that computes the gradients.
mlmath_ref.optimize : SGD, RMSProp and Adam.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.autodiff import Tensor
>>> from mlmath_ref.nn import MLP, cross_entropy
>>> net = MLP([4, 16, 3], np.random.default_rng(0))
>>> loss = cross_entropy(net(np.ones((2, 4))), np.array([0, 2]))
>>> loss.backward()
>>> [p.grad.shape for p in net.parameters()]
[(4, 16), (16,), (16, 3), (3,)]
"""

from mlmath_ref.nn._attention import attention
from mlmath_ref.nn._functional import accuracy, cross_entropy, log_softmax, mse, softmax
from mlmath_ref.nn._layers import MLP, Linear, glorot_uniform, he_normal
from mlmath_ref.nn._training import train

__all__ = [
    "MLP",
    "Linear",
    "accuracy",
    "attention",
    "cross_entropy",
    "glorot_uniform",
    "he_normal",
    "log_softmax",
    "mse",
    "softmax",
    "train",
]
