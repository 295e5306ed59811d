// While a teacher writes a question, show open questions that look like it (the makelfunctie), so
// she can join an existing coalition instead of starting a duplicate, and kennisbank material about the same thing.
// Without script the form just posts; a refused form shows the material beside it.
(function () {
  "use strict";
  const section = document.getElementById("similar");
  if (!section) return;
  const list = section.querySelector("ul");
  const fields = ["Title", "Context"].map((id) => document.getElementById(id)).filter(Boolean);
  let timer = null;
  let lastQuery = "";

  function themes() {
    return Array.from(document.querySelectorAll("input[name=Themes]:checked")).map((el) => el.value).join(",");
  }

  async function look() {
    const text = fields.map((f) => f.value).join(" ").trim();
    const query = `text=${encodeURIComponent(text)}&themes=${encodeURIComponent(themes())}`;
    if (query === lastQuery) return;
    lastQuery = query;
    if (text.length < 4 && themes() === "") { section.hidden = true; return; }
    const response = await fetch(`/api/questions/similar?${query}`, { credentials: "same-origin" });
    if (!response.ok) return;
    const similar = await response.json();
    list.replaceChildren(...similar.map((q) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/vragen/${q.id}`;
      link.textContent = q.title;
      item.append(link, document.createTextNode(` — ${q.owner.name}`));
      if (q.coalition) item.append(document.createTextNode(` · coalitie: ${q.coalition.partners} van ${q.coalition.threshold}`));
      return item;
    }));
    section.hidden = similar.length === 0;
  }

  // Kennisbank products about the same words: "Hier is al materiaal over".
  const material = document.getElementById("material");
  let lastText = "";

  async function lookForMaterial() {
    if (!material) return;
    const text = fields.map((f) => f.value).join(" ").trim();
    if (text === lastText) return;
    lastText = text;
    if (text.length < 4) { material.hidden = true; return; }
    const response = await fetch(`/api/kennisbank/similar?text=${encodeURIComponent(text)}`, { credentials: "same-origin" });
    if (!response.ok) return;
    const products = await response.json();
    material.querySelector("ul").replaceChildren(...products.map((p) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/kennisbank/${p.id}`;
      link.textContent = p.title;
      item.append(link, document.createTextNode(` — ${p.kindName}`));
      return item;
    }));
    material.hidden = products.length === 0;
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      look().catch(() => {});
      lookForMaterial().catch(() => {});
    }, 400);
  }

  fields.forEach((f) => f.addEventListener("input", later));
  document.querySelectorAll("input[name=Themes]").forEach((el) => el.addEventListener("change", later));
})();
