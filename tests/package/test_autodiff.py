"""Tests of mlmath_ref.autodiff: local derivatives, oracles, finite differences, shapes, errors."""

import itertools
import math
import re

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad as autograd_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath_ref.autodiff import Scalar, Tensor, graph_of, unbroadcast

# Each elementwise operation: (name, on Scalar/Tensor, value in NumPy, derivative in closed form, inputs).
POINTS = np.array([-2.5, -0.7, 0.3, 1.0, 2.2])
POSITIVE = np.array([0.2, 0.9, 1.0, 3.5])
UNARY = [
    ("neg", lambda v: -v, lambda x: -x, lambda x: -np.ones_like(x), POINTS),
    ("exp", lambda v: v.exp(), np.exp, np.exp, POINTS),
    ("log", lambda v: v.log(), np.log, lambda x: 1 / x, POSITIVE),
    ("tanh", lambda v: v.tanh(), np.tanh, lambda x: 1 / np.cosh(x) ** 2, POINTS),
    (
        "sigmoid",
        lambda v: v.sigmoid(),
        lambda x: 1 / (1 + np.exp(-x)),
        lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2,
        POINTS,
    ),
    ("relu", lambda v: v.relu(), lambda x: np.maximum(x, 0), lambda x: (x > 0).astype(float), POINTS),
    ("square", lambda v: v**2, np.square, lambda x: 2 * x, POINTS),
    ("cube", lambda v: v**3, lambda x: x**3, lambda x: 3 * x**2, POINTS),
    ("sqrt", lambda v: v**0.5, np.sqrt, lambda x: 0.5 / np.sqrt(x), POSITIVE),
    ("reciprocal", lambda v: v**-1, lambda x: 1 / x, lambda x: -1 / x**2, POSITIVE),
    ("affine", lambda v: 3 * v - 1, lambda x: 3 * x - 1, lambda x: 3 * np.ones_like(x), POINTS),
    ("1/v", lambda v: 1 / v, lambda x: 1 / x, lambda x: -1 / x**2, POSITIVE),
    ("2-v", lambda v: 2 - v, lambda x: 2 - x, lambda x: -np.ones_like(x), POINTS),
]
# Binary operations: (name, op, partial in a, partial in b).
BINARY = [
    ("+", lambda a, b: a + b, lambda a, b: np.ones_like(a * b), lambda a, b: np.ones_like(a * b)),
    ("-", lambda a, b: a - b, lambda a, b: np.ones_like(a * b), lambda a, b: -np.ones_like(a * b)),
    ("*", lambda a, b: a * b, lambda a, b: b + 0 * a, lambda a, b: a + 0 * b),
    ("/", lambda a, b: a / b, lambda a, b: 1 / b + 0 * a, lambda a, b: -a / b**2),
]


def tensor_grads(f, *arrays):
    """Value of f on Tensors built from `arrays` (summed to a scalar) and the gradients of each input."""
    inputs = [Tensor(a) for a in arrays]
    out = f(*inputs)
    out.backward(np.ones(out.shape))  # gradient of the sum of the output's entries
    return out.data, [t.grad for t in inputs]


def oracle_grads(f, *arrays):
    """The same gradients from HIPS autograd."""
    return [autograd_grad(lambda *xs: anp.sum(f(*xs)), i)(*arrays) for i in range(len(arrays))]


def directional_check(f, arrays, rng, n_directions=3, h=1e-6):
    """Gradients of f (a Tensor function, scalar output) against central differences in random directions."""
    inputs = [Tensor(a) for a in arrays]
    f(*inputs).backward()
    for _ in range(n_directions):
        vs = [rng.normal(size=np.shape(a)) for a in arrays]
        plus = f(*[Tensor(a + h * v) for a, v in zip(arrays, vs, strict=True)]).data
        minus = f(*[Tensor(a - h * v) for a, v in zip(arrays, vs, strict=True)]).data
        numeric = (plus - minus) / (2 * h)
        analytic = sum(np.sum(t.grad * v) for t, v in zip(inputs, vs, strict=True))
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-7)


