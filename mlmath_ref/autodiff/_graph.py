"""The computational graph below a node, as lists of nodes and edges to draw."""

from __future__ import annotations

from mlmath_ref._checks import set_module
from mlmath_ref.autodiff._scalar import Scalar
from mlmath_ref.autodiff._tensor import Tensor
from mlmath_ref.autodiff._toposort import topological_order

__all__ = ["graph_of"]


@set_module("mlmath_ref.autodiff")
def graph_of(root):
    r"""List the nodes and edges of the computational graph that computed `root`.

    Walks back from `root` through the ``parents`` that every
    :class:`Scalar` or :class:`Tensor` operation records, and returns the
    graph in topological order: inputs first, `root` last. This is what the
    gallery draws with matplotlib. Concept page:
    :ref:`concept-computational-graph`.

    Parameters
    ----------
    root : Scalar or Tensor
        The result of a computation, usually a loss.

    Returns
    -------
    nodes : list of Scalar or list of Tensor
        Every node below `root`, each after all of its parents, `root` last.
    edges : list of tuple of int
        One pair ``(i, j)`` per use of ``nodes[i]`` as an input of
        ``nodes[j]``. A node used twice by one operation (as in ``x * x``)
        gives two equal pairs.

    Raises
    ------
    TypeError
        If `root` is not a Scalar or a Tensor.

    See Also
    --------
    Scalar : Its ``backward()`` walks the same order backwards, applying the chain rule.

    Notes
    -----
    The order is found by a depth-first search with an explicit stack, so a
    graph thousands of operations deep needs no recursion. Reverse-mode
    differentiation visits the nodes in the reverse of a topological order
    (``Scalar.backward()`` in the reverse of this one; ``Tensor.backward()``
    sorts by the number each Tensor gets when it is made, which is another):
    when a node is reached, every node that used it has already passed its
    gradient back.

    Examples
    --------
    >>> from mlmath_ref.autodiff import Scalar, graph_of
    >>> x = Scalar(3.0, label="x")
    >>> y = x * x + x
    >>> nodes, edges = graph_of(y)
    >>> [n.op or n.label for n in nodes]
    ['x', '*', '+']
    >>> edges                     # x feeds * twice, and + once
    [(0, 1), (0, 1), (1, 2), (0, 2)]
    >>> graph_of(3.0)
    Traceback (most recent call last):
    ...
    TypeError: graph_of: root must be a Scalar or a Tensor, got float
    """
    if not isinstance(root, (Scalar, Tensor)):
        raise TypeError(f"graph_of: root must be a Scalar or a Tensor, got {type(root).__name__}")
    nodes = topological_order(root)
    index = {id(node): i for i, node in enumerate(nodes)}
    edges = [(index[id(parent)], j) for j, node in enumerate(nodes) for parent in node.parents]
    return nodes, edges
