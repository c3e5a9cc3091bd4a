"""Tests of mlmath_ref.optimize: properties, PyTorch's torch.optim as oracle, the Notes' rules, errors.

The optimizers are compared with PyTorch step for step on random parameters, gradients and
hyperparameters. PyTorch comes from the ``torch`` fixture: in CI (``CI`` set) a missing PyTorch
fails the tests, elsewhere they are skipped with the reason.
"""

import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath_ref.optimize import SGD, Adam, RMSProp, gradient_descent, minibatches, newton

seeds = st.integers(0, 2**32 - 1)
FAST = settings(max_examples=50, deadline=None)


@pytest.fixture(scope="module")
def torch():
    """PyTorch, the oracle of the optimizers; required in CI, a clear skip elsewhere."""
    try:
        import torch
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyTorch is missing, but CI must compare the optimizers with torch.optim")
        pytest.skip(
            "PyTorch is not installed: the comparison with torch.optim needs it "
            '(uv pip install "torch==2.13.0+cpu" --find-links /opt/wheels, as nox -s tests does)'
        )
    return torch


def spd(rng, n, low=0.5, high=10.0):
    """A random symmetric positive definite matrix with eigenvalues in [low, high], and them."""
    Q = np.linalg.qr(rng.normal(size=(n, n)))[0]
    lam = np.sort(rng.uniform(low, high, size=n))
    lam[-1] = high
    return Q @ np.diag(lam) @ Q.T, lam


# ---------------------------------------------------------------------------
# Defining properties
# ---------------------------------------------------------------------------


@FAST
@given(seeds, st.integers(1, 5), st.floats(0.05, 0.95))
def test_gradient_descent_converges_below_two_over_the_largest_curvature(seed, n, fraction):
    rng = np.random.default_rng(seed)
    A, lam = spd(rng, n)
    x_star = rng.normal(size=n)
    eta = fraction * 2 / lam[-1]
    path = gradient_descent(lambda x: A @ (x - x_star), x_star + rng.normal(size=n), eta, 400)
    # every eigen-coordinate of the error shrinks by |1 - eta lambda| < 1 at each step
    rate = np.max(np.abs(1 - eta * lam))
    errors = np.linalg.norm(path - x_star, axis=1)
    assert errors[-1] <= rate**400 * errors[0] * (1 + 1e-9) + 1e-12


@FAST
@given(seeds, st.integers(1, 5), st.floats(1.05, 1.5))
def test_gradient_descent_diverges_above_two_over_the_largest_curvature(seed, n, fraction):
    rng = np.random.default_rng(seed)
    A, lam = spd(rng, n, high=4.0)
    Q = np.linalg.eigh(A)[1]
    eta = fraction * 2 / lam[-1]
    path = gradient_descent(lambda x: A @ x, rng.normal(size=n) + Q[:, -1], eta, 20)
    top = path @ Q[:, -1]  # the coordinate along the steepest direction
    np.testing.assert_allclose(top[1:] / top[:-1], 1 - eta * lam[-1], rtol=1e-8)
    assert abs(1 - eta * lam[-1]) > 1 and abs(top[-1]) > abs(top[0])


@FAST
@given(seeds, st.integers(1, 5))
def test_newton_solves_a_quadratic_in_one_step_even_at_a_saddle(seed, n):
    rng = np.random.default_rng(seed)
    M = rng.normal(size=(n, n))
    H = M + M.T + np.diag(rng.choice([-3.0, 3.0], size=n))  # symmetric, often indefinite
    if abs(np.linalg.det(H)) < 1e-3:
        H += 5 * np.eye(n)
    b = rng.normal(size=n)
    path = newton(lambda x: H @ x - b, lambda x: H, rng.normal(size=n), 3)
    critical = np.linalg.solve(H, b)  # where the gradient vanishes: a minimum only if H is definite
    np.testing.assert_allclose(path[1], critical, atol=1e-9 * (1 + np.abs(critical).max()))
    np.testing.assert_allclose(path[3], path[1], atol=1e-9 * (1 + np.abs(critical).max()))


def test_newton_converges_quadratically():
    # f(x) = sum(exp(x) - 2x): minimum at log 2 in each coordinate, Hessian diag(exp(x)) > 0.
    path = newton(lambda x: np.exp(x) - 2, lambda x: np.diag(np.exp(x)), [1.5, -0.5], 8)
    errors = np.abs(path[:, 0] - math.log(2))
    ratios = errors[2:5] / errors[1:4] ** 2
    np.testing.assert_allclose(ratios, 0.5, rtol=0.2)  # e_{k+1} ~ f'''/(2 f'') e_k^2 = e_k^2 / 2
    np.testing.assert_allclose(path[-1], math.log(2), rtol=1e-15)


