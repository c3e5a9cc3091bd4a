"""Claims about the code run (CONTRIBUTING.md, section 7, check 5).

A sentence on a concept page that names a function of ``mlmath_ref`` (a ``{func}`` role or inline
code such as `` `solve` `` or `` `solve(A, b)` ``) together with a claim word ("refuses",
"raises", "returns", "rejects", "accepts", "never", "always", "exactly") must be followed,
within its section, by a doctest that calls that function: what the text says the code does,
the page shows it doing. Sentences whose claim is shown elsewhere or is not about behavior
are listed in :data:`ALLOWED_CLAIMS` with the reason.
"""

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

import chapters
import pytest
from page_text import ROLE, concept_page, concept_pages, inline_code, sentences, walk

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

CLAIM = re.compile(
    r"\b(refus(?:e|es|ed|al)|rais(?:e|es|ed)|returns?|returned|reject(?:s|ed)?|accept(?:s|ed)?|"
    r"never|always|exactly)\b",
    re.I,
)

# (page slug, a piece of the sentence) -> why the sentence needs no doctest after it.
ALLOWED_CLAIMS = {
    ("gram-schmidt", "`gram_schmidt` raises instead"): "a pitfall; the In code section just above "
    "doctests the error",
    ("matrix-inverse", "a least-squares routine that never forms"): "'never' is about least-squares "
    "routines: advice, not a claim about `solve`",
    ("hessian", "Practical methods never form the Hessian"): "'never' is about practical optimizers; "
    "`directional_derivative` is only named as their tool",
}


def public_names():
    """Every public function and class name of the registered mlmath_ref modules."""
    names = set()
    for chapter in chapters.load(DOCS / "_data" / "chapters.toml"):
        for module in chapter.existing_modules():
            names |= set(importlib.import_module(module).__all__)
    return names


def named_functions(markup, names):
    """The mlmath_ref names a piece of MyST mentions: ``{func}`` roles and inline code."""
    found = set()
    for code in inline_code(markup):
        code = code.lstrip("~").strip()
        if code.startswith("mlmath_ref."):
            code = code.rsplit(".", 1)[-1]
        elif "." in code.split("(", 1)[0]:
            continue  # np.linalg.solve, A.T, x.grad: not a function of ours by name
        head = re.match(r"[A-Za-z_]\w*", code)
        if head and head.group(0) in names:
            found.add(head.group(0))
    return found


def doctest_calls(block):
    """The names a doctest calls (``name(`` on a ``>>>`` or ``...`` line)."""
    lines = [
        line[4:].split("#", 1)[0] for line in block.text.splitlines() if line.startswith((">>> ", "... "))
    ]
    return set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", "\n".join(lines))) | set(
        re.findall(r"\.([A-Za-z_]\w*)\s*\(", "\n".join(lines))
    )


@dataclass(frozen=True)
class Claim:
    page: str
    line: int
    function: str
    sentence: str

    def __str__(self):
        return f"{self.page} line {self.line}: {self.function}: {self.sentence[:160]}"


def unbacked_claims(page, names, allowed=ALLOWED_CLAIMS):
    """Claim sentences about a named function with no later doctest calling it in the section."""
    found = []
    top = page.blocks
    # A section runs to the next heading of the same or a higher level.
    headings = [i for i, b in enumerate(top) if b.kind == "heading"]
    for i, block in enumerate(top):
        if block.kind == "heading":
            continue
        start = max([h for h in headings if h < i], default=-1)
        level = top[start].level if start >= 0 else 1
        end = next((h for h in headings if h > i and top[h].level <= level), len(top))
        later = list(walk(top[i:end]))
        for inner in walk([block]):
            if inner.kind != "paragraph":
                continue
            following = later[later.index(inner) + 1 :] if inner in later else []
            calls = set().union(
                *(doctest_calls(b) for b in following if b.kind == "code" and ">>> " in b.text)
            )
            for sentence in sentences(inner.text):
                if not CLAIM.search(ROLE.sub(" ", re.sub(r"`[^`]*`", " ", sentence))):
                    continue
                for function in sorted(named_functions(sentence, names) - calls):
                    plain = " ".join(sentence.split())
                    if any(p == page.slug and piece in plain for p, piece in allowed):
                        continue
                    found.append(Claim(page.slug, inner.line, function, plain))
    return found


PAGES = concept_pages(DOCS)
NAMES = public_names()


def test_names_are_read():
    assert {"solve", "det", "power_iteration", "Tensor"} <= NAMES


@pytest.mark.parametrize("page", PAGES, ids=[p.docname for p in PAGES])
def test_claims_about_the_code_are_doctested(page):
    claims = unbacked_claims(page, NAMES)
    assert not claims, "claims with no doctest after them in their section:\n" + "\n".join(map(str, claims))


def test_every_allow_list_entry_is_still_needed():
    pages = {p.slug: p for p in PAGES}
    for slug, piece in ALLOWED_CLAIMS:
        claims = unbacked_claims(pages[slug], NAMES, allowed={})
        assert any(piece in c.sentence for c in claims), f"stale entry: {slug}: {piece}"


# -- The check catches planted defects ---------------------------------------------------------------

PAGE = """\
---
slug: tiny
---
# Tiny

## In code

{{func}}`mlmath_ref.linalg.solve` refuses a nearly singular matrix.

{between}

## Pitfalls

```python
>>> solve(A, b)
```
"""


def tiny(between=""):
    return concept_page("one/tiny", PAGE.format(between=between))


def test_a_claim_with_no_doctest_is_caught():
    (claim,) = unbacked_claims(tiny("More text."), NAMES, allowed={})
    assert (claim.function, claim.line) == ("solve", 8)


@pytest.mark.parametrize(
    "between",
    [
        "```python\n>>> solve(A, b)\nTraceback (most recent call last):\n    ...\nValueError: ...\n```",
        "```{dropdown} Try it\n```python\n>>> x = solve(A, b)\n```\n```".replace("```{", "````{", 1) + "`",
    ],
)
def test_a_later_doctest_in_the_section_backs_the_claim(between):
    assert unbacked_claims(tiny(between), NAMES, allowed={}) == []


def test_a_doctest_that_calls_something_else_does_not_count():
    between = "```python\n>>> det(A)\n1.0\n>>> # solve(A, b) in a comment\n```"
    assert len(unbacked_claims(tiny(between), NAMES, allowed={})) == 1


@pytest.mark.parametrize(
    "sentence, function",
    [
        ("`solve` never copies `b`.", "solve"),
        ("Calling `solve(A, b)` returns `x`.", "solve"),
        ("{func}`~mlmath_ref.linalg.det` always returns a float.", "det"),
        ("`np.linalg.solve` raises only on a zero pivot.", None),
        ("`solve` runs Gaussian elimination.", None),
        ("It refuses a singular matrix, like `np.linalg.solve`.", None),
    ],
)
def test_what_counts_as_a_claim_about_our_code(sentence, function):
    page = concept_page("one/tiny", f"---\nslug: tiny\n---\n# Tiny\n\n## In code\n\n{sentence}\n")
    found = [c.function for c in unbacked_claims(page, NAMES, allowed={})]
    assert found == ([function] if function else [])
