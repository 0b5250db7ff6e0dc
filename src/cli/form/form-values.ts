// A posted protocol form as the deal's data: field names are YAML paths, values are typed by the schema.
import type { Plain } from "../edit/yaml-text.js";
import { alternativeFor, dealForm, type Field, isRecord } from "./form-fields.js";

/** The form's own fields, not part of the deal: `token`, `base`, and everything starting with `_`. */
export function isControlName(name: string): boolean {
  return name === "token" || name === "base" || name.startsWith("_");
}

/** A tree of what was posted, strings at the leaves, list items keyed by their index. */
type Posted = { [key: string]: Posted | string };

/**
 * The node below `key`. A recap-list item posts its line as `risks.0` and the box "nur intern" as
 * `risks.0.internal`: a line that also has keys below it is the item's `text`.
 */
function child(tree: Posted, key: string): Posted {
  const existing = Object.hasOwn(tree, key) ? tree[key] : undefined;
  if (typeof existing === "object") return existing;
  const made: Posted = Object.create(null) as Posted;
  if (typeof existing === "string") made.text = existing;
  tree[key] = made;
  return made;
}

/** Whether `path` names a place of the schema (so no name can make a key the schema does not know). */
function accepts(field: Field, path: readonly string[]): boolean {
  if (path.length === 0) return field.type === "value" || field.type === "either";
  const [head = "", ...rest] = path;
  if (field.type === "either") return field.alternatives.some((alt) => accepts(alt, path));
  if (field.type === "object") {
    const next = field.fields.find((f) => f.key === head);
    return next !== undefined && accepts(next, rest);
  }
  if (field.type === "list") return /^(0|[1-9]\d{0,3})$/.test(head) && accepts(field.item, rest);
  return false;
}

/** The posted fields as a tree; names the schema does not know are left out. */
export function postedTree(body: URLSearchParams): Posted {
  const tree: Posted = Object.create(null) as Posted;
  for (const [name, value] of body) {
    if (isControlName(name)) continue;
    const path = name.split(".");
    if (!accepts(dealForm(), path)) continue;
    let node = tree;
    for (const part of path.slice(0, -1)) node = child(node, part);
    const last = path.at(-1) as string;
    const existing = node[last];
    if (typeof existing !== "object") node[last] = value;
    else if (!Object.hasOwn(existing, "text")) existing.text = value;
  }
  return tree;
}

/** One posted value as its type says: text with LF line ends, whole numbers, true/false; "" is no value. */
function typed(field: Extract<Field, { type: "value" }>, raw: string): Plain | undefined {
  const text = raw.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return undefined;
  if (field.kind === "integer" && /^[+-]?\d{1,15}$/.test(text.trim())) return Number(text.trim());
  if (field.kind === "number" && /^[+-]?\d{1,15}([.,]\d{1,6})?$/.test(text.trim())) return Number(text.trim().replace(",", "."));
  if (field.kind === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/**
 * The deal's data from the posted tree: keys in the schema's order, empty values and empty items left out (the
 * way `check` reads `key:` without a value).
 */
export function formValues(field: Field, posted: Posted | string | undefined): Plain | undefined {
  if (posted === undefined) return undefined;
  if (field.type === "either") {
    const shape = typeof posted === "string" ? posted : Object.fromEntries(Object.entries(posted));
    return formValues(alternativeFor(field, shape), posted);
  }
  if (field.type === "value") return typeof posted === "string" ? typed(field, posted) : undefined;
  if (typeof posted === "string") return undefined;
  if (field.type === "object") {
    const out: Record<string, Plain> = {};
    for (const sub of field.fields) {
      const value = formValues(sub, Object.hasOwn(posted, sub.key) ? posted[sub.key] : undefined);
      if (value !== undefined) out[sub.key] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  const items = Object.keys(posted)
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => formValues(field.item, posted[String(index)]));
  // The empty entry at the end with only "nur intern" ticked is still empty.
  const kept = items.filter(
    (item): item is Plain => item !== undefined && !(isRecord(item) && Object.keys(item).every((k) => k === "internal")),
  );
  return kept.length > 0 ? kept : undefined;
}

/**
 * Keys the schema does not know (a file the form cannot show completely) are kept where they were: the form
 * rewrites only what it shows.
 */
export function withUnknownKeys(field: Field, old: unknown, next: Plain | undefined): Plain | undefined {
  if (field.type === "either") return withUnknownKeys(alternativeFor(field, old), old, next);
  if (field.type === "object" && isRecord(old)) {
    const out: Record<string, Plain> = isRecord(next) ? { ...(next as Record<string, Plain>) } : {};
    const known = new Set(field.fields.map((f) => f.key));
    for (const sub of field.fields) {
      if (out[sub.key] === undefined) continue;
      const merged = withUnknownKeys(sub, old[sub.key], out[sub.key]);
      if (merged !== undefined) out[sub.key] = merged;
    }
    for (const [key, value] of Object.entries(old)) if (!known.has(key) && value !== null) out[key] = value as Plain;
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (field.type === "list" && Array.isArray(old) && Array.isArray(next)) {
    return next.map((item, i) => withUnknownKeys(field.item, old[i], item) ?? item);
  }
  return next;
}

/** A form button that changes the form, not the file: `add:actions`, `remove:actions.2`, `up:actions.2`. */
export function applyOperation(values: Record<string, Plain>, operation: string): boolean {
  const match = /^(add|remove|up):([a-z_]+(?:\.(?:[a-z_]+|\d{1,4}))*)$/.exec(operation);
  if (!match) return false;
  const [, verb, target = ""] = match;
  const path = target.split(".");
  if (verb === "add") {
    const field = fieldAtPath(path);
    if (field?.type !== "list") return false;
    const list = ensureList(values, path);
    if (list.length >= field.max) return false;
    list.push(field.item.type === "value" ? "" : {});
    return true;
  }
  const index = Number(path.at(-1));
  const list = listAt(values, path.slice(0, -1));
  if (!list || !Number.isInteger(index) || index >= list.length) return false;
  if (verb === "remove") list.splice(index, 1);
  else if (index > 0) [list[index - 1], list[index]] = [list[index] as Plain, list[index - 1] as Plain];
  return true;
}

function fieldAtPath(path: readonly string[]): Field | undefined {
  let field: Field | undefined = dealForm();
  for (const part of path) {
    if (field?.type === "either") field = field.alternatives.find((alt) => alt.type === "object" || alt.type === "list");
    if (field?.type === "object") field = field.fields.find((f) => f.key === part);
    else if (field?.type === "list" && /^\d+$/.test(part)) field = field.item;
    else return undefined;
  }
  return field?.type === "either" ? field.alternatives.find((alt) => alt.type === "list") : field;
}

function ensureList(values: Record<string, Plain>, path: readonly string[]): Plain[] {
  let node: Plain = values;
  for (const [i, part] of path.entries()) {
    const container = node as Record<string, Plain>;
    const last = i === path.length - 1;
    if (container[part] === undefined || typeof container[part] !== "object")
      container[part] = last ? [] : /^\d+$/.test(path[i + 1] ?? "") ? [] : {};
    node = container[part] as Plain;
  }
  return node as Plain[];
}

function listAt(values: Record<string, Plain>, path: readonly string[]): Plain[] | undefined {
  let node: unknown = values;
  for (const part of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
  return Array.isArray(node) ? (node as Plain[]) : undefined;
}