@FAST
@given(seeds, st.integers(1, 4))
def test_newton_does_not_depend_on_a_linear_change_of_coordinates(seed, n):
    rng = np.random.default_rng(seed)
    B = rng.normal(size=(n, n)) + 3 * np.eye(n)
    c = np.abs(rng.normal(size=n)) + 0.5

    def grad(x):  # f(x) = sum(exp(x) - c x), minimal at log c
        return np.exp(x) - c

    def hess(x):
        return np.diag(np.exp(x))

    x0 = rng.normal(size=n) * 0.3
    path = newton(grad, hess, x0, 4)
    # g(u) = f(B u): gradient B^T grad(B u), Hessian B^T hess(B u) B
    path_u = newton(lambda u: B.T @ grad(B @ u), lambda u: B.T @ hess(B @ u) @ B, np.linalg.solve(B, x0), 4)
    np.testing.assert_allclose(path_u @ B.T, path, rtol=1e-8, atol=1e-10)


def test_the_path_does_not_see_what_grad_does_to_its_argument():
    def greedy(x):
        g = 2 * x
        x[:] = 100.0  # a user function that writes into its argument
        return g

    path = gradient_descent(greedy, [1.0, -1.0], 0.25, 2)
    np.testing.assert_array_equal(path, [[1.0, -1.0], [0.5, -0.5], [0.25, -0.25]])
    path = newton(greedy, lambda x: 2 * np.eye(2), [1.0, -1.0], 1)
    np.testing.assert_array_equal(path, [[1.0, -1.0], [0.0, 0.0]])


@FAST
@given(seeds, st.integers(1, 60), st.integers(1, 70))
def test_minibatches_partition_the_indices(seed, n, batch_size):
    batches = minibatches(n, batch_size, np.random.default_rng(seed))
    sizes = [len(b) for b in batches]
    assert len(batches) == math.ceil(n / batch_size)
    assert sizes[:-1] == [batch_size] * (len(batches) - 1)
    assert sizes[-1] == (n % batch_size or min(batch_size, n))
    np.testing.assert_array_equal(np.sort(np.concatenate(batches)), np.arange(n))


def test_minibatches_are_shuffled_and_reproducible():
    first = minibatches(1000, 100, np.random.default_rng(7))
    again = minibatches(1000, 100, np.random.default_rng(7))
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    rng = np.random.default_rng(7)
    minibatches(1000, 100, rng)
    next_epoch = minibatches(1000, 100, rng)  # the generator moved on: a new shuffle
    assert not np.array_equal(np.concatenate(first), np.concatenate(next_epoch))
    assert not np.array_equal(np.concatenate(first), np.arange(1000))


@FAST
@given(seeds, st.floats(1e-3, 1.0))
def test_sgd_without_momentum_is_gradient_descent(seed, eta):
    rng = np.random.default_rng(seed)
    A, _ = spd(rng, 3)
    x = rng.normal(size=3)
    path = gradient_descent(lambda v: A @ v, x, eta, 10)
    opt = SGD(eta)
    for k in range(10):
        opt.step([x], [A @ x])
        np.testing.assert_array_equal(x, path[k + 1])


def test_momentum_velocity_is_a_geometric_sum_of_a_constant_gradient():
    w, g, mu = np.zeros(2), np.array([1.0, -2.0]), 0.9
    opt = SGD(0.01, momentum=mu)
    for t in range(1, 50):
        opt.step([w], [g])
        np.testing.assert_allclose(opt.state[0]["momentum_buffer"], (1 - mu**t) / (1 - mu) * g, rtol=1e-13)
    assert opt.t == 49


def test_momentum_beats_the_best_plain_step_in_a_ravine():
    # Curvatures 1 and 100. The best plain step, 2/(1 + 100), shrinks the error by 99/101 per step;
    # the heavy ball with eta = 4/(1 + 10)^2 and mu = (9/11)^2 by about 9/11 (rates (k-1)/(k+1) against
    # (sqrt k - 1)/(sqrt k + 1) for the condition number k = 100).
    A = np.diag([1.0, 100.0])
    plain, heavy = np.array([1.0, 1.0]), np.array([1.0, 1.0])
    sgd, mom = SGD(2 / 101), SGD(4 / 121, momentum=(9 / 11) ** 2)
    for _ in range(100):
        sgd.step([plain], [A @ plain])
        mom.step([heavy], [A @ heavy])
    assert np.linalg.norm(plain) > 0.1
    assert np.linalg.norm(heavy) < 1e-6


