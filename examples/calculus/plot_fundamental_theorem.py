r"""
A density and its distribution function
=======================================

The distribution function :math:`F(x) = \int_{-\infty}^x p(t)\,dt` of a random
variable accumulates the area under its density :math:`p`. The fundamental
theorem of calculus says the slope of :math:`F` is :math:`p` again.
Concept page: :ref:`concept-fundamental-theorem`.
"""

# %%
# A mixture of two bell curves
# ----------------------------
# The density of a variable that is :math:`N(-1, 0.5^2)` with probability
# 0.3 and :math:`N(1.5, 1)` with probability 0.7. The area to the left of
# :math:`-6` is below :math:`10^{-9}`, so we start accumulating there.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative, integrate


def normal_density(x, mean, sd):
    return np.exp(-(((x - mean) / sd) ** 2) / 2) / (sd * np.sqrt(2 * np.pi))


def density(x):
    return 0.3 * normal_density(x, -1.0, 0.5) + 0.7 * normal_density(x, 1.5, 1.0)


lo = -6.0
x = np.linspace(-4, 6, 201)
cdf = np.array([integrate(density, lo, xi, n=400) for xi in x])


def distribution(t):
    # F(t) as a function that derivative() can call on arrays.
    return np.array([integrate(density, lo, float(ti), n=400) for ti in np.atleast_1d(t)]).reshape(
        np.shape(t)
    )


# %%
# What to look at
# ---------------
# Top: the density; the shaded area between 0 and 2 is the probability
# :math:`P(0 \le X \le 2) = F(2) - F(0)`. Bottom: the distribution function climbs
# from 0 to 1, steepest where the density is highest; the two black segments
# show that its rise between 0 and 2 is the shaded area. The orange dots are
# slopes of :math:`F` by finite differences, and they sit on the density.
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(7, 6), sharex=True, layout="constrained")
ax1.plot(x, density(x), color="C0", label="density $p(x)$")
band = (x >= 0) & (x <= 2)
prob = integrate(density, 0.0, 2.0)
ax1.fill_between(
    x[band], density(x[band]), color="C0", alpha=0.3, label=f"$P(0 \\leq X \\leq 2) = {prob:.3f}$"
)
marks = np.linspace(-3, 5, 17)
slopes = derivative(distribution, marks, h=1e-3)
ax1.plot(marks, slopes, "o", color="C1", markersize=5, label="slope of $F$ (finite difference)")
ax1.set(ylabel="$p(x)$", title="Density and distribution function")
ax1.legend(fontsize=8)
ax2.plot(x, cdf, color="C2", label=r"$F(x) = \int_{-6}^{x} p(t)\,dt$")
F0, F2 = distribution(0.0), distribution(2.0)
ax2.vlines(2.0, F0, F2, color="k", linewidth=2)
ax2.hlines(F0, 0.0, 2.0, color="k", linewidth=1, linestyle="--")
ax2.set(xlabel="$x$", ylabel="$F(x)$")
ax2.legend(fontsize=8, loc="lower right")
plt.show()

# %%
# Check
# -----
# F goes from 0 to 1, its numerical slope is the density (F' = p), and the
# probability of [0, 2] is F(2) - F(0).
assert cdf[0] < 1e-3 and abs(cdf[-1] - 1) < 1e-4
np.testing.assert_allclose(slopes, density(marks), atol=1e-6)
np.testing.assert_allclose(prob, F2 - F0, atol=1e-12)
assert round(prob, 3) == 0.444  # the shaded area's label and the alt text
