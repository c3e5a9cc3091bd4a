"""The chapter registry: ``docs/_data/chapters.toml``, the one list of the site's chapters.

Every list that names chapters is derived from it: the roadmap's stages and chapter titles
(the concept graph), the "Chapters" toctree of the landing page (``{chapter-toctree}``), the
gallery's section order (``docs/conf.py``), the API reference (``{chapter-modules}``) and the
site-rule tests (modules to check, chapters that must be complete). Plain Python, no Sphinx
import, so the command-line tools and the tests read it from a bare clone.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1]
REGISTRY = DOCS / "_data" / "chapters.toml"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MODULE = re.compile(r"^mlmath_ref(\.[a-z][a-z0-9_]*)+$")
FIELDS = {"slug": str, "title": str, "stage": int, "gallery": str, "modules": list, "complete": bool}


@dataclass(frozen=True)
class Chapter:
    """One chapter of the site, as the registry declares it."""

    slug: str
    title: str
    stage: int
    gallery: str
    modules: tuple[str, ...]
    complete: bool

    def index_doc(self):
        """The docname of the chapter's index page (``linear-algebra/index``)."""
        return f"{self.slug}/index"

    def existing_modules(self):
        """The chapter's modules that can be imported now (all of them once it is complete)."""
        return [m for m in self.modules if _module_exists(m)]


def _module_exists(name):
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def parse(text, source="chapters.toml"):
    """The chapters of a registry's TOML text, in order; ValueError naming the entry if malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source}: not valid TOML ({exc})") from None
    entries = data.get("chapter")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{source}: no [[chapter]] entries")
    out, seen = [], {}
    for i, entry in enumerate(entries, 1):
        where = f"{source}: chapter {i} ({entry.get('slug', '?')!r})"
        missing = sorted(set(FIELDS) - set(entry))
        extra = sorted(set(entry) - set(FIELDS))
        if missing or extra:
            raise ValueError(f"{where}: missing fields {missing}, unknown fields {extra}")
        for key, kind in FIELDS.items():
            if not isinstance(entry[key], kind) or (kind is int and isinstance(entry[key], bool)):
                raise ValueError(f"{where}: {key} must be a {kind.__name__}, got {entry[key]!r}")
        if not SLUG.match(entry["slug"]):
            raise ValueError(f"{where}: slug must be lower-case words joined by '-'")
        if not entry["gallery"].isidentifier():
            raise ValueError(f"{where}: gallery must be a folder name that is a Python identifier")
        if not entry["modules"] or not all(isinstance(m, str) and MODULE.match(m) for m in entry["modules"]):
            raise ValueError(f"{where}: modules must be a non-empty list of mlmath_ref submodules")
        for key in ("slug", "gallery"):
            if (key, entry[key]) in seen:
                raise ValueError(f"{where}: {key} {entry[key]!r} already used by {seen[key, entry[key]]!r}")
            seen[key, entry[key]] = entry["slug"]
        out.append(Chapter(**{**entry, "modules": tuple(entry["modules"])}))
    stages = [c.stage for c in out]
    if stages != sorted(stages):
        raise ValueError(f"{source}: chapters must be listed in roadmap order (stages {stages})")
    return out


def load(path=REGISTRY):
    """The chapters of the registry file, in reading order."""
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), str(path))


def stages(chapters):
    """{slug: stage}, the roadmap's bands."""
    return {c.slug: c.stage for c in chapters}


def titles(chapters):
    """{slug: title}, in reading order."""
    return {c.slug: c.title for c in chapters}


def gallery_order(chapters, examples_dir):
    """The gallery's subsection order: every chapter's examples folder that exists, in reading order.

    Paths are relative to ``docs/`` as sphinx-gallery wants them (``../examples/<gallery>``).
    """
    examples_dir = Path(examples_dir)
    return [f"../{examples_dir.name}/{c.gallery}" for c in chapters if (examples_dir / c.gallery).is_dir()]
