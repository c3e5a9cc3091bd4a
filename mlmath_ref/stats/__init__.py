r"""Mathematical statistics: estimators, intervals, tests, and the models fitted by them.

How well does a model do, and how sure can we be? The estimators
(:func:`mean`, :func:`sample_variance`, :func:`covariance_matrix`) and the
maximum-likelihood fits (:func:`mle_normal`, :func:`mle_bernoulli`)
summarize a sample; the intervals (:func:`mean_interval`,
:func:`proportion_interval`, :func:`bootstrap_interval`) and the
:func:`permutation_test` say how far those summaries can be trusted;
:func:`linear_regression`, :func:`logistic_regression` and :func:`pca` fit
the three classic models. Everything stands on NumPy alone, quantiles
included (:func:`normal_ppf`). Concept pages: the Mathematical statistics
chapter of the site.

See Also
--------
mlmath_ref.optimize : The optimizers that fit logistic regression.

Examples
--------
>>> from mlmath_ref.stats import mean, mean_interval
>>> x = [2.1, 1.9, 2.4, 2.0, 2.2, 1.8]
>>> round(mean(x), 4), [round(v, 4) for v in mean_interval(x)]
(2.0667, [1.84, 2.2934])
"""

from mlmath_ref.stats._inference import (
    bootstrap_interval,
    mean_interval,
    permutation_test,
    proportion_interval,
)
from mlmath_ref.stats._models import linear_regression, logistic_regression, pca
from mlmath_ref.stats._moments import covariance_matrix, mean, mle_bernoulli, mle_normal, sample_variance
from mlmath_ref.stats._quantiles import normal_ppf

__all__ = [
    # estimators
    "mean",
    "sample_variance",
    "covariance_matrix",
    "mle_normal",
    "mle_bernoulli",
    # intervals and tests
    "normal_ppf",
    "mean_interval",
    "proportion_interval",
    "bootstrap_interval",
    "permutation_test",
    # models
    "linear_regression",
    "logistic_regression",
    "pca",
]
