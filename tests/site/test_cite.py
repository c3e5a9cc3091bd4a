"""Citations that work wherever the site is served, and no link to a host that does not exist.

Without ``MLMATH_BASEURL`` the build knows no public address: no page has a canonical link, the
cite box links the page relatively (the browser shows the address it was loaded from:
``cite-here.js``, checked in tests/site/browser/test_previews.py), and reading lists give paths
from the site's root. With it, every one of them uses that address.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import cite
import pytest
import reading_list
from concepts import Concept, ConceptGraph

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = "mlmath-ref.example"  # the reserved example domain the site once showed


def test_no_base_url_means_no_host(monkeypatch):
    monkeypatch.delenv("MLMATH_BASEURL", raising=False)
    assert cite.site_baseurl() == ""
    monkeypatch.setenv("MLMATH_BASEURL", "https://docs.example.org/mlmath")
    assert cite.site_baseurl() == "https://docs.example.org/mlmath/"
    assert cite.page_url("", "a/b") == "a/b.html"
    assert cite.page_url("https://x.org/s/", "a/b") == "https://x.org/s/a/b.html"


def test_cite_box_without_a_base_url_links_the_page_itself():
    box = cite.cite_box_html("det", "Determinant", "linear-algebra/determinant", "", "1.0", "2026, Us")
    assert 'class="concept-permalink" href="determinant.html"' in box
    assert (
        box.count('<span class="concept-url">linear-algebra/determinant.html</span>') == 3
    )  # link, text, BibTeX
    assert "://" not in box


def test_cite_box_with_a_base_url_is_absolute():
    box = cite.cite_box_html("det", "Determinant", "la/det", "https://x.org/s/", "1.0", "2026, Us")
    assert box.count("https://x.org/s/la/det.html") == 4 and "concept-url" not in box


def test_reading_list_without_a_base_url_gives_paths_and_says_so():
    graph = ConceptGraph.from_concepts(
        [Concept("a", "one", [], "one/a", "Alpha"), Concept("b", "one", ["a"], "", "Beta")], {"one": 0}
    )
    text = reading_list.as_text(graph, ["b"], "", "1.0")
    assert "1. Alpha - one/a.html" in text and "2. Beta - (page coming)" in text
    assert reading_list.RELATIVE_NOTE in text and "://" not in text
    assert reading_list.RELATIVE_NOTE not in reading_list.as_text(graph, ["b"], "https://x.org/", "1.0")


def test_reading_list_command_invents_no_host():
    env = {k: v for k, v in os.environ.items() if k != "MLMATH_BASEURL"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "_ext" / "reading_list.py"), "determinant"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "linear-algebra/determinant.html" in done.stdout and "://" not in done.stdout


@pytest.mark.build
def test_the_site_names_no_host_it_was_not_given(site):
    if cite.site_baseurl():
        pytest.skip("MLMATH_BASEURL is set for this run: test_canonical_links_with_a_base_url covers it")
    for path in site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html, path
        assert PLACEHOLDER not in html, path


@pytest.mark.build
def test_canonical_links_with_a_base_url(tiny, tmp_path):
    page = "---\nslug: a\nchapter: one\nprerequisites: []\n---\n(concept-a)=\n# Alpha\n\nText.\n"
    src = tiny.write(
        ["myst_parser", "concept_graph"],
        {"index.md": "# Home\n\n```{toctree}\na\n```\n", "a.md": page},
        conf="from cite import site_baseurl\nhtml_baseurl = site_baseurl()\n",
        chapters=[("one", 0)],
    )
    out = tmp_path / "out"
    env = {**os.environ, "MLMATH_BASEURL": "https://docs.example.org/mlmath/"}
    result = tiny.build(src, out, env=env)
    assert result.returncode == 0, result.stderr
    html = (out / "a.html").read_text()
    assert '<link rel="canonical" href="https://docs.example.org/mlmath/a.html"' in html
    assert re.search(r'class="concept-permalink" href="https://docs.example.org/mlmath/a.html"', html)
