"""How to cite a page of the site: its address, a suggested citation, a BibTeX entry, the cite box.

The site's public address comes from ``MLMATH_BASEURL`` when the site is built for publishing.
Without it the build does not know where the site will be served, and invents no host: the cite
box links the page by a relative link (which opens the page wherever the site is served) and
shows the page's path, which ``_static/cite-here.js`` replaces in the reader's browser with the
address the page was actually loaded from; reading lists print paths from the site's root; and
pages carry no canonical link.

Plain Python, no Sphinx import: the extension, the reading-list command and the tests use it.
"""

from __future__ import annotations

import os
import posixpath
import re
from html import escape

AUTHOR = "The ML Math Reference authors"
SITE = "ML Math Reference"


def site_baseurl():
    """The site's public address from ``MLMATH_BASEURL`` (ending with '/'), or "" when it is not set."""
    return base_url(os.environ.get("MLMATH_BASEURL", "").strip())


def base_url(url):
    """`url` ending with one '/' ("" stays "": the address is not known)."""
    if not url:
        return ""
    return url if url.endswith("/") else url + "/"


def page_url(base, docname):
    """The page's absolute URL under `base`, or its path from the site's root when `base` is ""."""
    return (base.rstrip("/") + "/" if base else "") + docname + ".html"


def year_of(copyright_text):
    """The first year named in the ``copyright`` setting ("2026, The ..." -> "2026")."""
    match = re.search(r"\b(19|20)\d\d\b", copyright_text or "")
    return match.group(0) if match else ""


def citation_text(title, url, version, year):
    """One line to paste into a reference list."""
    return f"{AUTHOR} ({year}). {title}. {SITE}, version {version}. {url}"


def bibtex_escape(text):
    """Escape the characters that BibTeX or LaTeX would read as markup."""
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def bibtex(slug, title, url, version, year):
    """A ``@misc`` BibTeX entry for one concept page."""
    fields = [
        ("title", "{" + bibtex_escape(title) + "}"),
        ("author", "{" + AUTHOR + "}"),
        ("howpublished", SITE),
        ("year", year),
        ("version", version),
        ("url", url),
        ("note", f"Version {version}; accessed on the date you read it"),
    ]
    body = ",\n".join(f"  {k:<12} = {{{v}}}" for k, v in fields)
    return f"@misc{{mlmathref-{slug},\n{body}\n}}"


def cite_box_html(slug, title, docname, base, version, copyright_text):
    """The "Cite this page" box of a concept page: permalink, citation and BibTeX.

    Without a `base` the permalink is the page's own file name (a relative link) and every
    address in the box is a ``<span class="concept-url">`` holding the page's path, which
    ``cite-here.js`` replaces with the address the page is served from.
    """
    url = page_url(base, docname)
    year = year_of(copyright_text)
    marker = "\x00URL\x00"
    shown = escape(url) if base else f'<span class="concept-url">{escape(url)}</span>'
    href = url if base else posixpath.basename(docname) + ".html"
    text = escape(citation_text(title, marker, version, year)).replace(marker, shown)
    bib = escape(bibtex(slug, title, marker, version, year)).replace(marker, shown)
    return (
        '<aside class="concept-cite" aria-label="Cite this page">'
        '<p class="concept-cite-title"><strong>Cite this page</strong> '
        f'<span class="concept-cite-version">(site version {escape(version)})</span></p>'
        f'<p><strong>Permalink:</strong> <a class="concept-permalink" href="{escape(href)}">'
        f"{shown}</a></p>"
        f'<p class="concept-citation"><strong>Suggested citation:</strong> {text}</p>'
        "<details><summary>BibTeX</summary>"
        f'<div class="highlight-bibtex notranslate"><div class="highlight"><pre class="concept-bibtex">'
        f"{bib}</pre></div></div></details></aside>"
    )
