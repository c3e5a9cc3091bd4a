"""The concept graph: every concept page, its chapter and its prerequisites.

Each concept page declares in its front matter::

    ---
    slug: matrix-multiplication
    chapter: linear-algebra
    prerequisites: [matrix-of-a-map, composition]
    ---

This extension collects those declarations while Sphinx reads the pages and
checks the whole graph once all pages are read. The build fails, naming the
page, on an unknown prerequisite, a duplicate slug, a cycle, an unknown chapter,
or a prerequisite from a chapter that comes later in the roadmap
(``concept_chapters`` in ``conf.py`` gives each chapter its stage; chapters at
the same stage, such as linear algebra and calculus, may use each other).

It renders, on every concept page, a "Before you start" line (the page's
prerequisites, linked) and a "Where this leads" line (the pages that list it as
a prerequisite), and a ``{concept-chapters}`` directive that lists the
chapters of the roadmap with their pages. The graph is exposed to later
features as :func:`graph_of` (a :class:`ConceptGraph` built from a Sphinx
environment) and as ``concept-graph.json`` in the HTML output.

The graph logic (:class:`ConceptGraph`) is plain Python with no Sphinx import,
so that the site's tests can check it on small graphs whose answer is known.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Concept:
    """One concept page as its front matter declares it."""

    slug: str
    chapter: str
    prerequisites: list[str]
    docname: str
    title: str = ""


@dataclass
class ConceptGraph:
    """Concepts keyed by slug, with the roadmap's chapter stages."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_concepts(cls, concepts, stages):
        """Build a graph from an iterable of :class:`Concept` (duplicates are kept out; see `errors`)."""
        graph = cls(stages=dict(stages))
        for concept in concepts:
            graph.concepts.setdefault(concept.slug, concept)
        return graph

    def dependents(self, slug):
        """Slugs of the concepts that list `slug` as a direct prerequisite, sorted."""
        return sorted(s for s, c in self.concepts.items() if slug in c.prerequisites)

    def ancestors(self, slug):
        """Every concept `slug` depends on, directly or not (not `slug` itself)."""
        seen, stack = set(), list(self.concepts[slug].prerequisites)
        while stack:
            s = stack.pop()
            if s in seen or s not in self.concepts:
                continue
            seen.add(s)
            stack.extend(self.concepts[s].prerequisites)
        return seen

    def learning_path(self, slug):
        """The ancestors of `slug` and `slug` itself, in an order that respects prerequisites."""
        wanted = self.ancestors(slug) | {slug}
        return [s for s in self.topological_order() if s in wanted]

    def find_cycle(self):
        """Return one cycle as a list of slugs (first == last), or None."""
        colour = dict.fromkeys(self.concepts, 0)  # 0 unvisited, 1 on stack, 2 done
        for root in sorted(self.concepts):
            if colour[root]:
                continue
            stack = [(root, iter(self.concepts[root].prerequisites))]
            path = [root]
            colour[root] = 1
            while stack:
                node, children = stack[-1]
                for child in children:
                    if child not in self.concepts:
                        continue
                    if colour[child] == 1:
                        return path[path.index(child) :] + [child]
                    if colour[child] == 0:
                        colour[child] = 1
                        path.append(child)
                        stack.append((child, iter(self.concepts[child].prerequisites)))
                        break
                else:
                    colour[node] = 2
                    stack.pop()
                    path.pop()
        return None

    def topological_order(self):
        """All slugs, prerequisites first; ties broken by chapter stage, then slug."""
        indegree = {s: 0 for s in self.concepts}
        for c in self.concepts.values():
            indegree[c.slug] = sum(p in self.concepts for p in c.prerequisites)
        key = lambda s: (self.stages.get(self.concepts[s].chapter, 0), s)  # noqa: E731
        ready = sorted((s for s, d in indegree.items() if d == 0), key=key)
        order = []
        while ready:
            s = ready.pop(0)
            order.append(s)
            for t in self.dependents(s):
                indegree[t] -= 1
                if indegree[t] == 0:
                    ready.append(t)
            ready.sort(key=key)
        if len(order) != len(self.concepts):
            raise ValueError(f"the concept graph has a cycle: {' -> '.join(self.find_cycle())}")
        return order

    def to_json(self):
        """The graph as a JSON string (concepts with their dependents, and the stages)."""
        data = {
            "stages": self.stages,
            "concepts": {
                s: {**asdict(c), "dependents": self.dependents(s)} for s, c in sorted(self.concepts.items())
            },
        }
        return json.dumps(data, indent=1, sort_keys=True)


