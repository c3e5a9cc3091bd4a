"""The site's search, run as the search page runs it: Sphinx's searchtools.js with the site's scorer
(docs/_ext/search_rank.js) and English (docs/_ext/search_language.py), in Node, on the built
searchindex.js (tests/site/search_run.cjs).

- Every concept's title, slug and keyword finds its page first (its note, for a page to come).
- The held-out queries (tests/site/search_queries.txt, written before the search was tuned, as
  a new reader would type them) find the expected page first for at least 95 % of the pages
  that exist; the rate is printed.
- Short terms work, a word that matches nothing does not hide the rest, British and American
  spellings find the same pages, and results come in the groups of a reference.
- The index is the same after every build: clean, no-op, no-op, one page edited.
"""

import json
import os
import subprocess
import time
from pathlib import Path

import american
import coming_notes
import concepts
import pytest
from search_language import SearchAmerican
from sphinx.search import js_index
from sphinx_command import sphinx_command

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("search_run.cjs")
QUERIES = Path(__file__).with_name("search_queries.txt")
pytestmark = pytest.mark.build


def search(site, queries, limit=10):
    """[[{docname, anchor, kind, score, title}, ...] for each query], best result first."""
    done = subprocess.run(
        ["node", str(RUNNER), str(site), str(limit)],
        input=json.dumps(list(queries)),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def graph_of(site):
    data = json.loads((site / "concept-graph.json").read_text())["concepts"]
    return {
        slug: (coming_notes.note_docname(slug) if c["coming"] else c["docname"]) for slug, c in data.items()
    }


def first_hits(site, cases):
    """[(query, expected docname, first docname)] for [(query, expected docname)]."""
    results = search(site, [q for q, _ in cases], limit=3)
    return [
        (q, want, found[0]["docname"] if found else None)
        for (q, want), found in zip(cases, results, strict=True)
    ]


def held_out():
    cases = []
    for line in QUERIES.read_text().splitlines():
        if "->" in line and not line.startswith("#"):
            query, slug = (part.strip() for part in line.rsplit("->", 1))
            cases.append((query, slug))
    return cases


def test_every_concept_name_finds_its_page_first(site):
    """Titles, slugs and keywords of every concept; a note for a page to come.

    One rule decides between a page and a note: a keyword a written page declares wins over the
    name of a concept still to come ("change of variables" finds the page on multiple integrals,
    which explains it, before the note on its probability page to come). When that page is
    written, its slug wins: the build fails on a keyword that is another page's slug.
    """
    graph = concepts.read_site(ROOT / "docs")
    docs = graph_of(site)
    keywords = {concepts.keyword_key(w): c.docname for c in graph.concepts.values() for w in c.keywords}
    cases = []
    for slug, c in graph.concepts.items():
        for name in [c.title, slug, *c.keywords]:
            claimed = keywords.get(concepts.keyword_key(name)) if c.coming else None
            cases.append((name, claimed or docs[slug]))
    assert len(cases) > 300
    misses = [case for case in first_hits(site, cases) if case[1] != case[2]]
    assert not misses, f"{len(misses)} of {len(cases)} names do not find their page first: {misses[:20]}"


def test_held_out_queries_find_the_expected_page_first(site):
    docs = graph_of(site)
    graph = concepts.read_site(ROOT / "docs")
    cases = held_out()
    assert len(cases) >= 60 and all(slug in docs for _, slug in cases), "a query names an unknown concept"
    hits = first_hits(site, [(q, docs[slug]) for q, slug in cases])
    rates = {}
    for coming in (False, True):
        group = [h for h, (_, slug) in zip(hits, cases, strict=True) if graph.concepts[slug].coming == coming]
        misses = [h for h in group if h[1] != h[2]]
        # Once every chapter is written no concept is to come, and that group has no query.
        rates[coming] = (len(group) - len(misses)) / len(group) if group else 1.0
        print(
            f"hit@1 ({'pages to come' if coming else 'pages'}): {len(group) - len(misses)}/{len(group)}",
            misses,
        )
    assert rates[False] >= 0.95, "fewer than 95 % of the held-out queries find their page first"
    assert rates[True] >= 0.75, "fewer than 75 % of the held-out queries find their note first"
    assert any(not graph.concepts[slug].coming for _, slug in cases)


def test_short_terms_and_unknown_words(site):
    docs = graph_of(site)
    cases = [
        ("QR", docs["gram-schmidt"]),
        ("L1", docs["norm"]),
        ("KL", docs["kl-divergence"]),
        ("tr", docs["trace"]),
        ("determinant zqxvbn", docs["determinant"]),  # a word that matches nothing is left out
        ("softmax subtract max", docs["softmax"]),
    ]
    misses = [case for case in first_hits(site, cases) if case[1] != case[2]]
    assert not misses, misses


@pytest.mark.parametrize(
    "british, us",
    [
        ("initialisation", "initialization"),
        ("normalise", "normalize"),
        ("vectorised code", "vectorized code"),
    ],
)
def test_british_and_american_spellings_find_the_same_pages(site, british, us):
    found = search(site, [british, us])
    assert found[0], f"{british!r} finds nothing"
    assert [r["docname"] for r in found[0]] == [r["docname"] for r in found[1]]


def test_results_come_in_the_groups_of_a_reference(site):
    (found,) = search(site, ["determinant"], limit=200)
    docs = [r["docname"] for r in found]
    assert docs[0] == "linear-algebra/determinant" and found[1]["anchor"] == "#def-determinant", found[:2]

    def group(r):
        if r["docname"].startswith("api/"):
            return 3
        if r["docname"].startswith("auto_examples/"):
            return 4
        return 1 if r["docname"] == "linear-algebra/determinant" else 2

    order = [group(r) for r in found]
    assert order == sorted(order), "concept page, pages that use it, API pages, gallery: in that order"
    assert {2, 3, 4} <= set(order)


def test_a_dotted_api_name_finds_its_object_first(site):
    (found,) = search(site, ["linalg.det"], limit=1)
    assert found[0]["docname"] == "api/generated/mlmath_ref.linalg.det"


def test_the_browser_stemmer_matches_the_index(site):
    """The words of the query are stemmed in the browser as the index was stemmed when built."""
    index = js_index.loads((site / "searchindex.js").read_text())
    words = sorted({w for w in index["terms"] if w.isalpha()})[::7][:400]
    words += [b for b in american.WORDS] + ["normalisations", "initialised", "colours", "analysed"]
    script = (
        "const fs=require('fs'),vm=require('vm');const c={window:{}};c.window=c;vm.createContext(c);"
        f"vm.runInContext(fs.readFileSync({json.dumps(str(site / '_static/language_data.js'))},'utf8'),c);"
        "const s=new c.Stemmer();const w=JSON.parse(fs.readFileSync(0,'utf8'));"
        "process.stdout.write(JSON.stringify(w.map(x=>s.stemWord(x))));"
    )
    done = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    language = SearchAmerican({})
    assert json.loads(done.stdout) == [language.stem(w) for w in words]
    assert language.stem("initialisation") == language.stem("initialization")


# The same index after every build ----------------------------------------------------------


def index_entries(out):
    return js_index.loads((out / "searchindex.js").read_text())["indexentries"]


def test_the_index_is_the_same_after_every_build(tiny, tmp_path):
    conf = 'myst_enable_extensions = ["colon_fence"]\nnumfig = True\n'
    definition = ":::{{prf:definition}} {name}\n:label: def-{name}\n\nText.\n:::\n"
    pages = {"index.md": "# Home\n\n```{toctree}\na\nb\nc\n```\n"}
    for n in "abc":
        pages[f"{n}.md"] = (
            f"---\nslug: {n}\nchapter: one\nprerequisites: []\nkeywords: [word {n}]\n---\n"
            f"(concept-{n})=\n# Page {n}\n\n" + definition.format(name=f"term{n}")
        )
    src = tiny.write(["myst_parser", "sphinx_proof", "concept_graph"], pages, conf, chapters=[("one", 0)])
    out = tmp_path / "out"
    seen = []
    for step in ["clean", "no-op", "no-op", "one page edited"]:
        if step == "one page edited":
            time.sleep(1)  # a new modification time
            (src / "b.md").write_text((src / "b.md").read_text().replace("Text.", "Other text."))
        result = tiny.build(src, out)
        assert result.returncode == 0, result.stderr
        seen.append(index_entries(out))
    assert len(seen[0]) == 6 and {"word a", "terma"} <= set(seen[0])
    assert all(entries == seen[0] for entries in seen), seen


def test_the_real_index_survives_rebuilds(site):
    """Two no-op rebuilds and a page re-read keep every index entry the build made."""
    before = (site / "searchindex.js").read_text()
    entries = js_index.loads(before)["indexentries"]
    graph = concepts.read_site(ROOT / "docs")
    keywords = {w.lower() for c in graph.concepts.values() for w in c.keywords}
    assert keywords <= set(entries), sorted(keywords - set(entries))[:10]
    labels = {target for places in entries.values() for _, target, _ in places}
    assert sum(label.startswith("def-") for label in labels) >= 60
    page = ROOT / "docs" / "linear-algebra" / "determinant.md"
    for step in ["no-op", "no-op", "page re-read"]:
        if step == "page re-read":
            os.utime(page)  # the page is read and written again, with the same text
        result = subprocess.run(sphinx_command(quiet=True), capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr[-3000:]
        after = js_index.loads((site / "searchindex.js").read_text())["indexentries"]
        assert after == entries, f"after a {step} rebuild the index entries changed"