@FAST
@given(seeds, st.floats(1e-4, 1.0), st.floats(0.0, 0.999))
def test_adam_and_rmsprop_first_steps_have_the_documented_size(seed, eta, alpha):
    rng = np.random.default_rng(seed)
    g = rng.normal(size=5) * 10.0 ** rng.uniform(-3, 3, size=5)
    w = np.zeros(5)
    Adam(eta).step([w], [g])
    np.testing.assert_allclose(w, -eta * np.sign(g) * np.abs(g) / (np.abs(g) + 1e-8), rtol=1e-12)
    w = np.zeros(5)
    RMSProp(eta, alpha=alpha).step([w], [g])
    np.testing.assert_allclose(w, -eta * g / (math.sqrt(1 - alpha) * np.abs(g) + 1e-8), rtol=1e-12)


@pytest.mark.parametrize("make", [lambda: SGD(0.1, momentum=0.5), RMSProp, Adam])
def test_a_failed_step_changes_nothing(make):
    opt = make()
    w, v = np.ones(2), np.ones(3)
    opt.step([w, v], [np.ones(2), np.ones(3)])
    before = (w.copy(), v.copy(), [dict(s) for s in opt.state], opt.t)
    with pytest.raises(ValueError, match=r"grads\[1\] must have the shape"):
        opt.step([w, v], [np.ones(2), np.ones(2)])
    with pytest.raises(ValueError, match=r"grads\[1\] must not contain NaN"):
        opt.step([w, v], [np.ones(2), np.array([1.0, np.nan, 1.0])])
    np.testing.assert_array_equal(w, before[0])
    np.testing.assert_array_equal(v, before[1])
    assert opt.t == before[3]
    for now, then in zip(opt.state, before[2], strict=True):
        assert now.keys() == then.keys() and all(np.array_equal(now[k], then[k]) for k in now)


@pytest.mark.parametrize("make", [lambda: SGD(0.1, momentum=0.9), RMSProp, Adam])
def test_float32_parameters_stay_float32(make):
    w64 = np.linspace(-1, 1, 5)
    w32 = w64.astype(np.float32)
    a, b = make(), make()
    for k in range(5):
        g = np.cos(w64 + k)
        a.step([w64], [g])
        b.step([w32], [g.astype(np.float32)])
    assert w32.dtype == np.float32
    np.testing.assert_allclose(w32, w64, rtol=1e-5, atol=1e-6)


def test_repr_shows_the_hyperparameters():
    assert (
        repr(SGD(0.1, momentum=0.9))
        == "SGD(learning_rate=0.1, momentum=0.9, nesterov=False, weight_decay=0.0)"
    )
    assert repr(Adam()) == "Adam(learning_rate=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0)"
    assert repr(RMSProp()) == "RMSProp(learning_rate=0.01, alpha=0.99, eps=1e-08, weight_decay=0.0)"


# ---------------------------------------------------------------------------
# Agreement with PyTorch's torch.optim, step for step
# ---------------------------------------------------------------------------

SHAPES = st.lists(st.sampled_from([(), (1,), (3,), (2, 3), (4, 1, 2)]), min_size=1, max_size=3)


def hyperparameters(kind):
    """Random hyperparameters of one optimizer, as (ours, PyTorch's keyword arguments)."""
    lr = st.floats(1e-4, 1.0)
    decay = st.one_of(st.just(0.0), st.floats(1e-4, 0.1))
    fraction = st.floats(0.0, 0.999)
    if kind == "SGD":

        @st.composite
        def draw(draw):
            eta, mu, wd = draw(lr), draw(st.one_of(st.just(0.0), fraction)), draw(decay)
            nesterov = mu > 0 and draw(st.booleans())
            return (
                SGD(eta, momentum=mu, nesterov=nesterov, weight_decay=wd),
                dict(lr=eta, momentum=mu, nesterov=nesterov, weight_decay=wd),
            )

    elif kind == "RMSProp":

        @st.composite
        def draw(draw):
            eta, alpha, eps, wd = draw(lr), draw(fraction), draw(st.floats(1e-10, 1e-3)), draw(decay)
            return (
                RMSProp(eta, alpha=alpha, eps=eps, weight_decay=wd),
                dict(lr=eta, alpha=alpha, eps=eps, weight_decay=wd),
            )

    else:

        @st.composite
        def draw(draw):
            eta, b1, b2, eps, wd = (
                draw(lr),
                draw(fraction),
                draw(fraction),
                draw(st.floats(1e-10, 1e-3)),
                draw(decay),
            )
            return (
                Adam(eta, betas=(b1, b2), eps=eps, weight_decay=wd),
                dict(lr=eta, betas=(b1, b2), eps=eps, weight_decay=wd),
            )

    return draw()


