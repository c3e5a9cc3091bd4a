"""Serve MathJax from the site itself, so that math renders with no network.

The versions are pinned in ``docs/package.json`` and ``docs/package-lock.json``. At the
start of a build this extension makes sure that ``npm ci`` has installed them into a cache
outside the source tree (``~/.cache/mlmath-ref/web-assets/<hash of the lock file>``, or
``$MLMATH_WEB_ASSETS_CACHE/<hash>``), points ``mathjax_path`` at a copy in the build's
``_static/mathjax/`` and tells MathJax where its font is (otherwise MathJax 4 fetches the
font from a CDN). At the end of the build it copies the files MathJax needs in a browser
(about 10 MB) into ``_static/mathjax/``, only when they are missing or from another lock.

When npm is missing or fails, the build says so in one message (not a warning: the site is
built with ``-W``) and keeps Sphinx's default: MathJax from a CDN, so math still renders
for readers who are online.

The same cache holds the browser-test tools pinned in the same lock file (axe-core and the
Nu HTML Checker); ``node_modules()`` returns it for the tests.
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
MATHJAX_ENTRY = "tex-mml-chtml.js"
# What MathJax loads in a browser: the combined TeX/MathML -> CHTML component, the components
# it loads on demand (extensions, accessibility, the speech-rule engine's maps) and its licence.
MATHJAX_PARTS = (MATHJAX_ENTRY, "input", "output", "a11y", "sre", "ui", "LICENSE")
FONT_PACKAGE = "@mathjax/mathjax-newcm-font"
FONT_PARTS = ("chtml.js", "chtml", "LICENSE", "package.json")
STAMP = ".mlmath-lock-hash"


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
    if not config.offline_mathjax:
        return
    problem = ensure_installed()
    if problem:
        app.offline_mathjax_source = None
        logger.info(
            "offline_assets: %s, so this build loads MathJax from a CDN: math needs the network. "
            "Install Node.js with npm to serve MathJax from the site itself.",
            problem,
        )
        return
    app.offline_mathjax_source = node_modules()
    config.mathjax_path = f"mathjax/{MATHJAX_ENTRY}"
    mathjax_config = dict(config.mathjax4_config or {})
    loader = dict(mathjax_config.get("loader", {}))
    loader["paths"] = {**loader.get("paths", {}), "fonts": "[mathjax]/fonts"}
    mathjax_config["loader"] = loader
    config.mathjax4_config = mathjax_config


def _copy_parts(source, target, parts):
    for part in parts:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part)
        elif src.is_file():
            shutil.copy2(src, target / part)


def _on_build_finished(app, exception):
    source = getattr(app, "offline_mathjax_source", None)
    if exception is not None or source is None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "mathjax"
    stamp = target / STAMP
    if stamp.is_file() and stamp.read_text() == lock_hash():
        return
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    _copy_parts(source / "mathjax", target, MATHJAX_PARTS)
    font_target = target / "fonts" / FONT_PACKAGE.split("/")[1]
    font_target.mkdir(parents=True)
    _copy_parts(source / FONT_PACKAGE, font_target, FONT_PARTS)
    stamp.write_text(lock_hash())


def setup(app):
    app.add_config_value("offline_mathjax", True, "html", types=frozenset({bool}))
    # After sphinx.ext.mathjax registered its values (priority 500 is the default).
    app.connect("config-inited", _on_config_inited, priority=800)
    app.connect("build-finished", _on_build_finished)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
