"""The ``{build-benchmark}`` directive: the last figures of ``benchmarks/bench_build.py``.

``nox -s bench_build`` measures the build and writes ``docs/_data/build-benchmark.json``;
this directive shows that file as a table, with the machine and commit it was measured on,
so no figure on the page is typed by hand. A missing or incomplete file fails the build,
except in the benchmark's own builds (``-D build_benchmark_optional=1``), which may run
before the file first exists.
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
    app.add_config_value("build_benchmark_optional", False, "env", types=frozenset({bool}))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
