"""Links into the site keep working: published slugs and anchors never vanish without a redirect.

The registry is docs/_data/published_anchors.txt (docs/_ext/anchors.py explains it and
updates it). Also: the version a reader sees (CITATION.cff, the site) is the package's.
"""

import ast
import re
from pathlib import Path

import anchors
import yaml

import mlmath_ref

ROOT = Path(__file__).resolve().parents[2]


def test_no_published_slug_or_anchor_disappears_without_a_redirect():
    registry = anchors.read_registry()
    assert len(registry) >= 100, "the registry lists every published slug and anchor"
    lost = anchors.missing(registry, anchors.scan(), anchors.read_redirects())
    assert not lost, (
        "published names are gone: add a redirect to docs/_data/redirects.toml for each "
        f"(old name -> new slug or 'chapter/page#anchor'): {lost}"
    )


def test_every_redirect_leads_to_a_page_that_exists():
    current = {name: docname for _, name, docname in anchors.scan()}
    for old, new in anchors.read_redirects().items():
        doc, _, anchor = new.partition("#")
        assert new in current or (ROOT / "docs" / f"{doc}.md").exists(), f"{old} -> {new}: no such page"
        if anchor:
            assert current.get(anchor) == doc, f"{old} -> {new}: no anchor {anchor!r} on {doc}"


def test_registry_detects_a_removed_slug(tmp_path):
    # A tiny site: one page publishes a slug, its label and a definition label.
    docs = tmp_path / "docs"
    (docs / "one").mkdir(parents=True)

    def page(s):
        front = f"---\nslug: {s}\nchapter: one\n---\n(concept-{s})=\n# T\n\n"
        return front + f":::{{prf:definition}} T\n:label: def-{s}\n\nx\n:::\n"

    (docs / "one" / "a.md").write_text(page("a"))
    registry = tmp_path / "published.txt"
    added = anchors.update(registry, docs)
    assert sorted(added) == [
        ("label", "concept-a", "one/a"),
        ("label", "def-a", "one/a"),
        ("slug", "a", "one/a"),
    ]
    assert anchors.update(registry, docs) == []  # only ever adds
    entries = anchors.read_registry(registry)
    # The page is renamed: the old names are gone ...
    (docs / "one" / "a.md").unlink()
    (docs / "one" / "b.md").write_text(page("b"))
    lost = anchors.missing(entries, anchors.scan(docs), {})
    assert {name for _, name, _ in lost} == {"a", "concept-a", "def-a"}
    # ... until redirects send them to their new place.
    redirects = {"a": "b", "concept-a": "one/b#concept-b", "def-a": "one/b#def-b"}
    assert anchors.missing(entries, anchors.scan(docs), redirects) == []
    # The registry keeps the old lines when updated.
    anchors.update(registry, docs)
    assert set(entries) <= set(anchors.read_registry(registry))


def conf_assignment(conf_py, name):
    """The literal value assigned to `name` in a conf.py, read without running it."""
    for node in ast.parse(conf_py.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{conf_py} assigns no literal {name}")


def test_citation_cff_version_is_the_package_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    assert str(cff["version"]) == mlmath_ref.__version__
    assert cff["title"] == conf_assignment(ROOT / "docs" / "conf.py", "project")


def test_site_version_comes_from_the_package():
    text = (ROOT / "docs" / "conf.py").read_text()
    assert re.search(r"^release = version = mlmath_ref\.__version__$", text, re.M)
