"""Shared pytest fixtures."""

import numpy as np
import pytest


@pytest.fixture
def rng():
    """A seeded random generator, so every test draws the same numbers on every run."""
    return np.random.default_rng(20261125)
