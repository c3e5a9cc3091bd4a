"""Shared pytest fixtures."""

import os
import subprocess
import sys
from pathlib import Path

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


@pytest.fixture(scope="session")
def site():
    """Build docs/ into docs/_build/html exactly as ``nox -s docs`` does (incremental), once."""
    root = Path(__file__).resolve().parents[1]
    out = root / "docs" / "_build" / "html"
    cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", "docs", str(out)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return out
