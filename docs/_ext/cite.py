"""How to cite a page of the site: a suggested citation and a BibTeX entry (no Sphinx import)."""

from __future__ import annotations

import re

AUTHOR = "The ML Math Reference authors"
SITE = "ML Math Reference"


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
