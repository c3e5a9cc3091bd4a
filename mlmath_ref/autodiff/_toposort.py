"""The topological order of a recorded computational graph.

Its own module, which imports nothing of the two engines, so that imports
flow one way: ``_scalar.py`` and ``_tensor.py`` walk this order backwards in
``backward()``, and ``_graph.py`` (:func:`~mlmath_ref.autodiff.graph_of`)
imports it and both engines.
"""

from __future__ import annotations

__all__ = ["topological_order"]


def topological_order(root):
    """Every node below `root`, each after all of its parents, `root` last.

    A depth-first search with an explicit stack instead of recursion, so a
    graph ten thousand operations deep does not hit Python's recursion limit.
    A node is written out only once all of its parents have been written out.

    Parameters
    ----------
    root : Scalar or Tensor
        The node to start from.

    Returns
    -------
    list
        The nodes, inputs first and `root` last.
    """
    order = []
    visited = set()  # ids of the nodes already reached
    stack = [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)  # every parent is already in `order`
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.append((node, True))  # come back to it after its parents
        for parent in node.parents:
            if id(parent) not in visited:
                stack.append((parent, False))
    return order
