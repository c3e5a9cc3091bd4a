"""Time what CI runs, session by session, from a fresh clone, and project it to the whole syllabus.

Usage (``nox -s bench_ci``; about 15 minutes on 2 cores)::

    python benchmarks/bench_ci.py [--write docs/_data/ci-benchmark.json] [--keep]

It clones the repository's HEAD into a scratch folder (nothing of this checkout's environments
or builds is reused, as on a CI machine, except the package caches of pip, uv and npm), then
runs each session of ``.ci/run`` in order, timing it, with pytest's durations to split out what
grows with the number of pages:

- ``tests``: the clean build of the site (the ``site`` fixture's setup), the code of every page
  (Sybil), and the rest (package tests, which do not grow with pages);
- ``browser``: the visit of every page (the ``visits`` fixture) and the HTML checker, per page,
  and the rest;
- ``repro``: two clean builds at once.

The projection scales each part that grows with pages by the number of HTML pages the whole
syllabus would give (today's pages per concept page, times the syllabus's concepts) and keeps
the rest. The figures go to ``docs/_data/ci-benchmark.json``, which the "Maintaining this site"
page shows: commit them with the commit they were measured at.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from bench_build import machine  # noqa: E402  (one description of the machine)
from concepts import parse_syllabus, read_site  # noqa: E402

SESSIONS = ["lint", "tests", "browser", "repro"]
DURATION = re.compile(r"^([\d.]+)s (setup|call|teardown)\s+(\S+)", re.M)


def run_session(clone, session, pytest_args=()):
    """Run one nox session in the clone; return its wall time and pytest's slowest durations."""
    cmd = [sys.executable, "-m", "nox", "-s", session]
    if pytest_args:
        cmd += ["--", *pytest_args]
    start = time.perf_counter()
    env = {**_env(clone.parent), "CI": "true"}
    result = subprocess.run(cmd, cwd=clone, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"nox -s {session} failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    durations = [(float(s), phase, test) for s, phase, test in DURATION.findall(result.stdout)]
    return seconds, durations


def _env(work):
    import os

    # An empty cache of the pinned web tools, so that npm ci runs as on a new CI machine.
    return {**os.environ, "MLMATH_WEB_ASSETS_CACHE": str(work / "web-assets")}


def duration_of(durations, phase, pattern):
    return sum(s for s, p, test in durations if p == phase and re.search(pattern, test))


def count_pages(site):
    pages = [p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.relative_to(site).parts)]
    return len(pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="save the figures as JSON to this file")
    parser.add_argument("--keep", action="store_true", help="keep the scratch clone")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mlmath-bench-ci-"))
    clone = work / "clone"
    try:
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        times, parts = {}, {}
        times["lint"], _ = run_session(clone, "lint")
        times["tests"], durations = run_session(
            clone, "tests", ["-q", "-p", "no:cacheprovider", "--durations=0"]
        )
        parts["site build"] = duration_of(durations, "setup", r"tests/site/")
        parts["page code"] = duration_of(durations, "call", r"^docs/.*\.md::")
        times["browser"], durations = run_session(
            clone, "browser", ["-q", "-p", "no:cacheprovider", "--durations=0"]
        )
        parts["page visits"] = duration_of(durations, "setup", r"test_pages\.py::")
        parts["HTML checker"] = duration_of(durations, "call", r"test_built_html_is_valid")
        times["repro"], _ = run_session(clone, "repro")
        site = clone / "docs" / "_build" / "html"
        pages = count_pages(site)
        graph = read_site(clone / "docs")
        concept_pages = sum(not c.coming for c in graph.concepts.values())
        syllabus = len(parse_syllabus((clone / "docs" / "_data" / "SYLLABUS.md").read_text()))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    scale = syllabus / concept_pages
    grows = {
        "tests": parts["site build"] + parts["page code"],
        "browser": parts["page visits"] + parts["HTML checker"],
        "repro": times["repro"],
        "lint": 0.0,
    }
    projected = {s: round(times[s] - grows[s] + grows[s] * scale, 1) for s in SESSIONS}
    report = {
        "machine": machine(),
        "pages": {"html": pages, "concept": concept_pages, "syllabus": syllabus},
        "sessions_s": {s: round(times[s], 1) for s in SESSIONS},
        "total_s": round(sum(times.values()), 1),
        "parts_s": {k: round(v, 1) for k, v in parts.items()},
        "per_page_s": {s: round(grows[s] / pages, 3) for s in SESSIONS},
        "projected": {
            "concept_pages": syllabus,
            "html_pages": round(pages * scale),
            "sessions_s": projected,
            "total_s": round(sum(projected.values()), 1),
        },
    }
    print(json.dumps(report, indent=2))
    if args.write:
        args.write.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
