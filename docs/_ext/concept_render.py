"""What the concept graph shows on the pages, filled in once every page has been read.

``concept_graph.py`` leaves placeholder nodes in the doctrees; :func:`fill_placeholders`
replaces them at write time (Sphinx's ``doctree-resolved``), when the whole graph is known:

- on every concept page, the "Before you start" / "Where this leads" box with the
  collapsible full path from zero, and the "Cite this page" box;
- the roadmap figure, the list of chapters, the reading lists and the glossary (every
  defined term and every keyword of a concept page).
"""

from __future__ import annotations

from html import escape

import cite
import concepts
import reading_list
import roadmap
from docutils import nodes
from site_state import chapter_registry, pages_graph, roadmap_graph, state_of
from sphinx.util import logging

logger = logging.getLogger(__name__)


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


PLACEHOLDERS = (
    concept_nav,
    concept_chapters,
    concept_roadmap,
    reading_list_node,
    concept_glossary,
    concept_cite,
)


def fill_placeholders(app, doctree, fromdoc):
    """Replace every placeholder of `fromdoc`'s doctree with what it shows."""
    html = app.builder.format == "html"
    for node in list(doctree.findall(concept_nav)):
        node.replace_self(_nav_box(app, fromdoc))
    for node in list(doctree.findall(concept_cite)):
        if html:
            concept = state_of(app.env).concepts[fromdoc]
            node.replace_self(nodes.raw("", _cite_box(app, concept), format="html"))
        else:
            node.parent.remove(node)
    for node in list(doctree.findall(concept_roadmap)):
        node.replace_self(_roadmap_nodes(app, fromdoc, node["chapters"]))
    for node in list(doctree.findall(reading_list_node)):
        node.replace_self(_reading_list_nodes(app, fromdoc, node))
    for node in list(doctree.findall(concept_glossary)):
        node.replace_self(_glossary_nodes(app, fromdoc))
    for node in list(doctree.findall(concept_chapters)):
        node.replace_self(_chapters_list(app, fromdoc))


def uri(app, fromdoc, docname, anchor=""):
    """The link from page `fromdoc` to `docname` (and `anchor` on it)."""
    return app.builder.get_relative_uri(fromdoc, docname) + (f"#{anchor}" if anchor else "")


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


def _nav_box(app, fromdoc):
    graph = pages_graph(app.env)
    concept = state_of(app.env).concepts[fromdoc]
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
        box += nodes.raw("", _path_html(app, fromdoc, roadmap_graph(app.env), concept.slug), format="html")
    return box


def _path_html(app, fromdoc, graph, slug):
    """A collapsible "Full path from zero (N pages)" list: the page's learning path, linked."""
    path = graph.learning_path(slug)
    items = []
    for s in path:
        c = graph.concepts[s]
        if s == slug:
            items.append(f'<li class="path-here"><strong>{escape(c.title)}</strong> (this page)</li>')
        elif c.coming:
            items.append(f'<li class="path-coming">{escape(c.title)} (page coming)</li>')
        else:
            href = escape(uri(app, fromdoc, c.docname))
            items.append(f'<li><a class="path-link" href="{href}">{escape(c.title)}</a></li>')
    n = len(path)
    return (
        f'<details class="concept-path" data-pages="{n}"><summary><strong>Full path from zero</strong> '
        f"({n} page{'s' if n != 1 else ''}, every prerequisite in reading order)</summary>"
        f'<ol class="concept-path-list">{"".join(items)}</ol></details>'
    )


def _cite_box(app, concept):
    base = cite.base_url(app.config.html_baseurl)
    return cite.cite_box_html(
        concept.slug, concept.title, concept.docname, base, app.config.version, app.config.copyright
    )


def _chapters_list(app, fromdoc):
    # Pages in reading order: the order of the toctrees (chapter index pages list their
    # pages after their prerequisites, which the site-rule tests check), then the graph's.
    graph = pages_graph(app.env)
    in_toctree = _toctree_order(app.env)
    topo = graph.topological_order()
    order = sorted(
        topo, key=lambda s: (in_toctree.get(graph.concepts[s].docname, len(in_toctree)), topo.index(s))
    )
    items = nodes.enumerated_list(classes=["concept-chapters"])
    for chapter in chapter_registry(app.env):
        slugs = [s for s in order if graph.concepts[s].chapter == chapter.slug]
        para = nodes.paragraph()
        para += nodes.strong(text=chapter.title)
        if slugs:
            para += nodes.Text(f" ({len(slugs)} pages): ")
            para.extend(_links(app, fromdoc, graph, slugs))
        else:
            para += nodes.Text(" (coming)")
        items += nodes.list_item("", para)
    return items


