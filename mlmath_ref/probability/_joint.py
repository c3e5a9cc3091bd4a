r"""Joint, marginal and conditional distributions of discrete variables, and Bayes' theorem."""

from __future__ import annotations

import numbers

import numpy as np

from mlmath_ref._checks import check_same_shape, set_module
from mlmath_ref.probability._validate import array_arg, probability_array

__all__ = ["bayes_posterior", "conditional", "marginal"]


def _axis(axis, ndim, expected="an integer"):
    # One axis as a non-negative int; negative values count from the end, as in NumPy.
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"axis must be {expected}, got {axis!r}")
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"axis must be between {-ndim} and {ndim - 1} for a joint with {ndim} axes, got {axis}"
        )
    return int(axis) % ndim


@set_module("mlmath_ref.probability")
def bayes_posterior(prior, likelihood):
    r"""Update a prior over hypotheses with the likelihood of the data: Bayes' theorem.

    Each hypothesis :math:`k` (spam or not spam, a disease or none) has a
    prior probability :math:`P(H_k)` and gives the observed data a
    probability :math:`P(D \mid H_k)`, the likelihood. The posterior
    :math:`P(H_k \mid D)` is the prior times the likelihood, rescaled to sum
    to 1. A rare hypothesis stays unlikely after a positive test unless the
    test is very specific: the base-rate trap. Concept page:
    :ref:`concept-bayes-theorem`.

    Parameters
    ----------
    prior : array_like of shape (K,)
        :math:`P(H_k)`: non-negative, summing to 1 within :math:`10^{-9}`.
    likelihood : array_like of shape (K,)
        :math:`P(D \mid H_k)` for each hypothesis: non-negative and finite.
        It need not sum to 1 (it is a function of :math:`k` for fixed data),
        and may be a density value above 1.

    Returns
    -------
    ndarray of shape (K,)
        The posterior :math:`P(H_k \mid D)`, summing to 1.

    Raises
    ------
    TypeError
        If `prior` or `likelihood` is not real and numeric.
    ValueError
        If `prior` is not a probability vector, `likelihood` has a negative,
        NaN or infinite entry, their shapes differ, or the evidence
        :math:`P(D)` is 0 (the data are impossible under every hypothesis
        with a positive prior).

    See Also
    --------
    conditional : Conditioning a joint table, the same operation on a table.
    marginal : The evidence is a marginal of the joint table prior times likelihood.

    Notes
    -----
    .. math::

        P(H_k \mid D) = \frac{P(D \mid H_k)\,P(H_k)}{P(D)}, \qquad
        P(D) = \sum_j P(D \mid H_j)\,P(H_j)

    The products are formed as mantissa times power of 2 (``numpy.frexp``)
    and divided by the largest power of 2 before normalizing, so they do not
    underflow when both factors are tiny: a prior of :math:`10^{-30}` times a
    likelihood of :math:`10^{-300}` is below the smallest float64, and the
    direct product would give that hypothesis a posterior of exactly 0.
    (A naive Bayes filter multiplies hundreds of word likelihoods: add their
    logarithms instead, since their product underflows before it reaches
    this function.) SciPy has no function for this.

    Examples
    --------
    >>> from mlmath_ref.probability import bayes_posterior
    >>> # 1% of mail is spam; a word appears in 60% of spam and 2% of other mail.
    >>> bayes_posterior([0.01, 0.99], [0.6, 0.02]).round(4)
    array([0.2326, 0.7674])
    >>> post = bayes_posterior([1e-30, 1.0 - 1e-30], [1e-300, 1e-300])
    >>> float(post[0])                 # the product 1e-330 underflows, the posterior does not
    1e-30
    >>> bayes_posterior([1.0, 0.0], [0.0, 0.5])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: the evidence sum(prior * likelihood) is 0: the data are impossible under ...
    """
    prior = probability_array(prior, "prior", ndim=1)
    likelihood = array_arg(likelihood, "likelihood", ndim=1)
    check_same_shape(prior, likelihood, "prior", "likelihood")
    negative = np.flatnonzero(likelihood < 0)
    if negative.size:
        k = negative[0]
        value = float(likelihood[k])
        raise ValueError(f"likelihood must have no negative entries, got {value!r} at index {k}")
    # prior * likelihood with mantissas and exponents apart: m 2^e, m in [1/4, 1) or 0
    prior_m, prior_e = np.frexp(prior)
    like_m, like_e = np.frexp(likelihood)
    m, e = prior_m * like_m, prior_e + like_e
    if not m.any():
        raise ValueError(
            "the evidence sum(prior * likelihood) is 0: the data are impossible "
            "under every hypothesis with a positive prior"
        )
    weights = np.ldexp(m, e - e[m > 0].max())  # the joint divided by a power of 2, largest near 1
    return weights / weights.sum()


