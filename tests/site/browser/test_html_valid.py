"""The current Nu HTML Checker (vnu, pinned in docs/package.json) finds no error in our HTML.

Errors in markup that third-party templates write are filtered by message, each with the reason
(VNU_IGNORED); every other error fails, naming the file and line.
"""

import json
import re
import shutil
import subprocess

import pytest
from offline_assets import node_modules

VNU_IGNORED = [
    (
        r"Attribute “tooltip” not allowed on element “div”",
        "sphinx-gallery writes its thumbnail cards as <div tooltip=...> (its CSS shows the tooltip)",
    ),
    (
        r"Duplicate ID “proof-content”",
        "sphinx-proof gives the body of every definition/theorem block id='proof-content'",
    ),
    (
        r"Duplicate ID “sg-tag-list”",
        "sphinx-gallery writes an empty tag list with a fixed id in each gallery section",
    ),
]


def vnu(paths):
    jar = node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file():
        pytest.fail(f"{jar} missing: build the site first (it runs npm ci)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: the Nu HTML Checker needs Java 11 or later")
    cmd = [java, "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "json", *map(str, paths)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    return json.loads(result.stderr or result.stdout)["messages"]


def unfiltered(messages):
    return [m for m in messages if not any(re.search(rx, m.get("message", "")) for rx, _ in VNU_IGNORED)]


def test_built_html_is_valid(site):
    pages = sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)
    errors = unfiltered(vnu(pages))
    report = "\n".join(
        f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors[:40]
    )
    assert not errors, f"{len(errors)} HTML errors:\n{report}"


def test_checker_catches_a_planted_error(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><p id="a"></p><p id="a"></p></body></html>'
    )
    assert any("Duplicate ID" in m["message"] for m in unfiltered(vnu([bad])))
