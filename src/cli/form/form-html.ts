// The protocol form as one HTML page: every field of the schema, the messages at their fields, works without JS.
import { t } from "../../i18n/translate.js";
import type { Language } from "../../time/language.js";
import { escapeHtml } from "../../util/escape-html.js";
import type { Plain } from "../edit/yaml-text.js";
import { FORM_CSS, FORM_SCRIPT } from "./form-assets.js";
import { alternativeFor, dealForm, type Field, type Help, helpIn, isRecord } from "./form-fields.js";

export interface FormPage {
  language: Language;
  /** `/new` or `/edit/<slug>`: where the form posts. */
  action: string;
  slug?: string;
  token: string;
  /** SHA-256 of the file as the form read it; empty for a new deal. */
  base: string;
  values: Record<string, Plain>;
  /** Messages by field path (`actions.2.due`); "" for those that belong to no field. */
  notes: Map<string, string[]>;
  /** The proposed file name of a new deal. */
  slugValue?: string;
  /** A file changed on disk since the form was loaded: its text now. */
  conflict?: string;
  /** The saved file's state as `serve` has it: send-readiness and the one-page check of its print preview. */
  status?: FormStatus;
  /** The page follows saves of the file (`GET /edit/<slug>` again): not on a 422 or 409 page. */
  live?: boolean;
  nonce: string;
}

/** What the deal page says about the saved file, shown above the form. */
export interface FormStatus {
  ready: boolean;
  /** What keeps the recap from going out ("2× Ohne Frist"); empty when ready. */
  missing: string[];
  /** The print preview's state ("passt auf eine Seite ✓"), once `serve` has one. */
  preview?: { state: string; text: string };
}

/** The status region: readiness and the one-page check, and a note (hidden) for a file saved since loading. */
function statusHtml(page: FormPage): string {
  if (page.slug === undefined) return "";
  const lang = page.language;
  const status = page.status;
  const ready = status
    ? `<p class="ready" data-ready="${status.ready}">${escapeHtml(status.ready ? t(lang, "form.ready") : t(lang, "form.missing", { list: status.missing.join(", ") }))}</p>`
    : "";
  const preview = status?.preview
    ? `<p class="print" data-preview="${escapeHtml(status.preview.state)}">${escapeHtml(status.preview.text)}</p>`
    : "";
  return `<section class="live-status" aria-labelledby="status-title"><h2 id="status-title">${escapeHtml(t(lang, "form.status"))}</h2><div id="live-status" role="status">${ready}${preview}</div><p id="stale" class="note" hidden>${escapeHtml(t(lang, "form.stale"))}</p></section>`;
}

