"""Sessions that keep the docs, the doctests and the gallery in sync.

    nox -s docs      build the HTML site (warnings are errors, every example runs)
    nox -s tests     every test: unit tests, docstring examples, the code in every
                     page, the site's own rules, and a -W build of the site
    nox -s lint      ruff and numpydoc validation of the public API
    nox -s serve     live preview with sphinx-autobuild
    nox -s bench     benchmarks of linalg and autodiff against NumPy (figures, never a test)
    nox -s bench_build
                     time the site's build: clean, no-op, one page or example edited,
                     gallery and site size; writes docs/_data/build-benchmark.json
    nox -s browser   build the site, then test every page in Debian's chromium (Playwright):
                     offline, no console error, math rendered, images, axe-core, links
    nox -s lighthouse
                     Lighthouse scores of a concept, an API and a gallery page (fails when
                     accessibility is under 100)
    nox -s repro     build twice from clean with the same SOURCE_DATE_EPOCH and compare
    nox -s bench_ci  time CI's sessions from a fresh clone; project them to the whole syllabus
    nox -s path -- backpropagation softmax
                     print the reading list (every prerequisite, in order, with links
                     and the site version) to the given concepts; ``--list`` lists them

Options for docs (and serve) after ``--``:

    --rerun-all        re-run every gallery example (after a change in mlmath_ref;
                       otherwise an example re-runs only when its own file changes)
    --example NAME     re-run only the example(s) whose path matches NAME
    --no-gallery       build without running any example (figures will be missing)
    --clean            remove every build output first
"""

