r"""
Broadcasting stretches shapes
=============================

NumPy lets you combine arrays of different shapes by *stretching* the smaller
one, without copying it: a vector of feature means is subtracted from every
row of a batch. The same rule turns a harmless-looking ``y - y_hat`` into an
:math:`n \times n` matrix when one side has shape ``(n,)`` and the other
``(n, 1)``. Concept page: :ref:`concept-arrays-broadcasting`.
"""

# %%
# Two subtractions
# ----------------
# A batch of 4 samples with 3 features minus their mean, and a vector of 4
# targets minus a column of 4 predictions.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from mlmath_ref.linalg import broadcast_shape

rng = np.random.default_rng(3)
X = rng.normal(size=(4, 3))
mu = X.mean(axis=0)  # shape (3,)
centered = X - mu  # shape (4, 3): mu is stretched down the rows
y = rng.normal(size=4)  # shape (4,)
y_hat = rng.normal(size=(4, 1))  # shape (4, 1), as a model with one output returns it
residual = y - y_hat  # shape (4, 4): the classic bug


def draw_array(ax, x0, shape, real, color, label):
    """Draw an array of `shape` as cells; cells outside `real` are stretched copies."""
    rows, cols = shape
    for i in range(rows):
        for j in range(cols):
            is_real = i < real[0] and j < real[1]
            ax.add_patch(
                Rectangle(
                    (x0 + j, -i - 1),
                    1,
                    1,
                    facecolor=color,
                    alpha=0.85 if is_real else 0.22,
                    edgecolor="black" if is_real else color,
                    linestyle="-" if is_real else "--",
                    linewidth=1.2,
                )
            )
    ax.text(x0 + cols / 2, -rows - 0.6, label, ha="center", va="top", fontsize=11)
    return x0 + cols


def draw_sign(ax, x, sign):
    ax.text(x + 0.6, -2, sign, ha="center", va="center", fontsize=20)
    return x + 1.2


# %%
# What to look at
# ---------------
# Solid cells hold data; pale dashed cells are the copies that broadcasting
# pretends exist. In the top row only the mean is stretched, as intended. In
# the bottom row *both* sides are stretched and the result is a 4-by-4 table
# of every target minus every prediction: no error is raised.
fig, axes = plt.subplots(2, 1, figsize=(9, 6.4), layout="constrained")
ax = axes[0]
x = draw_array(ax, 0, (4, 3), (4, 3), "C0", "X: (4, 3)")
x = draw_sign(ax, x, "−")
x = draw_array(ax, x, (4, 3), (1, 3), "C1", "mu: (3,) as (1, 3)")
x = draw_sign(ax, x, "=")
draw_array(ax, x, (4, 3), (4, 3), "C2", f"result: {centered.shape}")
ax.set_title("intended: center a batch, (4, 3) − (3,) → (4, 3)")

ax = axes[1]
x = draw_array(ax, 0, (4, 4), (1, 4), "C0", "y: (4,) as (1, 4)")
x = draw_sign(ax, x, "−")
x = draw_array(ax, x, (4, 4), (4, 1), "C1", "y_hat: (4, 1)")
x = draw_sign(ax, x, "=")
draw_array(ax, x, (4, 4), (4, 4), "C3", f"result: {residual.shape}")
ax.set_title("the bug: (4,) − (4, 1) → (4, 4)")
for ax in axes:
    ax.set(xlim=(-0.5, 15), ylim=(-6, 0.5), aspect="equal")
    ax.axis("off")
plt.show()

# %%
# Check
# -----
# The shapes in the picture are the ones NumPy produces, ``broadcast_shape``
# agrees with ``np.broadcast_shapes`` on these and other pairs, and incompatible
# shapes are refused: a failure here fails the site build.
assert centered.shape == broadcast_shape(X.shape, mu.shape) == (4, 3)
assert residual.shape == broadcast_shape(y.shape, y_hat.shape) == (4, 4)
np.testing.assert_allclose(centered, X - np.tile(mu, (4, 1)))
np.testing.assert_allclose(residual[1, 2], y[2] - y_hat[1, 0])  # row i: prediction i; column j: target j
np.testing.assert_allclose(centered.mean(axis=0), 0.0, atol=1e-12)
pairs = [((4, 3), (3,)), ((4, 1), (4,)), ((5, 1, 3), (2, 1)), ((), (2, 2)), ((8, 1, 6, 1), (7, 1, 5))]
for a, b in pairs:
    assert broadcast_shape(a, b) == np.broadcast_shapes(a, b)
try:
    broadcast_shape((4, 3), (4,))
except ValueError:
    pass
else:
    raise AssertionError("(4, 3) and (4,) must not broadcast")
