r"""Continuous distributions of one variable: uniform and normal (Gaussian).

A continuous random variable has probability 0 at every single value; its
distribution is a density, whose integral over an interval is the
probability of landing in it.
"""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import check_rng, set_module
from mlmath_ref._numerics import check_finite
from mlmath_ref.probability._validate import (
    Distribution,
    as_result,
    points,
    real_scalar,
    sample_size,
)

__all__ = ["Normal", "Uniform"]

_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _float_or_array(values, size):
    return float(values) if size is None else np.asarray(values, dtype=np.float64)


@set_module("mlmath_ref.probability")
class Uniform(Distribution):
    r"""The continuous uniform distribution on the interval :math:`[a, b]`.

    Every point of the interval is equally likely: the density is the
    constant :math:`1/(b - a)` on it and 0 elsewhere. Random initialization
    of weights in :math:`[-r, r]` and a random learning rate drawn between two
    bounds are uniform draws. Concept page: :ref:`concept-continuous-distributions`.

    Parameters
    ----------
    a, b : float
        The ends of the interval, finite, with :math:`a < b`.

    Attributes
    ----------
    a, b : float
        The ends of the interval. Instances are immutable.

    Raises
    ------
    TypeError
        If `a` or `b` is not a real number.
    ValueError
        If `a` or `b` is NaN or infinite, or :math:`a \ge b`.

    See Also
    --------
    Normal : The bell-shaped density.
    scipy.stats.uniform : SciPy's version, parametrized by ``loc=a`` and ``scale=b - a``.

    Notes
    -----
    .. math::

        f(x) = \frac{1}{b - a} \text{ for } a \le x \le b, \qquad
        F(x) = \frac{x - a}{b - a} \text{ on } [a, b], \qquad
        \mathbb{E}[X] = \frac{a + b}{2}, \quad
        \operatorname{Var}(X) = \frac{(b - a)^2}{12},

    and the (differential) entropy is :math:`\log(b - a)`, negative when the
    interval is shorter than 1. When :math:`b - a` overflows (as for
    :math:`a = -10^{308}`, :math:`b = 10^{308}`) the code works with
    :math:`b/2 - a/2` instead, so the density, cdf and mean stay right; the
    variance (or the density of an interval shorter than about
    :math:`10^{-308}`) raises a ValueError naming the overflow only when it
    exceeds the largest float64 itself.
    ``sample`` returns :math:`a + U (b - a)` for :math:`U` uniform on
    :math:`[0, 1)`.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import Uniform
    >>> U = Uniform(-1.0, 3.0)
    >>> U.pdf([-2.0, 0.0, 3.0]), U.cdf(0.0)
    (array([0.  , 0.25, 0.25]), 0.25)
    >>> U.mean(), round(U.var(), 6), round(U.entropy(), 6)   # log 4
    (1.0, 1.333333, 1.386294)
    >>> float(Uniform(-1e308, 1e308).pdf(0.0))    # b - a overflows, the density does not
    5e-309
    >>> Uniform(2.0, 2.0)
    Traceback (most recent call last):
    ...
    ValueError: a must be less than b, got a=2.0, b=2.0
    """

    _params = ("a", "b")

    def __init__(self, a, b):
        a, b = real_scalar(a, "a"), real_scalar(b, "b")
        if not a < b:
            raise ValueError(f"a must be less than b, got a={a!r}, b={b!r}")
        self.a, self.b = a, b
        width = b - a  # Python floats: inf on overflow, no exception
        self._half = None if math.isfinite(width) else b / 2 - a / 2
        self._width = width
        self._log_width = math.log(width) if self._half is None else math.log(self._half) + math.log(2)
        self._freeze()

    def pdf(self, x):
        """Return the density at `x`: :math:`1/(b - a)` on :math:`[a, b]`, 0 elsewhere.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.

        Raises
        ------
        ValueError
            If `x` holds NaN, or the density exceeds the largest float64 (an
            overflow, for a distribution narrower than about 1e-308).
        """
        x = points(x)
        inside = (x >= self.a) & (x <= self.b)
        with np.errstate(over="ignore"):
            density = 1.0 / self._width if self._half is None else 0.5 / self._half
        if inside.any():
            check_finite(density, f"Uniform.pdf: the density 1 / (b - a) for b - a = {self._width:.3g}")
        return as_result(np.where(inside, density, 0.0), x)

    def logpdf(self, x):
        """Return the log density, :math:`-\\log(b - a)` on :math:`[a, b]`, ``-inf`` elsewhere.

        Parameters
        ----------
        x : float or array_like
            Point(s).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.
        """
        x = points(x)
        return as_result(np.where((x >= self.a) & (x <= self.b), -self._log_width, -np.inf), x)

    def cdf(self, x):
        """Return :math:`P(X \\le x)`: 0 below `a`, :math:`(x - a)/(b - a)` on the interval, 1 above.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.
        """
        x = points(x)
        inside = np.clip(x, self.a, self.b)  # x - a cannot overflow past the interval
        if self._half is None:
            fraction = (inside - self.a) / self._width
        else:
            fraction = (inside / 2 - self.a / 2) / self._half
        return as_result(np.clip(fraction, 0.0, 1.0), x)

    def mean(self):
        """Return the mean :math:`(a + b)/2`, the midpoint.

        Returns
        -------
        float
            The expected value.
        """
        return self.a + self._width / 2 if self._half is None else self.a / 2 + self.b / 2

    def var(self):
        """Return the variance :math:`(b - a)^2 / 12`.

        Returns
        -------
        float
            The variance.

        Raises
        ------
        ValueError
            If the variance exceeds the largest float64 (an overflow).
        """
        if self._half is None:
            variance = (self._width / 12) * self._width
        else:
            variance = (self._half / 3) * self._half  # (2h)^2 / 12
        return check_finite(variance, "Uniform.var: the variance (b - a)**2 / 12")

    def entropy(self):
        """Return the differential entropy :math:`\\log(b - a)` in nats.

        Returns
        -------
        float
            The entropy; negative when :math:`b - a < 1`.
        """
        return self._log_width

    def sample(self, rng, size=None):
        """Draw from the distribution with the generator `rng`.

        Parameters
        ----------
        rng : numpy.random.Generator
            The source of randomness, for example ``np.random.default_rng(0)``.
        size : int or tuple of int, optional
            Shape of the output; by default a single draw.

        Returns
        -------
        float or ndarray
            A float for ``size=None``, otherwise an array of shape `size`, in :math:`[a, b]`.

        Raises
        ------
        TypeError
            If `rng` is not a Generator or `size` is not an int or tuple of ints.
        ValueError
            If `size` is negative.
        """
        check_rng(rng)
        size = sample_size(size)
        u = rng.random(size)
        if self._half is None:
            draws = self.a + u * self._width
        else:
            draws = self.a * (1 - u) + self.b * u  # the same point, without b - a
        return _float_or_array(np.clip(draws, self.a, self.b), size)


