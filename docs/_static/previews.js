// Hover and focus previews (docs/_ext/previews.py): a link marked data-preview="<key>" when the
// site was built (a link to a concept page or to a definition) shows that definition, numbered and
// typeset, in a small popup. A popup is a script built with the site (_static/previews/<key>.js),
// loaded the first time a reader points at or focuses a link to it. The popup stays while the
// pointer is on the link or on the popup, and goes on Escape or when focus leaves the link.
(() => {
  const root = document.documentElement.dataset.content_root ?? "";
  const loaded = new Map(); // key -> {page, html}
  const waiting = new Map(); // key -> callbacks waiting for its popup
  let popup = null; // the one popup element, made on first use
  let link = null; // the link whose popup is shown (or about to be)
  let showTimer = 0;
  let hideTimer = 0;

  window.mlmathPreview = (key, data) => {
    loaded.set(key, data);
    for (const done of waiting.get(key) || []) done(data);
    waiting.delete(key);
  };

  const load = (key, done) => {
    if (loaded.has(key)) return done(loaded.get(key));
    if (waiting.has(key)) return waiting.get(key).push(done);
    waiting.set(key, [done]);
    const script = document.createElement("script");
    script.src = `${root}_static/previews/${key}.js`;
    script.onerror = () => waiting.delete(key); // no popup: the link stays a plain link
    document.head.append(script);
  };

  const cardElement = () => {
    if (popup) return popup;
    popup = document.createElement("div");
    popup.id = "mlmath-preview";
    popup.className = "mlmath-preview";
    popup.setAttribute("role", "tooltip");
    popup.hidden = true;
    popup.addEventListener("pointerenter", () => clearTimeout(hideTimer));
    popup.addEventListener("pointerleave", () => hideSoon());
    document.body.append(popup);
    return popup;
  };

  /** Below the link if it fits in the window, else above; never past the window's sides. */
  const place = (el, anchor) => {
    el.style.left = "0px";
    el.style.top = "0px";
    const r = anchor.getBoundingClientRect();
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    const below = r.bottom + 6;
    const above = r.top - height - 6;
    const top = below + height <= innerHeight || above < 0 ? below : above;
    el.style.left = `${left + scrollX}px`;
    el.style.top = `${top + scrollY}px`;
  };

  const hide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (link) link.removeAttribute("aria-describedby");
    link = null;
    if (popup) popup.hidden = true;
  };

  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  };

  const show = (a) => {
    hide();
    const key = a.dataset.preview;
    if (!/^[a-z0-9-]+$/.test(key)) return;
    link = a;
    load(key, (data) => {
      if (link !== a) return; // the reader has moved on
      const el = cardElement();
      const page = document.createElement("p");
      page.className = "mlmath-preview-page";
      page.textContent = data.page;
      const body = document.createElement("div");
      body.className = "mlmath-preview-body";
      body.innerHTML = data.html; // built with the site from its own pages
      el.replaceChildren(page, body);
      el.hidden = false;
      place(el, a);
      a.setAttribute("aria-describedby", el.id);
    });
  };

  const previewLink = (target) => (target instanceof Element ? target.closest("a[data-preview]") : null);

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType === "touch") return; // a tap follows the link
    const a = previewLink(event.target);
    if (!a) return;
    clearTimeout(hideTimer);
    if (a === link) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(() => show(a), 250);
  });
  document.addEventListener("pointerout", (event) => {
    const a = previewLink(event.target);
    if (!a || a.contains(event.relatedTarget)) return;
    clearTimeout(showTimer);
    if (a === link) hideSoon();
  });
  document.addEventListener("focusin", (event) => {
    const a = previewLink(event.target);
    if (a && a !== link) show(a);
  });
  document.addEventListener("focusout", (event) => {
    if (link && previewLink(event.target) === link) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && link) hide();
  });
})();
