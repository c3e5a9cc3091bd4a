"""The hostile-inputs table: how to call each public function of :mod:`mlmath_ref`, and what it must do.

``test_hostile_inputs.py`` drives every entry of :data:`TABLE` with the inputs an adversarial
user would try, argument by argument: the extremes of float64, odd dtypes and shapes, masked
arrays, numbers that are not numbers, and user functions that misbehave. Each entry says, for
one public function, how to call it with valid arguments and what kind each argument is; the
kind decides which hostile values the argument gets and what the function must answer: the
right answer (the same as for the plain float64 value, or the `oracle`'s), or a TypeError or
ValueError (LinAlgError is one) whose message names the argument. Never another exception,
and never a change to the caller's arguments.

Adding a module (``probability``, ``optimize``, ``stats``, ``nn``...) is one block here, one
``entry(...)`` per public function; ``test_the_table_covers_every_public_function`` fails
until every name in the module's ``__all__`` has one. For example::

    from mlmath_ref import stats

    entry(
        "mlmath_ref.stats.mean",
        stats.mean,
        x=Array([3, -1, 4, 1]),           # valid value: small integers, exact at every scale 2**k
        oracle=lambda x: np.mean(x),       # an independent reference (NumPy, SciPy, mpmath)
        scale=arrays("x"),                 # multiplying x by 2**k ...
        rescale=scaled(1),                 # ... multiplies the result by 2**k (or overflows clearly)
    )

The argument kinds are :class:`Array` (a float array argument), :class:`Function` (a user's
function), :class:`Count` (an integer such as ``n``), :class:`Number` (a real parameter such
as ``h`` or ``tol``), :class:`Generator` (an ``rng``: a ``numpy.random.Generator``, made afresh
from a seed for every call) and :class:`Other` (anything else, with the bad values it must
refuse). A class is covered by one entry for its constructor (named as the class) and one per
public method or property (``"mlmath_ref.probability.Normal.pdf"``), whose ``func`` builds the
object from the constructor's arguments and calls the method.
``func`` is called with keyword arguments; wrap the function in a lambda when it takes
``*args`` or returns something to evaluate (a callable, a Tensor). Give valid array values
as small integers (or dyadic fractions such as 0.25): they are exact in float32 and after
scaling by any power of two down to the subnormal range, which the extremes test relies on.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import scipy.integrate
import scipy.linalg
import scipy.special
import scipy.stats

from mlmath_ref import (
    autodiff,
    calculus,
    fundamentals,
    linalg,
    multivariate,
    nn,
    optimize,
    probability,
    stats,
)
from mlmath_ref.optimize import Adam

# ---------------------------------------------------------------------------------------------------
# Argument kinds
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Array:
    """A float array argument.

    `value` is a valid value. `ndim` lists the accepted numbers of dimensions (None: any);
    `empty` says whether an empty array is accepted; `optional`, whether None stands for a
    default; `infinite`, whether ``inf`` and ``-inf`` entries are valid (the points where a
    probability distribution is evaluated: the answer is then the oracle's, a limit).
    """

    value: object
    ndim: tuple | None = (1,)
    empty: bool = False
    optional: bool = False
    infinite: bool = False


@dataclass(frozen=True)
class Function:
    """A user's function. `returns` is what it must return.

    ``"real"``: real numbers, validated (None, text, complex numbers, NaN, masked arrays and a
    wrong shape are refused naming ``f``). ``"bool"``: True or False. ``"hashable"``: any
    hashable value. ``"any"``: anything (only an exception and a mutated argument are tried).
    """

    value: Callable
    returns: str = "real"


@dataclass(frozen=True)
class Count:
    """An integer argument, at least `minimum`; huge ones (``10**400``) are refused clearly."""

    value: int
    minimum: int = 1


@dataclass(frozen=True)
class Number:
    """A real parameter. `value` None means the base call uses the default.

    `minimum` is the smallest accepted value (None: any), excluded when `strict`; `maximum`
    the largest (None: any), excluded when `strict_maximum` (a probability, a momentum, a
    confidence level); `infinite` says whether ``np.inf`` is a valid value (the max norm's
    ``p``); `optional`, whether None stands for a default.
    """

    value: float | None
    minimum: float | None = 0.0
    strict: bool = True
    infinite: bool = False
    optional: bool = False
    maximum: float | None = None
    strict_maximum: bool = True


@dataclass(frozen=True)
class Generator:
    """An ``rng`` argument: only a ``numpy.random.Generator`` is accepted.

    Each call gets a new ``np.random.default_rng(seed)`` (`value`), so that results are
    reproducible and an oracle given the same argument draws the same numbers. A seed, None,
    the legacy ``RandomState``, a ``SeedSequence`` or a bit generator must be refused with a
    TypeError naming the argument: a seed would make every call draw the same numbers.
    """

    seed: int = 0

    @property
    def value(self):
        return np.random.default_rng(self.seed)


@dataclass(frozen=True)
class Other:
    """Any other argument: passed as given, plus the `bad` values it must refuse.

    `bad` is a tuple of ``(value, error type)``; the message must name the argument.
    """

    value: object
    bad: tuple = ()


@dataclass
class Entry:
    """How to call one public function, and what to expect."""

    name: str
    func: Callable
    args: dict
    oracle: Callable | None = None
    oracle_rtol: float = 1e-10
    scale: Callable | None = None
    rescale: Callable | None = None
    ks: tuple | None = None
    names: dict = field(default_factory=dict)

    def base(self):
        """The valid keyword arguments (Number and Array values of None are left out: defaults)."""
        return {k: a.value for k, a in self.args.items() if a.value is not None or isinstance(a, Other)}

    def named(self, arg):
        """The names an error about `arg` may give: its own, and any related one (`names`)."""
        return (arg, *self.names.get(arg, ()))


TABLE: dict[str, Entry] = {}


def entry(
    name, func, *, oracle=None, oracle_rtol=1e-10, scale=None, rescale=None, ks=None, names=None, **args
):
    """Add the table entry for the public function `name` (its full dotted name).

    `ks` is the range of exponents k the extremes test scales by; by default, for a `scale`
    made by :func:`arrays`, every k at which the scaled arguments stay exact and finite: from
    the subnormal range up to the largest entry landing in [2**1023, 2**1024).
    """
    if name in TABLE:
        raise ValueError(f"{name} is in the table twice")
    TABLE[name] = Entry(name, func, args, oracle, oracle_rtol, scale, rescale, ks, names or {})


# ---------------------------------------------------------------------------------------------------
# Scaling: what a function gives when its arguments are multiplied by a power of two
# ---------------------------------------------------------------------------------------------------


def arrays(*names):
    """A `scale`: multiply the named arguments (arrays or numbers) by ``2**k``."""

    def scale(kwargs, k):
        out = dict(kwargs)
        for name in names:
            if out.get(name) is not None:
                out[name] = np.ldexp(np.asarray(out[name], dtype=np.float64), k)
        return out

    scale.names = names
    return scale


def exponent_range(values):
    """The k for which every value times 2**k is exact and finite (its largest entry below 2**1024)."""
    values = [np.asarray(v, dtype=np.float64) for v in values]
    nonzero = np.concatenate([v[v != 0].ravel() for v in values])
    if nonzero.size == 0:
        return (-1074, 1023)
    hi = 1024 - int(np.frexp(np.max(np.abs(nonzero)))[1])
    lo = next(k for k in range(-1074, 0) if np.array_equal(np.ldexp(np.ldexp(nonzero, k), -k), nonzero))
    return lo, hi


def conjugate(*points, f="f", power=1):
    r"""A `scale` for a function of a user's `f`: points times :math:`2^k`, `f` conjugated.

    The points are multiplied by :math:`2^k` and :math:`f(t)` becomes :math:`2^{pk} f(t/2^k)`.

    Derivatives then scale by :math:`2^{(p-1)k}` (second ones by :math:`2^{(p-2)k}`) and
    integrals by :math:`2^{(p+1)k}`, exactly: the points where the scaled `f` is evaluated are
    the original ones times :math:`2^k`, and its values the original ones times :math:`2^{pk}`.
    """
    move = arrays(*points)

    def scale(kwargs, k):
        out = move(kwargs, k)
        g = kwargs[f]
        out[f] = lambda t, g=g: np.ldexp(
            np.asarray(g(np.ldexp(np.asarray(t, dtype=np.float64), -k))), power * k
        )
        return out

    return scale


def times_f(f="f", power=1):
    """A `scale` for a user's function alone: :math:`f(t)` becomes :math:`2^{pk} f(t)`."""

    def scale(kwargs, k):
        g = kwargs[f]
        return {**kwargs, f: lambda t, g=g: np.ldexp(np.asarray(g(t)), power * k)}

    return scale


def scaled(*powers):
    """A `rescale`: the result (or each element of a tuple result) times ``2**(power * k)``.

    A power of None leaves that element as it is; a callable power is applied as ``power(value, k)``.
    """

    def rescale(out, k):
        with np.errstate(over="ignore", under="ignore"):
            if len(powers) == 1:
                return _times(out, powers[0], k)
            return tuple(_times(o, p, k) for o, p in zip(out, powers, strict=True))

    return rescale


def _times(value, power, k):
    if power is None:
        return value
    if callable(power):
        return power(value, k)
    return np.ldexp(np.asarray(value, dtype=np.float64), power * k)


# ---------------------------------------------------------------------------------------------------
# Valid values used by several entries
# ---------------------------------------------------------------------------------------------------

VEC = np.array([3.0, -1.0, 4.0])
VEC2 = np.array([1.0, 2.0, -2.0])
MAT = np.array([[2.0, -1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]])
SYM = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, -1.0], [0.0, -1.0, 2.0]])
TALL = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 2.0]])
P = np.array([[0.5, 0.25, 0.0], [0.5, 0.5, 1.0], [0.0, 0.25, 0.0]])  # column-stochastic, dyadic
WEIGHTS = np.array([[4.0, 3.0, 1.0], [2.0, 4.0, 4.0], [1.0, 1.0, 4.0]])  # row sums twice the largest entry


