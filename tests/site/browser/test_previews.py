"""Hover and focus previews of definitions in chromium (docs/_ext/previews.py, _static/previews.js).

A link to a concept page, a definition or a glossary term shows the definition, numbered and
typeset, in a card: on hover and on keyboard focus, gone on Escape, described to screen readers,
readable (axe, colors included) in light and dark mode, and without breaking what the page does
(anchors, copy buttons). A planted page whose card is missing shows that the check can fail.
"""

import re

import pytest
from offline_assets import node_modules
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from serve_site import serve

PAGE = "linear-algebra/determinant.html"
BEFORE = "p.concept-before a.concept-link[data-preview]"  # "Before you start: The matrix of a linear map"


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def axe_script():
    path = node_modules() / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"axe-core missing from {node_modules()}: build the site first (it runs npm ci)")
    server, url = serve(path.parent)
    yield url + "axe.min.js"
    server.shutdown()
    server.server_close()


def wait_visible(locator, timeout=4000):
    try:
        locator.wait_for(state="visible", timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def preview_problems(page, selector):
    """What is wrong with the preview of the first link `selector` finds ([] when it all works)."""
    problems = []
    link = page.locator(selector).first
    card = page.locator("#mlmath-preview")
    link.hover()
    if not wait_visible(card):
        return ["no card on hover"]
    text = card.inner_text()
    if not re.search(r"Definition \d+\.\d+\.\d+", text):
        problems.append(f"the card shows no numbered definition: {text[:80]!r}")
    if not card.locator("mjx-container").count():
        problems.append("the card has no typeset math")
    if link.get_attribute("aria-describedby") != "mlmath-preview":
        problems.append("the link is not described by its card")
    page.keyboard.press("Escape")
    if card.is_visible():
        problems.append("Escape does not dismiss the card")
    page.mouse.move(5, 5)
    link.focus()
    if not wait_visible(card):
        problems.append("no card on keyboard focus")
    page.keyboard.press("Escape")
    return problems


def test_a_concept_link_previews_its_definition(page, base_url):
    page.goto(base_url + PAGE)
    assert preview_problems(page, BEFORE) == []


def test_a_glossary_term_previews_its_definition(page, base_url):
    page.goto(base_url + "glossary.html")
    assert preview_problems(page, 'a.glossary-link[href*="#def-"]') == []


def test_the_card_stays_while_the_pointer_is_on_it(page, base_url):
    page.goto(base_url + PAGE)
    page.locator(BEFORE).first.hover()
    card = page.locator("#mlmath-preview")
    assert wait_visible(card)
    card.hover()
    page.wait_for_timeout(700)  # longer than the card waits before it hides
    assert card.is_visible(), "the card went away under the pointer"
    page.mouse.move(5, 5)
    card.wait_for(state="hidden", timeout=3000)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_card_is_readable_in_light_and_dark_mode(page, base_url, axe_script, mode, artifacts):
    page.goto(base_url + PAGE)
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    page.locator(BEFORE).first.hover()
    card = page.locator("#mlmath-preview")
    assert wait_visible(card)
    page.screenshot(path=str(artifacts / f"preview-{mode}.png"))
    colors = page.evaluate(
        "() => { const s = getComputedStyle(document.getElementById('mlmath-preview'));"
        " return [s.backgroundColor, s.color]; }"
    )
    page_colors = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert colors[0] == page_colors, "the card does not take the page's background"
    page.add_script_tag(url=axe_script)
    violations = page.evaluate(
        "async () => (await axe.run('#mlmath-preview', {resultTypes: ['violations']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    assert not violations, violations


def test_previews_leave_anchors_and_copy_buttons_working(page, base_url):
    page.goto(base_url + "fundamentals/composition.html")
    link = page.locator("a[data-preview]").first
    link.hover()
    assert wait_visible(page.locator("#mlmath-preview"))
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    definition_ids = [i for i in ids if i.startswith("def-")]
    assert len(definition_ids) == len(set(definition_ids)), "the card repeats an id of the page"
    page.keyboard.press("Escape")
    anchor = page.locator("a.proof-link").first
    target = anchor.get_attribute("href")
    anchor.click()
    assert page.evaluate("location.hash") == target
    block = page.locator("div.highlight", has_text=">>> from mlmath_ref.fundamentals import compose").first
    block.hover()
    block.locator("button.copybtn").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith(
        "from mlmath_ref.fundamentals import compose"
    )


def test_the_check_catches_a_preview_that_does_not_work(browser, site, serve_folder, tmp_path):
    # The determinant page, served beside the site's assets, with its first preview pointing at a
    # card that does not exist: the check must say so.
    (tmp_path / "_static").symlink_to(site / "_static")
    (tmp_path / "_images").symlink_to(site / "_images")
    (tmp_path / "linear-algebra").mkdir()
    html = (site / PAGE).read_text()
    key = re.search(r'class="concept-link[^"]*" href="[^"]+" data-preview="([^"]+)"', html).group(1)
    (tmp_path / PAGE).write_text(html.replace(f'data-preview="{key}"', 'data-preview="def-no-such-card"', 1))
    base = serve_folder(tmp_path)
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + PAGE)
    assert preview_problems(page, BEFORE) == ["no card on hover"]
    context.close()
