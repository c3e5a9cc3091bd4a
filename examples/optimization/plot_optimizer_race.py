r"""
SGD, momentum, RMSProp and Adam race through a badly scaled valley
==================================================================

A linear model whose two inputs are on scales ten times apart has a loss
that is 100 times more curved in one weight than in the other. Plain SGD
must keep its learning rate below the limit set by the steep weight and then
crawls along the flat one; momentum helps; RMSProp and Adam divide each
coordinate's step by the size of its own gradients, so that both weights
move at a similar pace and a wide range of learning rates works. Concept
page: :ref:`concept-adaptive-methods`.
"""

# %%
# The loss and the four optimizers
# --------------------------------
# :math:`f(\theta) = \tfrac12(\theta_1^2 + 100\,\theta_2^2)`: the squared error
# of a linear model with inputs of standard deviations 1 and 10, written around
# its minimum at the origin. Every optimizer starts from the same point with
# PyTorch's defaults for everything but the learning rate (momentum 0.9 for
# SGD with momentum). In the race, SGD and momentum use 0.01, below SGD's
# limit :math:`2/100`; RMSProp and Adam use 0.1.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.optimize import SGD, Adam, RMSProp

lam = np.array([1.0, 100.0])
start = np.array([-3.0, 0.5])
num_steps = 100
makers = {
    "SGD": lambda lr: SGD(learning_rate=lr),
    "momentum 0.9": lambda lr: SGD(learning_rate=lr, momentum=0.9),
    "RMSProp": lambda lr: RMSProp(learning_rate=lr),
    "Adam": lambda lr: Adam(learning_rate=lr),
}
chosen = {"SGD": 0.01, "momentum 0.9": 0.01, "RMSProp": 0.1, "Adam": 0.1}


def f(theta):
    return 0.5 * np.sum(lam * theta**2)


def run(make, lr):
    """The path of ``num_steps`` steps, stopped early once the loss passes a million: divergence."""
    theta, opt = start.copy(), make(lr)
    path = [theta.copy()]
    for _ in range(num_steps):
        opt.step([theta], [lam * theta])  # the gradient of f
        path.append(theta.copy())
        if f(theta) > 1e6:
            break
    return np.array(path)


race = {name: run(makers[name], lr) for name, lr in chosen.items()}
race_loss = {name: np.array([f(p) for p in path]) for name, path in race.items()}

# %%
# Every learning rate of a grid
# -----------------------------
# A race depends on the learning rates. So each optimizer also runs with
# every rate :math:`10^{-3}, 10^{-2.5}, \dots, 1`, and the loss after 100
# steps is recorded; a run stopped early diverged.
grid = 10.0 ** np.arange(-3.0, 0.01, 0.5)
final = {}
for name, make in makers.items():
    paths = [run(make, lr) for lr in grid]
    final[name] = np.array([f(p[-1]) if len(p) == num_steps + 1 else np.inf for p in paths])

# %%
# What to look at
# ---------------
# Left: the race. SGD creeps along the flat direction; momentum swings across
# the valley; Adam's first steps go diagonally, the same length in both
# weights, and it curves into the valley; RMSProp's first step is ten times
# its learning rate (its average of squared gradients starts at zero), then
# it drops to the floor and runs straight to the minimum. Middle: the same
# runs' loss on a log scale. Right: the loss after 100 steps for every
# learning rate, drawn within the axis: a point on the top edge diverged or
# ended above 1000, one on the bottom edge is below :math:`10^{-12}`.
colors = dict(zip(makers, ["C1", "C2", "C0", "C3"], strict=True))
fig, axes = plt.subplots(1, 3, figsize=(15, 4.4), layout="constrained")
ax = axes[0]
T1, T2 = np.meshgrid(np.linspace(-3.5, 1.5, 300), np.linspace(-0.9, 0.9, 200))
ax.contour(T1, T2, 0.5 * (T1**2 + 100 * T2**2), levels=np.geomspace(0.01, 30, 10), colors="0.75")
for name, path in race.items():
    ax.plot(
        path[:, 0],
        path[:, 1],
        ".-",
        color=colors[name],
        markersize=3,
        linewidth=0.9,
        label=f"{name}, lr {chosen[name]}",
    )
