r"""
Weight decay shrinks the weights; early stopping keeps the best epoch
=====================================================================

Two ways to keep a network from memorizing its training set, on the
handwritten digits. First, the same network trained with five strengths of
weight decay: the larger the decay, the smaller the weights, until the
network is too constrained to fit. Second, a network trained on images with
a fifth of their labels scrambled: the validation loss reaches a minimum and
climbs as the network learns the wrong labels by heart, and early stopping
keeps the weights of the best epoch. Concept page:
:ref:`concept-regularization-nn`.
"""

# %%
# Weight decay: five trainings
# ----------------------------
# A 64-64-10 ReLU network, trained for 20 epochs by SGD with momentum 0.9,
# learning rate 0.05 and minibatches of 32 on 1,000 images, with weight decay
# :math:`\lambda` from 0 to 0.1. ``SGD(weight_decay=lam)`` adds
# :math:`\lambda\theta` to every gradient: it minimizes the loss plus
# :math:`\frac{\lambda}{2}\lVert\theta\rVert^2`. Every run starts from the
# same initial weights.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

from mlmath_ref.nn import MLP, accuracy, cross_entropy, train
from mlmath_ref.optimize import SGD, Adam

rng = np.random.default_rng(11)
digits = load_digits()
X, y = digits.data / 16.0, digits.target
order = rng.permutation(len(y))
val, pool = order[:300], order[300:1300]
init_state = rng.bit_generator.state
decays = [0.0, 1e-4, 1e-3, 1e-2, 1e-1]
weights, norms, val_accuracy = {}, [], []
for lam in decays:
    rng.bit_generator.state = init_state  # the same initial weights and batches for every lambda
    net = MLP([64, 64, 10], rng)
    history = train(
        net,
        X[pool],
        y[pool],
        SGD(learning_rate=0.05, momentum=0.9, weight_decay=lam),
        cross_entropy,
        epochs=20,
        batch_size=32,
        rng=rng,
        validation=(X[val], y[val]),
    )
    W1 = net.parameters()[0].data
    weights[lam] = W1.ravel()
    norms.append(np.sqrt(sum(np.sum(p.data**2) for p in net.parameters()[::2])))  # the weight matrices
    val_accuracy.append(history["val_accuracy"][-1])
    print(f"lambda {lam:g}: weight norm {norms[-1]:.2f}, validation accuracy {val_accuracy[-1]:.3f}")
norms, val_accuracy = np.array(norms), np.array(val_accuracy)

# %%
# What to look at: the weights
# ----------------------------
# Left: the first layer's 4,096 weights without decay and with
# :math:`\lambda = 0.01`: the decayed histogram is a much narrower peak at
# zero.
# Right: the size :math:`\lVert W \rVert` of all the weight matrices together
# falls as :math:`\lambda` grows (the first point, :math:`\lambda = 0`, is
# drawn at the left edge), and the validation accuracy holds until the decay
# is so strong that the network can no longer fit the digits well.
fig, (ax_hist, ax_norm) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
bins = np.linspace(-0.8, 0.8, 81)
ax_hist.hist(weights[0.0], bins=bins, color="C0", alpha=0.6, label=r"$\lambda = 0$")
ax_hist.hist(weights[1e-2], bins=bins, color="C3", alpha=0.6, label=r"$\lambda = 0.01$")
ax_hist.set(xlabel="weight of the first layer", ylabel="number of weights", title="first-layer weights")
ax_hist.legend()
lam_axis = np.array([1e-5] + decays[1:])  # lambda = 0 drawn at 1e-5 on the log axis
ax_norm.semilogx(lam_axis, norms, "o-", color="C3")
ax_norm.set(xlabel=r"weight decay $\lambda$ (0 drawn at $10^{-5}$)", ylabel=r"$\|W\|$, all layers")
ax_norm.set_title("size of the weights and accuracy")
ax_acc = ax_norm.twinx()
ax_acc.semilogx(lam_axis, 100 * val_accuracy, "s--", color="C2")
ax_acc.set_ylabel("validation accuracy (%)", color="C2")
ax_acc.set_ylim(0, 100)
plt.show()

