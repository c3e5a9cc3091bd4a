"""Tests for :mod:`mlmath_ref.linalg._vectors`: dot, norm, distance, angle, cosine_similarity,
linear_combination and broadcast_shape.

In order: the defining properties; agreement with NumPy and SciPy on random
inputs; every formula in a docstring's Notes; every documented Raises.
"""

import numpy as np
import pytest
import scipy.spatial.distance
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlmath_ref.linalg import (
    angle,
    broadcast_shape,
    cosine_similarity,
    distance,
    dot,
    linear_combination,
    norm,
)
from tests.package.conftest import ELEMENTS, FAST, M2, SIZES, V2, arrays, bad_array_cases, vector_pairs

ORDERS = st.sampled_from([1, 1.5, 2, 3, np.inf])


# =====================================================================================================
# 1. Defining properties
# =====================================================================================================


@FAST
@given(vector_pairs(), ELEMENTS)
def test_dot_is_symmetric_and_linear(pair, a):
    x, y = pair
    z = y[::-1].copy()
    scale = (np.abs(a) + 1) * 100 * (np.sum(np.abs(x * y)) + np.sum(np.abs(z * y)) + 1)
    assert dot(x, y) == dot(y, x)
    assert abs(dot(a * x + z, y) - (a * dot(x, y) + dot(z, y))) <= 1e-13 * scale


@FAST
@given(vector_pairs(), ELEMENTS, ORDERS)
def test_norm_is_a_norm(pair, a, p):
    x, y = pair
    assert norm(x, p) >= 0
    assert (norm(x, p) == 0) == (not np.any(x))
    assert np.isclose(norm(a * x, p), abs(a) * norm(x, p), rtol=1e-12, atol=0)
    assert norm(x + y, p) <= (norm(x, p) + norm(y, p)) * (1 + 1e-12)  # triangle inequality


@FAST
@given(st.lists(ELEMENTS, min_size=1, max_size=8).map(np.array))
def test_norms_are_ordered(x):
    assert norm(x, np.inf) <= norm(x, 2) * (1 + 1e-12)
    assert norm(x, 2) <= norm(x, 1) * (1 + 1e-12)


@FAST
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(arrays(n), arrays(n), arrays(n))), ORDERS)
def test_distance_is_a_metric(triple, p):
    x, y, z = triple
    assert distance(x, x, p) == 0
    assert distance(x, y, p) == distance(y, x, p)
    assert distance(x, z, p) <= (distance(x, y, p) + distance(y, z, p)) * (1 + 1e-12)


@FAST
@given(vector_pairs(), st.floats(0.1, 10), st.floats(0.1, 10))
def test_angle_and_cosine_similarity(pair, a, b):
    x, y = pair
    assume(np.any(x) and np.any(y))
    assert 0 <= angle(x, y) <= np.pi
    assert angle(x, y) == angle(y, x)
    assert np.isclose(np.cos(angle(x, y)), cosine_similarity(x, y), atol=1e-12)
    assert np.isclose(cosine_similarity(a * x, b * y), cosine_similarity(x, y), atol=1e-12)
    assert np.isclose(angle(x, -y), np.pi - angle(x, y), atol=1e-7)  # arccos is accurate only to ~1e-8


def test_angle_special_cases():
    x = np.array([3.0, -1.0, 2.0])
    assert angle(x, x) == 0.0
    assert angle(x, -x) == np.pi
    assert angle(x, np.array([1.0, 3.0, 0.0])) == np.pi / 2
    assert cosine_similarity(x, 2 * x) == 1.0


def test_linear_combination_of_the_standard_basis_is_the_coefficients(rng):
    c = rng.standard_normal(4)
    np.testing.assert_array_equal(linear_combination(c, np.eye(4)), c)
    V = rng.standard_normal((3, 4))
    np.testing.assert_allclose(linear_combination(np.eye(4)[2], V), V[:, 2])


def test_broadcast_shape_examples():
    assert broadcast_shape() == ()
    assert broadcast_shape((3,)) == (3,)
    assert broadcast_shape((256, 256, 3), (3,)) == (256, 256, 3)
    assert broadcast_shape((8, 1, 6, 1), (7, 1, 5)) == (8, 7, 6, 5)
    assert broadcast_shape((5, 4), (1,)) == (5, 4)
    assert broadcast_shape((15, 3, 5), (15, 1, 5), (3, 1)) == (15, 3, 5)
    assert broadcast_shape((), (2, 3)) == (2, 3)


# =====================================================================================================
# 2. Agreement with NumPy and SciPy on random inputs
# =====================================================================================================


