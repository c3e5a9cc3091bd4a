"""Lighthouse scores of three representative pages of the built site, in Debian's chromium.

Usage (``nox -s lighthouse`` builds the site first)::

    python tools/lighthouse.py [--site docs/_build/html] [--preset mobile|desktop]

Lighthouse (pinned in ``tools/lighthouse/package-lock.json``) is installed with ``npm ci``
into ``~/.cache/mlmath-ref/lighthouse/<hash of the lock>``. The site is served on 127.0.0.1
and each page is audited for performance, accessibility, best practices and SEO. The script
prints the four scores of each page and, for every category under 100, the audits that cost
points; the JSON and HTML reports go to ``docs/_build/lighthouse/``.

Exit status 1 when a page's accessibility score is under 100 (the site's target); the other
categories are reported as measured, never asserted: their limits are listed with them.
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "docs" / "_build" / "html")
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run nox -s docs first")
    if not Path(args.chromium).is_file() or not shutil.which("node"):
        parser.error(f"needs Node.js and chromium ({args.chromium}); install Debian's chromium")
    cache = cache_root().parent / "lighthouse"
    problem = npm_ci(PACKAGE, cache, CLI)
    if problem:
        sys.exit(f"cannot install Lighthouse: {problem}")
    cli = cache / lock_hash(PACKAGE) / "node_modules" / CLI
    out_dir = ROOT / "docs" / "_build" / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    results, failed = {}, []
    try:
        for kind, page in PAGES.items():
            report = audit(
                cli, base + page, out_dir / f"{Path(page).stem}-{args.preset}", args.preset, args.chromium
            )
            scores, losses = summary(report)
            results[kind] = {"page": page, "scores": scores, "losses": losses}
            if scores["accessibility"] < 100:
                failed.append(kind)
    finally:
        server.shutdown()
    version = report["lighthouseVersion"]
    print(f"Lighthouse {version}, {args.preset} preset, {Path(args.chromium).name}:")
    print(f"| Page | {' | '.join(CATEGORIES)} |\n|---|{'---|' * len(CATEGORIES)}")
    for kind, r in results.items():
        print(f"| {kind} (`{r['page']}`) | {' | '.join(str(r['scores'][c]) for c in CATEGORIES)} |")
    for kind, r in results.items():
        for c, lost in r["losses"].items():
            if lost:
                print(f"{kind}, {c}: " + "; ".join(lost))
    (out_dir / f"summary-{args.preset}.json").write_text(json.dumps(results, indent=2) + "\n")
    if failed:
        print(f"accessibility under 100 on: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
