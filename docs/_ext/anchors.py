"""The registry of published slugs and anchors: links into the site must keep working.

``docs/_data/published_anchors.txt`` lists, one per line, every published name a
link can point to, with the page that holds it::

    slug     matrix-multiplication          linear-algebra/matrix-multiplication
    label    concept-matrix-multiplication  linear-algebra/matrix-multiplication
    label    def-matrix-product             linear-algebra/matrix-multiplication

``slug`` is a concept's front-matter slug, ``label`` a ``(concept-...)=`` target or the
``:label:`` of a numbered block (``{prf:definition}``, ``{prf:theorem}``, ...).
The site-rule tests fail when a registered name is no longer where the registry
says, unless ``docs/_data/redirects.toml`` sends it somewhere::

    [redirects]
    old-slug = "new-slug"
    def-old = "chapter/page#def-new"

The ``redirects`` extension then writes a redirect page for each moved page and a small script
that forwards a moved anchor. Update the registry after publishing new pages; it
only ever adds lines (a name that moved keeps its old line, the redirect covers it)::

    python docs/_ext/anchors.py --update             # every page in docs/
    python docs/_ext/anchors.py --update --git-tracked  # only pages committed to git
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import concepts

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REGISTRY = DOCS / "_data" / "published_anchors.txt"
REDIRECTS = DOCS / "_data" / "redirects.toml"
SKIP = {"_build", "_data", "_ext", "_static", "_templates", "auto_examples", "api", "gen_modules", "coming"}
CONCEPT_LABEL = re.compile(r"^\((concept-[a-z0-9-]+)\)=\s*$", re.M)
PRF_BLOCK = re.compile(r"^(?::::+|```+)\{prf:\w+\}[^\n]*\n((?:[ \t]*:\w+:[^\n]*\n)*)", re.M)
PRF_LABEL = re.compile(r"^[ \t]*:label:[ \t]*(\S+)", re.M)


def scan_page(text, docname):
    """[(kind, name, docname)] of the slug and anchors a page publishes."""
    found = []
    concept = concepts.concept_from_front_matter(concepts.parse_front_matter(text), docname)
    if concept is not None:
        found.append(("slug", concept.slug, docname))
    found += [("label", m, docname) for m in CONCEPT_LABEL.findall(text)]
    for options in PRF_BLOCK.findall(text):
        found += [("label", m, docname) for m in PRF_LABEL.findall(options)]
    return found


def pages(docs=DOCS, git_tracked=False):
    """(path, docname) of every MyST page of the site (optionally only those committed to git)."""
    paths = sorted(p for p in Path(docs).rglob("*.md") if not (set(p.relative_to(docs).parts[:-1]) & SKIP))
    if git_tracked:
        out = subprocess.run(
            ["git", "ls-files", "--", str(docs)], capture_output=True, text=True, cwd=docs, check=True
        ).stdout
        tracked = {(Path(docs).parent / line).resolve() for line in out.split()}
        tracked |= {(Path(docs) / line).resolve() for line in out.split()}
        paths = [p for p in paths if p.resolve() in tracked]
    return [(p, p.relative_to(docs).with_suffix("").as_posix()) for p in paths]


def scan(docs=DOCS, git_tracked=False):
    """Every (kind, name, docname) the site publishes now."""
    found = []
    for path, docname in pages(docs, git_tracked):
        found += scan_page(path.read_text(encoding="utf-8"), docname)
    return found


def read_registry(path=REGISTRY):
    """[(kind, name, docname)] from the registry file (comments and blank lines skipped)."""
    if not Path(path).exists():
        return []
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, name, docname = line.split()
            out.append((kind, name, docname))
    return out


def format_registry(entries):
    head = (
        "# Every published concept slug and anchor, with its page (docs/_ext/anchors.py).\n"
        "# Never delete a line: when a name moves, add a redirect to docs/_data/redirects.toml.\n"
        "# Add new pages with: python docs/_ext/anchors.py --update\n"
    )
    return head + "".join(f"{k:6} {n:48} {d}\n" for k, n, d in entries)


def update(path=REGISTRY, docs=DOCS, git_tracked=False):
    """Add what the site publishes now to the registry (never removes a line); return what was added."""
    old = read_registry(path)
    known = set(old)
    added = [e for e in scan(docs, git_tracked) if e not in known]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(format_registry(old + added), encoding="utf-8")
    return added


def missing(registry, current, redirects):
    """Registered (kind, name, docname) that are no longer at that page and have no redirect."""
    now = set(current)
    return [e for e in registry if e not in now and e[1] not in redirects]


def read_redirects(path=REDIRECTS):
    """{old name: new place} from a redirects file ({} when there is none)."""
    path = Path(path)
    if not path.is_file():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("redirects", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise ValueError(f"{path}: every redirect must map a name to a string")
    return table


def main(argv=None):
    parser = argparse.ArgumentParser(prog="anchors.py", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="add the slugs and anchors published now")
    parser.add_argument("--git-tracked", action="store_true", help="only pages committed to git")
    args = parser.parse_args(argv)
    if args.update:
        added = update(git_tracked=args.git_tracked)
        print(f"{len(added)} name(s) added to {REGISTRY.relative_to(ROOT)}")
        for kind, name, docname in added:
            print(f"  {kind} {name} ({docname})")
        return 0
    lost = missing(read_registry(), scan(), read_redirects())
    for kind, name, docname in lost:
        print(f"{kind} {name!r} was published at {docname} and is gone, with no redirect")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
