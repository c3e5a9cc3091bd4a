"""The sphinx-build command line, in one place: nox, the tests, the benchmarks and the tools use it.

Every build of the site is a ``-W --keep-going -n`` HTML build (warnings are errors, every
cross-reference must resolve) whose doctree cache lives beside the HTML, never inside it:
``docs/_build/html`` is the site to upload, ``docs/_build/doctrees`` is Sphinx's pickled
cache (tens of MB that no reader needs).
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE = "docs"
OUTPUT = "docs/_build/html"


def sphinx_args(source=SOURCE, output=OUTPUT, *extra, quiet=False):
    """The arguments after ``sphinx-build`` for a build of `source` into `output`.

    The doctree cache goes to ``doctrees`` beside `output`. `extra` (``-D`` settings, for
    instance) come before the two folders.
    """
    doctrees = Path(output).parent / "doctrees"
    flags = ["-W", "--keep-going", "-n", *(["-q"] if quiet else []), "-b", "html", "-d", str(doctrees)]
    return [*flags, *extra, str(source), str(output)]


def sphinx_command(source=SOURCE, output=OUTPUT, *extra, quiet=False, python=None):
    """``python -m sphinx ...``: the whole command, run with `python` (this interpreter by default)."""
    return [python or sys.executable, "-m", "sphinx", *sphinx_args(source, output, *extra, quiet=quiet)]