TORCH_CLASS = {"SGD": "SGD", "RMSProp": "RMSprop", "Adam": "Adam"}


def run_against_torch(torch, ours, kwargs, kind, shapes, seed, num_steps):
    """Take the same steps with ours and torch.optim; return the largest scaled difference seen."""
    rng = np.random.default_rng(seed)
    params = [np.array(rng.normal(size=s) * 10.0 ** rng.uniform(-2, 2)) for s in shapes]
    tensors = [torch.tensor(p.copy(), dtype=torch.float64, requires_grad=True) for p in params]
    theirs = getattr(torch.optim, TORCH_CLASS[kind])(tensors, foreach=False, **kwargs)
    for _ in range(num_steps):
        # gradients from 1e-9 (where eps matters) to 1e3, a few exactly zero
        grads = [rng.normal(size=p.shape) * 10.0 ** rng.uniform(-9, 3, size=p.shape) for p in params]
        grads = [np.where(rng.random(g.shape) < 0.05, 0.0, g) for g in grads]
        ours.step(params, grads)
        for t, g in zip(tensors, grads, strict=True):
            t.grad = torch.tensor(g)
        theirs.step()
        for p, t in zip(params, tensors, strict=True):
            expected = t.detach().numpy()
            np.testing.assert_allclose(p, expected, rtol=1e-11, atol=1e-11 * (1 + np.abs(expected).max()))
    if kind == "SGD" and kwargs["momentum"]:
        for state, t in zip(ours.state, tensors, strict=True):
            expected = theirs.state[t]["momentum_buffer"].numpy()
            np.testing.assert_allclose(
                state["momentum_buffer"], expected, rtol=1e-10, atol=1e-10 * np.abs(expected).max()
            )
    if kind == "Adam":
        for state, t in zip(ours.state, tensors, strict=True):
            # the gradients include weight_decay * theta, which carries the params' own tiny differences
            expected = theirs.state[t]["exp_avg_sq"].numpy()
            np.testing.assert_allclose(
                state["exp_avg_sq"], expected, rtol=1e-10, atol=1e-10 * np.abs(expected).max()
            )


@pytest.mark.parametrize("kind", ["SGD", "RMSProp", "Adam"])
def test_matches_torch_optim_on_random_problems(torch, kind):
    @settings(max_examples=60, deadline=None)
    @given(hyperparameters(kind), SHAPES, seeds, st.integers(1, 30))
    def check(pair, shapes, seed, num_steps):
        ours, kwargs = pair
        run_against_torch(torch, ours, kwargs, kind, shapes, seed, num_steps)

    check()


@pytest.mark.parametrize(
    "ours, kind, kwargs",
    [
        (SGD(0.01), "SGD", dict(lr=0.01)),
        (SGD(0.01, momentum=0.9), "SGD", dict(lr=0.01, momentum=0.9)),
        (
            SGD(0.01, momentum=0.9, nesterov=True, weight_decay=1e-3),
            "SGD",
            dict(lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-3),
        ),
        (RMSProp(), "RMSProp", {}),
        (RMSProp(weight_decay=1e-2), "RMSProp", dict(weight_decay=1e-2)),
        (Adam(), "Adam", {}),
        (Adam(0.01, weight_decay=1e-2), "Adam", dict(lr=0.01, weight_decay=1e-2)),
    ],
    ids=["sgd", "momentum", "nesterov-decay", "rmsprop", "rmsprop-decay", "adam", "adam-decay"],
)
def test_matches_torch_optim_over_a_long_training(torch, ours, kind, kwargs):
    # 1000 steps of a training loop whose gradients depend on the parameters: differences would grow.
    rng = np.random.default_rng(3)
    A = rng.normal(size=(20, 5))
    y = rng.normal(size=20)
    w = np.zeros(5)
    t = torch.zeros(5, dtype=torch.float64, requires_grad=True)
    theirs = getattr(torch.optim, TORCH_CLASS[kind])([t], foreach=False, **kwargs)
    for _ in range(1000):
        ours.step([w], [A.T @ (A @ w - y) / 20])
        theirs.zero_grad()
        loss = ((torch.tensor(A) @ t - torch.tensor(y)) ** 2).sum() / 40
        loss.backward()
        theirs.step()
    np.testing.assert_allclose(w, t.detach().numpy(), rtol=1e-10, atol=1e-12)
    assert np.linalg.norm(A.T @ (A @ w - y)) < np.linalg.norm(A.T @ y)  # it did train


