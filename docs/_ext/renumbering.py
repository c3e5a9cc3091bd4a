"""Sphinx extension: spare incremental builds Sphinx's walk over every doctree to renumber.

sphinx-proof turns on ``numfig``, and Sphinx then re-assigns every section, figure,
definition and theorem number on every build by loading all ~200 doctrees (3 to 6 s here),
even when no page was read. Numbers depend only on the toctrees and on the numbered blocks
of each page, so when neither changed the numbers kept in the pickled environment are still
right. This extension:

1. before Sphinx forgets a page that is about to be re-read, keeps its numbering
   (``env-purge-doc``, before Sphinx's own collectors);
2. records the numbered blocks of each page as it is read (``doctree-read``);
3. once every page is read, decides whether any number can have changed
   (:func:`keep_numbers_if_unchanged`) and, if none can, puts the old numbers back;
4. wraps the TocTreeCollector's ``env-get-updated`` listener so that it does nothing then.

Any other build renumbers exactly as Sphinx does.
"""

from __future__ import annotations

from docutils import nodes
from site_state import state_of


def _snapshot_numbers(app, env, docname):
    """Before Sphinx's collectors forget a page, keep what numbering it had (runs first)."""
    state_of(env).run.old_numbers[docname] = (
        env.toc_fignumbers.get(docname),
        env.toc_secnumbers.get(docname),
        tuple(env.toctree_includes.get(docname, ())),
    )


def enumerables(app, doctree):
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


def _on_doctree_read(app, doctree):
    state_of(app.env).run.new_enums[app.env.docname] = enumerables(app, doctree)


def keep_numbers_if_unchanged(env, run):
    """True, with the old numbers put back, when re-reading cannot have changed any number.

    That is when no page was added or removed and every page read has the same toctree and
    the same numbered blocks (definitions, theorems, figures), with the same ids in the same
    order, as before: an edit to a page's text, code or maths.
    """
    if run.removed is None or run.removed:
        return False
    if not run.read:
        return True
    for d in run.read:
        if d not in run.old_numbers:
            return False
        figs, secs, toctree = run.old_numbers[d]
        if figs is None or secs is None or toctree != tuple(env.toctree_includes.get(d, ())):
            return False
        old = {t: [i for i, _ in sorted(ids.items(), key=lambda kv: kv[1])] for t, ids in figs.items()}
        if old != run.new_enums.get(d, {}):
            return False
    for d in run.read:
        figs, secs, _ = run.old_numbers[d]
        env.toc_fignumbers[d] = figs
        env.toc_secnumbers[d] = secs
    return True


def _on_env_updated(app, env):
    run = state_of(env).run
    run.numbering_unchanged = keep_numbers_if_unchanged(env, run)
    return []


def _wrap_toctree_collector(app):
    """Make the TocTreeCollector's renumbering a no-op in a build that changed no number."""
    from sphinx.environment.collectors.toctree import TocTreeCollector

    listeners = app.events.listeners["env-get-updated"]
    for i, listener in enumerate(listeners):
        if isinstance(getattr(listener.handler, "__self__", None), TocTreeCollector):
            original = listener.handler

            def get_updated_docs(app, env, _original=original):
                if state_of(env).run.numbering_unchanged:
                    return []
                return _original(app, env)

            listeners[i] = listener._replace(handler=get_updated_docs)


def setup(app):
    app.connect("env-purge-doc", _snapshot_numbers, priority=100)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-updated", _on_env_updated, priority=100)  # before other handlers ask for pages
    app.connect("builder-inited", _wrap_toctree_collector)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
