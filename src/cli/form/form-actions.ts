// What the protocol form does with a request once it is allowed: show a deal, write it, or say why not.
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../../config/load-config.js";
import type { Finding } from "../../errors.js";
import type { SendReadiness } from "../../findings/send-readiness.js";
import { t } from "../../i18n/translate.js";
import { decodeUtf8 } from "../../load/decode-utf8.js";
import { type DealFileEntry, findDealFiles } from "../../load/find-deal-files.js";
import { parseDealBytes, SLUG_PATTERN, suggestSlug } from "../../load/read-deal-file.js";
import { yaml } from "../../load/yaml-library.js";
import { analyseLoaded } from "../../pipeline.js";
import type { PreviewView } from "../../render/eleventy-plugin.js";
import { readinessView } from "../../render/views/deal-view.js";
import type { Language } from "../../time/language.js";
import type { PlainDate } from "../../time/plain-date.js";
import { sha256 } from "../../util/sha256.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { SCHEMA_DIR } from "../../validate/schemas.js";
import { advanceData } from "../edit/advance-deal.js";
import { withoutEmpty } from "../edit/plain-values.js";
import { writeBack } from "../edit/write-back.js";
import { blockText, type Plain } from "../edit/yaml-text.js";
import { dealForm } from "./form-fields.js";
import { type FormPage, type FormStatus, formHtml } from "./form-html.js";
import { notesByPath } from "./form-notes.js";
import { applyOperation, formValues, postedTree, withUnknownKeys } from "./form-values.js";

export interface FormContext {
  /** The deals folder as given (`--deals`). */
  dealsDir: string;
  language: Language;
  config: Config;
  today: () => PlainDate;
  token: string;
  /** Called after a write: resolves when the serve loop has rendered the saved deal. */
  saved: (absolute: string) => Promise<void>;
  /** The serve loop's state of a deal (its page has the same): send-readiness and the print preview. */
  status?: (slug: string) => { readiness: SendReadiness | undefined; preview: PreviewView | undefined } | undefined;
}

/** An answer: a status, and a page or where to go. */
export type Answer = { status: 200 | 409 | 422 | 404; html: string } | { status: 303; location: string };

const BOM = "\uFEFF";

async function entryOf(context: FormContext, slug: string): Promise<DealFileEntry | undefined> {
  const entries = await findDealFiles(context.dealsDir);
  return entries.find((entry) => entry.slug === slug && !entry.refused);
}

/** The file's text without a BOM, and whether it had one; undefined when it is not UTF-8. */
function decode(bytes: Uint8Array): { text: string; bom: boolean } | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return undefined;
  const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { text: decoded.text, bom: raw.startsWith(BOM) };
}

/** The findings `check` would report for this text as the file `entry`. */
function findingsOf(context: FormContext, entry: DealFileEntry, bytes: Uint8Array): Finding[] {
  const loaded = parseDealBytes(entry, bytes);
  const analysis = analyseLoaded([loaded], { dealsDir: context.dealsDir, today: context.today(), config: context.config });
  return analysis.deals[0]?.findings ?? [];
}

function page(context: FormContext, fields: Omit<FormPage, "language" | "token" | "nonce">, nonce: string): string {
  return formHtml({ ...fields, language: context.language, token: context.token, nonce });
}

/** The deal's state as its page in `serve` shows it, worded for the form. */
function statusOf(context: FormContext, slug: string): FormStatus | undefined {
  const state = context.status?.(slug);
  if (!state) return undefined;
  const { ready, missing } = readinessView(state.readiness, context.language);
  return { ready, missing, ...(state.preview ? { preview: { state: state.preview.state, text: state.preview.text } } : {}) };
}

function notFound(context: FormContext, slug: string): Answer {
  return { status: 404, html: `<!doctype html><title>404</title><p>${t(context.language, "form.notFound", { slug })}</p>` };
}