import os
import shutil
import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent / "tools"))
from sphinx_command import sphinx_args  # noqa: E402  (the one sphinx-build command line)

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
# ``python -m nox`` with no session runs what CI runs: every check.
nox.options.sessions = ["lint", "tests", "browser", "repro"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON = "3.11"
BUILD_OUTPUTS = [
    "docs/_build",
    "docs/auto_examples",
    "docs/api/generated",
    "docs/gen_modules",
    "docs/sg_execution_times.rst",
    "docs/coming",  # notes for the pages still to come (docs/_ext/coming_notes.py)
]
CHROMIUM = "/usr/bin/chromium"
# PyTorch is a test oracle (the optimizers and the neural-network layers are compared with it).
# Its CPU build lies on the disk of the machines CI runs on; from the package index, torch pulls
# gigabytes of CUDA libraries. Anywhere else the tests that need it say so and are skipped.
TORCH = ["torch==2.13.0+cpu", "--find-links", "/opt/wheels"]
SPHINX_BUILD = ["sphinx-build", *sphinx_args()]


def install(session, *groups):
    """Install the package (editable) and the given dependency groups of pyproject.toml."""
    # Some machines set PYTHONDONTWRITEBYTECODE; then every build recompiles Sphinx, matplotlib
    # and friends from source (about 5 s a build). The session's own venv may keep its bytecode.
    session.env["PYTHONDONTWRITEBYTECODE"] = ""
    requirements = []
    for group in groups:
        requirements += nox.project.dependency_groups(PYPROJECT, group)
    session.install(*requirements)
    session.install("-e", ".", "--no-deps")


def clean():
    for path in BUILD_OUTPUTS:
        target = ROOT / path
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def sphinx_options(session):
    """Translate the documented options after ``--`` into sphinx-build ``-D`` settings."""
    args, options = list(session.posargs), []
    while args:
        arg = args.pop(0)
        if arg == "--clean":
            clean()
        elif arg == "--rerun-all":
            options += ["-D", "sphinx_gallery_conf.run_stale_examples=1"]
        elif arg == "--example":
            if not args:
                session.error("--example needs a name, e.g. --example plot_determinant_area")
            options += [
                "-D",
                f"sphinx_gallery_conf.filename_pattern={args.pop(0)}",
                "-D",
                "sphinx_gallery_conf.run_stale_examples=1",
            ]
        elif arg == "--no-gallery":
            options += ["-D", "plot_gallery=0"]
        else:
            session.error(f"unknown option {arg!r}; see the docstring of noxfile.py")
    return options


@nox.session(python=PYTHON)
def docs(session):
    """Build the HTML site into docs/_build/html."""
    install(session, "docs")
    session.run("sphinx-build", *sphinx_args("docs", "docs/_build/html", *sphinx_options(session)))
    session.log(f"Built. Open {ROOT / 'docs/_build/html/index.html'} in a browser.")


@nox.session(python=PYTHON)
def tests(session):
    """Every test that needs no browser; ``nox -s tests -- -k linalg`` passes options to pytest."""
    install(session, "tests")
    if Path(TORCH[-1]).is_dir():
        session.install(*TORCH)
    elif os.environ.get("CI"):
        session.error(f"PyTorch's CPU wheel is not in {TORCH[-1]}: CI needs it as a test oracle")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session):
    """Ruff (style, imports, bugs) and numpydoc validation of every public docstring."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    files = sorted(str(p) for p in Path("mlmath_ref").rglob("*.py"))
    session.run("python", "-m", "numpydoc", "lint", *files)


@nox.session(python=PYTHON)
def serve(session):
    """Live preview: rebuild on every save and reload the browser."""
    install(session, "serve")
    session.run(
        "sphinx-autobuild",
        "--watch",
        "mlmath_ref",
        "--watch",
        "examples",
        "--re-ignore",
        r"(auto_examples|gen_modules|api/generated)/",
        *sphinx_args("docs", "docs/_build/html", *sphinx_options(session)),
    )


@nox.session(python=PYTHON)
def bench(session):
    """Time mlmath_ref against NumPy (reported in notes, not asserted)."""
    install(session, "tests")
    for script in sorted(Path("benchmarks").glob("bench_*.py")):
        if script.name != "bench_build.py":  # the build's own benchmark: nox -s bench_build
            session.run("python", str(script))


@nox.session(python=PYTHON)
def bench_build(session):
    """Time the build (clean, no-op, one page edited, one example edited), the gallery, the site size.

    Works on a scratch copy of the sources and writes docs/_data/build-benchmark.json, which
    docs/maintaining.md shows (commit it with the machine's figures). Options after ``--`` go
    to benchmarks/bench_build.py, e.g. ``-- --repeat 5``. Takes about 5 minutes on 2 cores.
    """
    install(session, "docs")
    out = "docs/_data/build-benchmark.json"
    session.run("python", "benchmarks/bench_build.py", "--write", out, *session.posargs)


@nox.session(python=False)
def bench_ci(session):
    """Time CI's sessions from a fresh clone of HEAD and project them to the whole syllabus.

    Writes docs/_data/ci-benchmark.json, which docs/maintaining.md shows (commit it). Runs
    with the Python that runs nox, as CI does; about 15 minutes on 2 cores.
    """
    out = "docs/_data/ci-benchmark.json"
    session.run("python", "benchmarks/bench_ci.py", "--write", out, *session.posargs)


@nox.session(python=False)
def path(session):
    """Print the reading list to the concepts given after ``--`` (plain text, with links and version).

    Runs with the Python that runs nox: the command reads the sources only and needs no
    dependency (``--base-url URL`` sets the links' base; ``--list`` lists every concept).
    """
    if not session.posargs:
        session.error("name one or more concepts, e.g. nox -s path -- backpropagation softmax")
    session.run("python", str(ROOT / "docs" / "_ext" / "reading_list.py"), *session.posargs, external=True)


def ensure_system_tools(session, java=False):
    """Install Debian's chromium, npm (and Java, for the HTML checker) with apt-get when missing.

    npm installs the pinned MathJax, axe-core and HTML checker (docs/package-lock.json). Only
    as root on a machine with apt-get; anywhere else the session stops and names the packages.
    """
    missing = [] if Path(CHROMIUM).exists() else ["chromium"]
    if not shutil.which("npm"):
        missing.append("npm")
    if java and not shutil.which("java"):
        missing.append("default-jre-headless")
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        session.error(f"missing system packages: install them (sudo apt-get install -y {' '.join(missing)})")
    session.run_install("apt-get", "update", "-qq", external=True)
    session.run_install("apt-get", "install", "-y", "-qq", *missing, external=True)


@nox.session(python=PYTHON)
def browser(session):
    """Build the site, then test it in a real browser: ``pytest tests/site/browser`` (options after ``--``).

    Playwright drives Debian's chromium and never downloads a browser; the session installs
    chromium with apt-get when it is missing and it can (as root).
    """
    install(session, "browser")
    session.env["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"
    ensure_system_tools(session, java=True)
    session.run(*SPHINX_BUILD)
    session.run("pytest", "tests/site/browser", *session.posargs)


@nox.session(python=PYTHON)
def lighthouse(session):
    """Build the site, then print Lighthouse scores of a concept, an API and a gallery page.

    Fails when accessibility is under 100; the other scores are reported. ``-- --preset
    desktop`` for the desktop profile (mobile by default). Needs Node.js (npm) and chromium.
    """
    install(session, "docs")
    ensure_system_tools(session)
    session.run(*SPHINX_BUILD)
    session.run("python", "tools/lighthouse.py", *session.posargs)


@nox.session(python=PYTHON)
def repro(session):
    """Build the site twice from clean with the same SOURCE_DATE_EPOCH; fail on any difference.

    Each build starts from a fresh copy of the sources (every gallery example runs), so this
    takes two full builds (about 5 minutes on 2 cores). ``-- --keep`` keeps the two copies.
    """
    install(session, "docs")
    session.run("python", "tools/check_reproducible.py", *session.posargs)