# ---------------------------------------------------------------------------
# Defining properties: each local derivative against its closed form
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, op, value, slope, points", UNARY, ids=[u[0] for u in UNARY])
def test_scalar_unary_value_and_derivative(name, op, value, slope, points):
    for x0 in points:
        x = Scalar(x0)
        y = op(x)
        y.backward()
        assert y.value == pytest.approx(value(x0), rel=1e-12, abs=1e-15)
        assert x.grad == pytest.approx(slope(x0), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("name, op, value, slope, points", UNARY, ids=[u[0] for u in UNARY])
def test_tensor_unary_value_and_derivative(name, op, value, slope, points):
    data, (g,) = tensor_grads(op, points)
    np.testing.assert_allclose(data, value(points), rtol=1e-12)
    np.testing.assert_allclose(g, slope(points), rtol=1e-12)


@pytest.mark.parametrize("name, op, da, db", BINARY, ids=[b[0] for b in BINARY])
def test_binary_partial_derivatives(name, op, da, db):
    for a0, b0 in itertools.product([-1.5, 0.5, 2.0], [-0.8, 1.3]):
        a, b = Scalar(a0), Scalar(b0)
        y = op(a, b)
        y.backward()
        assert y.value == pytest.approx(op(a0, b0))
        np.testing.assert_allclose([a.grad, b.grad], [da(a0, b0), db(a0, b0)])
    a, b = np.array([-1.5, 0.5, 2.0]), np.array([-0.8, 1.3, 0.4])
    _, (ga, gb) = tensor_grads(op, a, b)
    np.testing.assert_allclose(ga, da(a, b))
    np.testing.assert_allclose(gb, db(a, b))


def test_numbers_on_either_side_are_constants():
    x = Scalar(3.0)
    for y, slope in [
        (2 + x, 1),
        (x + 2, 1),
        (2 - x, -1),
        (x - 2, 1),
        (2 * x, 2),
        (x * 2, 2),
        (6 / x, -6 / 9),
    ]:
        x.zero_grad()
        y.backward()
        assert x.grad == pytest.approx(slope)
    # NumPy numbers defer to Scalar and Tensor instead of building object arrays.
    assert isinstance(np.float64(2.0) * x, Scalar)
    assert isinstance(np.ones(3) + Tensor(np.ones(3)), Tensor)


def test_sigmoid_and_tanh_do_not_overflow():
    for v in (-800.0, 800.0):
        s = Scalar(v).sigmoid()
        s.backward()
        assert s.value in (0.0, 1.0) and s.parents[0].grad == 0.0
    data, (g,) = tensor_grads(lambda t: t.sigmoid() + t.tanh(), np.array([-800.0, 800.0]))
    np.testing.assert_array_equal(data, [-1.0, 2.0])
    np.testing.assert_array_equal(g, [0.0, 0.0])


def test_relu_derivative_at_zero_is_zero():
    x = Scalar(0.0)
    x.relu().backward()
    assert x.grad == 0.0
    _, (g,) = tensor_grads(lambda t: t.relu(), np.zeros(3))
    np.testing.assert_array_equal(g, 0.0)


def test_power_edge_cases():
    x = Scalar(0.0)
    assert (x**0.5).local_grads == (math.inf,)  # vertical tangent of sqrt at 0
    with pytest.raises(
        ValueError, match=r"through '\*\*0.5' is not finite: the derivative of '\*\*0.5' at 0.0 is infinite"
    ):
        (x**0.5).backward()
    dead = (x**0.5 - 1.0).relu()  # relu passes a zero gradient: nothing flows through the infinite slope
    dead.backward()
    assert x.grad == 0.0
    y = Scalar(-2.0)
    (y**0).backward()
    assert y.grad == 0.0
    z = Scalar(-2.0)
    (z**3).backward()
    assert z.grad == pytest.approx(12.0)
    _, (g,) = tensor_grads(lambda t: t**0.5 + t**0, np.array([1.0, 4.0]))
    np.testing.assert_array_equal(g, [0.5, 0.25])
    with pytest.raises(
        ValueError, match=r"backward: the gradient passed back through '\*\*0.5' is not a finite"
    ):
        tensor_grads(lambda t: t**0.5, np.array([0.0, 4.0]))
    _, (g,) = tensor_grads(lambda t: (t**0.5 - 1.0).relu(), np.array([0.0, 4.0]))
    np.testing.assert_array_equal(g, [0.0, 0.25])


# ---------------------------------------------------------------------------
# Repeated use of one node: the contributions of every use add up
# ---------------------------------------------------------------------------


def test_node_used_twice_by_one_operation():
    x = Scalar(3.0)
    (x * x).backward()
    assert x.grad == 6.0
    x.zero_grad()
    (x + x).backward()
    assert x.grad == 2.0
    t = Tensor([1.0, -2.0])
    (t * t).sum().backward()
    np.testing.assert_array_equal(t.grad, [2.0, -4.0])


def test_node_used_by_two_branches():
    x = Scalar(0.5)
    h = x.tanh()  # used by both branches below
    y = h * h.exp() + h.sigmoid()
    y.backward()
    t = math.tanh(0.5)
    dh = math.exp(t) * (1 + t) + (1 / (1 + math.exp(-t))) * (1 - 1 / (1 + math.exp(-t)))
    assert h.grad == pytest.approx(dh)
    assert x.grad == pytest.approx(dh * (1 - t**2))


def test_leaf_gradients_accumulate_until_zero_grad():
    x = Scalar(2.0)
    y = x * x
    y.backward()
    y.backward()
    assert x.grad == 8.0  # 4 + 4: leaves accumulate
    assert y.grad == 1.0  # intermediate results start fresh at every call
    y.zero_grad()
    assert (x.grad, y.grad) == (0.0, 0.0)
    W = Tensor(np.eye(2))
    loss = (W * 3).sum()
    loss.backward()
    loss.backward()
    np.testing.assert_array_equal(W.grad, 6.0)
    loss.zero_grad()
    np.testing.assert_array_equal(W.grad, 0.0)


# ---------------------------------------------------------------------------
# Agreement with HIPS autograd on random compositions
# ---------------------------------------------------------------------------

# Operations safe on any real input, so that a random program never leaves the domain.
# (name, arity, on our Scalar/Tensor, on autograd.numpy arrays)
PROGRAM_OPS = [
    ("add", 2, lambda a, b: a + b, lambda a, b: a + b),
    ("sub", 2, lambda a, b: a - b, lambda a, b: a - b),
    ("mul", 2, lambda a, b: a * b, lambda a, b: a * b),
    ("div", 2, lambda a, b: a / (1 + b * b), lambda a, b: a / (1 + b * b)),
    ("tanh", 1, lambda a: a.tanh(), anp.tanh),
    ("sigmoid", 1, lambda a: a.sigmoid(), lambda a: 1 / (1 + anp.exp(-a))),
    ("exp", 1, lambda a: a.tanh().exp(), lambda a: anp.exp(anp.tanh(a))),
    ("log", 1, lambda a: (1 + a * a).log(), lambda a: anp.log(1 + a * a)),
    ("square", 1, lambda a: a**2, lambda a: a**2),
    ("neg", 1, lambda a: -a, lambda a: -a),
    ("scale", 1, lambda a: 0.5 * a + 1, lambda a: 0.5 * a + 1),
]

programs = st.lists(
    st.tuples(st.integers(0, len(PROGRAM_OPS) - 1), st.integers(0, 100), st.integers(0, 100)),
    min_size=1,
    max_size=12,
)
inputs3 = st.lists(st.floats(-2, 2, allow_nan=False), min_size=3, max_size=3)


def run_program(program, registers, which):
    """Apply each (op, i, j) of the program to earlier registers; return the sum of the last two."""
    registers = list(registers)
    for k, i, j in program:
        _, arity, ours, theirs = PROGRAM_OPS[k]
        f = ours if which == "ours" else theirs
        a, b = registers[i % len(registers)], registers[j % len(registers)]
        registers.append(f(a, b) if arity == 2 else f(a))
    return registers[-1] + registers[-2]


@settings(max_examples=40, deadline=None)
@given(programs, inputs3)
def test_scalar_agrees_with_autograd_on_random_programs(program, values):
    xs = [Scalar(v) for v in values]
    y = run_program(program, xs, "ours")
    y.backward()
    expected = autograd_grad(lambda v: run_program(program, [v[0], v[1], v[2]], "theirs"))(np.array(values))
    np.testing.assert_allclose([x.grad for x in xs], expected, rtol=1e-9, atol=1e-12)


@pytest.mark.filterwarnings("ignore:Output seems independent of input")  # autograd, when an input is unused
@settings(max_examples=40, deadline=None)
@given(programs, st.integers(0, 2**32 - 1))
def test_tensor_agrees_with_autograd_on_random_programs(program, seed):
    rng = np.random.default_rng(seed)
    arrays = [rng.normal(size=(2, 3)), rng.normal(size=(3,)), rng.normal(size=(2, 1))]
    ours, expected = [Tensor(a) for a in arrays], None
    run_program(program, ours, "ours").sum().backward()
    expected = [
        autograd_grad(lambda *v: anp.sum(run_program(program, v, "theirs")), i)(*arrays) for i in range(3)
    ]
    for t, e in zip(ours, expected, strict=True):
        np.testing.assert_allclose(t.grad, e, rtol=1e-9, atol=1e-12)


def test_two_layer_network_agrees_with_autograd(rng):
    X, Y = rng.normal(size=(8, 4)), np.eye(3)[rng.integers(0, 3, size=8)]
    W1, b1, W2, b2 = rng.normal(size=(4, 5)), rng.normal(size=5), rng.normal(size=(5, 3)), rng.normal(size=3)

    def loss(W1, b1, W2, b2, np_=None):
        Z = (X @ W1 + b1).tanh() @ W2 + b2
        log_p = Z - Z.exp().sum(axis=1, keepdims=True).log()
        return -(log_p * Y).sum() / X.shape[0]

    def loss_autograd(W1, b1, W2, b2):
        Z = anp.tanh(X @ W1 + b1) @ W2 + b2
        log_p = Z - anp.log(anp.sum(anp.exp(Z), axis=1, keepdims=True))
        return -anp.sum(log_p * Y) / X.shape[0]

    params = [Tensor(p) for p in (W1, b1, W2, b2)]
    out = loss(*params)
    out.backward()
    assert float(out.data) == pytest.approx(loss_autograd(W1, b1, W2, b2))
    for i, p in enumerate(params):
        np.testing.assert_allclose(p.grad, autograd_grad(loss_autograd, i)(W1, b1, W2, b2), rtol=1e-10)


# ---------------------------------------------------------------------------
# Gradients against central finite differences in random directions
# ---------------------------------------------------------------------------


def test_gradients_match_finite_differences_in_random_directions(rng):
    A, x, b = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=3)

    def f(A, x, b):
        h = (A @ x + b).sigmoid()
        return (h * (h + 1).log()).mean() + (A.T @ b).tanh().sum() / (1 + (x**2).sum())

    directional_check(f, [A, x, b], rng)


