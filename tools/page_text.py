"""A MyST concept page as the blocks a reader sees: headings, paragraphs, code, math, directives.

The site's text checks (``tests/site/test_text_checks.py``, ``tests/site/test_prerequisite_terms.py``)
read pages with it. It knows the little MyST the pages use: front matter, ``(label)=`` lines,
``#`` headings, fenced code (```` ``` ```` or ``~~~``), directives (```` ```{name} ```` or
``:::{name}``, with ``:option:`` lines and a body that is parsed again when it is text),
``$$`` math blocks, and paragraphs (list items included). Inline, it tells prose from code,
math, roles and link targets (:func:`visible_text`, :func:`link_targets`).
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from dataclasses import dataclass, field

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*\n", re.S)
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})[ \t]*(?:\{(?P<name>[^}]+)\})?[ \t]*(?P<arg>.*?)\s*$"
)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
LABEL = re.compile(r"^\((?P<label>[^)\s]+)\)=\s*$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
# Directives whose body is not MyST text: it is shown as code, rst or raw output, or is a list of pages.
OPAQUE_DIRECTIVES = {
    "eval-rst",
    "toctree",
    "raw",
    "math",
    "code-block",
    "code",
    "concept-roadmap",
    "reading-list",
}


@dataclass
class Block:
    """One block of a page. `line` is 1-based in the whole file (front matter included)."""

    kind: str  # heading, paragraph, code, math, directive, label
    text: str  # the source of the block (a directive's body, without its option lines)
    line: int
    level: int = 0  # of a heading
    name: str = ""  # directive name, or a code block's language
    arg: str = ""  # a directive's argument (the title of a {prf:...} block, a figure's file)
    options: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # a text directive's body, parsed
    continued: bool = False  # a paragraph that continues one broken by a math block


def parse(text):
    """The blocks of a MyST page, in order; directive bodies are parsed into ``children``."""
    match = FRONT_MATTER.match(text)
    offset = text[: match.end()].count("\n") if match else 0
    return _parse_lines(text[match.end() if match else 0 :].splitlines(), offset + 1)


def _parse_lines(lines, first_line):
    blocks, para, para_start, i = [], [], 0, 0
    continued = False

    def flush(next_continued=False):
        nonlocal para, continued
        if para:
            blocks.append(Block("paragraph", "\n".join(para), para_start, continued=continued))
        para, continued = [], next_continued

    while i < len(lines):
        line, lineno = lines[i], first_line + i
        stripped = line.strip()
        fence = FENCE.match(line)
        if not stripped:
            flush()
            i += 1
        elif fence:
            flush()
            end = _closing_fence(lines, i, fence.group("fence"))
            body = textwrap.dedent("\n".join(lines[i + 1 : end]))
            name = (fence.group("name") or "").strip()
            if name:
                blocks.append(_directive(name, fence.group("arg"), body, lineno))
            else:
                blocks.append(Block("code", body, lineno, name=fence.group("arg").split(" ")[0]))
            i = end + 1
        elif stripped.startswith("$$"):
            in_para = bool(para)
            flush(next_continued=in_para)
            end = i if stripped.endswith("$$") and len(stripped) > 2 else _closing_math(lines, i)
            blocks.append(Block("math", "\n".join(lines[i : end + 1]), lineno))
            i = end + 1
        elif (heading := HEADING.match(line)) and not para:
            blocks.append(Block("heading", heading.group(2), lineno, level=len(heading.group(1))))
            i += 1
        elif (label := LABEL.match(stripped)) and not para:
            blocks.append(Block("label", label.group("label"), lineno))
            i += 1
        else:
            if not para:
                para_start = lineno
            para.append(line)
            i += 1
    flush()
    return blocks


def _closing_fence(lines, start, fence):
    char, size = fence[0], len(fence)
    closing = re.compile(rf"^[ \t]*{re.escape(char)}{{{size},}}\s*$")
    for j in range(start + 1, len(lines)):
        if closing.match(lines[j]):
            return j
    raise ValueError(f"unclosed fence {fence!r} opened on line {start + 1}")


def _closing_math(lines, start):
    for j in range(start + 1, len(lines)):
        if lines[j].strip().endswith("$$") or re.match(r"^\s*\$\$\s*\(\S+\)\s*$", lines[j]):
            return j  # ``$$`` or ``$$ (label)``
    raise ValueError(f"unclosed $$ opened on line {start + 1}")


def _directive(name, arg, body, lineno):
    lines = body.splitlines()
    options, k = {}, 0
    while k < len(lines) and (option := OPTION.match(lines[k].strip())):
        options[option.group("key")] = option.group("value")
        k += 1
    rest = lines[k:]
    block = Block("directive", "\n".join(rest), lineno, name=name, arg=arg, options=options)
    if name not in OPAQUE_DIRECTIVES:
        block.children = _parse_lines(rest, lineno + 1 + k)
    return block


def walk(blocks):
    """Every block, depth first, in reading order (a directive before its children)."""
    for block in blocks:
        yield block
        yield from walk(block.children)


# -- Inline ----------------------------------------------------------------------------------

ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<content>[^`]*)`")
MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)\)")
INLINE_CODE = re.compile(r"(?<!`)(`+)(?P<code>.+?)\1(?!`)", re.S)
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)[^$]+?(?<![\\\s])\$", re.S)
# Roles whose text a reader sees, when it is given as ``{ref}`text <target>` ``.
TEXT_ROLES = {"ref", "doc", "numref", "prf:ref", "term"}


def _role_text(match):
    role, content = match.group("role"), match.group("content")
    titled = re.match(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", content, re.S)
    if role in TEXT_ROLES and titled:
        return titled.group("text")
    return " "  # a link shown with its target's own title, a citation, code, math


def visible_text(markup):
    """The words of a paragraph of MyST a reader reads as prose: no code, math, roles' targets, markup."""
    text = ROLE.sub(_role_text, markup)
    text = MD_LINK.sub(lambda m: m.group("text"), text)
    text = INLINE_CODE.sub(" ", text)
    text = DISPLAY_MATH.sub(" ", text)
    text = INLINE_MATH.sub(" ", text)
    text = re.sub(r"[*_]{1,3}(?=\w)|(?<=\w)[*_]{1,3}|(?<=[\s(])\*+|\*+(?=[\s.,;:)])", "", text)
    return text


