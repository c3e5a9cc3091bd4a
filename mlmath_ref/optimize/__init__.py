r"""Optimization: gradient descent, Newton's method and the optimizers that train networks.

:func:`gradient_descent` and :func:`newton` minimize a function given its
gradient (and Hessian) and return the whole path, so that a page can draw
it. :class:`SGD`, :class:`RMSProp` and :class:`Adam` update a list of NumPy
arrays in place, one ``step(params, grads)`` at a time, with the update
rules and defaults of PyTorch's ``torch.optim``: numbers computed here match
the ones a reader gets from the framework. :func:`minibatches` cuts a
data set into the shuffled batches of stochastic gradient descent.
Concept pages: the Optimization chapter of the site.

See Also
--------
mlmath_ref.multivariate : Gradients and Hessians by finite differences.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.optimize import gradient_descent
>>> path = gradient_descent(lambda x: 2 * x, np.array([1.0]), learning_rate=0.25, num_steps=3)
>>> path.ravel()                        # each step halves x on f(x) = x^2
array([1.   , 0.5  , 0.25 , 0.125])
"""

from mlmath_ref.optimize._descent import gradient_descent, minibatches, newton
from mlmath_ref.optimize._optimizers import SGD, Adam, RMSProp

__all__ = ["Adam", "RMSProp", "SGD", "gradient_descent", "minibatches", "newton"]
