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
from concepts import Concept, ConceptGraph

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.build


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
def tiny_site(tiny):
    """A site with three concept pages a <- b <- c, in two chapters (a third one is coming)."""
    return tiny.write(
        ["myst_parser", "concept_graph"],
        {
            "index.md": "# Home\n\n```{concept-chapters}\n```\n\n```{toctree}\na\nb\nc\n```\n",
            "a.md": page("a", "one", []),
            "b.md": page("b", "one", ["a"]),
            "c.md": page("c", "two", ["b"]),
        },
        chapters=[("one", 0, "Chapter one"), ("two", 1, "Chapter two"), ("three", 2, "Chapter three")],
    )


def text_of(html_file):
    return re.sub(r"<[^>]+>", "", html_file.read_text())


def test_tiny_site_renders_prerequisites_and_dependents(tiny, tiny_site, tmp_path):
    out = tmp_path / "out"
    result = tiny.build(tiny_site, out)
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
    result = tiny.build(tiny_site, out)
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
def test_bad_graph_fails_the_build_naming_the_page(tiny, tiny_site, tmp_path, edit, message):
    for name, text in edit.items():
        (tiny_site / name).write_text(text)
    result = tiny.build(tiny_site, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(message, result.stderr), result.stderr


def test_incremental_build_keeps_and_updates_numbers(tiny, tmp_path):
    """Definitions keep their numbers when a page's text changes, and move when blocks do.

    The renumbering extension skips Sphinx's renumbering walk when no numbered block moved;
    this checks both sides of that shortcut on a small numbered site with sphinx-proof.
    """
    conf = 'myst_enable_extensions = ["colon_fence"]\nnumfig = True\nnumfig_secnum_depth = 2\n'
    src = tiny.write(["myst_parser", "sphinx_proof", "concept_graph"], {}, conf, chapters=[("one", 0)])
    out = tmp_path / "out"
    (src / "index.md").write_text("# Home\n\n```{toctree}\n:numbered: 2\n\nch/index\n```\n")
    (src / "ch").mkdir()
    (src / "ch" / "index.md").write_text("# Chapter\n\n```{toctree}\na\nb\n```\n")
    definition = ":::{{prf:definition}} {name}\n:label: def-{name}\n\nText.\n:::\n\n"
    (src / "ch" / "a.md").write_text("# A\n\n" + definition.format(name="alpha"))
    b_text = "# B\n\nSome words.\n\n" + definition.format(name="beta")
    (src / "ch" / "b.md").write_text(b_text)
    assert tiny.build(src, out).returncode == 0
    assert "Definition 1.2.1" in text_of(out / "ch" / "b.html")

    (src / "ch" / "b.md").write_text(b_text.replace("Some words.", "Other words."))
    assert tiny.build(src, out).returncode == 0
    b = text_of(out / "ch" / "b.html")
    assert "Other words." in b and "Definition 1.2.1" in b and "1.2. B" in b
    assert "Definition 1.1.1" in text_of(out / "ch" / "a.html")

    (src / "ch" / "b.md").write_text(
        b_text.replace("Some words.\n\n", "Some words.\n\n" + definition.format(name="gamma"))
    )
    assert tiny.build(src, out).returncode == 0
    b = text_of(out / "ch" / "b.html")
    assert re.search(r"Definition 1\.2\.1\s*\(gamma\).*Definition 1\.2\.2\s*\(beta\)", b, re.S)


# --------------------------------------------------------------------------------------
# The real site
# --------------------------------------------------------------------------------------
# The ``site`` fixture (the real site, built once per test run) lives in tests/conftest.py.


def test_site_builds_without_warnings(site):
    assert (site / "index.html").exists()


def test_every_concept_page_shows_its_prerequisites_as_links(site):
    graph = json.loads((site / "concept-graph.json").read_text())["concepts"]
    assert len([c for c in graph.values() if not c["coming"]]) >= 30
    for slug, concept in graph.items():
        if concept["coming"]:
            continue
        html = (site / f"{concept['docname']}.html").read_text()
        nav = re.search(r'<div class="concept-nav[^"]*">(.*?)<details', html, re.S)
        assert nav, f"{slug}: no concept box"
        hrefs = re.findall(r'href="([^"]+)\.html"', nav.group(1))
        here = posixpath.dirname(concept["docname"])
        linked = {posixpath.normpath(posixpath.join(here, h)) for h in hrefs}
        expected = {graph[p]["docname"] for p in concept["prerequisites"]} | {
            graph[d]["docname"] for d in concept["dependents"] if not graph[d]["coming"]
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


# --------------------------------------------------------------------------------------
# Find, follow and cite: roadmap, learning paths, reading lists, glossary, cite box
# --------------------------------------------------------------------------------------
def graph_json(site):
    data = json.loads((site / "concept-graph.json").read_text())
    concepts = [
        Concept(s, c["chapter"], c["prerequisites"], c["docname"], c["title"], c["use"])
        for s, c in data["concepts"].items()
    ]
    return ConceptGraph.from_concepts(concepts, data["stages"])


def resolve(page, href):
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))


