r"""Scaled dot-product attention, on arrays and as one node of a Tensor graph."""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import refuse_masked, set_module, show
from mlmath_ref.autodiff import Tensor
from mlmath_ref.nn._nodes import _node, _operand

__all__ = ["attention"]


def _check_mask(mask, shape):
    # A boolean array that broadcasts to the shape of the scores, with an allowed key in every row.
    if isinstance(mask, Tensor):
        raise TypeError(
            "attention: mask must be a boolean array (True where attention is allowed), got a Tensor"
        )
    refuse_masked(mask, "attention: mask")
    m = np.asarray(mask)
    if m.dtype != np.bool_:
        raise TypeError(
            "attention: mask must be a boolean array, True where a query may attend to a key, "
            f"got an array of dtype {m.dtype}" + ("" if m.dtype.kind in "biuf" else f" ({show(mask)})")
        )
    try:
        m = np.broadcast_to(m, shape)
    except ValueError:
        raise ValueError(
            f"attention: mask of shape {m.shape} does not broadcast to the shape of the scores, "
            f"{shape} (queries by keys)"
        ) from None
    blocked = ~m.any(axis=-1)
    if np.any(blocked):
        where = np.unravel_index(int(np.argmax(blocked)), blocked.shape)
        at = ", ".join(str(int(i)) for i in where)
        raise ValueError(
            f"attention: mask blocks every key for the query at index ({at}); each query must be allowed "
            "to attend to at least one key (its weights would be 0/0)"
        )
    return m


