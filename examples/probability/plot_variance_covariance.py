r"""
Variance is spread, covariance is spread together
=================================================

Two distributions on the faces of a die with the same mean, 3.5, but
different spreads; and a cloud of two features that rise together, whose
covariance is the average of the products of their deviations from the
means. Concept page: :ref:`concept-variance-covariance`.
"""

# %%
# Two distributions with one mean, and two features that move together
# ---------------------------------------------------------------------
# The peaked distribution keeps its mass near 3.5, the spread one pushes it to
# the ends. The features: a house's floor area :math:`x` (in units of
# :math:`100\,\mathrm{m}^2`) and its price :math:`y` (in units of 100,000),
# the price a multiple of the area plus independent noise.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Normal, expected_value, variance

rng = np.random.default_rng(3)
faces = np.arange(1, 7)
peaked = np.array([0.02, 0.08, 0.40, 0.40, 0.08, 0.02])
spread = np.array([0.35, 0.10, 0.05, 0.05, 0.10, 0.35])
means = [expected_value(faces, p) for p in (peaked, spread)]
sds = [np.sqrt(variance(faces, p)) for p in (peaked, spread)]

n = 400
area = Normal(1.2, 0.3).sample(rng, size=n)
price = 2.0 * area + Normal(0.0, 0.4).sample(rng, size=n)
dx, dy = area - area.mean(), price - price.mean()
cov_xy = np.sum(dx * dy) / (n - 1)
corr = cov_xy / (area.std(ddof=1) * price.std(ddof=1))
agree = dx * dy > 0  # both above or both below their means

# %%
# What to look at
# ---------------
# Left: the bars of each distribution and, under them, the mean plus and minus
# one standard deviation; the spread die's interval is more than twice as wide.
# Right: the dashed lines cross at the means; points in the top-right and
# bottom-left quarters (blue) add a positive product to the covariance, the
# others (orange) a negative one, and the blue ones far outnumber them.
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
for k, (probs, name, mu, sd) in enumerate(
    zip((peaked, spread), ("peaked", "spread"), means, sds, strict=True)
):
    shift = -0.18 + 0.36 * k
    ax0.bar(faces + shift, probs, width=0.34, color=f"C{k}", label=f"{name}: $\\sigma = {sd:.2f}$")
    ax0.errorbar(mu, -0.04 - 0.04 * k, xerr=sd, fmt="o", color=f"C{k}", capsize=4)
ax0.axhline(0, color="0.3", linewidth=0.8)
ax0.set(
    xlabel="face $x$",
    ylabel="probability",
    xticks=faces,
    ylim=(-0.11, 0.58),
    yticks=np.arange(0, 0.6, 0.1),
    title="same mean 3.5, different spread",
)
ax0.legend(loc="upper center", fontsize=9, title="below: mean $\\pm$ one $\\sigma$", title_fontsize=9)
ax1.scatter(area[agree], price[agree], s=10, color="C0", label="$(x - \\bar x)(y - \\bar y) > 0$")
ax1.scatter(area[~agree], price[~agree], s=10, color="C1", label="$(x - \\bar x)(y - \\bar y) < 0$")
ax1.axvline(area.mean(), color="0.3", linestyle="--", linewidth=1)
ax1.axhline(price.mean(), color="0.3", linestyle="--", linewidth=1)
ax1.set(
    xlabel="floor area $x$ (100 m$^2$)",
    ylabel="price $y$ (100,000)",
    title=f"covariance {cov_xy:.3f}, correlation {corr:.2f}",
)
ax1.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# Both distributions live on the faces 1 to 6, the peaked one with its mass at 3
# and 4, the spread one at 1 and 6, and both have mean 3.5; the standard deviations are 0.90 and 2.20,
# the spread one more than twice the peaked one; the sample covariance and
# correlation (0.174 and 0.82, as the title says) are near their true values
# :math:`2 \cdot 0.3^2 = 0.18` and :math:`0.6 / \sqrt{0.36 + 0.16} \approx 0.83`;
# the points with a positive product outnumber the others more than three to
# one; and NumPy's ``np.cov`` agrees.
assert faces.tolist() == [1, 2, 3, 4, 5, 6]
assert faces[peaked == peaked.max()].tolist() == [3, 4] and faces[spread == spread.max()].tolist() == [1, 6]
np.testing.assert_allclose(means, [3.5, 3.5], rtol=1e-12)
assert sds[1] > 2 * sds[0]
assert abs(cov_xy - 0.18) < 0.03 and round(cov_xy, 3) == 0.174
assert abs(corr - 0.6 / np.sqrt(0.52)) < 0.05 and round(corr, 2) == 0.82
assert [round(sd, 2) for sd in sds] == [0.9, 2.2]
assert agree.sum() > 3 * (~agree).sum()
np.testing.assert_allclose(np.cov(area, price)[0, 1], cov_xy, rtol=1e-12)
