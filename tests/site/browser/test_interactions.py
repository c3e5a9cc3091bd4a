"""What a reader does on chosen pages: search, copy code and math, switch to dark mode, follow a path."""

import json
import re

import pytest

DARK_PAGE = "linear-algebra/determinant.html"  # a figure, math and the concept box


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def test_search_finds_a_concept_page_from_its_title(page, base_url):
    page.goto(base_url + "search.html?q=" + "Determinant: how much a map scales area and volume")
    hit = page.locator('ul.search li a[href*="linear-algebra/determinant.html"]').first
    hit.wait_for(timeout=15000)
    first = page.locator("ul.search li a").first
    assert "determinant.html" in first.get_attribute("href"), "the page is not the first result"


def test_copy_button_copies_code_without_prompts_or_output(page, base_url):
    page.goto(base_url + "fundamentals/composition.html")
    block = page.locator("div.highlight", has_text=">>> from mlmath_ref.fundamentals import compose").first
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("from mlmath_ref.fundamentals import compose\n"), copied
    assert ">>>" not in copied and "..." not in copied
    assert "    return x**2" in copied
    assert not re.search(r"^(8|4)$", copied, re.M), "output lines were copied"


def test_copying_text_with_math_gives_the_tex(page, base_url):
    page.goto(base_url + "linear-algebra/determinant.html")
    paragraph = page.locator("p", has_text="In plain English:").first
    page.evaluate(
        "(p) => { const r = document.createRange(); r.selectNodeContents(p);"
        " const s = getSelection(); s.removeAllRanges(); s.addRange(r); }",
        paragraph.element_handle(),
    )
    page.keyboard.press("Control+c")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("In plain English: $\\lvert \\det A \\rvert$ is the factor"), copied
    assert "$\\det I = 1$" in copied and "𝐴" not in copied, copied


def choose_mode(page, mode):
    """Open the theme's color-mode menu and pick a mode (light, dark or auto)."""
    page.locator("button.theme-switch-button:visible").first.click()
    page.locator(f"button.theme-change-button[data-mode={mode}]:visible").first.click()


def theme_of(page):
    return page.evaluate("document.documentElement.dataset.theme")


def test_dark_mode_switch_works_and_figures_stay_readable(page, base_url, artifacts):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(base_url + DARK_PAGE)
    figure = page.locator(".bd-content figure img, .bd-content img.sphx-glr-single-img").first
    figure.scroll_into_view_if_needed()
    assert theme_of(page) == "light"  # a fresh profile follows the system (light here)
    choose_mode(page, "dark")
    assert theme_of(page) == "dark", "the switch did not turn the page dark"
    background = page.evaluate(f"getComputedStyle(document.querySelector('{DARK_SELECTOR}')).backgroundColor")
    assert background == "rgb(255, 255, 255)", "figures drawn on white lost their white card in dark mode"
    page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page_background != "rgb(255, 255, 255)", "dark mode did not darken the page"
    figure.screenshot(path=str(artifacts / "figure-dark.png"))
    page.screenshot(path=str(artifacts / "page-dark.png"))
    choose_mode(page, "light")
    assert theme_of(page) == "light"
    page.screenshot(path=str(artifacts / "page-light.png"))
    figure.screenshot(path=str(artifacts / "figure-light.png"))
    # The choice is remembered across pages.
    page.goto(base_url + "index.html")
    assert theme_of(page) == "light"


DARK_SELECTOR = ".bd-content figure img, .bd-content img.sphx-glr-single-img"


def test_before_you_start_link_goes_to_the_prerequisite(page, base_url):
    page.goto(base_url + "linear-algebra/determinant.html")
    box = page.locator("p", has_text="Before you start:").first
    link = box.locator("a.concept-link").first
    title = link.inner_text()
    assert title == "The matrix of a linear map: where the unit vectors land"
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("linear-algebra/matrix-of-a-map.html")
    heading = page.locator("h1").first.inner_text()
    assert heading.startswith(title.split(":")[0]), heading


def page_of(site, slug):
    """The page a concept's search hit leads to: its own page, or its note while it is to come."""
    concept = json.loads((site / "concept-graph.json").read_text())["concepts"][slug]
    return f"coming/{slug}.html" if concept["coming"] else concept["docname"] + ".html"


@pytest.mark.parametrize(
    "query, slug",
    [
        ("gradient check", "numerical-differentiation"),
        ("KL", "kl-divergence"),
        ("initialisation", "initialization"),
        ("softmax subtract max", "softmax"),
    ],
)
def test_search_puts_the_named_concept_first(page, site, base_url, query, slug):
    page.goto(base_url + "search.html?q=" + query)
    page.locator("ul.search li a").first.wait_for(timeout=15000)
    href = page.locator("ul.search li a").first.get_attribute("href")
    assert href.split("#")[0] == page_of(site, slug), (query, href)


def test_a_note_for_a_page_to_come_says_what_to_read(page, site, base_url):
    concepts = json.loads((site / "concept-graph.json").read_text())["concepts"]
    coming = sorted(slug for slug, c in concepts.items() if c["coming"])
    if not coming:
        # Every chapter is written: then no note may exist and no roadmap box may say "coming"
        # (the notes themselves are tested on a made-up graph in tests/site/test_coming_notes.py).
        assert not list((site / "coming").glob("*.html"))
        page.goto(base_url + "index.html")
        assert page.locator(".roadmap-node.coming").count() == 0
        assert page.locator(".roadmap-node").count() == len(concepts)
        return
    slug = coming[0]
    page.goto(base_url + f"coming/{slug}.html")
    assert page.locator("h1").first.inner_text().endswith("(page to come)")
    meanwhile = page.locator("p", has_text="Read meanwhile").first
    link = meanwhile.locator("a").last
    target = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(target.split("/", 1)[-1].split("#")[0])


def test_the_cite_box_links_the_address_the_page_is_served_from(page, base_url):
    page.goto(base_url + "linear-algebra/determinant.html")
    permalink = page.locator("a.concept-permalink")
    assert permalink.inner_text() == base_url + "linear-algebra/determinant.html"
    assert base_url + "linear-algebra/determinant.html" in page.locator("pre.concept-bibtex").text_content()
    assert base_url in page.locator("p.concept-citation").inner_text()
    permalink.click()
    page.wait_for_load_state("load")
    assert page.url == base_url + "linear-algebra/determinant.html"
    assert "Determinant: how much a map scales area" in page.locator("h1").first.inner_text()


def test_reading_lists_give_the_address_the_site_is_served_from(page, base_url):
    page.goto(base_url + "paths/zero-to-backpropagation.html")
    text = page.locator(".reading-list-text pre").first.inner_text()
    assert f" - {base_url}fundamentals/sets.html" in text, text[:400]
    assert "no base URL" not in text
