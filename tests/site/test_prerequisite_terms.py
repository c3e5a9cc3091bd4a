"""Prerequisites match the text (CONTRIBUTING.md, section 7, check 1).

A concept page that uses a term defined on another concept page must have that page in its
prerequisite closure (``ConceptGraph.ancestors``), or link to that page or one of its anchors
somewhere (a visible forward reference), or carry an entry in :data:`ALLOWED_USES`.

The terms of a page are the titles of its ``{prf:definition}`` blocks, split at commas and
"and" (:func:`title_terms`), and its front-matter ``keywords``. A term is found as whole words,
ignoring case, hyphens and simple plurals, in the page's prose only: paragraphs, headings,
captions, alt text and block titles, never code, math, front matter, figure files or link
targets (``tools/page_text.py``). The longest term wins ("gradient check" is not "gradient").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from concepts import Concept, ConceptGraph, keyword_key, read_site
from page_text import anchors, concept_page, concept_pages, link_targets, resolve_link, visible_text, walk

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Terms too generic to be looked for in other pages' text: everyday or high-school words, or words
# with a second meaning that the pages use too. A term here is still a keyword (search, glossary).
GENERIC_TERMS = {
    "angle": "high-school geometry; the page defines the angle between vectors of any dimension",
    "approaches": "an everyday verb ('two approaches'), and 'x approaches a' is high-school language",
    "arrow": "an everyday word; pages draw arrows in every figure",
    "axes": "also the axes of a plot, which every figure has",
    "bits": "also the bits of a float and 'a bit' (a little); the entropy page's bits are its unit",
    "batch": "machine-learning vocabulary for a group of examples, used from the first page on",
    "coordinates": "high-school coordinates of a point; the basis page defines coordinates in a basis",
    "distance": "an everyday word and high-school geometry",
    "function": "high-school mathematics; the functions page makes it precise",
    "given": "an everyday word ('given a matrix', 'the function given by'); the conditional "
    "'given' of P(A | B) is read on the pages that build on conditional probability",
    "graph": "also the graph of a function, which calculus pages draw",
    "image": "also a picture (an image classifier, the image of a figure)",
    "jump": "an everyday word ('the answer jumps')",
    "length": "also the length of a list or a sequence",
    "magnitude": "an everyday word ('orders of magnitude')",
    "maximum": "high-school mathematics; the extrema page gives the calculus test",
    "mean": "an everyday verb ('this means') and the school average of a list; the expected-value "
    "page defines the mean of a distribution, and search and the glossary send 'mean' there",
    "minimum": "high-school mathematics; the extrema page gives the calculus test",
    "numpy array": "every page's code uses NumPy arrays and the reader is a programmer",
    "partial": "an everyday adjective ('partial sums', 'partial pivoting')",
    "perpendicular": "high-school geometry; the page defines orthogonality in any dimension",
    "probability": "high-school mathematics (a chance between 0 and 1, a share of equally likely "
    "cases); the probability-space page makes it precise",
    "proof": "every page sketches why its theorems hold; the logic page teaches how to read proofs",
    "residual": "the residual y - y_hat of a prediction is defined where it is used",
    "sequence": "an everyday word ('a sequence of operations')",
    "shape": "also the shape of a curve or of a figure",
    "slope": "high-school mathematics (the slope of a line)",
    "solve": "an everyday verb",
    "sum": "an everyday word and primary-school arithmetic",
    "tends to": "an everyday phrase ('tends to overfit')",
    "theorem": "every page states theorems; the logic page teaches how to read them",
    "weighted sum": "high-school arithmetic (a weighted average without the division)",
}

# Phrases that contain a term but name something else: found (the longest match wins) and ignored.
NOT_TERMS = {
    "gradient descent": "the optimization algorithm, which pages motivate from before the gradient "
    "page (the optimization chapter teaches it); in one variable it steps along the derivative",
    "gradient step": "one step of gradient descent (see above)",
}

# Definition titles that the splitting rule of title_terms gets wrong, with their terms.
TITLE_TERMS = {
    # The rule shares the head noun in "Local and global minimum"; here the first part is a noun.
    "Exponential and natural logarithm": ["exponential", "natural logarithm"],
    "Series and partial sums": ["series", "partial sums"],
    # "X of a Y" names X, on the page of X.
    "Eigendecomposition of a symmetric matrix": ["eigendecomposition"],
    "Limit of a function": ["limit"],
    # "Joint" is an adjective of the shared head noun, which the rule only shares after "and".
    "Joint, marginal and conditional distributions": [
        "joint distribution",
        "marginal distribution",
        "conditional distribution",
    ],
    "Convergence of a sequence": ["convergence"],
    # The page's concept is the general norm; the title shows its family.
    "The $p$-norms": ["norm", "p-norm"],
    # The page names its subject too, not only the mode it defines.
    "Reverse-mode automatic differentiation": [
        "reverse-mode automatic differentiation",
        "automatic differentiation",
    ],
}

# (page slug, term) pairs where the page uses the word in another sense, or knowingly without
# the page that defines it, with the reason.
ALLOWED_USES = {
    ("angle-orthogonality", "rank"): "'ranks' means orders search results, not the rank of a matrix",
    (
        "arrays-broadcasting",
        "sample mean",
    ): "'per-sample means': the mean of each row, not the sample mean of the law of large numbers",
    (
        "change-of-variables",
        "inverse",
    ): "the inverse of a function (the distribution function), not of a matrix",
    ("conditional-probability", "ad"): "an ad that shop visitors click, not AD (automatic differentiation)",
    ("continuous-distributions", "span"): "'ranges that span decades': the verb, not a linear span",
    ("discrete-distributions", "ad"): "ad impressions (advertising), not AD (automatic differentiation)",
    ("directional-derivative", "trace"): "'traces the line': the verb",
    ("eigenvalues-eigenvectors", "rank"): "'PageRank ranks web pages': an ordering, not a matrix rank",
    ("exp-log", "inverse"): "the inverse of a function (functions), not of a matrix",
    (
        "independence",
        "product rule",
    ): "the product rule of probability for independent events, not the derivative's product rule",
    ("integral", "odds"): "'an odd n' for Simpson's rule, which the plural rule of 'odds' matches",
    (
        "joint-marginal",
        "product rule",
    ): "the product rule of probability, P(x, y) = P(x) P(y | x), not the derivative's",
    ("joint-marginal", "sum rule"): "the sum rule of probability (marginalization), not the derivative's",
    (
        "functions",
        "inverse",
    ): "the inverse of a function, defined on this page; a matrix inverse is a later case",
    ("matrices-graphs", "odds"): "an odd step and a cycle of odd length, not the odds of an event",
    ("matrices-graphs", "rank"): "inside the name PageRank",
    ("real-numbers", "odds"): "the odd integers that float32 loses, not the odds of an event",
    ("sequences-series", "exponential"): "the exponential moving average, named for its geometric weights",
    (
        "sequences-series",
        "limit",
    ): "the limit of a sequence, which this page defines; the limit page's is of a function",
    ("summation-notation", "limit"): "the limits of a sum are its bounds, not limits of calculus",
    ("taylor-series", "odds"): "polynomials of odd degree, not the odds of an event",
    ("tensor", "gradient"): "a color gradient in an example image",
    ("transpose", "orientation"): "a vector's orientation as a row or a column, not a determinant's sign",
}


def title_terms(title):
    """The terms a definition title names: "Set, subset, union, intersection" -> four terms.

    Parentheses are dropped (they hold qualifiers; the synonyms are keywords), a one-letter
    ``$p$`` keeps its letter and other math is dropped, a leading article goes, and a single
    word before "and" shares the last word of what follows ("Local and global minimum").
    """
    if title in TITLE_TERMS:
        return list(TITLE_TERMS[title])
    text = re.sub(r"\s*\([^)]*\)", "", title)
    text = re.sub(r"\$(\w)\$", r"\1", text)
    text = re.sub(r"\s*\b(in|of|on)?\s*\$[^$]*\$", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", text) if p.strip()]
    terms = []
    for i, part in enumerate(parts):
        following = parts[i + 1] if i + 1 < len(parts) else ""
        shared = (
            re.search(rf"\b{re.escape(part)}\s+and\s+{re.escape(following)}(?!\w)", text)
            if following
            else None
        )
        if shared and " " not in part and " " in following:
            part = f"{part} {following.split()[-1]}"
        terms.append(part)
    return terms


def definition_terms(page):
    """The terms of a page's ``{prf:definition}`` titles."""
    return [t for b in walk(page.blocks) if b.name == "prf:definition" for t in title_terms(b.arg)]


