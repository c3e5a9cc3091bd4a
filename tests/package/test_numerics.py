"""Tests for :mod:`mlmath_ref._numerics`: machine epsilon and the default difference step."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlmath_ref._numerics import EPS, difference_step
from tests.package.conftest import FAST, arrays


def test_eps_is_the_gap_above_one():
    assert EPS == 2.0**-52 == np.finfo(np.float64).eps
    assert 1.0 + EPS != 1.0 and 1.0 + EPS / 2 == 1.0


@FAST
@given(st.integers(0, 6).flatmap(arrays), st.sampled_from([1 / 2, 1 / 3, 1 / 4]))
def test_default_step_is_relative_to_x_and_at_least_eps_to_the_power(x, power):
    x = x * 1e3
    h = difference_step(x, None, power)
    assert np.shape(h) == x.shape
    wanted = EPS**power * np.maximum(1.0, np.abs(x))
    assert np.all(np.abs(h - wanted) <= np.spacing(np.abs(x) + wanted))  # rounded to the float grid at x
    assert np.all(h > 0)  # the step is never lost in rounding
    far = np.abs(x) >= h  # there x + h and x - h are exactly h away from x
    np.testing.assert_array_equal(((x + h) - x)[far], h[far])
    np.testing.assert_array_equal((x - (x - h))[far], h[far])


def test_the_step_is_the_distance_to_the_float_x_plus_h_rounds_to():
    h = difference_step(np.array([1.0]), 1e-15, 1 / 3)[0]
    assert h == (1.0 + 1e-15) - 1.0 and h != 1e-15  # 1 + 1e-15 is not a float: 5 units of 2**-52 away
    with pytest.raises(ValueError, match=r"^h=1e-20 is too small for x=1: x \+ h rounds to x"):
        difference_step(np.array([1.0, 0.0]), 1e-20, 1 / 3)
    with pytest.raises(ValueError, match=r"^x \+ h overflows float64 at x=1.8e\+308"):
        difference_step(np.array([0.0, np.finfo(float).max]), None, 1 / 3)
    with pytest.raises(ValueError, match=r"^x \+ h overflows float64 at x=-1e\+308 with h=1e\+308"):
        difference_step(np.array([-1e308]), 1e308, 1 / 3)


def test_default_step_at_a_scalar_and_a_given_step():
    assert difference_step(np.float64(-8.0), None, 1 / 3) == pytest.approx(8 * EPS ** (1 / 3), rel=1e-15)
    np.testing.assert_array_equal(difference_step(np.zeros((2, 3)), 0.25, 1 / 2), np.full((2, 3), 0.25))
    assert difference_step(np.array(5.0), 1e-3, 1 / 2).shape == ()


@pytest.mark.parametrize(
    "h, error", [(0.0, ValueError), (-1e-3, ValueError), (np.inf, ValueError), ("1", TypeError)]
)
def test_bad_steps_are_refused(h, error):
    with pytest.raises(error, match=r"^h must be"):
        difference_step(np.ones(2), h, 1 / 3)
