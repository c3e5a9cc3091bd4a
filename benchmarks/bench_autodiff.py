"""Time one forward and backward pass of mlmath_ref's Tensor engine against hand-written NumPy and PyTorch.

Run with ``OPENBLAS_NUM_THREADS=1 python benchmarks/bench_autodiff.py [--activation relu]``
(from the tests environment, ``.nox/tests/bin/python``, for PyTorch). The hidden layer is tanh
by default (the earlier figures) or ReLU (MLP's default, and the capstone's network).
The target: the ``mlmath_ref.nn`` version within 1.3 times NumPy's time.
The computation is one training step's worth of derivatives for a two-layer network, 64
inputs, 128 hidden units, 10 classes, softmax cross-entropy loss, on a batch of 256, in float64:

- ``NumPy, backward by hand``: the forward pass in NumPy and its backward pass written out;
  the reference, 1.00x.
- ``Tensor, mlmath_ref.nn``: an :class:`~mlmath_ref.nn.MLP` and :func:`~mlmath_ref.nn.cross_entropy`
  (each layer and the loss one node of the graph, with closed-form gradients), then
  ``backward()``.
- ``Tensor, elementary ops``: the same formula written with Tensor's operators (``@ + tanh
  exp sum log``), a node per operation.
- ``PyTorch (CPU)``: ``torch.nn.functional`` on float64 tensors with ``requires_grad``, one
  thread, when PyTorch is installed.

The script first checks that every version gives the same loss and gradients, then times
each version over many rounds in which the versions take turns (``timeit``), and prints the
best round of each and its ratio to NumPy's best (the least disturbed measurement), and the
median round and the median of the per-round ratios to NumPy. Figures, not assertions: the
machine's load changes them.

It also prints the page faults per call. A pass allocates arrays of 256 KiB; when several are
freed together at the top of the heap, glibc's ``malloc`` may hand the memory back to the
system, and the next call faults it in again, page by page (about 0.1 ms for 100 faults).
Whether that happens depends on the order in which the process has allocated and freed
memory so far, not on the computation, and it can hit any version. To time the computation
alone, run with ``MALLOC_TRIM_THRESHOLD_=1000000000 MALLOC_MMAP_THRESHOLD_=1000000000``,
which keeps freed memory in the process.
"""

import argparse
import os
import resource
import time
import timeit

import numpy as np

from mlmath_ref.autodiff import Tensor
from mlmath_ref.nn import MLP, cross_entropy

N_IN, N_HIDDEN, N_OUT, BATCH = 64, 128, 10, 256
REPEATS = 25
ACTIVATION = "tanh"  # set by --activation


def make_problem(rng):
    X = rng.normal(size=(BATCH, N_IN))
    labels = rng.integers(0, N_OUT, size=BATCH)
    params = {
        "W1": rng.normal(size=(N_IN, N_HIDDEN)) / np.sqrt(N_IN),
        "b1": rng.normal(size=N_HIDDEN) * 0.1,
        "W2": rng.normal(size=(N_HIDDEN, N_OUT)) / np.sqrt(N_HIDDEN),
        "b2": rng.normal(size=N_OUT) * 0.1,
    }
    return X, labels, params


def numpy_pass(X, labels, params):
    """The forward pass in NumPy, and its backward pass written by hand."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    A = X @ W1 + b1
    H = np.tanh(A) if ACTIVATION == "tanh" else np.maximum(A, 0.0)
    Z = H @ W2 + b2
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    total = E.sum(axis=1, keepdims=True)
    rows = np.arange(BATCH)
    loss = np.mean(np.log(total[:, 0]) - Z[rows, labels])
    dZ = E / total  # softmax minus one-hot, over the batch: the gradient of cross-entropy
    dZ[rows, labels] -= 1
    dZ /= BATCH
    dA = (dZ @ W2.T) * ((1 - H * H) if ACTIVATION == "tanh" else (A > 0))  # through the activation
    grads = {"W1": X.T @ dA, "b1": dA.sum(axis=0), "W2": H.T @ dZ, "b2": dZ.sum(axis=0)}
    return float(loss), grads


def make_nn_pass(params):
    """A closure running an mlmath_ref.nn MLP holding `params` forward and backward."""
    net = MLP([N_IN, N_HIDDEN, N_OUT], np.random.default_rng(0), activation=ACTIVATION)
    for layer, (w, b) in zip(net.layers, (("W1", "b1"), ("W2", "b2")), strict=True):
        layer.W.data, layer.b.data = params[w], params[b]
    tensors = dict(zip(("W1", "b1", "W2", "b2"), net.parameters(), strict=True))

    def nn_pass(X, labels):
        for p in tensors.values():
            p.zero_grad()
        loss = cross_entropy(net(X), labels)  # X an array: a constant, validated and copied
        loss.backward()
        return float(loss.data), {k: p.grad for k, p in tensors.items()}

    return nn_pass


def elementary_pass(X, labels, params):
    """The same formula with Tensor's elementary operations: a node per operation."""
    W1, b1, W2, b2 = (Tensor(params[k]) for k in ("W1", "b1", "W2", "b2"))
    onehot = np.eye(N_OUT)[labels]
    A = X @ W1 + b1
    H = A.tanh() if ACTIVATION == "tanh" else A.relu()
    Z = H @ W2 + b2
    Z = Z - Z.data.max(axis=1, keepdims=True)  # a constant shift: softmax is unchanged, exp cannot overflow
    log_p = Z - Z.exp().sum(axis=1, keepdims=True).log()
    loss = -(log_p * onehot).sum() / BATCH
    loss.backward()
    return float(loss.data), {"W1": W1.grad, "b1": b1.grad, "W2": W2.grad, "b2": b2.grad}