def page_terms(page):
    """Every term a page defines: its definition titles' terms and its keywords."""
    return definition_terms(page) + [str(k) for k in page.meta.get("keywords") or []]


def singular_key(term):
    """A term's key with a simple plural on its last word removed ("second derivatives")."""
    key = keyword_key(term)
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def defined_terms(pages):
    """{term key: owner slug} over all pages.

    A term defined in a definition block belongs to that page, even where another page has it
    (or its plural) as a keyword ("second derivative" against the Hessian's "second
    derivatives"); otherwise the first page wins (the build allows a keyword on one page only).
    """
    owners, seen = {}, {}
    for from_titles in (True, False):
        for page in pages:
            for term in definition_terms(page) if from_titles else page.meta.get("keywords") or []:
                key = keyword_key(str(term))
                if singular_key(key) not in seen:
                    seen[singular_key(key)] = key
                    owners[key] = page.slug
    return owners


def _word_pattern(term):
    words = term.split()
    last = re.escape(words[-1])
    forms = [rf"{last}(?:s|es)?"]
    if words[-1].endswith("s") and not words[-1].endswith("ss"):
        forms.append(re.escape(words[-1][:-1]))
    if words[-1].endswith("ies"):
        forms.append(re.escape(words[-1][:-3]) + "y")
    if words[-1].endswith("y"):
        forms.append(re.escape(words[-1][:-1]) + "ies")
    if words[-1].endswith(("ix", "ex")):
        forms.append(re.escape(words[-1][:-2]) + "ices")
    return r"[\s-]+".join([re.escape(w) for w in words[:-1]] + [f"(?:{'|'.join(forms)})"])


