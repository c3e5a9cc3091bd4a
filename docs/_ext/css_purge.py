"""Join stylesheets into one and drop the rules that nothing on the site can match (no Sphinx import).

:func:`bundle` concatenates CSS files in order, inlining ``@import`` and rewriting relative
``url(...)`` references for the bundle's own folder. :func:`purge` keeps a style rule when at
least one of its selectors can match: every class and id the selector requires (outside
``:not(...)`` and other parentheses, which do not require anything) is among the names the
site uses. :func:`used_names` collects those names: every ``class`` and ``id`` of every page,
and every word of every script the pages load (so a class a script adds is kept). At-rules are
kept whole (``@font-face``, ``@keyframes``), or purged inside (``@media``, ``@supports``,
``@layer``, ``@container``). A selector with a CSS escape is always kept.

Bootstrap's script is the exception (``WORDS_NOT_CLASSES``): it names every component it
could drive (modals, toasts, carousels ...), which would keep all of their CSS, while the
site uses only its tooltips and dropdowns, whose classes it builds from parts. Those, and the
state classes it adds, are kept by name (``SAFE``).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

GROUPING = ("@media", "@supports", "@layer", "@container")
SAFE = re.compile(
    r"^(bs-tooltip-|tooltip|dropdown|dropup|dropend|dropstart|show$|showing$|hiding$|fade$|collaps|active$|disabled$)"
)
WORDS_NOT_CLASSES = {
    "bootstrap.js": "names every Bootstrap component; the ones the site uses are in SAFE",
    "searchindex.js": "the words of the pages, for search: data, not code",
}
SCRIPT = re.compile(r'<script\b[^>]*\ssrc="([^"?#]+)')
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)['"]?\s*\)?\s*;""")


def bundle(root, names, target):
    """The CSS files `names` (paths under `root`) joined, for a file at `target` under `root`."""
    parts = []
    for name in names:
        parts.append(f"/* {name} */\n" + _inline(Path(root), name, target))
    return "\n".join(parts)


def _inline(root, name, target, seen=None):
    seen = set() if seen is None else seen
    if name in seen:
        return ""
    seen.add(name)
    text = (root / name).read_text(encoding="utf-8").replace("\ufeff", "")
    text = re.sub(r"@charset\s+[^;]+;", "", text)
    folder = posixpath.dirname(name)

    def imported(match):
        return _inline(root, posixpath.normpath(posixpath.join(folder, match.group(1))), target, seen)

    def rebased(match):
        quote, url = match.groups()
        if re.match(r"^([a-z]+:|/|#)", url):
            return match.group(0)
        new = posixpath.relpath(posixpath.normpath(posixpath.join(folder, url)), posixpath.dirname(target))
        return f"url({quote}{new}{quote})"

    return URL.sub(rebased, IMPORT.sub(imported, text))


def used_names(pages):
    """Every class and id on the pages, and every word of the scripts they load."""
    names, scripts = set(), set()
    for page in pages:
        html = Path(page).read_text(encoding="utf-8")
        for value in re.findall(r'\sclass="([^"]*)"', html):
            names.update(value.split())
        names.update(re.findall(r'\sid="([^"]*)"', html))
        for src in SCRIPT.findall(html):
            script = (Path(page).parent / src).resolve()
            if script.is_file() and script.name not in WORDS_NOT_CLASSES:
                scripts.add(script)
    for script in sorted(scripts):
        names.update(
            re.findall(r"[A-Za-z_][\w-]*", Path(script).read_text(encoding="utf-8", errors="replace"))
        )
    return names


def _strip_groups(selector):
    """The selector without what stands inside (...) and [...] (requires nothing of the page)."""
    out, depth = [], 0
    for ch in selector:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def selector_can_match(selector, used):
    """False when `selector` needs a class or id that nothing on the site has."""
    if "\\" in selector:
        return True
    core = _strip_groups(selector)
    needed = CLASS.findall(core) + ID.findall(core)
    return all(name in used or SAFE.match(name) for name in needed)


def split_selectors(text):
    """A selector list split at its top-level commas."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def _skip(css, i):
    """Index after a comment or string starting at `i`, or `i` if there is none."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "'\"":
        j = i + 1
        while j < len(css) and css[j] != css[i]:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    return i


def _block_end(css, i):
    """Index just after the '}' that closes the block whose '{' is at `i`."""
    depth = 0
    while i < len(css):
        j = _skip(css, i)
        if j != i:
            i = j
            continue
        if css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(css)


def purge(css, used):
    """The stylesheet `css` without the rules none of whose selectors can match."""
    out, i, n = [], 0, len(css)
    while i < n:
        j = _skip(css, i)
        if j != i:  # a comment: dropped
            i = j
            continue
        if css[i].isspace() or css[i] == "}":
            i += 1
            continue
        start = i  # a prelude runs to its '{' or ';'
        while i < n and css[i] not in "{;":
            i = max(i + 1, _skip(css, i))
        prelude = css[start:i].strip()
        if i >= n or css[i] == ";":
            out.append(prelude + ";")
            i += 1
            continue
        end = _block_end(css, i)
        body = css[i + 1 : end - 1]
        if prelude.startswith("@"):
            if prelude.lower().startswith(GROUPING):
                inner = purge(body, used)
                if inner.strip():
                    out.append(f"{prelude}{{{inner}}}")
            else:
                out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in split_selectors(prelude) if selector_can_match(s, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
        i = end
    return "\n".join(out) + ("\n" if out else "")
