"""Sphinx extension: links to a moved concept page or anchor keep working.

``docs/_data/redirects.toml`` maps old names to new places; ``published_anchors.txt``
beside it (see ``anchors.py``) says where each published slug and label used to be. At the
end of an HTML build this writes a small redirect page for each moved page, and on a page
that lost an anchor it adds a script that forwards a link to the old anchor.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import cite
from anchors import read_redirects, read_registry
from concept_render import uri
from site_state import roadmap_graph, state_of
from sphinx.util import logging

logger = logging.getLogger(__name__)


def redirect_plan(app):
    """([(old docname, target docname#anchor)], {page: {anchor: target}}) of the redirects.

    A key is a slug, a label or an old docname; the registry of published anchors says
    where a slug or label used to be. A value is a slug, or a docname with an optional #anchor.
    """
    env = app.env
    registry = read_registry(Path(app.srcdir, app.config.concept_anchor_registry))
    where = {name: (kind, docname) for kind, name, docname in registry}
    graph = roadmap_graph(env)
    pages, anchors = [], {}
    for old, new in read_redirects(Path(app.srcdir, app.config.concept_redirects_file)).items():
        known = new in graph.concepts and not graph.concepts[new].coming
        target = graph.concepts[new].docname if known else new
        if target.split("#")[0] not in env.found_docs:
            logger.warning(f"redirects: {old!r} -> {new!r}: no such page", type="concept-graph")
            continue
        kind, old_doc = where.get(old, ("slug", old if "/" in old else None))
        if old_doc is None:
            logger.warning(f"redirects: {old!r} is not in the anchor registry", type="concept-graph")
            continue
        if kind == "slug" or old == old_doc:
            if old_doc not in env.found_docs:
                pages.append((old_doc, target))
        else:
            anchors.setdefault(old_doc, {})[old] = target
    return pages, anchors


def _on_build_finished(app, exc):
    if exc is not None or app.builder.format != "html":
        return
    pages, _ = redirect_plan(app)
    base = cite.base_url(app.config.html_baseurl)
    for old_doc, target in pages:
        doc, _, anchor = target.partition("#")
        rel = uri(app, old_doc, doc, anchor)
        out = Path(app.outdir, old_doc + ".html")
        out.parent.mkdir(parents=True, exist_ok=True)
        canonical = f'<link rel="canonical" href="{escape(base + doc + ".html")}">' if base else ""
        out.write_text(
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>Moved</title>{canonical}"
            f'<meta http-equiv="refresh" content="0; url={escape(rel)}">'
            f'</head><body><p>This page has moved to <a href="{escape(rel)}">{escape(rel)}</a>.</p>'
            "</body></html>\n",
            encoding="utf-8",
        )


def _on_html_page_context(app, pagename, templatename, context, doctree):
    """On a page that lost an anchor, forward a link to the old anchor to its new place."""
    run = state_of(app.env).run
    if run.anchor_plan is None:
        run.anchor_plan = redirect_plan(app)[1]
    moved = run.anchor_plan.get(pagename)
    if not moved:
        return
    mapping = {}
    for old, target in moved.items():
        doc, _, anchor = target.partition("#")
        mapping["#" + old] = uri(app, pagename, doc, anchor)
    script = (
        f"<script>(function(){{var m={json.dumps(mapping)};"
        "if(m[location.hash]){location.replace(m[location.hash]);}})();</script>"
    )
    context["metatags"] = context.get("metatags", "") + script


def setup(app):
    app.add_config_value("concept_redirects_file", "_data/redirects.toml", "html", types=(str,))
    app.add_config_value("concept_anchor_registry", "_data/published_anchors.txt", "html", types=(str,))
    app.connect("html-page-context", _on_html_page_context)
    app.connect("build-finished", _on_build_finished)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
