r"""
Negative log-likelihood gives the squared error and the cross-entropy
=====================================================================

Write down a probability model for the targets, and its negative
log-likelihood is a loss. With Gaussian noise around a prediction the loss is
the squared error, whatever the noise level; with a categorical distribution
over classes it is the cross-entropy, smallest at the observed class
frequencies. Concept page: :ref:`concept-nll-cross-entropy`.
"""

# %%
# A line through noisy points, and fifty labels
# ---------------------------------------------
# Regression: 30 points :math:`y = 2x + \varepsilon` with Gaussian noise, and
# a line through the origin :math:`\hat{y} = wx`. Classification: 50 labels
# of three classes drawn from a categorical distribution; the model is a
# probability vector :math:`q` over the three classes.
import matplotlib.pyplot as plt
import matplotlib.tri as tri
import numpy as np

from mlmath_ref.probability import Categorical, Normal, cross_entropy, entropy
from mlmath_ref.stats import linear_regression

rng = np.random.default_rng(11)
x = rng.uniform(-1.0, 1.0, size=30)
y = 2.0 * x + Normal(0.0, 0.5).sample(rng, size=30)
w_least_squares = linear_regression(x[:, None], y, fit_intercept=False)[0][0]

labels = Categorical([0.45, 0.35, 0.2]).sample(rng, size=50)
counts = np.bincount(labels, minlength=3)
frequencies = counts / labels.size
print("least-squares slope:", round(w_least_squares, 3), " class counts:", counts.tolist())


def gaussian_nll(w, sigma):
    """The mean negative log-likelihood of the points under y ~ N(w x, sigma^2); broadcasts over w."""
    w = np.asarray(w, dtype=float)[..., None]
    return -np.mean(Normal(0.0, sigma).logpdf(y - w * x), axis=-1)


def categorical_nll(q):
    """The mean negative log-likelihood of the labels under the class probabilities q (last axis)."""
    return -np.mean(np.log(q[..., labels]), axis=-1)


# %%
# What to look at
# ---------------
# Left: the mean negative log-likelihood of the slope :math:`w` for three
# noise levels :math:`\sigma`. The curves differ in height and steepness,
# but all three bottom out at the same slope, the least-squares one (dotted
# line): the noise level never changes the best line. Right: the mean
# negative log-likelihood of the labels over every probability vector
# :math:`q = (q_1, q_2, 1 - q_1 - q_2)`. Its lowest point is at the observed
# frequencies, where it equals their entropy; the uniform guess sits on a
# higher contour.
w_grid = np.linspace(0.5, 3.5, 301)
sigmas = [0.25, 0.5, 1.0]
step = 1 / 200  # a lattice of probability vectors (q1, q2, q3) with every entry at least one step
q1, q2 = np.meshgrid(np.arange(1, 199) * step, np.arange(1, 199) * step)
inside = q1 + q2 <= 1 - step + 1e-12
q1, q2 = q1[inside], q2[inside]
Q = np.stack([q1, q2, 1 - q1 - q2], axis=-1)
surface = categorical_nll(Q)
triangles = tri.Triangulation(q1, q2)

fig, (ax_reg, ax_cls) = plt.subplots(1, 2, figsize=(11, 4.5), layout="constrained")
for sigma, color in zip(sigmas, ["C0", "C1", "C2"], strict=True):
    ax_reg.plot(w_grid, gaussian_nll(w_grid, sigma), color=color, linewidth=2, label=f"$\\sigma = {sigma}$")
ax_reg.axvline(
    w_least_squares, color="0.2", linestyle=":", label=f"least squares $w = {w_least_squares:.2f}$"
)
ax_reg.set(
    xlabel="slope $w$",
    ylabel="mean negative log-likelihood",
    title="Gaussian noise: one minimum for every $\\sigma$",
    ylim=(-0.5, 6),
)
ax_reg.legend(fontsize=8, loc="upper center")

levels = entropy(frequencies) + np.array([0.02, 0.1, 0.25, 0.5, 1.0])
contour = ax_cls.tricontour(triangles, surface, levels=levels, cmap="viridis")
ax_cls.clabel(contour, fmt="%.2f", fontsize=7)
ax_cls.plot([0, 1, 0, 0], [0, 0, 1, 0], color="0.5", linewidth=1)
shown = ", ".join(f"{v:.2f}" for v in frequencies)
ax_cls.plot(
    *frequencies[:2],
    "*",
    color="C3",
    markersize=14,
    label=f"frequencies ({shown}): {entropy(frequencies):.3f}",
)
ax_cls.plot(1 / 3, 1 / 3, "o", color="k", label=f"uniform $q$: {np.log(3):.3f}")
ax_cls.set(
    xlabel="$q_1$",
    ylabel="$q_2$",
    title="categorical: lowest at the frequencies",
    aspect="equal",
    xlim=(-0.02, 1.02),
    ylim=(-0.02, 1.02),
)
ax_cls.legend(fontsize=8, loc="upper right")
plt.show()

# %%
# Check
# -----
# The three Gaussian curves have their minimum at the least-squares slope
# (within a grid step), and each is the mean squared error over
# :math:`2\sigma^2` plus a constant. The label surface has its minimum at the
# frequencies (within a grid step), where its value is the entropy of the
# frequencies, and equals the cross-entropy from the frequencies to
# :math:`q` everywhere; the uniform guess costs :math:`\log 3` there, more.
w_step = w_grid[1] - w_grid[0]
for sigma in sigmas:
    assert abs(w_grid[np.argmin(gaussian_nll(w_grid, sigma))] - w_least_squares) <= w_step
    mse = np.mean((y - w_grid[:, None] * x) ** 2, axis=1)
    shift = gaussian_nll(w_grid, sigma) - mse / (2 * sigma**2)
    np.testing.assert_allclose(shift, np.log(sigma) + 0.5 * np.log(2 * np.pi), rtol=1e-9)
np.testing.assert_allclose(w_least_squares, np.sum(x * y) / np.sum(x * x), rtol=1e-12)
k = int(np.argmin(surface))
assert abs(q1[k] - frequencies[0]) <= step + 1e-12 and abs(q2[k] - frequencies[1]) <= step + 1e-12
np.testing.assert_allclose(categorical_nll(frequencies), entropy(frequencies), rtol=1e-12)
for q in ([0.2, 0.5, 0.3], [0.6, 0.3, 0.1], [1 / 3, 1 / 3, 1 / 3]):
    np.testing.assert_allclose(categorical_nll(np.array(q)), cross_entropy(frequencies, q), rtol=1e-12)
assert categorical_nll(np.full(3, 1 / 3)) > entropy(frequencies)
np.testing.assert_allclose(categorical_nll(np.full(3, 1 / 3)), np.log(3), rtol=1e-12)
assert counts.tolist() == [26, 14, 10] and round(entropy(frequencies), 3) == 1.018
assert frequencies.round(2).tolist() == [0.52, 0.28, 0.20] and round(np.log(3), 3) == 1.099
assert round(w_least_squares, 2) == 1.79
