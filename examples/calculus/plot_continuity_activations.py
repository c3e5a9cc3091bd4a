r"""
Continuous, kinked and broken activation functions
==================================================

A step function jumps, ReLU has a corner but no jump, and the sigmoid is
smooth. Zooming in on the point :math:`x = 0` tells them apart: a continuous
function's values near 0 close in on its value at 0. Concept page:
:ref:`concept-continuity`.
"""

# %%
# Three activation functions
# --------------------------
# The step function was the activation of the first perceptrons; ReLU and the
# sigmoid replaced it.
import matplotlib.pyplot as plt
import numpy as np


def step(x):
    return np.where(x >= 0, 1.0, 0.0)


def relu(x):
    return np.maximum(x, 0.0)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


activations = {"step": step, "ReLU": relu, "sigmoid": sigmoid}
x_left = np.linspace(-3, -1e-9, 300)
x_right = np.linspace(0, 3, 300)

# %%
# What to look at
# ---------------
# Top row: each function drawn from the left (solid) and from the right
# (dashed) of 0. Only the step function's two pieces do not meet. Bottom row:
# the gap :math:`|f(x) - f(0)|` as :math:`x` approaches 0 from either side;
# for the step it stays at 1 on the left, for the others it goes to 0.
fig, axes = plt.subplots(2, 3, figsize=(10, 6), layout="constrained")
distances = np.logspace(-6, 0, 40)
for (name, f), ax, ax_gap in zip(activations.items(), axes[0], axes[1], strict=True):
    ax.plot(x_left, f(x_left), color="C0", label="from the left")
    ax.plot(x_right, f(x_right), "--", color="C1", label="from the right")
    ax.plot([0], f(np.array([0.0])), "o", color="k", markersize=5, label="value at 0")
    ax.set(xlabel="$x$", ylabel=f"{name}$(x)$", title=name)
    ax_gap.loglog(
        distances, np.abs(f(-distances) - f(0.0)) + 1e-12, "o-", markersize=3, label="from the left"
    )
    ax_gap.loglog(
        distances, np.abs(f(distances) - f(0.0)) + 1e-12, "s--", markersize=3, label="from the right"
    )
    ax_gap.set(xlabel="distance to 0", ylabel=r"$|f(x) - f(0)|$", ylim=(1e-13, 10))
axes[0, 0].legend(fontsize=8)
axes[1, 0].legend(fontsize=8)
plt.show()

# %%
# Check
# -----
# The step function jumps by 1 at 0; ReLU and sigmoid have gaps that shrink
# in proportion to the distance (their slopes near 0 are at most 1).
d = 1e-6
assert step(np.array(-d)) == 0.0 and step(np.array(0.0)) == 1.0
assert abs(relu(-d) - relu(0.0)) <= d and abs(relu(d) - relu(0.0)) <= d
assert abs(sigmoid(d) - sigmoid(0.0)) <= d / 4 + 1e-15
