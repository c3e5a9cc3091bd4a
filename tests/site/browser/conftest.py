"""Fixtures for the browser tests: the built site, a local server and Debian's chromium.

``nox -s browser`` builds the site first; run alone, these tests reuse ``docs/_build/html``
(or ``$MLMATH_SITE_DIR``) and build it only when it is missing. Playwright drives the
system chromium (``/usr/bin/chromium`` or ``$CHROMIUM``): it never downloads a browser.
Plain Playwright, not pytest-playwright (whose deprecation warning fails ``-W error``).
"""

import os
import subprocess
from pathlib import Path

import pytest
from serve_site import serve  # tools/serve_site.py (on pytest's pythonpath)
from sphinx_command import sphinx_command
from visits import CHROMIUM, CHROMIUM_ARGS  # tests/site/browser/visits.py

ROOT = Path(__file__).resolve().parents[3]
SITE = Path(os.environ.get("MLMATH_SITE_DIR", ROOT / "docs" / "_build" / "html"))
ARTIFACTS = ROOT / "docs" / "_build" / "browser-artifacts"
# Folders of the build that hold assets, not pages.
NOT_PAGES = {"_static", "_sources", "_downloads", "_images"}


def site_pages():
    """Every HTML page of the built site, as paths relative to its root."""
    if not (SITE / "index.html").is_file():
        return []
    return sorted(
        p.relative_to(SITE).as_posix()
        for p in SITE.rglob("*.html")
        if not NOT_PAGES & set(p.relative_to(SITE).parts)
    )


@pytest.fixture(scope="session")
def site():
    if not (SITE / "index.html").is_file():
        subprocess.run(sphinx_command(ROOT / "docs", SITE, quiet=True), check=True, cwd=ROOT)
    return SITE


@pytest.fixture(scope="session")
def base_url(site):
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def serve_folder():
    """A function that serves a folder for one test and returns its URL."""
    servers = []

    def start(directory):
        server, url = serve(directory)
        servers.append(server)
        return url

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_generate_tests(metafunc):
    # ``page_path``: one test per page of the built site (the site must be built first).
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", site_pages())
