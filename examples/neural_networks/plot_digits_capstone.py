r"""
A network that reads handwritten digits, trained from scratch
=============================================================

A multilayer network built only from ``mlmath_ref``: the layers of
:mod:`mlmath_ref.nn` on the ``Tensor`` engine of :mod:`mlmath_ref.autodiff`,
trained by :class:`~mlmath_ref.optimize.Adam` through
:func:`~mlmath_ref.nn.train`, on the 1,797 handwritten digits of 8 by 8 pixels
that ship with scikit-learn. It reaches more than 97% accuracy on images it
never saw, in a few seconds. scikit-learn's ``MLPClassifier`` with the same
architecture and the same optimizer is the reference. Copy this file into a
project with NumPy, matplotlib, scikit-learn and ``mlmath_ref`` installed, and
it runs as it is. Concept page: :ref:`concept-digits-network`.
"""

# %%
# The data and the three-way split
# --------------------------------
# Each image is 64 gray levels from 0 to 16; dividing by 16 puts every pixel
# in :math:`[0, 1]`. A stratified split keeps the ten digits in the same
# proportions in every part: 20% of the images are the test set, touched once
# at the end; 15% of the rest is the validation set, watched after every
# epoch; the remaining images train the network. scikit-learn's functions
# take integer seeds, drawn here from the one generator of the script.
import time

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

from mlmath_ref.nn import MLP, accuracy, cross_entropy, train
from mlmath_ref.optimize import Adam

rng = np.random.default_rng(1)
digits = load_digits()
X, y = digits.data / 16.0, digits.target
seed_test, seed_val, seed_sklearn = (int(s) for s in rng.integers(2**31, size=3))
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed_test)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=0.15, stratify=y_rest, random_state=seed_val
)
print(f"training {len(y_train)}, validation {len(y_val)}, test {len(y_test)} images")

# %%
# The network and its training
# ----------------------------
# 64 inputs, one hidden layer of 128 ReLU units, 10 outputs (one score per
# digit): :class:`~mlmath_ref.nn.MLP` draws He-initialized weights from
# ``rng``. :func:`~mlmath_ref.nn.train` runs 40 epochs of minibatches of 64
# with Adam at learning rate 0.005, minimizing
# :func:`~mlmath_ref.nn.cross_entropy`, and records the loss and the accuracy
# on the training and validation sets after every epoch.
sizes, learning_rate, epochs, batch_size = [64, 128, 10], 0.005, 40, 64
net = MLP(sizes, rng)
n_parameters = sum(p.data.size for p in net.parameters())
start, start_cpu = time.perf_counter(), time.process_time()
history = train(
    net,
    X_train,
    y_train,
    Adam(learning_rate),
    cross_entropy,
    epochs=epochs,
    batch_size=batch_size,
    rng=rng,
    validation=(X_val, y_val),
)
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
test_logits = net(X_test).data
test_accuracy = accuracy(test_logits, y_test)
# The training time is measured and checked in the last cell, not printed: the site's pages are
# the same on every build. Print `seconds` to see it on your machine.
print(f"{n_parameters} parameters")
print(f"test accuracy {test_accuracy:.4f}")

# %%
# The reference: scikit-learn's MLPClassifier
# -------------------------------------------
# The same architecture, the same optimizer and the same settings, with no
# L2 penalty (``alpha=0``) since the network above has none. One call of
# ``partial_fit`` is one epoch, so its validation loss and accuracy can be
# recorded epoch by epoch, like ours.
reference = MLPClassifier(
    hidden_layer_sizes=(sizes[1],),
    activation="relu",
    solver="adam",
    alpha=0.0,
    batch_size=batch_size,
    learning_rate_init=learning_rate,
    random_state=seed_sklearn,
)
reference_val_loss, reference_val_accuracy = [], []
for _ in range(epochs):
    reference.partial_fit(X_train, y_train, classes=np.arange(10))
    reference_val_loss.append(log_loss(y_val, reference.predict_proba(X_val), labels=np.arange(10)))
    reference_val_accuracy.append(reference.score(X_val, y_val))
reference_test_accuracy = reference.score(X_test, y_test)
print(f"MLPClassifier: test accuracy {reference_test_accuracy:.4f}")