def test_scalar_gradient_matches_finite_differences(rng):
    def f(x, y):
        return ((x * y).tanh() + (x / (1 + y * y)).exp()) ** 2

    for _ in range(5):
        x0, y0 = rng.normal(size=2)
        x, y = Scalar(x0), Scalar(y0)
        f(x, y).backward()
        v = rng.normal(size=2)
        h = 1e-6
        numeric = (
            f(Scalar(x0 + h * v[0]), Scalar(y0 + h * v[1])).value
            - f(Scalar(x0 - h * v[0]), Scalar(y0 - h * v[1])).value
        ) / (2 * h)
        assert x.grad * v[0] + y.grad * v[1] == pytest.approx(numeric, rel=1e-6, abs=1e-8)


# ---------------------------------------------------------------------------
# Broadcasting: every pair of small shapes that NumPy can broadcast
# ---------------------------------------------------------------------------

SHAPES = [(), (1,), (3,), (2, 1), (2, 3), (1, 3), (4, 2, 3), (4, 1, 1)]


def broadcasts(s, t):
    try:
        np.broadcast_shapes(s, t)
    except ValueError:
        return False
    return True


PAIRS = [(s, t) for s, t in itertools.product(SHAPES, repeat=2) if broadcasts(s, t)]
BAD_PAIRS = [((2,), (3,)), ((2, 3), (3, 2)), ((4, 2, 3), (2,)), ((2, 1), (3, 1)), ((4, 1, 1), (3, 2, 1))]