/** `GET /edit/<slug>`: the deal's values in the form, its findings at their fields. */
export async function showDeal(context: FormContext, slug: string, nonce: string): Promise<Answer> {
  const entry = await entryOf(context, slug);
  if (!entry) return notFound(context, slug);
  const bytes = await readFile(entry.absolute);
  const decoded = decode(bytes);
  const values = decoded ? dataOf(decoded.text) : {};
  const notes = notesByPath(findingsOf(context, entry, bytes), decoded?.text ?? "", context.language);
  const status = statusOf(context, slug);
  const fields = { action: `/edit/${slug}`, slug, base: sha256(bytes), values, notes, live: true };
  return { status: 200, html: page(context, { ...fields, ...(status ? { status } : {}) }, nonce) };
}

/** `GET /new`: an empty form. */
export function showNew(context: FormContext, nonce: string): Answer {
  return { status: 200, html: page(context, { action: "/new", base: "", values: {}, notes: new Map() }, nonce) };
}

/** The file's data as the parser reads it, whatever state the file is in. */
function rawData(text: string): unknown {
  const doc = yaml().parseDocument(text, { schema: "core", version: "1.2", uniqueKeys: false });
  try {
    return doc.toJS({ maxAliasCount: 0 }) as unknown;
  } catch {
    return {};
  }
}

function dataOf(text: string): Record<string, Plain> {
  const data = withoutEmpty(rawData(text));
  return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, Plain>) : {};
}

/** The posted form: its values, and the button pressed if it was one that changes only the form. */
function read(body: URLSearchParams): { values: Record<string, Plain>; operation: string | undefined } {
  const operation = body.get("_op") ?? undefined;
  // The empty entry every list shows is left out; "add" makes a new one.
  const values = (formValues(dealForm(), postedTree(body)) ?? {}) as Record<string, Plain>;
  if (operation !== undefined) applyOperation(values, operation);
  return { values, operation };
}

/** `POST /edit/<slug>`: 303 when written, 409 when the file changed since `base`, 422 on invalid input. */
export async function saveDeal(context: FormContext, slug: string, body: URLSearchParams, nonce: string): Promise<Answer> {
  const entry = await entryOf(context, slug);
  if (!entry) return notFound(context, slug);
  const { values, operation } = read(body);
  const base = body.get("base") ?? "";
  const form = (fields: Partial<FormPage>) =>
    page(context, { action: `/edit/${slug}`, slug, base, values, notes: new Map(), ...fields }, nonce);
  if (operation !== undefined) {
    const status = statusOf(context, slug);
    return { status: 200, html: form({ live: true, ...(status ? { status } : {}) }) };
  }
  const bytes = await readFile(entry.absolute);
  const decoded = decode(bytes);
  if (sha256(bytes) !== base || !decoded) return { status: 409, html: form({ conflict: decoded?.text ?? "" }) };
  const next = (withUnknownKeys(dealForm(), rawData(decoded.text), values) ?? {}) as Record<string, Plain>;
  const text = writeBack(decoded.text, next);
  const written = Buffer.from((decoded.bom ? BOM : "") + text, "utf8");
  const findings = findingsOf(context, entry, written);
  if (findings.some((f) => f.severity === "error")) {
    return { status: 422, html: form({ notes: withSummary(context, notesByPath(findings, text, context.language), findings) }) };
  }
  if (text !== decoded.text) {
    await writeFileAtomic(entry.absolute, written);
    await context.saved(entry.absolute);
  }
  return { status: 303, location: `/deals/${slug}/` };
}

