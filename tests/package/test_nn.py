"""Tests of mlmath_ref.nn: properties, oracles (SciPy, autograd, PyTorch), the Notes' formulas, errors.

Every value is compared with an independent computation (SciPy's special functions, a direct
loop, HIPS autograd, PyTorch on the CPU) and every gradient with central finite differences.
PyTorch comes from the ``torch`` fixture: in CI (``CI`` set) a missing PyTorch fails the tests,
elsewhere they are skipped with the reason.
"""

import os

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath_ref.autodiff import Tensor
from mlmath_ref.nn import (
    MLP,
    Linear,
    accuracy,
    attention,
    cross_entropy,
    glorot_uniform,
    he_normal,
    log_softmax,
    mse,
    softmax,
    train,
)
from mlmath_ref.optimize import SGD, Adam, minibatches

FAST = settings(max_examples=40, deadline=None)
seeds = st.integers(0, 2**32 - 1)


@pytest.fixture(scope="module")
def torch():
    """PyTorch, an oracle of the layers and of attention; required in CI, a clear skip elsewhere."""
    try:
        import torch
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyTorch is missing, but CI must compare mlmath_ref.nn with torch.nn.functional")
        pytest.skip(
            "PyTorch is not installed: the comparison with torch.nn.functional needs it "
            '(uv pip install "torch==2.13.0+cpu" --find-links /opt/wheels, as nox -s tests does)'
        )
    torch.set_default_dtype(torch.float64)
    return torch


