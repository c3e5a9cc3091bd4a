"""Helpers shared by the tests of :mod:`mlmath_ref`: hypothesis strategies, test matrices, error tables.

The seeded ``rng`` fixture and the hypothesis profile for CI live in ``tests/conftest.py``,
which applies to every test. Test files import what they need from here with
``from tests.package.conftest import ...``: pytest runs with ``--import-mode=importlib``
(see ``pyproject.toml``), which registers this file under that name before it collects
the test files beside it.
"""

import numpy as np
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

EPS = np.finfo(np.float64).eps

# ---------------------------------------------------------------------------------------------------
# Random inputs for property-based tests
# ---------------------------------------------------------------------------------------------------

FAST = settings(max_examples=50, deadline=None)
ELEMENTS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SIZES = st.integers(1, 8)


def arrays(shape):
    # fill=nothing draws every entry, instead of repeating one fill value (which makes most matrices singular)
    return hnp.arrays(np.float64, shape, elements=ELEMENTS, fill=st.nothing())


@st.composite
def vector_pairs(draw):
    n = draw(SIZES)
    return draw(arrays(n)), draw(arrays(n))


@st.composite
def matrices(draw, square=False, tall=False):
    m = draw(SIZES)
    n = m if square else draw(st.integers(1, m) if tall else SIZES)
    return draw(arrays((m, n)))


# ---------------------------------------------------------------------------------------------------
# Matrices with known properties
# ---------------------------------------------------------------------------------------------------


def condition(A):
    """The 2-norm condition number, without a division warning."""
    s = np.linalg.svd(A, compute_uv=False)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        return s[0] / s[-1]  # inf for a singular matrix, nan for the zero matrix: both fail "< bound"


def orthogonal(rng, n):
    """A random n x n orthogonal matrix."""
    return np.linalg.qr(rng.standard_normal((n, n)))[0]


def with_singular_values(rng, m, n, s):
    """An m x n matrix with the given singular values and random singular vectors."""
    k = len(s)
    return orthogonal(rng, m)[:, :k] * s @ orthogonal(rng, n)[:k, :]


def sign_fixed(V):
    """Columns flipped so that the largest-magnitude entry is positive, as the package does."""
    first = np.argmax(np.abs(V) >= np.abs(V).max(axis=0) * (1 - 1e-10), axis=0)
    return V * np.where(V[first, np.arange(V.shape[1])] < 0, -1.0, 1.0)


# ---------------------------------------------------------------------------------------------------
# Bad arrays that every function must refuse, naming the argument
# ---------------------------------------------------------------------------------------------------

V2, M2 = np.array([1.0, 2.0]), np.array([[2.0, 1.0], [1.0, 3.0]])

BAD_VECTORS = {
    "text": (["a", "b"], TypeError),
    "None": (None, TypeError),
    "booleans": ([True, False], TypeError),
    "complex": ([1 + 1j, 2.0], TypeError),
    "NaN": ([np.nan, 1.0], ValueError),
    "inf": ([np.inf, 1.0], ValueError),
    "3-D": (np.ones((2, 2, 2)), ValueError),
    "ragged": ([[1.0], [1.0, 2.0]], ValueError),
}
BAD_MATRICES = {
    "text": ([["a", "b"], ["c", "d"]], TypeError),
    "None": (None, TypeError),
    "booleans": ([[True, False], [False, True]], TypeError),
    "complex": ([[1 + 1j, 0.0], [0.0, 1.0]], TypeError),
    "NaN": ([[np.nan, 0.0], [0.0, 1.0]], ValueError),
    "inf": ([[1.0, 0.0], [0.0, -np.inf]], ValueError),
    "empty": (np.zeros((0, 2)), ValueError),
    "1-D": (np.ones(2), ValueError),
    "3-D": (np.ones((2, 2, 2)), ValueError),
}
# What each kind of argument must refuse. An optional vector (None means its default) may
# not be None-tested; a vector-or-matrix argument accepts 2-D; a square matrix refuses 2 x 3.
_REFUSES = {
    "vectors": {**BAD_VECTORS, "empty": ([], ValueError), "2-D": (np.ones((2, 2)), ValueError)},
    "optional_vectors": {k: v for k, v in BAD_VECTORS.items() if k != "None"}
    | {"2-D": (np.ones((2, 2)), ValueError)},
    "vectors_or_matrices": {**BAD_VECTORS, "empty": ([], ValueError)},
    "matrices": BAD_MATRICES,
    "square_matrices": {**BAD_MATRICES, "non-square": (np.ones((2, 3)), ValueError)},
}


def bad_array_cases(**arguments):
    """Parameters ``(call, name, value, error)``: every argument with every bad value of its kind.

    Each keyword is a kind of argument (``vectors``, ``optional_vectors``,
    ``vectors_or_matrices``, ``matrices``, ``square_matrices``) and maps an id such as
    ``"dot-x"`` to ``(call, name)``: ``call(value)`` passes the bad value in place of the
    argument called `name`, which the error message must start with.
    """
    unknown = set(arguments) - set(_REFUSES)
    if unknown:
        raise TypeError(
            f"bad_array_cases: unknown kinds of argument {sorted(unknown)}; use {sorted(_REFUSES)}"
        )
    return [
        pytest.param(call, name, value, error, id=f"{arg_id}-{bad_id}")
        for kind, args in arguments.items()
        for arg_id, (call, name) in args.items()
        for bad_id, (value, error) in _REFUSES[kind].items()
    ]