def test_shape_lists_cover_both_cases():
    assert len(PAIRS) == len(SHAPES) ** 2  # these small shapes all broadcast with each other
    assert not any(broadcasts(s, t) for s, t in BAD_PAIRS)


@pytest.mark.parametrize("s, t", PAIRS, ids=[f"{s}-{t}" for s, t in PAIRS])
def test_broadcasting_gradients_have_operand_shapes_and_agree_with_autograd(s, t, rng):
    a, b = rng.normal(size=s), rng.uniform(0.5, 2.0, size=t)
    for name, op, _, _ in BINARY:
        data, (ga, gb) = tensor_grads(op, a, b)
        ea, eb = oracle_grads(op, a, b)
        assert data.shape == np.broadcast_shapes(s, t)
        assert ga.shape == s and gb.shape == t, name
        np.testing.assert_allclose(ga, ea, rtol=1e-12, err_msg=name)
        np.testing.assert_allclose(gb, eb, rtol=1e-12, err_msg=name)


@pytest.mark.parametrize("s, t", BAD_PAIRS, ids=[f"{s}-{t}" for s, t in BAD_PAIRS])
def test_shapes_that_do_not_broadcast_name_both_shapes(s, t):
    a, b = Tensor(np.ones(s)), Tensor(np.ones(t))
    for op in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b):
        with pytest.raises(ValueError, match=rf"shapes {re.escape(str(s))} and {re.escape(str(t))}"):
            op()


