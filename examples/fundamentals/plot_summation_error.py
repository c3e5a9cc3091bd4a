r"""
Rounding errors pile up in a long sum
=====================================

Adding :math:`0.1` to itself :math:`n` times, left to right, rounds at every
step and the error grows with :math:`n`; Kahan's compensated summation keeps
it at the level of one rounding. Concept page: :ref:`concept-summation-notation`.
"""

# %%
# Errors against the exactly rounded sum
# --------------------------------------
# ``math.fsum`` returns the correctly rounded sum, the reference for both loops.
import math

import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import kahan_sum, naive_sum

ns = np.unique(np.logspace(1, 5, 25).astype(int))
naive_err, kahan_err, numpy_err = [], [], []
for n in ns:
    x = np.full(n, 0.1)
    exact = math.fsum(x)
    naive_err.append(abs(naive_sum(x) - exact) / exact)
    kahan_err.append(abs(kahan_sum(x) - exact) / exact)
    numpy_err.append(abs(float(np.sum(x)) - exact) / exact)
naive_err, kahan_err, numpy_err = map(np.array, (naive_err, kahan_err, numpy_err))
u = np.finfo(np.float64).eps / 2

# %%
# What to look at
# ---------------
# The naive loop's relative error climbs steadily with the number of terms.
# NumPy's pairwise ``np.sum`` stays far lower; Kahan's sum is exact here, so its
# points sit on the floor of the plot (an error of 0 cannot be drawn on a log
# axis and is shown at :math:`10^{-18}`).
floor = 1e-18
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.loglog(ns, np.maximum(naive_err, floor), "o-", color="C3", label="naive loop")
ax.loglog(ns, np.maximum(numpy_err, floor), "s-", color="C0", label="np.sum (pairwise)")
ax.loglog(ns, np.maximum(kahan_err, floor), "^-", color="C2", label="Kahan")
ax.loglog(ns, (ns - 1) * u, ":", color="0.4", label=r"bound $(n-1)\,u$")
ax.set(xlabel="number of terms $n$", ylabel="relative error", title=r"Summing $0.1$ $n$ times")
ax.legend()
plt.show()

# %%
# Check
# -----
# The naive error grows by orders of magnitude and stays under its bound; Kahan's
# never exceeds one unit roundoff.
assert naive_err[-1] > 100 * naive_err[:3].max()
assert np.all(naive_err <= (ns - 1) * u * 1.01)
assert np.all(kahan_err <= u)
# The alt text: n from 10 to 100,000; the naive error climbs from about 1e-16 to about
# 2e-12; np.sum stays at most about 5e-16 and is often exactly 0; Kahan is exact every time.
assert (ns[0], ns[-1]) == (10, 100_000)
assert round(naive_err[0], 16) == 1e-16 and round(naive_err[-1], 12) == 2e-12
assert round(numpy_err.max(), 16) <= 6e-16 and np.sum(numpy_err == 0) >= len(ns) // 4
assert np.all(kahan_err == 0)