def roadmap_links(html):
    svg = re.search(r"<svg class=\"concept-roadmap\".*?</svg>", html, re.S)
    assert svg, "no roadmap figure"
    links = re.findall(r'<a class="roadmap-node n-([a-z0-9-]+)" href="([^"]+)"', svg.group(0))
    coming = re.findall(r'<g class="roadmap-node coming n-([a-z0-9-]+)"', svg.group(0))
    return svg.group(0), links, coming


def test_landing_page_roadmap_links_every_page(site):
    g = graph_json(site)
    svg, links, coming = roadmap_links((site / "index.html").read_text())
    pages = {s for s, c in g.concepts.items() if not c.coming}
    assert sorted(s for s, _ in links) == sorted(pages), "one link per concept page"
    assert set(coming) == set(g.concepts) - pages, "every concept without a page shown as coming"
    for slug, href in links:
        assert (site / resolve("index.html", href)).is_file(), href
        assert resolve("index.html", href) == g.concepts[slug].docname + ".html"
    assert svg.count('<path class="roadmap-edge') == sum(len(c.prerequisites) for c in g.concepts.values())
    assert 'aria-label="Roadmap of the site' in svg


def test_chapter_pages_show_their_part_of_the_roadmap(site):
    g = graph_json(site)
    shown = 0
    for index in sorted((ROOT / "docs").glob("*/index.md")):
        match = re.search(r"^```\{concept-roadmap\}\s+(\S+)", index.read_text(), re.M)
        if not match:
            continue
        chapter, page = match.group(1), f"{index.parent.name}/index.html"
        _, links, coming = roadmap_links((site / page).read_text())
        expected = {s for s, c in g.concepts.items() if c.chapter == chapter}
        assert {s for s, _ in links} | set(coming) == expected, chapter
        for _, href in links:
            assert (site / resolve(page, href)).is_file(), href
        shown += 1
    assert shown >= 2


def test_every_concept_page_shows_its_full_path_from_zero(site):
    g = graph_json(site)
    for slug, concept in g.concepts.items():
        if concept.coming:
            continue
        page = concept.docname + ".html"
        html = (site / page).read_text()
        details = re.search(r'<details class="concept-path" data-pages="(\d+)">(.*?)</details>', html, re.S)
        assert details, f"{slug}: no learning path"
        path = g.learning_path(slug)
        assert int(details.group(1)) == len(path) and f"({len(path)} page" in details.group(2)
        shown = []
        for cls, item in re.findall(r'<li(?: class="([^"]+)")?>(.*?)</li>', details.group(2), re.S):
            href = re.search(r'href="([^"]+)"', item)
            shown.append("here" if cls == "path-here" else resolve(page, href.group(1)) if href else "coming")
        expected = [
            "here" if s == slug else "coming" if g.concepts[s].coming else g.concepts[s].docname + ".html"
            for s in path
        ]
        assert shown == expected, slug


def test_ready_made_paths_match_the_command_line(site):
    # Built without MLMATH_BASEURL: both give paths from the site's root (docs/_ext/cite.py).
    for page, targets in [
        ("paths/zero-to-backpropagation", ["backpropagation"]),
        ("paths/probability-for-cross-entropy", ["cross-entropy"]),
    ]:
        html = (site / f"{page}.html").read_text()
        block = re.search(r'<div class="reading-list-text[^"]*">.*?<pre>(.*?)</pre>', html, re.S)
        assert block, page
        shown = re.sub(r"<[^>]+>", "", block.group(1))
        shown = shown.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
        cli = subprocess.run(
            [sys.executable, str(ROOT / "docs" / "_ext" / "reading_list.py"), *targets],
            capture_output=True,
            text=True,
            cwd="/",
            env={"PATH": "/usr/bin:/bin", "MLMATH_BASEURL": ""},
        )
        assert cli.returncode == 0, cli.stderr
        assert shown.strip() == cli.stdout.strip(), page
        assert "version" in cli.stdout and len(re.findall(r" - [\w/-]+\.html$", cli.stdout, re.M)) >= 5


