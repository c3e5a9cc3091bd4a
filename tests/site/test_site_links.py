"""No broken internal link or anchor anywhere in the built site, read from the HTML (no network).

Every ``href`` and ``src`` of every built page that points into the site (relative or
root-relative, with or without ``#anchor``) must name a file of the build, and its anchor an
``id`` (or ``<a name>``) in that file. External URLs are not fetched; links to the site's own
public address (``html_baseurl``: permalinks, citations) are checked as internal links.
"""

import posixpath
from functools import cache
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from cite import site_baseurl

pytestmark = pytest.mark.build  # reads the built site (the ``site`` fixture of tests/conftest.py)

LINK_ATTRIBUTES = {"href", "src", "data"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES or (name == "srcset"):
                for part in value.split(",") if name == "srcset" else [value]:
                    self.links.append((tag, part.strip().split(" ")[0]))


@cache
def parse(path):
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def broken_links(site, baseurl):
    """``(page, link, problem)`` for every internal link of every page that does not resolve."""
    problems = []
    for html in sorted(site.rglob("*.html")):
        page = html.relative_to(site).as_posix()
        if page.startswith(("_static/", "_sources/", "_downloads/")):
            continue
        for _tag, link in parse(html).links:
            if baseurl and link.startswith(baseurl):
                link = "/" + link[len(baseurl) :]
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue  # external: not fetched
            if parts.path:
                base = "" if parts.path.startswith("/") else posixpath.dirname(page)
                target_rel = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
                target = site / target_rel
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = html
            if target_rel_escapes(site, target):
                problems.append((page, link, "points outside the site"))
                continue
            if not target.is_file():
                problems.append((page, link, "no such file"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                problems.append((page, link, f"no id {fragment!r} in {target.relative_to(site)}"))
    return problems


def target_rel_escapes(site, target):
    try:
        target.resolve().relative_to(site.resolve())
    except ValueError:
        return True
    return False


def test_every_internal_link_and_anchor_resolves(site):
    problems = broken_links(site, site_baseurl())
    report = "\n".join(f"{page}: {link} ({why})" for page, link, why in problems[:40])
    assert not problems, f"{len(problems)} broken internal links:\n{report}"


@pytest.mark.parametrize(
    "body, expected",
    [
        ('<a href="b.html">b</a>', "no such file"),
        ('<a href="a.html#nope">x</a>', "no id 'nope'"),
        ('<a href="#here">x</a><p id="here"></p>', None),
        ('<img src="../../x.png">', "points outside the site"),
        ('<a href="https://elsewhere.example/x">x</a>', None),
    ],
)
def test_checker_catches_planted_defects(tmp_path, body, expected):
    (tmp_path / "a.html").write_text(f"<html><body>{body}</body></html>")
    problems = broken_links(tmp_path, "https://site.example/")
    if expected is None:
        assert not problems
    else:
        assert problems and expected in problems[0][2], problems