def test_unbroadcast_sums_each_stretched_axis():
    g = np.arange(24.0).reshape(4, 2, 3)
    np.testing.assert_array_equal(unbroadcast(g, (4, 2, 3)), g)
    np.testing.assert_array_equal(unbroadcast(g, ()), g.sum())
    np.testing.assert_array_equal(unbroadcast(g, (3,)), g.sum(axis=(0, 1)))
    np.testing.assert_array_equal(unbroadcast(g, (4, 1, 1)), g.sum(axis=(1, 2), keepdims=True))
    np.testing.assert_array_equal(unbroadcast(g, (2, 1)), g.sum(axis=(0, 2))[:, None])
    with pytest.raises(ValueError, match=r"shape \(3, 1\) does not broadcast .* \(4, 2, 3\)"):
        unbroadcast(g, (3, 1))
    with pytest.raises(ValueError, match="does not broadcast"):
        unbroadcast(np.ones(3), (2, 3))


# ---------------------------------------------------------------------------
# Matrix product, reductions and shape changes
# ---------------------------------------------------------------------------

MATMUL_SHAPES = [((2, 3), (3, 4)), ((2, 3), (3,)), ((3,), (3, 4)), ((3,), (3,)), ((1, 3), (3, 1))]


@pytest.mark.parametrize("s, t", MATMUL_SHAPES, ids=[f"{s}@{t}" for s, t in MATMUL_SHAPES])
def test_matmul_gradients_agree_with_autograd(s, t, rng):
    a, b = rng.normal(size=s), rng.normal(size=t)
    data, (ga, gb) = tensor_grads(lambda x, y: x @ y, a, b)
    np.testing.assert_allclose(data, a @ b)
    ea, eb = oracle_grads(lambda x, y: x @ y, a, b)
    np.testing.assert_allclose(ga, ea)
    np.testing.assert_allclose(gb, eb)
    # with numbers or arrays on the left
    _, (gb2,) = tensor_grads(lambda y: a @ y, b)
    np.testing.assert_allclose(gb2, eb)


def test_matmul_rule_of_the_notes(rng):
    """dA = G B^T and dB = A^T G, with G the seed."""
    A, B, G = rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=(2, 4))
    tA, tB = Tensor(A), Tensor(B)
    (tA @ tB).backward(G)
    np.testing.assert_allclose(tA.grad, G @ B.T)
    np.testing.assert_allclose(tB.grad, A.T @ G)


