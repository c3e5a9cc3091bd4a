"""The concept graph model (docs/_ext/concepts.py), the chapter registry, reading lists, the roadmap
layout and citations, on small inputs whose answers are known."""

import re
from pathlib import Path

import chapters
import cite
import pytest
import reading_list
import roadmap
from concepts import (
    Concept,
    ConceptGraph,
    concept_from_front_matter,
    errors,
    merge_syllabus,
    parse_front_matter,
    parse_syllabus,
    read_site,
    syllabus_chapters,
    title_from_slug,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
REGISTRY = chapters.load(DOCS / "_data" / "chapters.toml")

STAGES = {"fundamentals": 0, "linear-algebra": 1, "calculus": 1, "multivariate-calculus": 2}


def c(slug, chapter="fundamentals", prerequisites=(), docname=None):
    return Concept(slug, chapter, list(prerequisites), docname or f"{chapter}/{slug}")


def diamond():
    #   a -> b -> d,  a -> c -> d,  e alone
    return [
        c("a"),
        c("b", prerequisites=["a"]),
        c("c", prerequisites=["a"]),
        c("d", prerequisites=["b", "c"]),
        c("e"),
    ]


# Defining properties -------------------------------------------------------------
def test_valid_graph_has_no_errors():
    assert errors(diamond(), STAGES) == []


def test_ancestors_and_dependents():
    g = ConceptGraph.from_concepts(diamond(), STAGES)
    assert g.ancestors("d") == {"a", "b", "c"}
    assert g.ancestors("a") == set()
    assert g.dependents("a") == ["b", "c"]
    assert g.dependents("d") == []


def test_topological_order_puts_prerequisites_first():
    g = ConceptGraph.from_concepts(diamond(), STAGES)
    order = g.topological_order()
    assert sorted(order) == ["a", "b", "c", "d", "e"]
    for concept in g.concepts.values():
        for p in concept.prerequisites:
            assert order.index(p) < order.index(concept.slug)


def test_learning_path_is_ancestors_in_order():
    g = ConceptGraph.from_concepts(diamond(), STAGES)
    assert g.learning_path("d") == ["a", "b", "c", "d"]
    assert g.learning_path("e") == ["e"]


def test_stage_breaks_ties_in_order():
    g = ConceptGraph.from_concepts([c("z"), c("b", chapter="linear-algebra")], STAGES)
    assert g.topological_order() == ["z", "b"]


def test_json_lists_dependents():
    g = ConceptGraph.from_concepts(diamond(), STAGES)
    assert '"dependents": [\n    "b",\n    "c"\n   ]' in g.to_json()


# Every failure the build must report, naming the page -------------------------------
def test_unknown_prerequisite_names_page():
    problems = errors([c("a", prerequisites=["nope"], docname="docs/x.md")], STAGES)
    assert problems == ["docs/x.md: unknown prerequisite 'nope'"]


def test_duplicate_slug_names_both_pages():
    problems = errors([c("a", docname="one.md"), c("a", docname="two.md")], STAGES)
    assert len(problems) == 1 and "two.md" in problems[0] and "one.md" in problems[0]


def test_cycle_is_reported_with_its_pages():
    concepts = [c("a", prerequisites=["c"]), c("b", prerequisites=["a"]), c("c", prerequisites=["b"])]
    (problem,) = errors(concepts, STAGES)
    assert problem.startswith("cycle of prerequisites")
    assert all(f"fundamentals/{s}" in problem for s in "abc")
    with pytest.raises(ValueError, match="cycle"):
        ConceptGraph.from_concepts(concepts, STAGES).topological_order()


def test_self_loop():
    problems = errors([c("a", prerequisites=["a"])], STAGES)
    assert any("itself" in p for p in problems)


def test_prerequisite_from_later_chapter():
    concepts = [
        c("grad", chapter="multivariate-calculus"),
        c("vec", chapter="linear-algebra", prerequisites=["grad"]),
    ]
    (problem,) = errors(concepts, STAGES)
    assert "linear-algebra/vec" in problem and "'multivariate-calculus'" in problem


def test_side_by_side_chapters_may_use_each_other():
    concepts = [c("limit", chapter="calculus"), c("vec", chapter="linear-algebra", prerequisites=["limit"])]
    assert errors(concepts, STAGES) == []


def test_unknown_chapter():
    (problem,) = errors([c("a", chapter="alchemy")], STAGES)
    assert "unknown chapter 'alchemy'" in problem


# Front matter --------------------------------------------------------------------------
def test_parse_front_matter():
    text = "---\nslug: a-b\nchapter: fundamentals\nprerequisites: [x, y]\n---\n# Title\n"
    meta = parse_front_matter(text)
    concept = concept_from_front_matter(meta, "p.md")
    assert (concept.slug, concept.chapter, concept.prerequisites) == ("a-b", "fundamentals", ["x", "y"])
    assert parse_front_matter("# No front matter\n") == {}
    assert concept_from_front_matter({}, "p.md") is None


@pytest.mark.parametrize(
    "meta, message",
    [
        ({"slug": "Bad Slug", "chapter": "fundamentals"}, "slug"),
        ({"slug": "ok"}, "chapter"),
        ({"slug": "ok", "chapter": "fundamentals", "prerequisites": "a, b"}, "prerequisites"),
    ],
)
def test_malformed_front_matter_names_page(meta, message):
    with pytest.raises(ValueError, match=rf"p\.md: .*{message}"):
        concept_from_front_matter(meta, "p.md")


# The syllabus, merged with the pages ------------------------------------------------------
SYLLABUS = """\
# Syllabus
## Fundamentals (`fundamentals`)
- `a` ← – · the start
- `b` ← a · one step
## Calculus (`calculus`)
- `x` ← b, nope · unknown prerequisites are dropped
- `y` ← x, b · two prerequisites
## Alchemy (`alchemy`)
- `gold` ← a · an unknown chapter is left out
"""


def test_keywords_are_parsed_and_belong_to_one_page():
    meta = {"slug": "a", "chapter": "fundamentals", "keywords": ["PCA", " principal components "]}
    assert concept_from_front_matter(meta, "x/a").keywords == ["PCA", "principal components"]
    with pytest.raises(ValueError, match="keywords must be a list"):
        concept_from_front_matter({**meta, "keywords": "PCA"}, "x/a")
    one = c("a")
    one.keywords = ["Weight decay"]
    two = c("b")
    two.keywords = ["weight-decay"]
    assert errors([one, two], STAGES) == [
        "fundamentals/b: keyword 'weight-decay' is claimed by fundamentals/a too"
    ]


def test_parse_syllabus():
    concepts = parse_syllabus(SYLLABUS)
    assert [(s.slug, s.chapter, s.prerequisites) for s in concepts][:4] == [
        ("a", "fundamentals", []),
        ("b", "fundamentals", ["a"]),
        ("x", "calculus", ["b", "nope"]),
        ("y", "calculus", ["x", "b"]),
    ]
    assert concepts[1].use == "one step"
    assert syllabus_chapters(concepts)["calculus"] == ["x", "y"]


def test_merge_keeps_pages_and_adds_coming_concepts():
    pages = [c("a"), c("b", prerequisites=["a"]), c("y", chapter="calculus", prerequisites=["a"])]
    g = merge_syllabus(pages, parse_syllabus(SYLLABUS), STAGES)
    assert set(g.concepts) == {"a", "b", "x", "y"}
    assert g.concepts["y"].prerequisites == ["a"] and not g.concepts["y"].coming  # the page wins
    assert g.concepts["x"].coming and g.concepts["x"].prerequisites == ["b"]  # unknown dropped
    assert g.concepts["x"].title == "X"


def test_merge_never_closes_a_cycle_with_a_syllabus_edge():
    pages = [c("a", prerequisites=["b"]), c("b")]  # the pages reverse the syllabus
    g = merge_syllabus(pages, parse_syllabus(SYLLABUS), STAGES)
    assert g.find_cycle() is None
    assert g.topological_order().index("b") < g.topological_order().index("a")


def test_title_from_slug():
    assert title_from_slug("kl-divergence") == "KL divergence"
    assert title_from_slug("regularization-nn") == "Regularization in networks"


def test_real_syllabus_parses_all_chapters():
    found = syllabus_chapters(parse_syllabus((DOCS / "_data" / "SYLLABUS.md").read_text()))
    assert list(found) == [c.slug for c in REGISTRY], "the syllabus and the registry list the same chapters"
    assert sum(map(len, found.values())) >= 90


# Learning paths, on graphs whose answer is known ---------------------------------------------
def chain_and_fork():
    #   s -> f -> c -> t,  s -> r -> t,  s -> u (not needed for t),  z alone
    return [
        c("s"),
        c("f", prerequisites=["s"]),
        c("c", prerequisites=["f"]),
        c("r", prerequisites=["s"]),
        c("u", prerequisites=["s"]),
        c("t", chapter="calculus", prerequisites=["c", "r"]),
        c("z"),
    ]


def test_learning_path_known_answer():
    g = ConceptGraph.from_concepts(chain_and_fork(), STAGES)
    path = g.learning_path("t")
    assert set(path) == {"s", "f", "c", "r", "t"}  # every ancestor, nothing else
    assert path[0] == "s" and path[-1] == "t"
    for concept in path:
        for p in g.concepts[concept].prerequisites:
            assert path.index(p) < path.index(concept)
    assert path == ["s", "f", "c", "r", "t"]  # ties broken by stage, then slug


def test_reading_list_is_union_of_paths_in_order():
    g = ConceptGraph.from_concepts(chain_and_fork(), STAGES)
    assert reading_list.reading_list(g, ["t", "u"]) == ["s", "f", "c", "r", "u", "t"]
    assert reading_list.reading_list(g, ["z"]) == ["z"]
    with pytest.raises(ValueError, match="unknown concept.*nope"):
        reading_list.reading_list(g, ["nope"])


def test_reading_list_text_numbers_links_and_version():
    concepts = chain_and_fork()
    for concept in concepts:
        concept.title = concept.slug.upper()
    concepts[2].docname = ""  # c has no page yet
    g = ConceptGraph.from_concepts(concepts, STAGES)
    text = reading_list.as_text(g, ["c"], "https://x.org/site/", "9.9")
    assert text.splitlines() == [
        "Reading list to C (ML Math Reference, version 9.9)",
        "3 pages, 1 of them not written yet",
        "",
        "1. S - https://x.org/site/fundamentals/s.html",
        "2. F - https://x.org/site/fundamentals/f.html",
        "3. C - (page coming)",
    ]


def test_real_graph_paths_respect_prerequisites():
    g = read_site(DOCS)
    assert len(g.concepts) >= 90
    order = g.topological_order()
    path = g.learning_path("backpropagation")
    assert path[-1] == "backpropagation"
    assert {"chain-rule", "matrix-multiplication", "multivariate-chain-rule", "sets"} <= set(path)
    assert set(path) == g.ancestors("backpropagation") | {"backpropagation"}
    assert path == [s for s in order if s in path]
    for s in path:
        assert all(path.index(p) < path.index(s) for p in g.concepts[s].prerequisites)


# The roadmap layout -----------------------------------------------------------------------
TITLES = {"fundamentals": "F", "linear-algebra": "LA", "calculus": "C", "multivariate-calculus": "M"}


def overlap(a, b):
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def check_layout(g, lay):
    assert set(lay.boxes) <= set(g.concepts)
    for b in lay.boxes.values():
        assert 0 <= b.x and b.x + b.w <= lay.width and 0 <= b.y and b.y + b.h <= lay.height, b.slug
    boxes = list(lay.boxes.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not overlap(a, b), (a.slug, b.slug)
    expected = {(p, s) for s in lay.boxes for p in g.concepts[s].prerequisites if p in lay.boxes}
    assert set(lay.edges) == expected
    # Chapter bands in roadmap order: a later stage is entirely below an earlier one.
    for a in lay.regions:
        for b in lay.regions:
            if g.stages[a.chapter] < g.stages[b.chapter]:
                assert a.y + a.h <= b.y
            if a is not b and g.stages[a.chapter] == g.stages[b.chapter]:
                assert a.y == b.y and (a.x + a.w <= b.x or b.x + b.w <= a.x)  # side by side
    # Every box sits in its chapter's region, below everything it builds on in that chapter.
    region = {r.chapter: r for r in lay.regions}
    for b in boxes:
        r = region[b.chapter]
        assert r.x <= b.x and b.x + b.w <= r.x + r.w and r.y <= b.y and b.y + b.h <= r.y + r.h
        for p in g.concepts[b.slug].prerequisites:
            if p in lay.boxes and lay.boxes[p].chapter == b.chapter:
                assert lay.boxes[p].y < b.y


def test_layout_small_graph():
    concepts = chain_and_fork() + [c("v", chapter="linear-algebra", prerequisites=["s"])]
    g = ConceptGraph.from_concepts(concepts, STAGES)
    lay = roadmap.layout(g, TITLES)
    check_layout(g, lay)
    assert [r.chapter for r in lay.regions] == ["fundamentals", "linear-algebra", "calculus"]
    assert lay.boxes["f"].y > lay.boxes["s"].y and lay.boxes["c"].y > lay.boxes["f"].y


def test_layout_wraps_a_wide_layer():
    g = ConceptGraph.from_concepts([c(f"n{i}") for i in range(20)], STAGES)
    lay = roadmap.layout(g, TITLES)
    check_layout(g, lay)
    assert len({b.y for b in lay.boxes.values()}) > 1


def test_layout_of_the_full_syllabus_and_its_svg():
    g = read_site(DOCS)
    titles = chapters.titles(REGISTRY)
    lay = roadmap.layout(g, titles)
    check_layout(g, lay)
    assert set(lay.boxes) == set(g.concepts)
    svg = roadmap.render_svg(lay, g, href=lambda s: f"{s}.html")
    pages = [s for s in g.concepts if not g.concepts[s].coming]
    assert sorted(re.findall(r'<a class="roadmap-node n-[^"]+" href="([^"]+)\.html"', svg)) == sorted(pages)
    assert svg.count('class="roadmap-node coming') == len(g.concepts) - len(pages)
    assert svg.count('<path class="roadmap-edge') == len(lay.edges)
    assert 'aria-label="' in svg and f'viewBox="0 0 {lay.width:.0f} {lay.height:.0f}"' in svg
    # Only one chapter: its own concepts and edges.
    part = roadmap.layout(g, titles, only=["linear-algebra"])
    check_layout(g, part)
    assert {b.chapter for b in part.boxes.values()} == {"linear-algebra"}


def test_label_lines():
    assert roadmap.label_lines("Sets") == ["Sets"]
    lines = roadmap.label_lines("Minima and maxima of a function of one variable in detail")
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(len(x) <= roadmap.CHARS_PER_LINE for x in lines)
    assert roadmap.short_title("Vector space: where you add") == "Vector space"


# Citation --------------------------------------------------------------------------------
def test_citation_and_bibtex():
    assert cite.year_of("2026, The authors") == "2026"
    text = cite.citation_text("Sets", "https://x/s.html", "1.2", "2026")
    assert "Sets" in text and "version 1.2" in text and "https://x/s.html" in text
    bib = cite.bibtex("sets", "Sets & maps_1", "https://x/s.html", "1.2", "2026")
    assert bib.startswith("@misc{mlmathref-sets,") and bib.endswith("}")
    assert r"{Sets \& maps\_1}" in bib and "version      = {1.2}" in bib
    assert bib.count("{") == bib.count("}")