@set_module("mlmath_ref.nn")
def attention(Q, K, V, mask=None, return_weights=False):
    r"""Scaled dot-product attention: each query takes a softmax-weighted average of the values.

    Each query vector is compared with every key by an inner product; a
    softmax turns the scores into weights that add up to one; the output
    for that query is the weighted average of the value vectors. It is how
    a transformer lets every position of a sequence gather information
    from the positions that matter to it. Concept page:
    :ref:`concept-attention`.

    Parameters
    ----------
    Q : array_like or Tensor
        The queries, shape ``(..., n_q, d)``: one row per query.
    K : array_like or Tensor
        The keys, shape ``(..., n_k, d)``, the same leading axes as `Q`.
    V : array_like or Tensor
        The values, shape ``(..., n_k, d_v)``: one row per key.
    mask : array_like of bool, optional
        True where a query may attend to a key (PyTorch's convention for a
        boolean ``attn_mask``); it must broadcast to the scores' shape
        ``(..., n_q, n_k)``. By default every query attends to every key.
    return_weights : bool, default=False
        Also return the attention weights (for drawing them).

    Returns
    -------
    ndarray or Tensor
        The outputs, shape ``(..., n_q, d_v)``: an array when no argument
        is a Tensor, else a Tensor (one node of the graph, whose gradient
        rules are the closed forms of the Notes; an array argument is a
        constant).
    weights : ndarray
        Only with ``return_weights=True``: the weights, shape
        ``(..., n_q, n_k)``, each row adding up to one, 0 where masked. An
        array, with no gradient.

    Raises
    ------
    TypeError
        If `Q`, `K` or `V` is not real and numeric, `mask` is not a boolean
        array, or `return_weights` is not a bool.
    ValueError
        If an argument is empty or holds NaN or infinite entries; if the
        shapes do not fit (fewer than two axes, different leading axes,
        queries and keys of different lengths ``d``, not one value per
        key); if `mask` does not broadcast to the scores or blocks every key
        for some query; if a score overflows float64.

    See Also
    --------
    softmax : The normalization of the scores.

    Notes
    -----
    With :math:`d` the length of a query,

    .. math:: S = \frac{Q K^\top}{\sqrt d}, \qquad A = \operatorname{softmax}(S)
              \ \text{(each row)}, \qquad O = A V.

    Dividing by :math:`\sqrt d` keeps the scores of random unit-variance
    vectors at unit variance, so that the softmax does not saturate as
    :math:`d` grows. Each output row is a weighted average of rows of
    :math:`V`, so it lies within their range; near the largest float64
    the product is taken on :math:`V/4` and scaled back, so that rounding
    cannot push it beyond. A masked score is :math:`-\infty`: its weight is
    exactly 0 and the other weights of the row add up to one. A row with
    every key masked has no weights at all (0/0); PyTorch's
    ``scaled_dot_product_attention`` returns NaN for it, here it is an
    error. For a gradient :math:`G` with respect to :math:`O`, the
    vector-Jacobian products are

    .. math:: \bar V = A^\top G, \quad \bar A = G V^\top, \quad
              \bar S = A \odot \bigl(\bar A - \operatorname{rowsum}(\bar A \odot A)\bigr), \quad
              \bar Q = \frac{\bar S K}{\sqrt d}, \quad \bar K = \frac{\bar S^\top Q}{\sqrt d}.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.nn import attention
    >>> Q = np.array([[1.0, 0.0]])                   # one query
    >>> K = np.array([[1.0, 0.0], [0.0, 1.0]])       # two keys
    >>> V = np.array([[10.0], [20.0]])               # their values
    >>> out, w = attention(Q, K, V, return_weights=True)
    >>> w.round(4), out.round(3)                     # scores 1/sqrt(2) and 0
    (array([[0.6698, 0.3302]]), array([[13.302]]))
    >>> attention(Q, K, V, mask=np.array([[False, True]]))     # only the second key
    array([[20.]])
    >>> attention(Q, K, V, mask=np.array([[False, False]]))
    Traceback (most recent call last):
    ...
    ValueError: attention: mask blocks every key for the query at index (0); ...
    """
    q_t, q_is = _operand(Q, "Q", "attention", min_ndim=2)
    k_t, k_is = _operand(K, "K", "attention", min_ndim=2)
    v_t, v_is = _operand(V, "V", "attention", min_ndim=2)
    q, k, v = q_t.data, k_t.data, v_t.data
    if not isinstance(return_weights, (bool, np.bool_)):
        raise TypeError(f"attention: return_weights must be True or False, got {show(return_weights)}")
    if not (q.ndim == k.ndim == v.ndim and q.shape[:-2] == k.shape[:-2] == v.shape[:-2]):
        raise ValueError(
            f"attention: Q, K and V must have the same leading (batch) axes, got shapes {q.shape}, "
            f"{k.shape} and {v.shape}"
        )
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(
            f"attention: queries and keys must have the same length d, got Q of shape {q.shape} "
            f"and K of shape {k.shape}"
        )
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(
            f"attention: V must have one row per key, {k.shape[-2]}, got V of shape {v.shape} "
            f"and K of shape {k.shape}"
        )
    scale = 1.0 / math.sqrt(q.shape[-1])
    with np.errstate(over="ignore", invalid="ignore"):
        S = (q @ np.swapaxes(k, -1, -2)) * scale
    if not np.all(np.isfinite(S)):
        raise ValueError(
            "attention: a score Q K^T / sqrt(d) overflows float64 (beyond ±1.8e308); the largest "
            f"entries of Q and K are {float(np.max(np.abs(q))):.3g} and {float(np.max(np.abs(k))):.3g}"
        )
    if mask is None:
        e = np.exp(S - S.max(axis=-1, keepdims=True))
    else:
        m = _check_mask(mask, S.shape)
        top = np.where(m, S, -np.inf).max(axis=-1, keepdims=True)  # finite: every row allows a key
        with np.errstate(over="ignore", invalid="ignore"):
            e = np.where(m, np.exp(np.where(m, S - top, 0.0)), 0.0)
    A = e / e.sum(axis=-1, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):
        out = A @ v  # each row a convex combination of rows of V, within their range
    if not np.all(np.isfinite(out)):  # rounding pushed an average of entries near ±1.8e308 beyond
        w = np.ldexp(v, -2)
        lo, hi = w.min(axis=-2, keepdims=True), w.max(axis=-2, keepdims=True)
        out = np.ldexp(np.clip(A @ w, lo, hi), 2)
    if not (q_is or k_is or v_is):
        return (out, A) if return_weights else out

    cache = [None, None]

    def dS(g):
        # the gradient with respect to the scores, shared by the rules of Q and K
        if cache[0] is not g:
            dA = g @ np.swapaxes(v, -1, -2)
            cache[0], cache[1] = g, A * (dA - (dA * A).sum(axis=-1, keepdims=True))
        return cache[1]

    result = _node(
        out,
        (q_t, k_t, v_t),
        (
            lambda g: (dS(g) @ k) * scale,
            lambda g: (np.swapaxes(dS(g), -1, -2) @ q) * scale,
            lambda g: np.swapaxes(A, -1, -2) @ g,
        ),
        "attention",
    )
    return (result, A) if return_weights else result
