// Typeset TeX with MathJax 4 in Node, for docs/_ext/math_static.py: the site's formulas are
// rendered when the site is built, so a reader's browser downloads no math engine and the
// page does not reflow. Output: MathJax's CommonHTML (HTML and CSS, with the newcm font) plus
// the hidden MathML that screen readers read (assistive-mml); the TeX source is kept in the
// container's data-tex attribute for copying.
//
// Protocol: one JSON request per line on stdin, one JSON answer per line on stdout.
//   {"formulas": [{"tex": "...", "display": false}, ...]}  ->  {"html": [...], "errors": [...]}
//   {"stylesheet": true}  ->  {"css": "..."}   (the CSS for everything typeset so far)
// errors[i] is null, or MathJax's message when formula i is not valid TeX.
"use strict";

const readline = require("readline");
const MathJax = require("mathjax");

const FONT_URL = process.argv[2] || "woff2";

function clean(adaptor, node, tex) {
  // MathJax 4 writes the TeX of every sub-expression into data-latex attributes (in the visible
  // part and in the MathML): that doubles a page's size. Keep the whole formula's TeX only.
  const stack = [node];
  while (stack.length) {
    const el = stack.pop();
    if (adaptor.kind(el) === "#text" || adaptor.kind(el) === "#comment") continue;
    adaptor.removeAttribute(el, "data-latex");
    if (adaptor.kind(el) === "math") adaptor.removeAttribute(el, "xmlns"); // implied in HTML
    for (const child of adaptor.childNodes(el)) stack.push(child);
  }
  if (adaptor.getAttribute(node, "style") === "position: relative;") {
    adaptor.removeAttribute(node, "style"); // set once in the stylesheet instead
  }
  adaptor.setAttribute(node, "data-tex", tex);
  return adaptor.outerHTML(node);
}

async function typeset(formulas) {
  const adaptor = MathJax.startup.adaptor;
  const html = [];
  const errors = [];
  for (const { tex, display } of formulas) {
    const node = await MathJax.tex2chtmlPromise(tex, { display: !!display });
    const error = adaptor.tags(node, "merror")[0];
    errors.push(error ? adaptor.getAttribute(error, "data-mjx-error") || adaptor.textContent(error) : null);
    html.push(clean(adaptor, node, tex));
  }
  return { html, errors };
}

MathJax.init({
  loader: {
    load: ["input/tex", "output/chtml", "a11y/assistive-mml"],
    paths: { "mathjax-newcm": "@mathjax/mathjax-newcm-font" },
  },
  tex: { formatError: (jax, err) => jax.formatError(err) },
  chtml: { fontURL: FONT_URL, adaptiveCSS: true },
  startup: { typeset: false },
})
  .then(() => {
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    let queue = Promise.resolve();
    lines.on("line", (line) => {
      queue = queue.then(async () => {
        let answer;
        try {
          const request = JSON.parse(line);
          if (request.stylesheet) {
            const css = MathJax.startup.adaptor.textContent(MathJax.chtmlStylesheet());
            answer = { css: css + '\nmjx-container[jax="CHTML"] {\n  position: relative;\n}\n' };
          } else {
            answer = await typeset(request.formulas);
          }
        } catch (err) {
          answer = { fatal: String((err && err.stack) || err) };
        }
        process.stdout.write(JSON.stringify(answer) + "\n");
      });
    });
  })
  .catch((err) => {
    process.stdout.write(JSON.stringify({ fatal: String((err && err.stack) || err) }) + "\n");
    process.exit(1);
  });
