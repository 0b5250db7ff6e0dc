// The form page's style and its one script. The script only adds conveniences: the form posts without it.

/** Readable on a phone (375 px), visible focus, targets of at least 24 px, the preview beside on wide screens. */
export const FORM_CSS = `
:root { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.4; }
body { margin: 0; padding: 0.75rem; }
.layout { display: grid; gap: 1.5rem; }
@media (min-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .preview { position: sticky; top: 0.5rem; align-self: start; } }
main { max-width: 46rem; min-width: 0; }
h1 { font-size: 1.4rem; }
fieldset { border: 1px solid #8a8a8a; border-radius: 4px; margin: 0.75rem 0; padding: 0.5rem 0.75rem; min-width: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.field { margin: 0.5rem 0; }
label { display: block; font-weight: 600; }
code { font-size: 0.85em; color: #3d3d3d; font-weight: 400; }
input, select, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.35rem; min-height: 2.25rem; border: 1px solid #5c5c5c; border-radius: 3px; }
textarea { resize: vertical; }
.check input[type="checkbox"] { width: 1.5rem; height: 1.5rem; min-height: 0; margin: 0 0.25rem 0 0; vertical-align: middle; }
.check label { display: inline; }
button { font: inherit; min-height: 2.25rem; min-width: 2.25rem; padding: 0.3rem 0.7rem; border: 1px solid #1d4ed8; border-radius: 3px; background: #eef2ff; color: #1e3a8a; cursor: pointer; }
button.save { background: #1d4ed8; color: #fff; margin: 0.5rem 0; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.help { color: #4a4a4a; font-size: 0.875rem; margin: 0.2rem 0 0; }
.note, .summary { color: #9b1c1c; font-weight: 600; margin: 0.25rem 0; }
.summary { border: 2px solid #9b1c1c; padding: 0.5rem; border-radius: 4px; }
[aria-invalid="true"] { border: 2px solid #9b1c1c; }
.item { border-left: 3px solid #d4d4d4; padding-left: 0.5rem; margin: 0.5rem 0; }
.item-tools { margin: 0.25rem 0; }
.quick { display: inline-flex; gap: 0.25rem; flex-wrap: wrap; margin-top: 0.25rem; }
.conflict pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: 0.5rem; max-height: 24rem; overflow: auto; }
.advance { margin: 1.5rem 0; }
.live-status { border: 1px solid #8a8a8a; border-radius: 4px; padding: 0.25rem 0.75rem; margin: 0.5rem 0; }
.live-status h2 { font-size: 1rem; margin: 0.25rem 0; }
.live-status p { margin: 0.25rem 0; }
[data-ready="true"], [data-preview="fits"] { color: #166534; font-weight: 600; }
[data-ready="false"], [data-preview="long"], [data-preview="failed"] { color: #9b1c1c; font-weight: 600; }
.preview iframe { width: 100%; height: 85vh; border: 1px solid #8a8a8a; }
@media (max-width: 1099px) { .preview iframe { height: 70vh; } }
a { color: #1d4ed8; }
`;

/**
 * With JavaScript: the "+2 Tage / +1 Woche / +2 Wochen" buttons set a due date from the meeting date, and a new
 * deal's file name follows its date and title until someone types one.
 */
export const FORM_SCRIPT = `
(() => {
  const meeting = document.getElementById("i-meeting.date");
  const iso = (d) => d.toISOString().slice(0, 10);
  for (const span of document.querySelectorAll(".quick")) span.hidden = false;
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-days]");
    if (!button) return;
    const base = /^\\d{4}-\\d{2}-\\d{2}$/.test(meeting?.value ?? "") ? new Date(meeting.value + "T00:00:00Z") : new Date();
    base.setUTCDate(base.getUTCDate() + Number(button.dataset.days));
    const input = document.getElementById(button.dataset.for);
    if (input) { input.value = iso(base); input.dispatchEvent(new Event("input", { bubbles: true })); }
  });
  const slug = document.getElementById("i-_slug");
  const title = document.getElementById("i-title");
  if (slug && title) {
    let typed = slug.value !== "";
    slug.addEventListener("input", () => { typed = slug.value !== ""; });
    const propose = () => {
      if (typed) return;
      const words = ((meeting?.value ?? "") + "-" + title.value).toLowerCase()
        .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
        .normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
      slug.placeholder = words.slice(0, 80).replace(/-+$/, "");
    };
    title.addEventListener("input", propose);
    meeting?.addEventListener("input", propose);
    propose();
  }
  // Live: when serve has rendered the saved file again (its live-reload socket names the deal page), the state,
  // the summary and the messages at the fields come from a fresh GET of this form; what is typed stays.
  const form = document.querySelector("form[data-live]");
  if (!form || !("WebSocket" in window) || !("DOMParser" in window)) return;
  const source = form.dataset.live;
  const dealSlug = source.slice("/edit/".length);
  // The deal page's file, with either path separator (a backslash on Windows).
  const isDealPage = (file) => ["/", String.fromCharCode(92)].some((sep) => String(file).endsWith(["", "deals", dealSlug, "index.html"].join(sep)));
  const copy = (into, from) => into.replaceChildren(...(from ? [...from.childNodes].map((n) => document.importNode(n, true)) : []));
  const swap = (fresh) => {
    for (const id of ["live-status", "general"]) {
      const mine = document.getElementById(id);
      if (mine) copy(mine, fresh.getElementById(id));
    }
    for (const slot of document.querySelectorAll(".notes[id^='n-']")) {
      copy(slot, fresh.getElementById(slot.id));
      const input = document.getElementById("i-" + slot.id.slice(2));
      if (!input) continue;
      const noted = slot.childElementCount > 0;
      const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== slot.id);
      input.setAttribute("aria-describedby", (noted ? [...ids, slot.id] : ids).join(" "));
      if (noted) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    const base = fresh.querySelector("form[data-live] input[name=base]");
    const stale = document.getElementById("stale");
    if (base && stale) stale.hidden = base.value === form.querySelector("input[name=base]").value;
    form.dataset.refreshed = String(Number(form.dataset.refreshed || 0) + 1);
  };
  let running = false;
  let again = false;
  const refresh = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      const response = await fetch(source, { cache: "no-store", credentials: "same-origin" });
      if (response.ok) swap(new DOMParser().parseFromString(await response.text(), "text/html"));
    } catch {
      // The server is gone or restarting: the page stays as it is.
    } finally {
      running = false;
      if (again) { again = false; void refresh(); }
    }
  };
  const connect = () => {
    const socket = new WebSocket(location.origin.replace(/^http/, "ws"));
    socket.addEventListener("message", (event) => {
      let data;
      try { data = JSON.parse(event.data); } catch { return; }
      if (data && data.type === "eleventy.reload" && Array.isArray(data.files) && data.files.some(isDealPage)) void refresh();
    });
    socket.addEventListener("close", () => setTimeout(connect, 2000));
  };
  connect();
})();
`;