# %%
# Early stopping: a validation curve with scrambled labels
# --------------------------------------------------------
# 300 training images, 60 of them (one in five) given a random wrong label; the
# validation images keep their true labels. A 64-128-10 network trained by
# Adam (learning rate 0.01, minibatches of 20) one epoch at a time, for 150
# epochs: after each epoch the loop compares the validation loss with the
# best so far and copies the weights when it is lower. A patience of 10
# epochs (stop after 10 epochs without a new best) would end the run early.
train_idx = pool[:300]
noisy = y[train_idx].copy()
scrambled = rng.choice(len(noisy), size=60, replace=False)  # 60 of 300 images: 20%
noisy[scrambled] = (noisy[scrambled] + rng.integers(1, 10, size=60)) % 10  # a different digit
net = MLP([64, 128, 10], rng)
optimizer = Adam(0.01)
val_loss, best_loss, best_epoch, best_params = [], np.inf, 0, None
n_epochs = 150
for epoch in range(1, n_epochs + 1):
    h = train(net, X[train_idx], noisy, optimizer, cross_entropy, 1, 20, rng, validation=(X[val], y[val]))
    val_loss.append(h["val_loss"][0])
    if val_loss[-1] < best_loss:
        best_loss, best_epoch = val_loss[-1], epoch
        best_params = [p.data.copy() for p in net.parameters()]
val_loss = np.array(val_loss)
patience_stop = next(e for e in range(1, n_epochs + 1) if e - (np.argmin(val_loss[:e]) + 1) >= 10)
final_accuracy = accuracy(net(X[val]).data, y[val])
for p, best in zip(net.parameters(), best_params, strict=True):
    p.data = best  # restore the best epoch's weights
best_accuracy = accuracy(net(X[val]).data, y[val])
print(f"{np.sum(noisy != y[train_idx])} labels scrambled")
print(f"best epoch {best_epoch}, patience stops at {patience_stop}")
print(f"validation accuracy: {final_accuracy:.3f} after 150 epochs, {best_accuracy:.3f} at the best epoch")

# %%
# What to look at: the validation curve
# -------------------------------------
# The validation loss falls for a few epochs, reaches its lowest point (the
# dot) and then climbs for the rest of the run as the network memorizes the
# scrambled labels. The dashed line is where a patience of 10 epochs stops;
# early stopping keeps the weights of the dot.
fig, ax = plt.subplots(figsize=(7.5, 4.2), layout="constrained")
epochs_axis = np.arange(1, n_epochs + 1)
ax.plot(epochs_axis, val_loss, color="C1", linewidth=2, label="validation loss")
ax.plot(best_epoch, best_loss, "o", color="C1", markersize=9, label=f"lowest, epoch {best_epoch}")
ax.axvline(patience_stop, color="0.4", linestyle="--", label=f"patience 10 stops, epoch {patience_stop}")
ax.set(xlabel="epoch", ylabel="cross-entropy (nats)", title="20% of the training labels scrambled")
ax.legend()
plt.show()

# %%
# Check
# -----
# Weight decay: the first layer's weights with :math:`\lambda = 0.01` have a
# standard deviation less than half of those without decay; the size of
# the weights falls at every step of :math:`\lambda`; the validation accuracy
# stays above 90% up to :math:`\lambda = 0.01` and drops below 80% at 0.1.
# Early stopping: the lowest validation loss comes within the first 30
# epochs, the loss at the end is more than 1.5 times that lowest value, the
# patience rule stops within 15 epochs of the best one, and the best epoch's
# weights classify the validation images better than the last epoch's.
assert weights[1e-2].std() < weights[0.0].std() / 2
assert np.all(np.diff(norms) < 0)
assert np.all(100 * val_accuracy[:4] > 90) and 100 * val_accuracy[4] < 80
assert best_epoch <= 30
assert val_loss[-1] > 1.5 * best_loss
assert 0 < patience_stop - best_epoch <= 15
assert best_accuracy > final_accuracy
assert np.sum(noisy != y[train_idx]) == 60 == 0.2 * len(train_idx)
# the numbers the captions and alt texts quote
assert weights[0.0].size == 4096 and (round(norms[0], 1), round(norms[-1], 1)) == (18.1, 3.7)
assert np.all(abs(100 * val_accuracy[:4] - 95) < 2) and round(100 * val_accuracy[4]) == 67
assert len(pool) == 1000 and len(val_loss) == 150
assert (best_epoch, patience_stop) == (9, 19)
assert round(float(val_loss[0]), 1) == 1.1 and round(float(val_loss[-1]), 2) == 1.04
assert (round(100 * best_accuracy), round(100 * final_accuracy)) == (88, 78)
