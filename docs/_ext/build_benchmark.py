"""Measured figures on the "Maintaining this site" page, read from the files the benchmarks write.

- ``{build-benchmark}``: ``nox -s bench_build`` (``docs/_data/build-benchmark.json``), the build;
- ``{ci-benchmark}``: ``nox -s bench_ci`` (``docs/_data/ci-benchmark.json``), CI's sessions from a
  fresh clone, per page, and projected to the whole syllabus;
- ``{lighthouse-scores}``: ``nox -s lighthouse -- --runs 5 --write docs/_data/lighthouse.json``,
  the Lighthouse scores and load metrics of three kinds of page, median and spread.

Each shows its file as a table with the machine and commit it was measured on, so no figure on
the page is typed by hand. A missing or incomplete file fails the build, except in the build
benchmark's own builds (``-D build_benchmark_optional=1``), which may run before it exists.
"""

import json
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

DATA = Path("_data") / "build-benchmark.json"
ROWS = [
    ("Clean build, every gallery example runs", lambda r: f"{r['clean_build_s']:.0f} s"),
    ("Rebuild, nothing changed", lambda r: f"{r['noop_rebuild']['median_s']:.1f} s"),
    ("Rebuild after editing one page", lambda r: f"{r['page_edit_rebuild']['median_s']:.1f} s"),
    ("Rebuild after editing one example", lambda r: f"{r['example_edit_rebuild']['median_s']:.1f} s"),
    (
        "Gallery: all examples, run one after another",
        lambda r: f"{r['gallery']['total_s']:.0f} s for {r['gallery']['examples']} examples",
    ),
    (
        "Gallery: slowest example",
        lambda r: f"{r['gallery']['slowest_s']:.2f} s (`{r['gallery']['slowest']}`)",
    ),
    (
        "Built site",
        lambda r: (
            f"{r['site']['megabytes']:.0f} MB, {r['site']['files']:,} files, {r['site']['pages']} pages"
        ),
    ),
]


def _machine_line(m):
    return (
        f"Measured on {m['date']} at commit `{m['commit']}`, on {m['cpu']} ({m['cores']} cores), "
        f"{m['os']}, Python {m['python']}."
    )


class MeasuredTable(SphinxDirective):
    """A table made from a benchmark's JSON file (``data``), by ``lines(report)``."""

    has_content = False
    data = None

    def run(self):
        path = Path(self.env.srcdir) / self.data
        self.env.note_dependency(str(path))
        try:
            lines = self.lines(json.loads(path.read_text()))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise self.error(
                f"{self.name}: cannot read {self.data} ({error!r}); see docs/_ext/build_benchmark.py"
            ) from error
        container = nodes.container(classes=["build-benchmark"])
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, container)
        return [container]


class CIBenchmark(MeasuredTable):
    data = Path("_data") / "ci-benchmark.json"

    def lines(self, r):
        p, proj = r["pages"], r["projected"]
        head = f"| Session | Measured, {p['html']} HTML pages ({p['concept']} concepts) | Per HTML page |"
        out = [head + f" Projected, {proj['html_pages']} pages ({proj['concept_pages']} concepts) |"]
        out.append("| --- | --- | --- | --- |")
        for s, seconds in r["sessions_s"].items():
            per = r["per_page_s"][s]
            out.append(
                f"| `{s}` | {seconds / 60:.1f} min | {per:.2f} s | {proj['sessions_s'][s] / 60:.1f} min |"
            )
        out.append(f"| all of `.ci/run` | {r['total_s'] / 60:.1f} min | | {proj['total_s'] / 60:.1f} min |")
        parts = ", ".join(f"{k} {v:.0f} s" for k, v in r["parts_s"].items())
        return [*out, "", f"The parts that grow with the pages: {parts}. " + _machine_line(r["machine"])]


class LighthouseScores(MeasuredTable):
    data = Path("_data") / "lighthouse.json"
    COLUMNS = [
        ("performance", "Performance"),
        ("accessibility", "Accessibility"),
        ("best-practices", "Best practices"),
        ("seo", "SEO"),
        ("first-contentful-paint", "First paint (s)"),
        ("largest-contentful-paint", "Largest paint (s)"),
        ("total-blocking-time", "Blocking (ms)"),
        ("cumulative-layout-shift", "Layout shift"),
    ]

    def lines(self, r):
        out = ["| Page | " + " | ".join(t for _, t in self.COLUMNS) + " | Transferred / decoded (kB) |"]
        out.append("|" + " --- |" * (len(self.COLUMNS) + 2))
        for kind, page in r["pages"].items():
            med, lo, hi = page["median"], page["min"], page["max"]
            cells = [
                f"{med[k]:g}" + (f" ({lo[k]:g}-{hi[k]:g})" if lo[k] != hi[k] else "") for k, _ in self.COLUMNS
            ]
            size = f"{med['transfer_bytes'] / 1000:.0f} / {med['resource_bytes'] / 1000:.0f}"
            out.append(f"| {kind} (`{page['page']}`) | " + " | ".join(cells) + f" | {size} |")
        return [
            *out,
            "",
            f"Lighthouse {r['lighthouse']}, {r['preset']} preset, median of {r['runs']} runs (lowest and "
            "highest in brackets where they differ), the site served by `tools/serve_site.py`.",
        ]


class BuildBenchmark(SphinxDirective):
    has_content = False

    def run(self):
        path = Path(self.env.srcdir) / DATA
        if not path.is_file() and self.config.build_benchmark_optional:
            # No note_dependency on a missing file: Sphinx would re-read the page every build.
            return [nodes.paragraph(text="Not measured yet: run nox -s bench_build.")]
        self.env.note_dependency(str(path))
        try:
            report = json.loads(path.read_text())
            rows = [(what, show(report)) for what, show in ROWS]
            m = report["machine"]
            repeat = report["repeat"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise self.error(
                f"build-benchmark: cannot read {DATA} ({error!r}); run nox -s bench_build to write it"
            ) from error
        lines = ["| Measurement | Figure |", "| --- | --- |", *(f"| {a} | {b} |" for a, b in rows), ""]
        lines.append(
            f"Measured on {m['date']} at commit `{m['commit']}`, on {m['cpu']} ({m['cores']} cores), "
            f"{m['os']}, Python {m['python']}, Sphinx {m['sphinx']}. Rebuild times are the median "
            f"of {repeat} runs."
        )
        container = nodes.container(classes=["build-benchmark"])
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, container)
        return [container]


def setup(app):
    app.add_directive("build-benchmark", BuildBenchmark)
    app.add_directive("ci-benchmark", CIBenchmark)
    app.add_directive("lighthouse-scores", LighthouseScores)
    app.add_config_value("build_benchmark_optional", False, "env", types=frozenset({bool}))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
