"""docs/_ext/offline_assets.py: MathJax from the site itself, or one clear message and the CDN."""

import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def tiny_site(tiny):
    pages = {"index.rst": "Home\n====\n\n.. math:: e^{i\\pi} + 1 = 0\n"}
    return tiny.write(["sphinx.ext.mathjax", "offline_assets"], pages)


def test_without_npm_the_build_says_so_once_and_uses_the_cdn(tiny, tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent), MLMATH_WEB_ASSETS_CACHE=str(tmp_path / "c"))
    result = tiny.build(tiny_site(tiny), tmp_path / "out", env, quiet=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("offline_assets: npm (Node.js) is not installed") == 1
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'src="https://cdn.jsdelivr.net/npm/mathjax@4' in html
    assert not (tmp_path / "out" / "_static" / "mathjax").exists()


def test_with_npm_mathjax_and_its_font_are_served_from_the_site(tiny, tmp_path):
    result = tiny.build(tiny_site(tiny), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'src="_static/mathjax/tex-mml-chtml.js"' in html
    assert '"fonts": "[mathjax]/fonts"' in html
    static = tmp_path / "out" / "_static" / "mathjax"
    assert (static / "tex-mml-chtml.js").is_file()
    assert (static / "fonts" / "mathjax-newcm-font" / "chtml.js").is_file()
    assert "cdn." not in html
