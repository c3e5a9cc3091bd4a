"""Sphinx extension: the search's English, which reads British spellings as American ones.

Sphinx's search stems every word of the pages (Python, when the index is built) and of the
reader's query (JavaScript, in the browser) with the same Snowball stemmer, so "gradients"
finds "gradient". This extension registers, for ``language = "en"``, a search language that
first maps a British spelling to the American one (``american.py``), on both sides: the
stemmer the index is built with, and the ``Stemmer`` class the search page uses, which gets
the same table as JSON. "initialisation" and "initialization" then find the same pages.

Words of one or two letters ("QR", "L1", "KL") are indexed as Sphinx indexes them; the
ranking (``search_rank.py``) makes sure they count.
"""

from __future__ import annotations

import json
from importlib import resources

import american
from sphinx.search.en import SearchEnglish

# The JavaScript side of american.american(): the same steps, on the same table.
AMERICAN_JS = """
const mlmathSpelling = %(table)s;
const mlmathAmerican = (word) => {
  const t = mlmathSpelling;
  if (Object.hasOwn(t.words, word)) return t.words[word];
  const ends = Object.keys(t.endings).sort((a, b) => b.length - a.length);
  for (const end of ends) {
    if (word.endsWith(end) && t.stems.includes(word.slice(0, -end.length)))
      return word.slice(0, -end.length) + t.endings[end];
  }
  for (const suffix of t.suffixes) {
    const base = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && Object.hasOwn(t.words, base)) return t.words[base] + suffix;
    const verb = ["ed", "ing", "er", "ers"].includes(suffix);
    if (word.endsWith(suffix) && verb && Object.hasOwn(t.words, base + "e"))
      return t.words[base + "e"].slice(0, -1) + suffix;
  }
  return word;
};
window.mlmathAmerican = mlmathAmerican;
window.Stemmer = function () {
  const snowball = new EnglishStemmer();
  this.stemWord = (word) => snowball.stemWord(mlmathAmerican(word.toLowerCase()));
};
"""


def _snowball_js():
    """Sphinx's minified Snowball stemmer for English (what Sphinx itself would inline)."""
    folder = resources.files("sphinx.search").joinpath("minified-js")
    return "\n".join(
        folder.joinpath(name).read_text(encoding="utf-8")
        for name in ("base-stemmer.js", "english-stemmer.js")
    )


class SearchAmerican(SearchEnglish):
    """English, with British spellings read as American ones (index and query alike)."""

    lang = "en"
    language_name = "English"
    js_stemmer_rawcode = ""  # the stemmer is inlined below, with the spelling table

    def __init__(self, options):
        super().__init__(options)
        self.js_stemmer_code = _snowball_js() + AMERICAN_JS % {
            "table": json.dumps(american.table(), sort_keys=True)
        }

    def stem(self, word):
        return self.stemmer.stemWord(american.american(word.lower()))


def setup(app):
    app.add_search_language(SearchAmerican)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