def parse_front_matter(text):
    """Return the YAML front matter of a MyST page as a dict ({} when there is none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    return data if isinstance(data, dict) else {}


def concept_from_front_matter(meta, docname):
    """Return a :class:`Concept` for a page's front matter, or None if it declares no slug.

    Raises ValueError, naming the page, when the declaration is malformed.
    """
    if "slug" not in meta:
        return None
    slug, chapter, prereqs = meta.get("slug"), meta.get("chapter"), meta.get("prerequisites", [])
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise ValueError(f"{docname}: slug must be lower-case words joined by '-', got {slug!r}")
    if not isinstance(chapter, str):
        raise ValueError(f"{docname}: front matter must give the page's chapter, got {chapter!r}")
    if prereqs is None:
        prereqs = []
    if not isinstance(prereqs, list) or not all(isinstance(p, str) for p in prereqs):
        raise ValueError(f"{docname}: prerequisites must be a list of slugs, got {prereqs!r}")
    return Concept(slug=slug, chapter=chapter, prerequisites=list(prereqs), docname=docname)


def errors(concepts, stages):
    """Every problem with a list of :class:`Concept`, as messages that name the page."""
    problems = []
    by_slug = {}
    for c in concepts:
        if c.slug in by_slug:
            problems.append(
                f"{c.docname}: duplicate slug {c.slug!r} (also declared by {by_slug[c.slug].docname})"
            )
        else:
            by_slug[c.slug] = c
    for c in concepts:
        if c.chapter not in stages:
            problems.append(f"{c.docname}: unknown chapter {c.chapter!r} (known: {', '.join(stages)})")
            continue
        for p in c.prerequisites:
            if p == c.slug:
                problems.append(f"{c.docname}: {c.slug!r} lists itself as a prerequisite")
            elif p not in by_slug:
                problems.append(f"{c.docname}: unknown prerequisite {p!r}")
            elif stages.get(by_slug[p].chapter, -1) > stages[c.chapter]:
                problems.append(
                    f"{c.docname}: prerequisite {p!r} is in chapter {by_slug[p].chapter!r}, "
                    f"which the roadmap puts after {c.chapter!r}"
                )
    cycle = ConceptGraph.from_concepts(concepts, stages).find_cycle()
    if cycle:
        pages = ", ".join(by_slug[s].docname for s in cycle[:-1])
        problems.append(f"cycle of prerequisites {' -> '.join(cycle)} (pages: {pages})")
    return problems


# --------------------------------------------------------------------------
# Sphinx side
# --------------------------------------------------------------------------
try:
    from docutils import nodes
    from sphinx.errors import SphinxError
    from sphinx.util import logging
    from sphinx.util.docutils import SphinxDirective
except ImportError:  # the graph logic above is usable without Sphinx
    nodes = None
else:
    logger = logging.getLogger(__name__)

    class ConceptGraphError(SphinxError):
        """The concept graph declared in the pages' front matter is inconsistent."""

        category = "Concept graph error"

    class concept_nav(nodes.General, nodes.Element):
        """Placeholder for "Before you start" / "Where this leads", filled once the graph is known."""

    class concept_chapters(nodes.General, nodes.Element):
        """Placeholder for the list of chapters and their pages."""

    class ConceptChaptersDirective(SphinxDirective):
        """``{concept-chapters}``: the roadmap's chapters, each with its concept pages or "coming"."""

        has_content = False
        option_spec = {}

        def run(self):
            _chapter_pages(self.env).add(self.env.docname)
            return [concept_chapters()]


def _env_data(env):
    if not hasattr(env, "mlmath_concepts"):
        env.mlmath_concepts = {}
    return env.mlmath_concepts


def _chapter_pages(env):
    if not hasattr(env, "mlmath_chapter_pages"):
        env.mlmath_chapter_pages = set()
    return env.mlmath_chapter_pages


def graph_of(env):
    """The :class:`ConceptGraph` of a Sphinx build environment, with page titles filled in."""
    concepts = []
    for c in _env_data(env).values():
        concepts.append(Concept(c.slug, c.chapter, list(c.prerequisites), c.docname, c.title or c.slug))
    return ConceptGraph.from_concepts(concepts, env.config.concept_chapters)


def _on_source_read(app, docname, source):
    meta = parse_front_matter(source[0])
    try:
        concept = concept_from_front_matter(meta, os.path.relpath(app.env.doc2path(docname)))
    except ValueError as exc:
        raise ConceptGraphError(str(exc)) from None
    if concept is not None:
        concept.docname = docname
        _env_data(app.env)[docname] = concept


def _key(concept):
    return (concept.slug, tuple(concept.prerequisites), concept.chapter, concept.title)


def _on_doctree_read(app, doctree):
    concept = _env_data(app.env).get(app.env.docname)
    if concept is None:
        return
    title = app.env.titles.get(app.env.docname)
    concept.title = title.astext() if title is not None else concept.slug
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        section.insert(section.index(title) + 1, concept_nav())
        break


