"""Captions describe the plot, and the Check cell proves it (CONTRIBUTING.md, section 7, check 4).

Every claim a caption or alt text makes about a gallery figure (a plateau, an ordering, a
crossing, a value) is asserted in the example's last cell, Check. What a program can check is
the numbers: each number a caption or alt text quotes (``2.6``, ``1e-15``, ``$10^{-8}$``,
``10,000``) must be

- a value the Check cell asserts: a number literal there that rounds to the quoted number at
  the precision it is quoted with ("6.71" is backed by ``6.7082`` or by ``6.71``), or
- a number the example's code sets: an input, a learning rate, an axis range, a count
  (a literal anywhere in the script, by the same rule),

or carry an entry in :data:`NOT_MEASURED` with the reason. The other claims (orderings, shapes,
crossings) are reviewed by a person against the picture and the Check cell.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from page_text import ROLE, concept_page, concept_pages, walk

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
FIGURE = re.compile(r"^/auto_examples/(?P<gallery>\w+)/images/sphx_glr_(?P<stem>\w+?)_(?P<n>\d{3})\.png$")
NUMBER = re.compile(
    r"(?P<mantissa>\d+(?:\.\d+)?)\s*\\times\s*10\^\{?(?P<exp10>[-−]?\d+)\}?"
    r"|(?<![\w^{])10\^\{?(?P<power>[-−]?\d+)\}?"
    r"|(?<![\w.,^{])(?P<plain>\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?(?:e[-+]?\d+)?)(?![\w]|-[DdN]\b)"
)

# (example, quoted number) -> why the number needs no literal in the example. Keep the reason
# specific: what the number is, and where it comes from.
NOT_MEASURED = {
    ("plot_eigenvectors_stay_on_line", "3"): "the labels 0 to 3 of the first four iterates (range(4))",
}


@dataclass(frozen=True)
class Quoted:
    """A number quoted by a caption or an alt text: its value and how it is written."""

    value: float
    text: str  # "2.6", "1e-15", "10000"

    @property
    def tolerance(self):
        """Half a unit in the last quoted digit: 0.05 for "2.6", 0.5e-15 for "1e-15", 0 for "12"."""
        digits = re.match(r"^\d+(?:\.(\d+))?(?:e([-+]?\d+))?$", self.text)
        decimals, exponent = len(digits.group(1) or ""), int(digits.group(2) or 0)
        if not digits.group(1) and not digits.group(2):
            return 0.0
        return 0.5 * 10.0 ** (exponent - decimals)


def quoted_numbers(text):
    """The numbers quoted in a caption or alt text, math included (signs are left out)."""
    found = []
    for m in NUMBER.finditer(text):
        if m.group("plain"):
            literal = m.group("plain").replace(",", "")
        elif m.group("power"):
            literal = "1e" + m.group("power").replace("−", "-")
        else:
            literal = f"{m.group('mantissa')}e{m.group('exp10').replace('−', '-')}"
        found.append(Quoted(float(literal), literal))
    return found


def code_numbers(source):
    """Every number literal of a piece of Python (absolute values), strings that hold a number too.

    A string counts because a Check cell may compare a formatted value:
    ``f"{exact:.5f}" == "2.05191"``.
    """
    numbers = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            numbers.append(abs(float(node.value)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"[-+]?\d+(\.\d+)?(e[-+]?\d+)?", node.value.strip()):
                numbers.append(abs(float(node.value)))
    return numbers


def backs(quoted, literals):
    """True when some literal, rounded at the quoted precision, is the quoted number."""
    return any(
        math.isclose(x, quoted.value, rel_tol=1e-12) or abs(x - quoted.value) <= quoted.tolerance
        for x in literals
    )


@dataclass(frozen=True)
class Figure:
    page: str
    line: int
    example: Path
    caption: str
    alt: str


def page_figures(page):
    """The gallery figures of a concept page, with their example, caption and alt text."""
    for block in walk(page.blocks):
        match = FIGURE.match(block.arg.strip()) if block.name == "figure" else None
        if match:
            example = EXAMPLES / match.group("gallery") / f"{match.group('stem')}.py"
            yield Figure(
                page.slug, block.line, example, ROLE.sub(" ", block.text), block.options.get("alt", "")
            )


def check_cell(source):
    return source.rsplit("# %%", 1)[1]


def unbacked_numbers(figure, allowed=NOT_MEASURED):
    """The numbers of a figure's caption and alt text that the example neither sets nor asserts."""
    source = figure.example.read_text()
    literals = code_numbers(source)
    missing = []
    for where, text in (("caption", figure.caption), ("alt text", figure.alt)):
        for quoted in quoted_numbers(text):
            if not backs(quoted, literals) and (figure.example.stem, quoted.text) not in allowed:
                missing.append(f"{where}: {quoted.text}")
    return missing


