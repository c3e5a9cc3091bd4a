r"""Entropy, cross-entropy and Kullback-Leibler divergence of probability vectors."""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import check_same_shape, set_module
from mlmath_ref.probability._loader import log_ratio
from mlmath_ref.probability._validate import probability_array, real_scalar, xlogy

__all__ = ["cross_entropy", "entropy", "kl_divergence"]


def _in_base(nats, base):
    # Convert a quantity in nats to units of log base `base` (2: bits).
    if base is None:
        return nats
    base = real_scalar(base, "base")
    if not (base > 0 and base != 1):
        raise ValueError(f"base must be positive and not 1, got {base!r}")
    return nats / math.log(base)


def _pair(p, q):
    p = probability_array(p, "p", ndim=1)
    q = probability_array(q, "q", ndim=1)
    check_same_shape(p, q, "p", "q")
    return p, q


@set_module("mlmath_ref.probability")
def entropy(p, base=None):
    r"""Return the entropy :math:`-\sum_k p_k \log p_k`: the average surprise of a distribution.

    The surprise of an outcome of probability :math:`p_k` is
    :math:`-\log p_k`: 0 for a certain outcome, large for a rare one. The
    entropy is its expected value. It is 0 when one outcome is certain and
    largest, :math:`\log K`, when all :math:`K` outcomes are equally likely.
    In bits (``base=2``) it is the average number of yes/no questions needed
    to learn the outcome. Concept page: :ref:`concept-entropy`.

    Parameters
    ----------
    p : array_like of shape (K,)
        A probability vector: non-negative, summing to 1 within :math:`10^{-9}`.
    base : float, optional
        The base of the logarithm: natural (nats) by default, 2 for bits.

    Returns
    -------
    float
        :math:`H(p) \ge 0`.

    Raises
    ------
    TypeError
        If `p` or `base` is not real and numeric.
    ValueError
        If `p` is not a non-empty vector, holds NaN, infinity or a negative
        entry, or does not sum to 1 within :math:`10^{-9}`; if `base` is not
        positive or is 1.

    See Also
    --------
    cross_entropy : The average surprise when outcomes are scored with another distribution.
    kl_divergence : How much more that costs than the entropy.
    scipy.stats.entropy : SciPy's version, which normalizes `p` for you.

    Notes
    -----
    .. math:: H(p) = -\sum_k p_k \log p_k, \qquad 0 \log 0 = 0

    Terms with :math:`p_k = 0` contribute 0, the limit of
    :math:`-t \log t` as :math:`t \to 0`: an impossible outcome adds no
    surprise on average. ``scipy.stats.entropy(p)`` first divides `p` by its
    sum, so it accepts any non-negative weights; this function refuses a
    vector that is not already a distribution (within :math:`10^{-9}`), and
    uses it as given.

    Examples
    --------
    >>> from mlmath_ref.probability import entropy
    >>> entropy([0.5, 0.5], base=2)                      # one fair coin: one bit
    1.0
    >>> round(entropy([0.9, 0.1], base=2), 4), entropy([1.0, 0.0])   # biased, certain
    (0.469, 0.0)
    >>> entropy([0.5, 0.6])
    Traceback (most recent call last):
    ...
    ValueError: p must sum to 1 (within 1e-09), got 1.1
    """
    p = probability_array(p, "p", ndim=1)
    return _in_base(float(-np.sum(xlogy(p, p))) + 0.0, base)  # + 0.0: no -0.0


