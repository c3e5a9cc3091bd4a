"""Math typeset when the site is built (docs/_ext/math_static.py), or MathJax from a CDN without npm.

A throw-away site with a few formulas is built with and without Node's npm on the PATH; the
real site's pages are checked by tests/site/test_site_build.py.
"""

import os
import re
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

PAGE = """\
Home
====

Inline :math:`e^{i\\pi} + 1 = 0` and :math:`\\mathbf{x}^\\top A \\mathbf{x}`, and displayed:

.. math:: \\sum_{k=1}^n k = \\frac{n(n+1)}{2}
   :label: gauss

See :eq:`gauss`.
"""


def tiny_site(tiny, page=PAGE):
    return tiny.write(["math_static"], {"index.rst": page})


def test_without_npm_the_build_says_so_once_and_uses_the_cdn(tiny, tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent), MLMATH_WEB_ASSETS_CACHE=str(tmp_path / "c"))
    result = tiny.build(tiny_site(tiny), tmp_path / "out", env, quiet=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("offline_assets: npm (Node.js) is not installed") == 1
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'src="https://cdn.jsdelivr.net/npm/mathjax@4' in html
    assert r"\(e^{i\pi} + 1 = 0\)" in html  # left for the browser to typeset
    assert not (tmp_path / "out" / "_static" / "mathjax").exists()


def test_with_npm_math_is_typeset_when_the_site_is_built(tiny, tmp_path):
    out = tmp_path / "out"
    result = tiny.build(tiny_site(tiny), out)
    assert result.returncode == 0, result.stderr
    html = (out / "index.html").read_text()
    assert "mathjax@4" not in html and "tex-mml-chtml" not in html, "no math engine is loaded"
    containers = re.findall(r'<mjx-container class="MathJax" jax="CHTML"[^>]*data-tex="([^"]*)"', html)
    assert containers == [
        r"e^{i\pi} + 1 = 0",
        r"\mathbf{x}^\top A \mathbf{x}",
        r"\sum_{k=1}^n k = \frac{n(n+1)}{2}",
    ]
    assert html.count("<mjx-assistive-mml") == 3, "the MathML screen readers read is kept"
    assert '<span class="eqno">(1)' in html and "data-latex" not in html
    css = (out / "_static" / "mathjax" / "chtml.css").read_text()
    fonts = re.findall(r'url\("(woff2/[^"]+)"\)', css)
    assert fonts and all((out / "_static" / "mathjax" / f).is_file() for f in fonts)
    assert 'href="_static/mathjax/chtml.css' in html and "math-copy.js" in html
    # A rebuild with nothing new to typeset uses the cache and writes the same stylesheet.
    (tiny_site_src := out.parent / "src" / "index.rst").write_text(PAGE + "\nMore text.\n")
    assert tiny.build(tiny_site_src.parent, out).returncode == 0
    assert (out / "_static" / "mathjax" / "chtml.css").read_text() == css


def test_a_tex_error_fails_the_build_naming_the_page(tiny, tmp_path):
    result = tiny.build(tiny_site(tiny, PAGE + "\nBroken :math:`\\frac{1}{`.\n"), tmp_path / "out")
    assert result.returncode != 0
    assert re.search(r"index\.rst:\d+: WARNING: math: Missing close brace", result.stderr), result.stderr
