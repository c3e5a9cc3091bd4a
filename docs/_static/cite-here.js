// Built without a public address (MLMATH_BASEURL), the site does not know where it will be
// served, so docs/_ext/cite.py prints paths from the site's root in the cite box and in the plain
// text of reading lists. The browser knows: this puts in the address the page was loaded from.
document.addEventListener("DOMContentLoaded", () => {
  const here = new URL(location.href);
  here.hash = "";
  here.search = "";
  for (const el of document.querySelectorAll(".concept-url")) el.textContent = here.href;
  const root = new URL(document.documentElement.dataset.content_root || "", here).href;
  for (const pre of document.querySelectorAll(".reading-list-text pre")) {
    if (!pre.textContent.includes("no base URL was given")) continue;
    pre.textContent = pre.textContent
      .replace(/^Paths are from the site's root \(no base URL was given\)\.\n/m, "")
      .replace(/ - ([\w./-]+\.html)$/gm, (line, path) => ` - ${new URL(path, root).href}`);
  }
});
