"""The shape of the code: imports flow one way, and each extension file does one job.

CONTRIBUTING.md, sections 1 and 5. The import graph is read from the source
(``tools/import_graph.py``; imports inside functions count too).
"""

import ast
from pathlib import Path

import pytest
from import_graph import find_cycle, import_graph

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "docs" / "_ext"

# Files of docs/_ext allowed over MAX_EXT_LINES, with the reason. None so far.
MAX_EXT_LINES = 400
LONG_EXT_FILES = {}


def test_no_import_loop_in_the_extensions():
    # mlmath_ref's own graph is checked by tests/package/test_imports.py.
    graph = import_graph(EXT, "")
    assert "concepts" in graph["concept_graph"]  # the graph is read
    cycle = find_cycle(graph)
    assert cycle is None, f"import loop: {' -> '.join(cycle)}"


def test_the_loop_finder_finds_a_planted_loop(tmp_path):
    (tmp_path / "a.py").write_text("import b\n")
    (tmp_path / "b.py").write_text("def f():\n    from c import x\n")
    (tmp_path / "c.py").write_text("from a import y\n")
    (tmp_path / "d.py").write_text("import a\n")
    assert find_cycle(import_graph(tmp_path, "")) == ["a", "b", "c", "a"]
    (tmp_path / "c.py").write_text("import os\n")
    assert find_cycle(import_graph(tmp_path, "")) is None


def test_relative_imports_resolve(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from ._one import f\n")
    (pkg / "sub" / "_one.py").write_text("from .. import sub\nfrom ._two import g\n")
    (pkg / "sub" / "_two.py").write_text("")
    graph = import_graph(pkg, "pkg")
    assert graph["pkg.sub"] == {"pkg.sub._one"}
    assert graph["pkg.sub._one"] == {"pkg", "pkg.sub", "pkg.sub._two"}


@pytest.mark.parametrize("path", sorted(EXT.glob("*.py")), ids=lambda p: p.name)
def test_extension_files_do_one_job(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    limit = LONG_EXT_FILES.get(path.name, (MAX_EXT_LINES, ""))[0]
    assert lines <= limit, f"{path.name} has {lines} lines: split it by job (CONTRIBUTING.md, section 1)"
    first = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert first, "every extension file says in its docstring what its one job is"
