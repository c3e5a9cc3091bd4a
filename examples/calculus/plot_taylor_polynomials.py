r"""
Taylor polynomials as local models
==================================

Near a point :math:`x_0`, the Taylor polynomials of degree 1, 2, 3, ...
hug the function ever more closely: the tangent line first, then a parabola,
then cubics. Far from :math:`x_0` they can be useless. Concept page:
:ref:`concept-taylor-series`.
"""

# %%
# :math:`\log(1 + x)` around :math:`x_0 = 0`
# -------------------------------------------
# Its derivatives at 0 are :math:`0, 1, -1, 2, -6, 24`: the :math:`k`-th is
# :math:`(-1)^{k+1}(k-1)!`, so the Taylor coefficients are :math:`\pm 1/k`.
import math

import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import taylor_polynomial

x0 = 0.0
derivs = [0.0] + [(-1) ** (k + 1) * math.factorial(k - 1) for k in range(1, 6)]
polynomials = {n: taylor_polynomial(derivs[: n + 1], x0) for n in range(1, 6)}
x = np.linspace(-0.9, 2.0, 300)

# %%
# What to look at
# ---------------
# Left: the function (black) and its Taylor polynomials of degree 1 to 5. Near
# 0 they all lie on the curve. For :math:`x > 0` the odd degrees lie above the
# curve and the even degrees below, and beyond :math:`x = 1` they fan out; for
# :math:`x < 0` every one of them lies above the curve. Right: the error at
# distance :math:`d` from :math:`x_0` on log-log axes: a line of slope
# :math:`n + 1` for degree :math:`n`, so each extra degree wins a factor
# :math:`d` near :math:`x_0`. (The distances start at :math:`10^{-2.5}`: closer
# in, the error of degree 5 would sink below the rounding of
# :math:`\log(1 + d)` itself.)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax1.plot(x, np.log1p(x), color="k", linewidth=2.5, label=r"$\log(1 + x)$")
for n, p in polynomials.items():
    ax1.plot(x, p(x), color=f"C{n - 1}", label=f"degree {n}")
ax1.set(xlabel="$x$", ylabel="value", ylim=(-2.5, 2.0), title="Taylor polynomials at $x_0 = 0$")
ax1.legend(fontsize=8, loc="lower right")
d = np.logspace(-2.5, -0.3, 40)
for n, p in polynomials.items():
    ax2.loglog(d, np.abs(np.log1p(d) - p(d)), color=f"C{n - 1}", label=f"degree {n}")
ax2.set(
    xlabel="distance $d = x - x_0$",
    ylabel="error $|f(x) - p_n(x)|$",
    title="Error shrinks with degree near $x_0$",
)
ax2.legend(fontsize=8)
plt.show()

# %%
# Check
# -----
# Close to x0 every extra degree makes the error smaller, and the error of
# degree n behaves like d^(n+1)/(n+1) (the first missing term): on the right,
# slope n + 1. On the left, odd degrees are above the curve and even degrees
# below for x > 0, all are above for x < 0, and far away, at x = 2, each extra
# degree makes the error larger (degree 5 is off by almost 4).
near = 0.1
errors = [abs(math.log1p(near) - float(p(near))) for p in polynomials.values()]
assert all(e1 > e2 for e1, e2 in zip(errors, errors[1:], strict=False))
for n, p in polynomials.items():
    np.testing.assert_allclose(abs(math.log1p(1e-2) - float(p(1e-2))), 1e-2 ** (n + 1) / (n + 1), rtol=0.02)
for n, p in polynomials.items():
    small = slice(0, 10)  # d from 10**-2.5 to about 10**-2
    error = np.abs(np.log1p(d) - p(d))
    slope = np.log(error[small][-1] / error[small][0]) / np.log(d[small][-1] / d[small][0])
    np.testing.assert_allclose(slope, n + 1, atol=0.02)
    gap = p(x) - np.log1p(x)  # positive where the polynomial is above the curve
    assert np.all(gap[x < 0] > 0)
    side = 1 if n % 2 == 1 else -1  # odd degrees above, even degrees below, for x > 0
    assert np.all(side * gap[x > 0] > 0)
far_errors = [abs(float(p(2.0)) - math.log(3.0)) for p in polynomials.values()]
assert all(e1 < e2 for e1, e2 in zip(far_errors, far_errors[1:], strict=False))
assert 3.9 < far_errors[-1] < 4.0
assert list(polynomials) == [1, 2, 3, 4, 5]  # the five degrees drawn
