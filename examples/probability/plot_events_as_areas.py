r"""
Events are regions, probabilities are areas
===========================================

A probability space lists every outcome of an experiment; an event is a set of
outcomes, and its probability is the share of the whole it covers. On the
left the outcome is a test email picked at random from 100, on the right a
pair of initial weights drawn uniformly from a square. Concept page:
:ref:`concept-probability-space`.
"""

# %%
# One hundred emails, two events
# ------------------------------
# Each cell is one email of a test set, all equally likely to be picked. The
# event :math:`S` ("it is spam") covers 30 cells, the event :math:`F` ("the
# filter flags it") 28; they overlap in 24.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from mlmath_ref.probability import Uniform

rows, cols = 10, 10
omega = {(r, c) for r in range(rows) for c in range(cols)}  # the outcomes: 100 cells
S = {(r, c) for (r, c) in omega if c < 3}  # spam: the three left columns
F = {(r, c) for (r, c) in omega if (c < 3 and r >= 2) or (c == 3 and r >= 6)}  # flagged


def P(event):
    # Equally likely outcomes: the share of the cells the event covers.
    return len(event) / len(omega)


# %%
# Random initial weights
# ----------------------
# Two weights drawn uniformly from :math:`[-1, 1]`: the outcome is a point of
# the square, and the event "the weight vector has length at most 1" is the
# disk. Its probability is the disk's share of the square's area, :math:`\pi/4`.
rng = np.random.default_rng(12)
w = Uniform(-1.0, 1.0).sample(rng, size=(2000, 2))
inside = np.hypot(w[:, 0], w[:, 1]) <= 1.0
share = inside.mean()

# %%
# What to look at
# ---------------
# Left: the four colors split the 100 cells into "spam and flagged", "spam
# only", "flagged only" and "neither"; count cells to read off each
# probability. Right: the share of dots that fall in the disk is close to the
# disk's share of the area.
kind = np.zeros((rows, cols), dtype=int)  # 0 neither, 1 spam only, 2 flagged only, 3 both
for r, c in omega:
    kind[r, c] = ((r, c) in S) + 2 * ((r, c) in F)
colors = ["0.88", "#9ecae1", "#fdae6b", "#2171b5"]
labels = ["neither", r"$S$ only (missed spam)", r"$F$ only (false alarm)", r"$S \cap F$"]

fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 4.6), layout="constrained")
ax0.imshow(kind, cmap=ListedColormap(colors), vmin=-0.5, vmax=3.5, origin="lower")
ax0.set_xticks(np.arange(-0.5, cols), minor=True)
ax0.set_yticks(np.arange(-0.5, rows), minor=True)
ax0.grid(which="minor", color="white", linewidth=1.5)
ax0.tick_params(which="both", length=0)
ax0.set(xticks=[], yticks=[], xlabel="100 test emails, one cell each")
ax0.set_title(rf"$P(S) = {P(S):.2f}$, $P(F) = {P(F):.2f}$, $P(S \cap F) = {P(S & F):.2f}$", fontsize=11)
ax0.legend(
    handles=[Patch(color=colors[k], label=labels[k]) for k in (3, 1, 2, 0)],
    loc="upper left",
    bbox_to_anchor=(0.0, -0.08),
    ncol=2,
    fontsize=9,
    frameon=False,
)

t = np.linspace(0, 2 * np.pi, 400)
ax1.plot(w[~inside, 0], w[~inside, 1], ".", color="0.6", markersize=3, label="outside the disk")
ax1.plot(w[inside, 0], w[inside, 1], ".", color="C0", markersize=3, label="inside the disk")
ax1.plot(np.cos(t), np.sin(t), color="k", linewidth=1.2)
ax1.set(xlim=(-1, 1), ylim=(-1, 1), aspect="equal", xlabel="$w_1$", ylabel="$w_2$")
ax1.set(xticks=[-1, -0.5, 0, 0.5, 1], yticks=[-1, -0.5, 0, 0.5, 1])
ax1.set_title(rf"area share $\pi/4 = {np.pi / 4:.3f}$; dots inside: {share:.3f}", fontsize=11)
ax1.legend(loc="upper left", bbox_to_anchor=(0.0, -0.12), ncol=2, fontsize=9, frameon=False)
plt.show()

# %%
# Check
# -----
# The 100 cells, the probabilities in the left title, the inclusion-exclusion
# rule (0.34, where adding without the overlap would give 0.58) and the
# complement rule on these events, the cell counts of each color (24 of the 30
# spam cells flagged, 6, 4 and 66), and the share of the 2,000 dots (0.787) within
# three standard errors of :math:`\pi/4` (and within 0.02 of it).
assert (P(S), P(F), P(S & F)) == (0.30, 0.28, 0.24)
assert len(omega) == 100 and len(S) == 30
assert len(S & F) == 24 and len(S - F) == 6 and len(F - S) == 4
union = S.union(F)
assert np.isclose(P(union), P(S) + P(F) - P(S & F)) and np.isclose(P(union), 0.34)
assert np.isclose(P(S) + P(F), 0.58)  # the overlap counted twice
assert np.isclose(P(omega - S), 1 - P(S))
standard_error = np.sqrt(np.pi / 4 * (1 - np.pi / 4) / w.shape[0])
assert abs(share - np.pi / 4) < 3 * standard_error < 0.03
assert abs(share - np.pi / 4) < 0.02
assert f"{np.pi / 4:.3f}" == "0.785" and f"{share:.3f}" == "0.787" and w.shape == (2000, 2)
assert len(omega - S.union(F)) == 66
assert np.all(np.abs(w) <= 1.0)
