"""Build the site the way ``nox -s docs`` does, and check what the build promises.

1. Small throw-away sites show that the concept-graph extension fails the build,
   naming the page, on each kind of bad front matter, and that it renders and
   updates "Before you start" / "Where this leads".
2. The real site builds with warnings as errors, every cross-reference resolved
   and every gallery example run; then the rendered pages are checked.
"""

import json
import posixpath
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "docs" / "_ext"
pytestmark = pytest.mark.build


def sphinx(src, out, *extra):
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-n",
        "-q",
        "-b",
        "html",
        *extra,
        str(src),
        str(out),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=src)


def page(slug, chapter, prerequisites, title=None):
    return textwrap.dedent(f"""\
        ---
        slug: {slug}
        chapter: {chapter}
        prerequisites: [{", ".join(prerequisites)}]
        ---
        # {title or slug.title()}

        Text.
        """)


@pytest.fixture
def tiny_site(tmp_path):
    """A site with three concept pages a <- b <- c, in two chapters."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        textwrap.dedent(f"""\
        import sys
        sys.path.insert(0, {str(EXT)!r})
        extensions = ["myst_parser", "concept_graph"]
        concept_chapters = {{"one": 0, "two": 1}}
        concept_chapter_titles = {{"one": "Chapter one", "two": "Chapter two", "three": "Chapter three"}}
        """)
    )
    (src / "index.md").write_text("# Home\n\n```{concept-chapters}\n```\n\n```{toctree}\na\nb\nc\n```\n")
    (src / "a.md").write_text(page("a", "one", []))
    (src / "b.md").write_text(page("b", "one", ["a"]))
    (src / "c.md").write_text(page("c", "two", ["b"]))
    return src


def text_of(html_file):
    return re.sub(r"<[^>]+>", "", html_file.read_text())


def test_tiny_site_renders_prerequisites_and_dependents(tiny_site, tmp_path):
    out = tmp_path / "out"
    result = sphinx(tiny_site, out)
    assert result.returncode == 0, result.stderr
    b = (out / "b.html").read_text()
    assert re.search(
        r'Before you start: </strong><a class="concept-link reference internal" href="a.html">A</a>', b
    )
    assert re.search(
        r'Where this leads: </strong><a class="concept-link reference internal" href="c.html">C</a>', b
    )
    assert "nothing, this is a starting point" in text_of(out / "a.html")
    home = text_of(out / "index.html")
    assert "Chapter one (2 pages): A, B" in home and "Chapter three (coming)" in home
    graph = json.loads((out / "concept-graph.json").read_text())
    assert graph["concepts"]["a"]["dependents"] == ["b"]

    # Incremental rebuild: c now builds on a directly. a's "Where this leads" must change
    # although a.md itself was not edited.
    (tiny_site / "c.md").write_text(page("c", "two", ["a"]))
    result = sphinx(tiny_site, out)
    assert result.returncode == 0, result.stderr
    assert "Where this leads: B, C" in text_of(out / "a.html")
    assert "Where this leads: no page builds on this one yet" in text_of(out / "b.html")


@pytest.mark.parametrize(
    "edit, message",
    [
        ({"c.md": page("c", "two", ["nope"])}, r"c\.md: unknown prerequisite 'nope'"),
        ({"a.md": page("a", "one", ["c"])}, r"cycle of prerequisites"),
        ({"c.md": page("b", "two", [])}, r"c\.md: duplicate slug 'b'"),
        ({"b.md": page("b", "one", ["c"])}, r"b\.md: prerequisite 'c' is in chapter 'two'"),
        ({"c.md": page("c", "nine", [])}, r"c\.md: unknown chapter 'nine'"),
    ],
    ids=["unknown", "cycle", "duplicate", "later-chapter", "unknown-chapter"],
)
def test_bad_graph_fails_the_build_naming_the_page(tiny_site, tmp_path, edit, message):
    for name, text in edit.items():
        (tiny_site / name).write_text(text)
    result = sphinx(tiny_site, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(message, result.stderr), result.stderr


# --------------------------------------------------------------------------------------
# The real site
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site():
    """Build docs/ into docs/_build/html exactly as ``nox -s docs`` does (incremental)."""
    out = ROOT / "docs" / "_build" / "html"
    cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", "docs", str(out)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return out


def test_site_builds_without_warnings(site):
    assert (site / "index.html").exists()


def test_every_concept_page_shows_its_prerequisites_as_links(site):
    graph = json.loads((site / "concept-graph.json").read_text())["concepts"]
    assert len(graph) >= 30
    for slug, concept in graph.items():
        html = (site / f"{concept['docname']}.html").read_text()
        nav = re.search(r'<div class="concept-nav[^"]*">(.*?)</div>', html, re.S)
        assert nav, f"{slug}: no concept box"
        hrefs = re.findall(r'href="([^"]+)\.html"', nav.group(1))
        here = posixpath.dirname(concept["docname"])
        linked = {posixpath.normpath(posixpath.join(here, h)) for h in hrefs}
        expected = {graph[p]["docname"] for p in concept["prerequisites"]} | {
            graph[d]["docname"] for d in concept["dependents"]
        }
        assert linked == expected, slug


def test_every_gallery_example_ran_and_drew_a_figure(site):
    examples = sorted((ROOT / "examples").glob("*/plot_*.py"))
    for example in examples:
        images = ROOT / "docs" / "auto_examples" / example.parent.name / "images"
        assert list(images.glob(f"sphx_glr_{example.stem}_*.png")), f"{example.name} drew no figure"


def test_api_pages_show_gallery_examples(site):
    html = (site / "api" / "generated" / "mlmath_ref.fundamentals.compose.html").read_text()
    assert "auto_examples/fundamentals/plot_composition_order.html" in html


def test_definitions_are_numbered_and_linkable(site):
    html = (site / "fundamentals" / "composition.html").read_text()
    assert re.search(r'id="def-composition"', html)
    assert re.search(r"Definition\s*(</span>\s*)?(<span[^>]*>)?\s*1\.3\.1\b", html), "numbered chapter.page.n"
