r"""
The entropy of a coin, and of four-class predictions
====================================================

A coin that lands heads with probability :math:`p` is least predictable at
:math:`p = 1/2`, where its entropy is one bit, and perfectly predictable at
:math:`p = 0` or 1, where it is zero. Among distributions over four classes,
the uniform one has the most entropy, two bits. Concept page:
:ref:`concept-entropy`.
"""

# %%
# The entropy curve and four distributions
# ----------------------------------------
# :math:`H(p) = -p \log_2 p - (1 - p) \log_2 (1 - p)` bits on a grid of
# :math:`p`, and four predicted distributions over four classes, from
# uniform to certain.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import entropy

p_grid = np.linspace(0.0, 1.0, 501)
coin_bits = np.array([entropy([p, 1 - p], base=2) for p in p_grid])
marked = [0.5, 0.9, 0.99]
predictions = {
    "uniform": [0.25, 0.25, 0.25, 0.25],
    "two likely": [0.45, 0.45, 0.05, 0.05],
    "confident": [0.91, 0.03, 0.03, 0.03],
    "certain": [1.0, 0.0, 0.0, 0.0],
}
prediction_bits = {name: entropy(q, base=2) for name, q in predictions.items()}

# %%
# What to look at
# ---------------
# Left: the curve is a symmetric hill with its top, one bit, at
# :math:`p = 1/2`, and it falls to zero at both ends; the dots mark
# :math:`p = 0.5, 0.9, 0.99`. Right: each group of bars is one prediction
# over four classes; the entropy in the legend falls from two bits
# (uniform) to zero (certain).
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ax0.plot(p_grid, coin_bits, color="C0", linewidth=2)
for p in marked:
    h = entropy([p, 1 - p], base=2)
    ax0.plot(p, h, "o", color="C3")
    ax0.annotate(f"$H({p:g}) = {h:.3f}$", (p, h), textcoords="offset points", xytext=(-100, -4), fontsize=9)
ax0.set(xlabel="probability of heads $p$", ylabel="entropy $H$ (bits)", ylim=(0, 1.1), title="a coin")
width = 0.2
for k, (name, q) in enumerate(predictions.items()):
    ax1.bar(
        np.arange(4) + (k - 1.5) * width, q, width=width, label=f"{name}: {prediction_bits[name]:.2f} bits"
    )
ax1.set(
    xlabel="class",
    ylabel="predicted probability",
    xticks=range(4),
    ylim=(0, 1.25),
    title="four classes",
)
ax1.legend(loc="upper right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The curve's largest value is exactly 1 bit, at :math:`p = 1/2`; it is
# symmetric, zero at both ends, and rises then falls; the marked values are
# 1, 0.469 and 0.081 bits; and the four predictions' entropies are 2 bits,
# then strictly smaller (1.47 and 0.58 bits, as the legend shows), down to
# exactly 0.
assert coin_bits.max() == 1.0 and p_grid[np.argmax(coin_bits)] == 0.5
np.testing.assert_allclose(coin_bits, coin_bits[::-1], atol=1e-12)
assert coin_bits[0] == 0.0 and coin_bits[-1] == 0.0
half = len(p_grid) // 2
assert np.all(np.diff(coin_bits[: half + 1]) > 0) and np.all(np.diff(coin_bits[half:]) < 0)
assert [round(entropy([p, 1 - p], base=2), 3) for p in marked] == [1.0, 0.469, 0.081]
bits = list(prediction_bits.values())
assert bits[0] == 2.0 and bits[-1] == 0.0 and np.all(np.diff(bits) < 0)
assert [f"{b:.2f}" for b in bits] == ["2.00", "1.47", "0.58", "0.00"]