@pytest.mark.parametrize("axis", [None, 0, 1, -1, (0, 2), (-1, 0)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_sum_and_mean_gradients(axis, keepdims, rng):
    a = rng.normal(size=(2, 3, 4))
    for method in ("sum", "mean"):
        data, (g,) = tensor_grads(lambda t, m=method: getattr(t, m)(axis=axis, keepdims=keepdims) ** 2, a)
        ours_np = getattr(np, method)(a, axis=axis, keepdims=keepdims) ** 2
        np.testing.assert_allclose(data, ours_np)
        (expected,) = oracle_grads(
            lambda t, m=method: getattr(anp, m)(t, axis=axis, keepdims=keepdims) ** 2, a
        )
        np.testing.assert_allclose(g, expected)


def test_reshape_and_transpose_gradients(rng):
    a = rng.normal(size=(2, 3, 4))
    w = rng.normal(size=24)
    for ours, theirs in [
        (
            lambda t: t.reshape(6, 4).T * w.reshape(4, 6),
            lambda t: anp.transpose(anp.reshape(t, (6, 4))) * w.reshape(4, 6),
        ),
        (lambda t: t.reshape((24,)) * w, lambda t: anp.reshape(t, (24,)) * w),
        (
            lambda t: t.transpose(1, 2, 0) * w.reshape(3, 4, 2),
            lambda t: anp.transpose(t, (1, 2, 0)) * w.reshape(3, 4, 2),
        ),
        (lambda t: t.T * w.reshape(4, 3, 2), lambda t: anp.transpose(t) * w.reshape(4, 3, 2)),
    ]:
        _, (g,) = tensor_grads(ours, a)
        np.testing.assert_allclose(g, oracle_grads(theirs, a)[0])
    assert Tensor(a).shape == (2, 3, 4) and Tensor(a).T.shape == (4, 3, 2)


# ---------------------------------------------------------------------------
# Long chains: no recursion, so depth is no limit
# ---------------------------------------------------------------------------


def test_scalar_chain_of_ten_thousand_operations():
    x = Scalar(1.0)
    y = x
    for _ in range(10_000):
        y = y * 1.0001 + 0.0  # two operations per step
    y.backward()
    assert x.grad == pytest.approx(1.0001**10_000)
    nodes, edges = graph_of(y)
    assert nodes[-1] is y and len(nodes) == 1 + 4 * 10_000  # x, then per step: constant, *, constant, +


def test_tensor_chain_of_two_thousand_operations():
    x = Tensor([0.5, -0.5])
    y = x
    for _ in range(2_000):
        y = (y * 0.999).tanh()
    y.sum().backward()
    expected = np.ones(2)
    z = np.array([0.5, -0.5])
    slopes = []
    for _ in range(2_000):
        z = np.tanh(z * 0.999)
        slopes.append(0.999 * (1 - z**2))
    for s in slopes:
        expected = expected * s
    np.testing.assert_allclose(x.grad, expected, rtol=1e-10)


# ---------------------------------------------------------------------------
# graph_of: topological order and edges
# ---------------------------------------------------------------------------


def test_graph_of_lists_each_node_after_its_parents():
    x, y = Scalar(1.0, label="x"), Scalar(2.0, label="y")
    z = (x * y + x).tanh() * y
    nodes, edges = graph_of(z)
    assert nodes[-1] is z and len({id(n) for n in nodes}) == len(nodes)
    assert all(i < j for i, j in edges)
    assert sorted(edges) == sorted((nodes.index(p), j) for j, n in enumerate(nodes) for p in n.parents)
    assert [n.op for n in nodes if n.parents] == ["*", "+", "tanh", "*"]
    t = Tensor(np.ones(2))
    tn, te = graph_of((t @ t).exp())
    assert [n.op for n in tn] == ["", "@", "exp"] and te == [(0, 1), (0, 1), (1, 2)]


# ---------------------------------------------------------------------------
# Every documented error
# ---------------------------------------------------------------------------


def test_backward_on_non_scalar_needs_a_seed():
    t = Tensor(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"backward on a non-scalar needs a seed gradient.*\(2, 3\)"):
        (t * 2).backward()
    with pytest.raises(ValueError, match=r"grad must have the tensor's shape \(2, 3\), got shape \(3,\)"):
        (t * 2).backward(np.ones(3))
    Tensor([[5.0]]).backward()  # a single entry needs no seed


def test_matmul_shape_errors_name_both_shapes():
    with pytest.raises(ValueError, match=r"shapes \(2, 3\) and \(4,\) do not fit"):
        Tensor(np.ones((2, 3))) @ Tensor(np.ones(4))
    with pytest.raises(ValueError, match=r"1-D or 2-D, got shapes \(2, 2, 2\) and \(2,\)"):
        Tensor(np.ones((2, 2, 2))) @ Tensor(np.ones(2))
    with pytest.raises(ValueError, match=r"1-D or 2-D, got shapes \(\) and \(2,\)"):
        Tensor(1.0) @ Tensor(np.ones(2))


def test_log_of_non_positive_raises():
    for v in (0.0, -1.0):
        with pytest.raises(ValueError, match="log needs a positive value"):
            Scalar(v).log()
    with pytest.raises(ValueError, match="Tensor.log needs positive entries"):
        Tensor([1.0, 0.0]).log()


def test_power_domain_errors():
    with pytest.raises(ValueError, match="negative base -8.0 needs an integer exponent"):
        Scalar(-8.0) ** (1 / 3)
    with pytest.raises(ValueError, match="negative entries need an integer exponent"):
        Tensor([-1.0, 1.0]) ** 0.5
    with pytest.raises(
        ValueError, match=r"^Scalar \*\* p: 0.0 to the negative power p=-1.0 \(division by zero\)$"
    ):
        Scalar(0.0) ** -1
    with pytest.raises(ValueError, match="zero entries to the negative power"):
        Tensor([0.0, 1.0]) ** -2
    for bad in (math.nan, math.inf, 10**400):
        with pytest.raises(ValueError, match=r"the exponent p must be finite"):
            Scalar(2.0) ** bad
        with pytest.raises(ValueError, match=r"the exponent p must be finite"):
            Tensor([2.0]) ** bad
    with pytest.raises(TypeError, match="exponent p must be a number, got Scalar"):
        Scalar(2.0) ** Scalar(2.0)
    with pytest.raises(TypeError, match="exponent p must be a number, got Tensor"):
        Tensor([2.0]) ** Tensor([2.0])


def test_division_by_zero_raises():
    with pytest.raises(ValueError, match=r"^Scalar /: division by zero \(1.0 / 0.0\)$"):
        Scalar(1.0) / 0
    with pytest.raises(ValueError, match="divisor has zero entries"):
        Tensor([1.0, 2.0]) / Tensor([1.0, 0.0])


def test_overflow_raises_a_value_error_naming_it():
    with pytest.raises(ValueError, match=r"^Scalar.exp: e\*\*1000.0 overflows float64"):
        Scalar(1000.0).exp()
    with pytest.raises(
        ValueError, match=r"^Tensor.exp: e\*\*x overflows float64 for entries above 709.78, got 1000$"
    ):
        Tensor([1.0, 1000.0]).exp()
    with pytest.raises(ValueError, match=r"^Scalar \*: the result for 1e\+200, 1e\+200 overflows float64"):
        Scalar(1e200) * Scalar(1e200)
    with pytest.raises(ValueError, match=r"^Scalar \*\*2: the result for 1e\+200 overflows float64"):
        Scalar(1e200) ** 2
    with pytest.raises(ValueError, match=r"^Tensor @: the result overflows float64"):
        Tensor([[1e200, 1e200]]) @ Tensor([1e200, 1e200])
    with pytest.raises(ValueError, match=r"^Tensor sum: the result overflows float64"):
        Tensor([1e308, 1e308]).sum()
    assert float(Tensor([1e308, 1e308]).mean().data) == 1e308  # a mean never overflows
    x = Scalar(1e-300)
    with pytest.raises(
        ValueError, match=r"^backward: the gradient passed back through '/' is not finite: it overflows"
    ):
        (1.0 / x).backward()  # the value 1e300 is fine, its derivative -1e600 is not


@pytest.mark.parametrize("bad", ["2", None, True, [1.0, 2.0], float("nan"), math.inf, 1 + 2j])
def test_scalar_rejects_non_numbers(bad):
    with pytest.raises((TypeError, ValueError), match="value"):
        Scalar(bad)


@pytest.mark.parametrize("bad", [["a", "b"], None, np.array([True]), [], [1.0, np.nan], [[1.0], [1.0, 2.0]]])
def test_tensor_rejects_non_numeric_data(bad):
    with pytest.raises((TypeError, ValueError), match="data"):
        Tensor(bad)


def test_operators_refuse_other_types():
    with pytest.raises(TypeError, match="unsupported operand"):
        Scalar(1.0) + "a"
    with pytest.raises(TypeError, match="unsupported operand"):
        Tensor([1.0]) + "a"
    with pytest.raises(TypeError, match="unsupported operand"):
        Tensor([1.0]) @ {}
    with pytest.raises(TypeError, match="unsupported operand"):
        Scalar(1.0) + Tensor([1.0])
    with pytest.raises(TypeError, match="root must be a Scalar or a Tensor, got float"):
        graph_of(3.0)


def test_reduction_and_shape_errors():
    t = Tensor(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"invalid axis 2 for 2-D"):
        t.sum(axis=2)
    with pytest.raises(ValueError, match=r"invalid axis \(0, 0\).*repeated"):
        t.mean(axis=(0, 0))
    with pytest.raises(ValueError, match=r"cannot reshape shape \(2, 3\) into shape \(4,\)"):
        t.reshape(4)
    with pytest.raises(ValueError, match="not a permutation"):
        t.transpose(0, 0)
