"""The browser checks of every page, run by tests/site/browser/test_pages.py.

Playwright's async API drives two tabs of Debian's chromium at once (on two cores that is about
1.5 times faster than one tab), each in its own browser context that blocks, and records, any
request off the local servers. A visit records what the page-level tests ask: console errors,
failed and outside requests, math left as TeX, images that do not decode, and axe-core's
violations (see STYLE_RULES for which rules run where).
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import chapters

CHAPTERS = [c.slug for c in chapters.load()]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; Playwright never downloads one
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TABS = 2

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


# axe rules that judge how the stylesheet renders an element (colors, link styling, touch-target
# size). A page's content cannot bring styles of its own (test_no_page_brings_its_own_colors),
# so these run where each kind of element first appears: on the whole page of every template
# (TEMPLATE_PAGES) and on the article of the pages that together hold every kind of article
# element of the site (STYLE_SPECIMENS). Every other rule runs on every article.
STYLE_RULES = ["color-contrast", "link-in-text-block", "target-size"]

AXE_JS = """async ([whole, styles]) => {
  const path = (selector) => {
    const parts = [];
    for (let e = document.querySelector(selector); e && e !== document.body; e = e.parentElement) {
      const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean) : [];
      parts.unshift([e.tagName.toLowerCase(), ...classes].join('.'));
    }
    return parts.join(' > ');
  };
  const context = whole ? document : {include: [['article.bd-article']]};
  const rules = Object.fromEntries(STYLE_RULES.map(r => [r, {enabled: styles}]));
  const result = await axe.run(context, {resultTypes: ['violations'], rules});
  return result.violations.map(v => ({id: v.id, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), path: path(n.target[0])}))}));
}""".replace("STYLE_RULES", str(STYLE_RULES))


def page_kind(path):
    """Pages of one kind share their templates: the header, the sidebars, the footer.

    Concept pages, chapter index pages, the notes for pages to come, the API's module and object
    pages, the gallery's examples and index pages are kinds; every other page is a kind of its own.
    """
    patterns = [
        ("gallery example", r"^auto_examples/.+/plot_[^/]+\.html$"),
        ("gallery index", r"^auto_examples/(.+/)?index\.html$"),
        ("API module", r"^api/generated/mlmath_ref\.[a-z_]+\.html$"),
        ("API object", r"^api/generated/mlmath_ref\.[a-z_]+\..+\.html$"),
        ("chapter index", rf"^({'|'.join(CHAPTERS)})/index\.html$"),
        ("note for a page to come", r"^coming/[^/]+\.html$"),  # docs/_ext/coming_notes.py
        ("concept page", rf"^({'|'.join(CHAPTERS)})/[^/]+\.html$"),
    ]
    return next((kind for kind, rx in patterns if re.match(rx, path)), path)


def template_pages(paths):
    """The first page of each kind: there axe checks the whole page, templates included."""
    first = {}
    for path in sorted(paths):
        first.setdefault(page_kind(path), path)
    return set(first.values())


class ArticleElements(HTMLParser):
    """The kinds of element in a page's article: tag and classes, with those of its two nearest
    ancestors that have classes (a link in a note is not a link in a table). MathJax's elements
    are left out: they draw the surrounding text's color and style no color of their own."""

    def __init__(self):
        super().__init__()
        self.stack, self.depth, self.kinds = [], 0, set()

    def handle_starttag(self, tag, attrs):
        classes = " ".join(sorted((dict(attrs).get("class") or "").split()))
        if self.depth == 0 and tag == "article" and "bd-article" in classes:
            self.depth = 1
        elif self.depth and tag not in VOID:
            self.depth += 1
        if self.depth and not tag.startswith("mjx-") and tag not in {"math", "mi", "mo", "mn", "mrow"}:
            context = tuple(c for c in self.stack if c)[-2:]
            self.kinds.add((context, f"{tag}.{classes}"))
        if tag not in VOID:
            self.stack.append(classes if self.depth else "")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack:
            self.stack.pop()
        if self.depth:
            self.depth -= 1


VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "embed", "param", "track"}


def article_kinds(html):
    parser = ArticleElements()
    parser.feed(html)
    return parser.kinds


def style_specimens(kinds_by_page, covered=frozenset()):
    """Few pages whose articles hold every kind of element not in `covered` (greedy set cover)."""
    left = set().union(*kinds_by_page.values()) - set(covered) if kinds_by_page else set()
    chosen = []
    while left:
        best = max(sorted(kinds_by_page), key=lambda p: len(kinds_by_page[p] & left))
        chosen.append(best)
        left -= kinds_by_page[best]
    return chosen


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


class Tab:
    """One tab, in a context of its own, that visits page after page."""

    def __init__(self, context, axe_url, external):
        self.context, self.axe_url, self.external, self.result = context, axe_url, external, Visit()

    @classmethod
    async def open(cls, browser, base_url, axe_url):
        context = await browser.new_context()
        local = {urlsplit(base_url).netloc, urlsplit(axe_url).netloc}
        external = []

        async def guard(route):
            # Block, and record, anything that is not a local server: the site must work offline.
            url = route.request.url
            if urlsplit(url).netloc not in local and not url.startswith("data:"):
                external.append(url)
                await route.abort()
            else:
                await route.continue_()

        await context.route("**/*", guard)
        tab = cls(context, axe_url, external)
        tab.page = page = await context.new_page()
        page.on(
            "console", lambda msg: tab.result.console_errors.append(msg.text) if msg.type == "error" else 0
        )
        page.on("pageerror", lambda error: tab.result.console_errors.append(str(error)))
        page.on("requestfailed", lambda req: tab.result.failed_requests.append(f"{req.url} ({req.failure})"))
        page.on(
            "response",
            lambda resp: (
                tab.result.failed_requests.append(f"{resp.url} (HTTP {resp.status})")
                if resp.status >= 400
                else 0
            ),
        )
        return tab

    async def visit(self, url, whole, styles):
        self.result = result = Visit()
        start = len(self.external)
        await self.page.goto(url, wait_until="load")
        math = await self.page.evaluate(MATH_JS)
        result.math_elements, result.rendered_math, result.raw_tex = (
            math["math"],
            math["rendered"],
            math["raw"],
        )
        result.broken_images = await self.page.evaluate(IMAGES_JS)
        await self.page.add_script_tag(url=self.axe_url)
        result.axe_violations = unignored(await self.page.evaluate(AXE_JS, [whole, styles]))
        await self.page.wait_for_load_state("networkidle")  # late requests (fonts) counted too
        result.external_requests = self.external[start:]
        await self.page.goto("about:blank")  # nothing of this page runs into the next visit
        return result


async def _visit_all(chromium, base_url, axe_url, jobs, tabs):
    from playwright.async_api import async_playwright

    results, queue = {}, list(jobs)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )

        async def work():
            tab = await Tab.open(browser, base_url, axe_url)
            while queue:
                path, whole, styles = queue.pop(0)
                results[path] = await tab.visit(base_url + path, whole, styles)
            await tab.context.close()

        await asyncio.gather(*(work() for _ in range(min(tabs, len(jobs)))))
        await browser.close()
    return results


def visit_all(chromium, base_url, axe_url, jobs, tabs=TABS):
    """{path: Visit} of `jobs`, [(path, whole page?, style rules?)], visited in `tabs` tabs at once.

    Runs in a thread of its own, beside the synchronous Playwright of the interaction tests.
    """
    out = {}

    def run():
        out["results"] = asyncio.run(_visit_all(chromium, base_url, axe_url, jobs, tabs))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out["results"]
