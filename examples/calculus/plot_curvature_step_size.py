r"""
Curvature sets the largest stable step
======================================

Gradient descent on a parabola with second derivative :math:`a` multiplies the
distance to the minimum by :math:`1 - \eta a` at every step. With a learning
rate :math:`\eta` below :math:`2/a` the iterates converge; above it they
overshoot further every time. Concept page: :ref:`concept-second-derivative`.
"""

# %%
# A curved loss and three learning rates
# --------------------------------------
# :math:`L(w) = \tfrac{a}{2} (w - 1)^2` with curvature :math:`a = L''(w) = 4`,
# so the critical learning rate is :math:`2/a = 0.5`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative, second_derivative
from mlmath_ref.fundamentals import iterate

a = 4.0


def loss(w):
    return a / 2 * (w - 1) ** 2


curvature = second_derivative(loss, 0.0)
rates = {
    "$\\eta = 0.1$ (below $1/a$)": 0.1,
    "$\\eta = 0.45$ (just below $2/a$)": 0.45,
    "$\\eta = 0.55$ (above $2/a$)": 0.55,
}
paths = {}
for label, eta in rates.items():
    paths[label] = np.array(iterate(lambda w, eta=eta: w - eta * derivative(loss, w), -0.5, 12))

# %%
# What to look at
# ---------------
# Left: the iterates on the loss curve. The small step walks down one side;
# the step just below :math:`2/a` jumps across the valley but lands lower each
# time; the step above :math:`2/a` jumps across and lands *higher*. Right: the
# distance to the minimum per step, on a log scale: straight lines with ratios
# :math:`|1 - \eta a|` = 0.6, 0.8 and 1.2.
w = np.linspace(-1.5, 3.5, 300)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax1.plot(w, loss(w), color="0.5")
for k, (label, path) in enumerate(paths.items()):
    shown = path[:6]
    ax1.plot(shown, loss(shown), "o-", color=f"C{k}", markersize=4, linewidth=1, label=label)
    ax2.semilogy(np.abs(path - 1), "o-", color=f"C{k}", markersize=4, label=label)
ax1.set(
    xlabel="weight $w$", ylabel="loss $L(w)$", ylim=(-0.5, 19), title=rf"Curvature $L'' = {curvature:.2f}$"
)
ax1.legend(fontsize=8, loc="upper center")
ax2.set(xlabel="step $k$", ylabel=r"$|w_k - 1|$", title="Distance to the minimum")
plt.show()

# %%
# Check
# -----
# The curvature is 4, and the distance to the minimum changes by the factor
# :math:`|1 - \eta a|` at every step: it shrinks for eta < 2/a and grows for eta > 2/a.
assert abs(curvature - a) < 1e-6
for eta, path in zip(rates.values(), paths.values(), strict=True):
    ratios = np.abs(path[1:] - 1) / np.abs(path[:-1] - 1)
    np.testing.assert_allclose(ratios, abs(1 - eta * a), rtol=1e-6)
assert np.abs(paths["$\\eta = 0.55$ (above $2/a$)"][-1] - 1) > 1.5
# The factors the caption quotes; the blue path stays left of the minimum and walks towards
# it; the orange and green paths cross the valley at every step (w - 1 changes sign), the
# orange landing lower each time and the green higher.
np.testing.assert_allclose([abs(1 - eta * a) for eta in rates.values()], [0.6, 0.8, 1.2])
blue, orange, green = paths.values()
assert np.all(blue < 1) and np.all(np.diff(blue) > 0)
for path in (orange, green):
    assert np.all(np.sign(path[1:] - 1) == -np.sign(path[:-1] - 1))
assert np.all(np.diff(loss(orange)) < 0) and np.all(np.diff(loss(green)) > 0)
