"""Sphinx extension: typeset every formula when the site is built, not in the reader's browser.

A page's math is known at build time, so this renders it then, with MathJax 4 running in Node
(``math_render.cjs``, from the pinned ``mathjax`` package that ``offline_assets`` installs):
the HTML holds MathJax's CommonHTML output and the hidden MathML that screen readers use, and
the page loads one small stylesheet (``_static/mathjax/chtml.css``) and the font files its
formulas need. No math engine is downloaded, nothing reflows, and a TeX error fails the build
(a warning, naming the page), where the browser would have shown red text.

How it works:

- Before a page is written (``doctree-resolved``), its formulas are looked up in a cache kept
  with Sphinx's doctrees (``mathjax-static.json``); the ones not there are sent to the Node
  process in one batch. The math renderer ``mathjax_static`` then writes the stored HTML.
- At the end of the build, the stylesheet for everything typeset is merged into the cached one
  (MathJax adds CSS only for what it has typeset), written to ``_static/mathjax/chtml.css``,
  and the font files are copied beside it.
- A formula keeps its TeX in the ``data-tex`` attribute; ``math-copy.js`` puts it on the
  clipboard when a reader copies text that holds math.

When Node or the pinned MathJax is missing, ``offline_assets`` says so and this extension
leaves Sphinx's browser-side MathJax in place (loaded from a CDN).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import offline_assets
from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
RENDERER = HERE / "math_render.cjs"
CACHE_NAME = "mathjax-static.json"
CSS = "mathjax/chtml.css"  # under _static
FONTS = "mathjax/woff2"  # under _static; the CSS names them relative to itself
FONT_SOURCE = Path("@mathjax", "mathjax-newcm-font", "chtml", "woff2")
BLOCK = re.compile(r"[^{}]+\{[^{}]*\}", re.S)  # one CSS rule (MathJax writes no nested blocks)


def cache_version():
    """What the cached HTML depends on: the pinned MathJax (lock file) and this renderer."""
    digest = hashlib.sha256(offline_assets.lock_hash().encode() + RENDERER.read_bytes())
    return digest.hexdigest()[:16]


def formula_key(tex, display):
    return hashlib.sha1(f"{int(display)}\0{tex}".encode()).hexdigest()


def display_tex(node):
    """The TeX MathJax typesets for a displayed formula, as ``sphinx.ext.mathjax`` builds it."""
    if node.get("no-wrap", node.get("nowrap", False)):
        return node.astext()
    parts = [part for part in node.astext().split("\n\n") if part.strip()]
    parts = [rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts]
    if len(parts) > 1:
        return r"\begin{align}\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}\end{align}"
    return parts[0] if parts else ""


def css_blocks(css):
    """The rules of a stylesheet, each as its text, in order."""
    return [block.strip() for block in BLOCK.findall(css)]


class Renderer:
    """The Node process that typesets, started on first use, and the cache of what it typeset."""

    def __init__(self, node_modules, cache_file):
        self.node_modules = Path(node_modules)
        self.cache_file = Path(cache_file)
        self.process = None
        self.cache = {"version": cache_version(), "formulas": {}, "css": []}
        if self.cache_file.is_file():
            try:
                data = json.loads(self.cache_file.read_text(encoding="utf-8"))
                if data.get("version") == self.cache["version"]:
                    self.cache = data
            except ValueError:
                pass  # a damaged cache is rebuilt
        self.dirty = False

    def _request(self, payload):
        if self.process is None:
            env = dict(os.environ, NODE_PATH=str(self.node_modules))
            self.process = subprocess.Popen(
                ["node", str(RENDERER), "woff2"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=env,
            )
        self.process.stdin.write(json.dumps(payload) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the MathJax process (math_render.cjs) stopped")
        answer = json.loads(line)
        if "fatal" in answer:
            raise RuntimeError(f"MathJax failed: {answer['fatal']}")
        return answer

    def render(self, formulas):
        """[(html, error or None)] of [(tex, display)], from the cache or typeset now."""
        known = self.cache["formulas"]
        missing = sorted({(t, d) for t, d in formulas if formula_key(t, d) not in known})
        if missing:
            answer = self._request({"formulas": [{"tex": t, "display": d} for t, d in missing]})
            for (tex, display), html, error in zip(missing, answer["html"], answer["errors"], strict=True):
                known[formula_key(tex, display)] = [html, error]
            self.dirty = True
        return [tuple(known[formula_key(t, d)]) for t, d in formulas]

    def stylesheet(self):
        """The cached CSS rules, with those of everything typeset by this build added in order."""
        if self.process is not None:
            seen = set(self.cache["css"])
            new = [b for b in css_blocks(self._request({"stylesheet": True})["css"]) if b not in seen]
            if new:
                self.cache["css"] += new
                self.dirty = True
        return "\n\n".join(self.cache["css"]) + "\n"

    def close(self):
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
            self.process = None
        if self.dirty:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            self.cache_file.write_text(json.dumps(self.cache, sort_keys=True), encoding="utf-8")
            self.dirty = False


def _renderer(app):
    return getattr(app, "math_static_renderer", None)


def _on_config_inited(app, config):
    """Use the build-time renderer when the pinned MathJax and Node are there."""
    source = getattr(app, "offline_mathjax_source", None)
    if source is None or shutil.which("node") is None:
        config.html_math_renderer = "mathjax"  # offline_assets has said why: MathJax in the browser
        return
    config.html_math_renderer = "mathjax_static"
    app.math_static_source = source


def _on_builder_inited(app):
    source = getattr(app, "math_static_source", None)
    if source is not None and app.builder.format == "html":
        app.math_static_renderer = Renderer(source, Path(app.doctreedir) / CACHE_NAME)
        # Site-wide, not per page: page_assets joins every stylesheet into one file.
        app.add_css_file(CSS)
        app.add_js_file("math-copy.js", loading_method="defer")


def _on_doctree_resolved(app, doctree, docname):
    """Typeset every formula of the page in one batch, before the page is written."""
    renderer = _renderer(app)
    if renderer is None:
        return
    found = [(n, n.astext(), False) for n in doctree.findall(nodes.math)]
    found += [(n, display_tex(n), True) for n in doctree.findall(nodes.math_block)]
    if not found:
        return
    results = renderer.render([(tex, display) for _, tex, display in found])
    for (node, tex, _display), (html, error) in zip(found, results, strict=True):
        node["mathjax_html"] = html
        if error:
            logger.warning(f"math: {error} in {tex!r}", location=node, type="math", subtype="tex")


def _html_of(self, node, display):
    html = node.get("mathjax_html")
    if html is None:  # a formula added after doctree-resolved: typeset it alone
        tex = display_tex(node) if display else node.astext()
        html, _error = _renderer(self.builder.app).render([(tex, display)])[0]
    return html


def visit_math(self, node):
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(_html_of(self, node, False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node):
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(_html_of(self, node, True) + "</div>\n")
    raise nodes.SkipNode


def _on_build_finished(app, exception):
    renderer = _renderer(app)
    if renderer is None:
        return
    try:
        if exception is None:
            target = Path(app.outdir, "_static", CSS)
            target.parent.mkdir(parents=True, exist_ok=True)
            css = renderer.stylesheet()
            if not target.is_file() or target.read_text(encoding="utf-8") != css:
                target.write_text(css, encoding="utf-8")
            fonts = Path(app.outdir, "_static", FONTS)
            if not fonts.is_dir():
                shutil.copytree(app.math_static_source / FONT_SOURCE, fonts)
    finally:
        renderer.close()


def setup(app):
    app.setup_extension("sphinx.ext.mathjax")  # the fallback when Node is missing
    app.setup_extension("offline_assets")
    app.add_html_math_renderer("mathjax_static", (visit_math, None), (visit_displaymath, None))
    app.connect("config-inited", _on_config_inited, priority=900)  # after offline_assets (800)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("doctree-resolved", _on_doctree_resolved, priority=900)  # after others add math
    app.connect("build-finished", _on_build_finished)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": False}