ax.plot(*start, "o", color="k", markersize=5)
ax.set(xlabel=r"$\theta_1$ (flat)", ylabel=r"$\theta_2$ (steep)", title=f"the race: {num_steps} steps")
ax.legend(loc="lower right", fontsize=8)
ax = axes[1]
for name, losses in race_loss.items():
    ax.semilogy(losses, color=colors[name], label=name)
ax.set(xlabel="step $t$", ylabel=r"loss $f(\theta_t)$", title="the race: loss", ylim=(1e-12, 1e2))
ax.legend(loc="lower left", fontsize=8)
ax = axes[2]
floor, ceiling = 1e-12, 1e3
for name, values in final.items():
    ax.loglog(grid, np.clip(values, floor, ceiling), "o-", color=colors[name], label=name)
ax.axvline(2 / lam.max(), color="0.5", linestyle=":", linewidth=1)
ax.text(2 / lam.max(), 1e-10, " SGD's limit 2/100", color="0.3", fontsize=8)
ax.set(
    xlabel="learning rate",
    ylabel="loss after 100 steps",
    title="which learning rates work",
    ylim=(floor / 3, ceiling * 3),
)
ax.legend(loc="lower left", fontsize=8)
plt.show()

# %%
# Check
# -----
# The race after 100 steps: RMSProp's loss is below :math:`10^{-20}` (and
# below :math:`10^{-12}` from step 50), then come momentum and Adam (between
# :math:`10^{-5}` and :math:`10^{-3}`) and SGD (still above 0.5). The limits of
# stability are :math:`2/100 = 0.02` for SGD and :math:`2(1 + 0.9)/100 \approx 0.04`
# for momentum. The first steps: Adam moves
# each weight by its learning rate 0.1 (to 4 digits), RMSProp by ten times its
# learning rate, SGD by the gradient times 0.01 (0.03 and 0.5). On the grid,
# SGD diverges at every rate above 0.02, momentum at every rate from 0.1 on,
# while RMSProp and Adam never do and end below :math:`10^{-3}` at every rate
# from 0.1 to 1.
at_end = {name: losses[-1] for name, losses in race_loss.items()}
assert race_loss["RMSProp"][50] < 1e-12 and all(1e-5 < at_end[k] < 1e-3 for k in ("momentum 0.9", "Adam"))
assert (
    round(2 / lam.max(), 2) == 0.02 and round(2 * (1 + 0.9) / lam.max(), 2) == 0.04
)  # SGD's and momentum's limits
assert at_end["RMSProp"] < 1e-20 < at_end["momentum 0.9"] < at_end["Adam"] < 0.5 < at_end["SGD"], at_end
first = {name: np.abs(path[1] - path[0]) for name, path in race.items()}
np.testing.assert_allclose(first["Adam"], 0.1, rtol=1e-4)
np.testing.assert_allclose(first["RMSProp"], 10 * 0.1, rtol=1e-4)
np.testing.assert_allclose(first["SGD"], 0.01 * lam * np.abs(start))
assert np.allclose(first["SGD"], [0.03, 0.5])
assert np.all(np.isinf(final["SGD"]) == (grid > 2 / lam.max())), final["SGD"]
assert np.all(np.isinf(final["momentum 0.9"]) == (grid >= 0.1)), final["momentum 0.9"]
assert np.isclose(grid[0], 0.001) and np.isclose(grid[-1], 1.0)  # the grid's range
for name in ("RMSProp", "Adam"):
    assert np.all(np.isfinite(final[name])) and np.all(final[name][grid >= 0.1] < 1e-3), (name, final[name])
