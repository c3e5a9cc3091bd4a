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

try:
    import yaml
except ImportError:  # the command-line tools run from a bare clone; front matter is simple YAML
    yaml = None

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
    use: str = ""  # where machine learning uses it (from the syllabus)

    @property
    def coming(self):
        """True for a syllabus concept that has no page yet."""
        return not self.docname


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
                s: {**asdict(c), "coming": c.coming, "dependents": self.dependents(s)}
                for s, c in sorted(self.concepts.items())
            },
        }
        return json.dumps(data, indent=1, sort_keys=True)


def parse_front_matter(text):
    """Return the YAML front matter of a MyST page as a dict ({} when there is none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) if yaml is not None else _simple_yaml(match.group(1))
    data = data or {}
    return data if isinstance(data, dict) else {}


def _simple_yaml(text):
    """``key: value`` and ``key: [a, b]`` lines, for when PyYAML is not installed."""
    data = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace() or key.strip().startswith("#"):
            continue
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            data[key.strip()] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
        else:
            data[key.strip()] = value.strip("'\"")
    return data


SYLLABUS_CHAPTER = re.compile(r"^## (.*?)\s*\(`([a-z-]+)`\)")
SYLLABUS_ENTRY = re.compile(r"^- `([a-z0-9-]+)`\s*(?:←\s*(.*?))?\s*(?:·\s*(.*))?$")


def parse_syllabus(text):
    """The concepts of the syllabus (docs/_data/SYLLABUS.md) as :class:`Concept` without a page.

    A chapter is a heading ``## Title (`chapter`)``; a concept is a line
    ``- `slug` ← prerequisite, prerequisite · where machine learning uses it``
    (``–`` for no prerequisite). Concepts come in the syllabus's order.
    """
    concepts, chapter = [], None
    for line in text.splitlines():
        if m := SYLLABUS_CHAPTER.match(line):
            chapter = m.group(2)
        elif (m := SYLLABUS_ENTRY.match(line)) and chapter is not None:
            prereqs = [p.strip() for p in (m.group(2) or "").split(",")]
            prereqs = [p for p in prereqs if SLUG.match(p)]
            concepts.append(Concept(m.group(1), chapter, prereqs, "", "", (m.group(3) or "").strip()))
    return concepts


def syllabus_chapters(concepts):
    """{chapter: [slugs]} of parsed syllabus concepts, in the syllabus's order."""
    chapters = {}
    for c in concepts:
        chapters.setdefault(c.chapter, []).append(c.slug)
    return chapters


def title_from_slug(slug):
    """A readable title for a concept that has no page yet ("kl-divergence" -> "KL divergence")."""
    upper = {"kl", "svd", "pca", "nll", "map", "psd", "1d"}
    words = [w.upper() if w in upper else w for w in slug.split("-")]
    words[0] = words[0][:1].upper() + words[0][1:]
    if len(words) > 1 and words[-1] == "nn":
        words[-1] = "in networks"
    return " ".join(words).replace("Exp log", "Exponential and logarithm")


def merge_syllabus(pages, syllabus, stages):
    """The roadmap's graph: the concept pages, plus the syllabus concepts that have no page yet.

    A page's front matter wins over the syllabus for its slug. A syllabus-only concept keeps
    its syllabus prerequisites and chapter, and its title is made from its slug. Nothing about
    a syllabus-only concept can break the graph: an unknown chapter is dropped, and a
    syllabus edge that would close a cycle or point to a later chapter is left out.
    """
    graph = ConceptGraph.from_concepts(pages, stages)
    coming = []
    for s in syllabus:
        if s.slug in graph.concepts or s.chapter not in stages:
            continue
        title = s.title or title_from_slug(s.slug)
        concept = Concept(s.slug, s.chapter, list(s.prerequisites), "", title, s.use)
        graph.concepts[s.slug] = concept
        coming.append(concept)
    known = graph.concepts
    for concept in coming:
        concept.prerequisites = [
            p
            for p in concept.prerequisites
            if p in known and p != concept.slug and stages[known[p].chapter] <= stages[concept.chapter]
        ]
    while cycle := graph.find_cycle():
        # The pages' own graph is acyclic (the build checks it): some edge of the cycle is a
        # syllabus edge of a concept without a page. Drop it.
        for node, prereq in zip(cycle[:-1], cycle[1:], strict=True):  # prereq is one of node's
            if known[node].coming and prereq in known[node].prerequisites:
                known[node].prerequisites.remove(prereq)
                break
        else:  # pragma: no cover - the pages themselves have a cycle; errors() reports it
            break
    return graph


