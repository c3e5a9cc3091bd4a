r"""
The expected value is where a distribution balances
===================================================

Put a weight :math:`p_k` at each value :math:`x_k` of a die on a ruler: the
ruler balances at the expected value. A fair die balances at 3.5, a die
loaded on six further right. Applying a function to the values first gives
:math:`\mathbb{E}[g(X)]` with the same weights (the law of the unconscious
statistician). Concept page: :ref:`concept-expected-value`.
"""

# %%
# Two dice and one function of a die
# ----------------------------------
# The fair die has six equal weights; the loaded die puts half its mass on six.
# :math:`g(x) = x^2` moves the weights of the fair die to 1, 4, 9, ..., 36
# without changing them.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Categorical, expected_value

rng = np.random.default_rng(12)
faces = np.arange(1, 7)
fair = np.full(6, 1 / 6)
loaded = np.array([0.1, 0.1, 0.1, 0.1, 0.1, 0.5])
mean_fair = expected_value(faces, fair)
mean_loaded = expected_value(faces, loaded)
squares = faces**2
mean_square = expected_value(squares, fair)  # E[X^2]: the same weights at the values g(x)

# 10,000 rolls of each die: the average of the rolls lands near the balance point.
rolls_fair = faces[Categorical(fair).sample(rng, size=10_000)]
rolls_loaded = faces[Categorical(loaded).sample(rng, size=10_000)]


# %%
# What to look at
# ---------------
# Each bar is a weight on the ruler; the triangle under it is where the ruler
# balances. Right: the squares of a fair roll balance at :math:`91/6 \approx 15.17`,
# right of :math:`3.5^2 = 12.25` (the dashed line), so
# :math:`\mathbb{E}[X^2] \ne \mathbb{E}[X]^2`.
def draw(ax, values, probs, mean, title, width=0.6):
    ax.bar(values, probs, width=width, color="C0", label="probability $p_k$")
    ax.axhline(0, color="0.3", linewidth=1.5)
    ax.plot([mean], [-0.02], marker="^", markersize=14, color="C3", clip_on=False, label="balance point")
    ax.axvline(mean, color="C3", linewidth=1, alpha=0.6)
    ax.set(title=title, ylabel="probability", ylim=(-0.04, 0.56))


fig, axes = plt.subplots(1, 3, figsize=(12, 3.8), layout="constrained")
draw(axes[0], faces, fair, mean_fair, f"fair die: $E[X] = {mean_fair:.2f}$")
draw(axes[1], faces, loaded, mean_loaded, f"loaded die: $E[X] = {mean_loaded:.2f}$")
draw(axes[2], squares, fair, mean_square, f"$X^2$, fair die: $E[X^2] = {mean_square:.2f}$", width=1.6)
axes[2].axvline(mean_fair**2, color="0.3", linestyle="--", linewidth=1.2, label="$E[X]^2 = 12.25$")
for ax in axes[:2]:
    ax.set(xlabel="face $x$", xticks=faces)
axes[2].set(xlabel="value $x^2$", xticks=squares)
axes[0].legend(loc="upper left", fontsize=8)
axes[2].legend(loc="upper right", fontsize=8)
plt.show()

# %%
# Check
# -----
# The balance points are 3.5, 4.5 and 91/6 (15.17, the squares standing at 1,
# 4, 9, 16, 25 and 36, right of 12.25); at each one the weights' turning
# effects cancel (:math:`\sum_k (x_k - \mu) p_k = 0`); the loaded die balances
# to the right of the fair one; :math:`\mathbb{E}[X^2]` is right of
# :math:`\mathbb{E}[X]^2`; and the averages of 10,000 rolls are within four
# standard errors of the balance points.
np.testing.assert_allclose([mean_fair, mean_loaded, mean_square], [3.5, 4.5, 91 / 6], rtol=1e-12)
for values, probs, mean in [
    (faces, fair, mean_fair),
    (faces, loaded, mean_loaded),
    (squares, fair, mean_square),
]:
    assert abs(np.sum((values - mean) * probs)) < 1e-12
assert mean_loaded > mean_fair
assert mean_square > mean_fair**2 + 2.9
assert squares.tolist() == [1, 4, 9, 16, 25, 36]
assert round(mean_square, 2) == 15.17 and round(mean_fair**2, 2) == 12.25
for rolls, probs, mean in [(rolls_fair, fair, mean_fair), (rolls_loaded, loaded, mean_loaded)]:
    sd = np.sqrt(np.sum((faces - mean) ** 2 * probs))
    assert abs(rolls.mean() - mean) < 4 * sd / np.sqrt(rolls.size)