FIGURES = [f for page in concept_pages(DOCS) for f in page_figures(page)]


def test_every_figure_is_read():
    assert len(FIGURES) >= 60
    assert all(f.example.exists() for f in FIGURES)


@pytest.mark.parametrize("figure", FIGURES, ids=[f"{f.page}-{f.example.stem}-{f.line}" for f in FIGURES])
def test_every_number_a_caption_quotes_is_set_or_asserted(figure):
    missing = unbacked_numbers(figure)
    assert not missing, (
        f"{figure.page} (line {figure.line}) quotes numbers that {figure.example.name} neither sets nor "
        f"asserts in its Check cell: {missing}. Assert them, or add a NOT_MEASURED entry with the reason."
    )


def test_every_allow_list_entry_is_still_needed():
    quoted = {(f.example.stem, q.text) for f in FIGURES for q in quoted_numbers(f.caption + "\n" + f.alt)}
    unbacked = {
        (f.example.stem, q.text)
        for f in FIGURES
        for q in quoted_numbers(f.caption + "\n" + f.alt)
        if not backs(q, code_numbers(f.example.read_text()))
    }
    assert set(NOT_MEASURED) <= quoted, set(NOT_MEASURED) - quoted
    assert set(NOT_MEASURED) <= unbacked, f"now set or asserted: {set(NOT_MEASURED) - unbacked}"


def test_every_figure_example_has_a_check_cell_that_asserts():
    for example in {f.example for f in FIGURES}:
        cell = check_cell(example.read_text())
        assert "Check" in cell.splitlines()[1] and re.search(r"\bassert\b|assert_", cell), example.name


# -- The check catches planted defects ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("levels off near $10^{-15}$, then 1e-12", ["1e-15", "1e-12"]),
        ("about $4 \\times 10^{12}$ and 10,000 samples", ["4e12", "10000"]),
        ("x1-x2 plane, a 3-D plot, step 0.45, angle 90°", ["0.45", "90"]),
        ("between −1.5 and 2", ["1.5", "2"]),
    ],
)
def test_numbers_are_read_from_text_and_math(text, numbers):
    assert [q.text for q in quoted_numbers(text)] == numbers


def test_quoted_precision_decides_the_match():
    assert backs(Quoted(6.71, "6.71"), [6.7082])
    assert not backs(Quoted(6.7, "6.70"), [6.7082])
    assert backs(Quoted(1e-15, "1e-15"), [1.2e-15])
    assert not backs(Quoted(12.0, "12"), [12.4])


def planted(tmp_path, caption, check):
    example = tmp_path / "plot_tiny.py"
    example.write_text(f'"""\nTiny\n====\n"""\n\n# %%\n# Draw\nstep = 0.45\n\n# %%\n# Check\n{check}\n')
    page = concept_page(
        "one/tiny",
        "---\nslug: tiny\n---\n# Tiny\n\n```{figure} /auto_examples/one/images/sphx_glr_plot_tiny_001.png\n"
        f":alt: A curve.\n\n{caption}\n```\n",
    )
    (figure,) = page_figures(page)
    return Figure(figure.page, figure.line, example, figure.caption, figure.alt)


def test_a_number_nobody_computed_is_caught(tmp_path):
    figure = planted(tmp_path, "With step 0.45 the error levels off near $10^{-15}$.", "assert error < 1e-10")
    assert unbacked_numbers(figure, allowed={}) == ["caption: 1e-15"]


def test_an_asserted_number_or_an_allow_list_entry_clears_it(tmp_path):
    figure = planted(tmp_path, "The error levels off near $10^{-15}$.", "assert 1e-16 < error < 1.4e-15")
    assert unbacked_numbers(figure, allowed={}) == []
    figure = planted(tmp_path, "Drawn in 2 panels, error near 1e-15.", "assert error < 1e-14")
    assert (
        unbacked_numbers(figure, allowed={("plot_tiny", "2"): "panels", ("plot_tiny", "1e-15"): "..."}) == []
    )
