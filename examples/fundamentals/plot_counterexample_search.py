r"""
Forty confirmations, then a counterexample
==========================================

The claim "for every whole number :math:`n \ge 0`, :math:`n^2 + n + 41` is
prime" holds for :math:`n = 0, 1, \dots, 39` and fails at :math:`n = 40`.
Checking cases can refute a "for all" statement, never prove it.
Concept page: :ref:`concept-logic-proof`.
"""

# %%
# The claim as a predicate
# ------------------------
# ``claim(n)`` is true when :math:`n^2 + n + 41` is prime.
import math

import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import find_counterexample


def is_prime(m):
    return m > 1 and all(m % d for d in range(2, math.isqrt(m) + 1))


def claim(n):
    return is_prime(n**2 + n + 41)


ns = np.arange(0, 61)
holds = np.array([claim(int(n)) for n in ns])
first = find_counterexample(claim, range(0, 61))

# %%
# What to look at
# ---------------
# Forty green bars in a row, then the first red one at :math:`n = 40`, where
# :math:`40^2 + 40 + 41 = 41^2`. After it, true and false cases mix. A test suite
# that stopped at 39 would have "confirmed" a false statement.
fig, ax = plt.subplots(figsize=(7, 3), layout="constrained")
ax.bar(ns[holds], 1, color="C2", width=0.8, label="claim holds")
ax.bar(ns[~holds], 1, color="C3", width=0.8, label="counterexample")
ax.annotate(
    f"first counterexample: $n = {first}$",
    xy=(first, 1.0),
    xytext=(first - 25, 1.25),
    arrowprops={"arrowstyle": "->"},
)
ax.set(xlabel="$n$", ylim=(0, 1.5), yticks=[], title=r"Is $n^2 + n + 41$ prime?")
ax.legend(loc="upper right", ncols=2, fontsize=9)
plt.show()

# %%
# Check
# -----
# The first forty cases hold and 40 is the first counterexample.
assert holds[:40].all()
assert first == 40 and 40**2 + 40 + 41 == 41**2
assert find_counterexample(claim, range(40)) is None
assert (
    np.all(holds[ns <= 39]) and ns[-1] == 60 and list(ns[~holds]) == [40, 41, 44, 49, 56]
)  # the red bars of the alt text