@set_module("mlmath_ref.probability")
def marginal(joint, axis):
    r"""Return the distribution of the variable(s) on `axis`, summing out every other variable.

    A joint table gives :math:`P(X = i, Y = j)` with one axis per variable.
    The marginal distribution of :math:`X` adds up the table over all
    values of the other variables: :math:`P(X = i) = \sum_j P(X = i, Y = j)`,
    the totals in the margin of the table. Concept page:
    :ref:`concept-joint-marginal`.

    Parameters
    ----------
    joint : array_like
        The joint table, one axis per variable: non-negative, summing to 1
        within :math:`10^{-9}`.
    axis : int or tuple of int
        The variable(s) to keep (negative values count from the end). For a
        tuple, the result has one axis per entry, in the order given.

    Returns
    -------
    ndarray
        For an int `axis`, a vector of length ``joint.shape[axis]``; for a
        tuple, the joint table of those variables.

    Raises
    ------
    TypeError
        If `joint` is not real and numeric or `axis` is not an int or a
        tuple of ints.
    ValueError
        If `joint` is not a probability table, `axis` is out of range, an
        empty tuple, or names a variable twice.

    See Also
    --------
    conditional : Fix the value of one variable instead of summing it out.
    bayes_posterior : Bayes' theorem, where the evidence is a marginal.

    Notes
    -----
    .. math:: P(X_a = i) = \sum_{\text{all other indices}} P(X_0 = i_0, \dots, X_a = i, \dots)

    Mind the difference from ``joint.sum(axis)``: NumPy's `axis` names the
    axis summed *away*, here it names the variable *kept*. For a 2-D
    table, ``marginal(joint, 0)`` is ``joint.sum(axis=1)``, the row totals.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import marginal
    >>> # rows: weather (sun, rain); columns: commute (walk, bus)
    >>> joint = np.array([[0.4, 0.2], [0.1, 0.3]])
    >>> marginal(joint, 0), marginal(joint, 1)     # P(weather), P(commute)
    (array([0.6, 0.4]), array([0.5, 0.5]))
    >>> marginal(joint, (1, 0))                    # keep both, axes swapped
    array([[0.4, 0.1],
           [0.2, 0.3]])
    >>> marginal(joint, 2)
    Traceback (most recent call last):
    ...
    ValueError: axis must be between -2 and 1 for a joint with 2 axes, got 2
    """
    joint = probability_array(joint, "joint", min_ndim=1)
    if isinstance(axis, tuple):
        if not axis:
            raise ValueError("axis must name at least one variable to keep, got ()")
        keep = tuple(_axis(a, joint.ndim, "an integer or a tuple of integers") for a in axis)
        if len(set(keep)) != len(keep):
            raise ValueError(f"axis must name each variable once, got {axis!r}")
    else:
        keep = (_axis(axis, joint.ndim, "an integer or a tuple of integers"),)
    others = tuple(a for a in range(joint.ndim) if a not in keep)
    summed = joint.sum(axis=others)  # the kept axes remain, in increasing order
    order = sorted(keep)
    return np.transpose(summed, [order.index(a) for a in keep])


@set_module("mlmath_ref.probability")
def conditional(joint, axis, index):
    r"""Return the distribution of the other variables given that the variable on `axis` equals `index`.

    Knowing that :math:`X = i` keeps only the slice of the joint table
    where :math:`X = i`; rescaling that slice to sum to 1 gives
    :math:`P(Y = j \mid X = i) = P(X = i, Y = j) / P(X = i)`. When the result
    is the same for every :math:`i`, the variables are independent
    (:ref:`concept-independence`). Concept page:
    :ref:`concept-conditional-probability`.

    Parameters
    ----------
    joint : array_like
        The joint table with at least two axes, one per variable:
        non-negative, summing to 1 within :math:`10^{-9}`.
    axis : int
        The variable whose value is known (negative values count from the end).
    index : int
        Its value, from 0 to ``joint.shape[axis] - 1`` (negative values are
        refused: a value of a variable, not a Python index).

    Returns
    -------
    ndarray
        The table of the remaining variables, ``joint`` without `axis`,
        summing to 1.

    Raises
    ------
    TypeError
        If `joint` is not real and numeric, or `axis` or `index` is not an
        integer.
    ValueError
        If `joint` is not a probability table with at least two axes, `axis`
        or `index` is out of range, or :math:`P(X = i) = 0`: conditioning on
        an impossible event is undefined.

    See Also
    --------
    marginal : The denominator :math:`P(X = i)` is a marginal probability.
    bayes_posterior : Conditioning the other way round, from prior and likelihood.

    Notes
    -----
    .. math::

        P(\text{rest} \mid X_a = i) = \frac{P(X_a = i, \text{rest})}{P(X_a = i)},
        \qquad P(X_a = i) = \sum_{\text{rest}} P(X_a = i, \text{rest})

    The slice is divided by its largest entry before it is summed, so a
    slice of tiny (even subnormal) probabilities is rescaled without losing
    digits. There is no NumPy or SciPy function for it; in NumPy it is
    ``s = np.take(joint, index, axis); s / s.sum()``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import conditional
    >>> joint = np.array([[0.4, 0.2], [0.1, 0.3]])   # weather x commute
    >>> conditional(joint, 0, 1).round(4)      # P(commute | rain)
    array([0.25, 0.75])
    >>> conditional(joint, 1, 1).round(4)      # P(weather | bus)
    array([0.4, 0.6])
    >>> conditional(np.array([[0.5, 0.5], [0.0, 0.0]]), 0, 1)
    Traceback (most recent call last):
    ...
    ValueError: P(variable on axis 0 = 1) is 0: conditioning on an impossible event is undefined
    """
    joint = probability_array(joint, "joint", min_ndim=2)
    axis = _axis(axis, joint.ndim)
    if isinstance(index, bool) or not isinstance(index, numbers.Integral):
        raise TypeError(f"index must be an integer, got {index!r}")
    if not 0 <= index < joint.shape[axis]:
        raise ValueError(
            f"index must be between 0 and {joint.shape[axis] - 1} (the values of the variable "
            f"on axis {axis}), got {index}"
        )
    part = np.take(joint, int(index), axis=axis)
    top = part.max()
    if top == 0:
        raise ValueError(
            f"P(variable on axis {axis} = {index}) is 0: conditioning on an impossible event is undefined"
        )
    part = part / top
    return part / part.sum()
