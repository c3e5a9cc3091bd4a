r"""
Learning curves of a small network, and how to read them
========================================================

The same small network trained on handwritten digits three ways, with the
loss on the training set and on a validation set recorded after every epoch
by :func:`~mlmath_ref.nn.train`. With enough data and a sensible learning
rate both curves fall together; with too few training images the training
loss keeps falling while the validation loss turns back up; with too large a
learning rate both curves jump up and down and stay high. Concept page:
:ref:`concept-training-loop`.
"""

# %%
# Three training runs
# -------------------
# The digits' pixels divided by 16; 300 images are held out for validation.
# Each run trains a new ReLU network with Adam and records its history.
# Run 1: 1,000 training images, a 64-32-10 network, learning rate 0.003,
# minibatches of 32, 30 epochs. Run 2: only the first 100 of those images,
# a wider 64-128-10 network, learning rate 0.01, minibatches of 10, 200
# epochs. Run 3: like run 1, with learning rate 0.1.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

from mlmath_ref.nn import MLP, cross_entropy, train
from mlmath_ref.optimize import Adam

rng = np.random.default_rng(4)
digits = load_digits()
X, y = digits.data / 16.0, digits.target
order = rng.permutation(len(y))
val, pool = order[:300], order[300:1300]
runs = {  # training images, hidden units, learning rate, epochs, batch size
    "1,000 images, learning rate 0.003": (pool, 32, 0.003, 30, 32),
    "100 images, learning rate 0.01": (pool[:100], 128, 0.01, 200, 10),
    "1,000 images, learning rate 0.1": (pool, 32, 0.1, 30, 32),
}
histories = {}
for name, (train_idx, hidden, learning_rate, epochs, batch_size) in runs.items():
    net = MLP([64, hidden, 10], rng)
    histories[name] = train(
        net,
        X[train_idx],
        y[train_idx],
        Adam(learning_rate),
        cross_entropy,
        epochs=epochs,
        batch_size=batch_size,
        rng=rng,
        validation=(X[val], y[val]),
    )
    h = histories[name]
    print(f"{name}: final loss {h['loss'][-1]:.3f} (training), {h['val_loss'][-1]:.3f} (validation)")

# %%
# What to look at
# ---------------
# Left: the two curves fall together and stay close: keep training, or stop
# when the validation curve flattens. Middle (a linear scale, zoomed in,
# where the other two panels are logarithmic): the training loss dives
# towards zero while the validation loss reaches its lowest point early
# (the dot) and then climbs slowly for the rest of the run: the network
# memorizes its 100 images, and its confident answers on the others get
# more confidently wrong. Right: the steps are too large; the loss jumps up
# and down from epoch to epoch and, over the last ten epochs, lies on
# average well above the healthy run's, though one epoch can dip below it.
# Where such a run happens to end is luck: judge it by its last few epochs,
# not its last one.
fig, axes = plt.subplots(1, 3, figsize=(12.5, 3.9), layout="constrained")
titles = ["healthy", "overfitting", "learning rate too large"]
for ax, (name, h), title in zip(axes, histories.items(), titles, strict=True):
    epochs_axis = np.arange(1, len(h["loss"]) + 1)
    ax.plot(epochs_axis, h["loss"], color="C0", linewidth=2, label="training")
    ax.plot(epochs_axis, h["val_loss"], color="C1", linewidth=2, label="validation")
    best = int(np.argmin(h["val_loss"]))
    ax.plot(best + 1, h["val_loss"][best], "o", color="C1", markersize=8, label="lowest validation loss")
    ax.set(xlabel="epoch", ylabel="cross-entropy (nats)", title=f"{title}\n{name}")
axes[0].set_yscale("log")
axes[0].legend(loc="lower left")
axes[1].set_ylim(0.0, 0.8)  # linear, zoomed: the first epochs' losses, above 0.8, leave the top
axes[2].set_yscale("log")
plt.show()

# %%
# Check
# -----
# Healthy: both losses fall by a factor of 5 or more, and the validation loss
# ends within a factor of 3 of the training loss and within 10% of its own
# lowest value. Overfitting: the training loss ends below 0.001, the
# validation loss has its lowest point in the first fifth of the run, rises
# in most epochs after it and ends at least 20% above it. Too large a
# learning rate: the training loss rises from one epoch to the next in at
# least a quarter of the epochs; over the last ten epochs its mean is more
# than 1.5 times the healthy run's final training loss, and the median
# validation loss more than twice the healthy run's final validation loss.
healthy, overfit, unstable = histories.values()
assert healthy["loss"][-1] < healthy["loss"][0] / 5 and healthy["val_loss"][-1] < healthy["val_loss"][0] / 5
assert healthy["val_loss"][-1] < 3 * healthy["loss"][-1]
assert healthy["val_loss"][-1] < 1.1 * min(healthy["val_loss"])
assert overfit["loss"][-1] < 0.001
best = int(np.argmin(overfit["val_loss"]))
assert best < len(overfit["val_loss"]) / 5
assert np.mean(np.diff(overfit["val_loss"][best:]) > 0) > 0.5
assert overfit["val_loss"][-1] > 1.2 * overfit["val_loss"][best]
assert np.mean(np.diff(unstable["loss"]) > 0) >= 0.25
assert np.mean(unstable["loss"][-10:]) > 1.5 * healthy["loss"][-1]
assert np.median(unstable["val_loss"][-10:]) > 2 * healthy["val_loss"][-1]
# the numbers the alt text quotes: 1,000 training images, a first loss of about 1.5
assert len(pool) == 1000 and round(healthy["loss"][0], 1) == round(healthy["val_loss"][0], 1) == 1.5