def read_site(docs_dir, stages=None):
    """The merged graph read from the sources alone (no Sphinx): pages, titles and syllabus.

    Used by the command-line tools. Titles are the pages' first ``# `` heading, with
    MyST markup removed; `stages` defaults to those in ``docs/conf.py``.
    """
    docs_dir = Path(docs_dir)
    stages = stages if stages is not None else conf_value(docs_dir / "conf.py", "concept_chapters")
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if rel.parts[0].startswith("_") or rel.parts[0] in {"auto_examples", "api", "gen_modules"}:
            continue
        text = path.read_text(encoding="utf-8")
        concept = concept_from_front_matter(parse_front_matter(text), str(rel))
        if concept is None:
            continue
        concept.docname = rel.with_suffix("").as_posix()
        heading = re.search(r"^# (.+?)\s*$", text, re.M)
        concept.title = plain_title(heading.group(1)) if heading else concept.slug
        pages.append(concept)
    syllabus_file = docs_dir / "_data" / "SYLLABUS.md"
    syllabus = parse_syllabus(syllabus_file.read_text(encoding="utf-8")) if syllabus_file.exists() else []
    return merge_syllabus(pages, syllabus, stages)


def plain_title(markup):
    """A MyST heading as the plain text Sphinx shows ("`x` and $y$" -> "x and y")."""
    return re.sub(r"[`*$]", "", markup).strip()


