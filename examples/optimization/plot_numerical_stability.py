r"""
Three formulas that are right on paper and wrong in floating point
==================================================================

The same quantity computed two ways: a cross-entropy from logits in float32,
:math:`\log(1 + x)` for small :math:`x`, and a variance of data far from zero.
Each time the textbook formula breaks down (an infinity, or digits lost to
rounding) where the stable form, mathematically equal, keeps every digit the
problem allows. Concept page: :ref:`concept-numerical-stability`.
"""

# %%
# Cross-entropy from logits, in float32
# -------------------------------------
# Two classes with logits :math:`\mathbf{z} = (0, \Delta)` and true class 0, so
# the loss is :math:`-\log \operatorname{softmax}(\mathbf{z})_0 = \Delta + \log(1 + e^{-\Delta})`.
# Three recipes: the literal softmax, the softmax shifted by the largest logit
# and then its log, and the log-softmax :math:`z_0 - \operatorname{LSE}(\mathbf{z})`
# with the shift inside. The reference is the exact formula in float64,
# evaluated at the float32 logits.
import math
from decimal import Decimal, getcontext
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import logsumexp
from mlmath_ref.stats import sample_variance

rng = np.random.default_rng(11)
gaps = np.linspace(0.0, 150.0, 1501)
z = np.stack([np.zeros_like(gaps), gaps], axis=1).astype(np.float32)
with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
    e = np.exp(z)
    literal = -np.log(e[:, 0] / e.sum(axis=1))
    m = z.max(axis=1, keepdims=True)
    shifted = np.exp(z - m) / np.exp(z - m).sum(axis=1, keepdims=True)
    shifted = -np.log(shifted[:, 0])
log_softmax = -(z[:, 0] - (m[:, 0] + np.log(np.exp(z - m).sum(axis=1))))  # stays float32
exact = np.array([g + math.log1p(math.exp(-g)) for g in z[:, 1].astype(float)])  # the float32 gaps, exactly
assert np.allclose(exact, logsumexp(z.astype(np.float64), axis=1) - z[:, 0], rtol=1e-14)  # the package agrees

# %%
# :math:`\log(1 + x)` for small :math:`x`, in float64
# ---------------------------------------------------
# ``np.log(1 + x)`` first rounds :math:`1 + x` to a float, which keeps only
# the first digits of :math:`x`; ``np.log1p(x)`` never forms :math:`1 + x`. The
# reference is computed with 50 decimal digits.
getcontext().prec = 50
xs = np.logspace(-18, 0, 400)
reference = np.array([float((Decimal(1) + Decimal(v)).ln()) for v in xs])


def correct_digits(value, truth):
    """-log10 of the relative error, between 0 (nothing right) and 16 (everything a float64 holds)."""
    err = np.abs(np.asarray(value, dtype=float) - truth) / np.abs(truth)
    with np.errstate(divide="ignore"):
        return np.clip(-np.log10(err), 0.0, 16.0)


naive_log = correct_digits(np.log(1 + xs), reference)
stable_log = correct_digits(np.log1p(xs), reference)

# %%
# The variance of data far from zero, in float64
# ----------------------------------------------
# A thousand draws of spread 1 around an offset :math:`c` (timestamps, prices,
# raw pixel sums). The one-pass formula
# :math:`\bigl(\sum x_i^2 - (\sum x_i)^2/n\bigr)/(n - 1)` subtracts two numbers
# of size :math:`n c^2`; the two-pass formula of
# :func:`mlmath_ref.stats.sample_variance` subtracts the mean first. The
# reference is the exact variance of the same floats, in rational arithmetic.
noise = rng.normal(size=1000)
offsets = np.logspace(0, 12, 25)
one_pass_digits, two_pass_digits, one_pass_negative = [], [], []
for c in offsets:
    data = c + noise
    n = data.size
    one_pass = (np.sum(data**2) - np.sum(data) ** 2 / n) / (n - 1)
    exact_mean = sum(Fraction(v) for v in data) / n
    truth = float(sum((Fraction(v) - exact_mean) ** 2 for v in data) / (n - 1))
    one_pass_digits.append(correct_digits(one_pass, truth))
    two_pass_digits.append(correct_digits(sample_variance(data), truth))
    one_pass_negative.append(one_pass < 0)
one_pass_digits, two_pass_digits = np.array(one_pass_digits), np.array(two_pass_digits)

