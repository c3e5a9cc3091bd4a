r"""Probability: distributions, expectations, information, and Bayes' theorem.

The Probability chapter of the site. A random variable is a function of
the outcome (:ref:`concept-random-variable`); its distribution says where
the probability mass sits. The distributions are small classes with the
method names of ``scipy.stats`` (``pmf``, ``logpmf``, ``pdf``, ``logpdf``,
``cdf``, ``mean()``, ``var()``, ``entropy()``, ``sample(rng, size)``); the
functions work on probability vectors and tables given as arrays. NumPy
and the standard library are the only dependencies.

Rules that hold throughout:

- A probability vector or table must be non-negative and sum to 1 within
  :math:`10^{-9}`; it is then used as given, never renormalized.
- NaN is refused everywhere with a ValueError naming the argument (SciPy
  would return NaN). Parameters must be finite; points where a pmf, pdf or
  cdf is evaluated may be infinite.
- A value outside the support (a pmf at 2.5 or -1) has probability 0 and
  log-probability ``-inf``: not an error.
- Log-probabilities are computed directly, never as ``log(pmf)``, so they
  stay finite far in the tails.
- Sampling needs a ``numpy.random.Generator``; anything else is refused.

See Also
--------
scipy.stats : SciPy's distributions, which these follow in naming.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.probability import Normal, kl_divergence
>>> X = Normal(0.0, 1.0)
>>> round(X.cdf(1.0) - X.cdf(-1.0), 4)          # within one sigma
0.6827
>>> round(kl_divergence([0.5, 0.5], [0.9, 0.1]), 4)
0.5108

The mean of many draws is within five standard errors of the mean 0, as
the law of large numbers predicts (:ref:`concept-law-of-large-numbers`):

>>> draws = X.sample(np.random.default_rng(0), size=100_000)
>>> bool(abs(draws.mean()) < 5 / np.sqrt(100_000))
True
"""

from mlmath_ref.probability._continuous import Normal, Uniform
from mlmath_ref.probability._discrete import Bernoulli, Binomial, Categorical
from mlmath_ref.probability._expectation import expected_value, variance
from mlmath_ref.probability._information import cross_entropy, entropy, kl_divergence
from mlmath_ref.probability._joint import bayes_posterior, conditional, marginal
from mlmath_ref.probability._multivariate_normal import MultivariateNormal

__all__ = [
    # distributions
    "Bernoulli",
    "Binomial",
    "Categorical",
    "Uniform",
    "Normal",
    "MultivariateNormal",
    # expectations
    "expected_value",
    "variance",
    # information
    "entropy",
    "cross_entropy",
    "kl_divergence",
    # joint distributions and Bayes
    "bayes_posterior",
    "marginal",
    "conditional",
]
