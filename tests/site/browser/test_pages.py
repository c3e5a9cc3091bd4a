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
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import chapters
import pytest
from offline_assets import node_modules
from serve_site import serve

from tests.site.browser.conftest import site_pages

CHAPTERS = [c.slug for c in chapters.load()]

# axe-core violations that belong to third-party markup we do not control, each by rule id and
# a regex on the offending node's path ("div.bd-sidebar-primary > ... > a.reference.internal":
# tag and classes of it and every ancestor), with the reason. Anything else fails.
AXE_IGNORED = {
    "label-content-name-mismatch": [
        (
            r"search-button-field",
            "pydata-sphinx-theme's search button: its aria-label 'Search' differs from its visible "
            "text ('Search Ctrl+K'); theme template",
        )
    ],
    "region": [
        (
            r"sidebar-primary-item",
            "pydata-sphinx-theme puts the sidebar's logo/search item outside any landmark; theme template",
        )
    ],
    "summary-name": [
        (
            r"bd-sidenav.* > details > summary$",
            "pydata-sphinx-theme's collapsible table-of-contents toggles are <summary> elements with "
            "an icon only (the entry's link next to it has the name); theme template",
        )
    ],
    # Sphinx's HTML writer marks the bibliography up as <div class="citation-list"
    # role="doc-bibliography"> holding <div class="citation" role="doc-biblioentry">: that
    # DPUB-ARIA role is deprecated and only allowed on list items, so axe reports all three.
    "aria-allowed-role": [(r"div\.citation$", "Sphinx's bibliography markup (see above)")],
    "aria-deprecated-role": [(r"div\.citation$", "Sphinx's bibliography markup (see above)")],
    "aria-required-children": [(r"div\.citation-list$", "Sphinx's bibliography markup (see above)")],
}


@dataclass
class Visit:
    console_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    external_requests: list = field(default_factory=list)
    broken_images: list = field(default_factory=list)
    math_elements: int = 0
    rendered_math: int = 0
    raw_tex: list = field(default_factory=list)
    axe_violations: list = field(default_factory=list)


_visits = {}


def open_context(browser, base_url, also=()):
    """A browser context that blocks, and records in ``.external``, any request off ``base_url``.

    `also` lists other local servers the tests themselves use (the one that serves axe-core).
    """
    context = browser.new_context()
    local = {urlsplit(base_url).netloc, *(urlsplit(u).netloc for u in also)}
    external = []

    def guard(route):
        # Block, and record, anything that is not the local server: the site must work offline.
        if urlsplit(route.request.url).netloc not in local and not route.request.url.startswith("data:"):
            external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    context.external = external
    return context


@pytest.fixture(scope="module")
def axe_url(axe_available):
    """axe-core served over HTTP, so the browser keeps it compiled from one page to the next."""
    server, url = serve(node_modules() / "axe-core")
    yield url + "axe.min.js"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def context(browser, base_url, axe_url):
    context = open_context(browser, base_url, also=[axe_url])
    context.tab = Tab(context, axe_url)
    yield context
    context.close()


class Tab:
    """One browser tab that visits page after page, recording what each visit did."""

    def __init__(self, context, axe_url):
        self.context, self.axe_url, self.result = context, axe_url, Visit()
        self.page = page = context.new_page()
        page.on(
            "console", lambda msg: self.result.console_errors.append(msg.text) if msg.type == "error" else 0
        )
        page.on("pageerror", lambda error: self.result.console_errors.append(str(error)))
        page.on("requestfailed", lambda req: self.result.failed_requests.append(f"{req.url} ({req.failure})"))
        page.on(
            "response",
            lambda resp: (
                self.result.failed_requests.append(f"{resp.url} (HTTP {resp.status})")
                if resp.status >= 400
                else 0
            ),
        )

    def visit(self, url, whole):
        self.result = result = Visit()
        start = len(self.context.external)
        self.page.goto(url, wait_until="load")
        math = self.page.evaluate(MATH_JS)
        result.math_elements, result.rendered_math, result.raw_tex = (
            math["math"],
            math["rendered"],
            math["raw"],
        )
        result.broken_images = self.page.evaluate(IMAGES_JS)
        self.page.add_script_tag(url=self.axe_url)
        result.axe_violations = unignored(self.page.evaluate(AXE_JS, whole))
        self.page.wait_for_load_state("networkidle")  # late requests (fonts) counted too
        result.external_requests = self.context.external[start:]
        self.page.goto("about:blank")  # nothing of this page runs into the next visit
        return result


MATH_JS = """() => {
  const math = Array.from(document.querySelectorAll('.math'));
  const raw = math.filter(el => !el.querySelector('mjx-container') && !el.matches('mjx-container'))
                  .map(el => el.textContent.trim().slice(0, 60));
  return {math: math.length, rendered: document.querySelectorAll('mjx-container').length, raw};
}"""

IMAGES_JS = """async () => {
  const broken = [];
  for (const img of Array.from(document.images)) {
    const probe = new Image();
    probe.src = img.currentSrc || img.src;
    try { await probe.decode(); if (!probe.naturalWidth) broken.push(img.src); }
    catch (e) { broken.push(img.src); }
  }
  return broken;
}"""


AXE_JS = """async (whole) => {
  const path = (selector) => {
    const parts = [];
    for (let e = document.querySelector(selector); e && e !== document.body; e = e.parentElement) {
      const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean) : [];
      parts.unshift([e.tagName.toLowerCase(), ...classes].join('.'));
    }
    return parts.join(' > ');
  };
  const context = whole ? document : {include: [['article.bd-article']]};
  const result = await axe.run(context, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), path: path(n.target[0])}))}));
}"""