def conf_value(conf_py, name, default=None):
    """The literal value assigned to `name` in a conf.py, read without running it."""
    import ast

    for node in ast.parse(Path(conf_py).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            try:
                return ast.literal_eval(node.value)
            except ValueError:
                return default
    return default


def package_version(root):
    """``mlmath_ref.__version__``, read from the source without importing the package."""
    text = Path(root, "mlmath_ref", "__init__.py").read_text(encoding="utf-8")
    return re.search(r"^__version__\s*=\s*[\"']([^\"']+)", text, re.M).group(1)


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
    from sphinx import addnodes
    from sphinx.errors import SphinxError
    from sphinx.transforms import SphinxTransform
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

    class concept_roadmap(nodes.General, nodes.Element):
        """Placeholder for the roadmap figure (all chapters, or those in ``chapters``)."""

    class reading_list_node(nodes.General, nodes.Element):
        """Placeholder for the reading list to ``targets``."""

    class concept_glossary(nodes.General, nodes.Element):
        """Placeholder for the glossary of every defined term."""

    class concept_cite(nodes.General, nodes.Element):
        """Placeholder for the "Cite this page" box at the end of a concept page."""

    class DefinitionIndexTransform(SphinxTransform):
        """Give each labelled definition a main entry in the general index (found first by search).

        A transform, so that the index entries exist before Sphinx collects them.
        """

        default_priority = 500  # before DoctreeReadEvent (880)

        def apply(self):
            for node in list(self.document.findall(nodes.Element)):
                if node.get("realtype") != "definition" or not node.get("label") or node.get("nonumber"):
                    continue
                term = _definition_term(node)
                if term and node["label"] in node["ids"]:
                    index = addnodes.index(entries=[("single", term, node["label"], "main", None)])
                    node.parent.insert(node.parent.index(node), index)

    class ConceptRoadmapDirective(SphinxDirective):
        """``{concept-roadmap} [chapter ...]``: the roadmap figure, whole or for some chapters."""

        has_content = False
        optional_arguments = 20
        option_spec = {}

        def run(self):
            known = self.config.concept_chapter_titles
            unknown = [a for a in self.arguments if a not in known]
            if unknown:
                raise self.error(f"unknown chapter(s) {unknown}; known: {', '.join(known)}")
            _chapter_pages(self.env).add(self.env.docname)
            self.env.note_dependency(self.config.concept_syllabus)
            return [concept_roadmap(chapters=list(self.arguments))]

    class ReadingListDirective(SphinxDirective):
        """``{reading-list} slug [slug ...]``: every page to read, in order, to reach the targets."""

        has_content = False
        required_arguments = 1
        optional_arguments = 20
        option_spec = {}

        def run(self):
            _chapter_pages(self.env).add(self.env.docname)
            self.env.note_dependency(self.config.concept_syllabus)
            node = reading_list_node(targets=list(self.arguments))
            self.set_source_info(node)
            return [node]

    class ConceptGlossaryDirective(SphinxDirective):
        """``{concept-glossary}``: every term of a ``{prf:definition}`` block, linked to it."""

        has_content = False
        option_spec = {}

        def run(self):
            _chapter_pages(self.env).add(self.env.docname)
            return [concept_glossary()]

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


def _definitions(env):
    """{docname: [(term, label)]} of the labelled {prf:definition} blocks of each page."""
    if not hasattr(env, "mlmath_definitions"):
        env.mlmath_definitions = {}
    return env.mlmath_definitions


def roadmap_of(env):
    """The graph of the pages merged with the syllabus concepts that have no page yet."""
    cached = getattr(env, "_mlmath_roadmap", None)
    if cached is not None:
        return cached
    path = Path(env.srcdir, env.config.concept_syllabus)
    syllabus = parse_syllabus(path.read_text(encoding="utf-8")) if path.exists() else []
    graph = merge_syllabus(graph_of(env).concepts.values(), syllabus, env.config.concept_chapters)
    env._mlmath_roadmap = graph
    return graph


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
    app._mlmath_new_enums = getattr(app, "_mlmath_new_enums", {})
    app._mlmath_new_enums[app.env.docname] = _enumerables(app, doctree)
    _collect_definitions(app.env, doctree)
    concept = _env_data(app.env).get(app.env.docname)
    if concept is None:
        return
    for section in doctree.findall(nodes.section):
        section += concept_cite()  # at the end of the page's top section
        break
    title = app.env.titles.get(app.env.docname)
    concept.title = title.astext() if title is not None else concept.slug
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        section.insert(section.index(title) + 1, concept_nav())
        break


def _collect_definitions(env, doctree):
    """Record the term and label of each labelled definition of the page (for the glossary)."""
    found = []
    for node in list(doctree.findall(nodes.Element)):
        if node.get("realtype") != "definition" or not node.get("label") or node.get("nonumber"):
            continue
        term = _definition_term(node)
        if not term or node["label"] not in node["ids"]:
            continue
        found.append((term, node["label"]))
    if found:
        _definitions(env)[env.docname] = found


def _definition_term(node):
    """The term a {prf:definition} block defines: its title without sphinx-proof's brackets."""
    title = node.next_node(nodes.title)
    return re.sub(r"^\s*\((.*)\)\s*$", r"\1", title.astext() if title is not None else "").strip()


def _snapshot_numbers(app, env, docname):
    """Before Sphinx's collectors forget a page, keep what numbering it had (runs first)."""
    app._mlmath_old_numbers = getattr(app, "_mlmath_old_numbers", {})
    app._mlmath_old_numbers[docname] = (
        env.toc_fignumbers.get(docname),
        env.toc_secnumbers.get(docname),
        tuple(env.toctree_includes.get(docname, ())),
        tuple(_definitions(env).get(docname, ())),
    )


def _enumerables(app, doctree):
    """{figure type: [ids in document order]} of the numbered blocks of a doctree.

    Sections are left out: below the page level (``:numbered: 2``) they carry no number.
    """
    std = app.env.domains.standard_domain
    found = {}
    for node in doctree.findall(nodes.Element):
        figtype = std.get_enumerable_node_type(node)
        if figtype and figtype != "section" and node["ids"]:
            found.setdefault(figtype, []).append(node["ids"][0])
    return found


def _on_purge(app, env, docname):
    _definitions(env).pop(docname, None)
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
        if d in _definitions(other):
            _definitions(env)[d] = _definitions(other)[d]


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
    """Pages to re-write (not re-read) because they show what other pages declare.

    Concept boxes ("Where this leads", the full path) and the pages that show the whole
    graph (roadmap, chapter lists, reading lists, glossary) are filled in at write time from
    the environment, so a change elsewhere only needs them re-written:

    - the graph changed (a slug, a prerequisite, a chapter or a title): every concept page and
      every whole-graph page;
    - some page was read (a definition may have changed): the whole-graph pages;
    - nothing was read (a no-op build): nothing.
    """
    purged = getattr(app, "_mlmath_purged", {})
    app._mlmath_purged = {}
    env._mlmath_roadmap = None
    data = _env_data(env)
    read = getattr(app, "_mlmath_read", set())
    old_numbers = getattr(app, "_mlmath_old_numbers", {})
    app._mlmath_numbering_unchanged = _keep_numbers_if_unchanged(app, env, read, old_numbers)
    changed = any(d not in data or _key(data[d]) != old for d, old in purged.items())
    new_pages = any(d not in purged for d in data if d in read)
    if changed or new_pages or getattr(app, "_mlmath_removed", set()):
        return sorted({c.docname for c in data.values()} | _chapter_pages(env))
    definitions_changed = any(
        tuple(_definitions(env).get(d, ())) != old_numbers.get(d, (None,) * 4)[3] for d in read
    )
    return sorted(_chapter_pages(env)) if definitions_changed else []


def _keep_numbers_if_unchanged(app, env, read, old_numbers):
    """True, with the old numbers put back, when re-reading cannot have changed any number.

    That is when no page was added or removed and every page read has the same toctree and
    the same numbered blocks (definitions, theorems, figures), with the same ids in the same
    order, as before: an edit to a page's text, code or maths. Then Sphinx's renumbering walk
    over every doctree is skipped (see _skip_renumbering_when_nothing_was_read).
    """
    if getattr(app, "_mlmath_removed", True) or not read:
        return not read and not getattr(app, "_mlmath_removed", True)
    new_enums = getattr(app, "_mlmath_new_enums", {})
    for d in read:
        if d not in old_numbers:
            return False
        figs, secs, toctree, _ = old_numbers[d]
        if figs is None or secs is None or toctree != tuple(env.toctree_includes.get(d, ())):
            return False
        old = {t: [i for i, _ in sorted(ids.items(), key=lambda kv: kv[1])] for t, ids in figs.items()}
        if old != {t: ids for t, ids in new_enums.get(d, {}).items()}:
            return False
    for d in read:
        figs, secs, _, _ = old_numbers[d]
        env.toc_fignumbers[d] = figs
        env.toc_secnumbers[d] = secs
    return True


def _on_get_outdated(app, env, added, changed, removed):
    app._mlmath_removed = set(removed)
    env._mlmath_roadmap = None
    return []


def _on_before_read_docs(app, env, docnames):
    app._mlmath_read = set(docnames)


def _skip_renumbering_when_nothing_was_read(app):
    """Spare incremental builds Sphinx's walk over every doctree to renumber figures.

    sphinx-proof turns on ``numfig``, and Sphinx then re-assigns every section, figure,
    definition and theorem number on every build by loading all ~200 doctrees (3 to 6 s
    here), even when no page was read. Numbers depend only on the toctrees and on the
    numbered blocks of each page, so when neither changed (see _keep_numbers_if_unchanged)
    the numbers kept in the pickled environment are still right. This wraps the
    TocTreeCollector's listener; any other build renumbers exactly as before.
    """
    from sphinx.environment.collectors.toctree import TocTreeCollector

    listeners = app.events.listeners["env-get-updated"]
    for i, listener in enumerate(listeners):
        if isinstance(getattr(listener.handler, "__self__", None), TocTreeCollector):
            original = listener.handler

            def get_updated_docs(app, env, _original=original):
                if getattr(app, "_mlmath_numbering_unchanged", False):
                    return []
                return _original(app, env)

            listeners[i] = listener._replace(handler=get_updated_docs)


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
        if app.builder.format == "html":
            box += nodes.raw("", _path_html(app, fromdoc, roadmap_of(app.env), concept.slug), format="html")
        node.replace_self(box)
    for node in list(doctree.findall(concept_cite)):
        if app.builder.format != "html":
            node.parent.remove(node)
            continue
        concept = _env_data(app.env)[fromdoc]
        node.replace_self(nodes.raw("", _cite_html(app, concept), format="html"))
    for node in list(doctree.findall(concept_roadmap)):
        node.replace_self(_roadmap_nodes(app, fromdoc, node["chapters"]))
    for node in list(doctree.findall(reading_list_node)):
        node.replace_self(_reading_list_nodes(app, fromdoc, node))
    for node in list(doctree.findall(concept_glossary)):
        node.replace_self(_glossary_nodes(app, fromdoc))
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


def _uri(app, fromdoc, docname, anchor=""):
    return app.builder.get_relative_uri(fromdoc, docname) + (f"#{anchor}" if anchor else "")


def _path_html(app, fromdoc, graph, slug):
    """A collapsible "Full path from zero (N pages)" list: the page's learning path, linked."""
    from html import escape

    path = graph.learning_path(slug)
    items = []
    for s in path:
        c = graph.concepts[s]
        if s == slug:
            items.append(f'<li class="path-here"><strong>{escape(c.title)}</strong> (this page)</li>')
        elif c.coming:
            items.append(f'<li class="path-coming">{escape(c.title)} (page coming)</li>')
        else:
            href = escape(_uri(app, fromdoc, c.docname))
            items.append(f'<li><a class="path-link" href="{href}">{escape(c.title)}</a></li>')
    n = len(path)
    return (
        f'<details class="concept-path" data-pages="{n}"><summary><strong>Full path from zero</strong> '
        f"({n} page{'s' if n != 1 else ''}, every prerequisite in reading order)</summary>"
        f'<ol class="concept-path-list">{"".join(items)}</ol></details>'
    )


def _site_baseurl(app):
    from reading_list import site_baseurl

    base = app.config.html_baseurl or site_baseurl()
    return base if base.endswith("/") else base + "/"


def _cite_html(app, concept):
    from html import escape

    import cite

    url = _site_baseurl(app) + concept.docname + ".html"
    year = cite.year_of(app.config.copyright)
    text = cite.citation_text(concept.title, url, app.config.version, year)
    bib = cite.bibtex(concept.slug, concept.title, url, app.config.version, year)
    return (
        '<aside class="concept-cite" aria-label="Cite this page">'
        '<p class="concept-cite-title"><strong>Cite this page</strong> '
        f'<span class="concept-cite-version">(site version {escape(app.config.version)})</span></p>'
        f'<p><strong>Permalink:</strong> <a class="concept-permalink" href="{escape(url)}">'
        f"{escape(url)}</a></p>"
        f'<p class="concept-citation"><strong>Suggested citation:</strong> {escape(text)}</p>'
        "<details><summary>BibTeX</summary>"
        f'<div class="highlight-bibtex notranslate"><div class="highlight"><pre class="concept-bibtex">'
        f"{escape(bib)}</pre></div></div></details></aside>"
    )


def _roadmap_nodes(app, fromdoc, chapters):
    import roadmap

    graph = roadmap_of(app.env)
    titles = app.config.concept_chapter_titles
    lay = roadmap.layout(graph, titles, only=chapters or None)
    if not lay.boxes:
        return [nodes.paragraph(text="No concept in this chapter yet.")]
    if app.builder.format != "html":
        return [nodes.paragraph(text=f"Roadmap: {len(lay.boxes)} concepts (see the HTML site).")]
    label = "Roadmap of " + (", ".join(titles[c] for c in chapters) if chapters else "the site")
    svg = roadmap.render_svg(
        lay,
        graph,
        href=lambda s: _uri(app, fromdoc, graph.concepts[s].docname),
        label=label,
    )
    pages = sum(not b.coming for b in lay.boxes.values())
    legend = (
        '<p class="concept-roadmap-legend">'
        f'{len(lay.boxes)} concepts: <span class="legend-page"></span>{pages} with a page (click to open)'
        f'<span class="legend-coming"></span>{len(lay.boxes) - pages} coming. '
        "Each line runs from a prerequisite down to what builds on it; hover a concept to see its lines."
        "</p>"
    )
    html = f'<div class="concept-roadmap-figure">{legend}{svg}</div>'
    return [nodes.raw("", html, format="html")]


def _reading_list_nodes(app, fromdoc, node):
    import reading_list

    graph = roadmap_of(app.env)
    targets = node["targets"]
    try:
        slugs = reading_list.reading_list(graph, targets)
    except ValueError as exc:
        logger.warning(f"reading-list: {exc}", location=node, type="concept-graph")
        return []
    base = _site_baseurl(app)
    items = reading_list.entries(graph, targets, base)
    out = [
        nodes.paragraph(
            text=reading_list.header(graph, targets, app.config.version)
            + ": "
            + reading_list.summary(items)
            + ".",
            classes=["reading-list-summary"],
        )
    ]
    lst = nodes.enumerated_list(classes=["reading-list"])
    for s in slugs:
        c = graph.concepts[s]
        para = nodes.paragraph()
        if c.coming:
            para += nodes.emphasis(text=c.title)
            para += nodes.Text(" (page coming)")
        else:
            ref = nodes.reference("", "", internal=True, classes=["concept-link"])
            ref["refuri"] = _uri(app, fromdoc, c.docname)
            ref += nodes.Text(c.title)
            para += ref
        lst += nodes.list_item("", para)
    out.append(lst)
    text = reading_list.as_text(graph, targets, base, app.config.version)
    out.append(nodes.paragraph(text="As plain text, to paste into an onboarding document:"))
    block = nodes.literal_block(text, text, classes=["reading-list-text"])
    block["language"] = "text"
    out.append(block)
    return out


def _glossary_nodes(app, fromdoc):
    env = app.env
    entries = []
    for docname, found in _definitions(env).items():
        for term, label in found:
            entries.append((term.casefold(), term, docname, label))
    dl = nodes.definition_list(classes=["concept-glossary"])
    for _, term, docname, label in sorted(entries):
        item = nodes.definition_list_item()
        t = nodes.term()
        ref = nodes.reference("", "", internal=True, classes=["glossary-link"])
        ref["refuri"] = _uri(app, fromdoc, docname, label)
        ref += nodes.Text(term)
        t += ref
        title = env.titles.get(docname)
        d = nodes.definition("", nodes.paragraph(text=f"defined on {title.astext() if title else docname}"))
        item += [t, d]
        dl += item
    return [dl]


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
            roadmap_of(app.env).to_json() + "\n", encoding="utf-8"
        )
        _write_redirects(app)


