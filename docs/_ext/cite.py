"""How to cite a page of the site: its address, a suggested citation, a BibTeX entry, the cite box.

Plain Python, no Sphinx import: the extension, the reading-list command and the tests use it.
"""

from __future__ import annotations

import os
import re
from html import escape

AUTHOR = "The ML Math Reference authors"
SITE = "ML Math Reference"
DEFAULT_BASEURL = "https://mlmath-ref.example/"


def site_baseurl():
    """The site's base URL: ``MLMATH_BASEURL`` if set, else the placeholder default (ends with '/')."""
    return base_url(os.environ.get("MLMATH_BASEURL") or DEFAULT_BASEURL)


def base_url(url):
    """`url` ending with one '/', or the site's default when `url` is empty."""
    if not url:
        return site_baseurl()
    return url if url.endswith("/") else url + "/"


def page_url(base, docname):
    """The absolute URL of a page of the HTML site."""
    return base.rstrip("/") + "/" + docname + ".html"


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
    """The "Cite this page" box of a concept page: permalink, citation and BibTeX."""
    url = page_url(base, docname)
    year = year_of(copyright_text)
    text = citation_text(title, url, version, year)
    bib = bibtex(slug, title, url, version, year)
    return (
        '<aside class="concept-cite" aria-label="Cite this page">'
        '<p class="concept-cite-title"><strong>Cite this page</strong> '
        f'<span class="concept-cite-version">(site version {escape(version)})</span></p>'
        f'<p><strong>Permalink:</strong> <a class="concept-permalink" href="{escape(url)}">'
        f"{escape(url)}</a></p>"
        f'<p class="concept-citation"><strong>Suggested citation:</strong> {escape(text)}</p>'
        "<details><summary>BibTeX</summary>"
        f'<div class="highlight-bibtex notranslate"><div class="highlight"><pre class="concept-bibtex">'
        f"{escape(bib)}</pre></div></div></details></aside>"
    )
