r"""
A hyperparameter grid is a Cartesian product
============================================

Two sets of candidate values, learning rates and batch sizes, give a grid of
every pair: the Cartesian product. Its size is the product of the sizes.
Concept page: :ref:`concept-sets`.
"""

# %%
# Two sets and their product
# --------------------------
# Four learning rates times three batch sizes: twelve training runs.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import cartesian_product

learning_rates = [0.001, 0.003, 0.01, 0.03]
batch_sizes = [32, 64, 128]
grid = cartesian_product(learning_rates, batch_sizes)

# %%
# What to look at
# ---------------
# Every point is one pair (learning rate, batch size). Each set is drawn on its
# own axis; the product fills the rectangle they span, one point per pair.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
lr, bs = np.array(grid).T
ax.scatter(lr, bs, s=60, color="C0", zorder=3, label=r"pairs $(a, b) \in A \times B$")
ax.scatter(learning_rates, [16] * 4, marker="|", s=300, color="C1", label=r"$A$: learning rates")
ax.scatter([0.0006] * 3, batch_sizes, marker="_", s=300, color="C2", label=r"$B$: batch sizes")
ax.set(
    xscale="log",
    yscale="log",
    xlabel="learning rate",
    ylabel="batch size",
    title=rf"$|A \times B| = {len(learning_rates)} \times {len(batch_sizes)} = {len(grid)}$",
)
ax.set_yticks(batch_sizes, [str(b) for b in batch_sizes])
ax.set_xticks(learning_rates, [str(a) for a in learning_rates])
ax.minorticks_off()
ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
plt.show()

# %%
# Check
# -----
# Twelve distinct pairs, every one made of an element of each set.
assert len(grid) == len(set(grid)) == len(learning_rates) * len(batch_sizes)
assert all(a in learning_rates and b in batch_sizes for a, b in grid)
assert len(grid) == 12
