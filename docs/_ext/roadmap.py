"""The roadmap figure: the concept graph laid out by chapter and drawn as an inline SVG.

Plain Python, no Sphinx import: :func:`layout` places every concept of a
:class:`~concept_graph.ConceptGraph` and :func:`render_svg` draws the result.
The Sphinx side (``concept_graph.py``) only supplies the links.

The layout reads top to bottom in the roadmap's order. Each stage of
the chapter registry is a horizontal band; chapters of the same stage (linear
algebra and calculus) sit side by side in it, each getting a share of the width
that grows with its number of concepts. Inside a chapter, a concept's row is its
depth among the chapter's own prerequisites (a concept sits below everything in
its chapter that it builds on); a layer wider than the chapter's share wraps
onto more rows. Within a row, concepts are ordered by the mean position of their
prerequisites so that edges stay short. Edges are light curves from a
prerequisite's bottom to its dependent's top; hovering a concept darkens its own.

Everything is drawn with CSS classes only (``docs/_static/mlmath.css`` colors
them with the theme's variables), so the figure follows light and dark mode.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

# Geometry, in SVG user units (= CSS pixels at natural size).
WIDTH = 760
MARGIN = 8
NODE_W = 122
NODE_H = 36
H_GAP = 8
V_GAP = 18
CHAPTER_GAP = 18
BAND_HEAD = 30
BAND_GAP = 14
FONT = 11.5
CHARS_PER_LINE = 17  # what fits in NODE_W at FONT in a sans-serif font


@dataclass
class Box:
    """One concept's rectangle: top-left corner, size, and what it shows."""

    slug: str
    chapter: str
    x: float
    y: float
    w: float = NODE_W
    h: float = NODE_H
    coming: bool = False

    @property
    def cx(self):
        return self.x + self.w / 2


@dataclass
class Region:
    """One chapter's part of a band."""

    chapter: str
    title: str
    x: float
    y: float
    w: float
    h: float


@dataclass
class Layout:
    """Where everything goes: boxes by slug, chapter regions, edges (prerequisite, dependent)."""

    width: float
    height: float
    boxes: dict[str, Box] = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)


def bands(graph, chapter_titles, only=None):
    """The chapters to draw, grouped by stage in roadmap order: [[chapter, ...], ...].

    Chapters are in the order of `chapter_titles` within a stage; a chapter with no
    concept is left out unless it is asked for in `only`.
    """
    present = {c.chapter for c in graph.concepts.values()}
    chapters = [ch for ch in chapter_titles if (ch in present if only is None else ch in only)]
    stages = sorted({graph.stages.get(ch, 0) for ch in chapters})
    return [[ch for ch in chapters if graph.stages.get(ch, 0) == st] for st in stages]


def depths(graph, slugs):
    """{slug: depth} where depth is the longest chain of prerequisites inside `slugs`."""
    slugs = set(slugs)
    depth = {}
    for s in graph.topological_order():
        if s in slugs:
            inner = [depth[p] for p in graph.concepts[s].prerequisites if p in slugs]
            depth[s] = 1 + max(inner) if inner else 0
    return depth


