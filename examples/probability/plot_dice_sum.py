r"""
A random variable is a function of the outcome
==============================================

Roll two dice. The outcome is the pair of faces, one of 36 equally likely
cells; the sum :math:`X` is a function that writes a number in every cell.
Grouping the cells by that number gives the distribution of :math:`X`.
Concept page: :ref:`concept-random-variable`.
"""

# %%
# The outcomes and the function
# -----------------------------
# :math:`\Omega` is every pair of faces; :math:`X(\omega)` adds them.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from mlmath_ref.fundamentals import cartesian_product
from mlmath_ref.probability import Categorical

faces = range(1, 7)
omega = cartesian_product(faces, faces)  # 36 pairs (first die, second die)


def X(outcome):
    first, second = outcome
    return first + second


values = np.arange(2, 13)
pmf = np.array([sum(X(w) == v for w in omega) for v in values]) / len(omega)

# %%
# Rolling the dice
# ----------------
# 10,000 rolls of two fair dice, each die a categorical draw of a face.
rng = np.random.default_rng(36)
die = Categorical(np.full(6, 1 / 6))
rolls = die.sample(rng, size=(10_000, 2)) + 1  # class indices 0..5 are faces 1..6
sums = rolls.sum(axis=1)
frequency = np.array([np.mean(sums == v) for v in values])

# %%
# What to look at
# ---------------
# Left: each cell is an outcome, labeled with the value :math:`X` gives it;
# the cells with the same sum lie on a diagonal, and the diagonal of 7
# (outlined, the event :math:`\{X = 7\}`) is the longest, with 6 cells.
# Right: the probability of each value is its number of cells divided by 36;
# the dots, the shares of 10,000 simulated rolls, sit on the bars.
grid = np.array([[X((a, b)) for b in faces] for a in faces])
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10.5, 4.4), layout="constrained", width_ratios=[1, 1.3])
ax0.imshow(grid, cmap="viridis", origin="lower", extent=(0.5, 6.5, 0.5, 6.5))
for a in faces:
    for b in faces:
        ax0.text(
            b,
            a,
            str(grid[a - 1, b - 1]),
            ha="center",
            va="center",
            color="white" if grid[a - 1, b - 1] < 9 else "k",
        )
for a in faces:  # outline the event {X = 7}: one cell in every row
    ax0.add_patch(
        Rectangle((7 - a - 0.5, a - 0.5), 1, 1, fill=False, edgecolor="#e31a1c", linewidth=2, clip_on=False)
    )
ax0.set(xticks=list(faces), yticks=list(faces), xlabel="second die", ylabel="first die")
ax0.set_title(r"$X(\omega)$ = sum of the two faces", fontsize=11)

ax1.bar(values, pmf, width=0.7, color="C0", alpha=0.6, label=r"$P(X = x)$ = cells / 36")
ax1.plot(values, frequency, "o", color="k", markersize=5, label="share of 10,000 rolls")
for v, p in zip(values, pmf, strict=True):
    ax1.text(v, 0.004, f"{round(p * 36)}/36", ha="center", va="bottom", fontsize=8, color="white")
ax1.set(xticks=values, xlabel="value $x$ of the sum", ylabel="probability", ylim=(0, 0.2))
ax1.set_title("The distribution of $X$", fontsize=11)
ax1.legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The sums from 2 (bottom-left cell) to 12 (top-right cell), the counts of
# cells per value (1, 2, ..., 6, ..., 2, 1), the longest
# diagonal at 7, probabilities that sum to 1, and simulated shares within
# 0.01 of the probabilities (three standard errors are at most 0.011).
assert len(omega) == 36
assert X((1, 1)) == values[0] == 2 and X((6, 6)) == values[-1] == 12
assert list(np.round(pmf * 36).astype(int)) == [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1]
assert values[np.argmax(pmf)] == 7 and np.isclose(pmf.max(), 1 / 6)
assert np.isclose(pmf.sum(), 1.0)
assert np.all(np.abs(frequency - pmf) < 0.01)
assert np.all(np.abs(frequency - pmf) < 3 * np.sqrt(pmf * (1 - pmf) / len(sums)))
