"""The concept graph as plain data: concepts, their prerequisites, and the checks on them.

Each concept page declares in its front matter::

    ---
    slug: matrix-multiplication
    chapter: linear-algebra
    prerequisites: [matrix-of-a-map, composition]
    keywords: [matmul, matrix product]
    ---

``keywords`` are the other words a reader might search for or the text might use for the
concept (abbreviations, other names, symbols spelled out); a keyword belongs to one page only.

This module reads those declarations and the syllabus (``docs/_data/SYLLABUS.md``),
merges them into a :class:`ConceptGraph`, and lists what is wrong with a set of
concepts (:func:`errors`: an unknown prerequisite, a duplicate slug, a cycle, an
unknown chapter, a prerequisite from a later stage of the roadmap). It has no
Sphinx import: the Sphinx extension (``concept_graph.py``), the command-line tools
(``reading_list.py``, ``anchors.py``) and the tests all use it, and the tests check
it on small graphs whose answer is known.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import chapters

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
    keywords: list[str] = field(default_factory=list)  # other names a reader searches for

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
        color = dict.fromkeys(self.concepts, 0)  # 0 unvisited, 1 on stack, 2 done
        for root in sorted(self.concepts):
            if color[root]:
                continue
            stack = [(root, iter(self.concepts[root].prerequisites))]
            path = [root]
            color[root] = 1
            while stack:
                node, children = stack[-1]
                for child in children:
                    if child not in self.concepts:
                        continue
                    if color[child] == 1:
                        return path[path.index(child) :] + [child]
                    if color[child] == 0:
                        color[child] = 1
                        path.append(child)
                        stack.append((child, iter(self.concepts[child].prerequisites)))
                        break
                else:
                    color[node] = 2
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
    names = {"newtons": "Newton's", "bayes": "Bayes'", "gaussian": "Gaussian"}
    words = [w.upper() if w in upper else names.get(w, w) for w in slug.split("-")]
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


def read_site(docs_dir, stages=None, syllabus_file=None):
    """The merged graph read from the sources alone (no Sphinx): pages, titles and syllabus.

    Used by the command-line tools. Titles are the pages' first ``# `` heading, with
    MyST markup removed; `stages` defaults to those of the chapter registry
    (``docs/_data/chapters.toml``), `syllabus_file` to ``docs/_data/SYLLABUS.md``.
    """
    docs_dir = Path(docs_dir)
    if stages is None:
        stages = chapters.stages(chapters.load(docs_dir / "_data" / "chapters.toml"))
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
    syllabus_file = Path(syllabus_file or docs_dir / "_data" / "SYLLABUS.md")
    syllabus = parse_syllabus(syllabus_file.read_text(encoding="utf-8")) if syllabus_file.exists() else []
    return merge_syllabus(pages, syllabus, stages)


def plain_title(markup):
    """A MyST heading as the plain text Sphinx shows ("`x` and $y$" -> "x and y")."""
    return re.sub(r"[`*$]", "", markup).strip()


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
    keywords = meta.get("keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise ValueError(f"{docname}: keywords must be a list of words or phrases, got {keywords!r}")
    return Concept(
        slug=slug,
        chapter=chapter,
        prerequisites=list(prereqs),
        docname=docname,
        keywords=[k.strip() for k in keywords],
    )


def keyword_key(word):
    """How keywords are compared: case, hyphens and repeated spaces do not count."""
    return " ".join(word.replace("-", " ").split()).casefold()


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
    claimed = {}
    for c in concepts:
        for word in c.keywords:
            owner = claimed.setdefault(keyword_key(word), c)
            if owner is not c:
                problems.append(f"{c.docname}: keyword {word!r} is claimed by {owner.docname} too")
    named = {keyword_key(c.slug): c for c in concepts}
    for key, c in claimed.items():
        if key in named and named[key] is not c:
            problems.append(
                f"{c.docname}: keyword {key!r} is the name of the concept {named[key].slug!r} "
                f"({named[key].docname}); a search for it must find that page"
            )
    cycle = ConceptGraph.from_concepts(concepts, stages).find_cycle()
    if cycle:
        pages = ", ".join(by_slug[s].docname for s in cycle[:-1])
        problems.append(f"cycle of prerequisites {' -> '.join(cycle)} (pages: {pages})")
    return problems