@pytest.mark.parametrize("kind", ["SGD", "RMSProp", "Adam"])
def test_defaults_are_pytorchs(torch, kind):
    import inspect

    ours = inspect.signature({"SGD": SGD, "RMSProp": RMSProp, "Adam": Adam}[kind]).parameters
    theirs = inspect.signature(getattr(torch.optim, TORCH_CLASS[kind])).parameters
    names = {"learning_rate": "lr"}
    for name, parameter in ours.items():
        if parameter.default is inspect.Parameter.empty:
            continue  # SGD's learning rate: required here, as in the issue
        assert theirs[names.get(name, name)].default == parameter.default, name


def test_float32_matches_torch_in_float32(torch):
    rng = np.random.default_rng(5)
    w = rng.normal(size=6).astype(np.float32)
    t = torch.tensor(w.copy(), requires_grad=True)
    ours, theirs = (
        Adam(0.01, weight_decay=0.1),
        torch.optim.Adam([t], lr=0.01, weight_decay=0.1, foreach=False),
    )
    for _ in range(100):
        g = rng.normal(size=6).astype(np.float32)
        ours.step([w], [g])
        t.grad = torch.tensor(g)
        theirs.step()
    np.testing.assert_allclose(w, t.detach().numpy(), rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------------------
# The rules written in the Notes, by hand, one number at a time
# ---------------------------------------------------------------------------


# The rules are written as in the Notes, one float at a time. The optimizers order some operations
# as PyTorch does (Adam divides m by sqrt(v) / sqrt(1 - beta2^t) + eps), so the numbers agree to
# rounding: rtol 1e-10, since weight decay feeds the parameters' rounding back into the gradients.


def sgd_by_hand(theta, grads, lr, mu, nesterov, wd):
    """The SGD rule of the Notes on a list of floats, for a sequence of gradient lists."""
    b = None
    for g in grads:
        g = [gi + wd * ti for gi, ti in zip(g, theta, strict=True)]
        if mu != 0:
            b = list(g) if b is None else [mu * bi + gi for bi, gi in zip(b, g, strict=True)]
            g = [gi + mu * bi for gi, bi in zip(g, b, strict=True)] if nesterov else b
        theta = [ti - lr * gi for ti, gi in zip(theta, g, strict=True)]
    return theta


def rmsprop_by_hand(theta, grads, lr, alpha, eps, wd):
    v = [0.0] * len(theta)
    for g in grads:
        g = [gi + wd * ti for gi, ti in zip(g, theta, strict=True)]
        v = [alpha * vi + (1 - alpha) * gi * gi for vi, gi in zip(v, g, strict=True)]
        theta = [ti - lr * gi / (math.sqrt(vi) + eps) for ti, gi, vi in zip(theta, g, v, strict=True)]
    return theta


def adam_by_hand(theta, grads, lr, b1, b2, eps, wd):
    m, v = [0.0] * len(theta), [0.0] * len(theta)
    for t, g in enumerate(grads, start=1):
        g = [gi + wd * ti for gi, ti in zip(g, theta, strict=True)]
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g, strict=True)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g, strict=True)]
        m_hat = [mi / (1 - b1**t) for mi in m]
        v_hat = [vi / (1 - b2**t) for vi in v]
        theta = [ti - lr * mh / (math.sqrt(vh) + eps) for ti, mh, vh in zip(theta, m_hat, v_hat, strict=True)]
    return theta


@FAST
@given(
    seeds, st.integers(1, 20), st.floats(1e-3, 0.5), st.floats(0.0, 0.99), st.booleans(), st.floats(0.0, 0.1)
)
def test_sgd_follows_its_notes(seed, steps, lr, mu, nesterov, wd):
    rng = np.random.default_rng(seed)
    theta0, grads = rng.normal(size=4), rng.normal(size=(steps, 4))
    nesterov = nesterov and mu > 0
    w = theta0.copy()
    opt = SGD(lr, momentum=mu, nesterov=nesterov, weight_decay=wd)
    for g in grads:
        opt.step([w], [g])
    expected = sgd_by_hand(theta0.tolist(), grads.tolist(), lr, mu, nesterov, wd)
    np.testing.assert_allclose(w, expected, rtol=1e-10, atol=1e-12)


@FAST
@given(
    seeds,
    st.integers(1, 20),
    st.floats(1e-3, 0.5),
    st.floats(0.0, 0.999),
    st.floats(1e-10, 1e-2),
    st.floats(0.0, 0.1),
)
def test_rmsprop_follows_its_notes(seed, steps, lr, alpha, eps, wd):
    rng = np.random.default_rng(seed)
    theta0, grads = (
        rng.normal(size=4),
        rng.normal(size=(steps, 4)) * 10.0 ** rng.uniform(-6, 2, size=(steps, 4)),
    )
    w = theta0.copy()
    opt = RMSProp(lr, alpha=alpha, eps=eps, weight_decay=wd)
    for g in grads:
        opt.step([w], [g])
    expected = rmsprop_by_hand(theta0.tolist(), grads.tolist(), lr, alpha, eps, wd)
    np.testing.assert_allclose(w, expected, rtol=1e-10, atol=1e-12)


