r"""
The trace is the total variance, whichever axes you use
=======================================================

The diagonal of a covariance matrix holds the variance of each feature; its
eigenvalues hold the variance along each principal axis. The two lists differ,
but their sums are equal: both are the trace. Concept page: :ref:`concept-trace`.
"""

# %%
# Correlated data and its covariance matrix
# -----------------------------------------
# 500 points from a seeded generator; :math:`C` is their sample covariance.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import eig_symmetric, trace

rng = np.random.default_rng(1)
data = rng.normal(size=(500, 2)) @ np.array([[1.5, 0.6], [0.0, 1.0]])
centered = data - data.mean(axis=0)
C = centered.T @ centered / (len(data) - 1)
eigenvalues, Q = eig_symmetric(C)

# %%
# What to look at
# ---------------
# Left: the cloud with the feature axes (gray) and the principal axes
# (colored, along the eigenvectors of :math:`C`). Right: the variance split
# two ways, per feature (the diagonal of :math:`C`) and per principal axis
# (the eigenvalues). The pieces differ, the two towers have the same height.
fig, (ax, ax_bar) = plt.subplots(
    1, 2, figsize=(10, 4.5), layout="constrained", gridspec_kw={"width_ratios": [1.4, 1]}
)
ax.scatter(*centered.T, s=6, color="0.55", alpha=0.6)
for lam, q, color in zip(eigenvalues, Q.T, ["C2", "C3"], strict=True):
    ax.plot(
        *np.outer(q, [-2, 2]) * np.sqrt(lam),
        color=color,
        linewidth=3,
        label=f"principal axis, variance {lam:.2f}",
    )
ax.set(aspect="equal", xlabel="feature 1", ylabel="feature 2", title="data, centered")
ax.axhline(0, color="0.8", linewidth=0.8)
ax.axvline(0, color="0.8", linewidth=0.8)
ax.legend(loc="upper left", fontsize=9)

towers = {
    "diagonal of $C$\n(per feature)": (np.diag(C), ["C0", "C1"]),
    "eigenvalues of $C$\n(per principal axis)": (eigenvalues[::-1], ["C3", "C2"]),
}
for x_pos, (parts, colors) in enumerate(towers.values()):
    bottom = 0.0
    for part, color in zip(parts, colors, strict=True):
        ax_bar.bar(x_pos, part, bottom=bottom, color=color, width=0.6, edgecolor="white")
        ax_bar.text(x_pos, bottom + part / 2, f"{part:.2f}", ha="center", va="center", color="white")
        bottom += part
ax_bar.axhline(
    trace(C), color="k", linestyle="--", linewidth=1, label=f"$\\mathrm{{tr}}\\,C = {trace(C):.2f}$"
)
ax_bar.set(xticks=[0, 1], xticklabels=list(towers), ylabel="variance", title="two ways to split the total")
ax_bar.set_ylim(0, 1.15 * trace(C))
ax_bar.legend(loc="upper center")
plt.show()

# %%
# Check
# -----
# The trace equals the sum of the diagonal and the sum of the eigenvalues, and
# the trace of :math:`C^\top C` is the squared Frobenius norm.
np.testing.assert_allclose(trace(C), C[0, 0] + C[1, 1])
np.testing.assert_allclose(trace(C), eigenvalues.sum(), rtol=1e-12)
np.testing.assert_allclose(trace(C.T @ C), np.linalg.norm(C, "fro") ** 2, rtol=1e-12)
assert not np.allclose(np.sort(np.diag(C)), eigenvalues)  # the pieces differ
# The pieces quoted in the page's alt text: 2.11 and 1.28 per feature, 2.57 and 0.82 per axis.
assert [f"{v:.2f}" for v in np.diag(C)] == ["2.11", "1.28"]
assert [f"{v:.2f}" for v in np.sort(eigenvalues)[::-1]] == ["2.57", "0.82"]
assert round(trace(C), 1) == 3.4  # the common height of the two towers
