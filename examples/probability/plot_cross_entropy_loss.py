r"""
Cross-entropy as a loss: confident mistakes and label smoothing
===============================================================

With a one-hot label, the cross-entropy of a prediction is
:math:`-\log q_{\text{true}}`: small for a confident right answer, large and
unbounded for a confident wrong one. With a smoothed label the loss stops
rewarding certainty: its minimum is at the smoothed probability, where it
equals the label's entropy. Concept page: :ref:`concept-cross-entropy`.
"""

# %%
# Losses of three-class predictions
# ---------------------------------
# The prediction gives probability :math:`t` to the true class and splits
# :math:`1 - t` evenly between the two others. The one-hot label is
# :math:`(1, 0, 0)`; label smoothing with :math:`\varepsilon = 0.1` gives
# :math:`(1 - \varepsilon + \varepsilon/3, \varepsilon/3, \varepsilon/3)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import cross_entropy, entropy

K, eps = 3, 0.1
one_hot = np.array([1.0, 0.0, 0.0])
smoothed = (1 - eps) * one_hot + eps / K


def prediction(t):
    return np.array([t, (1 - t) / 2, (1 - t) / 2])


t_grid = np.linspace(0.01, 0.999, 600)
loss_one_hot = np.array([cross_entropy(one_hot, prediction(t)) for t in t_grid])
loss_smoothed = np.array([cross_entropy(smoothed, prediction(t)) for t in t_grid])
marked = {"confident and wrong": 0.05, "unsure": 1 / 3, "confident and right": 0.9}
best = t_grid[np.argmin(loss_smoothed)]

# %%
# What to look at
# ---------------
# Left: the loss :math:`-\log t` for the one-hot label, with three
# predictions marked; the confident wrong one costs about 28 times the
# confident right one. Right: near :math:`t = 1` the one-hot loss (blue) keeps
# falling towards 0, so training pushes the scores without end; the smoothed
# loss (orange) turns back up, with its lowest point at :math:`t = 0.933`,
# where it equals the entropy of the smoothed label (dotted).
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
ax0.plot(t_grid, loss_one_hot, color="C0", linewidth=2, label="one-hot label: $-\\log t$")
for k, (name, t) in enumerate(marked.items()):
    loss = cross_entropy(one_hot, prediction(t))
    ax0.plot(t, loss, "o", color=f"C{k + 2}", markersize=8, label=f"{name}: $t = {t:.2f}$, loss {loss:.2f}")
ax0.set(
    xlabel="predicted probability $t$ of the true class", ylabel="cross-entropy (nats)", title="one-hot label"
)
ax0.legend(loc="upper right", fontsize=9)
zoom = t_grid >= 0.6
ax1.plot(t_grid[zoom], loss_one_hot[zoom], color="C0", linewidth=2, label="one-hot label")
ax1.plot(
    t_grid[zoom], loss_smoothed[zoom], color="C1", linewidth=2, label="smoothed label, $\\varepsilon = 0.1$"
)
ax1.axhline(
    entropy(smoothed),
    color="C1",
    linestyle=":",
    label=f"entropy of the smoothed label: {entropy(smoothed):.3f}",
)
ax1.axvline(smoothed[0], color="0.5", linewidth=0.8)
ax1.set(
    xlabel="predicted probability $t$ of the true class", ylabel="cross-entropy (nats)", title="near $t = 1$"
)
ax1.legend(loc="upper center", fontsize=9)
plt.show()

# %%
# Check
# -----
# The marked losses are :math:`-\log t`; the confident wrong prediction costs
# about 28 times the confident right one; the one-hot loss decreases all
# the way to :math:`t = 1`; the smoothed loss has its minimum at
# :math:`1 - \varepsilon + \varepsilon/3 \approx 0.933` (to the grid's
# resolution), where it equals the label's entropy, and is above the entropy
# everywhere else (cross-entropy is never below entropy). The numbers of the
# legend: the curve starts near 4.6 at :math:`t = 0.01`, the marked points sit
# at :math:`t` = 0.05, 0.33 and 0.90 with losses 3.00, 1.10 and 0.11, and the
# entropy of the smoothed label is 0.291 nats.
losses = {name: cross_entropy(one_hot, prediction(t)) for name, t in marked.items()}
np.testing.assert_allclose(list(losses.values()), -np.log(list(marked.values())), rtol=1e-12)
assert round(losses["confident and wrong"] / losses["confident and right"]) == 28
assert [f"{t:.2f}" for t in marked.values()] == ["0.05", "0.33", "0.90"]
assert [f"{v:.2f}" for v in losses.values()] == ["3.00", "1.10", "0.11"]
assert round(loss_one_hot[0], 1) == 4.6
assert f"{entropy(smoothed):.3f}" == "0.291" and f"{loss_smoothed.min():.3f}" == "0.291"
assert np.all(np.diff(loss_one_hot) < 0)
assert abs(best - (1 - eps + eps / K)) < 2 * (t_grid[1] - t_grid[0])
np.testing.assert_allclose(cross_entropy(smoothed, smoothed), entropy(smoothed), rtol=1e-12)
assert round(smoothed[0], 3) == 0.933
assert np.all(loss_smoothed >= entropy(smoothed) - 1e-12)
