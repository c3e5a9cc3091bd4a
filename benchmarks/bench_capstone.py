"""Train the capstone's network on scikit-learn's digits with mlmath_ref alone, and time it.

Run with ``OPENBLAS_NUM_THREADS=1 .nox/tests/bin/python benchmarks/bench_capstone.py``
(scikit-learn only loads and splits the data). The settings are the ones the capstone example
uses: the 1797 8x8 digits, features divided by 16 (into [0, 1]), a stratified 75/25 split with
a fixed seed, an :class:`~mlmath_ref.nn.MLP` with ReLU trained by
:class:`~mlmath_ref.optimize.Adam` on cross-entropy through :func:`~mlmath_ref.nn.train`,
the test set evaluated after every epoch (the learning curves). It prints the test accuracy
and the wall-clock seconds of the training, for a few seeds. Figures, not assertions.
"""

import argparse
import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from mlmath_ref.nn import MLP, cross_entropy, train
from mlmath_ref.optimize import Adam


def run(seed, sizes, learning_rate, epochs, batch_size):
    """Train once; return the history, the final test accuracy and the seconds the training took."""
    digits = load_digits()
    X, y = digits.data / 16.0, digits.target
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
    rng = np.random.default_rng(seed)
    net = MLP(sizes, rng)
    start = time.perf_counter()
    history = train(
        net,
        X_train,
        y_train,
        Adam(learning_rate),
        cross_entropy,
        epochs=epochs,
        batch_size=batch_size,
        rng=rng,
        validation=(X_test, y_test),
    )
    seconds = time.perf_counter() - start
    return history, history["val_accuracy"][-1], seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64,128,10")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seeds", default="0")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    print(f"MLP {sizes}, ReLU, Adam(lr={args.lr}), {args.epochs} epochs, batch {args.batch_size}")
    for seed in (int(s) for s in args.seeds.split(",")):
        history, acc, seconds = run(seed, sizes, args.lr, args.epochs, args.batch_size)
        best = int(np.argmax(history["val_accuracy"]))
        print(
            f"seed {seed}: test accuracy {acc:.4f} (best {history['val_accuracy'][best]:.4f} at epoch "
            f"{best + 1}), train accuracy {history['accuracy'][-1]:.4f}, train loss "
            f"{history['loss'][-1]:.4f}, {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
