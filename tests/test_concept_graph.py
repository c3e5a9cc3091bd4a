"""The concept graph extension (docs/_ext/concept_graph.py), on small graphs whose answers are known."""

import pytest
from concept_graph import Concept, ConceptGraph, concept_from_front_matter, errors, parse_front_matter

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
