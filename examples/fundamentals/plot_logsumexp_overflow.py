r"""
Exponential, logarithm and log-sum-exp
======================================

The exponential and the natural logarithm undo each other, so their graphs are
mirror images. The exponential grows so fast that a float64 overflows past
:math:`e^{709}`; log-sum-exp shifts the scores first and never overflows.
Concept page: :ref:`concept-exp-log`.
"""

# %%
# Two inverse functions
# ---------------------
# :math:`\exp` turns sums into products, :math:`\log` turns products into sums.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import logsumexp

x = np.linspace(-3, 3, 301)
t = np.linspace(0.02, 8, 400)

# %%
# What to look at: the mirror
# ---------------------------
# Reflect the curve of :math:`e^x` in the dotted diagonal :math:`y = x` and you
# get the curve of :math:`\log x`. The point :math:`(0, 1)` on one matches
# :math:`(1, 0)` on the other.
fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
ax.plot(x, np.exp(x), color="C0", label=r"$e^x$")
ax.plot(t, np.log(t), color="C1", label=r"$\log x$")
ax.plot([-3, 8], [-3, 8], ":", color="0.5", label="$y = x$")
ax.plot([0, 1], [1, 0], "o", color="k")
ax.set(xlim=(-3, 8), ylim=(-3, 8), aspect="equal", xlabel="$x$", ylabel="$y$")
ax.axhline(0, color="0.8", linewidth=0.8)
ax.axvline(0, color="0.8", linewidth=0.8)
ax.legend(loc="lower right")
plt.show()

# %%
# Computing log-sum-exp two ways
# ------------------------------
# Three scores :math:`(c, c - 1, c - 2)` with a growing offset :math:`c`, as the
# logits of a confident classifier. The exact answer is
# :math:`c + \log(1 + e^{-1} + e^{-2})`.
offsets = np.linspace(0, 1000, 201)
scores = offsets[:, None] + np.array([0.0, -1.0, -2.0])
with np.errstate(over="ignore"):
    naive = np.log(np.sum(np.exp(scores), axis=1))
stable = logsumexp(scores, axis=1)
exact = offsets + np.log(1 + np.exp(-1.0) + np.exp(-2.0))

# %%
# What to look at: the overflow
# -----------------------------
# Both curves agree until the offset passes about 709, where :math:`e^{c}`
# overflows to infinity and the literal formula breaks (the naive curve stops).
# The shifted formula carries on in a straight line.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.plot(offsets, stable, color="C0", linewidth=4, alpha=0.4, label="logsumexp (shifted)")
naive_drawn = np.where(np.isfinite(naive), naive, np.nan)
ax.plot(offsets, naive_drawn, color="C3", label=r"$\log\sum e^{z_i}$ literally")
ax.axvline(np.log(np.finfo(np.float64).max), color="0.5", linestyle=":", label="overflow of $e^x$ at 709.8")
ax.set(xlabel="largest score $c$", ylabel="log-sum-exp of the scores")
ax.legend()
plt.show()

# %%
# Check
# -----
# The shifted formula matches the exact value everywhere; the literal one
# overflows exactly past :math:`\log` of the largest float.
np.testing.assert_allclose(stable, exact, rtol=1e-12)
limit = np.log(np.finfo(np.float64).max)
assert np.all(np.isfinite(naive[offsets < limit - 1]))
assert np.all(np.isinf(naive[offsets > limit]))
np.testing.assert_allclose(np.exp(np.log(t)), t)
assert round(limit, 1) == 709.8  # the dotted line of the caption
