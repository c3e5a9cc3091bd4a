// Copying text that holds math puts the formulas' TeX on the clipboard ($...$ inline,
// $$...$$ displayed), not the symbols of the typeset output. The TeX is the data-tex attribute
// that docs/_ext/math_static.py writes on each formula when the site is built.
document.addEventListener("copy", (event) => {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !event.clipboardData) return;
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < selection.rangeCount; i++) fragment.append(selection.getRangeAt(i).cloneContents());
  const math = fragment.querySelectorAll("mjx-container[data-tex]");
  if (!math.length) {
    // A selection inside one formula: copy that formula's TeX.
    const node = selection.anchorNode && selection.anchorNode.parentElement;
    const container = node && node.closest("mjx-container[data-tex]");
    if (!container) return;
    event.clipboardData.setData("text/plain", container.dataset.tex);
    event.preventDefault();
    return;
  }
  for (const el of math) {
    const fence = el.getAttribute("display") === "true" ? "$$" : "$";
    el.replaceWith(document.createTextNode(fence + el.dataset.tex + fence));
  }
  event.clipboardData.setData("text/plain", fragment.textContent);
  event.preventDefault();
});

// A displayed formula wider than the column scrolls sideways. A region that scrolls must be
// reachable from the keyboard (WCAG 2.1.1), so such a formula joins the tab order (its name
// stays the MathML that MathJax gives readers); formulas that fit stay out of it. Checked again when the window changes size.
function keyboardScrollableFormulas() {
  for (const el of document.querySelectorAll('mjx-container[display="true"]')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      el.setAttribute("tabindex", "0");
    } else if (el.getAttribute("tabindex") === "0") {
      el.removeAttribute("tabindex");
    }
  }
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", keyboardScrollableFormulas);
else keyboardScrollableFormulas();
window.addEventListener("load", keyboardScrollableFormulas);
window.addEventListener("resize", keyboardScrollableFormulas);
