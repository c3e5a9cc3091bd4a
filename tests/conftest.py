"""Fixtures shared by the package tests (tests/package) and the site tests (tests/site)."""

import os

import numpy as np
import pytest
from hypothesis import settings


@pytest.fixture
def rng():
    """A seeded random generator, so every test draws the same numbers on every run."""
    return np.random.default_rng(20261125)


# Hypothesis explores new random inputs on every local run; in CI (CI=true) it replays a
# fixed sequence so that a run's result does not depend on luck.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