/** The short label of a field: its description up to the first comma, colon or full stop, else its key. */
function labelOf(help: Help, key: string, language: Language): string {
  const text = helpIn(help, language);
  const short = (/^[^,.:;(]*/.exec(text)?.[0] ?? "").replace(/\s+(z\. B|e\.g)$/, "").trim();
  return short.length >= 3 && short.length <= 48 && !/^[a-z]+$/.test(short) ? short : key;
}

class Writer {
  out: string[] = [];
  readonly names: string[];

  constructor(readonly page: FormPage) {
    this.names = participantNames(page.values);
  }

  /** The field's messages in a slot that is there even when empty, so the live update can fill it. */
  #notes(path: string): string {
    const list = this.page.notes.get(path) ?? [];
    const notes = list.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join("");
    return `<div class="notes" id="n-${escapeHtml(path)}">${notes}</div>`;
  }

  field(field: Field, path: string[], value: unknown, label: string): void {
    if (field.type === "either") {
      const item = textOrItem(field);
      if (item && isCompact(value)) {
        // A line, or `{text, internal: true}`: one text field and the box "nur intern" decide the shape.
        const text = isRecord(value) ? value.text : value;
        this.field(item.line, path, text, label);
        this.#checkbox(item.internal, [...path, "internal"], isRecord(value) ? value.internal : undefined);
        return;
      }
      this.field(alternativeFor(field, value), path, value, label);
      return;
    }
    const name = path.join(".");
    const lang = this.page.language;
    const help = helpIn(field.help, lang);
    if (field.type === "object") {
      const record = isRecord(value) ? value : {};
      if (path.length > 0)
        this.out.push(
          `<fieldset id="f-${escapeHtml(name)}"><legend>${escapeHtml(label)} <code>${escapeHtml(field.key)}</code></legend>`,
        );
      if (path.length > 0 && help && !/^\d+$/.test(path.at(-1) ?? "")) this.out.push(`<p class="help">${escapeHtml(help)}</p>`);
      // The messages of the whole deal are in the summary above the form.
      if (path.length > 0) this.out.push(this.#notes(name));
      for (const sub of field.fields) this.field(sub, [...path, sub.key], record[sub.key], labelOf(sub.help, sub.key, lang));
      if (path.length > 0) this.out.push("</fieldset>");
      return;
    }
    if (field.type === "list") {
      this.#list(field, path, value, label, help);
      return;
    }
    if (field.kind === "boolean" && field.key === "internal") {
      this.#checkbox(field, path, value);
      return;
    }
    const id = `i-${name}`;
    const noteId = this.page.notes.has(name) ? ` n-${name}` : "";
    const described = `aria-describedby="h-${escapeHtml(name)}${escapeHtml(noteId)}"`;
    const invalid = noteId ? ' aria-invalid="true"' : "";
    const text = value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    const attrs = `id="${escapeHtml(id)}" name="${escapeHtml(name)}" ${described}${invalid}`;
    this.out.push(
      `<div class="field"><label for="${escapeHtml(id)}">${escapeHtml(label)} <code>${escapeHtml(field.key)}</code></label>`,
    );
    if (field.kind === "choice" || field.kind === "boolean") {
      const choices = field.kind === "boolean" ? ["true", "false"] : field.choices;
      const words = (c: string) => (field.kind === "boolean" ? t(lang, c === "true" ? "form.yes" : "form.no") : c);
      const known = text === "" || choices.includes(text) ? [] : [text];
      const options = ["", ...choices, ...known].map(
        (c) =>
          `<option value="${escapeHtml(c)}"${c === text ? " selected" : ""}>${escapeHtml(c === "" ? t(lang, "form.none") : words(c))}</option>`,
      );
      this.out.push(`<select ${attrs}>${options.join("")}</select>`);
    } else if (field.kind === "textarea" || text.includes("\n")) {
      // The line break after the tag is eaten by the HTML parser, so a value starting with one keeps it.
      this.out.push(
        `<textarea ${attrs} rows="${Math.min(12, Math.max(3, text.split("\n").length + 1))}">\n${escapeHtml(text)}</textarea>`,
      );
    } else {
      const mode = field.kind === "integer" || field.kind === "date" || field.kind === "time" ? ' inputmode="numeric"' : "";
      const hint = field.kind === "date" ? ' placeholder="2026-11-27"' : field.kind === "time" ? ' placeholder="09:30"' : "";
      const list = field.key === "owner" || field.key === "with" ? ' list="participant-names"' : "";
      this.out.push(`<input type="text" ${attrs}${mode}${hint}${list} value="${escapeHtml(text)}">`);
      if (field.key === "due" && path[0] === "actions") {
        const days = [
          [2, "form.plus2days"],
          [7, "form.plus1week"],
          [14, "form.plus2weeks"],
        ] as const;
        this.out.push(
          `<span class="quick" hidden>${days.map(([n, key]) => `<button type="button" data-days="${n}" data-for="${escapeHtml(id)}">${escapeHtml(t(lang, key))}</button>`).join(" ")}</span>`,
        );
      }
    }
    this.out.push(`<p class="help" id="h-${escapeHtml(name)}">${escapeHtml(help)}</p>${this.#notes(name)}</div>`);
  }

  /**
   * "nur intern" as a checkbox posting `true`; unticked it posts nothing (the key goes), and a file's explicit
   * `internal: false` comes back as it was from the hidden field before it (the last value of a name wins).
   */
  #checkbox(field: Field, path: string[], value: unknown): void {
    const name = path.join(".");
    const id = `i-${name}`;
    const lang = this.page.language;
    const noted = this.page.notes.has(name);
    const described = `aria-describedby="h-${escapeHtml(name)}${noted ? ` n-${escapeHtml(name)}` : ""}"${noted ? ' aria-invalid="true"' : ""}`;
    const kept = value === false ? `<input type="hidden" name="${escapeHtml(name)}" value="false">` : "";
    this.out.push(
      `<div class="field check">${kept}<input type="checkbox" id="${escapeHtml(id)}" name="${escapeHtml(name)}" value="true"${value === true ? " checked" : ""} ${described}> <label for="${escapeHtml(id)}">${escapeHtml(t(lang, "form.internal"))} <code>internal</code></label><p class="help" id="h-${escapeHtml(name)}">${escapeHtml(helpIn(field.help, lang))}</p>${this.#notes(name)}</div>`,
    );
  }

  #list(field: Extract<Field, { type: "list" }>, path: string[], value: unknown, label: string, help: string): void {
    const name = path.join(".");
    const lang = this.page.language;
    const items = Array.isArray(value) ? value : [];
    this.out.push(
      `<fieldset id="f-${escapeHtml(name)}"><legend>${escapeHtml(label)} <code>${escapeHtml(field.key)}</code></legend>`,
    );
    this.out.push(`<p class="help">${escapeHtml(help)}</p>${this.#notes(name)}`);
    // One empty entry more than there are: a new item needs no button (and no JavaScript).
    const shown = items.length < field.max ? [...items, undefined] : items;
    shown.forEach((item, index) => {
      const itemPath = [...path, String(index)];
      const itemLabel = t(lang, "form.item", { label, n: index + 1 });
      this.out.push(`<div class="item">`);
      this.field(field.item, itemPath, item, itemLabel);
      if (index < items.length) {
        const target = escapeHtml(itemPath.join("."));
        const up =
          index > 0
            ? `<button type="submit" name="_op" value="up:${target}" aria-label="${escapeHtml(`${itemLabel}: ${t(lang, "form.up")}`)}">${escapeHtml(t(lang, "form.up"))}</button> `
            : "";
        this.out.push(
          `<p class="item-tools">${up}<button type="submit" name="_op" value="remove:${target}" aria-label="${escapeHtml(`${itemLabel}: ${t(lang, "form.remove")}`)}">${escapeHtml(t(lang, "form.remove"))}</button></p>`,
        );
      }
      this.out.push("</div>");
    });
    if (items.length + 1 < field.max) {
      const add = name === "actions" ? t(lang, "form.addAction") : t(lang, "form.add", { label });
      this.out.push(`<p><button type="submit" name="_op" value="add:${escapeHtml(name)}">${escapeHtml(add)}</button></p>`);
    }
    this.out.push("</fieldset>");
  }
}

