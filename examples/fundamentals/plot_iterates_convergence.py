r"""
Iterates of gradient descent, and partial sums
==============================================

Gradient descent on :math:`L(x) = (x - 3)^2` is the sequence
:math:`x_{k+1} = x_k - \eta\,L'(x_k)`. Depending on the step size
:math:`\eta` it converges smoothly, converges while oscillating, or diverges.
A geometric series converges in the same way. Concept page:
:ref:`concept-sequences-series`.
"""

# %%
# One update rule, three step sizes
# ---------------------------------
# :math:`L'(x) = 2(x - 3)`, so one step is :math:`x \mapsto 3 + (1 - 2\eta)(x - 3)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import iterate, partial_sums

x_star, x0, n = 3.0, 0.0, 25
step_sizes = [0.1, 0.9, 1.05]
runs = {}
for eta in step_sizes:

    def step(x, eta=eta):
        return x - eta * 2 * (x - x_star)

    runs[eta] = np.array(iterate(step, x0, n))

# %%
# What to look at: iterates
# -------------------------
# With :math:`\eta = 0.1` the iterates creep up to 3. With :math:`\eta = 0.9`
# they jump over 3 and back, each jump shorter. With :math:`\eta = 1.05` every
# jump is longer than the last: the sequence diverges.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
k = np.arange(n + 1)
for (eta, xs), marker in zip(runs.items(), "o^s", strict=True):
    ax.plot(k, xs, marker=marker, markersize=4, label=rf"$\eta = {eta}$, ratio ${1 - 2 * eta:.1f}$")
ax.axhline(x_star, color="0.5", linestyle=":", label="minimum $x^* = 3$")
ax.set(xlabel="step $k$", ylabel="iterate $x_k$", ylim=(-6, 12), title="Gradient descent iterates")
ax.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# What to look at: partial sums of a geometric series
# ---------------------------------------------------
# The partial sums :math:`s_k = \sum_{j=0}^{k-1} r^j` approach :math:`1/(1-r)`
# when :math:`|r| < 1`, from below for positive :math:`r` and in a zigzag for
# negative :math:`r`: the same two behaviors as the iterates above.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
kk = np.arange(1, 21)
for r, color in ((0.5, "C0"), (-0.8, "C1")):
    s = partial_sums(r ** np.arange(20))
    ax.plot(kk, s, "o-", color=color, markersize=4, label=f"$r = {r}$")
    ax.axhline(1 / (1 - r), color=color, linestyle=":", label=f"limit $1/(1-r) = {1 / (1 - r):.3g}$")
ax.set(xlabel="number of terms $k$", ylabel="partial sum $s_k$", title="Partial sums of a geometric series")
ax.legend(fontsize=9)
plt.show()

# %%
# Check
# -----
# Distances to the minimum shrink by :math:`|1 - 2\eta|` per step; the partial
# sums match the closed form.
for eta, xs in runs.items():
    np.testing.assert_allclose(xs - x_star, (1 - 2 * eta) ** k * (x0 - x_star))
assert abs(runs[0.1][-1] - x_star) < 0.02
assert abs(runs[1.05][-1] - x_star) > abs(x0 - x_star)
for r in (0.5, -0.8):
    np.testing.assert_allclose(partial_sums(r ** np.arange(20)), (1 - r**kk) / (1 - r))
# The numbers of the captions and alt texts: the factors 0.8, -0.8 and -1.1; the first partial
# sums 1, 1.5, 1.75 for r = 0.5, and the limit 1/(1 + 0.8), about 0.556, for r = -0.8.
np.testing.assert_allclose([1 - 2 * eta for eta in runs], [0.8, -0.8, -1.1])
np.testing.assert_allclose(partial_sums(0.5 ** np.arange(3)), [1, 1.5, 1.75])
assert round(1 / (1 - (-0.8)), 3) == 0.556