def _redirect_plan(app):
    """([(old docname, target docname#anchor)], {page: {anchor: target}}) from concept_redirects.

    A key is a slug, a label or an old docname; the registry of published anchors says
    where a slug or label used to be. A value is a slug, or a docname with an optional #anchor.
    """
    from anchors import read_registry

    env = app.env
    registry = read_registry(Path(app.srcdir, app.config.concept_anchor_registry))
    where = {name: (kind, docname) for kind, name, docname in registry}
    graph = roadmap_of(env)
    pages, anchors = [], {}
    for old, new in app.config.concept_redirects.items():
        if new in graph.concepts and not graph.concepts[new].coming:
            target = graph.concepts[new].docname
        else:
            target = new
        if target.split("#")[0] not in env.found_docs:
            logger.warning(f"concept_redirects: {old!r} -> {new!r}: no such page", type="concept-graph")
            continue
        kind, old_doc = where.get(old, ("slug", old if "/" in old else None))
        if old_doc is None:
            logger.warning(f"concept_redirects: {old!r} is not in the anchor registry", type="concept-graph")
            continue
        if kind == "slug" or old == old_doc:
            if old_doc not in env.found_docs:
                pages.append((old_doc, target))
        else:
            anchors.setdefault(old_doc, {})[old] = target
    return pages, anchors


