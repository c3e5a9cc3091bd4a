"""Fundamentals: functions, composition, floating point, sums and sequences.

Concept pages: the Fundamentals chapter of the site.
"""

from __future__ import annotations

from mlmath_ref._checks import set_module

__all__ = ["compose"]


@set_module("mlmath_ref.fundamentals")
def compose(*functions):
    r"""Compose functions right to left, as :math:`f \circ g` is written.

    ``compose(f, g)`` returns the function :math:`x \mapsto f(g(x))`: first
    ``g``, then ``f``. A neural network is a composition of layers, written
    the same way. Concept page: :ref:`concept-composition`.

    Parameters
    ----------
    *functions : callable
        One or more functions of one argument. The last is applied first.

    Returns
    -------
    callable
        The composition. It keeps the list of its parts in ``.functions``.

    Raises
    ------
    ValueError
        If no function is given.
    TypeError
        If one of the arguments is not callable; the message names its position.

    See Also
    --------
    mlmath_ref.linalg.matmul : The matrix of a composition of linear maps.

    Notes
    -----
    .. math:: (f \circ g)(x) = f(g(x))

    Composition is associative, :math:`(f \circ g) \circ h = f \circ (g \circ h)`,
    but not commutative: in general :math:`f \circ g \neq g \circ f`. The
    composition is evaluated with a loop rather than nested calls, so a chain
    of thousands of functions does not hit Python's recursion limit.

    Examples
    --------
    >>> from mlmath_ref.fundamentals import compose
    >>> def double(x):
    ...     return 2 * x
    >>> def add_one(x):
    ...     return x + 1
    >>> compose(double, add_one)(3)    # double(add_one(3))
    8
    >>> compose(add_one, double)(3)    # add_one(double(3)): order matters
    7
    >>> compose(1, double)
    Traceback (most recent call last):
    ...
    TypeError: compose: argument 0 must be callable, got int
    """
    if not functions:
        raise ValueError("compose needs at least one function, got none")
    for position, f in enumerate(functions):
        if not callable(f):
            raise TypeError(f"compose: argument {position} must be callable, got {type(f).__name__}")

    def composition(x):
        for f in reversed(functions):
            x = f(x)
        return x

    composition.functions = functions
    composition.__name__ = " ∘ ".join(getattr(f, "__name__", repr(f)) for f in functions)
    return composition
