"""American spelling: the British forms the site does not write, and how search reads them.

The site writes American English, as NumPy, SciPy and scikit-learn do ("normalize", "behavior",
"initialization", "license"). Readers type either spelling, so the search maps a British form
to the American one before stemming, in the index (``search_language.py``) and in the reader's
query (the same table, sent to the browser as JSON). The site-rule test
``tests/site/test_spelling.py`` uses :func:`british_forms` to find the forms that crept back in.

Plain Python, no Sphinx import.
"""

from __future__ import annotations

import re

# British word -> American word, for words no rule below covers (lower case).
WORDS = {
    "behaviour": "behavior",
    "colour": "color",
    "favour": "favor",
    "flavour": "flavor",
    "harbour": "harbor",
    "honour": "honor",
    "humour": "humor",
    "labour": "labor",
    "neighbour": "neighbor",
    "rumour": "rumor",
    "vapour": "vapor",
    "centre": "center",
    "fibre": "fiber",
    "litre": "liter",
    "metre": "meter",
    "theatre": "theater",
    "licence": "license",
    "defence": "defense",
    "offence": "offense",
    "grey": "gray",
    "artefact": "artifact",
    "catalogue": "catalog",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "aluminium": "aluminum",
    "analyse": "analyze",  # so "analyses" reads as the verb; the plural noun would need an exception
    "catalyse": "catalyze",
    "paralyse": "paralyze",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "skilful": "skillful",
    "learnt": "learned",
    "spelt": "spelled",
    "modelling": "modeling",
    "modelled": "modeled",
    "modeller": "modeler",
    "labelling": "labeling",
    "labelled": "labeled",
    "levelling": "leveling",
    "levelled": "leveled",
    "travelling": "traveling",
    "travelled": "traveled",
    "signalling": "signaling",
    "signalled": "signaled",
    "cancelling": "canceling",
    "cancelled": "canceled",
    "tunnelling": "tunneling",
    "fuelled": "fueled",
    "counselling": "counseling",
    "centred": "centered",
    "centring": "centering",
}

# Stems that take -ize / -ization in American English and -ise / -isation in British English
# ("normal" + "ise"). A list, not a rule on every "-ise": "precise", "noise", "otherwise",
# "exercise", "raise" and "promise" are the same in both.
IZE_STEMS = (
    "normal initial optim minim maxim vector parametr parameter regular general real organ "
    "recogn summar standard visual special linear factor serial local penal util custom categor "
    "emphas character capital diagonal orthogonal orthonormal token central symmetr random "
    "stabil equal harmon memor priorit quant discret tensor polar final synthes hypothes "
    "apolog critic author popular styl mobil neutral"
).split()
IZE_ENDINGS = {
    "ise": "ize",
    "ised": "ized",
    "ises": "izes",
    "ising": "izing",
    "iser": "izer",
    "isers": "izers",
    "isation": "ization",
    "isations": "izations",
}
_ENDS = sorted(IZE_ENDINGS, key=len, reverse=True)
_SUFFIXES = ("", "s", "ed", "ing", "er", "ers", "d")  # colour(s), analyse(d), centre(s)


def american(word):
    """The American spelling of one lower-case `word` (the word itself when it has no other)."""
    if word in WORDS:
        return WORDS[word]
    for end in _ENDS:
        if word.endswith(end) and word[: -len(end)] in IZE_STEMS:
            return word[: -len(end)] + IZE_ENDINGS[end]
    for suffix in _SUFFIXES[1:]:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and base in WORDS:
            return WORDS[base] + suffix
        if word.endswith(suffix) and base + "e" in WORDS and suffix in {"ed", "ing", "er", "ers"}:
            return WORDS[base + "e"][:-1] + suffix  # analysed -> analyzed, centred handled above
    return word


def british_forms(text):
    """[(British word, American word)] for every British spelling in `text`, in order."""
    found = []
    for match in re.finditer(r"[A-Za-z]+", text):
        word = match.group(0)
        lower = word.lower()
        us = american(lower)
        if us != lower:
            found.append((word, us))
    return found


def table():
    """What the browser needs to apply :func:`american` to a query: the words, stems and endings."""
    return {"words": WORDS, "stems": IZE_STEMS, "endings": IZE_ENDINGS, "suffixes": _SUFFIXES[1:]}
