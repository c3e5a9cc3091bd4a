r"""The multivariate normal (Gaussian) distribution."""

from __future__ import annotations

import math

import numpy as np

from mlmath_ref._checks import check_rng, set_module
from mlmath_ref._numerics import check_finite
from mlmath_ref.probability._validate import (
    Distribution,
    _short,
    array_arg,
    as_result,
    points,
    sample_size,
)

__all__ = ["MultivariateNormal"]

# cov may differ from its transpose by this fraction of its largest entry (rounding).
SYMMETRY_RTOL = 1e-10
# An eigenvalue below -PSD_RTOL * (largest) means "not positive semidefinite"; one at most
# +PSD_RTOL * (largest) counts as zero, so cov is singular. The same cut as SciPy's
# multivariate_normal (1e6 machine epsilons).
PSD_RTOL = 1e6 * float(np.finfo(np.float64).eps)

_LOG_2PI = math.log(2 * math.pi)


@set_module("mlmath_ref.probability")
class MultivariateNormal(Distribution):
    r"""The multivariate normal distribution with mean vector `mean` and covariance matrix `cov`.

    The Gaussian in :math:`d` dimensions: a cloud of points centered at
    :math:`\boldsymbol\mu` whose shape is set by the covariance matrix
    :math:`\Sigma`. Its contours of equal density are ellipses (ellipsoids)
    whose axes are the eigenvectors of :math:`\Sigma`, with half-lengths
    proportional to the square roots of its eigenvalues. Gaussian mixture
    models, the latent space of a variational autoencoder and Gaussian
    processes are built on it. Concept page: :ref:`concept-multivariate-gaussian`.

    Parameters
    ----------
    mean : array_like of shape (d,)
        The mean vector :math:`\boldsymbol\mu`, finite.
    cov : array_like of shape (d, d)
        The covariance matrix :math:`\Sigma`: symmetric positive semidefinite.
        Symmetric means :math:`|\Sigma - \Sigma^\top| \le 10^{-10} \max|\Sigma|`
        entrywise; positive semidefinite means its smallest eigenvalue is at
        least :math:`-\epsilon_{\text{PSD}}` times its largest, with
        :math:`\epsilon_{\text{PSD}} = 10^6 \varepsilon \approx 2.2 \times
        10^{-10}` (as SciPy). A singular `cov` (smallest eigenvalue at most
        :math:`\epsilon_{\text{PSD}}` times the largest) is accepted: see Notes.

    Raises
    ------
    TypeError
        If `mean` or `cov` is not real and numeric.
    ValueError
        If `mean` is not a non-empty vector, `cov` is not of shape (d, d),
        either holds NaN or infinity, or `cov` is not symmetric positive
        semidefinite.

    See Also
    --------
    Normal : One dimension, :math:`\Sigma = \sigma^2`.
    mlmath_ref.linalg.eig_symmetric : The eigendecomposition that draws the ellipse.
    scipy.stats.multivariate_normal : SciPy's version, with the same method names;
        its ``mean`` and ``cov`` are attributes, here they are methods.

    Notes
    -----
    .. math::

        \log f(\mathbf{x}) = -\tfrac{1}{2} (\mathbf{x} - \boldsymbol\mu)^\top
        \Sigma^{-1} (\mathbf{x} - \boldsymbol\mu) - \tfrac{1}{2} \log \det \Sigma
        - \tfrac{d}{2} \log(2\pi), \qquad
        H = \tfrac{1}{2} \log \det(2 \pi e \Sigma).

    Everything goes through the eigendecomposition
    :math:`\Sigma = V \Lambda V^\top` (``numpy.linalg.eigh``, on :math:`\Sigma`
    divided by its largest entry so no eigenvalue overflows): with
    :math:`\mathbf{y} = V^\top (\mathbf{x} - \boldsymbol\mu)`, the quadratic
    form is :math:`\sum_i y_i^2 / \lambda_i` and
    :math:`\log\det\Sigma = \sum_i \log\lambda_i`. No inverse and no
    determinant is formed, so neither overflows nor underflows.

    A singular :math:`\Sigma` (some :math:`\lambda_i = 0`) puts all the
    probability on a lower-dimensional flat (a line in the plane, for
    instance), where no density exists. Then ``pdf``, ``logpdf`` and
    ``entropy`` raise ValueError, while ``sample``, ``mean`` and ``cov`` work:
    ``sample`` returns :math:`\boldsymbol\mu + V \Lambda^{1/2} \mathbf{z}` for
    standard normal :math:`\mathbf{z}`, which needs only
    :math:`\lambda_i \ge 0` (eigenvalues that rounding made slightly
    negative are set to 0). SciPy refuses a singular covariance unless
    ``allow_singular=True``, and then uses a pseudo-determinant.

    Examples
    --------
    >>> import numpy as np
    >>> from mlmath_ref.probability import MultivariateNormal
    >>> X = MultivariateNormal([0.0, 0.0], [[2.0, 1.0], [1.0, 2.0]])
    >>> round(X.pdf([0.0, 0.0]), 6)                 # 1 / (2 pi sqrt(det cov))
    0.091888
    >>> X.logpdf([[0.0, 0.0], [1.0, -1.0]]).round(4)   # one value per row
    array([-2.3872, -3.3872])
    >>> X.sample(np.random.default_rng(0), size=2).round(3)
    array([[-0.251, -0.073],
           [-0.324,  0.581]])

    A singular covariance: the points lie on the line :math:`x_2 = x_1`.

    >>> line = MultivariateNormal([0.0, 0.0], [[1.0, 1.0], [1.0, 1.0]])
    >>> line.sample(np.random.default_rng(0), size=2).round(3)
    array([[-0.132, -0.132],
           [ 0.105,  0.105]])
    >>> line.pdf([0.0, 0.0])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: MultivariateNormal.pdf: cov is singular ...
    >>> MultivariateNormal([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: cov must be positive semidefinite: its smallest eigenvalue is -1.0, ...
    """

    def __init__(self, mean, cov):
        mean = array_arg(mean, "mean", ndim=1)
        cov = array_arg(cov, "cov", ndim=2)
        d = mean.size
        if cov.shape != (d, d):
            raise ValueError(f"cov must have shape {(d, d)} to match mean of length {d}, got {cov.shape}")
        scale = float(np.abs(cov).max())
        unit = cov / scale if scale > 0 else cov  # entries in [-1, 1]: nothing below can overflow
        asymmetry = float(np.abs(unit - unit.T).max())
        if asymmetry > SYMMETRY_RTOL:
            i, j = np.unravel_index(np.argmax(np.abs(unit - unit.T)), cov.shape)
            raise ValueError(
                f"cov must be symmetric (within {SYMMETRY_RTOL:g} of its largest entry), "
                f"got cov[{i}, {j}] = {float(cov[i, j])!r} and cov[{j}, {i}] = {float(cov[j, i])!r}"
            )
        eigenvalues, eigenvectors = np.linalg.eigh((unit + unit.T) / 2)
        top = float(np.abs(eigenvalues).max())
        smallest = float(eigenvalues[0])
        if smallest < -PSD_RTOL * top:
            raise ValueError(
                f"cov must be positive semidefinite: its smallest eigenvalue is {smallest * scale!r}, "
                f"below -{PSD_RTOL:.2g} times the largest ({top * scale!r})"
            )
        self._mean, self._cov = mean, cov
        mean.flags.writeable = cov.flags.writeable = False
        self._scale = scale
        self._unit_eigenvalues = np.maximum(eigenvalues, 0.0)
        self._eigenvectors = eigenvectors
        self._singular = top == 0 or smallest <= PSD_RTOL * top
        self._smallest, self._top = smallest * scale, top * scale
        self._freeze()

    def __repr__(self):
        return f"MultivariateNormal(mean={_short(self._mean)}, cov={_short(self._cov)})"

    @property
    def dim(self):
        """The dimension :math:`d`.

        Returns
        -------
        int
            The length of the mean vector.
        """
        return self._mean.size

    def _refuse_singular(self, what):
        if self._singular:
            raise ValueError(
                f"MultivariateNormal.{what}: cov is singular (smallest eigenvalue {self._smallest:.3g} "
                f"is at most {PSD_RTOL:.2g} times the largest, {self._top:.3g}), so there is no "
                "density; sample(), mean() and cov() still work"
            )

    def _log_det(self):
        return self.dim * math.log(self._scale) + float(np.sum(np.log(self._unit_eigenvalues)))

    def _logpdf(self, x):
        d = self.dim
        rows = x.reshape(-1, d)
        out = np.full(rows.shape[0], -np.inf)
        finite = np.isfinite(rows).all(axis=1)  # a point at infinity has density 0
        with np.errstate(over="ignore"):
            diff = rows[finite] - self._mean
            factor = np.ones((diff.shape[0], 1))
            overflow = ~np.isfinite(diff).all(axis=1)
            diff[overflow] = rows[finite][overflow] / 2 - self._mean / 2
            factor[overflow] = 2.0
            # z = Lambda^(-1/2) V^T (x - mu), computed on diff scaled to [-1, 1]
            size = np.abs(diff).max(axis=1, keepdims=True)
            size[size == 0] = 1.0
            y = (diff / size) @ self._eigenvectors
            z = (y / np.sqrt(self._unit_eigenvalues)) * (size * factor / math.sqrt(self._scale))
            half_quadratic = np.sum((z * math.sqrt(0.5)) ** 2, axis=1)
        out[finite] = -half_quadratic - 0.5 * self._log_det() - 0.5 * d * _LOG_2PI
        return out.reshape(x.shape[:-1])

    def _points(self, x):
        x = points(x)
        if x.ndim == 0 or x.shape[-1] != self.dim:
            raise ValueError(
                f"x must have {self.dim} entries along its last axis (one per variable, "
                f"like mean), got shape {x.shape}"
            )
        return x

    def pdf(self, x):
        """Return the density :math:`f(\\mathbf{x})`, the exponential of :meth:`logpdf`.

        Parameters
        ----------
        x : array_like of shape (..., d)
            One point of shape (d,) or several along the leading axes.

        Returns
        -------
        float or ndarray
            A float for one point, otherwise an array of shape ``x.shape[:-1]``.

        Raises
        ------
        ValueError
            If `x` does not have :math:`d` entries along its last axis, holds
            NaN, or the covariance is singular; or if the density exceeds the
            largest float64 (a nearly singular or tiny covariance).
        """
        x = self._points(x)
        self._refuse_singular("pdf")
        with np.errstate(over="ignore"):  # a density above 1e308, from a tiny covariance
            density = np.exp(self._logpdf(x))
        check_finite(density, "MultivariateNormal.pdf: the density (cov is nearly singular or tiny)")
        return as_result(density, x[..., 0])

    def logpdf(self, x):
        """Return :math:`\\log f(\\mathbf{x})`, computed directly, finite far in the tails.

        Parameters
        ----------
        x : array_like of shape (..., d)
            One point of shape (d,) or several along the leading axes.

        Returns
        -------
        float or ndarray
            A float for one point, otherwise an array of shape ``x.shape[:-1]``.

        Raises
        ------
        ValueError
            If `x` does not have :math:`d` entries along its last axis, holds
            NaN, or the covariance is singular.
        """
        x = self._points(x)
        self._refuse_singular("logpdf")
        return as_result(self._logpdf(x), x[..., 0])

    def mean(self):
        """Return the mean vector :math:`\\boldsymbol\\mu`.

        Returns
        -------
        ndarray of shape (d,)
            A copy of `mean`.
        """
        return self._mean.copy()

    def cov(self):
        """Return the covariance matrix :math:`\\Sigma`.

        Returns
        -------
        ndarray of shape (d, d)
            A copy of `cov`.
        """
        return self._cov.copy()

    def entropy(self):
        """Return the differential entropy :math:`\\tfrac{1}{2}\\log\\det(2\\pi e\\Sigma)` in nats.

        Returns
        -------
        float
            :math:`\\tfrac{d}{2}(1 + \\log 2\\pi) + \\tfrac{1}{2}\\log\\det\\Sigma`.

        Raises
        ------
        ValueError
            If the covariance is singular (the entropy would be :math:`-\\infty`).
        """
        self._refuse_singular("entropy")
        return 0.5 * self.dim * (1.0 + _LOG_2PI) + 0.5 * self._log_det()

    def sample(self, rng, size=None):
        """Draw points with the generator `rng`, as :math:`\\boldsymbol\\mu + V\\Lambda^{1/2}\\mathbf{z}`.

        Parameters
        ----------
        rng : numpy.random.Generator
            The source of randomness, for example ``np.random.default_rng(0)``.
        size : int or tuple of int, optional
            How many points, as a shape; by default one point.

        Returns
        -------
        ndarray
            Shape (d,) for ``size=None``, otherwise ``(*size, d)``.

        Raises
        ------
        TypeError
            If `rng` is not a Generator or `size` is not an int or tuple of ints.
        ValueError
            If `size` is negative, or a draw is beyond the largest float64.
        """
        check_rng(rng)
        size = sample_size(size)
        shape = (self.dim,) if size is None else (*size, self.dim)
        z = rng.standard_normal(shape)
        with np.errstate(over="ignore"):
            step = ((z * np.sqrt(self._unit_eigenvalues)) @ self._eigenvectors.T) * math.sqrt(self._scale)
            return check_finite(self._mean + step, "MultivariateNormal.sample: a draw")
