"""Time the site's build: clean, no-op, one page edited, one example edited; gallery; size.

Usage (``nox -s bench_build`` runs it with the docs environment)::

    python benchmarks/bench_build.py [--write docs/_data/build-benchmark.json] [--repeat 3]

Everything happens in a scratch copy of the sources (docs/, examples/, mlmath_ref/), so the
clean build really starts from nothing (every gallery example runs) and your own build is
left alone. Each build is the command of ``nox -s docs`` (``-W --keep-going -n``). Rebuild
times are the median of ``--repeat`` runs, each after a different edit:

- no-op: nothing changed;
- one page: a MyST comment appended to ``docs/linear-algebra/determinant.md``;
- one example: a comment appended to ``examples/linear_algebra/plot_determinant_area.py``
  (sphinx-gallery re-runs exactly that example, as its checksum changed).

The gallery times are sphinx-gallery's own per-example ``.cost.json`` files from the clean
build. ``--write`` saves the figures with the machine they ran on as JSON: the page
``docs/maintaining.md`` shows that file. Figures are reported, never asserted.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from check_reproducible import copy_sources  # noqa: E402  (one way to copy the sources)
from sphinx_command import sphinx_command  # noqa: E402  (the one sphinx-build command line)

PAGE = "docs/linear-algebra/determinant.md"
EXAMPLE = "examples/linear_algebra/plot_determinant_area.py"
SITE = "_out/html"


def sphinx_build(scratch):
    # The page that shows these figures may be built before they first exist.
    cmd = sphinx_command("docs", SITE, "-D", "build_benchmark_optional=1", quiet=True)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=scratch, check=True)
    return time.perf_counter() - start


def rebuild_after(scratch, repeat, edit=None):
    """Median time of ``repeat`` rebuilds, each after ``edit(scratch, n)`` (None: no edit)."""
    times = []
    for n in range(repeat):
        if edit is not None:
            edit(scratch, n)
        times.append(sphinx_build(scratch))
    return {"median_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times]}


def append(relpath, text):
    def edit(scratch, n):
        with open(scratch / relpath, "a") as f:
            f.write(text.format(n=n))

    return edit


def gallery_times(scratch):
    costs = {
        p.name.removesuffix(".cost.json") + ".py": json.loads(p.read_text())["time"]
        for p in (scratch / "docs" / "auto_examples").rglob("*.cost.json")
    }
    if not costs:
        raise SystemExit("no .cost.json files: did the gallery run?")
    slowest = max(costs, key=costs.get)
    return {
        "examples": len(costs),
        "total_s": round(sum(costs.values()), 1),
        "slowest": slowest,
        "slowest_s": round(costs[slowest], 2),
    }


def site_size(site):
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and not {"_static", "_sources"} & set(p.parts)]
    return {
        "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "files": len(files),
        "pages": len(pages),
    }


def machine():
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [
            line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line
        ]
        cpu = names[0] if names else cpu
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    try:
        import sphinx

        sphinx_version = sphinx.__version__
    except ImportError:  # bench_ci.py runs with the Python that runs nox
        sphinx_version = "(not imported)"

    return {
        "date": datetime.date.today().isoformat(),
        "commit": commit.stdout.strip() or "unknown",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sphinx": sphinx_version,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="save the figures as JSON to this file")
    parser.add_argument("--repeat", type=int, default=3, help="rebuilds per measurement (median)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    scratch = Path(tempfile.mkdtemp(prefix="mlmath-bench-build-"))
    try:
        copy_sources(scratch)
        print("clean build (every example runs) ...", flush=True)
        results = {"clean_build_s": round(sphinx_build(scratch), 1)}
        results["gallery"] = gallery_times(scratch)
        results["site"] = site_size(scratch / SITE)
        print("rebuilds ...", flush=True)
        results["noop_rebuild"] = rebuild_after(scratch, args.repeat)
        results["page_edit_rebuild"] = rebuild_after(
            scratch, args.repeat, append(PAGE, "\n% benchmark edit {n}\n")
        )
        results["example_edit_rebuild"] = rebuild_after(
            scratch, args.repeat, append(EXAMPLE, "\n# benchmark edit {n}\n")
        )
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    report = {
        "machine": machine(),
        "edited": {"page": PAGE, "example": EXAMPLE},
        "repeat": args.repeat,
        **results,
    }
    print(json.dumps(report, indent=2))
    if args.write:
        args.write.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
