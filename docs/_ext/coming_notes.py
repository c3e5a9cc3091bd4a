"""Sphinx extension: a short note for every syllabus concept whose page is not written yet.

A reader who searches for "softmax" before its page exists should land on a note that says so
and what to read meanwhile, not on the landing page. Before Sphinx looks for the pages
(``builder-inited``, as autosummary and the gallery generate theirs), this extension writes
``docs/coming/<slug>.md`` for each concept of ``docs/_data/SYLLABUS.md`` that has no page: its
title, "page to come", what machine learning uses it for (the syllabus's words), its nearest
prerequisites that have a page, and the reading list to it (``{reading-list}``). The search
(``search_rank.py``) ranks a note first only when the query names its concept.

A note is generated, never committed (``docs/coming/`` is ignored by git), declares no slug (it
is not a concept page for the site rules, the concept graph or the anchor registry) and is an
orphan (in no toctree). When the concept's page is written, the page's slug wins: the note's
source is removed at the next build and its HTML at the end of that build.
"""

from __future__ import annotations

from pathlib import Path

import chapters
import concepts
from sphinx.util import logging

logger = logging.getLogger(__name__)

FOLDER = "coming"


def note_docname(slug):
    """The docname of the note for a concept whose page is still to come."""
    return f"{FOLDER}/{slug}"


def nearest_pages(graph, slug):
    """Slugs of the nearest prerequisites of `slug` that have a page (through coming ones), in order."""
    found, seen, stack = [], set(), list(graph.concepts[slug].prerequisites)
    while stack:
        s = stack.pop(0)
        if s in seen or s not in graph.concepts:
            continue
        seen.add(s)
        if graph.concepts[s].coming:
            stack.extend(graph.concepts[s].prerequisites)
        else:
            found.append(s)
    order = graph.topological_order()
    return sorted(found, key=order.index)


def note_source(graph, slug, chapter_titles):
    """The MyST source of the note for the coming concept `slug`."""
    c = graph.concepts[slug]
    title = c.title or concepts.title_from_slug(slug)
    use = f" Machine learning uses it for: {c.use}." if c.use else ""
    chapter = chapter_titles.get(c.chapter, c.chapter)
    read = nearest_pages(graph, slug)
    if read:
        links = ", ".join(f"{{doc}}`/{graph.concepts[s].docname}`" for s in read)
        meanwhile = f"Read meanwhile what it builds on, the nearest pages that exist: {links}."
    else:
        meanwhile = "None of what it builds on has a page yet either: start from the reading list below."
    return (
        "---\norphan: true\n---\n\n"
        f"# {title} (page to come)\n\n"
        f"The page on *{title}* is not written yet; it will be part of the chapter {chapter}.{use}\n\n"
        ":::{container} no-search\n"
        f"{meanwhile}\n\n"
        f"Everything to read before it, in order (pages still to come are marked):\n\n"
        f"```{{reading-list}} {slug}\n```\n"
        ":::\n"
    )


def coming_notes(srcdir, registry, syllabus=None):
    """{slug: MyST source} of the notes the site needs now, read from the sources (no Sphinx)."""
    registry_chapters = chapters.load(registry)
    graph = concepts.read_site(srcdir, chapters.stages(registry_chapters), syllabus)
    titles = chapters.titles(registry_chapters)
    return {s: note_source(graph, s, titles) for s, c in sorted(graph.concepts.items()) if c.coming}


def write_notes(folder, notes):
    """Make `folder` hold exactly the notes (a file is rewritten only when its text changes)."""
    folder = Path(folder)
    if notes:
        folder.mkdir(exist_ok=True)
    for path in folder.glob("*.md"):
        if path.stem not in notes:
            path.unlink()
    for slug, text in notes.items():
        path = folder / f"{slug}.md"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _on_builder_inited(app):
    src = Path(app.srcdir)
    registry = src / app.config.concept_chapter_registry
    if not registry.is_file():
        return
    notes = coming_notes(src, registry, src / app.config.concept_syllabus)
    write_notes(src / FOLDER, notes)
    app.coming_notes = set(notes)


def _on_build_finished(app, exc):
    """Remove the HTML of notes whose concept got its page (Sphinx leaves old outputs in place)."""
    if exc is not None or app.builder.format != "html" or not hasattr(app, "coming_notes"):
        return
    for path in Path(app.outdir, FOLDER).glob("*.html"):
        if path.stem not in app.coming_notes:
            path.unlink()


def setup(app):
    app.connect("builder-inited", _on_builder_inited, priority=100)  # before the pages are found
    app.connect("build-finished", _on_build_finished)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