@FAST
@given(vector_pairs())
def test_dot_matches_numpy(pair):
    x, y = pair
    assert np.isclose(dot(x, y), np.dot(x, y), rtol=1e-12, atol=1e-12 * np.sum(np.abs(x * y)))


@FAST
@given(vector_pairs(), ORDERS)
def test_norm_and_distance_match_numpy_and_scipy(pair, p):
    x, y = pair
    m = np.max(np.abs(x))
    # NumPy's |x_i|^p underflows for tiny entries; on x / m it cannot, and the norm scales by m
    assert np.isclose(norm(x, p), m * np.linalg.norm(x / m if m else x, ord=p), rtol=1e-12, atol=0)
    if m > 1e-50:
        assert np.isclose(norm(x, p), np.linalg.norm(x, ord=p), rtol=1e-12, atol=0)
    assume(np.max(np.abs(x - y)) == 0 or np.max(np.abs(x - y)) > 1e-50)  # SciPy underflows below
    expected = (
        scipy.spatial.distance.chebyshev(x, y) if p == np.inf else scipy.spatial.distance.minkowski(x, y, p)
    )
    assert np.isclose(distance(x, y, p), expected, rtol=1e-12, atol=0)


@FAST
@given(vector_pairs())
def test_cosine_similarity_and_angle_match_scipy(pair):
    x, y = pair
    assume(np.linalg.norm(x) > 1e-3 and np.linalg.norm(y) > 1e-3)
    expected = 1 - scipy.spatial.distance.cosine(x, y)
    assert np.isclose(cosine_similarity(x, y), expected, atol=1e-12)
    assert np.isclose(angle(x, y), np.arccos(np.clip(expected, -1, 1)), atol=1e-6)


@FAST
@given(st.tuples(SIZES, SIZES).flatmap(lambda s: st.tuples(arrays(s[1]), arrays(s))))
def test_linear_combination_matches_matrix_vector_product(args):
    c, V = args
    np.testing.assert_allclose(
        linear_combination(c, V), V @ c, rtol=1e-12, atol=1e-12 * (np.sum(np.abs(V)) * 10 + 1)
    )


@FAST
@given(hnp.mutually_broadcastable_shapes(num_shapes=3, min_dims=0, max_dims=5, min_side=0, max_side=4))
def test_broadcast_shape_matches_numpy_on_compatible_shapes(shapes):
    assert broadcast_shape(*shapes.input_shapes) == np.broadcast_shapes(*shapes.input_shapes)
    assert broadcast_shape(*shapes.input_shapes) == shapes.result_shape


@FAST
@given(st.lists(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=3), max_size=4))
def test_broadcast_shape_matches_numpy_on_any_shapes(shapes):
    try:
        expected = np.broadcast_shapes(*shapes)
    except ValueError:
        with pytest.raises(ValueError, match="do not broadcast"):
            broadcast_shape(*shapes)
    else:
        assert broadcast_shape(*shapes) == expected


# =====================================================================================================
# 3. Formulas in the Notes
# =====================================================================================================


def test_dot_formula(rng):
    x, y = rng.standard_normal(5), rng.standard_normal(5)
    assert dot(x, y) == pytest.approx(sum(x[i] * y[i] for i in range(5)), rel=1e-14)


def test_norm_formulas_and_overflow_guard(rng):
    x = rng.standard_normal(6)
    for p in (1, 1.5, 2, 3, 7):
        assert norm(x, p) == pytest.approx(sum(abs(v) ** p for v in x) ** (1 / p), rel=1e-13)
    assert norm(x, np.inf) == np.max(np.abs(x))
    assert norm([1e200, 1e200]) == pytest.approx(np.sqrt(2) * 1e200, rel=1e-15)  # x_i^2 would overflow
    assert norm([1e-200, 1e-200], p=3) == pytest.approx(2 ** (1 / 3) * 1e-200, rel=1e-15)  # would underflow
    assert norm(np.zeros(3)) == 0.0


def test_distance_formula(rng):
    x, y = rng.standard_normal(4), rng.standard_normal(4)
    for p in (1, 2, 4, np.inf):
        assert distance(x, y, p) == norm(x - y, p)


def test_cosine_and_angle_formulas(rng):
    x, y = rng.standard_normal(5), rng.standard_normal(5)
    cosine = np.sum(x * y) / (np.sqrt(np.sum(x * x)) * np.sqrt(np.sum(y * y)))
    assert cosine_similarity(x, y) == pytest.approx(cosine, abs=1e-15)
    assert angle(x, y) == pytest.approx(np.arccos(cosine), abs=1e-14)
    assert cosine_similarity([1e200, 1e200], [1e200, 0.0]) == pytest.approx(np.sqrt(0.5))  # no overflow
    assert angle([1.0, 0.0], [1.0, 1e-9]) == 0.0  # the documented resolution limit of arccos