/** The two shapes of a recap-list item (a line, or `{text, internal}` and more): its line and its "internal". */
function textOrItem(field: Extract<Field, { type: "either" }>): { line: Field; internal: Field } | undefined {
  const line = field.alternatives.find((alt) => alt.type === "value");
  const object = field.alternatives.find((alt) => alt.type === "object");
  const internal = object?.type === "object" ? object.fields.find((f) => f.key === "internal") : undefined;
  const text = object?.type === "object" ? object.fields.some((f) => f.key === "text") : false;
  return line && internal && text ? { line, internal } : undefined;
}

/** A line, or `{text, internal: true}` and nothing else: shown as one text field with the box ticked or not. */
function isCompact(value: unknown): boolean {
  if (value === undefined || value === null || typeof value === "string") return true;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0) return true;
  return value.internal === true && typeof value.text === "string" && keys.every((k) => k === "text" || k === "internal");
}

function participantNames(values: Record<string, Plain>): string[] {
  const list = Array.isArray(values.participants) ? values.participants : [];
  return list.flatMap((p) => (isRecord(p) && typeof p.name === "string" ? [p.name] : []));
}

/** The form page: the form, and beside it the deal page as the serve loop renders it. */
export function formHtml(page: FormPage): string {
  const lang = page.language;
  const writer = new Writer(page);
  writer.field(dealForm(), [], page.values, "");
  const title =
    page.slug === undefined
      ? t(lang, "form.newTitle")
      : t(lang, "form.editTitle", { title: String(page.values.title ?? page.slug) });
  const general = page.notes.get("") ?? [];
  const slugField =
    page.slug === undefined
      ? `<div class="field"><label for="i-_slug">${escapeHtml(t(lang, "form.slug"))}</label><input type="text" id="i-_slug" name="_slug" value="${escapeHtml(page.slugValue ?? "")}" aria-describedby="h-_slug"${page.notes.has("_slug") ? ' aria-invalid="true"' : ""}><p class="help" id="h-_slug">${escapeHtml(t(lang, "form.slugHelp"))}</p>${(page.notes.get("_slug") ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("")}</div>`
      : "";
  const conflict =
    page.conflict === undefined
      ? ""
      : `<section class="conflict" aria-labelledby="conflict-title"><h2 id="conflict-title">${escapeHtml(t(lang, "form.conflict"))}</h2><p>${escapeHtml(t(lang, "form.conflictHint"))}</p><h3>${escapeHtml(t(lang, "form.onDisk"))}</h3><pre tabindex="0">${escapeHtml(page.conflict)}</pre><h3>${escapeHtml(t(lang, "form.yours"))}</h3><p>↓</p></section>`;
  const save = `<button type="submit" class="save">${escapeHtml(t(lang, "form.save"))}</button>`;
  const advance =
    page.slug === undefined
      ? ""
      : `<form method="post" action="/advance/${escapeHtml(page.slug)}" class="advance"><input type="hidden" name="token" value="${escapeHtml(page.token)}"><input type="hidden" name="base" value="${escapeHtml(page.base)}"><button type="submit">${escapeHtml(t(lang, "form.advance"))}</button> <span class="help">${escapeHtml(t(lang, "form.advanceHelp"))}</span></form>`;
  const preview =
    page.slug === undefined
      ? ""
      : `<aside class="preview"><h2>${escapeHtml(t(lang, "form.preview"))}</h2><iframe src="/deals/${escapeHtml(page.slug)}/" title="${escapeHtml(t(lang, "form.preview"))}"></iframe></aside>`;
  const names = writer.names.map((n) => `<option value="${escapeHtml(n)}"></option>`).join("");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – protokoll</title>
<style nonce="${page.nonce}">${FORM_CSS}</style>
</head>
<body>
<header><nav aria-label="protokoll"><a href="/">${escapeHtml(t(lang, "form.back"))}</a>${page.slug === undefined ? "" : ` · <a href="/deals/${escapeHtml(page.slug)}/">${escapeHtml(t(lang, "form.dealPage"))}</a>`}</nav></header>
<div class="layout">
<main>
<h1>${escapeHtml(title)}</h1>
${statusHtml(page)}
<div id="general">${general.length > 0 ? `<div class="summary" role="alert" tabindex="-1" id="problems">${general.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>` : ""}</div>
${conflict}
<form method="post" action="${escapeHtml(page.action)}" accept-charset="utf-8" novalidate${page.live && page.slug !== undefined ? ` data-live="/edit/${escapeHtml(page.slug)}"` : ""}>
<input type="hidden" name="token" value="${escapeHtml(page.token)}">
<input type="hidden" name="base" value="${escapeHtml(page.base)}">
${save}
${slugField}
${writer.out.join("\n")}
<datalist id="participant-names">${names}</datalist>
${save}
</form>
${advance}
</main>
${preview}
</div>
<script nonce="${page.nonce}">${FORM_SCRIPT}</script>
</body>
</html>
`;
}
