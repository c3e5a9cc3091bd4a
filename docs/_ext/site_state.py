"""The one object that holds what the concept-graph extensions know about the site.

``env.mlmath`` is a :class:`ConceptState`. Its first fields are what the pages declare
(concepts, definitions, which pages show the whole graph); they are pickled with Sphinx's
environment, so an incremental build knows them without re-reading every page. Its ``run``
field is what one build learns as it goes (which pages it read, what they used to declare,
the numbering it may keep); it is never pickled and starts empty at every build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import chapters
import concepts
from concepts import Concept, ConceptGraph


@dataclass
class BuildRun:
    """What one build learns while it runs (never pickled)."""

    read: set = field(default_factory=set)  # docnames read by this build
    removed: set | None = None  # docnames removed since the last build (None before it is known)
    purged: dict = field(default_factory=dict)  # docname -> (concept key, definitions) before re-reading
    old_numbers: dict = field(default_factory=dict)  # docname -> (fignumbers, secnumbers, toctree)
    new_enums: dict = field(default_factory=dict)  # docname -> {figtype: [ids]} of the page as read now
    numbering_unchanged: bool = False
    roadmap: ConceptGraph | None = None  # cached merged graph
    anchor_plan: dict | None = None  # redirects: {page: {old anchor: target}}
    chapters: list | None = None  # the chapter registry, read once per build


@dataclass
class ConceptState:
    """Concepts, definitions and graph pages of the site (pickled), and the current build's run."""

    concepts: dict = field(default_factory=dict)  # docname -> Concept
    definitions: dict = field(default_factory=dict)  # docname -> [(term, label)]
    graph_pages: set = field(default_factory=set)  # pages that show the whole graph
    run: BuildRun = field(default_factory=BuildRun)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["run"] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.run = BuildRun()

    def forget(self, docname):
        """Drop what `docname` declared (it is about to be re-read, or it was removed)."""
        old = self.concepts.pop(docname, None)
        definitions = tuple(self.definitions.pop(docname, ()))
        self.graph_pages.discard(docname)
        if old is not None or definitions:
            key = concept_key(old) if old is not None else None
            self.run.purged[docname] = (key, definitions)

    def merge(self, other, docnames):
        """Take what a parallel reader learned about `docnames`."""
        for d in docnames:
            if d in other.concepts:
                self.concepts[d] = other.concepts[d]
            if d in other.definitions:
                self.definitions[d] = other.definitions[d]
            if d in other.graph_pages:
                self.graph_pages.add(d)


def state_of(env):
    """The site's :class:`ConceptState`, created on first use."""
    if not isinstance(getattr(env, "mlmath", None), ConceptState):
        env.mlmath = ConceptState()
    return env.mlmath


def concept_key(concept):
    """What of a concept other pages show: a change here means they must be re-written."""
    return (
        concept.slug,
        tuple(concept.prerequisites),
        concept.chapter,
        concept.title,
        tuple(concept.keywords),
    )


def chapter_registry(env):
    """The chapters of the registry named by ``concept_chapter_registry`` (read once per build)."""
    run = state_of(env).run
    if run.chapters is None:
        run.chapters = chapters.load(Path(env.srcdir, env.config.concept_chapter_registry))
    return run.chapters


def pages_graph(env):
    """The :class:`ConceptGraph` of the concept pages read so far, with their titles."""
    found = [
        Concept(
            c.slug, c.chapter, list(c.prerequisites), c.docname, c.title or c.slug, keywords=list(c.keywords)
        )
        for c in state_of(env).concepts.values()
    ]
    return ConceptGraph.from_concepts(found, chapters.stages(chapter_registry(env)))


def roadmap_graph(env):
    """The pages' graph merged with the syllabus concepts that have no page yet (cached per build)."""
    run = state_of(env).run
    if run.roadmap is None:
        path = Path(env.srcdir, env.config.concept_syllabus)
        syllabus = concepts.parse_syllabus(path.read_text(encoding="utf-8")) if path.exists() else []
        stages = chapters.stages(chapter_registry(env))
        run.roadmap = concepts.merge_syllabus(pages_graph(env).concepts.values(), syllabus, stages)
    return run.roadmap


def is_labeled_definition(node):
    """True for a numbered ``{prf:definition}`` block with a ``:label:``."""
    return node.get("realtype") == "definition" and bool(node.get("label")) and not node.get("nonumber")


def definition_term(node):
    """The term a ``{prf:definition}`` block defines: its title without sphinx-proof's brackets."""
    from docutils import nodes

    title = node.next_node(nodes.title)
    return re.sub(r"^\s*\((.*)\)\s*$", r"\1", title.astext() if title is not None else "").strip()
