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
# 0 they all lie on the curve; beyond :math:`x = 1` the odd and even degrees
# fan out above and below. Right: the error at distance :math:`d` from
# :math:`x_0` on log-log axes: a line of slope :math:`n + 1` for degree
# :math:`n`, so each extra degree wins a factor :math:`d` near :math:`x_0`.
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax1.plot(x, np.log1p(x), color="k", linewidth=2.5, label=r"$\log(1 + x)$")
for n, p in polynomials.items():
    ax1.plot(x, p(x), color=f"C{n - 1}", label=f"degree {n}")
ax1.set(xlabel="$x$", ylabel="value", ylim=(-2.5, 2.0), title="Taylor polynomials at $x_0 = 0$")
ax1.legend(fontsize=8, loc="lower right")
d = np.logspace(-3, -0.3, 40)
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
# degree n behaves like d^(n+1)/(n+1) (the first missing term).
near = 0.1
errors = [abs(math.log1p(near) - float(p(near))) for p in polynomials.values()]
assert all(e1 > e2 for e1, e2 in zip(errors, errors[1:], strict=False))
for n, p in polynomials.items():
    np.testing.assert_allclose(abs(math.log1p(1e-2) - float(p(1e-2))), 1e-2 ** (n + 1) / (n + 1), rtol=0.02)