def term_matcher(terms):
    """A regex that finds any of `terms` (keys) as whole words; the longest term wins."""
    ordered = sorted(terms, key=len, reverse=True)
    alternatives = "|".join(f"(?P<t{i}>{_word_pattern(t)})" for i, t in enumerate(ordered))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)
    return pattern, ordered


def prose_pieces(page):
    """(line, text) of every piece of prose on the page, as a reader reads it."""
    for block in walk(page.blocks):
        if block.kind in ("paragraph", "heading"):
            yield block.line, visible_text(block.text)
        elif block.kind == "directive":
            if block.name.startswith("prf:") or block.name == "dropdown":
                yield block.line, visible_text(block.arg)
            if block.options.get("alt"):
                yield block.line, visible_text(block.options["alt"])


def linked_pages(page, pages):
    """Slugs of the concept pages that `page` links to (the page itself, or one of its anchors)."""
    targets = set()
    for block in walk(page.blocks):
        if block.kind in ("paragraph", "heading"):
            targets |= set(link_targets(block.text))
        elif block.kind == "directive":
            targets |= set(link_targets(block.arg))
    docs = {resolve_link(t, page.docname) for t in targets if "/" in t or t.endswith(".md") or "#" in t}
    linked = set()
    for other in pages:
        if targets & anchors(other.blocks) or other.docname in docs:
            linked.add(other.slug)
    return linked


@dataclass(frozen=True)
class Use:
    page: str
    term: str
    owner: str
    line: int

    def __str__(self):
        return f"{self.page} (line {self.line}) uses {self.term!r}, defined on {self.owner}"


def undeclared_uses(pages, graph, generic=GENERIC_TERMS, allowed=ALLOWED_USES):
    """Every use of another page's term that neither the prerequisites nor a link cover."""
    owners = defined_terms(pages)
    wanted = {t: o for t, o in owners.items() if t not in {keyword_key(g) for g in generic}}
    wanted.update({keyword_key(phrase): None for phrase in NOT_TERMS})
    pattern, ordered = term_matcher(wanted)
    found = []
    for page in pages:
        known = graph.ancestors(page.slug) | {page.slug} | linked_pages(page, pages)
        for line, text in prose_pieces(page):
            for match in pattern.finditer(text):
                term = ordered[int(match.lastgroup[1:])]
                owner = wanted[term]
                if owner is not None and owner not in known and (page.slug, term) not in allowed:
                    found.append(Use(page.slug, term, owner, line))
    return found


def site_graph():
    return read_site(DOCS)


PAGES = concept_pages(DOCS)


def test_every_page_is_read():
    assert len(PAGES) >= 59
    assert all(page_terms(p) for p in PAGES), "every concept page defines a term"


def test_pages_use_only_terms_they_have_met():
    uses = undeclared_uses(PAGES, site_graph())
    by_pair = {}
    for use in uses:
        by_pair.setdefault((use.page, use.owner), []).append(use)
    report = "\n".join(
        f"{page}: {sorted({u.term for u in us})} (lines {sorted({u.line for u in us})}) from {owner}"
        for (page, owner), us in sorted(by_pair.items())
    )
    assert not uses, (
        f"{len(by_pair)} (page, defining page) pairs: a page uses terms of a page outside its prerequisites "
        "without linking it; "
        "add the prerequisite, link the term, or add an ALLOWED_USES entry with the reason:\n" + report
    )


def test_every_allow_list_entry_is_still_needed():
    uses = undeclared_uses(PAGES, site_graph(), allowed={})
    needed = {(u.page, u.term) for u in uses}
    assert set(ALLOWED_USES) <= needed, f"stale entries: {sorted(set(ALLOWED_USES) - needed)}"


