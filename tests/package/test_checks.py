"""Tests for :mod:`mlmath_ref._checks`, the argument checks shared by every module.

The public functions' tests check each message in context; these check the
helpers' own contracts, including the corner cases no single caller reaches.
"""

import numbers

import numpy as np
import pytest

from mlmath_ref._checks import (
    as_float,
    check_callable,
    check_integer,
    check_length,
    check_nonzero,
    check_positive,
    is_integer,
    is_iterable,
    is_real_number,
)

REALS = [0, -3, 2.5, np.float32(0.5), np.float64(np.nan), np.int8(4), np.uint64(7), float("inf")]
INTEGERS = [0, -3, np.int8(4), np.uint64(7), np.int64(2**40)]
NOT_NUMBERS = [True, False, np.True_, "2", None, [1], np.array([1.0]), 1j, np.complex128(1)]


@pytest.mark.parametrize("value", REALS)
def test_real_numbers_are_real_numbers(value):
    assert is_real_number(value)


@pytest.mark.parametrize("value", INTEGERS)
def test_integers_are_integers_and_real_numbers(value):
    assert is_integer(value) and is_real_number(value)
    assert check_integer(value, "i") is value


@pytest.mark.parametrize("value", NOT_NUMBERS + [2.0, np.float64(1.0)])
def test_non_integers_are_refused_naming_the_argument(value):
    assert not is_integer(value)
    with pytest.raises(TypeError, match=r"^axis must be an integer, got "):
        check_integer(value, "axis")


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_booleans_text_and_arrays_are_not_real_numbers(value):
    assert not is_real_number(value)


def test_is_real_number_agrees_with_numbers_real_but_for_booleans():
    for value in REALS + NOT_NUMBERS:
        assert is_real_number(value) == (isinstance(value, numbers.Real) and not isinstance(value, bool))


def test_check_positive_keeps_its_messages():
    assert check_positive(np.int64(3), "n", integer=True) == 3
    assert check_positive(0, "tol", allow_zero=True) == 0
    with pytest.raises(TypeError, match=r"^n must be an integer, got 2.0$"):
        check_positive(2.0, "n", integer=True)
    with pytest.raises(TypeError, match=r"^h must be a real number, got '1'$"):
        check_positive("1", "h")
    with pytest.raises(ValueError, match=r"^h must be positive and finite, got 0$"):
        check_positive(0, "h")
    with pytest.raises(ValueError, match=r"^tol must be non-negative and finite, got inf$"):
        check_positive(np.inf, "tol", allow_zero=True)


@pytest.mark.parametrize(
    "value, expected",
    [([1, 2], True), ((), True), (range(3), True), ({1}, True), (iter([]), True), (np.ones(2), True)]
    + [("ab", False), (b"ab", False), (3, False), (None, False), (2.5, False)],
)
def test_is_iterable_refuses_text(value, expected):
    assert is_iterable(value) == expected


def test_check_callable_names_the_argument_and_the_function():
    check_callable(len, "f")
    check_callable(np.sin, "f", "derivative")
    with pytest.raises(TypeError, match=r"^derivative: f must be callable, got int$"):
        check_callable(3, "f", "derivative")
    with pytest.raises(TypeError, match=r"^compose: argument 1 must be callable, got str$"):
        check_callable("abs", "argument 1", "compose")
    with pytest.raises(TypeError, match=r"^f must be a map, got NoneType$"):
        check_callable(None, "f", expected="a map")


def test_check_length_and_check_nonzero():
    check_length(np.ones((3, 2)), 3, "b", "as many rows as A")
    with pytest.raises(ValueError, match=r"^b must have as many rows as A \(2\), got shape \(3, 2\)$"):
        check_length(np.ones((3, 2)), 2, "b", "as many rows as A")
    check_nonzero(np.array([0.0, 1e-300]), "v", "it has no direction")
    with pytest.raises(ValueError, match=r"^v must not be the zero vector: it has no direction$"):
        check_nonzero(np.array([0.0, -0.0]), "v", "it has no direction")


def test_as_float_takes_one_finite_number():
    assert as_float(np.float32(1.5), "x0") == 1.5 and type(as_float(2, "x0")) is float
    with pytest.raises(ValueError, match=r"^x0 must not contain NaN or infinite entries$"):
        as_float(np.nan, "x0")
    with pytest.raises(TypeError, match=r"^x0 must be numeric, got a boolean array"):
        as_float(True, "x0")
