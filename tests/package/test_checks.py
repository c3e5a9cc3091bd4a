"""Tests for :mod:`mlmath_ref._checks`, the argument checks shared by every module.

The public functions' tests check each message in context; these check the
helpers' own contracts, including the corner cases no single caller reaches.
"""

import numbers

import numpy as np
import pytest

from mlmath_ref._checks import (
    as_array,
    as_float,
    as_shape,
    call_function,
    check_callable,
    check_integer,
    check_length,
    check_nonzero,
    check_positive,
    copy_argument,
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


def test_as_array_refuses_masked_arrays_naming_the_argument():
    masked = np.ma.masked_array([1.0, 2.0], mask=[False, True])
    with pytest.raises(
        TypeError, match=r"^x must be a plain array, got a masked array: mlmath_ref does not honor"
    ):
        as_array(masked, "x")
    with pytest.raises(TypeError, match=r"^x must be a plain array"):
        as_array(np.ma.masked_array([1.0, 2.0]), "x")  # no entry masked: refused all the same
    with pytest.raises(TypeError, match=r"^x must be a plain array"):
        as_array([1.0, np.ma.masked], "x")  # NumPy would turn the masked constant into NaN, with a warning


def test_as_array_returns_a_copy_of_its_own():
    x = np.arange(6.0).reshape(2, 3)
    for given in (x, x.T, x[:, ::2], np.asfortranarray(x)):
        out = as_array(given, "x")
        assert not np.shares_memory(out, x) and out.flags.c_contiguous and out.flags.writeable
        np.testing.assert_array_equal(out, given)


def test_as_array_takes_real_numbers_of_any_type_and_refuses_the_rest():
    np.testing.assert_array_equal(as_array([2**70, 1], "x"), [2.0**70, 1.0])  # an object array of ints
    np.testing.assert_array_equal(as_array(np.array([0.5], dtype=np.longdouble), "x"), [0.5])
    with pytest.raises(ValueError, match=r"^x has an entry too large for float64"):
        as_array([10**400, 1], "x")
    with pytest.raises(TypeError, match=r"^x must be numeric, got an entry 'a' of type str"):
        as_array(np.array([1.0, "a"], dtype=object), "x")
    with pytest.raises(TypeError, match=r"^x must be real, got an entry 1j of type complex"):
        as_array(np.array([1.0, 1j], dtype=object), "x")
    with pytest.raises(TypeError, match=r"^x must be numeric, got an array of dtype timedelta64"):
        as_array(np.array([1, 2], dtype="m8[s]"), "x")
    if np.finfo(np.longdouble).max > np.finfo(np.float64).max:
        with pytest.raises(ValueError, match=r"^x has an entry too large for float64"):
            as_array(np.array([np.longdouble("1e400")]), "x")


def test_check_positive_with_huge_integers():
    with pytest.raises(ValueError, match=r"^n must be at most 2\*\*63 - 1, got an integer of 401 digits$"):
        check_positive(10**400, "n", integer=True)
    with pytest.raises(ValueError, match=r"^h must be within the range of float64"):
        check_positive(10**400, "h")  # not "ufunc 'isfinite' not supported"
    with pytest.raises(ValueError, match=r"^n must be positive and finite, got an integer of 401 digits$"):
        check_positive(-(10**400), "n", integer=True)
    assert check_positive(2**63 - 1, "n", integer=True) == 2**63 - 1


def test_call_function_hands_over_a_copy_and_checks_what_comes_back():
    x = np.array([1.0, 2.0])

    def scribble(v):
        v[:] = 7.0
        return v.sum()

    assert call_function(scribble, x, shape=()) == 14.0 and list(x) == [1.0, 2.0]
    with pytest.raises(TypeError, match=r"^f\(x\) must be real, got complex"):
        call_function(lambda v: v + 1j, x)
    with pytest.raises(ValueError, match=r"^f\(x \+ h\) must not contain NaN"):
        call_function(lambda v: v * np.nan, x, "f(x + h)")
    with pytest.raises(ValueError, match=r"^derivative: f must work on arrays: boom$"):
        call_function(
            lambda v: (_ for _ in ()).throw(ValueError("boom")),
            x,
            explain="derivative: f must work on arrays",
        )


def test_copy_argument_and_as_shape():
    x = np.zeros(2)
    assert copy_argument(x, "x0") is not x and copy_argument(2.5, "x0") == 2.5
    with pytest.raises(TypeError, match=r"^x0 must be a value that can be copied"):
        copy_argument((i for i in range(3)), "x0")
    assert as_shape(np.int64(3), "shape") == (3,) and as_shape([2, 0], "shape") == (2, 0)
    with pytest.raises(TypeError, match=r"^shape must be a tuple of integers, got 'ab'$"):
        as_shape("ab", "shape")
    with pytest.raises(ValueError, match=r"^shape must have non-negative sizes, got \(-1,\)$"):
        as_shape((-1,), "shape")