def page_kind(path):
    """Pages of one kind share their templates: the header, the sidebars, the footer.

    Concept pages, chapter index pages, the API's module and object pages, the gallery's
    examples and index pages are kinds; every other page is a kind of its own.
    """
    patterns = [
        ("gallery example", r"^auto_examples/.+/plot_[^/]+\.html$"),
        ("gallery index", r"^auto_examples/(.+/)?index\.html$"),
        ("API module", r"^api/generated/mlmath_ref\.[a-z_]+\.html$"),
        ("API object", r"^api/generated/mlmath_ref\.[a-z_]+\..+\.html$"),
        ("chapter index", rf"^({'|'.join(CHAPTERS)})/index\.html$"),
        ("concept page", rf"^({'|'.join(CHAPTERS)})/[^/]+\.html$"),
    ]
    return next((kind for kind, rx in patterns if re.match(rx, path)), path)


def template_pages(paths):
    """The first page of each kind: there axe checks the whole page, templates included."""
    first = {}
    for path in sorted(paths):
        first.setdefault(page_kind(path), path)
    return set(first.values())


TEMPLATE_PAGES = template_pages(site_pages())


def visit(context, base_url, path, whole=None):
    """Load `path` once and record everything the tests ask about it (cached).

    axe checks the whole page when `whole` is true, or by default on the first page of each
    kind (template_pages); elsewhere the page's article only.
    """
    if (base_url, path) not in _visits:
        whole = path in TEMPLATE_PAGES if whole is None else whole
        _visits[base_url, path] = context.tab.visit(base_url + path, whole)
    return _visits[base_url, path]


def unignored(violations):
    kept = []
    for violation in violations:
        rules = AXE_IGNORED.get(violation["id"], [])
        targets = [
            node["target"]
            for node in violation["nodes"]
            if not any(re.search(regex, node["path"]) for regex, _ in rules)
        ]
        if targets:
            kept.append(f"{violation['id']} ({violation['help']}): {targets[:5]}")
    return kept


@pytest.fixture(scope="module")
def axe_available():
    if not (node_modules() / "axe-core" / "axe.min.js").is_file():
        pytest.fail(f"axe-core missing from {node_modules()}: build the site first (it runs npm ci)")


def test_site_was_built(site):
    assert len(list(site.rglob("*.html"))) > 50


def test_page_loads_cleanly(context, base_url, axe_available, page_path):
    v = visit(context, base_url, page_path)
    assert not v.console_errors, v.console_errors
    assert not v.failed_requests, v.failed_requests


def test_page_requests_only_the_local_server(context, base_url, axe_available, page_path):
    assert not visit(context, base_url, page_path).external_requests


def test_math_is_rendered(context, base_url, axe_available, page_path):
    v = visit(context, base_url, page_path)
    assert not v.raw_tex, f"{len(v.raw_tex)} of {v.math_elements} math elements left as TeX: {v.raw_tex[:3]}"
    assert v.rendered_math >= v.math_elements


def test_images_load(context, base_url, axe_available, page_path):
    assert not visit(context, base_url, page_path).broken_images


def test_no_accessibility_violations(context, base_url, axe_available, page_path):
    assert not visit(context, base_url, page_path).axe_violations


def test_every_kind_of_page_gets_a_whole_page_check():
    kinds = {page_kind(p) for p in site_pages()}
    assert {page_kind(p) for p in TEMPLATE_PAGES} == kinds
    assert {"concept page", "chapter index", "API object", "gallery example"} <= kinds
    assert page_kind("linear-algebra/determinant.html") == page_kind("calculus/limit.html")
    assert len(TEMPLATE_PAGES) < len(site_pages()) / 4, "most pages share a template"


def test_math_check_is_not_vacuous(context, base_url, axe_available):
    # The math test passes on a page without math; make sure the site still has some.
    v = visit(context, base_url, "linear-algebra/determinant.html")
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


def test_the_checks_catch_planted_defects(browser, site, serve_folder, tmp_path):
    # A page with one defect per property, served beside the site's own MathJax and axe: each
    # check must report its defect, so that a green run means something.
    (tmp_path / "_static").symlink_to(site / "_static")
    (tmp_path / "_images").mkdir()
    figure = next((site / "_images").glob("*.png"))
    (tmp_path / "_images" / "unlabelled.png").write_bytes(figure.read_bytes())
    (tmp_path / "planted.html").write_text(PLANTED)
    base = serve_folder(tmp_path)
    axe_url = serve_folder(node_modules() / "axe-core") + "axe.min.js"
    context = open_context(browser, base, also=[axe_url])
    context.tab = Tab(context, axe_url)
    try:
        v = visit(context, base, "planted.html", whole=False)  # axe on the article, as on most pages
    finally:
        context.close()
    assert set(v.external_requests) == {"https://example.org/figure.png"}, v.external_requests
    assert any("planted console error" in e for e in v.console_errors), v.console_errors
    assert any("no-such-figure.png" in f for f in v.failed_requests), v.failed_requests
    assert any("no-such-figure.png" in b for b in v.broken_images), v.broken_images
    assert v.raw_tex == ["\\(x^2\\)"], v.raw_tex
    rules = {violation.split(" ")[0] for violation in v.axe_violations}
    assert {"color-contrast", "image-alt"} <= rules, v.axe_violations
