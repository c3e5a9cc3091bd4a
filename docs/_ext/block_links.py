"""Sphinx extension: every labeled definition and theorem block shows a link to itself.

A reader who wants to cite "Definition 2.17.1" needs its link; headings have Sphinx's ``¶``,
which only appears on hover, and sphinx-proof's blocks have none. While a page is written
(``html-page-context``), the title line of each numbered block that has a label gets a visible
``#`` link to the block's anchor, named for screen readers and on hover ("Link to Definition
2.17.1"). Its
address is the page's own (a relative link), so it is right wherever the site is served.
"""

from __future__ import annotations

import re
from html import escape

# The opening of a sphinx-proof block with a label, and its title line ("Definition 2.17.1 ").
BLOCK = re.compile(
    r'(<div class="proof (?:definition|theorem|lemma|corollary|proposition|axiom|criterion)\b[^"]*"'
    r' id="([^"]+)">\s*<p class="admonition-title">)(.*?)(</p>)',
    re.S,
)
NUMBER = re.compile(r'<span class="caption-number">([^<]*)</span>')


def add_links(body):
    """`body` with a link to itself at the end of the title line of every labeled block."""

    def link(match):
        start, anchor, title, end = match.groups()
        number = NUMBER.search(title)
        name = number.group(1).strip() if number else re.sub(r"<[^>]+>", "", title).strip()
        label = escape(f"Link to {name}" if name else "Link to this block", quote=True)
        link = f'<a class="proof-link" href="#{escape(anchor)}" aria-label="{label}" title="{label}">#</a>'
        return f"{start}{title} {link}{end}"

    return BLOCK.sub(link, body)


def _on_html_page_context(app, pagename, templatename, context, doctree):
    if "body" in context and 'class="proof ' in context["body"]:
        context["body"] = add_links(context["body"])


def setup(app):
    app.connect("html-page-context", _on_html_page_context, priority=550)  # before previews (600)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
