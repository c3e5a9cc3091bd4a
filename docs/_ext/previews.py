"""Sphinx extension: hovering or focusing a link to a concept page or a definition previews it.

A reader who meets "the Jacobian" in a sentence can see its definition without leaving the
page. Everything is made when the site is built, so the preview works offline and shows the
definition exactly as its page does, numbered and with its math already typeset
(``math_static.py``); no math engine runs in the browser.

- **Which links.** While a page is written (``html-page-context``), every link of its article to
  a concept page, to a labeled definition or from the glossary gets ``data-preview="<key>"``:
  the label (``def-...``) of the definition, or of a concept page's first definition.
- **The cards.** At the end of the build, each card is cut from the written page that holds the
  definition (ids removed, links made plain text, so nothing on the page that shows it is
  duplicated or broken) into ``_static/previews/<key>.js`` (one per definition), a script that
  hands the card to ``_static/previews.js``. A page loads only ``previews.js`` (a few kB); a
  card is loaded the first time a reader points at or focuses a link to it (a script, not
  ``fetch``, so it also works from ``file://``).
- ``_static/previews.js`` shows the card beside the link, keeps it while the pointer is on the
  link or the card, hides it on Escape or when focus leaves, and names it as the link's
  description (``aria-describedby``) for screen readers.
"""

from __future__ import annotations

import json
import posixpath
import re
from html import unescape
from pathlib import Path

from site_state import state_of

CARDS = "_static/previews"
LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>')
BLOCK_START = re.compile(r'<div class="proof definition\b[^"]*" id="([^"]+)">')
DIV = re.compile(r"<(/?)div\b")


def targets(env):
    """{(docname, anchor): label} of every link target that has a preview, and {label: docname}.

    A definition previews itself; a concept page (its top, or its ``concept-<slug>`` anchor)
    previews its first definition.
    """
    state = state_of(env)
    where, cards = {}, {}
    for docname, found in state.definitions.items():
        for _, label in found:
            where[docname, label] = label
            cards[label] = docname
    for docname, concept in state.concepts.items():
        found = state.definitions.get(docname)
        if found:
            where[docname, ""] = where[docname, f"concept-{concept.slug}"] = found[0][1]
    return where, cards


def resolve(pagename, href):
    """(docname, anchor) a link of page `pagename` points to, or None if it leaves the site's pages."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
        return None
    path, _, anchor = unescape(href).partition("#")
    if not path:
        return pagename, anchor
    if not path.endswith(".html"):
        return None
    doc = posixpath.normpath(posixpath.join(posixpath.dirname(pagename), path[: -len(".html")]))
    return doc, anchor


def mark_links(body, pagename, where):
    """The page body with ``data-preview`` on every link that has a preview."""

    def mark(match):
        before, href, after = match.groups()
        tag = match.group(0)
        if "data-preview=" in tag or "headerlink" in tag or "proof-link" in tag:
            return tag
        target = resolve(pagename, href)
        if (
            target is None
            or target == (pagename, "")
            or target[1].startswith("concept-")
            and target[0] == pagename
        ):
            return tag  # the page itself
        key = where.get(target)
        if key is None:
            return tag
        return f'<a{before}href="{href}"{after} data-preview="{key}">'

    return LINK.sub(mark, body)


def cut_block(html, label):
    """The HTML of the definition block whose id is `label`, or None."""
    for match in BLOCK_START.finditer(html):
        if match.group(1) != label:
            continue
        depth = 0
        for tag in DIV.finditer(html, match.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                return html[match.start() : html.index(">", tag.end()) + 1]
    return None


def card_html(block):
    """A definition block made safe to show inside another page: no ids, no links, no anchors."""
    block = re.sub(
        r'<a\b[^>]*class="[^"]*\b(?:headerlink|proof-link)\b[^"]*"[^>]*>.*?</a>', "", block, flags=re.S
    )
    block = re.sub(r"\sid=\"[^\"]*\"", "", block)
    block = re.sub(r"<a\b[^>]*>", "<span>", block)
    return block.replace("</a>", "</span>")


def _on_html_page_context(app, pagename, templatename, context, doctree):
    if "body" not in context or doctree is None:
        return
    if not hasattr(app, "preview_targets"):
        app.preview_targets = targets(app.env)
    context["body"] = mark_links(context["body"], pagename, app.preview_targets[0])


def _on_build_finished(app, exc):
    if exc is not None or app.builder.format != "html":
        return
    _, cards = targets(app.env)
    out = Path(app.outdir)
    folder = out / CARDS
    folder.mkdir(parents=True, exist_ok=True)
    pages = {}
    for label, docname in sorted(cards.items()):
        if docname not in pages:
            path = out / f"{docname}.html"
            pages[docname] = path.read_text(encoding="utf-8") if path.is_file() else ""
        block = cut_block(pages[docname], label)
        if block is None:
            continue
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        data = {"page": title, "html": card_html(block)}
        text = (
            f"mlmathPreview({json.dumps(label)}, {json.dumps(data, ensure_ascii=False, sort_keys=True)});\n"
        )
        path = folder / f"{label}.js"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def setup(app):
    app.add_js_file("previews.js")
    app.connect("html-page-context", _on_html_page_context, priority=600)  # before page_assets (900)
    app.connect("build-finished", _on_build_finished, priority=800)  # before page_assets' purge
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
