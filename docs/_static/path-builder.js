// The reading-list builder on docs/paths/index.md: pick concepts, get every page to read first,
// in an order that respects prerequisites (the same list as docs/_ext/reading_list.py prints).
// It reads concept-graph.json, which the concept-graph extension writes at every build.
document.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("path-builder");
  if (!box) return;
  const graph = await (await fetch(box.dataset.graph)).json();
  const concepts = graph.concepts;
  const stage = (s) => graph.stages[concepts[s].chapter] ?? 0;
  const key = (a, b) => stage(a) - stage(b) || (a < b ? -1 : a > b ? 1 : 0);
  // Prerequisites first; ties broken by chapter stage, then slug (as ConceptGraph.topological_order).
  const indegree = {};
  for (const s in concepts) indegree[s] = concepts[s].prerequisites.filter((p) => p in concepts).length;
  const ready = Object.keys(indegree).filter((s) => indegree[s] === 0).sort(key);
  const order = [];
  while (ready.length) {
    const s = ready.shift();
    order.push(s);
    for (const t of concepts[s].dependents) if (--indegree[t] === 0) ready.push(t);
    ready.sort(key);
  }
  const select = box.querySelector("select");
  for (const s of order) select.add(new Option(concepts[s].title + (concepts[s].coming ? " (coming)" : ""), s));
  const root = new URL(box.dataset.graph, location.href);
  const version = (window.DOCUMENTATION_OPTIONS || {}).VERSION || "";  // the site version (conf.py)
  const render = () => {
    const wanted = new Set();
    const stack = [...select.selectedOptions].map((o) => o.value);
    const targets = [...stack];
    while (stack.length) {
      const s = stack.pop();
      if (wanted.has(s)) continue;
      wanted.add(s);
      stack.push(...concepts[s].prerequisites.filter((p) => p in concepts));
    }
    const list = order.filter((s) => wanted.has(s));
    const ol = box.querySelector("ol");
    ol.replaceChildren();
    const lines = [];
    list.forEach((s, i) => {
      const c = concepts[s];
      const li = document.createElement("li");
      const url = c.coming ? null : new URL(c.docname + ".html", root).href;
      if (url) {
        const a = document.createElement("a");
        a.href = url;
        a.textContent = c.title;
        li.append(a);
      } else li.textContent = c.title + " (page coming)";
      ol.append(li);
      lines.push(`${String(i + 1).padStart(String(list.length).length)}. ${c.title} - ${url || "(page coming)"}`);
    });
    const coming = list.filter((s) => concepts[s].coming).length;
    const summary = list.length ? `${list.length} pages${coming ? `, ${coming} of them not written yet` : ""}` : "";
    box.querySelector(".path-builder-summary").textContent = summary;
    const head = `Reading list to ${targets.map((t) => concepts[t].title).join(", ")} (ML Math Reference, version ${version})`;
    box.querySelector("pre").textContent = list.length ? [head, summary, "", ...lines].join("\n") : "";
  };
  select.addEventListener("change", render);
});