def _write_redirects(app):
    from html import escape

    pages, _ = _redirect_plan(app)
    base = _site_baseurl(app)
    for old_doc, target in pages:
        doc, _, anchor = target.partition("#")
        rel = _uri(app, old_doc, doc, anchor)
        out = Path(app.outdir, old_doc + ".html")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f'<title>Moved</title><link rel="canonical" href="{escape(base + doc + ".html")}">'
            f'<meta http-equiv="refresh" content="0; url={escape(rel)}">'
            f'</head><body><p>This page has moved to <a href="{escape(rel)}">{escape(rel)}</a>.</p>'
            "</body></html>\n",
            encoding="utf-8",
        )


def _on_html_page_context(app, pagename, templatename, context, doctree):
    """On a page that lost an anchor, forward a link to the old anchor to its new place."""
    if not app.config.concept_redirects:
        return
    if not hasattr(app, "_mlmath_anchor_plan"):
        app._mlmath_anchor_plan = _redirect_plan(app)[1]
    moved = app._mlmath_anchor_plan.get(pagename)
    if not moved:
        return
    mapping = {}
    for old, target in moved.items():
        doc, _, anchor = target.partition("#")
        mapping["#" + old] = _uri(app, pagename, doc, anchor)
    script = (
        f"<script>(function(){{var m={json.dumps(mapping)};"
        "if(m[location.hash]){location.replace(m[location.hash]);}})();</script>"
    )
    context["metatags"] = context.get("metatags", "") + script


