"""What a page loads (docs/_ext/page_assets.py, css_purge.py, math_static.py): little, and all of it used.

The purge is checked on small stylesheets whose answer is known; the built site is checked for
one stylesheet, no render-blocking script, sized and lazy images, an icon rule for every icon,
and the weight of a first and a second visit (the issue "Fast on a phone": a concept page's
first visit under 800 kB before compression, a second page under 150 kB as transferred).
"""

import gzip
import re
import zlib
from pathlib import Path

import css_purge
import pytest

ROOT = Path(__file__).resolve().parents[2]


# The purge, on stylesheets whose answer is known ---------------------------------------------
def test_purge_keeps_what_can_match_and_drops_the_rest():
    css = """
    /* a comment */
    .used{color:red} .unused{color:blue}
    .used,.unused .deep{margin:0}
    div p{padding:0}
    .used:not(.unused){border:0}
    #here .used{top:0} #gone{top:1px}
    a[href$=".pdf"]{x:y}
    @media (min-width:10px){.unused{a:b}.used{c:d}}
    @media print{.unused{a:b}}
    @font-face{font-family:X;src:url(x.woff2)}
    @keyframes spin{from{a:b}to{c:d}}
    .show{opacity:1} .bs-tooltip-auto .tooltip-arrow{x:y}
    .\\31 0{weird:1}
    """
    out = re.sub(r"\s*\n\s*", "", css_purge.purge(css, {"used", "here"}))
    assert ".used{color:red}" in out and ".unused{color:blue}" not in out
    assert ".used{margin:0}" in out  # the dead selector of a list is dropped, the rule kept
    assert "div p{padding:0}" in out and ".used:not(.unused){border:0}" in out
    assert "#here .used{top:0}" in out and "#gone" not in out
    assert 'a[href$=".pdf"]{x:y}' in out
    assert "@media (min-width:10px){.used{c:d}}" in out and "@media print" not in out
    assert "@font-face{font-family:X;src:url(x.woff2)}" in out and "@keyframes spin{from{a:b}to{c:d}}" in out
    assert ".show{opacity:1}" in out and ".bs-tooltip-auto .tooltip-arrow{x:y}" in out  # SAFE
    assert "weird" in out  # an escaped selector is never judged
    assert "comment" not in out


def test_selector_lists_split_at_top_level_commas_only():
    assert css_purge.split_selectors(":is(.a, .b) .c, .d") == [":is(.a, .b) .c", ".d"]


def test_bundle_inlines_imports_and_rebases_urls(tmp_path):
    (tmp_path / "_static" / "styles").mkdir(parents=True)
    (tmp_path / "_static" / "basic.css").write_text(".b{background:url(file.png)}")
    (tmp_path / "_static" / "styles" / "theme.css").write_text(
        '@import "../basic.css";\n.t{x:url("../f/a.woff2")}'
    )
    (tmp_path / "_static" / "own.css").write_text('@charset "UTF-8";.o{y:url(data:image/png;base64,AA)}')
    out = css_purge.bundle(
        tmp_path, ["_static/styles/theme.css", "_static/own.css"], "_static/styles/site.css"
    )
    assert ".b{background:url(../file.png)}" in out
    assert '.t{x:url("../f/a.woff2")}' in out
    assert ".o{y:url(data:image/png;base64,AA)}" in out and "@charset" not in out


def test_used_names_reads_pages_and_the_scripts_they_load(tmp_path):
    (tmp_path / "s.js").write_text("el.classList.add('is-open')")
    (tmp_path / "bootstrap.js").write_text("'toast modal carousel'")
    page = tmp_path / "p.html"
    page.write_text(
        '<div class="a b" id="top"><script src="s.js?v=1"></script><script src="bootstrap.js"></script>'
    )
    used = css_purge.used_names([page])
    assert {"a", "b", "top", "is-open"} <= used
    assert "toast" not in used  # WORDS_NOT_CLASSES


# The built site ---------------------------------------------------------------------------------


def pages(site):
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def head_of(html):
    return html.split("</head>")[0]


@pytest.mark.build
def test_every_page_links_one_stylesheet_with_its_checksum(site):
    css = (site / "_static" / "styles" / "site.css").read_bytes()
    version = f"{zlib.crc32(css):08x}"
    for page in pages(site):
        html = page.read_text()
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page
        links = re.findall(r'<link [^>]*rel="stylesheet"[^>]*>', html)
        assert len(links) == 1 and f"site.css?v={version}" in links[0], (page, links)


# Pages allowed to load a script that blocks the first paint, with the reason.
BLOCKING_SCRIPTS_ALLOWED = {
    "search.html": "the search page runs the search as it loads (the theme's template); not a reading page",
}


