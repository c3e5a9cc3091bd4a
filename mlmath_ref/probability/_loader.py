"""Private: binomial log-probabilities without cancellation (Catherine Loader's method).

The textbook form :math:`\\log\\binom{n}{k} + k\\log p + (n-k)\\log(1-p)` adds and
subtracts numbers as large as :math:`n\\log n` (about 3e17 for n = 2**53) to get
an answer of order 1, so it loses up to 17 digits. Loader (2000, "Fast and
accurate computation of binomial probabilities") rewrites it as a sum of terms
that are each small and computed accurately:

    log pmf(k) = stirlerr(n) - stirlerr(k) - stirlerr(n - k)
                 - bd0(k, n p) - bd0(n - k, n q) - log(2 pi k (n - k) / n) / 2

with q = 1 - p, stirlerr(m) = log(m!) - log(sqrt(2 pi m) (m / e)^m), the error
of Stirling's formula, and bd0(x, m) = x log(x / m) + m - x >= 0, the deviance.
The code below is written from those formulas.
"""

from __future__ import annotations

import decimal
import math
from fractions import Fraction

import numpy as np

# log(sqrt(2 pi)) to 31 digits, for the table below.
_LOG_SQRT_2PI = decimal.Decimal("0.9189385332046727417803297364056")


def _stirlerr_exact(m):
    # log(m!) - (m + 1/2) log m + m - log sqrt(2 pi), in 40-digit decimal arithmetic: the
    # terms are about 30 and the result about 0.005, so float64 would lose two digits.
    with decimal.localcontext() as ctx:
        ctx.prec = 40
        D = decimal.Decimal
        value = D(math.factorial(m)).ln() - (D(m) + D("0.5")) * D(m).ln() + D(m) - _LOG_SQRT_2PI
    return float(value)


# Exact values up to 30; the series below needs 5 terms at 31 and fewer beyond, each
# stage leaving an error under 3e-17.
_STIRLERR_TABLE = np.array([0.0] + [_stirlerr_exact(m) for m in range(1, 31)])

# Stirling's series: stirlerr(m) = 1/(12 m) - 1/(360 m^3) + 1/(1260 m^5) - 1/(1680 m^7) + 1/(1188 m^9) - ...
_S0, _S1, _S2, _S3, _S4 = 1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188


def stirlerr(m):
    # stirlerr(m) for integer-valued m >= 0 (an array); 0 at m = 0 by convention.
    m = np.asarray(m, dtype=np.float64)
    out = np.empty_like(m)
    small = m <= 30
    out[small] = _STIRLERR_TABLE[m[small].astype(np.int64)]
    big = m[~small]
    inv2 = 1.0 / (big * big)
    series = np.where(
        big > 500,
        _S0 - _S1 * inv2,
        np.where(
            big > 80,
            _S0 - (_S1 - _S2 * inv2) * inv2,
            np.where(
                big > 35,
                _S0 - (_S1 - (_S2 - _S3 * inv2) * inv2) * inv2,
                _S0 - (_S1 - (_S2 - (_S3 - _S4 * inv2) * inv2) * inv2) * inv2,
            ),
        ),
    )
    out[~small] = series / big
    return out


def log_ratio(x, m):
    # log(x / m) for x, m >= 0, also where x / m overflows or underflows (inf for m = 0 < x).
    with np.errstate(over="ignore", under="ignore", divide="ignore"):
        ratio = x / m
    ok = np.isfinite(ratio) & (ratio >= np.finfo(np.float64).tiny)
    with np.errstate(divide="ignore"):
        return np.where(ok, np.log(np.where(ok, ratio, 1.0)), np.log(x) - np.log(m))


def bd0(x, m, m_low=0.0):
    # x log(x / M) + M - x for x > 0 and M = m + m_low > 0 (arrays x, m; m_low a correction
    # below the last bit of m), accurate when x is close to M.
    x, m = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(m, dtype=np.float64))
    out = np.empty(x.shape)
    # Near x = M the three terms cancel: at x/M = 0.8 the result is 9 times smaller than
    # x log(x/M). With v = (x - M) / (x + M), log(x/M) = 2 (v + v^3/3 + v^5/5 + ...), so
    # x log(x/M) + M - x = (x - M) v + 2 x (v^3/3 + v^5/5 + ...), a sum without
    # cancellation. It is used for |v| < 1/2 (1/3 < x/M < 3; 27 terms at most), where
    # the direct form would lose more than a factor 3.
    near = np.abs(x - m) < 0.5 * (x + m)
    far = ~near
    xf, mf = x[far], m[far]
    out[far] = xf * log_ratio(xf, mf) + (mf - xf) + m_low * (1 - xf / mf)
    xs, ms = x[near], m[near]
    d = (xs - ms) - m_low  # x - M, with the low part of M: here it can be most of the answer
    v = d / (xs + ms)
    total = d * v
    term = 2 * xs * v
    v2 = v * v
    for j in range(1, 60):
        term = term * v2
        new = total + term / (2 * j + 1)
        if np.array_equal(new, total):
            break
        total = new
    out[near] = total
    return out


def _split(value):
    # An exact rational as float64 high part plus the float64 nearest to the rest.
    high = float(value)
    return high, float(value - Fraction(high))