def make_torch_pass(params):
    """A closure running the same network in PyTorch, or None when PyTorch is missing."""
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        return None
    torch.set_num_threads(1)
    tensors = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}

    def torch_pass(X, labels):
        x, y = torch.from_numpy(X), torch.from_numpy(labels)
        for p in tensors.values():
            p.grad = None
        A = x @ tensors["W1"] + tensors["b1"]  # x @ W, as mlmath_ref stores W
        H = torch.tanh(A) if ACTIVATION == "tanh" else torch.relu(A)
        loss = F.cross_entropy(H @ tensors["W2"] + tensors["b2"], y)
        loss.backward()
        return float(loss.detach()), {k: p.grad.numpy() for k, p in tensors.items()}

    return torch_pass


def interleaved_times(passes):
    """Per version: the seconds per call of each of REPEATS rounds, and the page faults per call.

    The versions take turns in each round. The clock is the CPU time of this process
    (``time.process_time``; one thread with ``OPENBLAS_NUM_THREADS=1``), which leaves out the time
    spent waiting while other processes use the cores. Taking turns, rather than timing one
    version after the other, lets what load remains (caches shared with other processes) hit
    every version alike. The page faults are counted over the same calls.
    """
    timers = {name: timeit.Timer(run, timer=time.process_time) for name, run in passes.items()}
    numbers = {name: timer.autorange()[0] for name, timer in timers.items()}  # about 0.2 s each
    times = {name: [] for name in passes}
    faults = dict.fromkeys(passes, 0)
    for _ in range(REPEATS):
        for name, timer in timers.items():
            before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            times[name].append(timer.timeit(number=numbers[name]) / numbers[name])
            faults[name] += resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    per_call = {name: faults[name] / (REPEATS * numbers[name]) for name in passes}
    return {name: np.array(t) for name, t in times.items()}, per_call


def main():
    global ACTIVATION
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activation", choices=("tanh", "relu"), default="tanh")
    ACTIVATION = parser.parse_args().activation
    rng = np.random.default_rng(20261125)
    X, labels, params = make_problem(rng)
    passes = {
        "NumPy, backward by hand": lambda: numpy_pass(X, labels, params),
        "Tensor, mlmath_ref.nn": (lambda f: lambda: f(X, labels))(make_nn_pass(params)),
        "Tensor, elementary ops": lambda: elementary_pass(X, labels, params),
    }
    torch_pass = make_torch_pass(params)
    if torch_pass is not None:
        passes["PyTorch (CPU, 1 thread)"] = lambda: torch_pass(X, labels)
    loss_ref, grads_ref = numpy_pass(X, labels, params)
    for name, run in passes.items():
        loss, grads = run()
        np.testing.assert_allclose(loss, loss_ref, rtol=1e-12, err_msg=name)
        for key in grads_ref:
            message = f"{name}: {key}"
            np.testing.assert_allclose(grads[key], grads_ref[key], rtol=1e-9, atol=1e-14, err_msg=message)
    print(f"network {N_IN}-{N_HIDDEN}-{N_OUT}, {ACTIVATION}, softmax cross-entropy, batch {BATCH}, float64")
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}")
    print(f"loss {loss_ref:.6f}; every version's loss and gradients agree (rtol 1e-9)")
    if torch_pass is None:
        print("PyTorch is not installed: its line is left out")
    times, faults = interleaved_times(passes)
    reference = times["NumPy, backward by hand"]
    header = (
        f"{'forward + backward':<26} {'best':>9} {'relative':>9} {'median':>10} {'relative':>9} {'faults':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, t in times.items():
        # best: the least disturbed round (timeit's advice); median: of each round's ratio, in which
        # the load of that round cancels out
        print(
            f"{name:<26} {t.min() * 1e3:>6.3f} ms {t.min() / reference.min():>8.2f}x "
            f"{np.median(t) * 1e3:>7.3f} ms {np.median(t / reference):>8.2f}x {faults[name]:>7.1f}"
        )
    print(f"({REPEATS} rounds in which the versions take turns; faults: page faults per call)")
    malloc = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_")
    settings = [f"{k}={os.environ[k]}" for k in malloc if k in os.environ]
    print("malloc: " + (", ".join(settings) if settings else "glibc's defaults (see the docstring)"))


if __name__ == "__main__":
    main()
