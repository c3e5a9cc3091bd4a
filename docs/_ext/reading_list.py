"""Reading lists: every page to read, in order, before one or more target concepts.

A reading list is the union of the targets' learning paths (each concept with
everything it depends on, directly or not), in an order that respects every
prerequisite. It is shown on the site by the ``{reading-list}`` directive and
printed, as plain text a team can paste into an onboarding document, by::

    python docs/_ext/reading_list.py backpropagation softmax
    nox -s path -- backpropagation softmax

Both print the same list: numbered titles with the page's URL (from
``--base-url``, else the ``MLMATH_BASEURL`` environment variable), marked with
the site version (``mlmath_ref.__version__``). Without either, no host is
invented: each page is given by its path from the site's root, and the list
says so (on the site, ``cite-here.js`` turns those paths into the addresses
the site is served from).
The command needs nothing but Python: it reads the pages' front matter and
docs/_data/SYLLABUS.md directly, without Sphinx.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import concepts
from cite import base_url, page_url, site_baseurl

ROOT = Path(__file__).resolve().parents[2]


def reading_list(graph, targets):
    """Slugs to read, in order, to reach every target (targets included).

    Raises ValueError naming the unknown targets.
    """
    unknown = [t for t in targets if t not in graph.concepts]
    if unknown:
        raise ValueError(f"unknown concept(s): {', '.join(unknown)} (see docs/_data/SYLLABUS.md)")
    wanted = set(targets)
    for t in targets:
        wanted |= graph.ancestors(t)
    return [s for s in graph.topological_order() if s in wanted]


def entries(graph, targets, base):
    """[(number, title, url or None)] of the reading list (None for a concept without a page yet)."""
    out = []
    for i, s in enumerate(reading_list(graph, targets), 1):
        c = graph.concepts[s]
        out.append((i, c.title or s, None if c.coming else page_url(base, c.docname)))
    return out


def header(graph, targets, version):
    """The first line of a reading list: what it leads to, and the site version."""
    names = ", ".join(graph.concepts[t].title or t for t in targets)
    return f"Reading list to {names} (ML Math Reference, version {version})"


def summary(items):
    """'34 pages' or '34 pages, 12 of them not written yet'."""
    coming = sum(url is None for _, _, url in items)
    text = f"{len(items)} page{'s' if len(items) != 1 else ''}"
    return text + (f", {coming} of them not written yet" if coming else "")


RELATIVE_NOTE = "Paths are from the site's root (no base URL was given)."


def as_text(graph, targets, base, version):
    """The reading list as plain text: header, summary, then one numbered line per page."""
    items = entries(graph, targets, base)
    width = len(str(len(items)))
    lines = [header(graph, targets, version), summary(items), *([] if base else [RELATIVE_NOTE]), ""]
    for i, title, url in items:
        lines.append(f"{i:>{width}}. {title} - {url or '(page coming)'}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="reading_list.py",
        description="Print the ordered reading list (every prerequisite, in order) to the given concepts.",
    )
    parser.add_argument("targets", nargs="*", help="concept slugs, e.g. backpropagation softmax")
    parser.add_argument("--base-url", default=None, help="base URL of the site (default: $MLMATH_BASEURL)")
    parser.add_argument("--list", action="store_true", help="list every concept slug and exit")
    args = parser.parse_args(argv)
    graph = concepts.read_site(ROOT / "docs")
    if args.list or not args.targets:
        for s in graph.topological_order():
            c = graph.concepts[s]
            print(f"{s:32} {c.chapter:22} {c.title}{' (coming)' if c.coming else ''}")
        return 0 if args.list else 2
    base = base_url(args.base_url) if args.base_url else site_baseurl()
    try:
        text = as_text(graph, args.targets, base, package_version())
    except ValueError as exc:
        parser.error(str(exc))
    sys.stdout.write(text)
    return 0


def package_version():
    return concepts.package_version(ROOT)


if __name__ == "__main__":
    sys.exit(main())
