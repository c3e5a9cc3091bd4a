"""Every page of the built site, in a real browser, with nothing but the local server.

One visit per page (cached) feeds several tests, so a failure names the page and the property.
What depends on a page's own content is checked on every page: it loads with no console error
and no failed request; every request goes to the local server (any other is recorded, blocked,
and fails); every formula was typeset when the site was built (no TeX left); every image
loads; axe-core finds no accessibility violation in the page's article. What depends only on
the shared templates (the header, the sidebars, the footer) is checked once per kind of page
(`page_kind`): axe on the whole page. So the cost per page stays small as the site grows.
"""

import re

import pytest
from offline_assets import node_modules
from serve_site import serve
from visits import (
    article_kinds,
    page_kind,
    style_specimens,
    template_pages,
    visit_all,
)

from tests.site.browser.conftest import CHROMIUM, SITE, site_pages

PAGES = site_pages()
TEMPLATE_PAGES = template_pages(PAGES)
KINDS = {p: article_kinds((SITE / p).read_text(encoding="utf-8")) for p in PAGES}
STYLE_SPECIMENS = set(
    style_specimens(KINDS, covered=set().union(*(KINDS[p] for p in TEMPLATE_PAGES)) if KINDS else ())
)


@pytest.fixture(scope="module")
def axe_url(axe_available):
    """axe-core served over HTTP, so the browser keeps it compiled from one page to the next."""
    server, url = serve(node_modules() / "axe-core")
    yield url + "axe.min.js"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def visits(base_url, axe_url):
    """Every page visited once: the whole page checked on TEMPLATE_PAGES, the style rules on those
    and on STYLE_SPECIMENS, the article elsewhere."""
    jobs = [(p, p in TEMPLATE_PAGES, p in TEMPLATE_PAGES or p in STYLE_SPECIMENS) for p in PAGES]
    return visit_all(CHROMIUM, base_url, axe_url, jobs)


@pytest.fixture(scope="module")
def axe_available():
    if not (node_modules() / "axe-core" / "axe.min.js").is_file():
        pytest.fail(f"axe-core missing from {node_modules()}: build the site first (it runs npm ci)")


def test_site_was_built(site):
    assert len(list(site.rglob("*.html"))) > 50


def test_page_loads_cleanly(visits, page_path):
    v = visits[page_path]
    assert not v.console_errors, v.console_errors
    assert not v.failed_requests, v.failed_requests


def test_page_requests_only_the_local_server(visits, page_path):
    assert not visits[page_path].external_requests


def test_math_is_rendered(visits, page_path):
    v = visits[page_path]
    assert not v.raw_tex, f"{len(v.raw_tex)} of {v.math_elements} math elements left as TeX: {v.raw_tex[:3]}"
    assert v.rendered_math >= v.math_elements


def test_images_load(visits, page_path):
    assert not visits[page_path].broken_images


def test_no_accessibility_violations(visits, page_path):
    assert not visits[page_path].axe_violations


def test_every_kind_of_page_gets_a_whole_page_check():
    kinds = {page_kind(p) for p in site_pages()}
    assert {page_kind(p) for p in TEMPLATE_PAGES} == kinds
    assert {"concept page", "chapter index", "API object", "gallery example"} <= kinds
    assert page_kind("linear-algebra/determinant.html") == page_kind("calculus/limit.html")
    assert page_kind("coming/softmax.html") == page_kind("coming/pca.html")
    assert len(TEMPLATE_PAGES) < len(site_pages()) / 4, "most pages share a template"


def test_style_rules_see_every_kind_of_article_element():
    seen = set().union(*(KINDS[p] for p in TEMPLATE_PAGES | STYLE_SPECIMENS))
    assert seen == set().union(*KINDS.values())
    assert len(STYLE_SPECIMENS) < len(site_pages()) / 4, "a few pages show every kind of element"


def test_style_specimens_are_a_cover():
    kinds = {"a": {1, 2}, "b": {2, 3, 4}, "c": {4}, "d": {5}}
    chosen = style_specimens(kinds, covered={1})
    assert set().union(*(kinds[p] for p in chosen)) >= {2, 3, 4, 5} and chosen[0] == "b"
    assert article_kinds(
        '<div class="x"><article class="bd-article"><p class="y"><a class="z">t</a></p></article>'
    ) == {
        ((), "article.bd-article"),
        (("bd-article",), "p.y"),
        (("bd-article", "y"), "a.z"),
    }


def test_no_page_brings_its_own_colors(site):
    # What lets STYLE_RULES run on specimens only: colors come from the site's one stylesheet.
    for path in site_pages():
        article = (site / path).read_text(encoding="utf-8").split('<article class="bd-article"', 1)[-1]
        article = article.split("</article>", 1)[0]
        styled = re.findall(r'style="[^"]*(?:color|background|fill)[^"]*"', article)
        styled += [
            css for css in re.findall(r"<style>(.*?)</style>", article, re.S) if re.search("color|fill", css)
        ]
        assert not styled, (path, styled[:3])


def test_math_check_is_not_vacuous(visits):
    # The math test passes on a page without math; make sure the site still has some.
    v = visits["linear-algebra/determinant.html"]
    assert v.math_elements > 5 and v.rendered_math >= v.math_elements


PLANTED = """<!DOCTYPE html><html lang="en"><head><title>Planted defects</title></head>
<body><main><article class="bd-article"><h1>Planted defects</h1>
<p>An external image: <img src="https://example.org/figure.png" alt="external"></p>
<p>A missing image: <img src="_images/no-such-figure.png" alt="missing"></p>
<p>Math left as TeX: <span class="math notranslate nohighlight">\\(x^2\\)</span></p>
<p style="color: #bbbbbb; background: #ffffff">Text too pale to read.</p>
<p><img src="_images/unlabelled.png"></p>
<script>console.error("planted console error");</script>
</article></main></body></html>
"""


def test_the_checks_catch_planted_defects(site, serve_folder, axe_url, tmp_path):
    # A page with one defect per property, served beside the site's own assets: each check must
    # report its defect, so that a green run means something. Visited twice: as most pages are
    # (the article, without the style rules) and as a style specimen (with them).
    (tmp_path / "_static").symlink_to(site / "_static")
    (tmp_path / "_images").mkdir()
    figure = next((site / "_images").glob("*.png"))
    (tmp_path / "_images" / "unlabelled.png").write_bytes(figure.read_bytes())
    (tmp_path / "planted.html").write_text(PLANTED)
    (tmp_path / "specimen.html").write_text(PLANTED)
    base = serve_folder(tmp_path)
    found = visit_all(
        CHROMIUM, base, axe_url, [("planted.html", False, False), ("specimen.html", False, True)]
    )
    v = found["planted.html"]
    assert set(v.external_requests) == {"https://example.org/figure.png"}, v.external_requests
    assert any("planted console error" in e for e in v.console_errors), v.console_errors
    assert any("no-such-figure.png" in f for f in v.failed_requests), v.failed_requests
    assert any("no-such-figure.png" in b for b in v.broken_images), v.broken_images
    assert v.raw_tex == ["\\(x^2\\)"], v.raw_tex
    rules = {violation.split(" ")[0] for violation in v.axe_violations}
    assert "image-alt" in rules and "color-contrast" not in rules, v.axe_violations
    rules = {violation.split(" ")[0] for violation in found["specimen.html"].axe_violations}
    assert {"color-contrast", "image-alt"} <= rules, found["specimen.html"].axe_violations
