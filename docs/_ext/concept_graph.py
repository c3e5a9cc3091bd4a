"""Sphinx extension: collect the concept graph from the pages and check it at every build.

While Sphinx reads the pages, this extension records each concept page's front matter
(see ``concepts.py``) and each labeled ``{prf:definition}``; once every page is read it
checks the whole graph and fails the build, naming the page, on anything
:func:`concepts.errors` finds. Chapters come from the registry ``docs/_data/chapters.toml``.

It puts placeholders into the pages that ``concept_render.py`` fills when the graph is
complete: "Before you start" / "Where this leads" and the cite box on every concept page,
and the directives that show the whole graph:

- ``{concept-roadmap} [chapter ...]``: the roadmap figure, whole or for some chapters;
- ``{concept-chapters}``: the chapters with their pages (or "coming");
- ``{reading-list} slug [slug ...]``: every page to read, in order, before the targets;
- ``{concept-glossary}``: every defined term, linked to its definition;
- ``{chapter-toctree}``: a toctree of the chapters' index pages, from the registry.

It also writes ``concept-graph.json`` into the HTML output, and sets up the extensions that
build on the graph: ``redirects`` (moved slugs and anchors), ``renumbering`` (fast incremental
builds), ``coming_notes`` (a note for each concept whose page is still to come) and
``search_rank`` (the search ranks the concept a query names first).
"""

from __future__ import annotations

import os
from pathlib import Path

import chapters
import concept_render
import concepts
from docutils import nodes
from docutils.statemachine import StringList
from site_state import (
    chapter_registry,
    concept_key,
    definition_term,
    is_labeled_definition,
    roadmap_graph,
    state_of,
)
from sphinx import addnodes
from sphinx.directives.other import TocTree
from sphinx.errors import SphinxError
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


class ConceptGraphError(SphinxError):
    """The concept graph declared in the pages' front matter is inconsistent."""

    category = "Concept graph error"


class DefinitionIndexTransform(SphinxTransform):
    """Main entries in the general index (found first by search): every labeled definition,
    and every keyword of a concept page's front matter (pointing at the page's title).

    A transform, so that the index entries exist before Sphinx collects them.
    """

    default_priority = 500  # before DoctreeReadEvent (880)

    def apply(self):
        for node in list(self.document.findall(nodes.Element)):
            if not is_labeled_definition(node):
                continue
            term = definition_term(node)
            if term and node["label"] in node["ids"]:
                index = addnodes.index(entries=[("single", term, node["label"], "main", None)])
                node.parent.insert(node.parent.index(node), index)
        concept = state_of(self.env).concepts.get(self.env.docname)
        section = next(iter(self.document.findall(nodes.section)), None)
        if concept is not None and concept.keywords and section is not None and section["ids"]:
            target = f"concept-{concept.slug}"
            target = target if target in section["ids"] else section["ids"][0]
            entries = [("single", word, target, "main", None) for word in concept.keywords]
            title = section.next_node(nodes.title)
            section.insert(
                section.index(title) + 1 if title in section.children else 0, addnodes.index(entries=entries)
            )


class GraphDirective(SphinxDirective):
    """A directive whose output shows the whole graph: its page is re-written when the graph changes."""

    has_content = False
    option_spec = {}
    node_class = None

    def run(self):
        state_of(self.env).graph_pages.add(self.env.docname)
        self.env.note_dependency(self.config.concept_syllabus)
        self.env.note_dependency(self.config.concept_chapter_registry)
        node = self.make_node()
        self.set_source_info(node)
        return [node]

    def make_node(self):
        return self.node_class()


class ConceptRoadmapDirective(GraphDirective):
    """``{concept-roadmap} [chapter ...]``: the roadmap figure, whole or for some chapters."""

    optional_arguments = 20

    def make_node(self):
        known = [c.slug for c in chapter_registry(self.env)]
        unknown = [a for a in self.arguments if a not in known]
        if unknown:
            raise self.error(f"unknown chapter(s) {unknown}; known: {', '.join(known)}")
        return concept_render.concept_roadmap(chapters=list(self.arguments))


class ReadingListDirective(GraphDirective):
    """``{reading-list} slug [slug ...]``: every page to read, in order, to reach the targets."""

    required_arguments = 1
    optional_arguments = 20

    def make_node(self):
        return concept_render.reading_list_node(targets=list(self.arguments))


class ConceptGlossaryDirective(GraphDirective):
    """``{concept-glossary}``: every term of a ``{prf:definition}`` block, linked to it."""

    node_class = concept_render.concept_glossary


class ConceptChaptersDirective(GraphDirective):
    """``{concept-chapters}``: the roadmap's chapters, each with its concept pages or "coming"."""

    node_class = concept_render.concept_chapters


class ChapterToctreeDirective(TocTree):
    """``{chapter-toctree}``: a toctree of the index pages of the registry's chapters, in order.

    Takes the options of ``toctree`` (``:caption:``, ``:numbered:``, ``:hidden:`` ...); a
    chapter that has no index page yet is left out (the roadmap shows it as coming).
    """

    has_content = False

    def run(self):
        self.env.note_dependency(self.config.concept_chapter_registry)
        docs = [c.index_doc() for c in chapter_registry(self.env) if c.index_doc() in self.env.found_docs]
        self.content = StringList(docs, source=self.config.concept_chapter_registry)
        return super().run()