# %%
# What to look at: the learning curves
# ------------------------------------
# Left, the cross-entropy on a log scale: the training loss keeps falling,
# the validation loss falls with it and then levels off above it, the gap
# that grows as the network starts to memorize its training images. Right,
# the accuracy: the training accuracy reaches 100% and the validation
# accuracy settles a few points below. The dashed gray lines are
# scikit-learn's network on the same validation set.
epoch_axis = np.arange(1, epochs + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
ax_loss.semilogy(epoch_axis, history["loss"], color="C0", linewidth=2, label="training")
ax_loss.semilogy(epoch_axis, history["val_loss"], color="C1", linewidth=2, label="validation")
ax_loss.semilogy(
    epoch_axis, reference_val_loss, "--", color="0.45", linewidth=1.5, label="validation, MLPClassifier"
)
ax_loss.set(xlabel="epoch", ylabel="cross-entropy (nats)", title="loss after each epoch")
ax_loss.legend()
ax_acc.plot(epoch_axis, 100 * np.array(history["accuracy"]), color="C0", linewidth=2, label="training")
ax_acc.plot(epoch_axis, 100 * np.array(history["val_accuracy"]), color="C1", linewidth=2, label="validation")
ax_acc.plot(
    epoch_axis,
    100 * np.array(reference_val_accuracy),
    "--",
    color="0.45",
    linewidth=1.5,
    label="validation, MLPClassifier",
)
ax_acc.set(xlabel="epoch", ylabel="accuracy (%)", title="accuracy after each epoch", ylim=(85, 100.5))
ax_acc.legend(loc="lower right")
plt.show()

# %%
# What to look at: the confusion matrix
# -------------------------------------
# Row :math:`i`, column :math:`j` counts the test images of digit :math:`i`
# that the network read as :math:`j`. The right answers are on the diagonal;
# every number off it is a mistake, and the few there are scattered.
predicted = np.argmax(test_logits, axis=1)
confusion = np.zeros((10, 10), dtype=int)
np.add.at(confusion, (y_test, predicted), 1)
fig, ax = plt.subplots(figsize=(5.6, 5), layout="constrained")
image = ax.imshow(confusion, cmap="Blues")
for i in range(10):
    for j in range(10):
        if confusion[i, j]:
            color = "white" if confusion[i, j] > confusion.max() / 2 else "black"
            ax.text(j, i, str(confusion[i, j]), ha="center", va="center", color=color, fontsize=9)
ax.set(
    xticks=range(10),
    yticks=range(10),
    xlabel="predicted digit",
    ylabel="true digit",
    title=f"test set: {int(np.trace(confusion))} of {len(y_test)} right",
)
fig.colorbar(image, ax=ax, shrink=0.8, label="images")
plt.show()

# %%
# What to look at: the misclassified digits
# -----------------------------------------
# Every test image the network got wrong, with its true label and the
# network's answer. Several are hard for a person too at 8 by 8 pixels.
wrong = np.flatnonzero(predicted != y_test)
columns = 5
rows = -(-len(wrong) // columns)
fig, axes = plt.subplots(rows, columns, figsize=(1.7 * columns, 1.95 * rows), layout="constrained")
for ax, k in zip(axes.flat, wrong, strict=False):
    ax.imshow(X_test[k].reshape(8, 8), cmap="gray_r", vmin=0.0, vmax=1.0)
    ax.set_title(f"{y_test[k]} read as {predicted[k]}", fontsize=10)
    ax.axis("off")
for ax in axes.flat[len(wrong) :]:
    ax.remove()  # the grid's unused places
plt.show()

# %%
# Check
# -----
# The test accuracy is at least 97% and training took under 20 seconds of
# processor time (the time on an idle machine; the wall-clock time, `seconds`,
# also counts other programs when the machine is shared); the
# training accuracy ends at 100% and the validation accuracy a few points
# below it; the two losses are close for the first ten epochs, then the
# validation loss stays above the training loss and levels off over the last
# ten epochs while the training loss keeps falling; the confusion
# matrix counts every test image once and its diagonal is the test accuracy;
# the misclassified images are the off-diagonal entries, no two in the same
# cell; scikit-learn's
# network with the same settings lands within two points of ours.
assert (len(y_train), len(y_val), len(y_test)) == (1221, 216, 360)
assert n_parameters == 64 * 128 + 128 + 128 * 10 + 10 == 9610
assert test_accuracy >= 0.97, test_accuracy
assert cpu_seconds < 20, cpu_seconds
assert history["accuracy"][-1] == 1.0
assert 0.0 < history["accuracy"][-1] - history["val_accuracy"][-1] < 0.05
assert history["val_loss"][-1] > 3 * history["loss"][-1]
gap = np.array(history["val_loss"]) - np.array(history["loss"])
assert np.all(abs(gap[:10]) < 0.05) and np.all(gap[20:] > 0)  # together at first, then apart
val_tail, train_tail = np.array(history["val_loss"][30:]), np.array(history["loss"][30:])
assert val_tail.max() / val_tail.min() < 1.4 < train_tail.max() / train_tail.min()  # level vs falling
assert history["loss"][-1] < history["loss"][0] / 10
assert confusion.sum() == len(y_test)
assert np.trace(confusion) / len(y_test) == test_accuracy
assert len(wrong) == len(y_test) - np.trace(confusion)
assert abs(reference_test_accuracy - test_accuracy) < 0.02
assert abs(reference_val_accuracy[-1] - history["val_accuracy"][-1]) < 0.02
# the numbers the page's captions quote
assert (round(100 * test_accuracy, 1), int(np.trace(confusion)), len(wrong)) == (98.1, 353, 7)
assert round(100 * reference_test_accuracy, 1) == 97.8
assert round(100 * history["val_accuracy"][-1], 1) == 99.5
assert round(100 * reference_val_accuracy[-1], 1) == 99.1
assert round(history["loss"][0], 1) == round(history["val_loss"][0], 1) == 0.7
assert round(history["loss"][-1], 3) == 0.006 and round(history["val_loss"][-1], 2) == 0.03
assert (int(np.diag(confusion).min()), int(np.diag(confusion).max())) == (34, 36)
assert confusion[~np.eye(10, dtype=bool)].max() == 1  # the mistakes are scattered: no two in the same cell