@FAST
@given(
    seeds,
    st.integers(1, 20),
    st.floats(1e-3, 0.5),
    st.floats(0.0, 0.999),
    st.floats(0.0, 0.9999),
    st.floats(1e-10, 1e-2),
    st.floats(0.0, 0.1),
)
def test_adam_follows_its_notes(seed, steps, lr, b1, b2, eps, wd):
    rng = np.random.default_rng(seed)
    theta0, grads = (
        rng.normal(size=4),
        rng.normal(size=(steps, 4)) * 10.0 ** rng.uniform(-6, 2, size=(steps, 4)),
    )
    w = theta0.copy()
    opt = Adam(lr, betas=(b1, b2), eps=eps, weight_decay=wd)
    for g in grads:
        opt.step([w], [g])
    expected = adam_by_hand(theta0.tolist(), grads.tolist(), lr, b1, b2, eps, wd)
    np.testing.assert_allclose(w, expected, rtol=1e-10, atol=1e-12)
    assert opt.t == steps


def test_gradient_descent_and_newton_follow_their_notes():
    def grad(x):
        return np.array([4 * x[0] ** 3 + x[1], x[0] + 2 * x[1]])

    def hess(x):
        return np.array([[12 * x[0] ** 2, 1.0], [1.0, 2.0]])

    path = gradient_descent(grad, [1.0, 1.0], 0.05, 3)
    x = np.array([1.0, 1.0])
    for k in range(3):
        x = x - 0.05 * grad(x)
        np.testing.assert_array_equal(path[k + 1], x)
    path = newton(grad, hess, [1.0, 1.0], 3)
    x = np.array([1.0, 1.0])
    for k in range(3):
        x = x - np.linalg.solve(hess(x), grad(x))
        np.testing.assert_allclose(path[k + 1], x, rtol=1e-14)


def test_zero_steps_return_the_start():
    np.testing.assert_array_equal(gradient_descent(lambda x: x, [1.0, 2.0], 0.1, 0), [[1.0, 2.0]])
    np.testing.assert_array_equal(newton(lambda x: x, lambda x: np.eye(2), [1.0, 2.0], 0), [[1.0, 2.0]])


@FAST
@given(seeds, st.integers(1, 50), st.integers(1, 20))
def test_minibatches_are_slices_of_one_permutation(seed, n, batch_size):
    batches = minibatches(n, batch_size, np.random.default_rng(seed))
    order = np.random.default_rng(seed).permutation(n)
    np.testing.assert_array_equal(np.concatenate(batches), order)
    for j, batch in enumerate(batches):
        np.testing.assert_array_equal(batch, order[j * batch_size : (j + 1) * batch_size])


# ---------------------------------------------------------------------------
# Every documented Raises
# ---------------------------------------------------------------------------

X2 = np.array([1.0, 2.0])


@pytest.mark.parametrize(
    "bad, error, message",
    [
        (
            lambda x: x[0],
            ValueError,
            r"gradient_descent: grad must return an array of shape \(2,\), but grad\(x_0\) has shape \(\)",
        ),
        (
            lambda x: np.ones(3),
            ValueError,
            r"grad must return an array of shape \(2,\), but grad\(x_0\) has shape \(3,\)",
        ),
        (lambda x: None, TypeError, r"gradient_descent: grad\(x_0\) returned None; grad must return"),
        (lambda x: x + 1j, TypeError, r"gradient_descent: grad\(x_0\) must be real, got complex"),
        (lambda x: ["a", "b"], TypeError, r"gradient_descent: grad\(x_0\) must be numeric"),
        (lambda x: np.array([np.nan, 1.0]), ValueError, r"grad\(x_0\) has NaN or infinite entries"),
    ],
    ids=["scalar", "too long", "None", "complex", "text", "nan"],
)
def test_a_bad_grad_is_named(bad, error, message):
    with pytest.raises(error, match=message):
        gradient_descent(bad, X2, 0.1, 3)
    with pytest.raises(error, match=message.replace("gradient_descent", "newton")):
        newton(bad, lambda x: np.eye(2), X2, 3)