def smooth(t):
    """A smooth function of one variable for the calculus entries, vectorized."""
    return np.sin(t) + t * t


def smooth_prime(t):
    return np.cos(t) + 2 * t


def scalar_field(x):
    """A smooth f: R^2 -> R for the multivariate entries."""
    return np.sin(x[0]) + x[0] * x[1]


def vector_field(x):
    """A smooth f: R^2 -> R^3."""
    return np.array([np.sin(x[0]), x[0] * x[1], np.cos(x[1])])


def _sign_fixed(V):
    first = np.argmax(np.abs(V) >= np.abs(V).max(axis=0) * (1 - 1e-10), axis=0)
    return V * np.where(V[first, np.arange(V.shape[1])] < 0, -1.0, 1.0)


def _qr_oracle(A):
    Q, R = np.linalg.qr(A)
    signs = np.sign(np.diag(R))
    return Q * signs, (R.T * signs).T


def _svd_oracle(A):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    fixed = _sign_fixed(U)
    signs = np.sign(np.sum(fixed * U, axis=0))
    return fixed, s, (Vt.T * signs).T


def _eigh_oracle(A):
    values, vectors = np.linalg.eigh(A)
    return values, _sign_fixed(vectors)


def _stationary_oracle(P):
    values, vectors = np.linalg.eig(P)
    v = vectors[:, np.argmin(np.abs(values - 1))].real
    return v / v.sum()


# ---------------------------------------------------------------------------------------------------
# mlmath_ref.fundamentals
# ---------------------------------------------------------------------------------------------------

for _name in ("naive_sum", "kahan_sum"):
    entry(
        f"mlmath_ref.fundamentals.{_name}",
        getattr(fundamentals, _name),
        x=Array([3.0, -1.0, 4.0, 1.0, -5.0, 2.0], empty=True),
        oracle=lambda x: math.fsum(np.asarray(x, dtype=float)),
        scale=arrays("x"),
        rescale=scaled(1),
    )
entry(
    "mlmath_ref.fundamentals.partial_sums",
    fundamentals.partial_sums,
    a=Array([3.0, -1.0, 4.0, 1.0, -5.0, 2.0], empty=True),
    oracle=lambda a: np.cumsum(a),
    scale=arrays("a"),
    rescale=scaled(1),
)


def _shifted(kwargs, k):
    # logsumexp(z + c) = logsumexp(z) + c, with c = +-2**|k|
    return {**kwargs, "z": np.asarray(kwargs["z"], dtype=float) + math.copysign(2.0 ** abs(k), k)}


