"""The gallery's figures: one house style for every example, and no half-drawn figure saved.

Not a Sphinx extension: ``sphinx_gallery_conf`` in ``conf.py`` names these functions by their
import path (sphinx-gallery imports them; a string keeps the configuration cacheable).

- :func:`house_style` runs before every example (``reset_modules``), after matplotlib's own
  reset. It sets what every figure shares: ``savefig.bbox = "tight"`` with a margin of
  ``savefig.pad_inches``, so the saved image is the figure's ink plus a white border and no
  title, label or legend is cut at the edge (``tests/site/test_gallery_figures.py`` checks
  every image for ink at its border).
- :func:`checked_matplotlib_scraper` is the image scraper. sphinx-gallery saves the open
  figures at the end of each cell; a figure drawn across two cells would be saved half drawn.
  Before saving, it fails the example, naming it, when a figure has an axes that holds no data
  (:func:`empty_axes`); otherwise it hands over to sphinx-gallery's matplotlib scraper.
"""

from __future__ import annotations

from pathlib import Path

# The white border every saved figure gets, in inches (10 pixels at the gallery's 100 dpi).
PAD_INCHES = 0.1

# Axes that may hold no data, as (example file name, axes title) with the reason. None so far.
EMPTY_AXES_ALLOWED = {}


def house_style(gallery_conf, fname, when=None):
    """Set the rc parameters every gallery figure shares (``reset_modules``, before each example)."""
    import matplotlib

    matplotlib.rcParams["savefig.bbox"] = "tight"
    matplotlib.rcParams["savefig.pad_inches"] = PAD_INCHES


def empty_axes(fig):
    """Descriptions of the axes of `fig` that hold no data (nothing plotted, drawn or shown).

    An axes counts as drawn when it holds a line, a patch, a collection or an image
    (``Axes.has_data``), or text, annotations or tables of its own (a diagram drawn with
    arrows and labels). Its title, axis labels and ticks alone do not count: they are set
    with the axes, often in the cell that creates the figure.
    """
    empty = []
    for index, ax in enumerate(fig.axes):
        if ax.has_data() or ax.texts or ax.artists or ax.tables:
            continue
        title = ax.get_title() or ax.get_title(loc="left") or ""
        empty.append(f"axes {index} ({title!r})" if title else f"axes {index} (untitled)")
    return empty


class HalfDrawnFigureError(RuntimeError):
    """A gallery figure is about to be saved with an axes that holds no data."""


def checked_matplotlib_scraper(block, block_vars, gallery_conf, **kwargs):
    """sphinx-gallery's matplotlib scraper, after checking that every open figure is fully drawn."""
    import matplotlib.pyplot as plt
    from sphinx_gallery.scrapers import matplotlib_scraper

    example = Path(block_vars.get("src_file", "?")).name
    problems = []
    for number in plt.get_fignums():
        fig = plt.figure(number)
        for axes in empty_axes(fig):
            title = axes.split("(", 1)[1].rstrip(")").strip("'")
            if (example, title) not in EMPTY_AXES_ALLOWED:
                problems.append(f"figure {number}: {axes}")
    if problems:
        plt.close("all")  # sphinx-gallery scrapes again after an error, to close the figures
        raise HalfDrawnFigureError(
            f"{example}: a figure is saved at the end of the cell that made it, and this one has "
            f"an axes that holds no data ({'; '.join(problems)}). Draw each figure in one cell "
            "(CONTRIBUTING.md, section 4)."
        )
    return matplotlib_scraper(block, block_vars, gallery_conf, **kwargs)