def setup(app):
    app.add_config_value("concept_chapters", {}, "env", types=(dict,))
    app.add_config_value("concept_chapter_titles", {}, "env", types=(dict,))
    app.add_config_value("concept_syllabus", "_data/SYLLABUS.md", "env", types=(str,))
    app.add_config_value("concept_redirects", {}, "html", types=(dict,))
    registry = "../tests/data/published_anchors.txt"
    app.add_config_value("concept_anchor_registry", registry, "html", types=(str,))
    placeholders = (concept_nav, concept_chapters, concept_roadmap, reading_list_node, concept_glossary)
    for node in (*placeholders, concept_cite):
        app.add_node(node)
    app.add_directive("concept-chapters", ConceptChaptersDirective)
    app.add_directive("concept-roadmap", ConceptRoadmapDirective)
    app.add_directive("reading-list", ReadingListDirective)
    app.add_directive("concept-glossary", ConceptGlossaryDirective)
    app.add_transform(DefinitionIndexTransform)
    app.connect("html-page-context", _on_html_page_context)
    app.connect("source-read", _on_source_read)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-purge-doc", _snapshot_numbers, priority=100)
    app.connect("env-purge-doc", _on_purge)
    app.connect("env-merge-info", _on_merge)
    app.connect("env-get-outdated", _on_get_outdated)
    app.connect("env-before-read-docs", _on_before_read_docs)
    app.connect("builder-inited", _skip_renumbering_when_nothing_was_read)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("build-finished", _on_build_finished)
    return {"version": "1", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
