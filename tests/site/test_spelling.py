"""One spelling: American English throughout, as NumPy, SciPy and scikit-learn write it.

The British forms that had crept in (issue 11: "initialisation", "colour", "grey", "licence",
"modelling", "labelled", "centre", "normalise" ...) are listed, with their American forms, in
``docs/_ext/american.py``; the same table lets the search read a British query as American.
This test reads every file a reader or a contributor sees: the pages, the syllabus, the
gallery, the package's docstrings and comments, the site's extensions, scripts and templates,
README, CONTRIBUTING, the licenses and the citation file.
"""

import re
import subprocess
from pathlib import Path

import american
import pytest

ROOT = Path(__file__).resolve().parents[2]

SCOPE = re.compile(
    r"^(docs/.*\.(md|py|js|cjs|css|html|bib|toml)|examples/.*\.(py|rst)|mlmath_ref/.*\.py|tools/.*\.py"
    r"|README\.md|CONTRIBUTING\.md|LICENSE.*|CITATION\.cff|noxfile\.py|pyproject\.toml)$"
)
# Generated or recorded files, never written by hand.
NOT_TEXT = re.compile(r"^docs/(_data/published_anchors\.txt|package-lock\.json|_build/|coming/)")

# British forms a file may keep, each with the reason.
ALLOWED = {
    ("docs/_ext/american.py", None): "the table of British forms and their American spellings",
    ("docs/_ext/search_language.py", "initialisation"): "the example of what the search reads as American",
    ("docs/_ext/search_rank.js", "initialisation"): "the example of what the search reads as American",
}


def files():
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return [f for f in tracked.split() if SCOPE.match(f) and not NOT_TEXT.match(f)]


def without_cited_titles(path, text):
    """Titles of cited works keep their own spelling (the ``title`` fields of a .bib file)."""
    if path.endswith(".bib"):
        return re.sub(r"^\s*(book)?title\s*=\s*\{.*?\},?\s*$", "", text, flags=re.M | re.I)
    return text


def test_the_scope_is_not_empty():
    found = files()
    assert "README.md" in found and "CONTRIBUTING.md" in found and "docs/_data/SYLLABUS.md" in found
    assert (
        sum(f.startswith("examples/") for f in found) > 20 and sum(f.startswith("docs/") for f in found) > 60
    )


@pytest.mark.parametrize(
    "british, us",
    [
        ("initialisation", "initialization"),
        ("normalise", "normalize"),
        ("vectorised", "vectorized"),
        ("colours", "colors"),
        ("grey", "gray"),
        ("licence", "license"),
        ("modelling", "modeling"),
        ("labelled", "labeled"),
        ("centred", "centered"),
        ("analysed", "analyzed"),
        ("behaviour", "behavior"),
        ("neighbouring", "neighboring"),
        ("minimiser", "minimizer"),
    ],
)
def test_british_forms_are_found(british, us):
    assert american.american(british) == us
    assert american.british_forms(f"A {british.capitalize()} word.") == [(british.capitalize(), us)]


@pytest.mark.parametrize(
    "word",
    ["precise", "noise", "otherwise", "exercise", "raises", "promise", "contour", "four", "programming"],
)
def test_words_spelled_alike_are_left_alone(word):
    assert american.american(word) == word


def test_every_file_is_in_american_english():
    problems = []
    for name in files():
        text = without_cited_titles(name, (ROOT / name).read_text(encoding="utf-8", errors="replace"))
        if (name, None) in ALLOWED:
            continue
        for line_number, line in enumerate(text.splitlines(), 1):
            for word, us in american.british_forms(line):
                if (name, word.lower()) not in ALLOWED:
                    problems.append(f"{name}:{line_number}: {word!r} (American: {us!r})")
    assert not problems, "British spellings:\n" + "\n".join(problems[:60])


def test_the_allow_list_is_used():
    # An entry that no longer matches anything is stale: remove it.
    for (name, word), _reason in ALLOWED.items():
        text = (ROOT / name).read_text(encoding="utf-8")
        assert american.british_forms(text) if word is None else word in text.lower(), (name, word)