@pytest.mark.parametrize(
    "bad, error, message",
    [
        (
            lambda x: np.eye(3),
            ValueError,
            r"newton: hess must return an array of shape \(2, 2\), but hess\(x_0\) has shape \(3, 3\)",
        ),
        (lambda x: np.ones(2), ValueError, r"hess\(x_0\) has shape \(2,\)"),
        (lambda x: None, TypeError, r"newton: hess\(x_0\) returned None"),
        (lambda x: np.eye(2) * 1j, TypeError, r"newton: hess\(x_0\) must be real"),
        (lambda x: np.full((2, 2), np.inf), ValueError, r"newton: hess\(x_0\) has NaN or infinite entries"),
    ],
    ids=["3x3", "vector", "None", "complex", "inf"],
)
def test_a_bad_hess_is_named(bad, error, message):
    with pytest.raises(error, match=message):
        newton(lambda x: x, bad, X2, 2)


def test_a_singular_hessian_is_refused():
    with pytest.raises(np.linalg.LinAlgError, match=r"newton: hess\(x_0\) is singular: no Newton step"):
        newton(lambda x: x, lambda x: np.array([[1.0, 1.0], [1.0, 1.0]]), X2, 1)


def test_the_error_names_the_step_where_grad_fails():
    def grad(x):
        return 2 * x if x[0] > 0.3 else np.ones(3)

    with pytest.raises(ValueError, match=r"grad\(x_2\) has shape \(3,\)"):
        gradient_descent(grad, [1.0], 0.25, 5)  # x: 1, 0.5, 0.25 -> fails at x_2


def test_a_diverging_path_stops_with_an_error_instead_of_infinities():
    with (
        np.errstate(over="ignore"),
        pytest.raises(ValueError, match="the path may be diverging: try a smaller"),
    ):
        gradient_descent(lambda x: 10 * x, [1.0], 1.0, 1000)  # x_{k+1} = -9 x_k
    with pytest.raises(ValueError, match=r"the iterates overflowed at step 2 \(x_2 is not finite\)"):
        gradient_descent(lambda x: np.array([1e308]), [1.0], 1.0, 5)  # x_1 = -1e308, x_2 = -1e308 - 1e308


@pytest.mark.parametrize("func", ["gradient_descent", "newton"])
def test_the_other_arguments_are_checked(func):
    def call(grad=lambda x: x, x0=X2, num_steps=2, **kw):
        if func == "gradient_descent":
            return gradient_descent(grad, x0, kw.get("learning_rate", 0.1), num_steps)
        return newton(grad, kw.get("hess", lambda x: np.eye(2)), x0, num_steps)

    with pytest.raises(TypeError, match=f"{func}: grad must be callable, got float"):
        call(grad=1.0)
    with pytest.raises(ValueError, match=r"x0 must be a vector \(1-D\), got an array of shape \(\)"):
        call(x0=1.0)
    with pytest.raises(ValueError, match="x0 must not be empty"):
        call(x0=[])
    with pytest.raises(ValueError, match="x0 must not contain NaN"):
        call(x0=[np.nan, 1.0])
    with pytest.raises(TypeError, match="x0 must be numeric"):
        call(x0=["a", "b"])
    with pytest.raises(ValueError, match="num_steps must be non-negative"):
        call(num_steps=-1)
    with pytest.raises(TypeError, match="num_steps must be an integer"):
        call(num_steps=2.0)
    if func == "newton":
        with pytest.raises(TypeError, match="newton: hess must be callable"):
            call(hess="H")


@pytest.mark.parametrize(
    "eta, error", [(0.0, ValueError), (-0.1, ValueError), (np.inf, ValueError), ("0.1", TypeError)]
)
def test_learning_rates_must_be_positive_numbers(eta, error):
    message = "learning_rate must be"
    with pytest.raises(error, match=message):
        gradient_descent(lambda x: x, X2, eta, 1)
    for make in (SGD, RMSProp, Adam):
        with pytest.raises(error, match=message):
            make(learning_rate=eta)


