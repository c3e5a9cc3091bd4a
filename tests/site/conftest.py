"""Fixtures of the site tests: the real site, built once, and throw-away sites for the extensions.

Every build here uses the one sphinx-build command line of ``tools/sphinx_command.py``.
"""

import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from sphinx_command import sphinx_command

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "docs" / "_ext"


@pytest.fixture(scope="session")
def site():
    """Build docs/ into docs/_build/html exactly as ``nox -s docs`` does (incremental), once."""
    result = subprocess.run(sphinx_command(), capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return ROOT / "docs" / "_build" / "html"


def chapters_toml(chapters):
    """A chapter registry (docs/_data/chapters.toml format) for [(slug, stage)] or [(slug, stage, title)]."""
    out = []
    for entry in chapters:
        slug, stage, title = (*entry, entry[0].title())[:3]
        gallery = slug.replace("-", "_")
        out.append(
            f'[[chapter]]\nslug = "{slug}"\ntitle = "{title}"\nstage = {stage}\ngallery = "{gallery}"\n'
            f'modules = ["mlmath_ref.{gallery}"]\ncomplete = false\n'
        )
    return "\n".join(out)


def write_tiny_site(root, extensions, pages, conf="", chapters=None):
    """Write a throw-away Sphinx project into the new folder `root` and return it.

    `extensions` are loaded from docs/_ext (on the path) and the installed packages; `pages`
    maps file names to their text; `conf` is appended to conf.py; `chapters` (see
    :func:`chapters_toml`) writes ``_data/chapters.toml``.
    """
    src = Path(root)
    src.mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXT)!r})\nextensions = {list(extensions)!r}\n"
        + textwrap.dedent(conf)
    )
    if chapters is not None:
        (src / "_data").mkdir()
        (src / "_data" / "chapters.toml").write_text(chapters_toml(chapters))
    for name, text in pages.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text)
    return src


def build_tiny_site(src, out, env=None, quiet=True):
    """Build a throw-away site with the site's own command line; return the finished process."""
    return subprocess.run(
        sphinx_command(src, out, quiet=quiet),
        capture_output=True,
        text=True,
        cwd=src,
        env=env or dict(os.environ),
    )


class TinySites:
    """Write and build throw-away sites under one test's temporary folder."""

    chapters_toml = staticmethod(chapters_toml)
    build = staticmethod(build_tiny_site)

    def __init__(self, root):
        self.root = Path(root)

    def write(self, extensions, pages, conf="", chapters=None, name="src"):
        return write_tiny_site(self.root / name, extensions, pages, conf, chapters)


@pytest.fixture
def tiny(tmp_path):
    """:class:`TinySites` in this test's temporary folder: ``tiny.write(...)``, ``tiny.build(src, out)``."""
    return TinySites(tmp_path)
