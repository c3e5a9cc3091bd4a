"""Notes for the pages still to come (docs/_ext/coming_notes.py).

A syllabus concept without a page gets a short generated note: what it is for, the nearest
pages that exist to read meanwhile, and the reading list to it. A note is not a concept page
(no slug, in no toctree, never committed) and goes away when the concept's page is written.
"""

import json
import re
import subprocess
from pathlib import Path

import coming_notes
import concepts
import pytest
from concepts import Concept, ConceptGraph

ROOT = Path(__file__).resolve().parents[2]
STAGES = {"one": 0, "two": 1}


def graph():
    """a (page) <- b (coming) <- c (coming); d (coming, no prerequisite)."""
    return ConceptGraph.from_concepts(
        [
            Concept("a", "one", [], "one/a", "Alpha"),
            Concept("b", "one", ["a"], "", "Beta", "ranking things"),
            Concept("c", "two", ["b"], "", "Gamma"),
            Concept("d", "two", [], "", "Delta"),
        ],
        STAGES,
    )


def test_nearest_pages_look_through_concepts_still_to_come():
    assert coming_notes.nearest_pages(graph(), "c") == ["a"]
    assert coming_notes.nearest_pages(graph(), "d") == []


def test_a_note_says_what_is_coming_and_what_to_read_meanwhile():
    text = coming_notes.note_source(graph(), "c", {"two": "Chapter two"})
    assert text.startswith("---\norphan: true\n---\n") and "\nslug:" not in text
    assert "# Gamma (page to come)" in text and "the chapter Chapter two" in text
    assert "{doc}`/one/a`" in text and "```{reading-list} c\n```" in text
    assert ":::{container} no-search" in text  # what it lists is not what it is about
    beta = coming_notes.note_source(graph(), "b", {})
    assert "Machine learning uses it for: ranking things." in beta
    assert "None of what it builds on has a page yet" in coming_notes.note_source(graph(), "d", {})


def test_write_notes_keeps_exactly_the_notes(tmp_path):
    folder = tmp_path / "coming"
    coming_notes.write_notes(folder, {"x": "X", "y": "Y"})
    stamp = (folder / "x.md").stat().st_mtime_ns
    coming_notes.write_notes(folder, {"x": "X"})
    assert sorted(p.name for p in folder.iterdir()) == ["x.md"]
    assert (folder / "x.md").stat().st_mtime_ns == stamp, "an unchanged note is not rewritten"


def test_notes_are_not_committed():
    assert "docs/coming/" in (ROOT / ".gitignore").read_text().split()
    tracked = subprocess.run(["git", "ls-files", "docs/coming"], capture_output=True, text=True, cwd=ROOT)
    assert not tracked.stdout.strip()


@pytest.mark.build
def test_a_note_goes_when_the_page_is_written(tiny, tmp_path):
    page = "---\nslug: {s}\nchapter: one\nprerequisites: [{p}]\n---\n(concept-{s})=\n# Page {s}\n\nText.\n"
    src = tiny.write(
        ["myst_parser", "concept_graph"],
        {"index.md": "# Home\n\n```{toctree}\na\n```\n", "a.md": page.format(s="a", p="")},
        conf='exclude_patterns = ["_data"]\n',
        chapters=[("one", 0)],
    )
    (src / "_data" / "SYLLABUS.md").write_text("## One (`one`)\n- `a` ← –\n- `b` ← a · sorting things\n")
    out = tmp_path / "out"
    result = tiny.build(src, out)
    assert result.returncode == 0, result.stderr
    note = (out / "coming" / "b.html").read_text()
    assert "B (page to come)" in note and "sorting things" in note and 'href="../a.html"' in note

    (src / "b.md").write_text(page.format(s="b", p="a"))
    (src / "index.md").write_text("# Home\n\n```{toctree}\na\nb\n```\n")
    result = tiny.build(src, out)
    assert result.returncode == 0, result.stderr
    assert not (src / "coming" / "b.md").exists() and not (out / "coming" / "b.html").exists()
    assert (out / "b.html").is_file()


@pytest.mark.build
def test_every_concept_still_to_come_has_its_note(site):
    data = json.loads((site / "concept-graph.json").read_text())["concepts"]
    coming = {s for s, c in data.items() if c["coming"]}
    # Once every chapter is written no concept is to come, and no note may be left behind; the
    # notes themselves are tested on the made-up graph above.
    notes = {p.stem for p in (site / "coming").glob("*.html")}
    assert notes == coming
    for slug in coming:
        html = (site / "coming" / f"{slug}.html").read_text()
        assert "(page to come)</h1>" in re.sub(r"<a class=\"headerlink\".*?</a>", "", html), slug
        assert "reading-list" in html, slug
    graph = concepts.read_site(ROOT / "docs")
    assert not any(c.docname.startswith("coming/") for c in graph.concepts.values() if not c.coming)