def _on_source_read(app, docname, source):
    meta = concepts.parse_front_matter(source[0])
    try:
        concept = concepts.concept_from_front_matter(meta, os.path.relpath(app.env.doc2path(docname)))
    except ValueError as exc:
        raise ConceptGraphError(str(exc)) from None
    if concept is not None:
        concept.docname = docname
        state_of(app.env).concepts[docname] = concept


def _on_doctree_read(app, doctree):
    state = state_of(app.env)
    docname = app.env.docname
    found = []
    for node in list(doctree.findall(nodes.Element)):
        if is_labeled_definition(node) and node["label"] in node["ids"]:
            term = definition_term(node)
            if term:
                found.append((term, node["label"]))
    if found:
        state.definitions[docname] = found
    concept = state.concepts.get(docname)
    if concept is None:
        return
    title = app.env.titles.get(docname)
    concept.title = title.astext() if title is not None else concept.slug
    for section in doctree.findall(nodes.section):  # the page's top section
        section.insert(section.index(section.next_node(nodes.title)) + 1, concept_render.concept_nav())
        section += concept_render.concept_cite()
        break


def _on_get_outdated(app, env, added, changed, removed):
    state = state_of(env)
    state.run = type(state.run)()  # a new build starts
    state.run.removed = set(removed)
    return []


def _on_purge(app, env, docname):
    state_of(env).forget(docname)


def _on_merge(app, env, docnames, other):
    state_of(env).merge(state_of(other), docnames)


def _on_before_read_docs(app, env, docnames):
    state_of(env).run.read = set(docnames)


def _on_check_consistency(app, env):
    found = [
        concepts.Concept(
            c.slug, c.chapter, c.prerequisites, os.path.relpath(env.doc2path(c.docname)), keywords=c.keywords
        )
        for c in state_of(env).concepts.values()
    ]
    problems = concepts.errors(found, chapters.stages(chapter_registry(env)))
    if os.environ.get("MLMATH_PARTIAL_SITE"):
        # A writer's partial copy of the site: pages of other writers may be missing.
        for problem in [p for p in problems if "unknown prerequisite" in p]:
            logger.warning(problem + " (MLMATH_PARTIAL_SITE is set)", type="concept-graph")
        problems = [p for p in problems if "unknown prerequisite" not in p]
    if problems:
        for problem in problems:
            logger.error(problem, type="concept-graph")
        raise ConceptGraphError(f"{len(problems)} problem(s) in the pages' front matter, listed above")


def _on_env_updated(app, env):
    """Pages to re-write (not re-read) because they show what other pages declare.

    Concept boxes ("Where this leads", the full path) and the pages that show the whole
    graph (roadmap, chapter lists, reading lists, glossary) are filled in at write time from
    the environment, so a change elsewhere only needs them re-written:

    - the graph changed (a slug, a prerequisite, a chapter or a title): every concept page and
      every whole-graph page;
    - some page was read and its definitions changed: the whole-graph pages;
    - nothing else (a no-op build, an edit of a page's text): nothing.
    """
    state = state_of(env)
    run = state.run
    run.roadmap = None
    purged = run.purged
    changed = any(
        d not in state.concepts or concept_key(state.concepts[d]) != key for d, (key, _) in purged.items()
    )
    new_pages = any(d not in purged for d in state.concepts if d in run.read)
    if changed or new_pages or run.removed:
        return sorted({c.docname for c in state.concepts.values()} | state.graph_pages)
    definitions_changed = any(
        tuple(state.definitions.get(d, ())) != purged.get(d, (None, ()))[1] for d in run.read
    )
    return sorted(state.graph_pages) if definitions_changed else []


def _on_doctree_resolved(app, doctree, fromdoc):
    concept_render.fill_placeholders(app, doctree, fromdoc)


def _on_build_finished(app, exc):
    if exc is None and app.builder.format == "html":
        graph = roadmap_graph(app.env)
        Path(app.outdir, "concept-graph.json").write_text(graph.to_json() + "\n", encoding="utf-8")


def setup(app):
    app.add_config_value("concept_chapter_registry", "_data/chapters.toml", "env", types=(str,))
    app.add_config_value("concept_syllabus", "_data/SYLLABUS.md", "env", types=(str,))
    for node in concept_render.PLACEHOLDERS:
        app.add_node(node)
    app.add_directive("concept-chapters", ConceptChaptersDirective)
    app.add_directive("concept-roadmap", ConceptRoadmapDirective)
    app.add_directive("reading-list", ReadingListDirective)
    app.add_directive("concept-glossary", ConceptGlossaryDirective)
    app.add_directive("chapter-toctree", ChapterToctreeDirective)
    app.add_transform(DefinitionIndexTransform)
    app.connect("env-get-outdated", _on_get_outdated, priority=100)  # first: a new run starts
    app.connect("source-read", _on_source_read)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-purge-doc", _on_purge)
    app.connect("env-merge-info", _on_merge)
    app.connect("env-before-read-docs", _on_before_read_docs)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("build-finished", _on_build_finished)
    app.setup_extension("redirects")
    app.setup_extension("renumbering")
    app.setup_extension("coming_notes")
    app.setup_extension("search_rank")
    return {"version": "2", "env_version": 5, "parallel_read_safe": True, "parallel_write_safe": True}