def numeric_grad(f, x, h=1e-6):
    """Central differences of the scalar function f at the array x."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def tensor_grad(f, x):
    """The gradient of f (Tensor -> one-number Tensor) at x, by backward()."""
    t = Tensor(x)
    f(t).backward()
    return t.grad


# ---------------------------------------------------------------------------------------------------
# softmax and log_softmax
# ---------------------------------------------------------------------------------------------------


@FAST
@given(seeds, st.integers(1, 6), st.integers(1, 6), st.sampled_from([1.0, 1e3, 1e100, 1e300]))
def test_softmax_is_a_probability_vector_and_matches_scipy(seed, m, n, scale):
    rng = np.random.default_rng(seed)
    z = rng.uniform(-1, 1, size=(m, n)) * scale
    s = softmax(z)
    assert np.all(s >= 0) and np.allclose(s.sum(axis=-1), 1.0, rtol=0, atol=1e-14)
    np.testing.assert_allclose(s, scipy.special.softmax(z, axis=-1), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(softmax(z, axis=0), scipy.special.softmax(z, axis=0), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(softmax(z + 7.0), s, rtol=1e-9, atol=1e-300)  # shift invariance


@FAST
@given(seeds, st.integers(1, 6), st.sampled_from([1.0, 1e3, 1e100, 1e300]))
def test_log_softmax_matches_scipy_and_keeps_tiny_probabilities(seed, n, scale):
    rng = np.random.default_rng(seed)
    z = rng.uniform(-1, 1, size=(3, n)) * scale
    out = log_softmax(z)
    np.testing.assert_allclose(out, scipy.special.log_softmax(z, axis=-1), rtol=1e-12, atol=1e-13)
    assert np.all(np.isfinite(out))  # np.log(softmax(z)) would give -inf at the large scales


def test_log_softmax_far_below_the_largest_is_exact():
    assert log_softmax(np.array([0.0, -1000.0])).tolist() == [0.0, -1000.0]
    with pytest.raises(ValueError, match="beyond float64"):
        log_softmax(np.array([1.7e308, -1.7e308]))


@FAST
@given(seeds, st.integers(1, 5), st.integers(0, 1))
def test_softmax_and_log_softmax_gradients_match_finite_differences_and_autograd(seed, n, axis):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(3, n)) * 2
    w = rng.normal(size=(3, n))  # a random seed gradient: the loss sum(w * f(z))
    for ours, theirs in (
        (softmax, lambda a: anp.exp(a - scipy_logsumexp(a, axis))),
        (log_softmax, lambda a: a - scipy_logsumexp(a, axis)),
    ):
        g = tensor_grad(lambda t, ours=ours: (ours(t, axis=axis) * w).sum(), z)
        fd = numeric_grad(lambda a, ours=ours: float(np.sum(ours(a, axis=axis) * w)), z)
        ag = autograd.grad(lambda a, theirs=theirs: anp.sum(theirs(a) * w))(z)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(g, ag, rtol=1e-12, atol=1e-14)


def scipy_logsumexp(a, axis):
    m = anp.max(a, axis=axis, keepdims=True)
    return m + anp.log(anp.sum(anp.exp(a - m), axis=axis, keepdims=True))


def test_softmax_vjp_is_the_closed_form_of_the_notes(rng):
    z, g = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    t = Tensor(z)
    s = softmax(t)
    s.backward(g)
    p = softmax(z)
    np.testing.assert_allclose(t.grad, p * (g - (g * p).sum(axis=1, keepdims=True)), rtol=1e-13, atol=1e-15)
    assert s.op == "softmax" and s.parents == (t,)  # one node


# ---------------------------------------------------------------------------------------------------
# cross_entropy, mse, accuracy
# ---------------------------------------------------------------------------------------------------


@FAST
@given(seeds, st.integers(1, 8), st.integers(2, 6))
def test_cross_entropy_matches_the_definition_autograd_and_finite_differences(seed, batch, k):
    rng = np.random.default_rng(seed)
    z, y = rng.normal(size=(batch, k)) * 3, rng.integers(0, k, size=batch)
    expected = -np.mean(scipy.special.log_softmax(z, axis=1)[np.arange(batch), y])
    assert cross_entropy(z, y) == pytest.approx(expected, rel=1e-12, abs=1e-15)
    t = Tensor(z)
    loss = cross_entropy(t, y)
    assert loss.op == "cross_entropy" and loss.parents == (t,)
    loss.backward()
    onehot = np.eye(k)[y]
    np.testing.assert_allclose(t.grad, (softmax(z) - onehot) / batch, rtol=1e-12, atol=1e-15)
    ag = autograd.grad(lambda a: -anp.mean((a - scipy_logsumexp(a, 1))[np.arange(batch), y]))(z)
    np.testing.assert_allclose(t.grad, ag, rtol=1e-10, atol=1e-14)
    fd = numeric_grad(lambda a: cross_entropy(a, y), z)
    np.testing.assert_allclose(t.grad, fd, rtol=1e-5, atol=1e-8)


def test_cross_entropy_at_huge_score_differences():
    z = np.array([[1e300, -1e300], [-1e300, 1e300], [5.0, 5.0]])
    assert cross_entropy(z[:1], [0]) == 0.0  # sure and right
    assert cross_entropy(z[:1], [1]) == 2e300  # sure and wrong: the loss is the gap
    assert cross_entropy(z, [1, 1, 0]) == pytest.approx((2e300 + 0 + np.log(2)) / 3, rel=1e-15)
    t = Tensor(z)
    cross_entropy(t, [1, 1, 0]).backward()
    np.testing.assert_allclose(t.grad, np.array([[1, -1], [0, 0], [-0.5, 0.5]]) / 3, atol=1e-16)
    with pytest.raises(ValueError, match="row 0 is beyond float64"):
        cross_entropy(np.array([[1.7e308, -1.7e308]]), [1])


def test_cross_entropy_mean_of_huge_losses_does_not_overflow():
    z = np.array([[1.5e308, -1.5e308]] * 2) / 2  # each loss 1.5e308; their sum overflows
    assert cross_entropy(z, [1, 1]) == pytest.approx(1.5e308, rel=1e-15)


@FAST
@given(seeds, st.integers(1, 4), st.integers(1, 4))
def test_mse_value_and_gradient(seed, m, n):
    rng = np.random.default_rng(seed)
    p, t = rng.normal(size=(m, n)), rng.normal(size=(m, n))
    assert mse(p, t) == pytest.approx(np.mean((p - t) ** 2), rel=1e-13)
    P, T = Tensor(p), Tensor(t)
    mse(P, T).backward()
    np.testing.assert_allclose(P.grad, 2 * (p - t) / p.size, rtol=1e-13)
    np.testing.assert_allclose(T.grad, -2 * (p - t) / p.size, rtol=1e-13)
    np.testing.assert_allclose(P.grad, numeric_grad(lambda a: mse(a, t), p), rtol=1e-6, atol=1e-9)


def test_mse_at_the_edges_of_float64():
    assert mse(np.array([1e150]), np.array([0.0])) == pytest.approx(1e300, rel=1e-15)
    assert mse(np.array([1e154, 1e154]), np.zeros(2)) == pytest.approx(1e308, rel=1e-14)  # the sum overflows
    with pytest.raises(ValueError, match="overflows"):
        mse(np.array([1e155]), np.zeros(1))


def test_accuracy_counts_the_argmax():
    z = np.array([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5]])
    assert accuracy(z, [1, 0, 0]) == 1.0
    assert accuracy(z, [0, 0, 1]) == pytest.approx(1 / 3)
    assert accuracy(Tensor(z), np.array([1, 1, 0])) == pytest.approx(2 / 3)
    assert accuracy(softmax(z), [1, 0, 0]) == 1.0  # softmax keeps the order


# ---------------------------------------------------------------------------------------------------
# Initializers and layers
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n_in, n_out", [(64, 128), (784, 100), (10, 1000)])
def test_initializer_variances_within_what_the_sample_size_allows(n_in, n_out):
    N = n_in * n_out
    for seed in range(3):
        W = he_normal(n_in, n_out, np.random.default_rng(seed))
        var = 2 / n_in
        assert W.shape == (n_in, n_out)
        assert abs(W.mean()) < 5 * np.sqrt(var / N)
        assert abs(W.var() - var) < 5 * var * np.sqrt(2 / N)  # the sample variance of N normals
        U = glorot_uniform(n_in, n_out, np.random.default_rng(seed))
        a = np.sqrt(6 / (n_in + n_out))
        assert U.shape == (n_in, n_out) and np.abs(U).max() <= a
        # a uniform on [-a, a] has variance a^2/3 and its square has variance 4 a^4 / 45
        assert abs(U.var() - a**2 / 3) < 5 * np.sqrt(4 * a**4 / 45 / N)
        assert abs(U.var() - 2 / (n_in + n_out)) < 5 * np.sqrt(4 * a**4 / 45 / N)


def test_initializers_are_reproducible_and_use_the_rng():
    a = he_normal(3, 4, np.random.default_rng(1))
    assert np.array_equal(a, he_normal(3, 4, np.random.default_rng(1)))
    assert not np.array_equal(a, he_normal(3, 4, np.random.default_rng(2)))


@FAST
@given(seeds, st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
def test_linear_forward_and_backward_match_numpy_autograd_and_finite_differences(seed, batch, n_in, n_out):
    rng = np.random.default_rng(seed)
    layer = Linear(n_in, n_out, rng, init="glorot")
    layer.b.data = rng.normal(size=n_out)
    x, w = rng.normal(size=(batch, n_in)), rng.normal(size=(batch, n_out))
    X = Tensor(x)
    y = layer(X)
    W, b = layer.W.data, layer.b.data
    np.testing.assert_allclose(y.data, x @ W + b, rtol=1e-13)
    (y * w).sum().backward()

    def f(x, W, b):
        return anp.sum((anp.dot(x, W) + b) * w)

    for i, ours in enumerate((X.grad, layer.W.grad, layer.b.grad)):
        np.testing.assert_allclose(ours, autograd.grad(f, i)(x, W, b), rtol=1e-12, atol=1e-14)
    fd = numeric_grad(lambda W_: float(np.sum((x @ W_ + b) * w)), W)
    np.testing.assert_allclose(layer.W.grad, fd, rtol=1e-6, atol=1e-8)
    # one example as a vector
    v = Tensor(x[0])
    (layer(v) * w[0]).sum().backward()
    np.testing.assert_allclose(v.grad, W @ w[0], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
def test_mlp_gradients_match_autograd(activation, rng):
    net = MLP([5, 7, 6, 3], rng, activation=activation)
    for layer in net.layers:
        layer.b.data = rng.normal(size=layer.n_out) * 0.1
    x, y = rng.normal(size=(9, 5)), rng.integers(0, 3, size=9)
    cross_entropy(net(x), y).backward()
    act = {"relu": lambda a: anp.maximum(a, 0), "tanh": anp.tanh, "sigmoid": lambda a: 1 / (1 + anp.exp(-a))}
    f_act = act[activation]

    def loss(params):
        h = x
        for i in range(0, len(params) - 2, 2):
            h = f_act(anp.dot(h, params[i]) + params[i + 1])
        z = anp.dot(h, params[-2]) + params[-1]
        return -anp.mean((z - scipy_logsumexp(z, 1))[np.arange(9), y])

    expected = autograd.grad(loss)([p.data for p in net.parameters()])
    for p, e in zip(net.parameters(), expected, strict=True):
        np.testing.assert_allclose(p.grad, e, rtol=1e-10, atol=1e-13)


def test_mlp_structure_and_default_initialization(rng):
    net = MLP([4, 8, 3], rng, activation="tanh")
    assert [layer.W.shape for layer in net.layers] == [(4, 8), (8, 3)]
    assert all(np.all(layer.b.data == 0) for layer in net.layers)
    bound = np.sqrt(6 / 12)  # glorot for tanh
    assert np.abs(net.layers[0].W.data).max() <= bound
    # the layers draw from rng in order: the same as Linear layers made one after the other
    a, b = MLP([4, 8, 3], np.random.default_rng(5)), np.random.default_rng(5)
    first, second = Linear(4, 8, b), Linear(8, 3, b)
    assert np.array_equal(a.layers[0].W.data, first.W.data) and np.array_equal(
        a.layers[1].W.data, second.W.data
    )
    assert net.parameters() == [net.layers[0].W, net.layers[0].b, net.layers[1].W, net.layers[1].b]


# ---------------------------------------------------------------------------------------------------
# attention
# ---------------------------------------------------------------------------------------------------


def attention_loop(Q, K, V, mask=None):
    """Scaled dot-product attention, one query and one key at a time."""
    n_q, d = Q.shape
    out = np.zeros((n_q, V.shape[1]))
    for i in range(n_q):
        allowed = [j for j in range(K.shape[0]) if mask is None or mask[i, j]]
        scores = [sum(Q[i, c] * K[j, c] for c in range(d)) / np.sqrt(d) for j in allowed]
        top = max(scores)
        weights = [np.exp(s - top) for s in scores]
        total = sum(weights)
        for w, j in zip(weights, allowed, strict=True):
            out[i] += (w / total) * V[j]
    return out


@FAST
@given(seeds, st.integers(1, 5), st.integers(1, 5), st.integers(1, 4), st.integers(1, 3), st.booleans())
def test_attention_matches_a_loop(seed, n_q, n_k, d, d_v, masked):
    rng = np.random.default_rng(seed)
    Q, K, V = rng.normal(size=(n_q, d)), rng.normal(size=(n_k, d)), rng.normal(size=(n_k, d_v))
    mask = None
    if masked:
        mask = rng.random((n_q, n_k)) < 0.6
        mask[np.arange(n_q), rng.integers(0, n_k, size=n_q)] = True  # every query keeps a key
    out, weights = attention(Q, K, V, mask=mask, return_weights=True)
    np.testing.assert_allclose(out, attention_loop(Q, K, V, mask), rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0, rtol=1e-14)
    if masked:
        assert np.all(weights[~mask] == 0)


def test_attention_gradients_match_autograd_and_finite_differences(rng):
    Q, K, V = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 2))
    mask = np.tril(np.ones((3, 5), dtype=bool), k=1)
    w = rng.normal(size=(2, 3, 2))
    ts = [Tensor(a) for a in (Q, K, V)]
    (attention(*ts, mask=mask) * w).sum().backward()

    def f(Q, K, V):
        S = anp.einsum("bqd,bkd->bqk", Q, K) / 2.0
        S = anp.where(mask, S, -1e300)
        A = anp.exp(S - anp.max(S, axis=-1, keepdims=True))
        A = A / anp.sum(A, axis=-1, keepdims=True)
        return anp.sum(anp.einsum("bqk,bkv->bqv", A, V) * w)

    for i, t in enumerate(ts):
        np.testing.assert_allclose(t.grad, autograd.grad(f, i)(Q, K, V), rtol=1e-10, atol=1e-13)
    args = [Q, K, V]
    for i, t in enumerate(ts):

        def g(a, i=i):
            b = list(args)
            b[i] = a
            return float(np.sum(attention(*b, mask=mask) * w))

        np.testing.assert_allclose(t.grad, numeric_grad(g, args[i]), rtol=1e-6, atol=1e-8)


def test_attention_with_arrays_and_tensors_mixed_treats_arrays_as_constants(rng):
    Q, K, V = rng.normal(size=(2, 3)), rng.normal(size=(4, 3)), rng.normal(size=(4, 2))
    q = Tensor(Q)
    out = attention(q, K, V)
    assert isinstance(out, Tensor) and out.parents[0] is q
    np.testing.assert_allclose(out.data, attention(Q, K, V), rtol=1e-15)


# ---------------------------------------------------------------------------------------------------
# The bridge to the optimizers, and train
# ---------------------------------------------------------------------------------------------------


def test_updating_writes_back_raises_versions_and_is_all_or_nothing():
    a, b = Tensor([1.0, 2.0]), Tensor([[3.0]])
    loss = (a * a).sum() + b.sum()
    with Tensor.updating([a, b]) as arrays:
        arrays[0] += 1
        arrays[1] *= 2
    assert a.data.tolist() == [2.0, 3.0] and b.data.tolist() == [[6.0]]
    assert not a.data.flags.writeable
    with pytest.raises(ValueError, match="changed"):
        loss.backward()  # the graph was recorded before the update
    with pytest.raises(ValueError, match=r"tensors\[1\]"):
        with Tensor.updating([a, b]) as arrays:
            arrays[0] += 1
            arrays[1][0, 0] = np.inf
    assert a.data.tolist() == [2.0, 3.0]  # nothing changed
    with pytest.raises(ValueError, match="same Tensor"):
        with Tensor.updating([a, a]):
            pass
    with pytest.raises(RuntimeError):
        with Tensor.updating([a]) as arrays:
            arrays[0] += 100
            raise RuntimeError("inside")
    assert a.data.tolist() == [2.0, 3.0]


def separable(rng, n=80):
    X = rng.normal(size=(n, 2))
    y = (X @ np.array([1.0, -2.0]) > 0).astype(int)
    X += 0.3 * np.where(y[:, None] == 1, 1, -1) * np.array([1.0, -2.0]) / np.sqrt(5)  # a margin
    return X, y


def test_train_separates_a_separable_problem(rng):
    X, y = separable(rng)
    net = MLP([2, 16, 2], rng)
    history = train(
        net, X, y, Adam(0.05), cross_entropy, epochs=30, batch_size=16, rng=rng, validation=(X, y)
    )
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 30 for v in history.values())
    assert history["accuracy"][-1] == 1.0
    assert history["loss"][-1] < history["loss"][0] / 5
    assert history["val_loss"] == history["loss"]  # the same set, the same parameters


def test_train_matches_a_hand_written_loop():
    X, y = separable(np.random.default_rng(3), n=50)
    Xv, yv = X[:10] + 0.1, y[:10]
    runs = []
    for by_hand in (False, True):
        rng = np.random.default_rng(7)
        net = MLP([2, 5, 2], rng, activation="tanh")
        opt = SGD(0.1, momentum=0.9)
        if not by_hand:
            history = train(
                net, X, y, opt, cross_entropy, epochs=4, batch_size=8, rng=rng, validation=(Xv, yv)
            )
        else:
            history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
            params = net.parameters()
            for _ in range(4):
                for idx in minibatches(len(X), 8, rng):
                    for p in params:
                        p.zero_grad()
                    cross_entropy(net(X[idx]), y[idx]).backward()
                    arrays = [p.data.copy() for p in params]
                    opt.step(arrays, [p.grad for p in params])
                    for p, a in zip(params, arrays, strict=True):
                        p.data = a
                for key, (A, b) in (("", (X, y)), ("val_", (Xv, yv))):
                    z = net(A)
                    history[key + "loss"].append(float(cross_entropy(z, b).data))
                    history[key + "accuracy"].append(accuracy(z, b))
        runs.append((history, [p.data for p in net.parameters()]))
    (h1, p1), (h2, p2) = runs
    assert h1 == h2
    for a, b in zip(p1, p2, strict=True):
        np.testing.assert_array_equal(a, b)


def test_train_for_regression_records_no_accuracy(rng):
    X = rng.normal(size=(40, 3))
    Y = X @ rng.normal(size=(3, 2))
    net = Linear(3, 2, rng, init="glorot")
    history = train(net, X, Y, Adam(0.1), mse, epochs=60, batch_size=10, rng=rng)
    assert set(history) == {"loss"}
    assert history["loss"][-1] < 1e-2 * history["loss"][0]


# ---------------------------------------------------------------------------------------------------
# Errors: each names the argument
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("shape", [(3,), (4, 3)])
def test_a_non_finite_input_is_refused_even_where_every_weight_is_zero(bad, shape):
    # Linear and MLP copy a float64 x without scanning it: the layer's output check finds NaN or inf
    # in x, because each spreads to its row of x @ W + b. It must do so even when the weights that
    # multiply that entry are all 0 (inf * 0 is NaN), and the message must still name x.
    layer = Linear(3, 2, np.random.default_rng(0))
    net = MLP([3, 4, 2], np.random.default_rng(0))
    for W in (layer.W, net.layers[0].W):
        data = W.data.copy()
        data[1] = 0.0  # the weights of input 1
        W.data = data
    x = np.ones(shape)
    x[..., 1] = bad
    for f, name in ((layer, "Linear"), (net, "MLP")):
        with pytest.raises(ValueError, match=f"^{name}: x must not contain NaN or infinite entries$"):
            f(x)


def test_an_overflowing_layer_is_named_by_the_class_that_was_called():
    x = np.full((2, 3), 1e308)  # times weights of 10: beyond float64 in every output
    layer = Linear(3, 2, np.random.default_rng(0))
    net = MLP([3, 4, 2], np.random.default_rng(0))
    layer.W.data = np.full((3, 2), 10.0)
    net.layers[0].W.data = np.full((3, 4), 10.0)
    with pytest.raises(ValueError, match=r"^Linear: the output x @ W \+ b overflows float64"):
        layer(x)
    with pytest.raises(ValueError, match=r"^MLP: the output x @ W \+ b of a layer overflows float64"):
        net(x)


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"])
@pytest.mark.parametrize("classes", [3, 127, 128, 129, 200, 300, 40000, 70000])
def test_integer_labels_of_every_dtype_are_checked_at_both_ends(dtype, classes):
    # The common case (an integer array) is checked by one reduction on its bits read as unsigned:
    # a negative label must be refused for every width and every number of classes, and a label must
    # be accepted exactly when a list holding the same numbers is.
    info = np.iinfo(dtype)
    logits = np.zeros((3, classes))
    candidates = {0, 1, classes - 1, classes, classes + 1, info.max, -1, -2, info.min}
    for bad in sorted(c for c in candidates if info.min <= c <= info.max):
        labels = np.array([0, bad, 0], dtype=dtype)
        if 0 <= bad < classes:
            assert cross_entropy(logits, labels) == pytest.approx(np.log(classes))
            assert cross_entropy(logits, labels) == cross_entropy(logits, [0, int(bad), 0])
        else:
            with pytest.raises(ValueError, match="labels must be class indices"):
                cross_entropy(logits, labels)


@pytest.mark.parametrize(
    "call, error, match",
    [
        (
            lambda: cross_entropy(np.zeros((2, 3)), [0, 3]),
            ValueError,
            r"labels must be class indices in 0, \.\.\., 2",
        ),
        (lambda: cross_entropy(np.zeros((2, 3)), [0, -1]), ValueError, "labels must be class indices"),
        (
            lambda: cross_entropy(np.zeros((2, 3)), [0.0, 1.0]),
            TypeError,
            "labels must be integer class indices",
        ),
        (lambda: cross_entropy(np.zeros((2, 3)), [True, False]), TypeError, "True and False"),
        (lambda: cross_entropy(np.zeros((2, 3)), [0]), ValueError, "labels must be a vector of 2"),
        (lambda: cross_entropy(np.zeros(3), [0]), ValueError, "cross_entropy: logits must be a matrix"),
        (lambda: cross_entropy(Tensor(np.zeros((1, 2, 3))), [0]), ValueError, "logits must be a matrix"),
        (lambda: cross_entropy(np.zeros((2, 3)), Tensor([0.0, 1.0])), TypeError, "got a Tensor"),
        (lambda: accuracy(np.zeros(3), [0]), ValueError, "accuracy: logits must be a matrix"),
        (lambda: softmax(np.float64(1.0)), ValueError, "softmax: z must have at least 1"),
        (lambda: softmax(np.zeros(3), axis=1.0), TypeError, "axis must be an integer"),
        (lambda: log_softmax([1.0, np.nan]), ValueError, "log_softmax: z must not contain NaN"),
        (lambda: mse(np.zeros((3, 1)), np.zeros(3)), ValueError, "same shape"),
        (
            lambda: attention(np.ones((1, 2)), np.ones((2, 2)), np.ones((2, 1)), mask=np.zeros((1, 2), bool)),
            ValueError,
            "mask blocks every key",
        ),
        (
            lambda: attention(np.ones((1, 2)), np.ones((2, 2)), np.ones((2, 1)), mask=np.ones((1, 2))),
            TypeError,
            "mask must be a boolean array",
        ),
        (
            lambda: attention(np.ones((1, 2)), np.ones((2, 2)), np.ones((2, 1)), mask=np.ones((3, 2), bool)),
            ValueError,
            "does not broadcast",
        ),
        (lambda: attention(np.ones((1, 2)), np.ones((2, 3)), np.ones((2, 1))), ValueError, "same length d"),
        (lambda: attention(np.ones((1, 2)), np.ones((2, 2)), np.ones((3, 1))), ValueError, "one row per key"),
        (
            lambda: attention(np.ones(2), np.ones((2, 2)), np.ones((2, 1))),
            ValueError,
            "Q must have at least 2",
        ),
        (
            lambda: Linear(3, 2, np.random.default_rng(0))(np.ones((4, 5))),
            ValueError,
            "x must have 3 entries per row",
        ),
        (lambda: MLP([3, 4, 2], np.random.default_rng(0))(np.ones((4, 5))), ValueError, r"sizes\[0\]"),
        (lambda: Linear(3, 0, np.random.default_rng(0)), ValueError, "Linear: n_out must be positive"),
        (lambda: Linear(3, 2.5, np.random.default_rng(0)), TypeError, "n_out"),
        (lambda: Linear(3, 2, np.random.default_rng(0), init="xavier"), ValueError, "init must be"),
        (lambda: MLP([3, 0], np.random.default_rng(0)), ValueError, r"sizes\[1\]"),
        (lambda: MLP(3, np.random.default_rng(0)), TypeError, "sizes must be a list"),
        (lambda: MLP([3, 2], np.random.default_rng(0), activation="gelu"), ValueError, "activation must be"),
        (lambda: Linear(3, 2, 0), TypeError, "Linear: rng must be a numpy.random.Generator"),
        (lambda: MLP([3, 2], np.random.RandomState(0)), TypeError, "MLP: rng must be"),
        (lambda: he_normal(3, 2, None), TypeError, "he_normal: rng must be"),
        (lambda: glorot_uniform(3, 2, 42), TypeError, "glorot_uniform: rng must be"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_train_refuses_bad_arguments(rng):
    X, y = np.ones((4, 2)), np.array([0, 1, 0, 1])
    net = MLP([2, 3, 2], rng)
    ok = dict(optimizer=Adam(), loss=cross_entropy, epochs=1, batch_size=2, rng=rng)
    cases = [
        (dict(rng=0), TypeError, "train: rng must be"),
        (dict(epochs=0), ValueError, "train: epochs must be positive"),
        (dict(batch_size=1.5), TypeError, "batch_size"),
        (dict(optimizer=object()), TypeError, "optimizer must have a step"),
        (dict(loss="cross_entropy"), TypeError, "loss must be callable"),
        (dict(loss=lambda z, y: 0.0), TypeError, "must return a Tensor holding one number"),
        (dict(validation=(X,)), TypeError, "validation must be a pair"),
        (dict(validation=(np.ones((2, 3)), y[:2])), ValueError, "X_val must have rows"),
    ]
    for change, error, match in cases:
        with pytest.raises(error, match=match):
            train(net, X, y, **{**ok, **change})
    with pytest.raises(ValueError, match="train: X must"):
        train(net, np.ones(4), y, **ok)
    with pytest.raises(TypeError, match="train: model must be callable"):
        train(object(), X, y, **ok)
    with pytest.raises(ValueError, match="labels must be class indices"):
        train(net, X, np.array([0, 1, 2, 1]), **ok)


# ---------------------------------------------------------------------------------------------------
# Agreement with PyTorch (torch.nn.functional on float64, the CPU build)
# ---------------------------------------------------------------------------------------------------


def torch_grads(torch, f, *arrays):
    """The value of f on float64 torch tensors holding `arrays`, and the gradient of each."""
    ts = [torch.tensor(a, requires_grad=True) for a in arrays]
    out = f(*ts)
    out.backward()
    return out.detach().numpy(), [t.grad.numpy() for t in ts]


@settings(max_examples=25, deadline=None)
@given(seeds, st.integers(1, 6), st.integers(2, 6), st.sampled_from([1.0, 30.0, 1e3]))
def test_softmax_losses_and_gradients_match_pytorch(torch, seed, batch, k, scale):
    F = torch.nn.functional
    rng = np.random.default_rng(seed)
    z, w = rng.normal(size=(batch, k)) * scale, rng.normal(size=(batch, k))
    y = rng.integers(0, k, size=batch)
    for ours, theirs in ((softmax, F.softmax), (log_softmax, F.log_softmax)):
        value, (grad,) = torch_grads(
            torch, lambda a, theirs=theirs: (theirs(a, dim=-1) * torch.tensor(w)).sum(), z
        )
        t = Tensor(z)
        out = (ours(t) * w).sum()
        out.backward()
        np.testing.assert_allclose(float(out.data), value, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(t.grad, grad, rtol=1e-10, atol=1e-13)
    value, (grad,) = torch_grads(torch, lambda a: F.cross_entropy(a, torch.tensor(y)), z)
    t = Tensor(z)
    loss = cross_entropy(t, y)
    loss.backward()
    np.testing.assert_allclose(float(loss.data), value, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(t.grad, grad, rtol=1e-10, atol=1e-15)
    target = rng.normal(size=(batch, k))
    value, (gp, gt) = torch_grads(torch, F.mse_loss, z, target)
    P, T = Tensor(z), Tensor(target)
    loss = mse(P, T)
    loss.backward()
    np.testing.assert_allclose(float(loss.data), value, rtol=1e-12)
    np.testing.assert_allclose(P.grad, gp, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(T.grad, gt, rtol=1e-12, atol=1e-15)


def test_cross_entropy_matches_pytorch_at_huge_score_differences(torch):
    z = np.array([[1e300, -1e300, 0.0], [-1e300, 1e300, 5.0], [3.0, 3.0, -1e300]])
    y = np.array([1, 1, 0])
    value, (grad,) = torch_grads(torch, lambda a: torch.nn.functional.cross_entropy(a, torch.tensor(y)), z)
    t = Tensor(z)
    loss = cross_entropy(t, y)
    loss.backward()
    assert float(loss.data) == pytest.approx(float(value), rel=1e-15)
    np.testing.assert_allclose(t.grad, grad, rtol=1e-15, atol=1e-300)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
def test_mlp_forward_and_backward_match_pytorch(torch, activation, rng):
    net = MLP([6, 9, 7, 4], rng, activation=activation)
    for layer in net.layers:
        layer.b.data = rng.normal(size=layer.n_out)
    x, y = rng.normal(size=(11, 6)), rng.integers(0, 4, size=11)
    # PyTorch's nn.Linear stores W transposed: (n_out, n_in)
    layers = []
    for layer in net.layers:
        lin = torch.nn.Linear(layer.n_in, layer.n_out, dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(layer.W.data.T))
            lin.bias.copy_(torch.tensor(layer.b.data))
        layers.append(lin)
    act = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}[activation]
    X = torch.tensor(x, requires_grad=True)
    h = X
    for lin in layers[:-1]:
        h = act(lin(h))
    logits = layers[-1](h)
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y))
    loss.backward()
    ours_x = Tensor(x)
    ours_logits = net(ours_x)
    ours = cross_entropy(ours_logits, y)
    ours.backward()
    np.testing.assert_allclose(ours_logits.data, logits.detach().numpy(), rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(float(ours.data), float(loss.detach()), rtol=1e-12)
    np.testing.assert_allclose(ours_x.grad, X.grad.numpy(), rtol=1e-9, atol=1e-14)
    for layer, lin in zip(net.layers, layers, strict=True):
        np.testing.assert_allclose(layer.W.grad, lin.weight.grad.numpy().T, rtol=1e-9, atol=1e-14)
        np.testing.assert_allclose(layer.b.grad, lin.bias.grad.numpy(), rtol=1e-9, atol=1e-14)


@settings(max_examples=25, deadline=None)
@given(seeds, st.integers(1, 3), st.integers(1, 5), st.integers(1, 5), st.integers(1, 4), st.booleans())
def test_attention_matches_pytorch_scaled_dot_product_attention(torch, seed, batch, n_q, n_k, d, masked):
    rng = np.random.default_rng(seed)
    Q, K, V = (
        rng.normal(size=(batch, n_q, d)),
        rng.normal(size=(batch, n_k, d)),
        rng.normal(size=(batch, n_k, 3)),
    )
    w = rng.normal(size=(batch, n_q, 3))
    mask = None
    if masked:
        mask = rng.random((n_q, n_k)) < 0.5
        mask[np.arange(n_q), rng.integers(0, n_k, size=n_q)] = True
    torch_mask = None if mask is None else torch.tensor(mask)
    value, grads = torch_grads(
        torch,
        lambda q, k, v: (
            torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=torch_mask) * torch.tensor(w)
        ).sum(),
        Q,
        K,
        V,
    )
    ts = [Tensor(a) for a in (Q, K, V)]
    out = (attention(*ts, mask=mask) * w).sum()
    out.backward()
    np.testing.assert_allclose(float(out.data), value, rtol=1e-11, atol=1e-12)
    for t, g in zip(ts, grads, strict=True):
        np.testing.assert_allclose(t.grad, g, rtol=1e-9, atol=1e-12)


def test_initializers_have_pytorchs_distributions(torch, rng):
    # PyTorch's xavier_uniform_ and kaiming_normal_ on a weight of shape (n_out, n_in): the same
    # bound and standard deviation as ours on (n_in, n_out)
    n_in, n_out = 300, 200
    w = torch.empty(n_out, n_in)
    torch.nn.init.xavier_uniform_(w)
    bound = np.sqrt(6 / (n_in + n_out))
    assert float(w.abs().max()) <= bound and np.abs(glorot_uniform(n_in, n_out, rng)).max() <= bound
    assert (
        float(w.abs().max()) > 0.99 * bound and np.abs(glorot_uniform(n_in, n_out, rng)).max() > 0.99 * bound
    )
    torch.nn.init.kaiming_normal_(w, nonlinearity="relu")
    ours = he_normal(n_in, n_out, rng)
    N = n_in * n_out
    for sample in (w.numpy(), ours):
        assert abs(sample.var() - 2 / n_in) < 5 * (2 / n_in) * np.sqrt(2 / N)


# ---------------------------------------------------------------------------------------------------
# The fused nodes and the engine's fast paths change no gradient: random compositions vs autograd
# ---------------------------------------------------------------------------------------------------

# (name, on Tensors, on autograd.numpy arrays): each maps an (n, 4) input to an (n, 4) output
STAGES = {
    "linear": (lambda h, W, b: Linear_apply(h, W, b), lambda h, W, b: anp.dot(h, W) + b),
    "tanh": (lambda h, W, b: h.tanh(), lambda h, W, b: anp.tanh(h)),
    "relu": (lambda h, W, b: h.relu(), lambda h, W, b: anp.maximum(h, 0)),
    "sigmoid": (lambda h, W, b: h.sigmoid(), lambda h, W, b: 1 / (1 + anp.exp(-h))),
    "softmax": (lambda h, W, b: softmax(h), lambda h, W, b: anp.exp(h - scipy_logsumexp(h, 1))),
    "log_softmax": (lambda h, W, b: log_softmax(h, axis=0), lambda h, W, b: h - scipy_logsumexp(h, 0)),
    "self-attention": (lambda h, W, b: attention(h, h @ W, h), lambda h, W, b: self_attention(h, W)),
    "times-self": (lambda h, W, b: h * h + b, lambda h, W, b: h * h + b),
}


def self_attention(h, W):
    """Attention with queries h, keys h W and values h, in autograd.numpy (d = 4)."""
    S = anp.dot(h, anp.dot(h, W).T) / 2.0
    return anp.dot(anp.exp(S - scipy_logsumexp(S, 1)), h)


def Linear_apply(h, W, b):
    layer = Linear(4, 4, np.random.default_rng(0))
    layer.W, layer.b = W, b
    return layer(h)


@pytest.mark.filterwarnings("ignore:Output seems independent of input")  # autograd, when W or b is unused
@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(STAGES)), min_size=1, max_size=6), seeds, st.booleans())
def test_random_compositions_agree_with_autograd(stages, seed, classify):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(5, 4))
    W, b = rng.normal(size=(4, 4)) / 2, rng.normal(size=4)
    y = rng.integers(0, 4, size=5)
    target = rng.normal(size=(5, 4))

    def ours(x, W, b):
        h = x
        for s in stages:
            h = STAGES[s][0](h, W, b)
        return cross_entropy(h, y) if classify else mse(h, target)

    def theirs(x, W, b):
        h = x
        for s in stages:
            h = STAGES[s][1](h, W, b)
        if classify:
            return -anp.mean((h - scipy_logsumexp(h, 1))[np.arange(5), y])
        return anp.mean((h - target) ** 2)

    ts = [Tensor(a) for a in (x, W, b)]
    loss = ours(*ts)
    loss.backward()
    assert float(loss.data) == pytest.approx(float(theirs(x, W, b)), rel=1e-11, abs=1e-13)
    for i, t in enumerate(ts):
        with np.errstate(over="ignore"):  # autograd's tanh rule, g / cosh(x)**2, overflows to the right 0
            expected = autograd.grad(theirs, i)(x, W, b)
        np.testing.assert_allclose(t.grad, expected, rtol=1e-8, atol=1e-12, err_msg=f"{stages}, argument {i}")


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_fused_layers_on_one_example_and_on_a_second_backward(activation, rng):
    net = MLP([3, 5, 2], rng, activation=activation)
    x = rng.normal(size=3)
    out = net(x)  # one example, a vector: the same as the row of a batch of one
    np.testing.assert_allclose(out.data, net(x[None, :]).data[0], rtol=1e-15)
    assert out.parents[0].op == f"linear+{activation}"
    w = rng.normal(size=2)
    loss = (out * w).sum()
    loss.backward()
    first = [p.grad.copy() for p in net.parameters()]
    loss.backward()  # leaves accumulate: twice the gradient, through the same (reset) cache
    for p, g in zip(net.parameters(), first, strict=True):
        np.testing.assert_allclose(p.grad, 2 * g, rtol=1e-15)
    act = {"relu": lambda a: anp.maximum(a, 0), "tanh": anp.tanh}[activation]

    def f(W1, b1, W2, b2):
        return anp.sum((anp.dot(act(anp.dot(x, W1) + b1), W2) + b2) * w)

    expected = autograd.grad(f, (0, 1, 2, 3))(*[p.data for p in net.parameters()])
    for g, e in zip(first, expected, strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-15)
