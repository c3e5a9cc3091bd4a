// Run the built site's own search code in Node: the search page's scripts, in the search page's
// order (_static/searchtools.js, _static/language_data.js with the site's scorer, searchindex.js),
// on the queries given as a JSON list on stdin. Prints, as JSON, the results of each query in the
// order the search page lists them: [{docname, anchor, kind, score, title}], best first.
//
//     node tests/site/search_run.cjs docs/_build/html [limit] < queries.json
//
// Only what the search code touches outside the page's results list is stubbed (the document has
// no search-progress element, highlighting is off); the search itself is the site's, unchanged.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const limit = Number(process.argv[3] || 10);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));

const context = {
  console,
  URLSearchParams,
  DOCUMENTATION_OPTIONS: {},
  SPHINX_HIGHLIGHT_ENABLED: false,
  document: { getElementById: () => null, querySelectorAll: () => [], documentElement: { dataset: {} } },
  localStorage: { setItem() {}, getItem: () => null },
  _: (text) => text,
  _ready: () => {},
  setTimeout,
};
context.window = context;
vm.createContext(context);
for (const file of ["_static/searchtools.js", "_static/language_data.js", "searchindex.js"]) {
  vm.runInContext(fs.readFileSync(path.join(site, file), "utf8"), context, { filename: file });
}
context.QUERIES = queries;
context.LIMIT = limit;
const out = vm.runInContext(
  `QUERIES.map((query) => {
     const results = Search._performSearch(...Search._parseQuery(query));
     return results.reverse().slice(0, LIMIT).map(([docname, title, anchor, descr, score, filename, kind]) =>
       ({ docname, anchor, kind, score, title }));
   })`,
  context,
);
process.stdout.write(JSON.stringify(out));
