"""Sphinx extension: the site's search ranks like a reference, and its index is whole after every build.

**Ranking.** Sphinx's search page calls a scorer that a site may give (``html_search_scorer``).
This extension gives it ``search_rank.js`` (its header says how it ranks) after a table of the
concepts, written at every build from the concept graph: for each concept page, its title, the
words of its slug, the keywords of its front matter and the terms it defines; for each note of
a page still to come (``coming_notes.py``), its title, its slug and what the syllabus says
machine learning uses it for; for both, its place in the reading order (a tie goes to the
concept the other builds on). The keywords are also index entries of their page
(``concept_graph.py``), so the general index lists them and Sphinx's own search finds them.

**The same index after every build.** Sphinx rebuilds the search index of a build from the
previous ``searchindex.js`` for the pages it does not re-write, but reads back only their words
and titles, not their index entries: those come from the pickled environment, which is saved
before pages are written and so lacks what the last build found. After a few incremental builds
the index entries (definitions, keywords) were gone and search lost its best hits. Before the
pages are written, this extension puts back into the environment the index entries of the
previous ``searchindex.js``; the pages that are re-written replace theirs as usual.
"""

from __future__ import annotations

import json
from pathlib import Path

import coming_notes
from site_state import roadmap_graph, state_of
from sphinx.search import js_index
from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
RANKING = HERE / "search_rank.js"
SCORER_NAME = "search-scorer.js"  # written beside Sphinx's doctrees, never into the site


def short_title(title):
    """The name part of a page title ("Determinant: how much a map scales" -> "Determinant")."""
    return title.split(":", 1)[0].strip()


def concept_table(env):
    """What the scorer knows of each concept: its page (or note), names, defined terms and uses."""
    state = state_of(env)
    graph = roadmap_graph(env)
    order = {slug: i for i, slug in enumerate(graph.topological_order())}
    rows = []
    for slug, c in sorted(graph.concepts.items()):
        doc = coming_notes.note_docname(slug) if c.coming else c.docname
        if doc not in env.found_docs:
            continue
        title = c.title or slug
        names = [title, short_title(title), slug.replace("-", " "), *c.keywords]
        terms = [term for term, _ in state.definitions.get(c.docname, [])] if not c.coming else []
        uses = [u.strip() for u in c.use.split(",") if u.strip()] if c.coming else []
        rows.append(
            {
                "doc": doc,
                "coming": c.coming,
                "order": order[slug],
                "names": list(dict.fromkeys(names)),
                "terms": terms,
                "uses": uses,
            }
        )
    return {"concepts": rows}


def scorer_source(table):
    """The scorer Sphinx inlines into the search page's language_data.js."""
    data = json.dumps(table, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return f"const MLMATH_SEARCH = {data};\n" + RANKING.read_text(encoding="utf-8")


def _scorer_path(app):
    return Path(app.doctreedir) / SCORER_NAME


def _write_if_changed(path, text):
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _on_builder_inited(app):
    if app.builder.format != "html":
        return
    path = _scorer_path(app)
    if not path.is_file():
        _write_if_changed(path, scorer_source({"concepts": []}))
    app.config.html_search_scorer = str(path)


def previous_index_entries(outdir, all_docs):
    """{docname: [(entry, target id, 'main' or '')]} of the site's last searchindex.js (None if none).

    Every page of `all_docs` is a key: a page without entries maps to [].
    """
    path = Path(outdir) / "searchindex.js"
    try:
        frozen = js_index.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    docnames = frozen.get("docnames", [])
    out = {doc: [] for doc in all_docs}
    for entry, places in frozen.get("indexentries", {}).items():
        for file, target, main in places:
            doc = docnames[file]
            if doc in all_docs:
                out.setdefault(doc, []).append((entry, target or "", "main" if main else ""))
    # No sorting: a term's places keep the order the last build wrote them in, which is the order
    # of the page's text, as a clean build has them.
    return out


def _on_check_consistency(app, env):
    """The concept table, once the graph is known to be sound (concept_graph checks it first)."""
    if app.builder.format == "html":
        _write_if_changed(_scorer_path(app), scorer_source(concept_table(env)))


def _on_env_updated(app, env):
    if app.builder.format != "html":
        return []
    previous = previous_index_entries(app.outdir, env.all_docs)
    if getattr(app.builder, "search", False) and previous is not None:
        kept = env._search_index_index_entries  # Sphinx's (private) store, fed as pages are written
        kept.clear()
        kept.update(previous)
    return []


def setup(app):
    app.setup_extension("search_language")
    app.connect("builder-inited", _on_builder_inited)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency, priority=900)  # after the graph's checks
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
