"""Terms and other names: the glossary and the general index list every defined term and every
keyword a concept page declares, each linked to its definition (a term) or to its page (a keyword).
"""

import re
from html import unescape
from pathlib import Path

import concepts
import pytest
from concept_render import glossary_entries
from site_state import ConceptState

ROOT = Path(__file__).resolve().parents[2]


def test_glossary_entries_list_terms_and_keywords_once():
    state = ConceptState()
    state.concepts["p"] = concepts.Concept("pca", "s", [], "p", keywords=["PCA", "principal components"])
    state.definitions["p"] = [("Principal components", "def-pca")]
    entries = glossary_entries(state, {"p": "PCA: the directions of largest spread"})
    assert entries == [
        ("PCA", "p", "concept-pca", "see PCA: the directions of largest spread"),
        ("Principal components", "p", "def-pca", "defined on PCA: the directions of largest spread"),
    ]  # the keyword that is also a defined term is listed once, as the term


def test_a_keyword_may_not_be_the_name_of_another_page():
    pages = [
        concepts.Concept("critical-points", "one", [], "opt/critical-points"),
        concepts.Concept("extrema-1d", "one", [], "calc/extrema-1d", keywords=["Critical points", "minimum"]),
    ]
    problems = concepts.errors(pages, {"one": 0})
    assert problems == [
        "calc/extrema-1d: keyword 'critical points' is the name of the concept 'critical-points' "
        "(opt/critical-points); a search for it must find that page"
    ]
    assert concepts.errors(pages[1:], {"one": 0}) == []  # a concept still to come does not count


@pytest.mark.build
def test_every_term_and_keyword_is_in_the_glossary_and_the_index(site):
    glossary = unescape((site / "glossary.html").read_text()).replace("\u2019", "'")
    genindex = unescape((site / "genindex.html").read_text()).replace("\u2019", "'")
    links = {
        (re.sub(r"<[^>]+>", "", text).strip().casefold(), href)
        for href, text in re.findall(r'<a class="glossary-link[^"]*" href="([^"]+)"[^>]*>(.*?)</a>', glossary)
    }
    graph = concepts.read_site(ROOT / "docs")
    count = 0
    for c in graph.concepts.values():
        if c.coming:
            continue
        for word in c.keywords:
            count += 1
            defined = [h for t, h in links if t == word.casefold() and h.startswith(c.docname + ".html#def-")]
            assert (word.casefold(), f"{c.docname}.html#concept-{c.slug}") in links or defined, (
                f"the glossary lacks the keyword {word!r} of {c.docname}"
            )
            assert f"{c.docname}.html#concept-{c.slug}" in genindex, c.docname
            assert re.search(rf">{re.escape(word)}</a>|>{re.escape(word)}<", genindex, re.I), (
                f"the general index lacks {word!r}"
            )
    assert count >= 200
    terms = re.findall(r'<a class="glossary-link[^"]*" href="([^"#]+)\.html#(def-[^"]+)"', glossary)
    assert len(terms) >= 60
