r"""
A joint distribution, its marginals and a conditional slice
===========================================================

Pick a random test image of a three-class classifier and record two random
variables: its true class :math:`Y` and the predicted class :math:`\hat{Y}`.
Their joint distribution is a 3 by 3 table (a confusion matrix divided by the
number of images). Summing out one variable gives the other's marginal
distribution; one row, rescaled to sum to 1, is a conditional distribution.
Concept page: :ref:`concept-joint-marginal`.
"""

# %%
# The joint table
# ---------------
# Rows: the true class; columns: the predicted class.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import conditional, marginal

classes = ["cat", "dog", "bird"]
joint = np.array(
    [
        [0.30, 0.08, 0.02],
        [0.06, 0.26, 0.03],
        [0.01, 0.04, 0.20],
    ]
)
p_true = marginal(joint, 0)  # P(Y = y): row sums
p_pred = marginal(joint, 1)  # P(Yhat = k): column sums
dog = classes.index("dog")
pred_given_dog = conditional(joint, 0, dog)  # P(Yhat = k | Y = dog)

# %%
# What to look at
# ---------------
# The heat map is the joint table; the bars above it are the column sums (how
# often each class is predicted), the bars on its right the row sums (how often
# each class is the truth). The outlined row is the event "the image is a dog";
# rescaled to sum to 1, it becomes the conditional distribution on the far
# right: what the classifier predicts for dogs.
fig = plt.figure(figsize=(11, 5.4), layout="constrained")
grid = fig.add_gridspec(2, 3, width_ratios=[3, 1.2, 2], height_ratios=[1.2, 3])
ax_joint = fig.add_subplot(grid[1, 0])
ax_top = fig.add_subplot(grid[0, 0], sharex=ax_joint)
ax_right = fig.add_subplot(grid[1, 1], sharey=ax_joint)
ax_slice = fig.add_subplot(grid[1, 2])

ax_joint.imshow(joint, cmap="Blues", vmin=0, vmax=0.35, aspect="auto")
for i in range(3):
    for j in range(3):
        ax_joint.text(
            j, i, f"{joint[i, j]:.2f}", ha="center", va="center", color="white" if joint[i, j] > 0.18 else "k"
        )
ax_joint.add_patch(plt.Rectangle((-0.5, dog - 0.5), 3, 1, fill=False, edgecolor="#e6550d", linewidth=3))
ax_joint.set(xticks=range(3), xticklabels=classes, yticks=range(3), yticklabels=classes)
ax_joint.set(xlabel=r"predicted class $\hat{y}$", ylabel="true class $y$")

ax_top.bar(range(3), p_pred, color="0.55", width=0.6)
ax_top.bar_label(ax_top.containers[0], fmt="%.2f", fontsize=9)
ax_top.set(ylim=(0, 0.5), ylabel=r"$P(\hat{Y} = \hat{y})$", title="marginal of the prediction (column sums)")
ax_top.tick_params(labelbottom=False)

ax_right.barh(range(3), p_true, color="0.55", height=0.6)
ax_right.bar_label(ax_right.containers[0], fmt="%.2f", fontsize=9)
ax_right.set(xlim=(0, 0.55), xlabel="$P(Y = y)$", title="marginal of\nthe truth (row sums)")
ax_right.tick_params(labelleft=False)

ax_slice.bar(range(3), pred_given_dog, color="#e6550d", width=0.6)
ax_slice.bar_label(ax_slice.containers[0], fmt="%.3f", fontsize=9)
ax_slice.set(xticks=range(3), xticklabels=classes, ylim=(0, 1), xlabel=r"predicted class $\hat{y}$")
ax_slice.set(ylabel=r"$P(\hat{Y} = \hat{y} \mid Y = \mathrm{dog})$", title="conditional: the dog row / 0.35")
plt.show()

# %%
# Check
# -----
# The numbers on the bars: the marginals are the row and column sums, each
# sums to 1; the conditional is the dog row divided by P(Y = dog) = 0.35 and
# sums to 1 (0.171, 0.743, 0.086); the classifier predicts "dog" for 74.3% of
# dogs. The two marginals differ (more images are predicted dog than are dogs),
# so the variables are not independent either: the table is not the product of
# its margins.
np.testing.assert_allclose(p_true, [0.40, 0.35, 0.25])
np.testing.assert_allclose(p_pred, [0.37, 0.38, 0.25])
assert np.isclose(p_true.sum(), 1) and np.isclose(p_pred.sum(), 1)
np.testing.assert_allclose(pred_given_dog, joint[dog] / 0.35)
assert np.isclose(pred_given_dog.sum(), 1)
assert [f"{v:.3f}" for v in pred_given_dog] == ["0.171", "0.743", "0.086"]
assert f"{100 * pred_given_dog[dog]:.1f}" == "74.3"
assert p_pred[dog] > p_true[dog]
assert np.abs(joint - np.outer(p_true, p_pred)).max() > 0.1