def _on_purge(app, env, docname):
    _chapter_pages(env).discard(docname)
    old = _env_data(env).pop(docname, None)
    if old is not None:
        app._mlmath_purged = getattr(app, "_mlmath_purged", {})
        app._mlmath_purged[docname] = _key(old)


def _on_merge(app, env, docnames, other):
    for d in docnames:
        if d in _env_data(other):
            _env_data(env)[d] = _env_data(other)[d]
        if d in _chapter_pages(other):
            _chapter_pages(env).add(d)


def _on_check_consistency(app, env):
    concepts = list(_env_data(env).values())
    problems = errors(
        [
            Concept(c.slug, c.chapter, c.prerequisites, os.path.relpath(env.doc2path(c.docname)))
            for c in concepts
        ],
        env.config.concept_chapters,
    )
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
    """Re-write every concept page when an edit changed the graph or a title (links on other pages move)."""
    purged = getattr(app, "_mlmath_purged", {})
    app._mlmath_purged = {}
    data = _env_data(env)
    changed = any(d not in data or _key(data[d]) != old for d, old in purged.items())
    new_pages = any(d not in purged for d in data if d in getattr(app, "_mlmath_reread", ()))
    if not (changed or new_pages):
        return []
    return sorted({c.docname for c in data.values()} | _chapter_pages(env))


def _on_get_outdated(app, env, added, changed, removed):
    app._mlmath_reread = set(added) | set(changed)
    if removed & set(_env_data(env)):
        return sorted({c.docname for c in _env_data(env).values()} | _chapter_pages(env))
    return []


def _links(app, fromdoc, graph, slugs):
    para = []
    for i, s in enumerate(s for s in slugs if s in graph.concepts):
        if i:
            para.append(nodes.Text(", "))
        c = graph.concepts[s]
        ref = nodes.reference("", "", internal=True, classes=["concept-link"])
        ref["refuri"] = app.builder.get_relative_uri(fromdoc, c.docname)
        ref += nodes.Text(c.title)
        para.append(ref)
    return para


def _on_doctree_resolved(app, doctree, fromdoc):
    graph = graph_of(app.env)
    for node in list(doctree.findall(concept_nav)):
        concept = _env_data(app.env)[fromdoc]
        box = nodes.container(classes=["concept-nav"])
        before = nodes.paragraph(classes=["concept-before"])
        before += nodes.strong(text="Before you start: ")
        before.extend(
            _links(app, fromdoc, graph, concept.prerequisites)
            or [nodes.Text("nothing, this is a starting point.")]
        )
        after = nodes.paragraph(classes=["concept-after"])
        after += nodes.strong(text="Where this leads: ")
        after.extend(
            _links(app, fromdoc, graph, graph.dependents(concept.slug))
            or [nodes.Text("no page builds on this one yet.")]
        )
        box += [before, after]
        node.replace_self(box)
    for node in list(doctree.findall(concept_chapters)):
        # Pages in reading order: the order of the toctrees (chapter index pages list their
        # pages after their prerequisites, which tests/test_site_rules.py checks), then the graph's.
        in_toctree = _toctree_order(app.env)
        topo = graph.topological_order()
        order = sorted(
            topo, key=lambda s: (in_toctree.get(graph.concepts[s].docname, len(in_toctree)), topo.index(s))
        )
        items = nodes.enumerated_list(classes=["concept-chapters"])
        for chapter, title in app.config.concept_chapter_titles.items():
            item = nodes.list_item()
            slugs = [s for s in order if graph.concepts[s].chapter == chapter]
            para = nodes.paragraph()
            para += nodes.strong(text=title)
            if slugs:
                para += nodes.Text(f" ({len(slugs)} pages): ")
                para.extend(_links(app, fromdoc, graph, slugs))
            else:
                para += nodes.Text(" (coming)")
            item += para
            items += item
        node.replace_self(items)


def _toctree_order(env):
    """{docname: position} in a depth-first walk of the toctrees from the root document."""
    order = {}

    def walk(docname):
        if docname in order:
            return
        order[docname] = len(order)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(env.config.root_doc)
    return order


def _on_build_finished(app, exc):
    if exc is None and app.builder.format == "html":
        Path(app.outdir, "concept-graph.json").write_text(
            graph_of(app.env).to_json() + "\n", encoding="utf-8"
        )


def setup(app):
    app.add_config_value("concept_chapters", {}, "env", types=(dict,))
    app.add_config_value("concept_chapter_titles", {}, "env", types=(dict,))
    app.add_node(concept_nav)
    app.add_node(concept_chapters)
    app.add_directive("concept-chapters", ConceptChaptersDirective)
    app.connect("source-read", _on_source_read)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-purge-doc", _on_purge)
    app.connect("env-merge-info", _on_merge)
    app.connect("env-get-outdated", _on_get_outdated)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("build-finished", _on_build_finished)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
