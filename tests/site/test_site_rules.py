"""The site's own rules, read from the sources: page anatomy, gallery conventions, coverage.

Each rule says what it enforces; where a rule does not fit a case, the exception is an
explicit allow-list next to the rule, with its reason.
"""

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import chapters
import pytest
from concepts import concept_from_front_matter, parse_front_matter, parse_syllabus, syllabus_chapters

import mlmath_ref

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
GENERATED = {"_build", "auto_examples", "api", "gen_modules", "_data", "_templates", "_static", "_ext"}
GENERATED.add("coming")  # generated notes for pages still to come (docs/_ext/coming_notes.py)

# The chapter registry (docs/_data/chapters.toml) says which chapters are complete: every syllabus
# concept has its page, and the chapter has its index page, its gallery folder and its modules.
REGISTRY = chapters.load(DOCS / "_data" / "chapters.toml")
COMPLETE_CHAPTERS = [c.slug for c in REGISTRY if c.complete]

ANATOMY = [
    "Why machine learning needs it",
    "The picture",
    "Definition",
    "Worked example",
    "In code",
    "Pitfalls",
    "Check yourself",
]

# Code-fence languages shown on pages but not executed, with the reason. Everything else must be
# ``python`` (run by Sybil, see docs/conftest.py).
NOT_EXECUTED_LANGUAGES = {
    "console": "shell commands (installing the package); running them would change the machine",
}


def md_pages():
    return sorted(p for p in DOCS.rglob("*.md") if not (set(p.relative_to(DOCS).parts[:-1]) & GENERATED))


def concept_pages():
    pages = []
    for path in md_pages():
        concept = concept_from_front_matter(parse_front_matter(path.read_text()), str(path.relative_to(ROOT)))
        if concept is not None:
            pages.append((path, concept))
    return pages


PAGES = concept_pages()
PAGE_IDS = [str(p.relative_to(DOCS)) for p, _ in PAGES]


def fences(text):
    """(language, body) of every top-level fenced code block (``` or ~~~), nested fences included."""
    return re.findall(r"^(?:```|~~~)[ \t]*([^\s`]*)[^\n]*\n(.*?)^(?:```|~~~)\s*$", text, re.M | re.S)


def syllabus():
    """{chapter: [slugs]} from docs/_data/SYLLABUS.md, a copy of the project's syllabus."""
    return syllabus_chapters(parse_syllabus((DOCS / "_data" / "SYLLABUS.md").read_text()))


def test_there_are_concept_pages():
    assert len(PAGES) >= 30


@pytest.mark.parametrize("chapter", REGISTRY, ids=lambda c: c.slug)
def test_registry_chapter_has_its_folders_and_modules(chapter):
    """A complete chapter has all its parts; an incomplete one has nothing outside the registry's names."""
    parts = {
        "index page": (DOCS / chapter.slug / "index.md").is_file(),
        "gallery folder": (EXAMPLES / chapter.gallery / "README.rst").is_file(),
        **{f"module {m}": m in chapter.existing_modules() for m in chapter.modules},
    }
    if chapter.complete:
        assert all(parts.values()), (
            f"complete chapter {chapter.slug} lacks {[k for k, v in parts.items() if not v]}"
        )
    pages = [c for _, c in PAGES if c.chapter == chapter.slug]
    if pages:
        assert parts["index page"], f"{chapter.slug} has pages but no docs/{chapter.slug}/index.md"


def test_every_folder_and_module_belongs_to_a_registered_chapter():
    """What the registry does not list would be missing from the toctree, the gallery or the API."""
    page_folders = {p.relative_to(DOCS).parts[0] for p, _ in PAGES}
    assert page_folders <= {c.slug for c in REGISTRY}, page_folders
    galleries = {d.name for d in EXAMPLES.iterdir() if d.is_dir() and not d.name.startswith(("_", "."))}
    assert galleries <= {c.gallery for c in REGISTRY}, galleries
    public = {
        f"mlmath_ref.{m.name}"
        for m in pkgutil.iter_modules(mlmath_ref.__path__)
        if not m.name.startswith("_")
    }
    assert public <= {m for c in REGISTRY for m in c.modules}, public


@pytest.mark.parametrize("chapter", COMPLETE_CHAPTERS)
def test_every_syllabus_concept_has_its_page(chapter):
    have = {c.slug for _, c in PAGES if c.chapter == chapter}
    missing = [s for s in syllabus()[chapter] if s not in have]
    assert not missing, f"chapter {chapter}: no page for {missing}"