def _slots(width):
    return max(1, int((width + H_GAP) // (NODE_W + H_GAP)))


def layout(graph, chapter_titles, only=None, width=WIDTH):
    """Place every concept of `graph` (or of the chapters in `only`) and list the edges to draw.

    Parameters
    ----------
    graph : ConceptGraph
        The merged graph (pages and syllabus concepts still coming).
    chapter_titles : dict
        {chapter: title} in roadmap order (the chapter registry).
    only : iterable of str, optional
        Chapters to draw; edges are then those between the chapters drawn.
    width : float
        Width of the figure in user units.
    """
    only = None if only is None else list(only)
    order = {s: i for i, s in enumerate(graph.topological_order())}
    out = Layout(width=width, height=0)
    y = MARGIN
    for band in bands(graph, chapter_titles, only):
        members = {ch: [s for s in order if graph.concepts[s].chapter == ch] for ch in band}
        inner = width - 2 * MARGIN - (len(band) - 1) * CHAPTER_GAP
        total = sum(max(1, len(m)) for m in members.values())
        slots_total = max(len(band), _slots(inner))
        # Each chapter's share of the width grows with its number of concepts (at least two slots).
        shares = [
            max(min(2, slots_total), round(slots_total * max(1, len(members[ch])) / total)) for ch in band
        ]
        x, band_bottom = MARGIN, y
        for ch, share in zip(band, shares, strict=True):
            w = inner * share / sum(shares)
            slots = _slots(w)
            region = Region(ch, chapter_titles.get(ch, ch), x, y, w, 0)
            depth = depths(graph, members[ch])
            row_y = y + BAND_HEAD
            for d in range(max(depth.values(), default=-1) + 1):
                layer = [s for s in members[ch] if depth[s] == d]

                def center(s, _ch=ch):
                    xs = [out.boxes[p].cx for p in graph.concepts[s].prerequisites if p in out.boxes]
                    return (sum(xs) / len(xs) if xs else math.inf, order[s])

                layer.sort(key=center)
                for start in range(0, len(layer), slots):
                    row = layer[start : start + slots]
                    used = len(row) * NODE_W + (len(row) - 1) * H_GAP
                    bx = x + (w - used) / 2
                    for s in row:
                        out.boxes[s] = Box(s, ch, bx, row_y, coming=graph.concepts[s].coming)
                        bx += NODE_W + H_GAP
                    row_y += NODE_H + V_GAP
            region.h = max(row_y - y - V_GAP + MARGIN, BAND_HEAD + NODE_H / 2)
            out.regions.append(region)
            band_bottom = max(band_bottom, y + region.h)
            x += w + CHAPTER_GAP
        for region in out.regions[-len(band) :]:
            region.h = band_bottom - y  # every chapter of a band is as tall as the band
        y = band_bottom + BAND_GAP
    out.height = y - BAND_GAP + MARGIN
    for s in sorted(out.boxes, key=order.get):
        for p in graph.concepts[s].prerequisites:
            if p in out.boxes:
                out.edges.append((p, s))
    return out


def label_lines(text, per_line=CHARS_PER_LINE, lines=2):
    """Break a label into at most `lines` lines of about `per_line` characters (… when cut)."""
    words, out = text.split(), [""]
    for word in words:
        candidate = f"{out[-1]} {word}".strip()
        if len(candidate) <= per_line or not out[-1]:
            out[-1] = candidate
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: per_line - 1].rstrip() + "…"
    return [line if len(line) <= per_line else line[: per_line - 1] + "…" for line in out]


def short_title(title):
    """The part of a page title before its colon ("Vector space: where ..." -> "Vector space")."""
    return title.split(":")[0].strip()


def edge_path(a, b):
    """A cubic curve from the bottom of box `a` to the top of box `b`."""
    x1, y1, x2, y2 = a.cx, a.y + a.h, b.cx, b.y
    if y2 < y1 + 4:  # side by side in one band, dependent not lower: go from side to side
        x1 = a.x + a.w if b.cx > a.cx else a.x
        x2 = b.x if b.cx > a.cx else b.x + b.w
        y1, y2 = a.y + a.h / 2, b.y + b.h / 2
        dx = (x2 - x1) / 2
        return f"M{x1:.1f},{y1:.1f} C{x1 + dx:.1f},{y1:.1f} {x2 - dx:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    dy = max(12.0, (y2 - y1) / 2)
    return f"M{x1:.1f},{y1:.1f} C{x1:.1f},{y1 + dy:.1f} {x2:.1f},{y2 - dy:.1f} {x2:.1f},{y2:.1f}"


def render_svg(lay, graph, href=None, label="Roadmap of the concepts"):
    """The layout as an inline ``<svg>`` string.

    `href(slug)` gives the link of a concept page (relative to the page that shows the
    figure) or None; concepts still coming are drawn dashed and never linked.
    """
    href = href or (lambda slug: None)
    pages = sum(not b.coming for b in lay.boxes.values())
    coming = len(lay.boxes) - pages
    counts = f"{pages} with a page, {coming} coming" if coming else "each with its page"
    aria = f"{label}: {len(lay.boxes)} concepts ({counts})"
    w, h = lay.width, lay.height
    out = [
        f'<svg class="concept-roadmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0f} {h:.0f}" '
        f'width="{w:.0f}" height="{h:.0f}" role="group" aria-label="{escape(aria)}">',
        f"<title>{escape(aria)}</title>",
    ]
    # Hovering a concept darkens its edges (CSS :has; one rule per concept).
    rules = [f".concept-roadmap:has(.n-{s}:hover) .x-{s}" for s in sorted(lay.boxes)]
    if rules:
        out.append("<style>" + ",".join(rules) + "{stroke-opacity:0.95;stroke-width:2}</style>")
    out.append('<g class="roadmap-chapters">')
    for r in lay.regions:
        out.append(
            f'<rect class="roadmap-chapter" x="{r.x:.1f}" y="{r.y:.1f}" width="{r.w:.1f}" '
            f'height="{r.h:.1f}" rx="6"/>'
            f'<text class="roadmap-chapter-title" x="{r.x + 10:.1f}" y="{r.y + 19:.1f}">'
            f"{escape(r.title)}</text>"
        )
    out.append("</g>")
    out.append('<g class="roadmap-edges">')
    for p, s in lay.edges:
        # Edges inside a chapter are drawn stronger than those that come from another chapter.
        far = " far" if lay.boxes[p].chapter != lay.boxes[s].chapter else ""
        out.append(
            f'<path class="roadmap-edge{far} x-{p} x-{s}" data-from="{p}" data-to="{s}" '
            f'd="{edge_path(lay.boxes[p], lay.boxes[s])}"/>'
        )
    out.append("</g>")
    out.append('<g class="roadmap-nodes">')
    for s, b in lay.boxes.items():
        c = graph.concepts[s]
        name = short_title(c.title) or s
        tip = c.title + (f" · {c.use}" if c.use else "") + (" (page coming)" if b.coming else "")
        lines = label_lines(name)
        ty = b.y + b.h / 2 + FONT * 0.35 - (len(lines) - 1) * FONT * 0.6
        text = "".join(
            f'<tspan x="{b.cx:.1f}" y="{ty + i * FONT * 1.2:.1f}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        body = (
            f"<title>{escape(tip)}</title>"
            f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" rx="5"/>'
            f'<text text-anchor="middle">{text}</text>'
        )
        link = None if b.coming else href(s)
        if link:
            out.append(f'<a class="roadmap-node n-{s}" href="{escape(link)}" data-slug="{s}">{body}</a>')
        else:
            cls = "roadmap-node coming" if b.coming else "roadmap-node"
            out.append(f'<g class="{cls} n-{s}" data-slug="{s}">{body}</g>')
    out.append("</g></svg>")
    return "\n".join(out)
