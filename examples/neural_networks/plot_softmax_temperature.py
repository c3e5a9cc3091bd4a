r"""
Softmax: two classes give the sigmoid, and temperature sets the confidence
==========================================================================

Softmax turns a vector of scores into probabilities. With two classes whose
second score is 0, the first probability is the sigmoid of the first score;
dividing every score by a temperature :math:`T` makes the probabilities
sharper (small :math:`T`) or flatter (large :math:`T`) without changing
their order. Concept page: :ref:`concept-softmax`.
"""

# %%
# Scores and temperatures
# -----------------------
# Left: the probability of the first class when the scores are
# :math:`(z, 0)`, as :math:`z` runs from -6 to 6, at three temperatures.
# Right: four class scores, as a classifier's last layer might give them,
# turned into probabilities at the same three temperatures.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.nn import softmax

z_grid = np.linspace(-6.0, 6.0, 241)
temperatures = [0.25, 1.0, 4.0]
two_class = {T: softmax(np.stack([z_grid, np.zeros_like(z_grid)], axis=1) / T)[:, 0] for T in temperatures}
sigmoid = 1.0 / (1.0 + np.exp(-z_grid))

scores = np.array([2.0, 1.0, 0.2, -1.0])  # four class scores (logits)
probabilities = {T: softmax(scores / T) for T in temperatures}
print("scores:", scores.tolist())
for T in temperatures:
    print(f"T = {T}:", probabilities[T].round(3).tolist())

# %%
# What to look at
# ---------------
# Left: at :math:`T = 1` the curve lies on the sigmoid (the dots); every
# curve passes through 0.5 where the two scores tie, and a lower temperature
# makes the step steeper. Right: the order of the bars never changes, but at
# :math:`T = 0.25` the largest score takes almost all the probability, and at
# :math:`T = 4` the four bars approach the uniform 0.25 (dashed line).
fig, (ax_two, ax_bars) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
for T, color in zip(temperatures, ["C3", "C0", "C2"], strict=True):
    ax_two.plot(z_grid, two_class[T], color=color, linewidth=2, label=f"$T = {T}$")
ax_two.plot(z_grid[::12], sigmoid[::12], "o", color="k", markersize=4, label="sigmoid $1/(1 + e^{-z})$")
ax_two.axhline(0.5, color="0.6", linewidth=0.8, linestyle=":")
ax_two.set(
    xlabel="score of class 1, $z$ (class 2 has score 0)",
    ylabel="softmax$((z, 0)/T)_1$, probability of class 1",
)
ax_two.set_title("two classes: the sigmoid")
ax_two.legend(fontsize=8, loc="upper left")

width = 0.27
classes = np.arange(scores.size)
for k, (T, color) in enumerate(zip(temperatures, ["C3", "C0", "C2"], strict=True)):
    ax_bars.bar(classes + (k - 1) * width, probabilities[T], width, color=color, label=f"$T = {T}$")
ax_bars.axhline(1 / scores.size, color="0.3", linewidth=1, linestyle="--", label="uniform, 0.25")
ax_bars.set_xticks(classes, [f"class {k + 1}\n$z = {s:g}$" for k, s in enumerate(scores)])
ax_bars.set(ylabel="probability", ylim=(0, 1.05))
ax_bars.set_title("four classes: softmax$(\\mathbf{z}/T)$")
ax_bars.legend(fontsize=8, loc="upper right")
plt.show()

# %%
# Check
# -----
# At :math:`T = 1` the two-class curve is the sigmoid; all curves are 0.5 at
# :math:`z = 0`, and the slope there is :math:`1/(4T)`, steeper for lower
# :math:`T`. On the right, every temperature keeps the order of the scores;
# the largest score gets more than 0.95 at :math:`T = 0.25`, and at
# :math:`T = 4` every probability is within 0.1 of the uniform 0.25 (from 0.35
# down to 0.16).
np.testing.assert_allclose(two_class[1.0], sigmoid, rtol=1e-12, atol=1e-15)
middle = np.argmin(np.abs(z_grid))
assert z_grid[middle] == 0.0
step = z_grid[1] - z_grid[0]
for T in temperatures:
    assert abs(two_class[T][middle] - 0.5) < 1e-15
    slope = (two_class[T][middle + 1] - two_class[T][middle - 1]) / (2 * step)
    np.testing.assert_allclose(slope, 1 / (4 * T), rtol=5e-3)  # a central difference
order = np.argsort(scores)
for T in temperatures:
    assert np.all(np.diff(probabilities[T][order]) > 0)
    np.testing.assert_allclose(probabilities[T].sum(), 1.0, rtol=1e-15)
assert probabilities[0.25].max() > 0.95
assert np.all(np.abs(probabilities[4.0] - 0.25) < 0.1)
assert round(probabilities[0.25].max(), 2) == 0.98
assert round(probabilities[4.0].max(), 2) == 0.35 and round(probabilities[4.0].min(), 2) == 0.16