def binomial_logpmf(k, n, p):
    # log pmf of Binomial(n, p) at integer-valued k in [0, n] (array k, int n, float p).
    k = np.asarray(k, dtype=np.float64)
    out = np.full(k.shape, -np.inf)
    if n == 0:
        out[k == 0] = 0.0
        return out
    if p == 0.0 or p == 1.0:
        out[k == (0 if p == 0.0 else n)] = 0.0
        return out
    nf = float(n)
    # n p and n (1 - p) exactly, as high and low parts: rounding them would shift the
    # center of bd0 by eps n p, an error of eps |k - n p| in the result.
    mean_hi, mean_lo = _split(n * Fraction(p))
    rest_hi, rest_lo = _split(n * (1 - Fraction(p)))
    at0, atn = k == 0, k == n
    out[at0] = nf * math.log1p(-p)  # (1 - p)^n, accurate for tiny p too
    out[atn] = nf * math.log(p)
    inner = ~(at0 | atn)
    ki = k[inner]
    lc = (
        stirlerr(nf)
        - stirlerr(ki)
        - stirlerr(nf - ki)
        - bd0(ki, mean_hi, mean_lo)
        - bd0(nf - ki, rest_hi, rest_lo)
    )
    # log(2 pi k (n - k) / n), with n - k exact: log1p(-k / n) would lose digits for k near n.
    lf = math.log(2 * math.pi) + np.log(ki) + np.log(nf - ki) - math.log(nf)
    out[inner] = lc - 0.5 * lf
    return out


_CHUNK_MAX = 2**16


def _log_terms(lp, kind):
    # log of pmf (kind "mass") or of -pmf log pmf (kind "entropy"), from lp = log pmf
    if kind == "mass":
        return lp
    with np.errstate(divide="ignore"):
        return lp + np.log(-lp)  # -pmf log pmf = exp(lp) * (-lp); 0 where lp = 0 or -inf


def _log_rest(lp, ratio, kind):
    # Log of a bound on the sum of all terms past an index where log pmf = lp, when every
    # further step multiplies the pmf by at most `ratio` < 1: the geometric series
    # sum_m e^lp r^m = e^lp r/(1-r), and for the entropy, since -t log t grows for t < 1/e,
    # sum_m e^lp r^m (-lp - m log r) = e^lp (-lp r/(1-r) - log(r) r/(1-r)^2).
    if ratio <= 0.0:
        return -np.inf
    if ratio >= 1.0 or (kind == "entropy" and lp > -1.0):
        return np.inf
    geometric = ratio / (1.0 - ratio)
    if kind == "mass":
        return lp + math.log(geometric)
    return lp + math.log(-lp * geometric - math.log(ratio) * geometric / (1.0 - ratio))


class TooManyTerms(ValueError):
    """Raised when a sum over the pmf would need more than `max_terms` terms."""


def log_sum(n, p, start, step, kind="mass", max_terms=10**7):
    # log of the sum of pmf(j) (or of -pmf(j) log pmf(j)) from j = start, moving by `step`.
    #
    # Walks from `start` towards 0 (step -1) or n (step +1), where the pmf keeps shrinking
    # (the caller starts at or beyond the mode), in chunks of growing size, and stops once
    # everything left is below 4e-18 of the sum so far. The sum is kept in log space, so
    # tails smaller than the smallest float64 keep their digits. Its cost grows with the
    # standard deviation sqrt(n p (1 - p)) when `start` is near the mode (about ten terms
    # per standard deviation); past `max_terms` terms it raises TooManyTerms.
    q = 1.0 - p
    # Refuse at once what would take too long: from t standard deviations off the mean, the
    # terms fall below e^-40 of the first one after about sd (sqrt(t^2 + 80) - t) steps.
    sd = math.sqrt(n * p * q)
    if sd > 0:
        t = abs(start - n * p) / sd
        steps = sd * 80.0 / (math.hypot(t, math.sqrt(80.0)) + t)  # sqrt(t^2 + 80) - t, stably
        if steps > max_terms:
            raise TooManyTerms(f"the sum needs more than {max_terms:.0e} terms")
    log_total, size, j, done = -np.inf, 64, start, 0
    while 0 <= j <= n:
        if done >= max_terms:
            raise TooManyTerms(f"the sum needs more than {max_terms:.0e} terms")
        end = max(j - size + 1, 0) if step < 0 else min(j + size - 1, n)
        js = np.arange(j, end + step, step, dtype=np.float64)
        lp = binomial_logpmf(js, n, p)
        logterms = _log_terms(lp, kind)
        top = max(log_total, float(logterms.max()))
        if top == -np.inf:
            return -np.inf
        log_total = top + math.log(math.exp(log_total - top) + float(np.sum(np.exp(logterms - top))))
        if end in (0, n):
            break
        ratio = end * q / ((n - end + 1) * p) if step < 0 else (n - end) * p / ((end + 1) * q)
        if _log_rest(float(lp[-1]), ratio, kind) < log_total - 40.0:  # e^-40 = 4e-18
            break
        j, size, done = end + step, min(2 * size, _CHUNK_MAX), done + js.size
    return log_total
