"""docs/_ext/offline_assets.py: MathJax from the site itself, or one clear message and the CDN."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "docs" / "_ext"
pytestmark = pytest.mark.build


def tiny_site(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        textwrap.dedent(f"""\
        import sys
        sys.path.insert(0, {str(EXT)!r})
        extensions = ["sphinx.ext.mathjax", "offline_assets"]
        """)
    )
    (src / "index.rst").write_text("Home\n====\n\n.. math:: e^{i\\pi} + 1 = 0\n")
    return src


def build(src, out, env):
    cmd = [sys.executable, "-m", "sphinx", "-W", "-b", "html", str(src), str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env)


def test_without_npm_the_build_says_so_once_and_uses_the_cdn(tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent), MLMATH_WEB_ASSETS_CACHE=str(tmp_path / "c"))
    result = build(tiny_site(tmp_path), tmp_path / "out", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("offline_assets: npm (Node.js) is not installed") == 1
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'src="https://cdn.jsdelivr.net/npm/mathjax@4' in html
    assert not (tmp_path / "out" / "_static" / "mathjax").exists()


def test_with_npm_mathjax_and_its_font_are_served_from_the_site(tmp_path):
    result = build(tiny_site(tmp_path), tmp_path / "out", dict(os.environ))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'src="_static/mathjax/tex-mml-chtml.js"' in html
    assert '"fonts": "[mathjax]/fonts"' in html
    static = tmp_path / "out" / "_static" / "mathjax"
    assert (static / "tex-mml-chtml.js").is_file()
    assert (static / "fonts" / "mathjax-newcm-font" / "chtml.js").is_file()
    assert "cdn." not in html