entry(
    "mlmath_ref.fundamentals.logsumexp",
    fundamentals.logsumexp,
    z=Array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]], ndim=(1, 2, 3)),
    axis=Other(-1, bad=((True, TypeError), (1.0, TypeError), (2, ValueError), (-3, ValueError))),
    oracle=lambda z, axis: scipy.special.logsumexp(z, axis=axis),
    scale=_shifted,
    rescale=lambda out, k: out + math.copysign(2.0 ** abs(k), k),
    ks=(-1023, 1023),
)
entry(
    "mlmath_ref.fundamentals.machine_epsilon",
    fundamentals.machine_epsilon,
    dtype=Other(np.float32, bad=((np.int32, TypeError), ("no such type", TypeError), (complex, TypeError))),
    oracle=lambda dtype: np.finfo(dtype).eps,
)
entry(
    "mlmath_ref.fundamentals.compose",
    lambda functions, x: fundamentals.compose(*functions)(x),
    functions=Other((lambda t: 2 * t, lambda t: t + 1), bad=(((), ValueError), ((abs, 3), TypeError))),
    x=Other(3),
    oracle=lambda functions, x: 8,
    names={"functions": ("function", "argument")},
)
entry(
    "mlmath_ref.fundamentals.cartesian_product",
    lambda sets: fundamentals.cartesian_product(*sets),
    sets=Other(([1, 2], (3, 4)), bad=((([1], "ab"), TypeError), (([1], 3), TypeError))),
    oracle=lambda sets: [(1, 3), (1, 4), (2, 3), (2, 4)],
)
entry(
    "mlmath_ref.fundamentals.image",
    fundamentals.image,
    f=Function(lambda t: t * t, returns="hashable"),
    domain=Other([-2, -1, 0, 1, 2], bad=((5, TypeError), ("abc", TypeError))),
    oracle=lambda f, domain: {f(t) for t in domain},
)
entry(
    "mlmath_ref.fundamentals.is_injective",
    fundamentals.is_injective,
    f=Function(lambda t: t * t, returns="hashable"),
    domain=Other([0, 1, 2], bad=((5, TypeError), ([[1, 2], [3]], TypeError))),
    oracle=lambda f, domain: True,
)
entry(
    "mlmath_ref.fundamentals.iterate",
    lambda f, x0, n: np.array(fundamentals.iterate(f, x0, n)),
    f=Function(lambda x: x / 2, returns="any"),
    x0=Other(np.array([8.0, 4.0])),
    n=Count(3, minimum=0),
    oracle=lambda f, x0, n: np.array([[8.0, 4.0], [4.0, 2.0], [2.0, 1.0], [1.0, 0.5]]),
)
entry(
    "mlmath_ref.fundamentals.find_counterexample",
    fundamentals.find_counterexample,
    claim=Function(lambda t: t * t >= t, returns="bool"),
    candidates=Other([2, 1, 0.5, 3], bad=((7, TypeError),)),
    oracle=lambda claim, candidates: 0.5,
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.calculus: f is conjugated, so that derivatives and integrals scale exactly
# ---------------------------------------------------------------------------------------------------

entry(
    "mlmath_ref.calculus.derivative",
    calculus.derivative,
    f=Function(smooth),
    x=Array([0.5, 1.25], ndim=None),
    h=Number(2.0**-12, optional=True),
    method=Other("central", bad=(("upwind", ValueError), (None, ValueError))),
    oracle=lambda f, x, h, method: smooth_prime(np.asarray(x)),
    oracle_rtol=1e-6,
    scale=conjugate("x", "h"),
    rescale=scaled(0),
    ks=(-1000, 1000),
)
entry(
    "mlmath_ref.calculus.second_derivative",
    calculus.second_derivative,
    f=Function(smooth),
    x=Array([0.5, 1.25], ndim=None),
    h=Number(2.0**-8, optional=True),
    oracle=lambda f, x, h: 2 - np.sin(np.asarray(x)),
    oracle_rtol=1e-4,
    scale=conjugate("x", "h"),
    rescale=scaled(-1),
    ks=(-1000, 1000),
)


def _tangent(f, x0, h, t):
    line = calculus.tangent_line(f, x0, h)
    return line.value, line.slope, line.intercept, line(t)


entry(
    "mlmath_ref.calculus.tangent_line",
    _tangent,
    f=Function(smooth),
    x0=Number(0.75, minimum=None),
    h=Number(2.0**-12, optional=True),
    t=Array([0.5, 2.0], ndim=None, empty=True),
    oracle=lambda f, x0, h, t: (
        smooth(x0),
        smooth_prime(x0),
        smooth(x0) - smooth_prime(x0) * x0,
        smooth(x0) + smooth_prime(x0) * (np.asarray(t) - x0),
    ),
    oracle_rtol=1e-6,
    scale=conjugate("x0", "h", "t"),
    rescale=scaled(1, 0, 1, 1),
    ks=(-1000, 1000),
)


def _taylor(derivatives, x0, x):
    p = calculus.taylor_polynomial(derivatives, x0)
    return p.coefficients, p(x)


def _taylor_scale(kwargs, k):
    # the derivatives of 2**k f(t / 2**k) at 2**k x0: f^(j)(x0) times 2**(k (1 - j))
    d = np.asarray(kwargs["derivatives"], dtype=float)
    out = arrays("x0", "x")(kwargs, k)
    out["derivatives"] = np.ldexp(d, k * (1 - np.arange(d.size)))
    return out


entry(
    "mlmath_ref.calculus.taylor_polynomial",
    _taylor,
    derivatives=Array([1.0, 2.0, -1.0, 3.0]),
    x0=Number(0.5, minimum=None),
    x=Array([0.75, 1.5], ndim=None, empty=True),
    oracle=lambda derivatives, x0, x: (
        np.array([1.0, 2.0, -0.5, 0.5]),
        np.polynomial.Polynomial([1.0, 2.0, -0.5, 0.5])(np.asarray(x) - x0),
    ),
    scale=_taylor_scale,
    rescale=scaled(lambda c, k: np.ldexp(c, k * (1 - np.arange(c.size))), 1),
    ks=(-340, 340),
)
entry(
    "mlmath_ref.calculus.integrate",
    calculus.integrate,
    f=Function(smooth),
    a=Number(-0.75, minimum=None),
    b=Number(1.5, minimum=None),
    n=Count(16),
    rule=Other("simpson", bad=(("gauss", ValueError),)),
    oracle=lambda f, a, b, n, rule: scipy.integrate.quad(smooth, a, b)[0],
    oracle_rtol=1e-5,
    scale=conjugate("a", "b", power=-1),  # the integral does not change; at k = 1023, b - a overflows
    rescale=scaled(0),
    ks=(-1000, 1023),
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.multivariate
# ---------------------------------------------------------------------------------------------------

X2 = np.array([0.5, -0.25])
H = 2.0**-12


def _grad_field(x):
    return np.array([np.cos(x[0]) + x[1], x[0]])


entry(
    "mlmath_ref.multivariate.partial_derivative",
    multivariate.partial_derivative,
    f=Function(scalar_field),
    x=Array(X2),
    i=Other(1, bad=((2, ValueError), (-1, ValueError), (1.0, TypeError), (True, TypeError))),
    h=Number(H, optional=True),
    oracle=lambda f, x, i, h: _grad_field(x)[i],
    oracle_rtol=1e-6,
    scale=conjugate("x", "h"),
    rescale=scaled(0),
    ks=(-1000, 1000),
)
entry(
    "mlmath_ref.multivariate.gradient",
    multivariate.gradient,
    f=Function(scalar_field),
    x=Array(X2),
    h=Number(H, optional=True),
    oracle=lambda f, x, h: _grad_field(x),
    oracle_rtol=1e-6,
    scale=conjugate("x", "h"),
    rescale=scaled(0),
    ks=(-1000, 1000),
)
entry(
    "mlmath_ref.multivariate.directional_derivative",
    multivariate.directional_derivative,
    f=Function(scalar_field),
    x=Array(X2),
    v=Array([2.0, -3.0]),
    h=Number(H, optional=True),
    oracle=lambda f, x, v, h: _grad_field(x) @ v,
    oracle_rtol=1e-6,
    scale=conjugate("x", "h"),
    rescale=scaled(0),
    ks=(-1000, 1000),
    names={"v": ("x",)},
)
entry(
    "mlmath_ref.multivariate.jacobian",
    multivariate.jacobian,
    f=Function(vector_field),
    x=Array(X2),
    h=Number(H, optional=True),
    oracle=lambda f, x, h: np.array([[np.cos(x[0]), 0.0], [x[1], x[0]], [0.0, -np.sin(x[1])]]),
    oracle_rtol=1e-6,
    scale=conjugate("x", "h"),
    rescale=scaled(0),
    ks=(-1000, 1000),
)
entry(
    "mlmath_ref.multivariate.hessian",
    multivariate.hessian,
    f=Function(scalar_field),
    x=Array(X2),
    h=Number(2.0**-8, optional=True),
    oracle=lambda f, x, h: np.array([[-np.sin(x[0]), 1.0], [1.0, 0.0]]),
    oracle_rtol=1e-4,
    scale=conjugate("x", "h"),
    rescale=scaled(-1),
    ks=(-1000, 1000),
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.autodiff (the operations of Scalar and Tensor have their own table: OPERATIONS below)
# ---------------------------------------------------------------------------------------------------

entry(
    "mlmath_ref.autodiff.Scalar",
    lambda value, label: autodiff.Scalar(value, label).value,
    value=Number(2.5, minimum=None),
    label=Other("x"),
    oracle=lambda value, label: value,
    scale=arrays("value"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.autodiff.Tensor",
    lambda data, label: autodiff.Tensor(data, label).data,
    data=Array(MAT, ndim=None),
    label=Other("W"),
    oracle=lambda data, label: np.asarray(data, dtype=float),
    scale=arrays("data"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.autodiff.unbroadcast",
    autodiff.unbroadcast,
    grad=Array((np.arange(24.0) % 7 - 3).reshape(4, 2, 3), ndim=None, empty=True),
    shape=Other(
        (2, 1),
        bad=(
            ("ab", TypeError),
            ((-1,), ValueError),
            ((2.5,), TypeError),
            (None, TypeError),
            ((3, 3), ValueError),
        ),
    ),
    oracle=lambda grad, shape: np.asarray(grad, dtype=float).sum(axis=(0, 2))[:, None],
    scale=arrays("grad"),
    rescale=scaled(1),
    names={"grad": ("shape",)},
)


def _graph(root):
    nodes, edges = autodiff.graph_of(root)
    return [n.op or n.label for n in nodes], edges


_x = autodiff.Scalar(3.0, label="x")
entry(
    "mlmath_ref.autodiff.graph_of",
    _graph,
    root=Other(_x * _x + _x, bad=((3.0, TypeError), (None, TypeError), (np.ones(2), TypeError))),
    oracle=lambda root: (["x", "*", "+"], [(0, 1), (0, 1), (1, 2), (0, 2)]),
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.linalg
# ---------------------------------------------------------------------------------------------------

entry(
    "mlmath_ref.linalg.dot",
    linalg.dot,
    x=Array(VEC),
    y=Array(VEC2),
    oracle=lambda x, y: np.dot(x, y),
    scale=arrays("x", "y"),
    rescale=scaled(2),
    names={"x": ("y",), "y": ("x",)},
)
entry(
    "mlmath_ref.linalg.norm",
    linalg.norm,
    x=Array(VEC),
    p=Number(3, minimum=1, strict=False, infinite=True),
    oracle=lambda x, p: np.linalg.norm(x, p),
    scale=arrays("x"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.linalg.distance",
    linalg.distance,
    x=Array(VEC),
    y=Array(VEC2),
    p=Number(2, minimum=1, strict=False, infinite=True),
    oracle=lambda x, y, p: np.linalg.norm(np.subtract(x, y, dtype=float), p),
    scale=arrays("x", "y"),
    rescale=scaled(1),
    names={"x": ("y",), "y": ("x",)},
)
for _name, _oracle in [
    ("cosine_similarity", lambda x, y: np.dot(x, y) / np.linalg.norm(x) / np.linalg.norm(y)),
    ("angle", lambda x, y: np.arccos(np.dot(x, y) / np.linalg.norm(x) / np.linalg.norm(y))),
]:
    entry(
        f"mlmath_ref.linalg.{_name}",
        getattr(linalg, _name),
        x=Array(VEC),
        y=Array(VEC2),
        oracle=_oracle,
        scale=arrays("x", "y"),
        rescale=scaled(0),
        names={"x": ("y",), "y": ("x",)},
    )
entry(
    "mlmath_ref.linalg.linear_combination",
    linalg.linear_combination,
    c=Array([2.0, -1.0]),
    V=Array(TALL, ndim=(2,)),
    oracle=lambda c, V: np.asarray(V) @ np.asarray(c),
    scale=arrays("c", "V"),
    rescale=scaled(2),
    names={"c": ("V",), "V": ("c",)},
)
entry(
    "mlmath_ref.linalg.broadcast_shape",
    lambda shapes: linalg.broadcast_shape(*shapes),
    shapes=Other(
        ((3, 1), (4,)),
        bad=(
            (((2, 3), (2,)), ValueError),
            ((("a",),), TypeError),
            (((-1,),), ValueError),
            (((True,),), TypeError),
        ),
    ),
    oracle=lambda shapes: np.broadcast_shapes(*shapes),
)
entry(
    "mlmath_ref.linalg.is_linearly_independent",
    linalg.is_linearly_independent,
    V=Array(TALL, ndim=(2,)),
    tol=Number(None, strict=False, optional=True),
    oracle=lambda V, tol=None: np.linalg.matrix_rank(V) == np.shape(V)[1],
    scale=arrays("V"),
    rescale=scaled(None),
)
entry(
    "mlmath_ref.linalg.rank",
    linalg.rank,
    A=Array(TALL, ndim=(2,)),
    tol=Number(None, strict=False, optional=True),
    oracle=lambda A, tol=None: np.linalg.matrix_rank(A),
    scale=arrays("A"),
    rescale=scaled(None),
)
entry(
    "mlmath_ref.linalg.coordinates",
    linalg.coordinates,
    x=Array(VEC, ndim=(1, 2)),
    B=Array(MAT, ndim=(2,)),
    oracle=lambda x, B: np.linalg.solve(B, x),
    scale=arrays("x", "B"),
    rescale=scaled(0),
    names={"x": ("B",), "B": ("x",)},
)
entry(
    "mlmath_ref.linalg.solve",
    linalg.solve,
    A=Array(MAT, ndim=(2,)),
    b=Array(VEC, ndim=(1, 2)),
    oracle=lambda A, b: np.linalg.solve(A, b),
    scale=arrays("A", "b"),
    rescale=scaled(0),
    names={"A": ("b",), "b": ("A",)},
)
entry(
    "mlmath_ref.linalg.det",
    linalg.det,
    A=Array(MAT, ndim=(2,)),
    oracle=lambda A: np.linalg.det(A),
    scale=arrays("A"),
    rescale=scaled(3),
)
entry(
    "mlmath_ref.linalg.inverse",
    linalg.inverse,
    A=Array(MAT, ndim=(2,)),
    oracle=lambda A: np.linalg.inv(A),
    scale=arrays("A"),
    rescale=scaled(-1),
)
entry(
    "mlmath_ref.linalg.gram_schmidt",
    linalg.gram_schmidt,
    V=Array(TALL, ndim=(2,)),
    oracle=lambda V: _qr_oracle(np.asarray(V, dtype=float))[0],
    scale=arrays("V"),
    rescale=scaled(0),
)
entry(
    "mlmath_ref.linalg.qr",
    linalg.qr,
    A=Array(TALL, ndim=(2,)),
    oracle=lambda A: _qr_oracle(np.asarray(A, dtype=float)),
    scale=arrays("A"),
    rescale=scaled(0, 1),
)
entry(
    "mlmath_ref.linalg.project",
    linalg.project,
    x=Array(VEC, ndim=(1, 2)),
    onto=Array(TALL, ndim=(1, 2)),
    oracle=lambda x, onto: np.asarray(onto) @ np.linalg.lstsq(onto, x)[0],
    scale=arrays("x"),
    rescale=scaled(1),
    names={"x": ("onto",), "onto": ("x",)},
)
entry(
    "mlmath_ref.linalg.matrix_of",
    linalg.matrix_of,
    f=Function(lambda x: MAT @ x),
    n=Count(3),
    check=Other(True),
    oracle=lambda f, n, check: MAT,
    scale=times_f(),
    rescale=scaled(1),
    ks=(-1072, 1017),
)
entry(
    "mlmath_ref.linalg.matmul",
    linalg.matmul,
    A=Array(TALL, ndim=(2,)),
    B=Array([[1.0, 0.0, 2.0], [-1.0, 3.0, 1.0]], ndim=(1, 2)),
    oracle=lambda A, B: np.asarray(A) @ np.asarray(B),
    scale=arrays("A", "B"),
    rescale=scaled(2),
    names={"A": ("B",), "B": ("A",)},
)
entry(
    "mlmath_ref.linalg.transpose",
    linalg.transpose,
    A=Array(TALL, ndim=(2,)),
    oracle=lambda A: np.asarray(A).T,
    scale=arrays("A"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.linalg.trace",
    linalg.trace,
    A=Array(MAT, ndim=(2,)),
    oracle=lambda A: np.trace(A),
    scale=arrays("A"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.linalg.power_iteration",
    linalg.power_iteration,
    A=Array(SYM, ndim=(2,)),
    num_iterations=Count(1000),
    tol=Number(2.0**-34),
    x0=Array([1.0, 0.0, 0.0], optional=True),
    oracle=lambda A, num_iterations, tol, x0: (
        np.linalg.eigh(A)[0][-1],
        _sign_fixed(np.linalg.eigh(A)[1])[:, -1],
    ),
    oracle_rtol=1e-8,
    scale=arrays("A"),
    rescale=scaled(1, 0),
    names={"x0": ("A",)},
)
entry(
    "mlmath_ref.linalg.eig_symmetric",
    linalg.eig_symmetric,
    A=Array(SYM, ndim=(2,)),
    tol=Number(1e-12),
    max_sweeps=Count(100),
    oracle=lambda A, tol, max_sweeps: _eigh_oracle(A),
    scale=arrays("A"),
    rescale=scaled(1, 0),
)
entry(
    "mlmath_ref.linalg.svd",
    linalg.svd,
    A=Array(TALL, ndim=(2,)),
    oracle=lambda A: _svd_oracle(np.asarray(A, dtype=float)),
    scale=arrays("A"),
    rescale=scaled(0, 1, 0),
)
entry(
    "mlmath_ref.linalg.pinv",
    linalg.pinv,
    A=Array(TALL, ndim=(2,)),
    rtol=Number(None, strict=False, optional=True),
    oracle=lambda A, rtol=None: np.linalg.pinv(A),
    scale=arrays("A"),
    rescale=scaled(-1),
)
entry(
    "mlmath_ref.linalg.adjacency_matrix",
    linalg.adjacency_matrix,
    edges=Other(
        [(0, 1), (1, 2)],
        bad=(
            ([(0, 3)], ValueError),
            ([(0, 1.5)], TypeError),
            ([(0,)], ValueError),
            (None, TypeError),
            (np.ma.masked_array([[0, 1]]), TypeError),
        ),
    ),
    n=Count(3),
    directed=Other(False),
    weights=Array([2.0, 3.0], optional=True),
    oracle=lambda edges, n, directed, weights: np.array([[0, 2, 0], [2, 0, 3], [0, 3, 0]], dtype=float),
    scale=arrays("weights"),
    rescale=scaled(1),
    names={"weights": ("edges",)},
)
entry(
    "mlmath_ref.linalg.transition_matrix",
    linalg.transition_matrix,
    A=Array(WEIGHTS, ndim=(2,)),
    oracle=lambda A: (np.asarray(A) / np.sum(A, axis=1)[:, None]).T,
    scale=arrays("A"),
    rescale=scaled(0),
)
entry(
    "mlmath_ref.linalg.stationary_distribution",
    linalg.stationary_distribution,
    P=Array(P, ndim=(2,)),
    oracle=_stationary_oracle,
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.probability: a distribution is an entry for its constructor and one per method
# ---------------------------------------------------------------------------------------------------

LN2 = math.log(2.0)


def shifted(power):
    """A `rescale` for a logarithm: the result plus ``power * k * log(2)`` (the log of ``2**(power k)``)."""
    return lambda out, k: np.asarray(out, dtype=np.float64) + power * k * LN2


PROBABILITY = Number(0.25, minimum=0.0, strict=False, maximum=1.0, strict_maximum=False)
SIZE = Other(
    (2, 3),
    bad=(
        (-1, ValueError),
        ((2, -3), ValueError),
        (2.5, TypeError),
        ("3", TypeError),
        (True, TypeError),
        ([2, 3], TypeError),
        (10**400, ValueError),
    ),
)


def distribution(cls, frozen, params, *, at=None, results=(), sample=None, rescale=None, **common):
    """The entries of a distribution class `cls`: its constructor and each public method.

    `frozen` builds the oracle (a frozen ``scipy.stats`` distribution) from the parameters;
    `params` are the constructor's argument kinds. `at` maps a method taking points
    (``pmf``, ``cdf``...) to its points and `rescale`; `results` lists the methods without
    arguments with their `rescale`; `sample` is the oracle of ``sample`` (None: none, its
    generator decides) and its `rescale`; `rescale` is the constructor's (by default each parameter
    scales as its argument). `common` (``scale``, ``ks``) is passed to every entry.
    """
    name = f"mlmath_ref.probability.{cls.__name__}"
    names = tuple(params)

    def build(kwargs):
        return cls(**{n: kwargs.pop(n) for n in names})

    entry(
        name,
        lambda **kw: tuple(_call_or_get(cls(**kw), n) for n in names),
        oracle=lambda **kw: tuple(np.asarray(kw[n], dtype=float) for n in names),
        rescale=rescale or (scaled(*([1] * len(names))) if common.get("scale") else None),
        **common,
        **params,
    )
    for method, (points, rescale) in (at or {}).items():
        entry(
            f"{name}.{method}",
            lambda method=method, **kw: getattr(build(kw), method)(kw["x"] if "x" in kw else kw["k"]),
            oracle=lambda method=method, **kw: getattr(frozen(**{n: kw[n] for n in names}), method)(
                kw["x"] if "x" in kw else kw["k"]
            ),
            rescale=rescale,
            **common,
            **params,
            **points,
        )
    for method, (oracle, rescale) in dict(results).items():
        entry(
            f"{name}.{method}",
            lambda method=method, **kw: _call_or_get(build(kw), method),
            oracle=oracle or (lambda method=method, **kw: getattr(frozen(**kw), method)()),
            rescale=rescale,
            **common,
            **params,
        )
    oracle, rescale = sample or (None, None)
    entry(
        f"{name}.sample",
        lambda **kw: build(kw).sample(kw["rng"], kw["size"]),
        oracle=oracle,
        rescale=rescale,
        rng=Generator(),
        size=SIZE,
        **common,
        **params,
    )


def _call_or_get(obj, attr):
    value = getattr(obj, attr)
    return value() if callable(value) else value


_bernoulli = lambda p: scipy.stats.bernoulli(p)  # noqa: E731
distribution(
    probability.Bernoulli,
    _bernoulli,
    {"p": PROBABILITY},
    at={
        "pmf": ({"k": Array([0.0, 1.0, 1.0, 2.0, -1.0, 0.5], ndim=None, empty=True, infinite=True)}, None),
        "logpmf": ({"k": Array([0.0, 1.0, 1.0, 2.0, -1.0, 0.5], ndim=None, empty=True, infinite=True)}, None),
        "cdf": ({"x": Array([-1.0, 0.0, 0.5, 1.0, 3.0], ndim=None, empty=True, infinite=True)}, None),
    },
    results={"mean": (None, None), "var": (None, None), "entropy": (None, None)},
)
_binomial = lambda n, p: scipy.stats.binom(n, p)  # noqa: E731
distribution(
    probability.Binomial,
    _binomial,
    {"n": Count(10, minimum=0), "p": PROBABILITY},
    at={
        "pmf": ({"k": Array([0.0, 3.0, 10.0, 11.0, -1.0, 2.5], ndim=None, empty=True, infinite=True)}, None),
        "logpmf": (
            {"k": Array([0.0, 3.0, 10.0, 11.0, -1.0, 2.5], ndim=None, empty=True, infinite=True)},
            None,
        ),
        "cdf": (
            {"x": Array([-1.0, 0.0, 2.5, 3.0, 9.0, 10.0, 12.0], ndim=None, empty=True, infinite=True)},
            None,
        ),
    },
    results={"mean": (None, None), "var": (None, None), "entropy": (None, None)},
    sample=(lambda n, p, rng, size: scipy.stats.binom(n, p).rvs(size=size, random_state=rng), None),
)


def _categorical(p):
    p = np.asarray(p, dtype=float)
    return scipy.stats.rv_discrete(values=(np.arange(p.size), p))


distribution(
    probability.Categorical,
    _categorical,
    {"p": Array([0.25, 0.5, 0.0, 0.25])},
    at={
        "pmf": (
            {"k": Array([0.0, 1.0, 2.0, 3.0, 4.0, -1.0, 1.5], ndim=None, empty=True, infinite=True)},
            None,
        ),
        "logpmf": (
            {"k": Array([0.0, 1.0, 2.0, 3.0, 4.0, -1.0, 1.5], ndim=None, empty=True, infinite=True)},
            None,
        ),
        "cdf": ({"x": Array([-0.5, 0.0, 1.5, 3.0, 7.0], ndim=None, empty=True, infinite=True)}, None),
    },
    results={
        "mean": (None, None),
        "var": (None, None),
        "entropy": (lambda p: scipy.stats.entropy(p), None),
    },
)
_uniform = lambda a, b: scipy.stats.uniform(a, b - a)  # noqa: E731
_POINTS = Array([-2.0, -1.0, 0.5, 3.0, 4.0, -40.0], ndim=None, empty=True, infinite=True)
distribution(
    probability.Uniform,
    _uniform,
    {"a": Number(-1.0, minimum=None), "b": Number(3.0, minimum=None)},
    at={
        "pdf": ({"x": _POINTS}, scaled(-1)),
        "logpdf": ({"x": _POINTS}, shifted(-1)),
        "cdf": ({"x": _POINTS}, scaled(0)),
    },
    results={"mean": (None, scaled(1)), "var": (None, scaled(2)), "entropy": (None, shifted(1))},
    sample=(lambda a, b, rng, size: _uniform(a, b).rvs(size=size, random_state=rng), scaled(1)),
    scale=arrays("a", "b", "x"),
)
_normal = lambda mu, sigma: scipy.stats.norm(mu, sigma)  # noqa: E731
distribution(
    probability.Normal,
    _normal,
    {"mu": Number(0.5, minimum=None), "sigma": Number(2.0)},
    at={
        "pdf": ({"x": _POINTS}, scaled(-1)),
        "logpdf": ({"x": _POINTS}, shifted(-1)),
        "cdf": ({"x": _POINTS}, scaled(0)),
    },
    results={"mean": (None, scaled(1)), "var": (None, scaled(2)), "entropy": (None, shifted(1))},
    sample=(lambda mu, sigma, rng, size: _normal(mu, sigma).rvs(size=size, random_state=rng), scaled(1)),
    scale=arrays("mu", "sigma", "x"),
)


def _mvn_scale(kwargs, k):
    out = arrays("mean", "x")(kwargs, k)
    out["cov"] = np.ldexp(np.asarray(kwargs["cov"], dtype=np.float64), 2 * k)
    return out


_mvn = lambda mean, cov: scipy.stats.multivariate_normal(mean, cov)  # noqa: E731
_MVN_POINTS = Array([[0.0, 0.0], [1.0, -2.0], [3.0, 1.0], [-4.0, 3.0]], ndim=None, empty=True, infinite=True)
distribution(
    probability.MultivariateNormal,
    _mvn,
    {"mean": Array([1.0, -2.0]), "cov": Array([[2.0, 1.0], [1.0, 2.0]], ndim=(2,))},
    at={
        "pdf": ({"x": _MVN_POINTS}, scaled(-2)),
        "logpdf": ({"x": _MVN_POINTS}, shifted(-2)),
    },
    results={
        "mean": (lambda mean, cov: np.asarray(mean, dtype=float), scaled(1)),
        "cov": (lambda mean, cov: np.asarray(cov, dtype=float), scaled(2)),
        "entropy": (None, shifted(2)),
        "dim": (lambda mean, cov: 2, scaled(None)),
    },
    sample=(None, scaled(1)),
    rescale=scaled(1, 2),
    scale=_mvn_scale,
    ks=(-530, 510),
)

# the functions of probability vectors and tables
_PROBS = Array([0.25, 0.5, 0.0, 0.25])
entry(
    "mlmath_ref.probability.expected_value",
    probability.expected_value,
    values=Array([3.0, -1.0, 4.0, 1.0]),
    probs=_PROBS,
    oracle=lambda values, probs: math.fsum(np.multiply(values, probs)),
    scale=arrays("values"),
    rescale=scaled(1),
    names={"values": ("probs",), "probs": ("values",)},
)
entry(
    "mlmath_ref.probability.variance",
    probability.variance,
    values=Array([3.0, -1.0, 4.0, 1.0]),
    probs=_PROBS,
    oracle=lambda values, probs: scipy.stats.rv_discrete(values=(values, probs)).var(),
    scale=arrays("values"),
    rescale=scaled(2),
    names={"values": ("probs",), "probs": ("values",)},
)
_BASE = Number(2.0, optional=True)
entry(
    "mlmath_ref.probability.entropy",
    probability.entropy,
    p=_PROBS,
    base=_BASE,
    oracle=lambda p, base=None: scipy.stats.entropy(p, base=base),
)
entry(
    "mlmath_ref.probability.cross_entropy",
    probability.cross_entropy,
    p=_PROBS,
    q=Array([0.5, 0.125, 0.125, 0.25]),
    base=_BASE,
    oracle=lambda p, q, base=None: -np.sum(scipy.special.xlogy(p, q)) / math.log(base or math.e),
    names={"p": ("q",), "q": ("p",)},
)
entry(
    "mlmath_ref.probability.kl_divergence",
    probability.kl_divergence,
    p=_PROBS,
    q=Array([0.5, 0.125, 0.125, 0.25]),
    base=_BASE,
    oracle=lambda p, q, base=None: scipy.stats.entropy(p, q, base=base),
    names={"p": ("q",), "q": ("p",)},
)
entry(
    "mlmath_ref.probability.bayes_posterior",
    probability.bayes_posterior,
    prior=Array([0.25, 0.5, 0.25]),
    likelihood=Array([0.5, 0.25, 1.0]),
    oracle=lambda prior, likelihood: np.multiply(prior, likelihood) / np.dot(prior, likelihood),
    scale=arrays("likelihood"),
    rescale=scaled(0),
    names={"prior": ("likelihood",), "likelihood": ("prior",)},
)
_JOINT = np.array([[0.125, 0.25, 0.0], [0.375, 0.125, 0.125]])
entry(
    "mlmath_ref.probability.marginal",
    probability.marginal,
    joint=Array(_JOINT, ndim=None),
    axis=Other(
        0,
        bad=(
            (2, ValueError),
            (-3, ValueError),
            (1.0, TypeError),
            (True, TypeError),
            ((), ValueError),
            ((0, 0), ValueError),
            ("0", TypeError),
            (None, TypeError),
        ),
    ),
    oracle=lambda joint, axis: np.sum(joint, axis=1),
)
entry(
    "mlmath_ref.probability.conditional",
    probability.conditional,
    joint=Array(_JOINT, ndim=None),
    axis=Other(0, bad=((2, ValueError), (1.0, TypeError), (True, TypeError), (None, TypeError))),
    index=Other(1, bad=((2, ValueError), (-1, ValueError), (1.0, TypeError), (True, TypeError))),
    oracle=lambda joint, axis, index: np.asarray(joint[1]) / np.sum(joint[1]),
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.stats
# ---------------------------------------------------------------------------------------------------

SAMPLE = Array([3.0, -1.0, 4.0, 1.0, 5.0, -2.0, 6.0, 0.5])
DATA = Array(
    [[2.0, 1.0, 0.5], [-1.0, 3.0, 1.0], [4.0, -2.0, 2.5], [0.0, 1.0, -1.0], [3.0, 2.0, 4.0]], ndim=(2,)
)
LEVEL = Number(0.875, maximum=1.0)


def _pca_oracle(X, n_components):
    import sklearn.decomposition

    X = np.asarray(X, dtype=float)
    fit = sklearn.decomposition.PCA(n_components=n_components, svd_solver="full").fit(X)
    scores = (X - X.mean(axis=0)) @ fit.components_.T  # the sign: the largest score is positive
    signs = np.sign(scores[np.argmax(np.abs(scores), axis=0), np.arange(n_components)])
    return fit.components_ * signs[:, None], fit.explained_variance_


def _logistic_oracle(X, y, fit_intercept=True, optimizer=None, num_steps=None):
    import sklearn.linear_model

    fit = sklearn.linear_model.LogisticRegression(
        C=np.inf, fit_intercept=fit_intercept, tol=1e-12, max_iter=10_000
    ).fit(X, y)
    return fit.coef_[0], float(fit.intercept_[0]) if fit_intercept else 0.0


def _linear_oracle(X, y, fit_intercept=True):
    import sklearn.linear_model

    fit = sklearn.linear_model.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    return fit.coef_, float(fit.intercept_) if fit_intercept else 0.0


def _bootstrap_oracle(x, statistic, rng, n_resamples, level):
    # the percentile interval of the statistic on resamples drawn, one by one, from the same generator
    x = np.asarray(x, dtype=float)
    replicates = [statistic(x[rng.integers(0, x.shape[0], size=x.shape[0])]) for _ in range(n_resamples)]
    return tuple(np.quantile(replicates, [(1 - level) / 2, (1 + level) / 2]))


def _permutation_oracle(a, b, rng, n_resamples):
    return scipy.stats.permutation_test(
        (a, b),
        lambda u, v, axis: np.mean(u, axis=axis) - np.mean(v, axis=axis),
        permutation_type="independent",
        n_resamples=n_resamples,
        vectorized=True,
        rng=rng,
    ).pvalue


entry(
    "mlmath_ref.stats.mean",
    stats.mean,
    x=Array(SAMPLE.value, ndim=(1, 2)),
    oracle=lambda x: np.mean(x, axis=0),
    scale=arrays("x"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.stats.sample_variance",
    stats.sample_variance,
    x=Array(SAMPLE.value, ndim=(1, 2)),
    ddof=Count(1, minimum=0),
    oracle=lambda x, ddof: np.var(x, axis=0, ddof=ddof),
    scale=arrays("x"),
    rescale=scaled(2),
)
entry(
    "mlmath_ref.stats.covariance_matrix",
    stats.covariance_matrix,
    X=DATA,
    ddof=Count(1, minimum=0),
    oracle=lambda X, ddof: np.cov(X, rowvar=False, ddof=ddof),
    scale=arrays("X"),
    rescale=scaled(2),
)
entry(
    "mlmath_ref.stats.mle_normal",
    stats.mle_normal,
    x=SAMPLE,
    oracle=lambda x: scipy.stats.norm.fit(x),
    scale=arrays("x"),
    rescale=scaled(1, 1),
)
entry(
    "mlmath_ref.stats.mle_bernoulli",
    stats.mle_bernoulli,
    x=Array([1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0]),
    oracle=lambda x: np.mean(x),
)
entry(
    "mlmath_ref.stats.normal_ppf",
    stats.normal_ppf,
    q=Array([0.25, 0.5, 0.875, 0.0, 1.0, 2.0**-60, 1 - 2.0**-40], ndim=None, empty=True),
    oracle=lambda q: scipy.stats.norm.ppf(q),
)
entry(
    "mlmath_ref.stats.mean_interval",
    stats.mean_interval,
    x=SAMPLE,
    level=LEVEL,
    oracle=lambda x, level: scipy.stats.t.interval(
        level, len(x) - 1, loc=np.mean(x), scale=scipy.stats.sem(x)
    ),
    scale=arrays("x"),
    rescale=scaled(1, 1),
)
entry(
    "mlmath_ref.stats.proportion_interval",
    stats.proportion_interval,
    successes=Count(7, minimum=0),
    n=Count(20),
    level=LEVEL,
    method=Other(
        "wilson", bad=(("wald", ValueError), (None, ValueError), (["wilson"], (TypeError, ValueError)))
    ),
    oracle=lambda successes, n, level, method: tuple(
        scipy.stats.binomtest(successes, n).proportion_ci(confidence_level=level, method="wilson")
    ),
    names={"successes": ("n",), "n": ("successes",)},
)
entry(
    "mlmath_ref.stats.bootstrap_interval",
    stats.bootstrap_interval,
    x=Array(SAMPLE.value, ndim=(1, 2)),
    statistic=Function(np.mean),
    rng=Generator(),
    n_resamples=Count(64),
    level=LEVEL,
    oracle=_bootstrap_oracle,
    scale=arrays("x"),
    rescale=scaled(1, 1),
    ks=(-1060, 1016),  # beyond, the user's statistic (np.mean) overflows
)
entry(
    "mlmath_ref.stats.permutation_test",
    stats.permutation_test,
    a=Array([3.0, -1.0, 4.0, 1.0, 5.0, 2.5]),
    b=Array([9.0, 2.0, 6.0, 5.0, 7.0]),
    rng=Generator(),
    n_resamples=Count(100),
    oracle=_permutation_oracle,
    scale=arrays("a", "b"),
    rescale=scaled(0),
    names={"a": ("b",), "b": ("a",)},
)
_FEATURES = Array([[1.0, 2.0], [2.0, -1.0], [3.0, 0.5], [0.0, 1.0], [4.0, 3.0], [-1.0, 0.0]], ndim=(2,))
FLAG = Other(True, bad=((1, TypeError), ("yes", TypeError), (None, TypeError), (np.array([True]), TypeError)))
entry(
    "mlmath_ref.stats.linear_regression",
    stats.linear_regression,
    X=_FEATURES,
    y=Array([3.0, 1.0, 4.0, 1.0, 5.0, -2.0]),
    fit_intercept=FLAG,
    oracle=_linear_oracle,
    scale=arrays("y"),
    rescale=scaled(1, 1),
    names={"X": ("y",), "y": ("X",)},
)
entry(
    "mlmath_ref.stats.logistic_regression",
    stats.logistic_regression,
    X=_FEATURES,
    y=Array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0]),
    fit_intercept=FLAG,
    optimizer=Other(None, bad=(("adam", TypeError), (3, TypeError))),
    num_steps=Other(None, bad=((0, ValueError), (2.5, TypeError), (True, TypeError), (10**400, ValueError))),
    oracle=_logistic_oracle,
    oracle_rtol=1e-6,
    scale=arrays("X"),
    rescale=scaled(-1, 0),
    names={"X": ("y",), "y": ("X",)},
)
entry(
    "mlmath_ref.stats.pca",
    stats.pca,
    X=DATA,
    n_components=Count(2),
    oracle=_pca_oracle,
    scale=arrays("X"),
    rescale=scaled(0, 2),
)

# ---------------------------------------------------------------------------------------------------
# mlmath_ref.optimize: an optimizer's step updates the caller's params in place (its purpose), so
# the entries hand it a copy that keeps the subclass, dtype and writeability of each array
# ---------------------------------------------------------------------------------------------------

QUADRATIC = np.array([[2.0, 0.5], [0.5, 1.0]])  # the Hessian of f(x) = x^T A x / 2: grad(x) = A x


def _own(params):
    def copy_of(p):
        if not isinstance(p, np.ndarray):
            return p
        q = p.copy()
        q.flags.writeable = p.flags.writeable
        return q

    return type(params)(copy_of(p) for p in params) if isinstance(params, (list, tuple)) else params


PARAMS = Other(
    [np.array([1.0, -2.0, 0.5])],
    bad=(
        (np.array([1.0, -2.0, 0.5]), TypeError),  # one array, not a list of them
        ([], ValueError),
        ([[1.0, -2.0, 0.5]], TypeError),
        ([np.array([1, -2, 0])], TypeError),
        ([np.array([1.0, np.nan, 0.5])], ValueError),
        ([np.ma.masked_array([1.0, -2.0, 0.5], mask=[0, 1, 0])], TypeError),
        ([np.array([1.0, -2.0, 0.5]), np.zeros(2)], ValueError),
        (None, TypeError),
    ),
)
_PARAMS_NAMES = {"params": ("params[0]", "grads"), "grad": ("grads",)}


def _steps(make, params, grad, **hyper):
    # two steps (the second uses the state the first left), on a copy of params
    params = _own(params)
    optimizer = make(**hyper)
    optimizer.step(params, [grad])
    optimizer.step(params, [grad])
    return params[0]


def _torch_steps(make):
    def oracle(params, grad, **hyper):
        import torch

        theta = torch.tensor(np.asarray(params[0], dtype=float), requires_grad=True)
        optimizer = make([theta], **hyper)
        for _ in range(2):
            theta.grad = torch.tensor(np.asarray(grad, dtype=float))
            optimizer.step()
        return theta.detach().numpy()

    return oracle


def _scale_step(*numbers):
    # params, grad and the hyperparameters that carry units (learning rate, eps) times 2**k
    move = arrays("grad", *numbers)

    def scale(kwargs, k):
        out = move(kwargs, k)
        out["params"] = [np.ldexp(np.asarray(p, dtype=np.float64), k) for p in kwargs["params"]]
        return out

    return scale


LEARNING_RATE = Number(0.25)
WEIGHT_DECAY = Number(0.125, strict=False)
FRACTION = Number(0.5, strict=False, maximum=1.0)
STEP_GRAD = Array([0.5, 1.0, -2.0])
entry(
    "mlmath_ref.optimize.SGD",
    lambda **kw: tuple(getattr(optimize.SGD(**kw), n) for n in kw),
    learning_rate=LEARNING_RATE,
    momentum=FRACTION,
    nesterov=Other(True, bad=((1, TypeError), ("yes", TypeError), (None, TypeError))),
    weight_decay=WEIGHT_DECAY,
    oracle=lambda **kw: tuple(kw.values()),
)
entry(
    "mlmath_ref.optimize.SGD.step",
    lambda **kw: _steps(optimize.SGD, **kw),
    params=PARAMS,
    grad=STEP_GRAD,
    learning_rate=LEARNING_RATE,
    momentum=FRACTION,
    weight_decay=WEIGHT_DECAY,
    oracle=_torch_steps(
        lambda ps, learning_rate, **kw: __import__("torch").optim.SGD(ps, lr=learning_rate, **kw)
    ),
    # weight decay adds wd * theta to the gradient: it has no units, the rest scales with k
    scale=_scale_step(),
    rescale=scaled(1),
    ks=(-1060, 1019),
    names=_PARAMS_NAMES,
)
entry(
    "mlmath_ref.optimize.RMSProp",
    lambda **kw: tuple(getattr(optimize.RMSProp(**kw), n) for n in kw),
    learning_rate=LEARNING_RATE,
    alpha=FRACTION,
    eps=Number(2.0**-20),
    weight_decay=WEIGHT_DECAY,
    oracle=lambda **kw: tuple(kw.values()),
)
entry(
    "mlmath_ref.optimize.RMSProp.step",
    lambda **kw: _steps(optimize.RMSProp, **kw),
    params=PARAMS,
    grad=STEP_GRAD,
    learning_rate=LEARNING_RATE,
    alpha=FRACTION,
    eps=Number(2.0**-20),
    weight_decay=WEIGHT_DECAY,
    oracle=_torch_steps(
        lambda ps, learning_rate, **kw: __import__("torch").optim.RMSprop(ps, lr=learning_rate, **kw)
    ),
    scale=_scale_step("learning_rate", "eps"),
    rescale=scaled(1),
    ks=(-500, 500),  # the state holds squared gradients: beyond, they overflow (a clear error)
    names=_PARAMS_NAMES,
)
BETAS = Other(
    (0.5, 0.75),
    bad=(
        ((0.5,), TypeError),
        ((0.5, 1.0), ValueError),
        ((-0.5, 0.75), ValueError),
        ("ab", TypeError),
        (None, TypeError),
        ((0.5, "0.75"), TypeError),
        ((0.5, np.nan), ValueError),
    ),
)
entry(
    "mlmath_ref.optimize.Adam",
    lambda **kw: tuple(getattr(optimize.Adam(**kw), n) for n in kw),
    learning_rate=LEARNING_RATE,
    betas=BETAS,
    eps=Number(2.0**-20),
    weight_decay=WEIGHT_DECAY,
    oracle=lambda **kw: tuple(kw.values()),
)
entry(
    "mlmath_ref.optimize.Adam.step",
    lambda **kw: _steps(optimize.Adam, **kw),
    params=PARAMS,
    grad=STEP_GRAD,
    learning_rate=LEARNING_RATE,
    betas=BETAS,
    eps=Number(2.0**-20),
    weight_decay=WEIGHT_DECAY,
    oracle=_torch_steps(
        lambda ps, learning_rate, **kw: __import__("torch").optim.Adam(ps, lr=learning_rate, **kw)
    ),
    scale=_scale_step("learning_rate", "eps"),
    rescale=scaled(1),
    ks=(-500, 500),  # the state holds squared gradients: beyond, they overflow (a clear error)
    names=_PARAMS_NAMES,
)
entry(
    "mlmath_ref.optimize.gradient_descent",
    optimize.gradient_descent,
    grad=Function(lambda x: QUADRATIC @ x),
    x0=Array([1.0, -2.0]),
    learning_rate=Number(0.25),
    num_steps=Count(4, minimum=0),
    oracle=lambda grad, x0, learning_rate, num_steps: np.array(
        [np.linalg.matrix_power(np.eye(2) - learning_rate * QUADRATIC, j) @ x0 for j in range(num_steps + 1)]
    ),
    scale=arrays("x0"),
    rescale=scaled(1),
)
entry(
    "mlmath_ref.optimize.newton",
    optimize.newton,
    grad=Function(lambda x: QUADRATIC @ x - np.array([1.0, 0.5])),
    hess=Function(lambda x: QUADRATIC),
    x0=Array([1.0, -2.0]),
    num_steps=Count(2, minimum=0),
    oracle=lambda grad, hess, x0, num_steps: np.array(
        [x0, *[np.linalg.solve(QUADRATIC, [1.0, 0.5])] * num_steps]
    ),
    names={"hess": ("hess(x_0)",)},
)
entry(
    "mlmath_ref.optimize.minibatches",
    lambda n, batch_size, rng: np.concatenate(optimize.minibatches(n, batch_size, rng)),
    n=Count(10),
    batch_size=Count(4),
    rng=Generator(),
    oracle=lambda n, batch_size, rng: rng.permutation(n),
)


# ---------------------------------------------------------------------------------------------------
# mlmath_ref.nn. A random generator is passed as a factory (``rng=Other(lambda: ...)``): drawing
# from a Generator advances it, which the table's "arguments are left unchanged" check would
# report; the factory gives each call a fresh one, and its bad values return a bad rng.
# ---------------------------------------------------------------------------------------------------

LOGITS = np.array([[2.0, -1.0, 0.5], [0.0, 3.0, 1.0]])
LABELS = np.array([0, 2])
BAD_RNGS = ((lambda: 0, TypeError), (lambda: None, TypeError), (lambda: np.random.RandomState(0), TypeError))
BAD_AXES = ((True, TypeError), (1.0, TypeError), (2, ValueError), (-3, ValueError))
BAD_LABELS = (
    (np.array([0, 3]), ValueError),
    (np.array([-1, 0]), ValueError),
    (np.array([0.0, 2.0]), TypeError),
    (np.array([True, False]), TypeError),
    (np.array([0]), ValueError),
    (None, TypeError),
    ("ab", TypeError),
    (np.ma.masked_array([0, 1]), TypeError),
)


def _seeded():
    return np.random.default_rng(0)


def _log_softmax_oracle(z, axis=-1):
    return scipy.special.log_softmax(np.asarray(z, dtype=float), axis=axis)


entry(
    "mlmath_ref.nn.softmax",
    nn.softmax,
    z=Array(LOGITS, ndim=(1, 2, 3)),
    axis=Other(-1, bad=BAD_AXES),
    oracle=lambda z, axis: scipy.special.softmax(np.asarray(z, dtype=float), axis=axis),
)
entry(
    "mlmath_ref.nn.log_softmax",
    nn.log_softmax,
    z=Array(LOGITS, ndim=(1, 2, 3)),
    axis=Other(-1, bad=BAD_AXES),
    oracle=_log_softmax_oracle,
)
entry(
    "mlmath_ref.nn.cross_entropy",
    nn.cross_entropy,
    logits=Array(LOGITS, ndim=(2,)),
    labels=Other(LABELS, bad=BAD_LABELS),
    oracle=lambda logits, labels: -np.mean(_log_softmax_oracle(logits)[[0, 1], labels]),
)
entry(
    "mlmath_ref.nn.accuracy",
    nn.accuracy,
    logits=Array(LOGITS, ndim=(2,)),
    labels=Other(LABELS, bad=BAD_LABELS),
    oracle=lambda logits, labels: 0.5,
    scale=arrays("logits"),  # the largest score of each row stays the largest
    rescale=scaled(None),
)
entry(
    "mlmath_ref.nn.mse",
    nn.mse,
    prediction=Array(VEC, ndim=None),
    target=Array(VEC2, ndim=None),
    oracle=lambda prediction, target: np.mean(
        (np.asarray(prediction, float) - np.asarray(target, float)) ** 2
    ),
    scale=arrays("prediction", "target"),
    rescale=scaled(2),
    names={"prediction": ("target",), "target": ("prediction",)},
)
entry(
    "mlmath_ref.nn.glorot_uniform",
    lambda n_in, n_out, rng: nn.glorot_uniform(n_in, n_out, rng()),
    n_in=Count(3),
    n_out=Count(2),
    rng=Other(_seeded, bad=BAD_RNGS),
    oracle=lambda n_in, n_out, rng: _seeded().uniform(-1.0, 1.0, size=(3, 2)) * math.sqrt(6 / 5),
)
entry(
    "mlmath_ref.nn.he_normal",
    lambda n_in, n_out, rng: nn.he_normal(n_in, n_out, rng()),
    n_in=Count(3),
    n_out=Count(2),
    rng=Other(_seeded, bad=BAD_RNGS),
    oracle=lambda n_in, n_out, rng: _seeded().normal(size=(3, 2)) * math.sqrt(2 / 3),
)


def _linear(n_in, n_out, rng, init, x):
    return nn.Linear(n_in, n_out, rng(), init=init)(x).data


entry(
    "mlmath_ref.nn.Linear",
    _linear,
    n_in=Count(3),
    n_out=Count(2),
    rng=Other(_seeded, bad=BAD_RNGS),
    init=Other("glorot", bad=(("xavier", ValueError), (None, TypeError))),
    x=Array(TALL.T, ndim=(1, 2)),  # 2 examples of 3 inputs; the bias starts at 0: x @ W scales with x
    oracle=lambda n_in, n_out, rng, init, x: np.asarray(x, float) @ nn.glorot_uniform(3, 2, _seeded()),
    scale=arrays("x"),
    rescale=scaled(1),
    names={"n_in": ("x",)},
)


def _mlp(sizes, rng, activation, x):
    return nn.MLP(sizes, rng(), activation=activation)(x).data


def _mlp_oracle(sizes, rng, activation, x):
    W1 = nn.he_normal(3, 4, g := _seeded())
    W2 = nn.he_normal(4, 2, g)
    return np.maximum(np.asarray(x, float) @ W1, 0) @ W2


entry(
    "mlmath_ref.nn.MLP",
    _mlp,
    sizes=Other(
        [3, 4, 2],
        bad=(
            ([3], ValueError),
            ([3, 0], ValueError),
            ("34", TypeError),
            ([3, 2.5], TypeError),
            (None, TypeError),
        ),
    ),
    rng=Other(_seeded, bad=BAD_RNGS),
    activation=Other("relu", bad=(("gelu", ValueError), (None, TypeError))),
    x=Array(TALL.T, ndim=(1, 2)),
    oracle=_mlp_oracle,
    oracle_rtol=1e-12,
    scale=arrays("x"),  # ReLU layers with zero biases: the outputs scale with x
    rescale=scaled(1),
    names={"sizes": ("x",)},
)


def _mlp_parameters(sizes, rng, activation):
    # One generator draws the layers' weights in order (He for ReLU); biases start at zero.
    rng = rng()
    return [
        a
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        for a in (nn.he_normal(n_in, n_out, rng), np.zeros(n_out))
    ]


# The layers' parameters(): the constructor's arguments are the only ones, and the oracle is the
# weights the initializer draws from the same seed (biases start at zero), in the documented order.
entry(
    "mlmath_ref.nn.Linear.parameters",
    lambda n_in, n_out, rng, init: [p.data for p in nn.Linear(n_in, n_out, rng(), init=init).parameters()],
    n_in=Count(3),
    n_out=Count(2),
    rng=Other(_seeded, bad=BAD_RNGS),
    init=Other("glorot", bad=(("xavier", ValueError), (None, TypeError))),
    oracle=lambda n_in, n_out, rng, init: [nn.glorot_uniform(n_in, n_out, rng()), np.zeros(n_out)],
)
entry(
    "mlmath_ref.nn.MLP.parameters",
    lambda sizes, rng, activation: [p.data for p in nn.MLP(sizes, rng(), activation=activation).parameters()],
    sizes=Other([3, 4, 2], bad=(([3], ValueError), ([3, 0], ValueError), (None, TypeError))),
    rng=Other(_seeded, bad=BAD_RNGS),
    activation=Other("relu", bad=(("gelu", ValueError), (None, TypeError))),
    oracle=_mlp_parameters,
)


def _attention_oracle(Q, K, V, mask):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    S = Q @ K.T / math.sqrt(Q.shape[1])
    return scipy.special.softmax(S, axis=1) @ V


entry(
    "mlmath_ref.nn.attention",
    nn.attention,
    Q=Array([[1.0, 0.0], [0.5, -1.0]], ndim=(2, 3)),
    K=Array([[1.0, 2.0], [0.0, 1.0], [-1.0, 0.5]], ndim=(2, 3)),
    V=Array([[3.0], [-1.0], [2.0]], ndim=(2, 3)),
    mask=Other(
        None,
        bad=(
            (np.zeros((2, 3), bool), ValueError),
            (np.ones((2, 3)), TypeError),
            (np.ones((3, 3), bool), ValueError),
            (np.ma.masked_array(np.ones((2, 3), bool)), TypeError),
        ),
    ),
    oracle=_attention_oracle,
    scale=arrays("V"),  # the outputs are weighted averages of the rows of V
    rescale=scaled(1),
    names={"Q": ("K", "V"), "K": ("Q", "V"), "V": ("Q", "K")},
)


def _train(X, y, epochs, batch_size, rng):
    net = nn.MLP([2, 4, 2], _seeded())
    history = nn.train(net, X, y, Adam(0.1), nn.cross_entropy, epochs, batch_size, rng())
    return history["loss"][-1], history["accuracy"][-1]


entry(
    "mlmath_ref.nn.train",
    _train,
    X=Array([[1.0, 2.0], [-1.0, -2.0], [2.0, 0.5], [-0.5, -1.0]], ndim=(2, 3)),
    y=Other(
        np.array([1, 0, 1, 0]), bad=((np.array([1, 0]), ValueError), (np.array([1, 0, 2, 0]), ValueError))
    ),
    epochs=Count(2),
    batch_size=Count(2),
    rng=Other(_seeded, bad=BAD_RNGS),
    names={"X": ("x",), "y": ("labels",)},  # the model names its input x, the loss its labels
)
