r"""
Cross-entropy against squared error: the gradient of a confident mistake
========================================================================

Two classes, scores :math:`(z, 0)`, and the true class is the first: the
prediction is right for large positive :math:`z` and confidently wrong for
large negative :math:`z`. Cross-entropy from the scores pushes a wrong
prediction back with a gradient close to 1; the squared error of the
probabilities barely pushes it at all. The gradients are computed by the
``Tensor`` engine through :func:`mlmath_ref.nn.cross_entropy` and
:func:`mlmath_ref.nn.mse`. Concept page: :ref:`concept-loss-functions-nn`.
"""

# %%
# Both losses, and their gradients, by backpropagation
# ----------------------------------------------------
# Every row of the batch is one prediction with scores :math:`(z, 0)` and
# label 0 (the first class). Both losses are means over the batch, so the
# gradient of row :math:`i` is :math:`1/B` of that row's own gradient: the
# code multiplies by the batch size :math:`B` to undo it.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.autodiff import Tensor
from mlmath_ref.nn import cross_entropy, mse, softmax

z = np.linspace(-8.0, 8.0, 321)
B = z.size
labels = np.zeros(B, dtype=int)
one_hot = np.tile([1.0, 0.0], (B, 1))
scores = np.stack([z, np.zeros(B)], axis=1)


def loss_and_gradient(loss):
    """Per-row loss values and d(loss)/dz for every row, from one backward pass."""
    Z = Tensor(scores)
    total = loss(Z)
    total.backward()
    return Z.grad[:, 0] * B


ce_grad = loss_and_gradient(lambda Z: cross_entropy(Z, labels))
mse_grad = loss_and_gradient(lambda Z: mse(softmax(Z), one_hot))
p = softmax(scores)[:, 0]  # the probability of the true class
ce_value = -np.log(p)
mse_value = ((p - 1.0) ** 2 + (1.0 - p) ** 2) / 2  # mse over the two entries of each row

worst = np.argmax(np.abs(mse_grad))
wrong = np.argmin(np.abs(z + 6.0))  # z = -6: probability 0.0025 for the true class
print(f"at z = -6: cross-entropy gradient {ce_grad[wrong]:.4f}, squared-error gradient {mse_grad[wrong]:.4f}")
print(f"largest squared-error gradient {mse_grad[worst]:.3f} at z = {z[worst]:.2f}")

# %%
# What to look at
# ---------------
# Left: going right, the prediction becomes right and both losses fall to 0.
# Going left, the cross-entropy grows like a straight line, while the squared
# error flattens at 1. Right: the slopes of those curves. The cross-entropy
# gradient approaches -1 for a confident mistake; the squared-error gradient
# is largest near :math:`z = -0.69` and then fades back to 0: the worse the
# mistake, the less it is corrected.
fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax_loss.plot(z, ce_value, color="C0", linewidth=2, label="cross-entropy $-\\log p$")
ax_loss.plot(z, mse_value, color="C3", linewidth=2, label="squared error $(1 - p)^2$")
ax_loss.set(xlabel="score of the true class, $z$ (the other has score 0)", ylabel="loss")
ax_loss.set_title("loss of one prediction")
ax_loss.legend(fontsize=9, loc="upper right")

ax_grad.plot(z, ce_grad, color="C0", linewidth=2, label="cross-entropy: $p - 1$")
ax_grad.plot(z, mse_grad, color="C3", linewidth=2, label="squared error: $-2p(1 - p)^2$")
ax_grad.plot(z[wrong], ce_grad[wrong], "o", color="C0")
ax_grad.plot(z[wrong], mse_grad[wrong], "o", color="C3")
ax_grad.annotate(
    "confidently wrong, $z = -6$",
    xy=(z[wrong], mse_grad[wrong]),
    xytext=(-7.5, -0.45),
    fontsize=9,
    arrowprops={"arrowstyle": "->", "color": "0.3"},
)
ax_grad.axhline(0.0, color="0.6", linewidth=0.8)
ax_grad.set(
    xlabel="score of the true class, $z$", ylabel="gradient $\\partial L / \\partial z$", ylim=(-1.1, 0.1)
)
ax_grad.set_title("its gradient, from backward()")
ax_grad.legend(fontsize=9, loc="lower right")
plt.show()

# %%
# Check
# -----
# The engine's gradients are the closed forms: :math:`p - 1` for
# cross-entropy, :math:`-2p(1 - p)^2` for the squared error. At
# :math:`z = -6` they are about -0.998 and -0.005; the squared-error gradient
# is largest in size, 0.30, at :math:`z = \log(1/2) \approx -0.69`, where
# :math:`p = 1/3`. The cross-entropy keeps rising to the left while the
# squared error stays below 1.
np.testing.assert_allclose(ce_grad, p - 1.0, rtol=1e-10, atol=1e-15)
np.testing.assert_allclose(mse_grad, -2 * p * (1.0 - p) ** 2, rtol=1e-10, atol=1e-15)
np.testing.assert_allclose(
    ce_value * 1.0, [cross_entropy(scores[i : i + 1], [0]) for i in range(B)], rtol=1e-12
)
assert z[wrong] == -6.0
assert round(ce_grad[wrong], 3) == -0.998 and round(mse_grad[wrong], 3) == -0.005
assert round(abs(mse_grad[worst]), 2) == 0.30 and abs(z[worst] - np.log(0.5)) <= z[1] - z[0]
assert round(z[worst], 1) == -0.7
assert np.all(np.diff(ce_value) < 0) and ce_value[0] > 7.9
assert np.all(mse_value < 1.0) and np.all(np.diff(mse_value) < 0)
assert np.all(np.diff(ce_grad) > 0) and ce_grad[0] > -1.0 and ce_grad[0] < -0.999
