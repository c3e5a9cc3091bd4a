"""Theorems come with a reason (CONTRIBUTING.md, section 7, check 6).

Every ``{prf:theorem}`` (and lemma, proposition, corollary) block is followed, before the next
heading and within the next few paragraphs, by a paragraph that starts with a reason marker
("Why", "Proof", "The reason", "To see why", ...) or by a ``{prf:proof}`` block; or it holds
such a paragraph or a proof block itself. A reader who meets a theorem gets at least one
sentence of why: a proof sketch, or the picture that makes it obvious.
"""

import re
from pathlib import Path

import pytest
from page_text import concept_page, concept_pages, walk

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

THEOREM_KINDS = {"prf:theorem", "prf:lemma", "prf:proposition", "prf:corollary"}
REASON = re.compile(r"^[*_]*(Why|Proof|Proof sketch|The proof|Reason|The reason|To see why)\b")
# How many paragraphs after the block may come before the reason.
WITHIN_PARAGRAPHS = 4
# Theorem labels that may stand without a reason, with the reason why. None so far.
ALLOWED = {}


def is_reason(block):
    return block.name == "prf:proof" or (
        block.kind == "paragraph" and not block.continued and REASON.match(block.text.lstrip())
    )


def theorems_without_reason(blocks):
    """(line, title) of every theorem-like block in `blocks` (at any depth) that has no reason."""
    found = []
    for container in [blocks, *(b.children for b in walk(blocks))]:
        for i, block in enumerate(container):
            if block.name not in THEOREM_KINDS or block.options.get("label") in ALLOWED:
                continue
            if any(is_reason(inner) for inner in walk(block.children)):
                continue
            after, paragraphs = [], 0
            for nxt in container[i + 1 :]:
                if nxt.kind == "heading" or paragraphs >= WITHIN_PARAGRAPHS:
                    break
                after.append(nxt)
                paragraphs += nxt.kind == "paragraph" and not nxt.continued
            if not any(is_reason(b) for b in after):
                found.append((block.line, block.arg))
    return found


PAGES = concept_pages(DOCS)


def test_there_are_theorems_to_check():
    count = sum(b.name in THEOREM_KINDS for p in PAGES for b in walk(p.blocks))
    assert count >= 30


@pytest.mark.parametrize("page", PAGES, ids=[p.docname for p in PAGES])
def test_every_theorem_has_a_reason(page):
    missing = theorems_without_reason(page.blocks)
    assert not missing, (
        "theorems with no paragraph of why (start it with 'Why:', 'Proof sketch:', 'The reason', "
        f"or add a {{prf:proof}} block) before the next heading: {missing}"
    )


def test_allow_list_names_real_theorems():
    labels = {b.options.get("label") for p in PAGES for b in walk(p.blocks) if b.name in THEOREM_KINDS}
    assert set(ALLOWED) <= labels


# -- The check catches planted defects ---------------------------------------------------------------

PAGE = """\
---
slug: tiny
---
# Tiny

## Definition

:::{{prf:theorem}} Something holds
:label: thm-tiny

It holds.
{inside}:::

{after}

## Next

Why: too late, under another heading.
"""


def tiny(after="", inside=""):
    return concept_page("one/tiny", PAGE.format(after=after, inside=inside)).blocks


def test_a_theorem_with_no_reason_is_caught():
    assert theorems_without_reason(tiny("In plain English: it holds.")) == [(8, "Something holds")]


@pytest.mark.parametrize(
    "after",
    [
        "Why: because.",
        "**Proof sketch.** Because.",
        "In plain English: it holds.\n\nThe reason is simple.",
        "```{prf:proof}\nBecause.\n```",
    ],
)
def test_a_reason_after_the_theorem_counts(after):
    assert theorems_without_reason(tiny(after)) == []


def test_a_reason_inside_the_theorem_counts():
    assert theorems_without_reason(tiny(inside="\nWhy: because.\n")) == []


def test_a_reason_too_far_away_does_not_count():
    far = "\n\n".join(["Text."] * WITHIN_PARAGRAPHS) + "\n\nWhy: because."
    assert theorems_without_reason(tiny(far)) == [(8, "Something holds")]


def test_a_sentence_continued_after_math_is_not_a_new_paragraph():
    assert theorems_without_reason(tiny("It holds as\n$$\nx = 1\n$$\nWhy this is so is not said.")) == [
        (8, "Something holds")
    ]