def test_generic_terms_and_title_overrides_name_real_terms():
    terms = defined_terms(PAGES)
    assert {keyword_key(g) for g in GENERIC_TERMS} <= set(terms), set(GENERIC_TERMS) - set(terms)
    titles = {b.arg for p in PAGES for b in walk(p.blocks) if b.name == "prf:definition"}
    assert set(TITLE_TERMS) <= titles


# -- The check catches planted defects ---------------------------------------------------------------


def tiny_page(slug, prerequisites, body, keywords=(), definition=None):
    definition = definition or slug.title()
    text = (
        f"---\nslug: {slug}\nchapter: one\nprerequisites: [{', '.join(prerequisites)}]\n"
        f"keywords: [{', '.join(keywords)}]\n---\n\n(concept-{slug})=\n# {slug.title()}\n\n"
        f":::{{prf:definition}} {definition}\n:label: def-{slug}\n\nText.\n:::\n\n{body}\n"
    )
    return concept_page(f"one/{slug}", text)


def tiny_uses(pages):
    concepts = [Concept(p.slug, "one", p.meta["prerequisites"], p.docname) for p in pages]
    graph = ConceptGraph.from_concepts(concepts, {"one": 0})
    return undeclared_uses(pages, graph, generic={"thing": "too common"}, allowed={})


def test_title_terms_split_lists_and_share_head_nouns():
    assert title_terms("Set, subset, union, intersection") == ["Set", "subset", "union", "intersection"]
    assert title_terms("Local and global minimum, critical point") == [
        "Local minimum",
        "global minimum",
        "critical point",
    ]
    assert title_terms("Dot product (inner product)") == ["Dot product"]
    assert title_terms("The $q$-widgets") == ["q-widgets"]
    assert title_terms(r"Vector in $\mathbb{R}^n$") == ["Vector"]
    assert title_terms("Series and partial sums") == ["series", "partial sums"]


def test_planted_use_without_prerequisite_is_caught():
    widget = tiny_page("widget", [], "A widget.", keywords=["gizmo"])
    user = tiny_page("user", [], "Each Widgets turns; a gizmo spins.\n\nThe GIZMOS stop.")
    uses = tiny_uses([widget, user])
    assert {(u.page, u.term, u.owner) for u in uses} == {
        ("user", "widget", "widget"),
        ("user", "gizmo", "widget"),
    }
    assert sorted(u.line for u in uses if u.term == "gizmo") == [17, 19]


def test_prerequisite_or_link_clears_it():
    widget = tiny_page("widget", [], "A widget.")
    assert not tiny_uses([widget, tiny_page("user", ["widget"], "A widget turns.")])
    linked = tiny_page("user", [], "A widget turns (see {ref}`widgets <def-widget>`).")
    assert not tiny_uses([widget, linked])
    linked_by_file = tiny_page("user", [], "A widget turns, as [there](widget.md#text).")
    assert not tiny_uses([widget, linked_by_file])
    through = tiny_page("middle", ["widget"], "Text.")
    assert not tiny_uses([widget, through, tiny_page("user", ["middle"], "A widget turns.")])


def test_code_math_targets_and_front_matter_are_not_prose():
    widget = tiny_page("widget", [], "A widget.")
    body = (
        "Here `widget(x)` runs and $\\text{widget}$ holds, see {ref}`concept-widget-free`.\n\n"
        "```python\nwidget = 1\n```\n\n"
        "```{figure} /auto_examples/one/images/sphx_glr_plot_widget_001.png\n:alt: A dial.\n\nA dial.\n```"
    )
    user = tiny_page("user", [], body, keywords=["widgetry"])
    assert not tiny_uses([widget, user])


def test_generic_terms_and_longer_terms_win():
    thing = tiny_page("thing", [], "A thing.", keywords=["thing"], definition="Thing")
    gauge = tiny_page("gauge", [], "A gauge.", keywords=["gauge check"], definition="Gauge")
    user = tiny_page("user", ["gauge"], "A thing is here; a gauge check runs.")
    assert not tiny_uses([thing, gauge, user])
    reader = tiny_page("reader", ["thing"], "Run a gauge check.")
    assert [(u.term, u.owner) for u in tiny_uses([thing, gauge, reader])] == [("gauge check", "gauge")]


@pytest.mark.parametrize("word", ["gizmos", "Gizmo", "gizmo-like"])
def test_whole_words_plurals_and_case(word):
    widget = tiny_page("widget", [], "A widget.", keywords=["gizmo"])
    assert tiny_uses([widget, tiny_page("user", [], f"The {word} spins.")])


def test_parts_of_words_are_not_terms():
    widget = tiny_page("widget", [], "A widget.", keywords=["gizmo"])
    assert not tiny_uses([widget, tiny_page("user", [], "The gizmology and supergizmo spin.")])
