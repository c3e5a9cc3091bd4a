r"""
A uniform variable turned into an exponential one
=================================================

The map :math:`x = T(u) = -\log(1 - u)` sends a uniform :math:`U` on
:math:`[0, 1)` to an exponential waiting time. Equal slices of :math:`u`,
each holding probability 0.1, are stretched by :math:`T'(u) = 1/(1 - u)`,
so the density of :math:`X` is the uniform density divided by the stretch:
:math:`f_X(x) = 1 - u = e^{-x}`. Concept page: :ref:`concept-change-of-variables`.
"""

# %%
# The map, ten slices, and many samples
# -------------------------------------
# The edges :math:`0, 0.1, \dots, 0.9` of ten equally likely slices of
# :math:`u`, and where :math:`T` sends them.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Uniform

rng = np.random.default_rng(11)


def T(u):
    return -np.log1p(-u)  # -log(1 - u), accurate for small u


def T_inverse(x):
    return -np.expm1(-x)  # 1 - e^(-x)


def predicted_density(x):
    # f_U(T^{-1}(x)) * |d T^{-1}/dx|, with f_U = 1 on [0, 1)
    return 1.0 * np.exp(-x)


U = Uniform(0.0, 1.0)
u_edges = np.linspace(0.0, 0.9, 10)
x_edges = T(u_edges)
x = T(U.sample(rng, size=50_000))
bins = np.linspace(0, 6, 31)
heights, _ = np.histogram(x, bins=bins, density=True)

# %%
# What to look at
# ---------------
# Left: the curve :math:`x = T(u)`; the colored slices of :math:`u` along the
# bottom have equal widths, and their images along the left edge (follow the
# thin lines up to the curve and across) get wider and wider; the tenth slice,
# from 0.9 to 1, is sent beyond 2.3, all the way to infinity. Right: the histogram of 50,000
# transformed draws sits on the predicted density :math:`e^{-x}` (black); the
# dashed line is what forgetting the stretch factor would predict, the
# uniform density 1 carried over unchanged.
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
u_grid = np.linspace(0, 0.95, 300)
ax0.plot(u_grid, T(u_grid), color="k", linewidth=2, label="$x = -\\log(1 - u)$")
for k in range(9):  # the tenth slice, [0.9, 1), goes to [2.30, infinity)
    color = plt.cm.viridis(k / 9)
    ax0.axvspan(u_edges[k], u_edges[k + 1], ymax=0.04, color=color)
    ax0.axhspan(x_edges[k], x_edges[k + 1], xmax=0.03, color=color)
    ax0.plot([u_edges[k + 1]] * 2 + [0], [0] + [x_edges[k + 1]] * 2, color=color, linewidth=1)
ax0.set(
    xlabel="$u$ (uniform)",
    ylabel="$x = T(u)$",
    xlim=(0, 1),
    ylim=(0, 3.2),
    title="equal slices of $u$, stretched",
)
ax0.legend(loc="upper center", fontsize=9)
ax1.hist(x, bins=bins, density=True, color="C0", alpha=0.6, label="50,000 draws of $T(U)$")
x_grid = np.linspace(0, 6, 300)
ax1.plot(x_grid, predicted_density(x_grid), color="k", linewidth=2, label="$f_X(x) = e^{-x}$")
ax1.axhline(1.0, color="C3", linestyle="--", label="without the stretch factor")
ax1.set(xlabel="$x$", ylabel="density", ylim=(0, 1.15), title="the histogram matches $e^{-x}$")
ax1.legend(loc="upper right", fontsize=9)
plt.show()

# %%
# Check
# -----
# Each slice of :math:`u` holds probability 0.1 and so does its image under
# the predicted density; the images widen (each wider than the one before), and
# the last finite edge is 2.3; the first bar is about 0.9 high;
# the stretch :math:`T'(u) = 1/(1 - u)` matches a finite difference; every
# histogram bar is within four standard errors of the predicted probability
# of its bin; the flat "no stretch" density is far off; and the draws
# average 1, the mean of the exponential.
slice_prob_x = T_inverse(x_edges[1:]) - T_inverse(x_edges[:-1])  # integral of e^(-x) over each image
np.testing.assert_allclose(slice_prob_x, 0.1, rtol=1e-12)
assert np.all(np.diff(np.diff(x_edges)) > 0) and round(x_edges[-1], 1) == 2.3
assert round(heights[0], 1) == 0.9  # the first bar
h = 1e-6
np.testing.assert_allclose((T(u_edges + h) - T(u_edges - h)) / (2 * h), 1 / (1 - u_edges), rtol=1e-8)
width = bins[1] - bins[0]
bin_prob = T_inverse(bins[1:]) - T_inverse(bins[:-1])
stderr = np.sqrt(bin_prob * (1 - bin_prob) / x.size) / width
assert np.all(np.abs(heights - bin_prob / width) < 4 * stderr)
assert np.max(np.abs(heights - 1.0)) > 0.9
assert abs(x.mean() - 1.0) < 4 / np.sqrt(x.size)