@set_module("mlmath_ref.probability")
def cross_entropy(p, q, base=None):
    r"""Return the cross-entropy :math:`-\sum_k p_k \log q_k`: surprise under `q` of outcomes from `p`.

    Outcomes come from :math:`p`, but each is scored with the surprise
    :math:`-\log q_k` of a model :math:`q`. With :math:`p` the one-hot true
    label and :math:`q` a classifier's predicted probabilities, this is the
    classification loss: :math:`-\log q_{\text{true class}}`. It is never
    below the entropy of :math:`p`, and equals it only when
    :math:`q = p`. Concept page: :ref:`concept-cross-entropy`.

    Parameters
    ----------
    p : array_like of shape (K,)
        The distribution the outcomes come from (the labels).
    q : array_like of shape (K,)
        The distribution used to score them (the model).
    base : float, optional
        The base of the logarithm: natural (nats) by default, 2 for bits.

    Returns
    -------
    float
        :math:`H(p, q) \ge H(p)`; ``inf`` if :math:`q_k = 0` where
        :math:`p_k > 0`.

    Raises
    ------
    TypeError
        If `p`, `q` or `base` is not real and numeric.
    ValueError
        If `p` or `q` is not a probability vector (non-empty, finite,
        non-negative, summing to 1 within :math:`10^{-9}`), their shapes
        differ, or `base` is not positive or is 1.

    See Also
    --------
    entropy : The cross-entropy of :math:`p` with itself.
    kl_divergence : The difference :math:`H(p, q) - H(p)`.

    Notes
    -----
    .. math::

        H(p, q) = -\sum_k p_k \log q_k = H(p) + D_{\mathrm{KL}}(p \,\|\, q)

    Terms with :math:`p_k = 0` contribute 0 whatever :math:`q_k` is; a term
    with :math:`p_k > 0` and :math:`q_k = 0` makes the result ``inf``: an
    outcome that happens but was predicted impossible is infinitely
    surprising. That is why a classifier's probabilities come from a
    softmax, which is never exactly 0, and why a loss is computed from
    logits in practice. SciPy has no cross-entropy function;
    ``scipy.stats.entropy(p) + scipy.stats.entropy(p, q)`` is the same
    quantity for normalized vectors.

    Examples
    --------
    >>> from mlmath_ref.probability import cross_entropy
    >>> label, prediction = [0.0, 1.0, 0.0], [0.2, 0.7, 0.1]
    >>> round(cross_entropy(label, prediction), 6)       # -log 0.7
    0.356675
    >>> round(cross_entropy(label, [0.9, 0.05, 0.05]), 4)   # confident and wrong: -log 0.05
    2.9957
    >>> cross_entropy(label, [0.5, 0.0, 0.5])            # the true class predicted impossible
    inf
    >>> cross_entropy(label, [0.5, 0.5])
    Traceback (most recent call last):
    ...
    ValueError: p and q must have the same shape, got (3,) and (2,)
    """
    p, q = _pair(p, q)
    return _in_base(float(-np.sum(xlogy(p, q))) + 0.0, base)


@set_module("mlmath_ref.probability")
def kl_divergence(p, q, base=None):
    r"""Return the Kullback-Leibler divergence :math:`\sum_k p_k \log(p_k / q_k)` of `q` from `p`.

    The extra surprise, on average over outcomes from :math:`p`, of scoring
    them with :math:`q` instead of :math:`p` itself: cross-entropy minus
    entropy. It is 0 exactly when :math:`q = p` and positive otherwise, but
    it is not a distance: swapping :math:`p` and :math:`q` changes it.
    Variational autoencoders and knowledge distillation minimize it.
    Concept page: :ref:`concept-kl-divergence`.

    Parameters
    ----------
    p : array_like of shape (K,)
        The distribution the outcomes come from.
    q : array_like of shape (K,)
        The distribution used in its place.
    base : float, optional
        The base of the logarithm: natural (nats) by default, 2 for bits.

    Returns
    -------
    float
        :math:`D_{\mathrm{KL}}(p \,\|\, q) \ge 0` (up to rounding, about
        :math:`10^{-16}`); ``inf`` if :math:`q_k = 0` where :math:`p_k > 0`.

    Raises
    ------
    TypeError
        If `p`, `q` or `base` is not real and numeric.
    ValueError
        If `p` or `q` is not a probability vector (non-empty, finite,
        non-negative, summing to 1 within :math:`10^{-9}`), their shapes
        differ, or `base` is not positive or is 1.

    See Also
    --------
    cross_entropy : :math:`H(p, q) = H(p) + D_{\mathrm{KL}}(p \,\|\, q)`.
    entropy : :math:`H(p)`.
    scipy.special.rel_entr : The terms :math:`p_k \log(p_k / q_k)`, with the same conventions.

    Notes
    -----
    .. math:: D_{\mathrm{KL}}(p \,\|\, q) = \sum_k p_k \log \frac{p_k}{q_k}

    Terms with :math:`p_k = 0` contribute 0; a term with :math:`p_k > 0` and
    :math:`q_k = 0` is ``inf``, as in ``scipy.special.rel_entr``: :math:`q`
    calls impossible something that happens under :math:`p`. Each term uses
    :math:`\log(p_k / q_k)`, which is accurate when :math:`p_k` and
    :math:`q_k` are close, and :math:`\log p_k - \log q_k` where the ratio
    would overflow or underflow (:math:`p_k = 1`, :math:`q_k = 10^{-320}`).
    Rounding in the sum can leave a result of about :math:`\pm 10^{-16}` for
    nearly equal vectors, as in SciPy; for identical vectors every term is
    exactly 0.

    Examples
    --------
    >>> from mlmath_ref.probability import kl_divergence
    >>> p, q = [0.5, 0.5], [0.9, 0.1]
    >>> round(kl_divergence(p, q), 4), round(kl_divergence(q, p), 4)   # not symmetric
    (0.5108, 0.3681)
    >>> kl_divergence(p, p)
    0.0
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])        # q rules out an outcome p allows
    inf
    >>> kl_divergence([1.0, 0.0], [0.5, 0.5], base=2)   # but not the other way round: 1 bit
    1.0
    """
    p, q = _pair(p, q)
    terms = np.zeros_like(p)
    some = p > 0
    terms[some & (q == 0)] = np.inf
    both = some & (q > 0)
    terms[both] = p[both] * log_ratio(p[both], q[both])
    return _in_base(float(np.sum(terms)), base)