def test_linear_combination_formula(rng):
    c, V = rng.standard_normal(3), rng.standard_normal((4, 3))
    expected = c[0] * V[:, 0] + c[1] * V[:, 1] + c[2] * V[:, 2]
    np.testing.assert_allclose(linear_combination(c, V), expected, rtol=1e-14)


def test_broadcast_shape_rule_for_sizes_zero_and_one():
    assert broadcast_shape((0,), (1,)) == (0,)
    assert broadcast_shape((0, 3), (1, 1)) == (0, 3)
    assert broadcast_shape(4, (3, 1)) == (3, 4)  # an int n stands for (n,)
    with pytest.raises(ValueError, match=r"\(0,\) and \(3,\) do not broadcast: on axis -1"):
        broadcast_shape((0,), (3,))


# =====================================================================================================
# 4. Documented errors
# =====================================================================================================


@pytest.mark.parametrize(
    "call, name, value, error",
    bad_array_cases(
        vectors={
            "dot-x": (lambda v: dot(v, V2), "x"),
            "dot-y": (lambda v: dot(V2, v), "y"),
            "norm-x": (lambda v: norm(v), "x"),
            "distance-x": (lambda v: distance(v, V2), "x"),
            "distance-y": (lambda v: distance(V2, v), "y"),
            "angle-x": (lambda v: angle(v, V2), "x"),
            "angle-y": (lambda v: angle(V2, v), "y"),
            "cosine-x": (lambda v: cosine_similarity(v, V2), "x"),
            "cosine-y": (lambda v: cosine_similarity(V2, v), "y"),
            "linear_combination-c": (lambda v: linear_combination(v, M2), "c"),
        },
        matrices={"linear_combination-V": (lambda A: linear_combination(V2, A), "V")},
    ),
)
def test_bad_arrays_are_refused_naming_the_argument(call, name, value, error):
    with pytest.raises(error, match=rf"^{name} "):
        call(value)


@pytest.mark.parametrize(
    "call, match",
    [
        (
            lambda: dot([1.0, 2.0], [1.0, 2.0, 3.0]),
            r"^x and y must have the same shape, got \(2,\) and \(3,\)",
        ),
        (lambda: distance([1.0], [1.0, 2.0]), r"^x and y must have the same shape"),
        (lambda: angle([1.0], [1.0, 2.0]), r"^x and y must have the same shape"),
        (lambda: linear_combination([1.0, 2.0, 3.0], M2), r"^c must have one entry per column of V \(2\)"),
    ],
)
def test_mismatched_shapes_are_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: angle([0.0, 0.0], V2), "x"),
        (lambda: angle(V2, [0.0, 0.0]), "y"),
        (lambda: cosine_similarity([0.0, 0.0], V2), "x"),
        (lambda: cosine_similarity(V2, [0.0, 0.0]), "y"),
    ],
)
def test_zero_vectors_are_refused(call, name):
    with pytest.raises(ValueError, match=rf"^{name} must not be the zero vector"):
        call()


@pytest.mark.parametrize("p", [0.5, 0, -1, np.nan, -np.inf])
def test_norm_refuses_p_below_one(p):
    with pytest.raises(ValueError, match=r"^p must be >= 1"):
        norm(V2, p)
    with pytest.raises(ValueError, match=r"^p must be >= 1"):
        distance(V2, V2, p)


@pytest.mark.parametrize("p", ["2", None, True, 1j, [2]])
def test_norm_refuses_non_numbers_as_p(p):
    with pytest.raises(TypeError, match=r"^p must be a real number"):
        norm(V2, p)


@pytest.mark.parametrize(
    "shapes, error, match",
    [
        (
            ((2, 3), (2,)),
            ValueError,
            r"shapes \(2, 3\) and \(2,\) do not broadcast: on axis -1 the sizes are 3 and 2",
        ),
        (((4, 1), (1, 3), (5, 3)), ValueError, r"shapes \(4, 1\) and \(5, 3\) do not broadcast: on axis -2"),
        (((2,), (-1,)), ValueError, r"^shapes\[1\] must have non-negative sizes"),
        (((2.5,),), TypeError, r"^shapes\[0\] must be a tuple of integers"),
        (("ab",), TypeError, r"^shapes\[0\] must be a tuple of integers"),
        (((2,), None), TypeError, r"^shapes\[1\] must be a tuple of integers"),
        (((True, 2),), TypeError, r"^shapes\[0\] must be a tuple of integers"),
    ],
)
def test_broadcast_shape_errors(shapes, error, match):
    with pytest.raises(error, match=match):
        broadcast_shape(*shapes)
