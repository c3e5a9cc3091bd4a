"""Automatic differentiation: reverse mode on a recorded computational graph.

Two small engines that compute derivatives the way deep-learning frameworks
do. :class:`Scalar` works on single numbers and is meant to be followed by
hand; :class:`Tensor` works on NumPy arrays and is fast enough to train the
networks of the neural-network chapter. Both record each operation with its
local derivative as it runs; ``backward()`` then applies the chain rule from
the result back to the inputs. :func:`graph_of` lists the recorded graph.
Concept pages: :ref:`concept-computational-graph` and
:ref:`concept-automatic-differentiation`.

Examples
--------
>>> from mlmath_ref.autodiff import Scalar
>>> x, y = Scalar(2.0), Scalar(-1.0)
>>> z = (x * y).exp() + x
>>> z.backward()
>>> round(x.grad, 4), round(y.grad, 4)
(0.8647, 0.2707)
"""

from mlmath_ref.autodiff._graph import graph_of
from mlmath_ref.autodiff._scalar import Scalar
from mlmath_ref.autodiff._tensor import Tensor, unbroadcast

__all__ = ["Scalar", "Tensor", "graph_of", "unbroadcast"]
