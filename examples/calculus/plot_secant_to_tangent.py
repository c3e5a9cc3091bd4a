r"""
Secant lines turn into the tangent line
=======================================

The slope of the line through two points of a graph, :math:`(x_0, f(x_0))`
and :math:`(x_0 + h, f(x_0 + h))`, approaches the derivative :math:`f'(x_0)`
as :math:`h` shrinks: the secants turn into the tangent. Concept page:
:ref:`concept-derivative`.
"""

# %%
# A loss curve and shrinking secants
# ----------------------------------
# A one-parameter loss :math:`L(w) = (w - 2)^2 + \sin(2w)/4 + 1`, with exact
# derivative :math:`L'(w) = 2(w - 2) + \cos(2w)/2`, at the current weight :math:`w_0 = 0.5`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import tangent_line


def loss(w):
    return (w - 2) ** 2 + np.sin(2 * w) / 4 + 1


def loss_slope(w):
    return 2 * (w - 2) + np.cos(2 * w) / 2


w0 = 0.5
steps = np.array([2.0, 1.0, 0.5, 0.25])
secant_slopes = (loss(w0 + steps) - loss(w0)) / steps
tangent = tangent_line(loss, w0)

# %%
# What to look at
# ---------------
# Left: each secant (thin, lighter for larger :math:`h`) pivots around the
# black point and leans closer to the tangent (thick, dark) as :math:`h`
# shrinks. Right: the secant slope as a function of :math:`h` settles on the
# dotted line :math:`L'(w_0)`.
w = np.linspace(-0.5, 3.0, 300)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax1.plot(w, loss(w), color="C0", linewidth=2, label="$L(w)$")
for k, (h, m) in enumerate(zip(steps, secant_slopes, strict=True)):
    ax1.plot(w, loss(w0) + m * (w - w0), color="C1", alpha=0.3 + 0.2 * k, linewidth=1.5)
    ax1.plot([w0 + h], [loss(w0 + h)], "o", color="C1", markersize=5)
ax1.plot(w, tangent(w), color="C3", linewidth=2.5, label=rf"tangent, slope {tangent.slope:.3f}")
ax1.plot([w0], [loss(w0)], "ko", markersize=7)
ax1.set(xlabel="weight $w$", ylabel="loss $L(w)$", ylim=(-1, 8), title="Secants through $w_0$ and $w_0 + h$")
ax1.legend(loc="upper right")

hs = np.logspace(-4, np.log10(2), 60)
ax2.semilogx(hs, (loss(w0 + hs) - loss(w0)) / hs, color="C1", label="secant slope")
ax2.axhline(loss_slope(w0), color="C3", linestyle=":", label=r"$L'(w_0)$")
ax2.set(xlabel="step $h$", ylabel="slope", title="Slopes converge as $h \\to 0$")
ax2.legend()
plt.show()

# %%
# Check
# -----
# The secant slopes approach L'(w0), each halving of h roughly halving the gap,
# and the tangent line's slope matches the exact derivative.
gaps = np.abs(secant_slopes - loss_slope(w0))
assert np.all(np.diff(gaps) < 0)
small = np.abs((loss(w0 + hs[:5]) - loss(w0)) / hs[:5] - loss_slope(w0))
assert np.all(small < 1e-3)
np.testing.assert_allclose(tangent.slope, loss_slope(w0), rtol=1e-9)
assert round(tangent.slope, 2) == -2.73  # the slope the legend and the alt text quote
