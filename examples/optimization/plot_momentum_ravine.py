r"""
Momentum in a ravine: the zig-zag damped
========================================

On a loss that is 25 times more curved across a valley than along it,
gradient descent with a learning rate near its limit bounces from wall to
wall and crawls along the floor. The same learning rate with momentum
(PyTorch's rule, :math:`b_t = \mu b_{t-1} + g_t`) damps the bouncing and
builds up speed along the valley. Concept page: :ref:`concept-momentum`.
"""

# %%
# The ravine and the two optimizers
# ---------------------------------
# :math:`f(\theta) = \tfrac12(\lambda_1 \theta_1^2 + \lambda_2 \theta_2^2)` with
# curvatures :math:`\lambda_1 = 1` along the valley and :math:`\lambda_2 = 25`
# across it. Gradient descent is stable for :math:`\eta < 2/25 = 0.08`; both
# runs use :math:`\eta = 0.076`, and the second adds momentum
# :math:`\mu = 0.5`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.optimize import SGD

lam = np.array([1.0, 25.0])
learning_rate, mu, num_steps = 0.076, 0.5, 40
start = np.array([-8.0, 1.0])


def f(theta):
    return 0.5 * np.sum(lam * theta**2)


def run(momentum):
    theta = start.copy()
    opt = SGD(learning_rate=learning_rate, momentum=momentum)
    path = [theta.copy()]
    for _ in range(num_steps):
        opt.step([theta], [lam * theta])  # the gradient of f
        path.append(theta.copy())
    return np.array(path)


paths = {"gradient descent": run(0.0), f"momentum $\\mu = {mu}$": run(mu)}

# %%
# The rates the theory predicts
# -----------------------------
# Along an eigen-direction of curvature :math:`\lambda`, gradient descent
# multiplies the coordinate by :math:`1 - \eta\lambda` per step. With momentum
# the coordinate obeys :math:`x_{t+1} = (1 + \mu - \eta\lambda)\,x_t - \mu\, x_{t-1}`,
# whose rate is the larger root (in size) of
# :math:`r^2 - (1 + \mu - \eta\lambda)\,r + \mu = 0`.
gd_rates = np.abs(1 - learning_rate * lam)
mom_rates = np.array([max(abs(np.roots([1.0, -(1 + mu - learning_rate * curv), mu]))) for curv in lam])

# %%
# What to look at
# ---------------
# Left: gradient descent (orange) zig-zags across the valley for many steps;
# momentum (blue) swings a few times, settles on the floor and runs along it.
# Right: the loss on a log scale. Each line has the slope its slowest rate
# predicts (dashed), and momentum's is far steeper.
fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
ax = axes[0]
T1, T2 = np.meshgrid(np.linspace(-9, 1.5, 300), np.linspace(-1.3, 1.3, 200))
ax.contour(T1, T2, 0.5 * (lam[0] * T1**2 + lam[1] * T2**2), levels=np.geomspace(0.02, 50, 10), colors="0.75")
for (name, path), color in zip(paths.items(), ["C1", "C0"], strict=True):
    ax.plot(path[:, 0], path[:, 1], "o-", color=color, markersize=3, linewidth=1, label=name)
ax.plot(0, 0, "x", color="k", markersize=9, markeredgewidth=2)
ax.set(
    xlabel=r"$\theta_1$ (along the valley)",
    ylabel=r"$\theta_2$ (across)",
    title=f"{num_steps} steps, $\\eta = {learning_rate}$",
)
ax.legend(loc="lower right", fontsize=8)
ax = axes[1]
steps = np.arange(num_steps + 1)
for (name, path), rate, color in zip(
    paths.items(), [gd_rates.max(), mom_rates.max()], ["C1", "C0"], strict=True
):
    losses = np.array([f(p) for p in path])
    ax.semilogy(steps, losses, "o-", color=color, markersize=3, label=name)
    ax.semilogy(steps, losses[0] * rate ** (2 * steps), "--", color="0.4", linewidth=0.8)
ax.set(xlabel="step $t$", ylabel=r"loss $f(\theta_t)$", title="loss (dashed: predicted rate squared)")
ax.legend(loc="lower left", fontsize=8)
plt.show()

# %%
# Check
# -----
# The predicted rates: gradient descent 0.924 along the valley and 0.9 across
# it, momentum 0.795 along and :math:`\sqrt{0.5} \approx 0.707` across (the
# roots are complex there). The zig-zag: gradient descent's
# :math:`\theta_2` changes sign at every one of the 40 steps and is still
# 0.1 in size after 20 steps, while momentum's is below 0.01 by then. The
# loss after 40 steps is smaller with momentum by more than a factor of 10,000,
# and both losses decay at their predicted rates (fitted over the last 20 steps).
gd, mom = paths.values()
assert np.allclose(gd_rates, [0.924, 0.9]) and round(mom_rates[0], 3) == 0.795
assert round(mom_rates[1], 3) == round(np.sqrt(0.5), 3) == 0.707
assert np.all(np.sign(gd[1:, 1]) == -np.sign(gd[:-1, 1]))
assert round(abs(gd[20, 1]), 1) == 0.1 and abs(mom[20, 1]) < 0.01
assert f(gd[-1]) > 10_000 * f(mom[-1])
for path, rate in ((gd, gd_rates.max()), (mom, mom_rates.max())):
    fitted = np.exp(np.polyfit(steps[20:], np.log([f(p) for p in path[20:]]), 1)[0] / 2)
    assert abs(fitted - rate) < 0.01, (fitted, rate)
