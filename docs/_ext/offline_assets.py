"""The pinned web tools: MathJax (for build-time math), axe-core and the Nu HTML Checker.

The versions are pinned in ``docs/package.json`` and ``docs/package-lock.json``. At the
start of a build this extension makes sure that ``npm ci`` has installed them into a cache
outside the source tree (``~/.cache/mlmath-ref/web-assets/<hash of the lock file>``, or
``$MLMATH_WEB_ASSETS_CACHE/<hash>``) and tells ``math_static`` where MathJax is
(``app.offline_mathjax_source``): the formulas are then typeset when the site is built and
the site serves only MathJax's font, never its engine.

When npm is missing or fails, the build says so in one message (not a warning: the site is
built with ``-W``) and keeps Sphinx's default: MathJax typesets in the browser, loaded from a
CDN, so math still renders for readers who are online.

The same cache holds the browser-test tools (axe-core and the Nu HTML Checker);
``node_modules()`` returns it for the tests.
"""

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
PACKAGE_FILES = ("package.json", "package-lock.json")
MATHJAX_ENTRY = "tex-mml-chtml.js"  # present once npm ci has installed MathJax


def lock_hash(package_dir=DOCS):
    digest = hashlib.sha256()
    for name in PACKAGE_FILES:
        digest.update((Path(package_dir) / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_root():
    base = os.environ.get("MLMATH_WEB_ASSETS_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "mlmath-ref" / "web-assets"


def node_modules():
    """The ``node_modules`` folder for the current lock file (it may not exist yet)."""
    return cache_root() / lock_hash() / "node_modules"


def npm_ci(package_dir, cache, marker):
    """``npm ci`` the lock file of ``package_dir`` into ``cache/<lock hash>/node_modules``.

    Nothing is done when ``marker`` (a path inside node_modules) is there already. Returns
    None, or why it could not install. Also used by tools/lighthouse.py.
    """
    target = Path(cache) / lock_hash(package_dir) / "node_modules"
    if (target / marker).is_file():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm (Node.js) is not installed"
    target.parent.parent.mkdir(parents=True, exist_ok=True)
    # Install into a temporary folder, then rename: two builds at once never see half a tree.
    with tempfile.TemporaryDirectory(dir=target.parent.parent) as tmp:
        for name in PACKAGE_FILES:
            shutil.copy2(Path(package_dir) / name, Path(tmp) / name)
        # --ignore-scripts: nothing pinned here needs an install script (vnu-jar's would try
        # to download a Java runtime).
        cmd = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        try:
            result = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"`npm ci` could not run ({error})"
        if result.returncode != 0:
            tail = " ".join((result.stderr or result.stdout).split()[-40:])
            return f"`npm ci` failed ({tail})"
        try:
            Path(tmp).rename(target.parent)
        except OSError:
            if not (target / marker).is_file():  # not another build's install
                raise
    return None


def ensure_installed():
    """Install the pinned web assets unless they are there; return None or why not."""
    return npm_ci(DOCS, cache_root(), f"mathjax/{MATHJAX_ENTRY}")


def _on_config_inited(app, config):
    app.offline_mathjax_source = None
    if not config.offline_mathjax:
        return
    problem = ensure_installed()
    if problem:
        logger.info(
            "offline_assets: %s, so this build loads MathJax from a CDN: math needs the network. "
            "Install Node.js with npm to typeset the math when the site is built.",
            problem,
        )
        return
    app.offline_mathjax_source = node_modules()


def setup(app):
    app.add_config_value("offline_mathjax", True, "html", types=frozenset({bool}))
    # After sphinx.ext.mathjax registered its values (priority 500 is the default).
    app.connect("config-inited", _on_config_inited, priority=800)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
