r"""
Shuffled data are independent, sorted data are not
===================================================

A stream of 10,000 training labels, 40% cats and 60% dogs, read in pairs: the
label of one example and the label of the next. Drawn at random, the two are
independent: every cell of the table is the product of its row and column
shares. Sorted by label, the next label is almost always the same as this one.
Concept page: :ref:`concept-independence`.
"""

# %%
# Two streams of labels
# ---------------------
# The same labels, once in random order and once sorted (all the dogs, then all
# the cats), as a dataset stored by class would be read without shuffling.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import Bernoulli, conditional, marginal

rng = np.random.default_rng(3)
labels = Bernoulli(0.4).sample(rng, size=10_000)  # 1 = cat, 0 = dog
streams = {"shuffled": labels, "sorted by label": np.sort(labels)}


def pair_table(stream):
    # The share of consecutive pairs (this label, next label), rows = this, columns = next.
    this, nxt = stream[:-1], stream[1:]
    counts = np.array([[np.sum((this == a) & (nxt == b)) for b in (1, 0)] for a in (1, 0)])
    return counts / counts.sum()


tables = {name: pair_table(stream) for name, stream in streams.items()}

# %%
# What to look at
# ---------------
# Each cell shows the share of pairs and, below it, the product of the row and
# column shares, which is what independence predicts. Left, the two numbers
# agree in every cell; right, the off-diagonal cells are empty while the
# product says they should hold almost half the pairs.
names = ["cat", "dog"]
fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), layout="constrained")
for ax, (name, joint) in zip(axes, tables.items(), strict=True):
    product = np.outer(marginal(joint, 0), marginal(joint, 1))
    image = ax.imshow(joint, cmap="Blues", vmin=0, vmax=0.6)
    for i in range(2):
        for j in range(2):
            color = "white" if joint[i, j] > 0.35 else "k"
            ax.text(
                j,
                i,
                f"{joint[i, j]:.3f}\n(product {product[i, j]:.3f})",
                ha="center",
                va="center",
                color=color,
            )
    cat_after_cat = conditional(joint, 0, 0)[0]
    ax.set_title(f"{name}: P(next is cat | cat) = {cat_after_cat:.2f}", fontsize=11)
    ax.set(xticks=[0, 1], xticklabels=names, yticks=[0, 1], yticklabels=names)
    ax.set(xlabel="label of the next example", ylabel="label of this example")
fig.colorbar(image, ax=axes, label="share of consecutive pairs")
plt.show()

# %%
# Check
# -----
# The stream is 40% cats. Shuffled: every cell is within three standard errors
# of the product of its margins (and within 0.003), and the next label is a cat
# about 40% of the time whatever this one is. Sorted: the off-diagonal cells hold a single pair
# (the one place where the dogs end and the cats begin), the numbers printed
# in the cells are the ones quoted on the concept page, the next label
# repeats this one with probability above 0.999, and the diagonal cells are
# more than 0.2 away from the product.
shuffled, ordered = tables["shuffled"], tables["sorted by label"]
n_pairs = labels.size - 1
product = np.outer(marginal(shuffled, 0), marginal(shuffled, 1))
standard_error = np.sqrt(product * (1 - product) / n_pairs)
assert np.all(np.abs(shuffled - product) < 3 * standard_error)
assert np.all(np.abs(shuffled - product) < 0.003)
np.testing.assert_array_equal(np.round(shuffled, 3), [[0.165, 0.239], [0.239, 0.358]])
np.testing.assert_array_equal(np.round(product, 3), [[0.163, 0.241], [0.241, 0.356]])
assert f"{conditional(shuffled, 0, 0)[0]:.2f}" == "0.41"
assert round(100 * labels.mean()) == 40  # 40% cats
for i in range(2):  # the next label is a cat 40% of the time, give or take 2 points
    assert abs(100 * conditional(shuffled, 0, i)[0] - 40) < 2
assert ordered[0, 1] == 0 and ordered[1, 0] * n_pairs == 1  # dog -> cat once, at the boundary
assert conditional(ordered, 0, 0)[0] > 0.999 and conditional(ordered, 0, 1)[1] > 0.999
product_sorted = np.outer(marginal(ordered, 0), marginal(ordered, 1))
np.testing.assert_array_equal(np.round(ordered, 3), [[0.403, 0.0], [0.0, 0.597]])
np.testing.assert_array_equal(np.round(product_sorted, 3), [[0.163, 0.241], [0.241, 0.356]])
assert np.all(np.abs(np.diag(ordered - product_sorted)) > 0.2)
assert conditional(ordered, 0, 0)[0] == 1.0  # a cat is never followed by a dog: cats come last