@set_module("mlmath_ref.probability")
class Normal(Distribution):
    r"""The normal (Gaussian) distribution with mean `mu` and standard deviation `sigma`.

    The bell curve: noise in a sensor reading, the errors that least squares
    assumes, the initial weights of a network. By the central limit theorem
    (:ref:`concept-central-limit-theorem`) a sum of many small independent
    effects is close to normal. Concept page: :ref:`concept-gaussian`.

    Parameters
    ----------
    mu : float
        The mean, the center of the bell; finite.
    sigma : float
        The standard deviation, its width; positive and finite.

    Attributes
    ----------
    mu, sigma : float
        The parameters. Instances are immutable.

    Raises
    ------
    TypeError
        If `mu` or `sigma` is not a real number.
    ValueError
        If `mu` is NaN or infinite, or `sigma` is not positive and finite.

    See Also
    --------
    MultivariateNormal : The Gaussian in several dimensions.
    scipy.stats.norm : SciPy's version, with ``loc=mu`` and ``scale=sigma``.

    Notes
    -----
    With :math:`z = (x - \mu)/\sigma`,

    .. math::

        \log f(x) = -\tfrac{1}{2} z^2 - \log \sigma - \tfrac{1}{2} \log(2\pi),
        \qquad
        F(x) = \tfrac{1}{2} \operatorname{erfc}\bigl(-z/\sqrt{2}\bigr),

    :math:`\mathbb{E}[X] = \mu`, :math:`\operatorname{Var}(X) = \sigma^2`, and
    the entropy is :math:`\tfrac{1}{2} \log(2 \pi e \sigma^2)` nats.
    ``logpdf`` uses the first formula directly, so it stays finite far in
    the tails (``Normal(0, 1).logpdf(1e5)`` is about :math:`-5 \times 10^9`,
    where ``log(pdf)`` would be ``log(0) = -inf``); ``pdf`` is its
    exponential. The cdf uses ``math.erfc`` of :math:`-z/\sqrt{2}` rather than
    :math:`1 - \ldots`, so the lower tail keeps its digits (at
    :math:`z = -30` it is :math:`4.9 \times 10^{-198}`, where
    ``1 - 0.5 * erfc(z / sqrt(2))`` gives 0). Its relative error there is
    about :math:`z^2` machine epsilons: the rounding of :math:`z/\sqrt{2}`
    alone causes that much, since a relative change in :math:`z` changes
    :math:`F` about :math:`z^2` times as much (SciPy's ``norm.cdf`` has
    errors of the same size there). When :math:`x - \mu` overflows,
    :math:`z` is computed from :math:`x/2 - \mu/2`; :math:`z^2/2` is computed as
    :math:`(z/2) z`; :math:`\log \sigma` never squares :math:`\sigma`. The
    variance :math:`\sigma^2`, the density (for :math:`\sigma` below about
    :math:`10^{-308}`) and a draw raise a ValueError naming the overflow only
    when they exceed the largest float64. ``sample`` returns :math:`\mu + \sigma Z` with
    :math:`Z` from ``rng.standard_normal``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import Normal
    >>> N = Normal(0.0, 1.0)
    >>> round(N.pdf(0.0), 6), round(N.cdf(1.96), 4)
    (0.398942, 0.975)
    >>> float(N.logpdf(1e5))          # log(pdf) would be -inf
    -5000000000.918939
    >>> f"{N.cdf(-30.0):.10e}"        # far lower tail: 1 - 0.5 * erfc(z / sqrt(2)) gives 0
    '4.9067139271e-198'
    >>> Normal(10.0, 2.0).sample(np.random.default_rng(0), size=3).round(3)
    array([10.251,  9.736, 11.281])
    >>> Normal(0.0, 0.0)
    Traceback (most recent call last):
    ...
    ValueError: sigma must be positive and finite, got 0.0
    """

    _params = ("mu", "sigma")

    def __init__(self, mu, sigma):
        self.mu = real_scalar(mu, "mu")
        self.sigma = real_scalar(sigma, "sigma")
        if not self.sigma > 0:
            raise ValueError(f"sigma must be positive and finite, got {self.sigma!r}")
        self._freeze()

    def _z(self, x):
        # (x - mu) / sigma, halving x and mu first where x - mu overflows.
        with np.errstate(over="ignore"):
            z = (x - self.mu) / self.sigma
            bad = np.isinf(z) & np.isfinite(x)
            z[bad] = ((x[bad] / 2 - self.mu / 2) / self.sigma) * 2
        return z

    def _logpdf(self, x):
        z = self._z(np.atleast_1d(x)).reshape(x.shape)
        with np.errstate(over="ignore"):
            return -(0.5 * z) * z - math.log(self.sigma) - _LOG_SQRT_2PI

    def pdf(self, x):
        """Return the density :math:`f(x)`, the exponential of :meth:`logpdf`.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.

        Raises
        ------
        ValueError
            If `x` holds NaN, or the density exceeds the largest float64 (an
            overflow, for a distribution narrower than about 1e-308).
        """
        x = points(x)
        with np.errstate(over="ignore"):  # only for sigma < 1e-308, where f(mu) > 1e308
            density = np.exp(self._logpdf(x))
        check_finite(density, f"Normal.pdf: the density for sigma={self.sigma:.3g}")
        return as_result(density, x)

    def logpdf(self, x):
        """Return :math:`\\log f(x)`, computed directly, finite far in the tails.

        Parameters
        ----------
        x : float or array_like
            Point(s).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.
        """
        x = points(x)
        return as_result(self._logpdf(x), x)

    def cdf(self, x):
        """Return :math:`P(X \\le x) = \\tfrac{1}{2}\\operatorname{erfc}(-z/\\sqrt{2})`.

        Parameters
        ----------
        x : float or array_like
            Point(s), any real numbers (``-inf`` and ``inf`` included).

        Returns
        -------
        float or ndarray
            A float for a scalar `x`, otherwise an array of the shape of `x`.
        """
        x = points(x)
        z = self._z(np.atleast_1d(x)).reshape(x.shape)
        return as_result(0.5 * np.asarray(_erfc(-z / math.sqrt(2)), dtype=np.float64), x)

    def mean(self):
        """Return the mean :math:`\\mu`.

        Returns
        -------
        float
            The expected value.
        """
        return self.mu

    def var(self):
        """Return the variance :math:`\\sigma^2`.

        Returns
        -------
        float
            The variance.

        Raises
        ------
        ValueError
            If the variance exceeds the largest float64 (an overflow).
        """
        return check_finite(self.sigma * self.sigma, f"Normal.var: sigma**2 for sigma={self.sigma:.3g}")

    def entropy(self):
        """Return the differential entropy :math:`\\tfrac{1}{2}\\log(2\\pi e\\sigma^2)` in nats.

        Returns
        -------
        float
            The entropy, :math:`\\log\\sigma + \\tfrac{1}{2}(1 + \\log 2\\pi)`.
        """
        return math.log(self.sigma) + 0.5 + _LOG_SQRT_2PI

    def sample(self, rng, size=None):
        """Draw from the distribution with the generator `rng`.

        Parameters
        ----------
        rng : numpy.random.Generator
            The source of randomness, for example ``np.random.default_rng(0)``.
        size : int or tuple of int, optional
            Shape of the output; by default a single draw.

        Returns
        -------
        float or ndarray
            A float for ``size=None``, otherwise an array of shape `size`.

        Raises
        ------
        TypeError
            If `rng` is not a Generator or `size` is not an int or tuple of ints.
        ValueError
            If `size` is negative, or a draw is beyond the largest float64.
        """
        check_rng(rng)
        size = sample_size(size)
        with np.errstate(over="ignore"):
            draws = self.mu + self.sigma * rng.standard_normal(size)
        check_finite(draws, f"Normal.sample: a draw with sigma={self.sigma:.3g}")
        return _float_or_array(draws, size)
