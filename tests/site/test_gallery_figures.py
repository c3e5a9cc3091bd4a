"""Gallery figures are whole (CONTRIBUTING.md, section 7, checks 2 and 3).

2. **Clipped figures.** No gallery image has ink within :data:`MARGIN` pixels of its border:
   a title, label or legend that touches the edge has been cut, or nearly. The cause is fixed
   once for every figure by the house style of ``docs/_ext/gallery_figures.py`` (a tight
   bounding box with a white margin); this test looks at the images the build wrote.
3. **Half-drawn figures.** The build fails on a figure saved with an axes that holds no data
   (``gallery_figures.checked_matplotlib_scraper``): the planted tests below show it, on single
   figures and through a real sphinx-gallery build.
"""

from pathlib import Path

import gallery_figures
import matplotlib
import numpy as np
import pytest
from PIL import Image

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# Pixels along each edge that must be background. The house style leaves 10 (0.1 inch at 100 dpi).
MARGIN = 4
# A pixel is ink when a channel differs from white by more than this (anti-aliasing fades out).
INK = 24
# Gallery images allowed to have ink at the border, as file name -> reason. None so far.
BORDER_ALLOWED = {}


def ink_at_border(path, margin=MARGIN):
    """{side: ink pixels within `margin` pixels of that edge} of a PNG (sides without ink left out)."""
    rgb = np.asarray(Image.open(path).convert("RGB")).astype(int)
    ink = np.abs(rgb - 255).max(axis=2) > INK
    sides = {
        "top": ink[:margin].sum(),
        "bottom": ink[-margin:].sum(),
        "left": ink[:, :margin].sum(),
        "right": ink[:, -margin:].sum(),
    }
    return {side: int(count) for side, count in sides.items() if count}


def gallery_images(html_root):
    """Every image the gallery saved (the thumbnails are made from them and left out)."""
    return sorted((html_root.parent.parent / "auto_examples").glob("*/images/sphx_glr_*.png"))


@pytest.mark.build
def test_no_gallery_image_has_ink_at_its_border(site):
    images = gallery_images(site)
    assert len(images) >= 50
    clipped = {p.name: ink_at_border(p) for p in images if p.name not in BORDER_ALLOWED}
    clipped = {name: sides for name, sides in clipped.items() if sides}
    assert not clipped, f"ink within {MARGIN} px of the border (pixels per side): {clipped}"


# -- Check 2 catches a planted clipped figure, and the house style fixes it ----------------------------


def clipped_figure():
    fig, ax = plt.subplots(figsize=(3, 2))  # no layout engine: the title runs off the top
    ax.plot([0, 1], [0, 1])
    ax.set_title("a title cut at the top edge", y=1.1)
    ax.set_ylabel("a label")
    return fig


def test_a_clipped_figure_is_caught(tmp_path):
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        fig = clipped_figure()
        fig.savefig(tmp_path / "clipped.png")
    plt.close(fig)
    assert {"top", "left"} <= set(ink_at_border(tmp_path / "clipped.png"))


def test_the_house_style_leaves_a_margin(tmp_path):
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        gallery_figures.house_style({}, None)
        assert matplotlib.rcParams["savefig.bbox"] == "tight"
        fig = clipped_figure()
        fig.savefig(tmp_path / "styled.png")
    plt.close(fig)
    assert ink_at_border(tmp_path / "styled.png") == {}


# -- Check 3 catches planted half-drawn figures --------------------------------------------------------


def test_an_axes_without_data_is_empty():
    fig, (left, right, text, image) = plt.subplots(1, 4)
    left.plot([0, 1], [1, 0])
    right.set_title("power iteration")
    text.annotate("a diagram of arrows", (0.2, 0.2), xytext=(0.8, 0.8), arrowprops={"arrowstyle": "->"})
    fig.colorbar(image.imshow(np.eye(3)), ax=image)
    assert gallery_figures.empty_axes(fig) == ["axes 1 ('power iteration')"]
    plt.close(fig)


def test_the_scraper_refuses_a_half_drawn_figure():
    fig, (ax, ax_pow) = plt.subplots(1, 2)
    ax.plot([0, 1], [0, 1])
    with pytest.raises(gallery_figures.HalfDrawnFigureError, match=r"plot_eigen\.py.*axes 1"):
        gallery_figures.checked_matplotlib_scraper(None, {"src_file": "/x/plot_eigen.py"}, {})
    assert plt.get_fignums() == [], "the figures are closed, so the scraper's second call passes"


HALF_DRAWN = '''\
"""
Half drawn
==========

A figure drawn across two cells.
"""

# %%
# First panel
import matplotlib.pyplot as plt

fig, (ax, ax_pow) = plt.subplots(1, 2)
ax.plot([0, 1], [0, 1])

# %%
# Second panel, too late
ax_pow.plot([0, 1], [1, 0])
'''


@pytest.mark.build
def test_a_gallery_build_fails_on_a_half_drawn_figure(tiny, tmp_path):
    src = tiny.write(
        ["sphinx_gallery.gen_gallery"],
        {
            "index.rst": "Home\n====\n\n.. toctree::\n\n   auto_examples/index\n",
            "examples/README.rst": "Gallery\n=======\n",
            "examples/plot_half.py": HALF_DRAWN,
        },
        conf="""
            exclude_patterns = ["examples"]
            sphinx_gallery_conf = {
                "examples_dirs": ["examples"],
                "gallery_dirs": ["auto_examples"],
                "reset_modules": ("matplotlib", "gallery_figures.house_style"),
                "image_scrapers": ("gallery_figures.checked_matplotlib_scraper",),
            }
        """,
    )
    result = tiny.build(src, tmp_path / "out")
    assert result.returncode != 0
    assert "plot_half.py: a figure is saved at the end of the cell" in result.stderr + result.stdout
    (src / "examples" / "plot_half.py").write_text(HALF_DRAWN.replace("# %%\n# Second panel, too late\n", ""))
    result = tiny.build(src, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    (image,) = (src / "auto_examples" / "images").glob("sphx_glr_plot_half_*.png")
    assert ink_at_border(image) == {}
