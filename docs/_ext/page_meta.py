"""A ``<meta name="description">`` for every page, from its own first paragraph of prose.

Search engines and link previews (chat, wikis) show this text under a page's title. It is
the leading sentences of the page's first paragraph of prose (not in the generated navigation
box, a note or the gallery's download links) that hold no code and no math but a plain
symbol such as ``w`` or ``f(x)`` (a sentence with its formula taken out reads wrongly). The
paragraph must start with a capital letter (not be the rest of a sentence after a displayed
equation); the text is cut at a word boundary to at most ``MAX_CHARS`` characters. Pages
with no such paragraph get none.
"""

import html
import re

from docutils import nodes
from sphinx import addnodes

HOLE = "\x00"  # where math or code was
MAX_CHARS = 155
MIN_CHARS = 25
SKIPPED_CLASSES = {"concept-nav", "cite-this-page", "sphx-glr-thumbnails", "sphx-glr-footer"}
# Inline math that reads the same as plain text ("w", "L(w)", "f'(x)") is kept.
PLAIN_MATH = re.compile(r"[A-Za-z0-9()'+\-=, ]{1,8}")
SKIPPED_NODES = (nodes.math, nodes.literal, nodes.raw, nodes.system_message)


def _skipped(node):
    for ancestor in _ancestors(node):
        # Notes and boxes, but not an API entry (Sphinx's desc node is an Admonition too).
        if isinstance(ancestor, (nodes.Admonition, nodes.topic, nodes.sidebar, nodes.table)):
            if not isinstance(ancestor, addnodes.desc):
                return True
        classes = set(ancestor.get("classes", []))
        if SKIPPED_CLASSES & classes or any(c.startswith("sphx-glr-download") for c in classes):
            return True
    return False


def _ancestors(node):
    while node is not None:
        yield node
        node = node.parent


def prose(paragraph):
    """The paragraph's leading sentences that hold no math or code, on one line (maybe empty)."""
    parts = []
    for text in paragraph.findall(nodes.Text):
        inside = [a for a in _ancestors(text.parent) if isinstance(a, SKIPPED_NODES)]
        plain = len(inside) == 1 and isinstance(inside[0], nodes.math) and PLAIN_MATH.fullmatch(str(text))
        parts.append(HOLE if inside and not plain else str(text))
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        if HOLE in sentence:
            break
        kept.append(sentence)
    return " ".join(kept)


def shorten(text, limit=MAX_CHARS):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def description(doctree):
    for paragraph in doctree.findall(nodes.paragraph):
        if _skipped(paragraph):
            continue
        text = prose(paragraph)
        if text and len(text) >= MIN_CHARS and text[0].isupper():
            return shorten(text)
    return None


def _on_page_context(app, pagename, templatename, context, doctree):
    if doctree is None:
        return
    text = description(doctree)
    if text:
        context["metatags"] = context.get("metatags", "") + (
            f'\n    <meta name="description" content="{html.escape(text, quote=True)}" />'
        )


def setup(app):
    app.connect("html-page-context", _on_page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
