r"""
The loss decides what "best" means
==================================

A loss is a function of the model's parameters: the data are fixed, the
parameters move. Two regression losses over the same targets have their
minimum at different constant predictions, the mean and the median; for a
classifier, the error rate is flat almost everywhere while the cross-entropy
slopes towards the good thresholds. Concept page: :ref:`concept-loss-function`.
"""

# %%
# Targets with one outlier, and a one-parameter classifier
# --------------------------------------------------------
# Regression: 21 delivery times in minutes, twenty around 30 and one
# late delivery at 90, and the simplest model, a constant prediction
# :math:`c`. Classification: the versicolor and virginica irises, and the rule
# "virginica when the petal is longer than :math:`t` cm", whose probability
# version is :math:`\sigma(5\,(x - t))`.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from mlmath_ref.stats import mean

rng = np.random.default_rng(3)
y = np.append(rng.normal(30.0, 4.0, size=20), 90.0)
c = np.linspace(10.0, 95.0, 1701)
squared = np.mean((c[:, None] - y) ** 2, axis=1)
absolute = np.mean(np.abs(c[:, None] - y), axis=1)

iris = load_iris()
keep = iris.target > 0
x_iris = iris.data[keep, 2]  # petal length, cm
label = (iris.target[keep] == 2).astype(float)  # 1 for virginica, 0 for versicolor
t = np.linspace(3.5, 6.5, 3001)
z = 5.0 * (x_iris - t[:, None])
error_rate = np.mean((x_iris > t[:, None]) != label, axis=1)
cross_entropy = np.mean(label * np.logaddexp(0, -z) + (1 - label) * np.logaddexp(0, z), axis=1)

# %%
# Three losses as functions of one parameter
# ------------------------------------------
# Left: the mean squared error is a parabola whose lowest point is the mean,
# dragged towards the outlier. Middle: the mean absolute error is a chain of
# straight pieces whose lowest point is the median, among the usual times.
# Right: the error rate is a staircase, flat between the petal lengths of the
# data; the cross-entropy is smooth, and its minimum lies on the lowest step.
y_mean, y_median, t_ce = mean(y), np.median(y), t[np.argmin(cross_entropy)]

fig, axes = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
for ax, values, best, name, color, top in [
    (axes[0], squared, y_mean, "mean squared error", "C0", 1000),
    (axes[1], absolute, y_median, "mean absolute error", "C1", 40),
]:
    ax.plot(c, values, color=color, label=name)
    ax.axvline(best, color=color, linestyle="--", linewidth=1, label=f"minimum at {best:.1f} min")
    ax.plot(y, np.zeros_like(y), "|", color="k", markersize=12, label="targets")
    ax.set(xlabel="constant prediction $c$ (minutes)", ylabel=f"{name} $L(c)$", title=name.capitalize())
    ax.set(xlim=(10, 95), ylim=(0, top))
    ax.legend(fontsize=8, loc="upper right")
ax = axes[2]
ax.plot(t, error_rate, color="C2", label="error rate (0-1 loss)")
ax.plot(t, cross_entropy, color="C4", label="cross-entropy")
ax.axvline(t_ce, color="C4", linestyle="--", linewidth=1, label=f"cross-entropy minimum, $t$ = {t_ce:.2f}")
ax.set(
    xlabel="threshold $t$ (cm)", ylabel="loss $L(t)$", ylim=(0, 1.6), title="Iris: two classification losses"
)
ax.legend(fontsize=8, loc="upper center")
plt.show()

# %%
# Check
# -----
# The lowest point of the squared error on the grid is the mean, and that of
# the absolute error the median; the outlier drags the mean above 17 of the 20
# usual times, while the median stays in the middle of them. The error rate
# takes few distinct values (a staircase) and its slope is zero between data
# points; the cross-entropy is smooth and its minimum sits where the error
# rate is lowest, 7 flowers in 100.
assert abs(c[np.argmin(squared)] - y_mean) <= 0.025 and abs(c[np.argmin(absolute)] - y_median) <= 0.025
assert round(y_mean, 1) == 32.4 and round(y_median, 1) == 29.0
usual = y[:-1]
assert np.sum(usual < y_mean) == 17 and np.sum(usual < y_median) == 10
flat = np.diff(error_rate) == 0
assert flat.mean() > 0.95 and np.unique(error_rate).size < 30
assert np.all(np.abs(np.diff(cross_entropy, 2)) < 1e-3)  # no jumps or corners at this grid
assert error_rate[np.argmin(cross_entropy)] == error_rate.min()
assert round(error_rate.min(), 2) == 0.07 and round(t_ce, 2) == 4.87
assert y.size == 21 and label.size == 100 and round(error_rate.min() * label.size) == 7
