r"""
Riemann sums converge to the area
=================================

Cut the interval into :math:`n` strips, stand a rectangle on each, and add up
their areas. As :math:`n` grows the sum converges to the area under the
curve. Trapezoids and parabolas (Simpson's rule) converge much faster.
Concept page: :ref:`concept-integral`.
"""

# %%
# The area under a bell curve
# ---------------------------
# :math:`f(x) = e^{-x^2/2}` on :math:`[-1, 2]`; its exact area comes from the
# error function, :math:`\sqrt{\pi/2}\,(\operatorname{erf}(2/\sqrt2) + \operatorname{erf}(1/\sqrt2))`.
import math

import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import integrate


def f(x):
    return np.exp(-(x**2) / 2)


a, b = -1.0, 2.0
exact = math.sqrt(math.pi / 2) * (math.erf(b / math.sqrt(2)) - math.erf(a / math.sqrt(2)))

# %%
# What to look at
# ---------------
# With 6, 12 and 24 midpoint rectangles the staircase fits the curve ever more
# tightly; the titles show the sum closing in on the exact area.
x = np.linspace(a, b, 300)
fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), sharey=True, layout="constrained")
for ax, n in zip(axes, [6, 12, 24], strict=True):
    dx = (b - a) / n
    mids = a + (np.arange(n) + 0.5) * dx
    ax.bar(mids, f(mids), width=dx, color="C0", alpha=0.35, edgecolor="C0")
    ax.plot(x, f(x), color="k")
    ax.plot(mids, f(mids), "o", color="C1", markersize=3)
    ax.set(xlabel="$x$", title=f"n = {n}: sum = {integrate(f, a, b, n=n, rule='midpoint'):.5f}")
axes[0].set_ylabel("$f(x)$")
fig.suptitle(f"Midpoint rectangles under $e^{{-x^2/2}}$ (exact area {exact:.5f})")
plt.show()

# %%
# Error against the number of strips
# ----------------------------------
# On log-log axes the midpoint and trapezoid errors fall along lines of slope
# -2 (double n, divide the error by 4), Simpson's along slope -4 (divide by 16)
# until it hits the rounding floor near 1e-15.
ns = 2 ** np.arange(1, 13)
errors = {
    rule: np.array([abs(integrate(f, a, b, n=int(n), rule=rule) - exact) for n in ns])
    for rule in ("midpoint", "trapezoid", "simpson")
}
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
for k, (rule, err) in enumerate(errors.items()):
    ax.loglog(ns, err + 1e-17, "o-", color=f"C{k}", markersize=4, label=rule)
ax.set(xlabel="number of strips $n$", ylabel="error", title="How fast the sums converge")
ax.legend()
plt.show()

# %%
# Check
# -----
# Doubling n divides the midpoint and trapezoid errors by about 4 and the
# Simpson error by about 16 (measured between n = 8 and n = 64), and all three
# converge to the exact area.
for rule, order in [("midpoint", 2), ("trapezoid", 2), ("simpson", 4)]:
    ratios = errors[rule][2:5] / errors[rule][3:6]
    np.testing.assert_allclose(ratios, 2**order, rtol=0.1)
assert errors["simpson"][-1] < 1e-13 and errors["midpoint"][-1] < 1e-6
