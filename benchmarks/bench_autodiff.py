"""Time one forward and backward pass of mlmath_ref.autodiff.Tensor against hand-written NumPy.

Run with ``python benchmarks/bench_autodiff.py``. The computation is one
training step's worth of derivatives for a two-layer network, 64 inputs, 128
tanh hidden units, 10 classes, softmax cross-entropy loss, on a batch of 256:
once with :class:`~mlmath_ref.autodiff.Tensor` recording the graph and
running ``backward()``, once in plain NumPy with the backward pass written out
by hand. The script first checks that both give the same loss and gradients,
then prints the median time per pass over several repeats (``timeit``). On a
busy or small machine, ``OPENBLAS_NUM_THREADS=1`` keeps the times steady.
"""

import timeit

import numpy as np

from mlmath_ref.autodiff import Tensor

N_IN, N_HIDDEN, N_OUT, BATCH = 64, 128, 10, 256
REPEATS = 15


def make_problem(rng):
    X = rng.normal(size=(BATCH, N_IN))
    Y = np.eye(N_OUT)[rng.integers(0, N_OUT, size=BATCH)]  # one-hot labels
    params = {
        "W1": rng.normal(size=(N_IN, N_HIDDEN)) / np.sqrt(N_IN),
        "b1": np.zeros(N_HIDDEN),
        "W2": rng.normal(size=(N_HIDDEN, N_OUT)) / np.sqrt(N_HIDDEN),
        "b2": np.zeros(N_OUT),
    }
    return X, Y, params


def tensor_pass(X, Y, params):
    """Forward and backward with Tensor; returns the loss and the gradients."""
    W1, b1, W2, b2 = (Tensor(params[k]) for k in ("W1", "b1", "W2", "b2"))
    H = (X @ W1 + b1).tanh()
    Z = H @ W2 + b2
    Z = Z - Z.data.max(axis=1, keepdims=True)  # a constant shift: softmax is unchanged, exp cannot overflow
    log_p = Z - Z.exp().sum(axis=1, keepdims=True).log()
    loss = -(log_p * Y).sum() / BATCH
    loss.backward()
    return float(loss.data), {"W1": W1.grad, "b1": b1.grad, "W2": W2.grad, "b2": b2.grad}


def numpy_pass(X, Y, params):
    """The same forward pass in NumPy, and its backward pass written by hand."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    Z = Z - Z.max(axis=1, keepdims=True)
    log_p = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -(log_p * Y).sum() / BATCH
    dZ = (np.exp(log_p) - Y) / BATCH  # softmax minus one-hot: the gradient of cross-entropy
    dH = dZ @ W2.T
    dA = dH * (1 - H**2)  # through tanh
    grads = {"W1": X.T @ dA, "b1": dA.sum(axis=0), "W2": H.T @ dZ, "b2": dZ.sum(axis=0)}
    return loss, grads


def median_time(func):
    """Median seconds per call over REPEATS rounds, each long enough to time reliably."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return float(np.median(timer.repeat(repeat=REPEATS, number=number))) / number


def main():
    rng = np.random.default_rng(20261125)
    X, Y, params = make_problem(rng)
    loss_t, grads_t = tensor_pass(X, Y, params)
    loss_n, grads_n = numpy_pass(X, Y, params)
    np.testing.assert_allclose(loss_t, loss_n, rtol=1e-12)
    for name in grads_n:
        np.testing.assert_allclose(grads_t[name], grads_n[name], rtol=1e-10, atol=1e-14, err_msg=name)
    print(f"network {N_IN}-{N_HIDDEN}-{N_OUT}, tanh, softmax cross-entropy, batch {BATCH}")
    print(f"loss {loss_t:.6f}; gradients agree (rtol 1e-10) for {', '.join(grads_n)}")
    t_tensor = median_time(lambda: tensor_pass(X, Y, params))
    t_numpy = median_time(lambda: numpy_pass(X, Y, params))
    header = f"{'forward + backward':<26} {'median time':>12} {'relative':>9}"
    print(header)
    print("-" * len(header))
    print(f"{'mlmath_ref Tensor':<26} {t_tensor * 1e3:>9.3f} ms {t_tensor / t_numpy:>8.2f}x")
    print(f"{'NumPy, backward by hand':<26} {t_numpy * 1e3:>9.3f} ms {1:>8.2f}x")


if __name__ == "__main__":
    main()