# %%
# What to look at
# ---------------
# Left: the loss against the gap between the logits. The literal softmax
# (red) gives infinity once :math:`e^{\Delta}` overflows float32, past
# :math:`\Delta \approx 88.7`; the shifted softmax followed by a log (orange)
# lasts until :math:`e^{-\Delta}` underflows to 0, past about 104; the
# log-softmax (blue) is right all the way. Middle and right: correct digits.
# ``np.log(1 + x)`` loses one digit per decade that :math:`x` shrinks
# and has none left below :math:`10^{-16}`; the one-pass variance loses two
# digits per decade of the offset and has none left from
# :math:`c = 10^8`. The stable forms keep at least 15 digits everywhere.
fig, axes = plt.subplots(1, 3, figsize=(15, 4.3), layout="constrained")
ax = axes[0]
ax.plot(gaps, log_softmax, color="C0", linewidth=4, alpha=0.5, label="log-softmax, shift inside")
ax.plot(
    gaps,
    np.where(np.isfinite(shifted), shifted, np.nan),
    color="C1",
    linewidth=1.5,
    label="shifted softmax, then log",
)
ax.plot(
    gaps,
    np.where(np.isfinite(literal), literal, np.nan),
    color="C3",
    linewidth=1,
    label="literal softmax, then log",
)
for where, what in (
    (np.log(np.finfo(np.float32).max), r"$e^{\Delta}$ overflows"),
    (104.0, r"$e^{-\Delta}$ underflows"),
):
    ax.axvline(where, color="0.5", linestyle=":", linewidth=1)
    ax.text(where + 1.5, 8, what, color="0.3", fontsize=8, rotation=90)
ax.set(
    xlabel=r"gap between the logits $\Delta$",
    ylabel="cross-entropy loss",
    title="float32 cross-entropy from logits",
)
ax.legend(loc="upper left", fontsize=8)
ax = axes[1]
ax.semilogx(xs, naive_log, color="C3", label="np.log(1 + x)")
ax.semilogx(xs, stable_log, color="C0", label="np.log1p(x)")
ax.set(xlabel="$x$", ylabel="correct digits", title=r"$\log(1 + x)$ in float64", ylim=(-0.5, 17))
ax.legend(loc="center left", fontsize=8)
ax = axes[2]
ax.semilogx(offsets, one_pass_digits, "o-", color="C3", markersize=4, label="one pass: sum of squares")
ax.semilogx(offsets, two_pass_digits, "o-", color="C0", markersize=4, label="two passes: sample_variance")
ax.set(
    xlabel="offset $c$ of the data",
    ylabel="correct digits",
    title="variance of $c$ + noise, float64",
    ylim=(-0.5, 17),
)
ax.legend(loc="center left", fontsize=8)
plt.show()

# %%
# Check
# -----
# Float32 overflows past :math:`\log(3.4 \times 10^{38}) \approx 88.7`; the
# literal recipe is infinite from the first gap of the grid beyond it on, the
# shifted one from about 104 on, and the log-softmax stays within float32's
# rounding of the exact loss everywhere. ``np.log(1 + x)`` has no correct
# digit below :math:`10^{-16}`, ``np.log1p`` at least 15 everywhere. The
# one-pass variance has no correct digit (or the wrong sign) from
# :math:`c = 10^8` on, the two-pass one at least 15 everywhere. And the rates
# at which the textbook forms lose digits: one per decade, and two.
overflow = float(np.log(np.finfo(np.float32).max))
assert round(overflow, 1) == 88.7
assert np.all(np.isinf(literal) == (gaps > overflow)), gaps[np.isinf(literal)][:3]
first_inf = gaps[np.isinf(shifted)].min()
assert np.all(np.isinf(shifted) == (gaps >= first_inf)) and round(first_inf) == 104, first_inf
np.testing.assert_allclose(log_softmax, exact, rtol=2 * np.finfo(np.float32).eps)
assert np.all(naive_log[xs < 1e-16] == 0) and stable_log.min() >= 15
assert np.all((one_pass_digits[offsets >= 1e8] < 1) | np.array(one_pass_negative)[offsets >= 1e8])
assert two_pass_digits.min() >= 15, two_pass_digits
# The rates: one digit per decade of x for np.log(1 + x), two per decade of c for the one-pass
# variance (fitted where the digits are between 0 and 16), over the axes' ranges.
assert xs[0] == 1e-18 and xs[-1] == 1 and offsets[0] == 1 and offsets[-1] == 1e12
middle = (xs > 1e-15) & (xs < 1e-1)
assert abs(np.polyfit(np.log10(xs[middle]), naive_log[middle], 1)[0] - 1) < 0.1
losing = (offsets > 1) & (offsets < 1e8)
assert abs(np.polyfit(np.log10(offsets[losing]), one_pass_digits[losing], 1)[0] + 2) < 0.2
