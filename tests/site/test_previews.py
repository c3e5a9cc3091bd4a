"""Hover previews and block links, as built (docs/_ext/previews.py, block_links.py).

The browser side (a card appears on hover and focus, goes on Escape, passes axe in light and
dark mode) is in tests/site/browser/test_previews.py.
"""

import json
import re

import block_links
import previews
import pytest

WHERE = {("la/det", ""): "def-det", ("la/det", "concept-det"): "def-det", ("la/det", "def-det"): "def-det"}


@pytest.mark.parametrize(
    "page, href, target",
    [
        ("la/inv", "det.html", ("la/det", "")),
        ("la/inv", "../la/det.html#def-det", ("la/det", "def-det")),
        ("la/inv", "#here", ("la/inv", "here")),
        ("index", "la/det.html", ("la/det", "")),
        ("la/inv", "https://numpy.org/x.html", None),
        ("la/inv", "../_images/a.png", None),
    ],
)
def test_links_resolve_to_pages_and_anchors(page, href, target):
    assert previews.resolve(page, href) == target


def test_links_to_definitions_and_concept_pages_get_a_preview():
    body = (
        '<a class="reference internal" href="det.html">Det</a> '
        '<a href="det.html#def-det">D</a> <a href="det.html#pitfalls">P</a> '
        '<a class="headerlink" href="#def-det">¶</a> <a href="inv.html">self</a>'
    )
    out = previews.mark_links(body, "la/inv", {**WHERE, ("la/inv", ""): "def-inv"})
    assert out.count('data-preview="def-det"') == 2
    assert 'href="det.html#pitfalls">' in out and 'href="#def-det">¶' in out  # no preview there
    assert 'href="inv.html">self' in out  # a page does not preview itself


def test_a_card_is_the_definition_block_without_ids_or_links():
    html = (
        '<p>before</p><div class="proof definition admonition" id="def-det">'
        '<p class="admonition-title">Definition 1 <a class="proof-link" href="#def-det">#</a></p>'
        '<section id="proof-content"><div class="math"><p>x <a href="y.html">y</a></p></div></section>'
        "</div><p>after</p>"
    )
    block = previews.cut_block(html, "def-det")
    assert (
        block.startswith('<div class="proof definition') and block.endswith("</div>") and "after" not in block
    )
    card = previews.card_html(block)
    assert "id=" not in card and "<a" not in card and "proof-link" not in card and "<span>y</span>" in card
    assert previews.cut_block(html, "def-nope") is None


def test_every_labeled_block_gets_a_visible_link_to_itself():
    body = (
        '<div class="proof definition admonition" id="def-det">\n<p class="admonition-title">'
        '<span class="caption-number">Definition 2.17.1 </span> (Determinant)</p>'
        '<div class="proof theorem admonition" id="thm-x">\n<p class="admonition-title">'
        '<span class="caption-number">Theorem 2.17.1 </span> (X)</p>'
    )
    out = block_links.add_links(body)
    name = "Link to Definition 2.17.1"
    assert f'<a class="proof-link" href="#def-det" aria-label="{name}" title="{name}">#</a>' in out
    assert 'href="#thm-x"' in out and "Link to Theorem 2.17.1" in out


@pytest.mark.build
def test_every_preview_a_page_offers_has_its_card(site):
    cards = {p.stem for p in (site / "_static" / "previews").glob("*.js")}
    offered = set()
    for page in site.rglob("*.html"):
        if "_static" not in page.parts:
            offered |= set(re.findall(r'data-preview="([^"]+)"', page.read_text(encoding="utf-8")))
    assert len(offered) >= 60 and offered <= cards, sorted(offered - cards)[:10]
    for key in offered:
        text = (site / "_static" / "previews" / f"{key}.js").read_text(encoding="utf-8")
        data = json.loads(re.fullmatch(rf'mlmathPreview\("{key}", (.*)\);\n', text, re.S).group(1))
        assert "<mjx-container" in data["html"] or "Definition" in data["html"], key
        assert " id=" not in data["html"] and "<a " not in data["html"], key
        assert re.search(r'class="caption-number">Definition \d+\.\d+\.\d+', data["html"]), key


@pytest.mark.build
def test_concept_links_and_glossary_terms_offer_previews(site):
    page = (site / "linear-algebra" / "determinant.html").read_text()
    assert re.search(
        r'<a class="concept-link[^"]*" href="matrix-of-a-map.html" data-preview="def-[^"]+"', page
    )
    assert 'href="#def-determinant" aria-label="Link to Definition 2.17.1"' in page
    glossary = (site / "glossary.html").read_text()
    terms = re.findall(r'<a class="glossary-link[^>]*>', glossary)
    assert terms and all("data-preview=" in t for t in terms if "#def-" in t)
