"""Lighthouse scores of three representative pages of the built site, in Debian's chromium.

Usage (``nox -s lighthouse`` builds the site first)::

    python tools/lighthouse.py [--site docs/_build/html] [--preset mobile|desktop]

Lighthouse (pinned in ``tools/lighthouse/package-lock.json``) is installed with ``npm ci``
into ``~/.cache/mlmath-ref/lighthouse/<hash of the lock>``. The site is served on 127.0.0.1
and each page is audited for performance, accessibility, best practices and SEO. The script
prints the four scores of each page and, for every category under 100, the audits that cost
points; the JSON and HTML reports go to ``docs/_build/lighthouse/``.

Targets (``TARGETS``; exit status 1 when a page misses one, in the median of the runs):
accessibility 100, performance at least 90 and largest contentful paint under 2.5 s on the mobile
preset (the issue "Fast on a phone"). ``--runs N`` audits each page N times and reports the median
and the spread; ``--write FILE`` saves the figures as JSON (``docs/_data/lighthouse.json`` is shown
on the "Maintaining this site" page).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from offline_assets import cache_root, lock_hash, npm_ci  # noqa: E402  (one way to run npm ci)
from serve_site import serve  # noqa: E402  (tools/serve_site.py, beside this script)

PACKAGE = ROOT / "tools" / "lighthouse"
CLI = "lighthouse/cli/index.js"
PAGES = {
    "concept page": "linear-algebra/determinant.html",
    "API page": "api/generated/mlmath_ref.linalg.det.html",
    "gallery page": "auto_examples/linear_algebra/plot_determinant_area.html",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "first-contentful-paint": "FCP (s)",
    "largest-contentful-paint": "LCP (s)",
    "total-blocking-time": "TBT (ms)",
    "cumulative-layout-shift": "CLS",
}
# (what, key, limit, direction): a page's median must be on the right side of the limit.
TARGETS = [
    ("accessibility", "accessibility", 100, "min"),
    ("performance (mobile)", "performance", 90, "min"),
    ("largest contentful paint (mobile)", "largest-contentful-paint", 2.5, "max"),
]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def audit(cli, url, out, preset, chromium):
    cmd = [
        "node",
        str(cli),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, env=dict(os.environ, CHROME_PATH=chromium))
    return json.loads(Path(f"{out}.report.json").read_text())


def metrics(report):
    """The page's load metrics and its bytes (all requests, as transferred and as decoded)."""
    audits = report["audits"]
    out = {}
    for key in METRICS:
        value = audits[key]["numericValue"]
        out[key] = (
            round(value / 1000, 2) if key.endswith("paint") else round(value, 3 if "shift" in key else 0)
        )
    requests = audits["network-requests"]["details"]["items"]
    out["transfer_bytes"] = sum(r.get("transferSize", 0) for r in requests)
    out["resource_bytes"] = sum(r.get("resourceSize", 0) for r in requests)
    return out


def summary(report):
    scores = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
    losses = {}
    for c in CATEGORIES:
        refs = report["categories"][c]["auditRefs"]
        lost = [
            report["audits"][r["id"]]
            for r in refs
            if r["weight"] > 0 and (report["audits"][r["id"]].get("score") is not None)
        ]
        lost = [a for a in lost if a["score"] < 1]
        losses[c] = [f"{a['title']} ({a.get('displayValue') or round(100 * a['score'])})" for a in lost]
    return scores, losses


def median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "docs" / "_build" / "html")
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--runs", type=int, default=1, help="audits of each page (median and spread)")
    parser.add_argument("--write", type=Path, help="save the figures as JSON to this file")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run nox -s docs first")
    if not Path(args.chromium).is_file() or not shutil.which("node"):
        parser.error(f"needs Node.js and chromium ({args.chromium}); install Debian's chromium")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    cache = cache_root().parent / "lighthouse"
    problem = npm_ci(PACKAGE, cache, CLI)
    if problem:
        sys.exit(f"cannot install Lighthouse: {problem}")
    cli = cache / lock_hash(PACKAGE) / "node_modules" / CLI
    out_dir = ROOT / "docs" / "_build" / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    runs = {kind: [] for kind in PAGES}
    try:
        for _ in range(args.runs):
            for kind, page in PAGES.items():
                report = audit(
                    cli, base + page, out_dir / f"{Path(page).stem}-{args.preset}", args.preset, args.chromium
                )
                scores, losses = summary(report)
                runs[kind].append({"scores": scores, "metrics": metrics(report), "losses": losses})
    finally:
        server.shutdown()
    results, failed = {}, []
    for kind, page in PAGES.items():
        figures = {**{c: [r["scores"][c] for r in runs[kind]] for c in CATEGORIES}}
        figures.update({m: [r["metrics"][m] for r in runs[kind]] for m in runs[kind][0]["metrics"]})
        results[kind] = {
            "page": page,
            "median": {k: median(v) for k, v in figures.items()},
            "min": {k: min(v) for k, v in figures.items()},
            "max": {k: max(v) for k, v in figures.items()},
            "losses": runs[kind][-1]["losses"],
        }
        for what, key, limit, direction in TARGETS:
            if "mobile" in what and args.preset != "mobile":
                continue
            value = results[kind]["median"][key]
            if (value < limit) if direction == "min" else (value >= limit):
                failed.append(
                    f"{kind}: {what} {value} (target {'at least' if direction == 'min' else 'under'} {limit})"
                )
    version = report["lighthouseVersion"]
    print(
        f"Lighthouse {version}, {args.preset} preset, {Path(args.chromium).name}, median of {args.runs} runs:"
    )
    heads = CATEGORIES + list(METRICS)
    print(f"| Page | {' | '.join(heads)} | bytes transferred / decoded |\n|---|{'---|' * (len(heads) + 1)}")
    for kind, r in results.items():
        cells = [
            f"{r['median'][h]} ({r['min'][h]}-{r['max'][h]})" if args.runs > 1 else str(r["median"][h])
            for h in heads
        ]
        size = f"{r['median']['transfer_bytes']:,.0f} / {r['median']['resource_bytes']:,.0f}"
        print(f"| {kind} (`{r['page']}`) | {' | '.join(cells)} | {size} |")
    for kind, r in results.items():
        for c, lost in r["losses"].items():
            if lost:
                print(f"{kind}, {c}: " + "; ".join(lost))
    report_out = {"lighthouse": version, "preset": args.preset, "runs": args.runs, "pages": results}
    (out_dir / f"summary-{args.preset}.json").write_text(json.dumps(report_out, indent=2) + "\n")
    if args.write:
        args.write.write_text(json.dumps(report_out, indent=2) + "\n")
        print(f"wrote {args.write}")
    if failed:
        print("missed targets:\n  " + "\n  ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
