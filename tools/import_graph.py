"""The import graph of a tree of Python files, read with ``ast``, and a finder of import loops.

Every ``import`` statement counts, including one inside a function: a lazy import hides a loop
from Python but not from a reader. Used by the tests of the package (``tests/package``) and of
the site's extensions (``tests/site``).
"""

import ast
from pathlib import Path


def module_name(path, root, prefix):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join([prefix, *parts] if prefix else parts)


def imports_of(path, name, is_package):
    """Every module name imported by the file at `path` (module `name`), absolute."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def import_graph(root, prefix):
    """{module: {modules of the same tree it imports}} for every .py file under `root`."""
    root = Path(root)
    files = {module_name(p, root, prefix): p for p in root.rglob("*.py") if "__pycache__" not in p.parts}
    graph = {}
    for name, path in files.items():
        targets = imports_of(path, name, path.name == "__init__.py")
        # ``from pkg import mod`` names a module; ``from mod import func`` names its module.
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def find_cycle(graph):
    """One import cycle as a list of modules (first == last), or None."""
    state = {}

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt, [*path, nxt])):
                return cycle
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node, [node])):
            return cycle
    return None
