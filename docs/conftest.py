"""Run the code in every MyST page under pytest (Sybil).

Fenced ``python`` blocks run in order, sharing one namespace per page; a block
that holds ``>>>`` prompts is a doctest whose printed output must match.
A block meant only to be shown (never the case so far) would need an explicit
``% skip: next`` comment with a reason beside it.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

import matplotlib
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

matplotlib.use("Agg")

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*", "auto_examples/*", "api/generated/*", "gen_modules/*", "coming/*"],
).pytest()
