r"""
KL divergence in both orders
============================

The KL divergence of two categorical distributions depends on the order:
:math:`D_{\mathrm{KL}}(p \,\|\, q)` averages the log-ratio over outcomes of
:math:`p`, :math:`D_{\mathrm{KL}}(q \,\|\, p)` over outcomes of :math:`q`.
And when :math:`q` gives almost no probability to an outcome that :math:`p`
produces, the first order grows without bound while the second stays small.
Concept page: :ref:`concept-kl-divergence`.
"""

# %%
# Two distributions over four classes
# -----------------------------------
# :math:`p`, skewed towards class 0, is the distribution of the labels;
# :math:`q`, uniform, is a model that has learned nothing.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import cross_entropy, entropy, kl_divergence

p = np.array([0.5, 0.3, 0.15, 0.05])
q = np.full(4, 0.25)
classes = np.arange(4)
terms_pq = p * np.log(p / q)  # the terms of D(p || q)
terms_qp = q * np.log(q / p)  # the terms of D(q || p)
d_pq, d_qp = kl_divergence(p, q), kl_divergence(q, p)

# A model q_eps that gives class 3 only eps; as eps goes to 0, q_eps rules it out.
eps_grid = np.logspace(-12, -1, 200)


def q_eps(eps):
    return np.array([(1 - eps) / 3, (1 - eps) / 3, (1 - eps) / 3, eps])


forward = np.array([kl_divergence(p, q_eps(e)) for e in eps_grid])
reverse = np.array([kl_divergence(q_eps(e), p) for e in eps_grid])

# %%
# What to look at
# ---------------
# Left: the two distributions. Middle: the terms of each sum, class by class;
# some terms are negative, but each total is positive, and the totals differ
# (the legend). Most of :math:`D_{\mathrm{KL}}(q \,\|\, p)` comes from class 3,
# where :math:`q` puts 0.25 and :math:`p` only 0.05. Right: as :math:`q`'s
# probability :math:`\varepsilon` for class 3 shrinks, :math:`D_{\mathrm{KL}}(p \,\|\, q_\varepsilon)`
# climbs along a straight line on this log axis, towards infinity, while
# :math:`D_{\mathrm{KL}}(q_\varepsilon \,\|\, p)` levels off.
fig, (ax0, ax1, ax2) = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
ax0.bar(classes - 0.2, p, width=0.4, color="C0", label="$p$ (labels)")
ax0.bar(classes + 0.2, q, width=0.4, color="C1", label="$q$ (model)")
ax0.set(xlabel="class $k$", ylabel="probability", xticks=classes, title="two distributions")
ax0.legend(loc="upper right", fontsize=9)
ax1.bar(classes - 0.2, terms_pq, width=0.4, color="C0", label=f"$p_k \\log(p_k/q_k)$, sum {d_pq:.3f}")
ax1.bar(classes + 0.2, terms_qp, width=0.4, color="C1", label=f"$q_k \\log(q_k/p_k)$, sum {d_qp:.3f}")
ax1.axhline(0, color="0.3", linewidth=0.8)
ax1.set(
    xlabel="class $k$",
    ylabel="term (nats)",
    xticks=classes,
    ylim=(-0.32, 0.45),
    title="$D(p\\,\\|\\,q)$ and $D(q\\,\\|\\,p)$ term by term",
)
ax1.legend(loc="lower center", fontsize=9)
ax2.semilogx(eps_grid, forward, color="C0", linewidth=2, label="$D(p\\,\\|\\,q_\\varepsilon)$")
ax2.semilogx(eps_grid, reverse, color="C1", linewidth=2, label="$D(q_\\varepsilon\\,\\|\\,p)$")
ax2.invert_xaxis()
ax2.set(
    xlabel="$q_\\varepsilon$'s probability $\\varepsilon$ for class 3",
    ylabel="KL divergence (nats)",
    title="$q$ rules out class 3",
)
ax2.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The totals are the sums of the terms, positive, and different (0.244 and
# 0.311 nats); some terms are negative; class 3 gives the largest term of
# :math:`D(q \,\|\, p)`; both equal cross-entropy minus entropy; the forward
# divergence grows by :math:`p_3 \log 10` for every factor 10 that
# :math:`\varepsilon` shrinks, and is ``inf`` at :math:`\varepsilon = 0`,
# while the reverse one changes by less than :math:`10^{-4}` over the last
# six decades (the forward one by 0.69 there, up to 1.28 at
# :math:`\varepsilon = 10^{-12}`) and is finite at :math:`\varepsilon = 0`,
# 0.166 nats.
np.testing.assert_allclose([d_pq, d_qp], [terms_pq.sum(), terms_qp.sum()], rtol=1e-12)
assert 0 < d_pq < d_qp and (round(d_pq, 3), round(d_qp, 3)) == (0.244, 0.311)
assert terms_pq.min() < 0 and terms_qp.min() < 0
assert np.argmax(terms_qp) == 3 and terms_qp[3] > terms_pq.max()  # the tallest bar of the middle panel
np.testing.assert_allclose(d_pq, cross_entropy(p, q) - entropy(p), rtol=1e-12)
np.testing.assert_allclose(d_qp, cross_entropy(q, p) - entropy(q), rtol=1e-12)
slope = np.polyfit(np.log10(eps_grid[:100]), forward[:100], 1)[0]
np.testing.assert_allclose(-slope, p[3] * np.log(10), rtol=1e-3)
assert kl_divergence(p, q_eps(0.0)) == np.inf
late = eps_grid < 1e-6
assert np.ptp(reverse[late]) < 1e-4 and round(np.ptp(forward[late]), 2) == 0.69
assert round(kl_divergence(q_eps(0.0), p), 3) == 0.166
assert round(forward[0], 2) == 1.28 and forward[0] == forward.max()  # where the blue line ends
