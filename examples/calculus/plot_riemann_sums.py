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
# Every rule is run with :math:`n = 2, 4, \dots, 2^{20}` strips. On log-log
# axes the midpoint and trapezoid errors fall along lines of slope -2 (double
# n, divide the error by 4), Simpson's along slope -4 (divide by 16) until,
# near :math:`n = 4096`, it reaches the spacing of floating-point numbers near
# the answer (about :math:`4.4 \times 10^{-16}`, the dotted line). There it
# stops falling: the last digit of the computed sum (and of the exact value,
# itself computed in floating point) is rounding, and more strips do not
# remove it. Some of those sums hit the exact value to the last
# bit, an error of exactly 0; the vertical axis is linear below
# :math:`10^{-16}` so that they can be drawn, on the bottom line.
ns = 2 ** np.arange(1, 21)
errors = {
    rule: np.array([abs(integrate(f, a, b, n=int(n), rule=rule) - exact) for n in ns])
    for rule in ("midpoint", "trapezoid", "simpson")
}
spacing = np.spacing(exact)  # distance from the answer to the next float
fig, ax = plt.subplots(figsize=(6.5, 4.2), layout="constrained")
for k, (rule, err) in enumerate(errors.items()):
    ax.plot(ns, err, "o-", color=f"C{k}", markersize=4, label=rule)
ax.axhline(spacing, color="0.4", linestyle=":", label="float spacing at the answer")
ax.set_xscale("log", base=2)
ax.set_yscale("symlog", linthresh=1e-16, linscale=0.5)
ax.set(ylim=(0, 1), yticks=[0, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1])
ax.set(xlabel="number of strips $n$", ylabel="error", title="How fast the sums converge")
ax.legend(loc="upper right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The midpoint sums in the titles of the first figure approach the exact area
# from above. Doubling n divides the midpoint and trapezoid errors by about 4
# (all the way to n = 2**20) and the Simpson error by about 16 (measured
# between n = 8 and n = 64). Simpson's error falls below 4 float spacings by
# n = 4096 and then levels off: from there on it stays within 4 spacings, and
# it does not keep falling (above n = 2**15, where slope -4 would predict less
# than 1e-18, it is at least one spacing again).
midpoint_sums = [integrate(f, a, b, n=n, rule="midpoint") for n in (6, 12, 24)]
assert [f"{v:.5f}" for v in midpoint_sums] == ["2.06112", "2.05420", "2.05248"]
assert f"{exact:.5f}" == "2.05191"
assert midpoint_sums[0] > midpoint_sums[1] > midpoint_sums[2] > exact
for rule, factor in [("midpoint", 4), ("trapezoid", 4), ("simpson", 16)]:
    ratios = errors[rule][2:5] / errors[rule][3:6]
    np.testing.assert_allclose(ratios, factor, rtol=0.1)
for rule in ("midpoint", "trapezoid"):
    np.testing.assert_allclose(errors[rule][:-1] / errors[rule][1:], 4, rtol=0.1)
plateau = errors["simpson"][ns >= 4096]
assert errors["simpson"][ns == 2048][0] > 4 * spacing
assert np.all(plateau <= 4 * spacing)
assert np.max(errors["simpson"][ns > 2**15]) >= spacing
# The spacing of floats at the answer is 4.4e-16, and 4 spacings are below 2e-15.
assert round(spacing, 17) == 4.4e-16 and 4 * spacing < 2e-15