def test_minibatches_arguments_are_checked():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="n must be positive"):
        minibatches(0, 2, rng)
    with pytest.raises(ValueError, match="batch_size must be positive"):
        minibatches(5, 0, rng)
    with pytest.raises(TypeError, match="n must be an integer"):
        minibatches(5.0, 2, rng)
    with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator .*got RandomState"):
        minibatches(5, 2, np.random.RandomState(0))


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: SGD(0.1, momentum=1.0), ValueError, r"momentum must be in \[0, 1\), got 1.0"),
        (lambda: SGD(0.1, momentum=-0.5), ValueError, r"momentum must be in \[0, 1\)"),
        (lambda: SGD(0.1, momentum="0.9"), TypeError, "momentum must be a real number"),
        (lambda: SGD(0.1, nesterov=True), ValueError, "nesterov=True needs a momentum > 0"),
        (lambda: SGD(0.1, momentum=0.9, nesterov=1), TypeError, "nesterov must be True or False"),
        (lambda: SGD(0.1, weight_decay=-1e-4), ValueError, "weight_decay must be non-negative"),
        (lambda: RMSProp(alpha=1.0), ValueError, r"alpha must be in \[0, 1\)"),
        (lambda: RMSProp(eps=0.0), ValueError, "eps must be positive"),
        (lambda: RMSProp(weight_decay=np.nan), ValueError, "weight_decay must be non-negative and finite"),
        (lambda: Adam(betas=(0.9,)), TypeError, r"betas must be a pair of numbers"),
        (lambda: Adam(betas=0.9), TypeError, r"betas must be a pair of numbers"),
        (lambda: Adam(betas=(0.9, 1.0)), ValueError, r"betas\[1\] must be in \[0, 1\)"),
        (lambda: Adam(betas=(-0.1, 0.9)), ValueError, r"betas\[0\] must be in \[0, 1\)"),
        (lambda: Adam(eps=-1e-8), ValueError, "eps must be positive"),
    ],
)
def test_hyperparameters_are_checked(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize("make", [lambda: SGD(0.1), RMSProp, Adam])
def test_step_arguments_are_checked(make):
    opt = make()
    w = np.ones(2)
    with pytest.raises(
        TypeError, match=r"params must be a list of NumPy arrays, got ndarray \(wrap a single"
    ):
        opt.step(w, [np.ones(2)])
    with pytest.raises(TypeError, match=r"grads must be a list of NumPy arrays, got ndarray"):
        opt.step([w], np.ones(2))
    with pytest.raises(ValueError, match="params must hold at least one array"):
        opt.step([], [])
    with pytest.raises(ValueError, match="params and grads must have the same length, .* got 1 and 2"):
        opt.step([w], [np.ones(2), np.ones(2)])
    with pytest.raises(
        ValueError, match=r"grads\[0\] must have the shape of params\[0\], \(2,\), got \(2, 1\)"
    ):
        opt.step([w], [np.ones((2, 1))])  # never broadcast
    with pytest.raises(ValueError, match=r"grads\[0\] must not contain NaN or infinite entries"):
        opt.step([w], [np.array([np.inf, 0.0])])
    with pytest.raises(TypeError, match=r"grads\[0\] must be a numeric array, got None"):
        opt.step([w], [None])
    with pytest.raises(TypeError, match=r"params\[0\] must be a NumPy array .*got list"):
        opt.step([[1.0, 2.0]], [np.ones(2)])
    with pytest.raises(TypeError, match=r"params\[0\] must have a floating-point dtype .*got int64"):
        opt.step([np.ones(2, dtype=np.int64)], [np.ones(2)])
    frozen = np.ones(2)
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match=r"params\[0\] is read-only"):
        opt.step([frozen], [np.ones(2)])
    with pytest.raises(ValueError, match=r"params\[0\] must not contain NaN"):
        opt.step([np.array([np.nan, 1.0])], [np.ones(2)])
    opt.step([w], [np.ones(2)])  # the state is now made for one array of shape (2,)
    with pytest.raises(
        ValueError, match=r"params must keep their number and shapes .* made for shapes \[\(2,\)\]"
    ):
        opt.step([np.ones(3)], [np.ones(3)])
    with pytest.raises(ValueError, match="params must keep their number and shapes"):
        opt.step([w, np.ones(1)], [np.ones(2), np.ones(1)])
    assert opt.t == 1


def test_overflow_in_a_step_is_an_error():
    w = np.array([1e308])
    with pytest.raises(OverflowError, match=r"SGD.step: the new params\[0\] overflows float64"):
        SGD(1.0).step([w], [np.array([-1e308])])
    assert w[0] == 1e308
    w32 = np.array([3e38], dtype=np.float32)
    with pytest.raises(OverflowError, match=r"the new params\[0\] overflows float32"):
        SGD(1.0).step([w32], [np.array([-3e38])])
    with pytest.raises(
        OverflowError, match=r"Adam.step: the state 'exp_avg_sq' of params\[0\] overflows .*squares"
    ):
        Adam().step([np.zeros(1)], [np.array([1e200])])
    with pytest.raises(OverflowError, match=r"RMSProp.step: the state 'square_avg'"):
        RMSProp().step([np.zeros(1)], [np.array([1e200])])
    opt = SGD(1e-300, momentum=0.5)
    opt.step([np.zeros(1)], [np.array([1.5e308])])
    with pytest.raises(OverflowError, match=r"SGD.step: the state 'momentum_buffer' .* too large; scale"):
        opt.step([np.zeros(1)], [np.array([1.5e308])])