def definitions_in_sources():
    terms = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if "_build" in path.parts:
            continue
        for title in re.findall(r"^:::+\{prf:definition\}[ \t]*(.+?)\s*$", path.read_text(), re.M):
            terms.append((path, title))
    return terms


def test_every_definition_is_in_the_glossary_and_the_index(site):
    glossary = (site / "glossary.html").read_text()
    genindex = (site / "genindex.html").read_text()
    terms = definitions_in_sources()
    assert len(terms) >= 30
    for path, title in terms:
        name = re.sub(r"[$`*]", "", title)
        docname = path.relative_to(ROOT / "docs").with_suffix("").as_posix()
        if not (site / f"{docname}.html").exists():
            continue
        label = re.search(
            rf"\{{prf:definition\}}[ \t]*{re.escape(title)}\s*\n:label:\s*(\S+)", path.read_text()
        ).group(1)
        # The site's typography turns a straight apostrophe into a curly one (Newton's method).
        shown = re.escape(name).replace("'", "['’]")
        assert re.search(rf'href="{re.escape(docname)}\.html#{label}"[^>]*>{shown}<', glossary), (
            f"glossary lacks {name!r} ({docname})"
        )
        assert f"{docname}.html#{label}" in genindex, f"general index lacks {name!r}"


def test_every_concept_page_has_a_cite_box(site):
    g = graph_json(site)
    version = __import__("mlmath_ref").__version__
    for slug, concept in g.concepts.items():
        if concept.coming:
            continue
        html = (site / f"{concept.docname}.html").read_text()
        box = re.search(r'<aside class="concept-cite".*?</aside>', html, re.S)
        assert box, slug
        # Built without MLMATH_BASEURL: a link to the page itself, its path until the browser
        # puts in the address it is served from (docs/_ext/cite.py, tests/site/test_cite.py).
        name = posixpath.basename(concept.docname)
        assert f'href="{name}.html"' in box.group(0) and f"version {version}" in box.group(0)
        assert f'<span class="concept-url">{concept.docname}.html</span>' in box.group(0)
        assert f"@misc{{mlmathref-{slug}," in box.group(0)


def test_redirect_for_a_moved_slug(tiny, tiny_site, tmp_path):
    registry = tmp_path / "published.txt"
    registry.write_text("slug old one/old\nlabel def-old b\n")
    (tiny_site / "_data" / "redirects.toml").write_text('[redirects]\nold = "b"\ndef-old = "c"\n')
    conf = tiny_site / "conf.py"
    conf.write_text(conf.read_text() + f"concept_anchor_registry = {str(registry)!r}\n")
    out = tmp_path / "out"
    result = tiny.build(tiny_site, out)
    assert result.returncode == 0, result.stderr
    moved = (out / "one" / "old.html").read_text()
    assert 'http-equiv="refresh" content="0; url=../b.html"' in moved
    assert (
        "location.replace" in (out / "b.html").read_text()
        and '"#def-old": "c.html"' in (out / "b.html").read_text()
    )


def test_built_site_holds_no_sphinx_cache(site):
    # The folder a maintainer uploads is the site only: Sphinx's pickled doctrees (tens of MB)
    # live beside it, in docs/_build/doctrees (tools/sphinx_command.py).
    assert not (site / ".doctrees").exists()
    assert (site.parent / "doctrees" / "environment.pickle").is_file()


def test_every_formula_was_typeset_when_the_site_was_built(site):
    # docs/_ext/math_static.py: no page leaves TeX for the browser, none loads a math engine.
    formulas = errors = 0
    for path in site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        html = path.read_text()
        raw = re.findall(r'class="math notranslate nohighlight">\s*(\\[(\[])', html)
        assert not raw, f"{path.relative_to(site)}: math left as TeX"
        assert "tex-mml-chtml" not in html and "mathjax@" not in html, (
            f"{path.relative_to(site)} loads MathJax"
        )
        formulas += html.count("<mjx-container ")
        errors += html.count("<mjx-merror")
    assert errors == 0
    assert formulas > 3000, formulas
