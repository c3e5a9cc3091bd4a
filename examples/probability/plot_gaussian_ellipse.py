r"""
A 2-D Gaussian and its covariance ellipses
==========================================

Samples of a two-dimensional Gaussian fill an ellipse whose axes are the
eigenvectors of the covariance matrix :math:`\Sigma`, with half-lengths
:math:`\sqrt{\lambda_i}` at one standard deviation. The density is the same
all along each ellipse. Concept page: :ref:`concept-multivariate-gaussian`.
"""

# %%
# The distribution and its eigendecomposition
# -------------------------------------------
# Two sensor readings with standard deviations 1.5 and 1 and correlation 0.8.
# ``eig_symmetric`` gives the eigenvalues of :math:`\Sigma` in ascending order
# and the eigenvectors as orthonormal columns.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import eig_symmetric
from mlmath_ref.probability import MultivariateNormal, Normal

rng = np.random.default_rng(2)
mu = np.array([1.0, 2.0])
Sigma = np.array([[2.25, 1.2], [1.2, 1.0]])
X = MultivariateNormal(mu, Sigma)
points = X.sample(rng, size=2000)
lam, V = eig_symmetric(Sigma)

theta = np.linspace(0, 2 * np.pi, 361)
unit_circle = np.stack([np.cos(theta), np.sin(theta)])
# Radius r: the points mu + V diag(sqrt(lam)) (r cos t, r sin t), where the
# Mahalanobis distance (x - mu)^T Sigma^(-1) (x - mu) equals r^2.
radii = [1, 2, 3]
ellipses = {r: mu[:, None] + V @ (np.sqrt(lam)[:, None] * (r * unit_circle)) for r in radii}

# Share of the samples inside each ellipse, against 1 - exp(-r^2 / 2).
diff = points - mu
mahalanobis_sq = np.sum((diff @ V) ** 2 / lam, axis=1)
inside = {r: float(np.mean(mahalanobis_sq <= r**2)) for r in radii}
predicted = {r: 1 - np.exp(-(r**2) / 2) for r in radii}

# %%
# What to look at
# ---------------
# The cloud is tilted along the long axis of the ellipses, the eigenvector of
# the larger eigenvalue. The arrows have lengths :math:`\sqrt{\lambda_1}` and
# :math:`\sqrt{\lambda_2}`. The legend gives the share of the 2,000 samples
# inside each ellipse; the Gaussian predicts 39%, 86% and 99%.
fig, ax = plt.subplots(figsize=(8, 4.6), layout="constrained")
ax.scatter(*points.T, s=4, color="0.55", alpha=0.6, label="2,000 samples")
for r, style in zip(radii, ["-", "--", ":"], strict=True):
    ax.plot(*ellipses[r], style, color="C0", linewidth=2, label=f"$r = {r}$: {inside[r]:.1%} inside")
for value, v, color in zip(lam, V.T, ["C2", "C3"], strict=True):
    ax.quiver(
        *mu,
        *(np.sqrt(value) * v),
        color=color,
        angles="xy",
        scale_units="xy",
        scale=1,
        width=0.008,
        label=f"$\\sqrt{{\\lambda}} = {np.sqrt(value):.2f}$ along an eigenvector",
    )
ax.plot(*mu, "k+", markersize=12, label="mean $\\mu$")
ax.set(
    aspect="equal",
    xlabel="reading $x_1$",
    ylabel="reading $x_2$",
    title="samples and the ellipses $(x - \\mu)^T \\Sigma^{-1} (x - \\mu) = r^2$",
    xlim=(-4.5, 10.5),
    ylim=(-1.5, 5.7),
)
ax.legend(loc="lower right", fontsize=8)
plt.show()

# %%
# Check
# -----
# The eigenvectors are orthonormal and rebuild :math:`\Sigma`; the density is
# constant along each ellipse (so they are contours of ``pdf``); the shares
# inside (39.1%, 86.5% and 98.8%, as the legend says) are within three
# binomial standard errors of :math:`1 - e^{-r^2/2}` (39%, 86%, 99%), each
# below the share within :math:`r` standard deviations in one dimension (68%,
# 95%, 99.7%); the arrows have lengths 0.52 and 1.73; and the sample covariance
# is close to :math:`\Sigma`.
np.testing.assert_allclose(V.T @ V, np.eye(2), atol=1e-12)
np.testing.assert_allclose(V @ np.diag(lam) @ V.T, Sigma, atol=1e-12)
assert lam[1] > lam[0] > 0
assert V[0, 1] * V[1, 1] > 0  # the long axis rises to the right, with the cloud
for r in radii:
    density = X.pdf(ellipses[r].T)
    np.testing.assert_allclose(density, density[0], rtol=1e-10)
    stderr = np.sqrt(predicted[r] * (1 - predicted[r]) / len(points))
    assert abs(inside[r] - predicted[r]) < 3 * stderr, (r, inside[r], predicted[r])
assert [round(100 * predicted[r]) for r in radii] == [39, 86, 99]
assert [f"{100 * inside[r]:.1f}" for r in radii] == ["39.1", "86.5", "98.8"]  # the legend
standard = Normal(0.0, 1.0)
one_d = {r: standard.cdf(r) - standard.cdf(-r) for r in radii}
assert [round(100 * one_d[r]) for r in radii[:2]] == [68, 95] and round(100 * one_d[3], 1) == 99.7
assert all(predicted[r] < one_d[r] for r in radii)
assert np.sqrt(lam).round(2).tolist() == [0.52, 1.73]  # the arrows
np.testing.assert_allclose(np.cov(points.T), Sigma, atol=0.15)
