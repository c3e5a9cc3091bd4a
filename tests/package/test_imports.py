"""The import graph of :mod:`mlmath_ref`: imports flow one way, and NumPy is the only dependency.

The graph is read by ``tools/import_graph.py``: every ``import`` statement counts, including
one inside a function (a lazy import hides a loop from Python but not from a reader).
"""

import ast
import sys
from pathlib import Path

import pytest
from import_graph import find_cycle
from import_graph import import_graph as package_graph
from import_graph import imports_of as graph_imports

PACKAGE = Path(__file__).resolve().parents[2] / "mlmath_ref"


def imports_of(path):
    """The names of the modules imported anywhere in the file at `path` (absolute imports only)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: use absolute imports (from mlmath_ref...)"
    return graph_imports(path, "", False)


def import_graph():
    """Module name -> the mlmath_ref modules it imports (a package counts as its __init__)."""
    return package_graph(PACKAGE, "mlmath_ref")


def test_find_cycle_finds_a_loop():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_package_has_no_import_loop():
    graph = import_graph()
    assert "mlmath_ref.autodiff._scalar" in graph["mlmath_ref.autodiff._graph"]  # the graph is read
    cycle = find_cycle(graph)
    assert cycle is None, "import loop: " + " -> ".join(cycle)


@pytest.mark.parametrize(
    "module", ["mlmath_ref._checks", "mlmath_ref._numerics", "mlmath_ref.autodiff._toposort"]
)
def test_shared_private_modules_import_no_chapter_module(module):
    allowed = {"mlmath_ref._checks"}  # the only dependency a shared module may have inside the package
    assert import_graph()[module] <= allowed


def test_numpy_is_the_only_runtime_dependency():
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    for path in PACKAGE.rglob("*.py"):
        outside = {name.split(".")[0] for name in imports_of(path)} - stdlib - {"mlmath_ref", "numpy"}
        assert not outside, f"{path.relative_to(PACKAGE.parent)} imports {sorted(outside)}"
