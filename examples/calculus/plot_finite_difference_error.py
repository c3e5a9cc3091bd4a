r"""
Truncation error against rounding error
=======================================

The error of a finite-difference derivative has two parts. Truncation error
shrinks with the step :math:`h` (like :math:`h` for the forward difference,
like :math:`h^2` for the central one); rounding error grows like
:math:`\varepsilon/h`. Their sum is smallest near :math:`h \approx \varepsilon^{1/2}`
(forward) and :math:`h \approx \varepsilon^{1/3}` (central). Concept page:
:ref:`concept-numerical-differentiation`.
"""

# %%
# The error of two difference quotients over 14 decades of h
# ----------------------------------------------------------
# The derivative of :math:`\exp` at :math:`x = 1` is :math:`e`; we measure
# how far each estimate lands from it.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative
from mlmath_ref.fundamentals import machine_epsilon

eps = float(machine_epsilon())
x = 1.0
hs = np.logspace(-15, -1, 281)
errors = {
    method: np.array([abs(derivative(np.exp, x, h=h, method=method) - np.e) for h in hs])
    for method in ("forward", "central")
}
best = {method: hs[np.argmin(e)] for method, e in errors.items()}


def slope(h_lo, h_hi, err):
    # Least-squares slope of log(error) against log(h) on [h_lo, h_hi].
    keep = (hs >= h_lo) & (hs <= h_hi)
    return np.polyfit(np.log10(hs[keep]), np.log10(err[keep]), 1)[0]


# %%
# What to look at
# ---------------
# Both curves are V-shaped on log-log axes. To the right of the bottom of the V,
# truncation wins: slope 1 for forward, slope 2 for central (dotted guides).
# To the left, rounding wins: both rise with slope -1, noisily. The vertical
# lines mark :math:`\varepsilon^{1/2}` and :math:`\varepsilon^{1/3}`, the default steps.
fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")
ax.loglog(hs, errors["forward"], color="C0", label="forward difference")
ax.loglog(hs, errors["central"], color="C1", label="central difference")
ax.loglog(hs, np.e / 2 * hs, ":", color="C0", label=r"$\frac{e}{2} h$ (truncation, slope 1)")
ax.loglog(hs, np.e / 6 * hs**2, ":", color="C1", label=r"$\frac{e}{6} h^2$ (truncation, slope 2)")
ax.loglog(hs, np.e * eps / hs, "--", color="0.5", label=r"$e\,\varepsilon / h$ (rounding, slope $-1$)")
ax.axvline(eps ** (1 / 2), color="C0", linewidth=0.8)
ax.axvline(eps ** (1 / 3), color="C1", linewidth=0.8)
ax.set(
    xlabel="step $h$", ylabel="error $|D(h) - f'(1)|$", ylim=(1e-13, 10), title=r"Derivative of $\exp$ at 1"
)
ax.legend(fontsize=8, loc="upper center")
plt.show()

# %%
# Check
# -----
# The measured slopes are 1 and 2 on the truncation side and about -1 on the
# rounding side; the best steps lie within a factor 30 of eps^(1/2) and
# eps^(1/3), where the errors are below 1e-7 and 1e-10.
assert abs(slope(1e-5, 1e-2, errors["forward"]) - 1) < 0.05
assert abs(slope(1e-3, 1e-1, errors["central"]) - 2) < 0.05
assert abs(slope(1e-15, 1e-11, errors["forward"]) + 1) < 0.25
assert abs(slope(1e-15, 1e-9, errors["central"]) + 1) < 0.25
assert eps ** (1 / 2) / 30 < best["forward"] < eps ** (1 / 2) * 30
assert eps ** (1 / 3) / 30 < best["central"] < eps ** (1 / 3) * 30
assert errors["forward"].min() < 1e-7 and errors["central"].min() < 1e-10
# What the caption and alt text quote: 14 decades of h; the bottoms near h = 1e-8 and
# h = 1e-5, at errors near 1e-8 and 1e-11; around the vertical lines (within a factor 3 of
# them) the errors are within a factor 10 of 1e-8 and 1e-11. The rounding side is noise, and
# its lowest single point depends on the last bit of exp on the machine, so the bottom of a
# V is read off the running median of log10(error) over half a decade (11 steps), and
# "near" means within a factor 5.
assert round(np.log10(hs[-1] / hs[0])) == 14
for method, h_bottom, level in (("forward", 1e-8, 1e-8), ("central", 1e-5, 1e-11)):
    log_err = np.log10(errors[method])
    running = np.array([np.median(log_err[max(0, i - 5) : i + 6]) for i in range(hs.size)])
    assert h_bottom / 5 < hs[np.argmin(running)] < h_bottom * 5
    assert level / 5 < 10 ** running.min() < level * 5
for method, power, level in (("forward", 1 / 2, 1e-8), ("central", 1 / 3, 1e-11)):
    near = (hs > eps**power / 3) & (hs < eps**power * 3)
    assert level / 10 < np.median(errors[method][near]) < level * 10