def inline_code(markup):
    """The inline code spans of a paragraph, and the targets of its code roles (``{func}`...` ``)."""
    spans = [m.group("content") for m in ROLE.finditer(markup) if m.group("role") in CODE_ROLES]
    rest = ROLE.sub(" ", markup)
    return spans + [m.group("code").strip() for m in INLINE_CODE.finditer(rest)]


CODE_ROLES = {"func", "class", "meth", "mod", "attr", "obj", "data"}


def link_targets(markup):
    """Where the links of a piece of MyST point: labels of roles and the URLs of Markdown links."""
    targets = []
    for m in ROLE.finditer(markup):
        if m.group("role") in TEXT_ROLES | {"eq"}:
            content = m.group("content")
            titled = re.match(r"^.*?<(?P<target>[^<>]+)>$", content, re.S)
            targets.append((titled.group("target") if titled else content).strip())
    targets += [m.group("target") for m in MD_LINK.finditer(markup)]
    return targets


def anchors(blocks):
    """The labels a page defines: ``(label)=`` lines and ``:label:``/``:name:`` options."""
    found = set()
    for block in walk(blocks):
        if block.kind == "label":
            found.add(block.text)
        for key in ("label", "name"):
            if block.options.get(key):
                found.add(block.options[key].strip())
    return found


def sentences(text):
    """Split prose into sentences (at ., ? or ! followed by a space and a capital, or a new item)."""
    text = re.sub(r"\s+", " ", text).strip()
    parts = re.split(r"(?<=[.?!:])\s+(?=[A-Z(*`{])|\s+(?=- )|\s+(?=\d+\. )", text)
    return [p for p in parts if p.strip()]


# -- Concept pages -------------------------------------------------------------------------------


@dataclass
class Page:
    """A concept page: its slug, its file (relative to the docs folder), its source, its blocks."""

    slug: str
    docname: str  # e.g. "linear-algebra/rank"
    text: str
    meta: dict
    blocks: list


def concept_page(docname, text):
    """A :class:`Page` from a page's source, or None when its front matter declares no slug."""
    match = FRONT_MATTER.match(text)
    meta = (yaml.safe_load(match.group("yaml")) or {}) if match else {}
    if not meta.get("slug"):
        return None
    return Page(meta["slug"], docname, text, meta, parse(text))


def concept_pages(docs_dir):
    """Every concept page under `docs_dir` (chapter folders; generated and private folders left out)."""
    pages = []
    for path in sorted(docs_dir.glob("*/*.md")):
        if path.parent.name.startswith("_") or path.parent.name in {"auto_examples", "api", "gen_modules"}:
            continue
        page = concept_page(path.relative_to(docs_dir).with_suffix("").as_posix(), path.read_text())
        if page is not None:
            pages.append(page)
    return pages


def resolve_link(target, docname):
    """The docname a Markdown link or ``{doc}`` target points to from page `docname`, or None."""
    path = target.split("#", 1)[0]
    if not path or "://" in path:
        return docname if target.startswith("#") else None
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(docname), path))
    return resolved[:-3] if resolved.endswith(".md") else resolved