@pytest.mark.parametrize("path, concept", PAGES, ids=PAGE_IDS)
class TestAnatomy:
    """Every concept page has the anatomy of CONTRIBUTING.md, section 3."""

    def test_label_title_and_location(self, path, concept):
        text = path.read_text()
        assert re.search(rf"^\(concept-{concept.slug}\)=\n# \S", text, re.M), "label line then H1 title"
        assert path.parent.name == concept.chapter, "page lives in its chapter's folder"
        assert path.stem == concept.slug, "file named after its slug"

    def test_sections_in_order(self, path, concept):
        headings = re.findall(r"^## (.+?)\s*$", path.read_text(), re.M)
        assert headings == ANATOMY

    def test_numbered_labelled_definition(self, path, concept):
        blocks = re.findall(r"^:::+\{prf:definition\}[^\n]*\n((?::\w+:[^\n]*\n)*)", path.read_text(), re.M)
        assert blocks, "at least one {prf:definition} block"
        assert all(re.search(r":label: [a-z0-9-]+", opts) for opts in blocks), (
            "every definition has a :label:"
        )

    def test_doctested_example(self, path, concept):
        assert any(lang == "python" and ">>> " in body for lang, body in fences(path.read_text()))

    def test_cross_reference_into_mlmath_ref(self, path, concept):
        assert re.search(r"\{(func|class|mod|meth)\}`~?mlmath_ref\.", path.read_text())

    def test_figure_from_gallery(self, path, concept):
        text = path.read_text()
        figures = re.findall(
            r"^```\{figure\} /auto_examples/(\w+)/images/sphx_glr_(\w+?)_\d{3}\.png\n((?::\w+:.*\n)*)",
            text,
            re.M,
        )
        assert figures, "at least one figure drawn by the gallery"
        for subdir, stem, options in figures:
            assert (EXAMPLES / subdir / f"{stem}.py").exists(), f"figure from missing example {stem}"
            assert ":alt:" in options, "every figure has alt text"

    def test_length(self, path, concept):
        body = re.sub(r"^(```|~~~).*?^(```|~~~)\s*$", "", path.read_text(), flags=re.M | re.S)
        words = len(re.findall(r"[A-Za-z]{2,}", body))
        assert 400 <= words <= 2500, f"{words} words"


@pytest.mark.parametrize("path", md_pages(), ids=[str(p.relative_to(DOCS)) for p in md_pages()])
def test_every_code_block_is_executed(path):
    """Code shown on a page runs under pytest (Sybil runs ``python`` fences); no other language sneaks in."""
    for lang, _ in fences(path.read_text()):
        if lang.startswith("{"):
            continue  # a directive (figure, dropdown, eval-rst, ...), not code
        assert lang == "python" or lang in NOT_EXECUTED_LANGUAGES, f"code fence in language {lang!r}"


@pytest.mark.parametrize("chapter", COMPLETE_CHAPTERS)
def test_chapter_toctree_lists_its_pages_in_prerequisite_order(chapter):
    text = (DOCS / chapter / "index.md").read_text()
    (toctree,) = re.findall(r"```\{toctree\}\n(.*?)```", text, re.S)
    listed = [line.strip() for line in toctree.splitlines() if line.strip() and not line.startswith(":")]
    pages = {c.slug: c for _, c in PAGES if c.chapter == chapter}
    assert sorted(listed) == sorted(pages), "the toctree lists exactly the chapter's pages"
    for slug, concept in pages.items():
        for p in concept.prerequisites:
            if p in pages:
                assert listed.index(p) < listed.index(slug), f"{p} must come before {slug}"


EXAMPLE_FILES = sorted(EXAMPLES.glob("*/plot_*.py"))


# How many gallery examples the issues that asked for each group of chapters required. A group is
# checked once all its chapters are complete; a chapter in no group has no minimum beyond one figure
# per concept page (test_figure_from_gallery).
EXAMPLE_MINIMUMS = {
    ("fundamentals", "linear-algebra"): 12,
    ("calculus", "multivariate-calculus"): 12,
    ("probability",): 14,
    ("optimization", "statistics"): 16,
    ("neural-networks",): 12,
}


BY_SLUG = {c.slug: c for c in REGISTRY}
COMPLETE_GROUPS = [g for g in EXAMPLE_MINIMUMS if all(BY_SLUG[slug].complete for slug in g)]


def test_example_minimums_name_registered_chapters():
    assert {slug for group in EXAMPLE_MINIMUMS for slug in group} <= set(BY_SLUG)


@pytest.mark.parametrize("group", COMPLETE_GROUPS, ids="+".join)
def test_enough_gallery_examples(group):
    count = sum(len(list((EXAMPLES / BY_SLUG[slug].gallery).glob("plot_*.py"))) for slug in group)
    assert count >= EXAMPLE_MINIMUMS[group], count


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_gallery_example_conventions(path):
    """CONTRIBUTING.md, section 4: title, concept link, cells, seeded randomness, a final numeric check."""
    source = path.read_text()
    tree = ast.parse(source)
    doc = ast.get_docstring(tree)
    assert doc and re.match(r".+\n=+\n", doc), "opens with a title docstring"
    assert ":ref:`concept-" in doc, "links its concept page"
    assert source.count("# %%") >= 2, "split into # %% cells"
    assert "sys.path" not in source
    assert not re.search(r"np\.random\.(rand|randn|seed|normal|uniform|choice|randint)\(", source), (
        "draw randomness from one seeded np.random.default_rng(...)"
    )
    assert "default_rng()" not in source, "the generator must be seeded"
    last_cell = source.rsplit("# %%", 1)[1]
    assert "Check" in last_cell.splitlines()[1], "the last cell is the Check"
    assert re.search(r"\bassert\b|np\.testing\.assert_", last_cell), "the Check asserts something"


PUBLIC_MODULES = [m for c in REGISTRY for m in c.existing_modules()]


def public_functions():
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for fname in module.__all__:
            yield name, fname, getattr(module, fname)


@pytest.mark.parametrize(
    "module, name, func", list(public_functions()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_public_function_is_documented_and_taught(module, name, func):
    doc = func.__doc__ or ""
    assert func.__module__ == module, "documented under its public module"
    assert ":ref:`concept-" in doc, "the docstring links its concept page"
    assert "Examples\n    --------" in doc and ">>> " in doc, "the docstring has doctested examples"
    assert "See Also\n    --------" in doc, "the docstring points to related functions"
    pages_text = "".join(p.read_text() for p, _ in PAGES)
    assert f"{module}.{name}`" in pages_text, "some concept page cross-references it"
