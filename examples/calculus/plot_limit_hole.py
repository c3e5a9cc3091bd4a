r"""
A limit is where the values are heading
=======================================

The function :math:`\sin(x)/x` has no value at :math:`x = 0`, yet its values
close in on 1 as :math:`x` approaches 0: its limit there is 1. For every band
of half-width :math:`\epsilon` around 1 there is a window of half-width
:math:`\delta` around 0 whose graph stays inside the band. Concept page:
:ref:`concept-limit`.
"""

# %%
# A function with a hole
# ----------------------
# ``np.sinc(x / pi)`` is :math:`\sin(x)/x`; we keep the point :math:`x = 0` out
# of the grid on purpose, because the formula divides by zero there.
import matplotlib.pyplot as plt
import numpy as np


def f(x):
    return np.sin(x) / x


x = np.linspace(-6, 6, 600)  # an even number of points: 0 is not on the grid
epsilon = 0.05
# The largest delta on a fine grid such that |f(x) - 1| < epsilon whenever 0 < |x| < delta.
candidates = np.linspace(1e-4, 2, 20000)
inside = np.abs(f(candidates) - 1) < epsilon
delta = candidates[np.argmin(inside) - 1]  # last point before the graph leaves the band

# %%
# What to look at
# ---------------
# Left: the graph with an open circle at :math:`(0, 1)`, the band of height
# :math:`2\epsilon` (gray) and the window of width :math:`2\delta` (orange).
# Right: the distance :math:`|f(x) - 1|` shrinks like :math:`x^2/6` as :math:`x \to 0`.
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax1.plot(x, f(x), color="C0", label=r"$f(x) = \sin(x)/x$")
ax1.axhspan(1 - epsilon, 1 + epsilon, color="0.85", label=rf"band $1 \pm \epsilon$, $\epsilon = {epsilon}$")
ax1.axvspan(-delta, delta, color="C1", alpha=0.25, label=rf"window $|x| < \delta = {delta:.2f}$")
ax1.plot([0], [1], "o", markerfacecolor="white", markeredgecolor="C0", markersize=8)
ax1.set(xlabel="$x$", ylabel="$f(x)$", title="No value at 0, but a limit")
ax1.legend(loc="lower center", fontsize=9)

xs = np.logspace(-4, 0, 50)
ax2.loglog(xs, np.abs(f(xs) - 1), "o", color="C0", markersize=4, label=r"$|f(x) - 1|$")
ax2.loglog(xs, xs**2 / 6, "--", color="C3", label=r"$x^2/6$")
ax2.set(xlabel="distance $x$ to 0", ylabel="distance of $f(x)$ to 1", title="Closing in on the limit")
ax2.legend()
plt.show()

# %%
# Check
# -----
# Inside the window every value is within epsilon of 1, and the distance to 1
# follows x^2/6 (the first term of the Taylor series of sin(x)/x - 1).
window = np.linspace(-delta, delta, 2001)
window = window[window != 0]
assert np.all(np.abs(f(window) - 1) < epsilon)
assert 0.5 < delta < 0.6
# The band 0.95 to 1.05 and the window -0.55 to 0.55 of the caption and alt text.
np.testing.assert_allclose([1 - epsilon, 1 + epsilon], [0.95, 1.05])
assert round(delta, 2) == 0.55
np.testing.assert_allclose(np.abs(f(xs[:20]) - 1), xs[:20] ** 2 / 6, rtol=1e-3)
