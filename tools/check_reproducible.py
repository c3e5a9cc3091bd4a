"""Build the site twice from clean with the same SOURCE_DATE_EPOCH and compare every file.

Each build copies the sources (docs/, examples/, mlmath_ref/) into a scratch folder of its own,
so every gallery example runs and nothing is reused, then builds there with the options of
``nox -s docs`` (``tools/sphinx_command.py``). The two HTML outputs must be byte-identical,
apart from ``.buildinfo`` (Sphinx's own build hash, not served to readers). Sphinx's pickled
cache is not compared: it is written beside the HTML, not into it.

Exit status 1 and a list of the differing files (with the first differing line of text
files) when they are not. Usage: ``python tools/check_reproducible.py [--keep]``.
"""

import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sphinx_command import sphinx_command

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["docs", "examples", "mlmath_ref", "pyproject.toml"]
IGNORED_TOP = {".buildinfo"}
BUILD_OUTPUTS = ["_build", "auto_examples", "api/generated", "gen_modules", "sg_execution_times.rst"]


def copy_sources(dest):
    """Copy the sources into ``dest``, without build outputs (docs/api/generated included)."""

    def ignore(folder, names):
        rel = (
            Path(folder).relative_to(ROOT / "docs").as_posix()
            if Path(folder).is_relative_to(ROOT / "docs")
            else None
        )
        prefix = "" if rel in (None, ".") else f"{rel}/"
        outputs = set(BUILD_OUTPUTS) if rel is not None else set()
        return [n for n in names if n in ("__pycache__", "node_modules") or f"{prefix}{n}" in outputs]

    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)


def start_build(scratch, env):
    """Copy the sources into the new folder `scratch` and start a clean build there."""
    scratch.mkdir()
    copy_sources(scratch)
    cmd = sphinx_command("docs", "_out/html", quiet=True)
    return subprocess.Popen(cmd, cwd=scratch, env=env)


def build_twice(work, env):
    """Two clean builds at once (each is mostly one process: two cores build both in the time of
    one), in two folders; a path that leaks into the output is a difference too. Returns the two
    HTML folders."""
    start = time.perf_counter()
    runs = [start_build(work / f"src{n}", env) for n in (1, 2)]
    codes = [run.wait() for run in runs]
    if any(codes):
        raise SystemExit(f"a build failed (exit codes {codes})")
    print(f"built twice in {time.perf_counter() - start:.0f} s", flush=True)
    return [work / f"src{n}" / "_out" / "html" for n in (1, 2)]


def differences(a, b):
    found = []

    def walk(cmp, rel):
        for name in cmp.left_only + cmp.right_only:
            if not (rel == "" and name in IGNORED_TOP):
                found.append(f"{rel}{name}: only in one build")
        for name in cmp.diff_files:
            if rel == "" and name in IGNORED_TOP:
                continue
            found.append(f"{rel}{name}: differs{first_diff(a / rel / name, b / rel / name)}")
        for name in cmp.funny_files:
            found.append(f"{rel}{name}: could not compare")
        for name, sub in cmp.subdirs.items():
            if not (rel == "" and name in IGNORED_TOP):
                walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return found


def first_diff(x, y):
    try:
        left, right = x.read_text().splitlines(), y.read_text().splitlines()
    except UnicodeDecodeError:
        return " (binary)"
    for line in difflib.unified_diff(left, right, n=0, lineterm=""):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return f"\n    {line[:300]}"
    return ""


def main():
    keep = "--keep" in sys.argv
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    work = Path(tempfile.mkdtemp(prefix="mlmath-repro-"))
    try:
        out1, out2 = build_twice(work, env)
        # dircmp reads the contents of every file whose size or modification time differs.
        found = differences(out1, out2)
    finally:
        if keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    files = sum(1 for p in (work / "src1" / "_out" / "html").rglob("*") if p.is_file()) if keep else None
    if found:
        print(
            f"{len(found)} files differ between two builds with SOURCE_DATE_EPOCH={env['SOURCE_DATE_EPOCH']}:"
        )
        print("\n".join(found[:50]))
        return 1
    print(f"two clean builds are byte-identical{f' ({files} files)' if files else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