def _roadmap_nodes(app, fromdoc, chapters):
    graph = roadmap_graph(app.env)
    titles = {c.slug: c.title for c in chapter_registry(app.env)}
    lay = roadmap.layout(graph, titles, only=chapters or None)
    if not lay.boxes:
        return [nodes.paragraph(text="No concept in this chapter yet.")]
    if app.builder.format != "html":
        return [nodes.paragraph(text=f"Roadmap: {len(lay.boxes)} concepts (see the HTML site).")]
    label = "Roadmap of " + (", ".join(titles[c] for c in chapters) if chapters else "the site")
    svg = roadmap.render_svg(
        lay, graph, href=lambda s: uri(app, fromdoc, graph.concepts[s].docname), label=label
    )
    pages = sum(not b.coming for b in lay.boxes.values())
    # The swatch for concepts to come is shown only while some are (none once every chapter is written).
    counts = (
        f'{len(lay.boxes)} concepts: <span class="legend-page"></span>{pages} with a page (click to open)'
        f'<span class="legend-coming"></span>{len(lay.boxes) - pages} coming. '
        if pages < len(lay.boxes)
        else f"{len(lay.boxes)} concepts, each with its page (click to open). "
    )
    legend = (
        '<p class="concept-roadmap-legend">'
        + counts
        + "Each line runs from a prerequisite down to what builds on it; "
        + "hover a concept to see its lines.</p>"
    )
    return [nodes.raw("", f'<div class="concept-roadmap-figure">{legend}{svg}</div>', format="html")]


def _reading_list_nodes(app, fromdoc, node):
    graph = roadmap_graph(app.env)
    targets = node["targets"]
    try:
        slugs = reading_list.reading_list(graph, targets)
    except ValueError as exc:
        logger.warning(f"reading-list: {exc}", location=node, type="concept-graph")
        return []
    base = cite.base_url(app.config.html_baseurl)
    items = reading_list.entries(graph, targets, base)
    summary = (
        reading_list.header(graph, targets, app.config.version) + ": " + reading_list.summary(items) + "."
    )
    out = [nodes.paragraph(text=summary, classes=["reading-list-summary"])]
    lst = nodes.enumerated_list(classes=["reading-list"])
    for s in slugs:
        c = graph.concepts[s]
        para = nodes.paragraph()
        if c.coming:
            para += nodes.emphasis(text=c.title)
            para += nodes.Text(" (page coming)")
        else:
            ref = nodes.reference("", "", internal=True, classes=["concept-link"])
            ref["refuri"] = uri(app, fromdoc, c.docname)
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


def glossary_entries(state, titles):
    """[(term, docname, anchor, what it says)] of the glossary, in alphabetical order.

    Every term a labeled definition defines ("defined on <page>"), and every keyword of a
    concept page that is not already one of its defined terms ("see <page>", linked to the
    page's title). `titles` maps docnames to page titles.
    """
    entries = []
    for docname, found in state.definitions.items():
        for term, label in found:
            entries.append((term, docname, label, f"defined on {titles.get(docname, docname)}"))
    for docname, concept in state.concepts.items():
        defined = {concepts.keyword_key(term) for term, _ in state.definitions.get(docname, [])}
        for word in concept.keywords:
            if concepts.keyword_key(word) not in defined:
                title = titles.get(docname, docname)
                entries.append((word, docname, f"concept-{concept.slug}", f"see {title}"))
    return sorted(entries, key=lambda e: (e[0].casefold(), e[0], e[1]))


def _glossary_nodes(app, fromdoc):
    env = app.env
    titles = {d: t.astext() for d, t in env.titles.items()}
    dl = nodes.definition_list(classes=["concept-glossary"])
    for term, docname, anchor, text in glossary_entries(state_of(env), titles):
        item = nodes.definition_list_item()
        t = nodes.term()
        ref = nodes.reference("", "", internal=True, classes=["glossary-link"])
        ref["refuri"] = uri(app, fromdoc, docname, anchor)
        ref += nodes.Text(term)
        t += ref
        d = nodes.definition("", nodes.paragraph(text=text))
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