/** `POST /new`: the file `<deals>/<slug>.yaml`, never over an existing one (409). */
export async function createDeal(context: FormContext, body: URLSearchParams, nonce: string): Promise<Answer> {
  const { values, operation } = read(body);
  const typed = (body.get("_slug") ?? "").trim();
  const date = typeof values.meeting === "object" && !Array.isArray(values.meeting) ? String(values.meeting.date ?? "") : "";
  const slug =
    typed ||
    suggestSlug(`${date}-${String(values.title ?? "")}`)
      .slice(0, 80)
      .replace(/-+$/, "");
  const form = (fields: Partial<FormPage>) =>
    page(context, { action: "/new", base: "", values, notes: new Map(), slugValue: typed, ...fields }, nonce);
  if (operation !== undefined) return { status: 200, html: form({}) };
  if (!SLUG_PATTERN.test(slug)) {
    return { status: 422, html: form({ notes: new Map([["_slug", [t(context.language, "form.badSlug", { slug })]]]) }) };
  }
  const absolute = path.resolve(context.dealsDir, `${slug}.yaml`);
  const entry: DealFileEntry = { file: path.relative(process.cwd(), absolute).split(path.sep).join("/"), absolute, slug };
  const text = newFileText(values, context.dealsDir);
  const bytes = Buffer.from(text, "utf8");
  const findings = findingsOf(context, entry, bytes);
  if (findings.some((f) => f.severity === "error")) {
    return { status: 422, html: form({ notes: withSummary(context, notesByPath(findings, text, context.language), findings) }) };
  }
  const existing = (await findDealFiles(context.dealsDir)).find((e) => e.slug === slug);
  if (existing) {
    return {
      status: 409,
      html: form({ notes: new Map([["_slug", [t(context.language, "form.exists", { file: existing.file })]]]) }),
    };
  }
  try {
    // "wx": two people saving the same new deal at once cannot overwrite each other.
    const handle = await open(absolute, "wx");
    await handle.writeFile(bytes);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return {
      status: 409,
      html: form({ notes: new Map([["_slug", [t(context.language, "form.exists", { file: entry.file })]]]) }),
    };
  }
  await context.saved(absolute);
  return { status: 303, location: `/deals/${slug}/` };
}

/** `POST /advance/<slug>`: the deal moves on to its next meeting (see src/cli/edit/advance-deal.ts). */
export async function advanceDeal(context: FormContext, slug: string, body: URLSearchParams, nonce: string): Promise<Answer> {
  const entry = await entryOf(context, slug);
  if (!entry) return notFound(context, slug);
  const bytes = await readFile(entry.absolute);
  const decoded = decode(bytes);
  const base = body.get("base") ?? "";
  const values = decoded ? dataOf(decoded.text) : {};
  const form = (fields: Partial<FormPage>) =>
    page(context, { action: `/edit/${slug}`, slug, base, values, notes: new Map(), ...fields }, nonce);
  if (sha256(bytes) !== base || !decoded) return { status: 409, html: form({ conflict: decoded?.text ?? "" }) };
  const next = advanceData(rawData(decoded.text));
  if (!next) {
    const notes = new Map([["next_meeting", [t(context.language, "advance.noNext", { file: entry.file })]]]);
    return { status: 422, html: form({ base: sha256(bytes), notes }) };
  }
  const text = writeBack(decoded.text, next.data);
  await writeFileAtomic(entry.absolute, Buffer.from((decoded.bom ? BOM : "") + text, "utf8"));
  await context.saved(entry.absolute);
  return { status: 303, location: `/edit/${slug}` };
}

/** A new deal's file: the schema line for editors, then the values in the schema's order. */
export function newFileText(values: Record<string, Plain>, dealsDir: string): string {
  const schema = path
    .relative(path.resolve(dealsDir), fileURLToPath(new URL("deal.schema.json", SCHEMA_DIR)))
    .split(path.sep)
    .join("/");
  const entries = Object.entries(values).map(([key, value]) => blockText({ [key]: value }, 0, "\n", "entry"));
  return `# yaml-language-server: $schema=${schema}\n${entries.join("\n")}\n`;
}

/** The error count above the form, with the messages of findings that belong to no field. */
function withSummary(context: FormContext, notes: Map<string, string[]>, findings: readonly Finding[]): Map<string, string[]> {
  const errors = findings.filter((f) => f.severity === "error").length;
  notes.set("", [t(context.language, "form.errors", { n: errors }), ...(notes.get("") ?? [])]);
  return notes;
}