@pytest.mark.build
def test_no_script_blocks_the_first_paint(site):
    for page in pages(site):
        if page.relative_to(site).as_posix() in BLOCKING_SCRIPTS_ALLOWED:
            continue
        for tag in re.findall(r"<script\b[^>]*>", head_of(page.read_text())):
            if "src=" in tag:
                assert "defer" in tag or "async" in tag or 'type="module"' in tag, (page, tag)
            else:
                assert 'type="module"' in tag or "data-cfasync" in tag, (page, tag)


@pytest.mark.build
def test_images_have_their_size_and_load_lazily_after_the_first(site):
    for page in pages(site):
        images = re.findall(r"<img\b[^>]*>", page.read_text().split("<article", 1)[-1])
        for i, tag in enumerate(images):
            if 'src="data:' in tag or ".svg" in tag:
                continue
            assert re.search(r' width="\d+" height="\d+"', tag), (page, tag)
            assert ('loading="lazy"' in tag) == (i > 0), (page, tag)


@pytest.mark.build
def test_every_icon_a_page_names_is_drawn(site):
    drawn = set(
        re.findall(r"^\.(fa-[a-z-]+) \{ --mlmath-icon", (ROOT / "docs/_static/icons.css").read_text(), re.M)
    )
    named = set()
    for page in pages(site):
        for classes in re.findall(r'class="([^"]*\bfa-(?:solid|regular|brands)\b[^"]*)"', page.read_text()):
            named |= {
                c for c in classes.split() if c.startswith("fa-") and c not in {"fa-solid", "fa-lg", "fa-fw"}
            }
    assert named and named <= drawn, named - drawn


def weight(site, page, cached=frozenset()):
    """Bytes a visit to `page` loads (before and after gzip), leaving out the files in `cached`.

    The HTML, its stylesheet and scripts, the images it loads at once (not the lazy ones below
    the fold, which load as the reader scrolls: Lighthouse does not count them either), and the
    MathJax fonts its formulas use.
    """
    html = page.read_text()
    files = [page]
    eager = [tag for tag in re.findall(r"<img\b[^>]*>", html) if 'loading="lazy"' not in tag]
    eager_sources = [m.group(1) for tag in eager if (m := re.search(r'\ssrc="([^"]+)"', tag))]
    for ref in re.findall(r'(?:href|src)="([^"#]+)"', head_of(html)) + eager_sources:
        path = (page.parent / ref.split("?")[0]).resolve()
        if path.is_file() and path.suffix in {".css", ".js", ".png", ".svg"}:
            files.append(path)
    families = {"ZERO", "BRK"} if "<mjx-container" in html else set()
    families |= set(re.findall(r'class="NCM-([A-Z-]+)"', html))
    fonts = site / "_static" / "mathjax" / "woff2"
    files += [
        fonts / f"mjx-ncm-{f.lower()}.woff2"
        for f in families
        if (fonts / f"mjx-ncm-{f.lower()}.woff2").is_file()
    ]
    new = [f for f in dict.fromkeys(files) if f not in cached]
    raw = sum(f.stat().st_size for f in new)
    zipped = sum(
        len(gzip.compress(f.read_bytes()))
        if f.suffix in {".html", ".css", ".js", ".svg"}
        else f.stat().st_size
        for f in new
    )
    return raw, zipped, set(files)


@pytest.mark.build
def test_first_and_second_visit_are_light(site):
    first = site / "linear-algebra" / "determinant.html"
    raw, _, cached = weight(site, first)
    assert raw < 800_000, f"first visit of a concept page: {raw} bytes"
    for second in ["linear-algebra/matrix-inverse.html", "calculus/derivative.html"]:
        _, zipped, _ = weight(site, site / second, cached)
        assert zipped < 150_000, f"second page {second}: {zipped} bytes transferred"


def test_gallery_images_are_recompressed_without_loss_once(tmp_path):
    import image_optimize
    import numpy as np
    from PIL import Image

    folder = tmp_path / "auto_examples" / "ch" / "images"
    folder.mkdir(parents=True)
    pixels = np.full((60, 80, 4), 255, dtype=np.uint8)
    pixels[10:50, 20:60, :3] = (31, 119, 180)  # an opaque figure: a blue square on white
    Image.fromarray(pixels, "RGBA").save(folder / "sphx_glr_plot_x_001.png", compress_level=1)
    before = (folder / "sphx_glr_plot_x_001.png").stat().st_size
    record = tmp_path / "doctrees" / "optimized-images.json"
    assert image_optimize.optimize_folder(tmp_path / "auto_examples", record)[0] == 1
    after = Image.open(folder / "sphx_glr_plot_x_001.png")
    assert (folder / "sphx_glr_plot_x_001.png").stat().st_size < before
    assert np.array_equal(np.asarray(after.convert("RGBA")), pixels), "not one pixel changes"
    assert image_optimize.optimize_folder(tmp_path / "auto_examples", record) == (0, 0), "done once"
