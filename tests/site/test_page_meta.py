"""docs/_ext/page_meta.py: the meta description of a page comes from its first prose sentences."""

from docutils.core import publish_doctree
from page_meta import MAX_CHARS, description


def meta(rst):
    return description(publish_doctree(rst, settings_overrides={"report_level": 5}))


def test_first_prose_paragraph_is_the_description():
    rst = "Title\n=====\n\n.. note:: A note is not the page's summary.\n\nGradient descent walks downhill.\n"
    assert meta(rst) == "Gradient descent walks downhill."


def test_sentences_with_formulas_are_left_out_but_plain_symbols_kept():
    rst = "Training moves a weight :math:`w` downhill. Then :math:`\\frac{a}{b}` breaks it. Not this.\n"
    assert meta(rst) == "Training moves a weight w downhill."


def test_continuations_and_code_only_paragraphs_are_skipped():
    rst = "``code()`` first.\n\nand the rest of a sentence.\n\nThe real summary of this page.\n"
    assert meta(rst) == "The real summary of this page."


def test_long_text_is_cut_at_a_word_boundary():
    text = meta(("Word " * 80).strip() + ".\n")
    assert len(text) <= MAX_CHARS and text.endswith("Word…")


def test_no_prose_no_description():
    assert meta("``only code``\n") is None
