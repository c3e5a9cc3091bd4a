"""Sphinx configuration for the ML Math Reference site.

Everything a page shows is executed: docstring examples (doctests), the code
in pages (Sybil, under pytest) and the gallery (sphinx-gallery, at every build).
The build runs with ``-W --keep-going -n``: warnings are errors and every
cross-reference must resolve.
"""

import sys
from pathlib import Path

import mlmath_ref

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))  # our own Sphinx extensions (docs/_ext)

import chapters  # noqa: E402  (docs/_ext, just put on the path: the chapter registry)
from cite import site_baseurl  # noqa: E402

CHAPTERS = chapters.load(HERE / "_data" / "chapters.toml")

project = "ML Math Reference"
author = "The ML Math Reference authors"
copyright = "2026, The ML Math Reference authors. Text and figures CC BY 4.0, code MIT"
release = version = mlmath_ref.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "math_static",  # formulas typeset when the site is built (MathJax 4 in Node)
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinx_proof",
    "sphinxcontrib.bibtex",
    "concept_graph",  # the concept graph, its checks and what it shows (docs/_ext/concept_graph.py)
    "api_index",  # the API reference's module list, from the chapter registry
    "offline_assets",  # the pinned web tools: MathJax, axe-core, the HTML checker
    "reproducible",  # fixed file times in the gallery's zip downloads
    "build_benchmark",  # the {build-benchmark} table on maintaining.md
    "page_meta",  # a meta description per page, from its first paragraph
    "block_links",  # a visible link to every labeled definition and theorem block
    "previews",  # hover and focus previews of definitions (cards built with the site)
    "page_assets",  # one purged stylesheet, deferred scripts, sized and lazy images
    "image_optimize",  # the gallery's figures recompressed without loss (oxipng)
]

exclude_patterns = ["_build", "_data", "**/README.md", "Thumbs.db", ".DS_Store", "conftest.py"]
templates_path = ["_templates"]
nitpicky = True
# Builtin exceptions named in the numpydoc "Raises" sections. Intersphinx is left out
# on purpose so that the build never needs the network; these are the names it would
# have resolved.
nitpick_ignore = [
    ("py:exc", "ValueError"),
    ("py:exc", "TypeError"),
    ("py:exc", "numpy.linalg.LinAlgError"),
    ("py:class", "numpy.linalg.LinAlgError"),
]
# The "See Also" sections name the NumPy and SciPy routines each function is checked
# against. Without intersphinx those names cannot be links; they render as plain code.
nitpick_ignore_regex = [
    (r"py:(obj|func|class|meth|mod)", r"(numpy|scipy|math|itertools)(\..*)?"),
]
# sphinx-proof copies its proof.css into _static at the end of every build, so every
# incremental build would warn that the file exists already. That is the only
# copy_overwrite warning this site can produce (our own static files are never copied twice).
suppress_warnings = ["misc.copy_overwrite"]

# -- MyST -------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
myst_dmath_double_inline = True

# -- Numbered definitions and theorems (sphinx-proof) -------------------------
numfig = True
# Definitions, theorems and figures are numbered chapter.page.n ("Definition 2.14.1"), so a
# number names one block on the whole site; the label (e.g. def-composition) is the stable anchor.
numfig_secnum_depth = 2
proof_number_weight = "bold"

# -- Concept graph (docs/_ext/concept_graph.py) --------------------------------
# Chapters, their titles and roadmap stages come from the chapter registry,
# docs/_data/chapters.toml; moved slugs and anchors from docs/_data/redirects.toml.

# -- API reference ---------------------------------------------------------------
# docs/api/index.md lists the modules with {chapter-modules} (docs/_ext/api_index.py), which
# generates their pages; autosummary still scans every page for its own directives.
autosummary_generate = True
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
# Every docstring is validated at build time; with -W a finding fails the build.
# Left out: ES01 (extended summary) is optional for one-line helpers; SA01 (See Also)
# and EX01 (Examples) are checked by tests/site/test_site_rules.py for public functions.
numpydoc_validation_checks = {"all", "ES01", "SA01", "EX01", "GL08"}

# -- Gallery -------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": ["../examples"],
    "gallery_dirs": ["auto_examples"],
    # Chapters in reading order (the registry), each folder that exists.
    "subsection_order": chapters.gallery_order(CHAPTERS, HERE.parent / "examples"),
    "within_subsection_order": "FileNameSortKey",
    "filename_pattern": r"/plot_",
    "backreferences_dir": "gen_modules/backreferences",
    "doc_module": ("mlmath_ref",),
    "download_all_examples": False,
    "remove_config_comments": True,
    # Every figure gets the house style (a tight bounding box with a white margin) and is
    # checked before it is saved: no axes without data (docs/_ext/gallery_figures.py).
    "reset_modules": ("matplotlib", "gallery_figures.house_style"),
    "image_scrapers": ("gallery_figures.checked_matplotlib_scraper",),
    "matplotlib_animations": False,
    "show_memory": False,
    "show_signature": False,
    # Reproducible output: two builds of the same sources give the same bytes. No
    # "Total running time" line (no example runs for a day) and no execution-time pages
    # (they also load DataTables from a CDN).
    "min_reported_time": 86400,
    "write_computation_times": False,
    # A last expression that returns a matplotlib object (ax.legend()) would print its
    # repr, "<matplotlib.legend.Legend object at 0x7f...>": noise for readers, and the
    # address changes from run to run.
    "ignore_repr_types": r"matplotlib\.",
}

# -- Bibliography --------------------------------------------------------------
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# -- Copy buttons: copy code without ">>> " prompts and without output ---------
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"

# -- HTML ------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "ML Math Reference"
# The site's public address: permalinks, "Cite this page", the reading lists and the canonical
# links use it. Set MLMATH_BASEURL when building the published site (e.g.
# https://example.org/mlmath/). Without it no host is invented: no canonical link, and the cite
# box shows the address the page is served from (docs/_ext/cite.py).
html_baseurl = site_baseurl()
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["mlmath.css", "icons.css"]
html_js_files = [
    "path-builder.js",  # the reading-list builder on paths/index (no-op elsewhere)
    "cite-here.js",  # the address the page is served from, in the cite box and reading lists
]
html_context = {"default_mode": "auto"}
html_theme_options = {
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
    "show_navbar_depth": 1,
    # The sidebar lists the chapters and the current chapter's pages, not every page of the
    # site: at 350 pages the whole tree would weigh about 80 kB on every page.
    "collapse_navbar": True,
}
html_last_updated_fmt = None
html_show_sourcelink = False
# The per-domain index pages (a list of every proof block, a one-line module index) add
# about a second to every build and are covered better by the glossary and the API pages.
html_domain_indices = False
