// The ranking of the site's search, run on the search page (docs/_ext/search_rank.py puts this
// file, after the concept table MLMATH_SEARCH, into Sphinx's html_search_scorer; Sphinx inlines
// it into _static/language_data.js, which the search page loads after searchtools.js).
//
// Sphinx's own search finds the results: page titles, index entries (definitions and the
// keywords of concept pages), API objects and words of the text. This file changes three things:
//
// 1. Scorer.score ranks like a reference. A page whose concept the query names (its title, its
//    slug's words, a keyword from its front matter, a term it defines) comes first; then the
//    definitions of the query's term; then the pages whose text uses the query's words, then
//    the API pages, then the gallery; a note for a page still to come only when the query names
//    its concept. Within a group, pages that hold more of the query's words come first. A query
//    that is the dotted name of an API object ("linalg.det") finds that object's page first.
// 2. Words are alternatives, not all required: a page that holds some of the query's words is
//    still found ("softmax subtract max"), ranked by how many it holds. The words of a concept's
//    names count as words of its page's title.
// 3. The query reaches the scorer: Sphinx passes it to _performSearch only.
//
// Words are compared after Sphinx's own stemming (with British spellings read as American ones,
// docs/_ext/search_language.py), so "initialisation" finds "initialization".

const mlmathSearch = (() => {
  let stemmer = null;
  let current = null; // what the scorer knows about the query being run
  let prepared = null; // the concept table, with the stems of every name (built on first use)

  const stem = (word) => (stemmer ||= new Stemmer()).stemWord(word);

  /** The stems of a phrase: its words without stop words (unless it has nothing else). */
  const phrase = (text) => {
    const raw = splitQuery(text.toLowerCase().replace(/['\u2019]s\b/g, ""));
    const kept = raw.filter((w) => !stopwords.has(w));
    const words = kept.length ? kept : raw;
    const stems = words.map(stem);
    return { raw: words.join(" "), text: stems.join(" "), set: new Set(stems), solid: words.join("") };
  };

  const prepare = () => {
    if (prepared) return prepared;
    const index = Search._index;
    const fileOf = new Map(index.docnames.map((doc, i) => [doc, i]));
    const concepts = [];
    const count = MLMATH_SEARCH.concepts.length;
    for (const c of MLMATH_SEARCH.concepts) {
      if (!fileOf.has(c.doc)) continue;
      concepts.push({
        ...c,
        basic: 1 - c.order / count, // 1 for the first concept of the roadmap's reading order
        file: fileOf.get(c.doc),
        names: c.names.map(phrase),
        terms: c.terms.map(phrase),
        uses: c.uses.map(phrase),
      });
    }
    const byDoc = new Map(concepts.map((c) => [c.doc, c]));
    const nameWords = new Map(); // stem -> concepts whose names hold it
    for (const c of concepts) {
      for (const n of [...c.names, ...c.terms, ...c.uses])
        for (const w of n.set) {
          if (!nameWords.has(w)) nameWords.set(w, new Set());
          nameWords.get(w).add(c);
        }
    }
    prepared = { index, fileOf, concepts, byDoc, nameWords };
    return prepared;
  };

  /** How well a query names one name: 1 for the same words, less for part of them, 0 for none. */
  const nameScore = (q, n) => {
    if (!q.set.size || !n.set.size) return 0;
    if (q.raw === n.raw) return 1;
    if (q.text === n.text) return 0.99;
    if (q.solid === n.solid) return 0.98; // "pseudo inverse", "log sum exp"
    let common = 0;
    for (const w of q.set) {
      if (n.set.has(w)) common += 1;
      else if (w.length >= 3 && [...n.set].some((v) => v.startsWith(w) || (v.length >= 4 && w.startsWith(v))))
        common += 0.7; // a word typed short ("eigen", "backprop") or long
    }
    if (!common) return 0;
    const fq = common / q.set.size;
    const fn = Math.min(1, common / n.set.size);
    return 0.55 * fq + 0.35 * fn + (fq === 1 && fn === 1 ? 0.05 : 0);
  };

  /** How well the query names a concept: its best name; defined terms and uses count less. */
  const conceptMatch = (c) => {
    if (current.match.has(c.doc)) return current.match.get(c.doc);
    const q = current.phrase;
    let best = 0;
    for (const n of c.names) best = Math.max(best, nameScore(q, n));
    for (const n of c.terms) best = Math.max(best, 0.9 * nameScore(q, n));
    for (const n of c.uses) best = Math.max(best, 0.6 * nameScore(q, n));
    if (c.coming) best *= 0.995; // a page that exists wins a tie with a page to come
    current.match.set(c.doc, best);
    return best;
  };

  /** The group of a page that the query does not name: narrative pages, API, gallery, notes. */
  const tier = (doc) => {
    if (doc.startsWith("api/")) return 600;
    if (doc.startsWith("auto_examples/")) return 500;
    if (prepare().byDoc.get(doc)?.coming) return 300;
    return 1000;
  };

  /** True when the query is an API object's dotted name, in full or from some dot on. */
  const isObjectName = (fullname) => {
    const query = current.query.trim().toLowerCase();
    const name = fullname.toLowerCase();
    return query.includes(".") && (name === query || name.endsWith("." + query));
  };

  const score = (result) => {
    const [doc, title, anchor, , base, , kind] = result;
    if (!current) return base;
    if (kind === "object" && isObjectName(title)) return 4000; // "mlmath_ref.linalg.det", "linalg.det"
    const c = prepare().byDoc.get(doc);
    const m = c ? conceptMatch(c) : 0;
    const words = current.words.get(doc);
    const coverage = current.terms.size && words ? words.size / current.terms.size : 0;
    let s;
    if (m >= 0.5) s = 2000 + 1000 * m + c.basic; // a tie goes to the concept the other builds on
    else if (kind === "index" && anchor.startsWith("#def-")) s = 1500 + Math.min(base, 100);
    else s = tier(doc) + 300 * m;
    s += 100 * coverage + Math.min(base, 100) / 4;
    // One page, several results: the page itself, then its definitions, then its sections.
    if (anchor && !anchor.startsWith("#concept-")) s -= anchor.startsWith("#def-") ? 40 : 80;
    return s;
  };

  /** Sphinx's word search, one word at a time: a page is found by any of the query's words. */
  const termsSearch = (original) => (searchTerms, excludedTerms) => {
    const { index, nameWords } = prepare();
    const found = new Map();
    const add = (result, word) => {
      const doc = result[0];
      if (!found.has(doc)) found.set(doc, [...result.slice(0, 4), 0, ...result.slice(5)]);
      found.get(doc)[4] += result[4];
      if (current) {
        if (!current.words.has(doc)) current.words.set(doc, new Set());
        current.words.get(doc).add(word);
      }
    };
    for (const word of searchTerms) {
      for (const result of original(new Set([word]), excludedTerms)) add(result, word);
      for (const c of nameWords.get(word) || []) {
        const f = c.file;
        add([c.doc, index.titles[f], "", null, Scorer.title, index.filenames[f], "title"], word);
      }
    }
    return [...found.values()];
  };

  const install = () => {
    if (typeof Search === "undefined" || Search.mlmathRanked) return;
    Search.mlmathRanked = true;
    Search.performTermsSearch = termsSearch(Search.performTermsSearch);
    const perform = Search._performSearch;
    Search._performSearch = (typed, searchTerms, ...rest) => {
      // Sphinx matches titles and index entries against the query as typed (its terms go through
      // the stemmer, which reads British spellings as American: search_language.py); give those
      // matches the American spelling too, so "initialisation" finds what "initialization" finds.
      const query = typed.replace(/[A-Za-z]+/g, (word) => {
        const lower = word.toLowerCase();
        const us = typeof mlmathAmerican === "function" ? mlmathAmerican(lower) : lower;
        return us === lower ? word : us;
      });
      current = { query, phrase: phrase(query), terms: searchTerms, words: new Map(), match: new Map() };
      try {
        return perform(query, searchTerms, ...rest);
      } finally {
        current = null;
      }
    };
  };

  return { install, score, phrase, nameScore };
})();

// The search page loads searchtools.js (Scorer's defaults, Search) before this file.
if (typeof Scorer !== "undefined") {
  Scorer.score = mlmathSearch.score;
  mlmathSearch.install();
}
