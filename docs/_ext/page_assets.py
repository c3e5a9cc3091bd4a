"""Sphinx extension: what a page loads, kept to what it uses, so it shows fast on a phone.

- **One stylesheet.** The theme's and every extension's CSS files are joined into
  ``_static/styles/site.css``, and the rules whose selectors need a class or id that no page
  and no script of the site uses are dropped (about 85 % of the theme's CSS: Bootstrap
  components and Font Awesome's thousands of icon rules). One request instead of fifteen,
  render-blocking once. The file's checksum goes into every page's link (``?v=``), so a host
  may cache it for a year.
- **No script blocks the first paint.** Every script is loaded with ``defer`` (inline ones as
  modules, which run in the same order after the page is parsed).
- **Images with their size.** Each ``<img>`` gets its ``width`` and ``height`` (no layout shift
  while it loads) and every one after the first is ``loading="lazy"``.

The stylesheet depends on every page's classes, so it is made at the end of the build; the
pages written before it link it with a placeholder that is then replaced by the checksum (and
every page's link is updated when the checksum changes).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import css_purge
from sphinx.builders.html._assets import _JavaScript

BUNDLE = "_static/styles/site.css"
PENDING = "pending"
LINK = re.compile(r"(site\.css\?v=)([0-9a-z]+)")
THEME_CSS = ["_static/styles/theme.css", "_static/styles/pydata-sphinx-theme.css"]
IMG = re.compile(r"<img\b[^>]*>")
# Pages whose own template runs inline code that needs the scripts loaded first, with the reason.
KEEP_SCRIPTS_AS_THEY_ARE = {"search": "the theme's search template calls doctools' _ready() inline"}


def _written(app):
    """The pages written by this build (they link the stylesheet with the placeholder)."""
    if not hasattr(app, "page_assets_written"):
        app.page_assets_written = set()
    return app.page_assets_written


def stylesheets(app):
    """Every local stylesheet a page links, in the order the theme links them."""
    names = list(THEME_CSS)
    for css in app.builder._css_files:  # Sphinx's list of site-wide stylesheets (no public API)
        name = str(css.filename)
        if "://" not in name and name not in names:
            names.append(name if name.startswith("_static/") else f"_static/{name}")
    return names


def _png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def _image_files(app):
    """{file name: path} of the images a page may show: Sphinx's, and the gallery's (which copies its own)."""
    if not hasattr(app, "page_assets_images"):
        found = {p.name: p for p in Path(app.srcdir).rglob("*.png") if "_build" not in p.parts}
        app.page_assets_images = found
    found = dict(app.page_assets_images)
    found.update({Path(out).name: Path(app.srcdir, src) for src, out in app.builder.images.items()})
    return found


def _sized_images(app, pagename, body):
    """Add width, height (from the file) and, after the first image, lazy loading to every <img>."""
    sources = _image_files(app)
    count = 0

    def fix(match):
        nonlocal count
        tag = match.group(0)
        count += 1
        src = re.search(r'\ssrc="([^"]+)"', tag)
        extra = ""
        if src and " width=" not in tag and " height=" not in tag:
            path = sources.get(Path(src.group(1)).name)
            size = _png_size(path) if path is not None and path.is_file() else None
            if size:
                extra += f' width="{size[0]}" height="{size[1]}"'
        if count > 1 and "loading=" not in tag:
            extra += ' loading="lazy" decoding="async"'
        return (
            tag[: -2 if tag.endswith("/>") else -1].rstrip() + extra + (" />" if tag.endswith("/>") else ">")
        )

    return IMG.sub(fix, body)


def _deferred(script):
    if not isinstance(script, _JavaScript):
        return _JavaScript(script, defer="defer")
    attrs = dict(script.attributes)
    if not script.filename:
        if attrs.get("body") and "type" not in attrs:
            attrs["type"] = "module"  # runs after parsing, in order with the deferred files
    elif "async" not in attrs and "defer" not in attrs:
        attrs["defer"] = "defer"
    return _JavaScript(script.filename, priority=script.priority, **attrs)


def _on_html_page_context(app, pagename, templatename, context, doctree):
    assert all(css in app.builder._orig_css_files for css in context.get("css_files", [])), (
        "a page links a stylesheet of its own: page_assets bundles only the site-wide ones"
    )
    context["css_files"] = []
    context["mlmath_stylesheet"] = context["pathto"](BUNDLE, 1) + f"?v={PENDING}"
    if pagename not in KEEP_SCRIPTS_AS_THEY_ARE:
        context["script_files"] = [_deferred(s) for s in context.get("script_files", [])]
    if "body" in context:
        context["body"] = _sized_images(app, pagename, context["body"])
    _written(app).add(app.builder.get_outfilename(pagename))


def _on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    pages = sorted(p for p in out.rglob("*.html") if "_static" not in p.parts)
    used = css_purge.used_names(pages)
    css = css_purge.purge(css_purge.bundle(out, stylesheets(app), BUNDLE), used)
    target = out / BUNDLE
    version = f"{zlib.crc32(css.encode()):08x}"
    changed = not target.is_file() or target.read_text(encoding="utf-8") != css
    if changed:
        target.write_text(css, encoding="utf-8")
    for page in pages if changed else [Path(p) for p in _written(app)]:
        text = page.read_text(encoding="utf-8")
        new = LINK.sub(rf"\g<1>{version}", text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _on_html_page_context, priority=900)  # after others add assets
    app.connect("build-finished", _on_build_finished, priority=900)  # after the static files
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": False}
