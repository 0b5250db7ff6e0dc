// The protocol form's fields, read from schema/deal.schema.json: the schema is the only list of fields.
import { readFileSync } from "node:fs";
import type { Language } from "../../time/language.js";
import { SCHEMA_DIR } from "../../validate/schemas.js";

type Schema = Record<string, unknown>;

/** What kind of control a value gets. */
export type FieldKind = "text" | "textarea" | "date" | "time" | "integer" | "number" | "boolean" | "choice";

/** One node of the form: a mapping (`object`), a list (`list`), or a value with its control. */
export type Field =
  | { type: "object"; key: string; help: Help; required: string[]; fields: Field[] }
  | { type: "list"; key: string; help: Help; item: Field; max: number }
  | { type: "value"; key: string; help: Help; kind: FieldKind; choices: string[]; pattern?: string; alternatives?: Field[] }
  | { type: "either"; key: string; help: Help; alternatives: Field[] };

/** A description in both languages: the schema writes "Deutsch. / English.". */
export interface Help {
  de: string;
  en: string;
}

export function helpIn(help: Help, language: Language): string {
  return help[language] || help.de;
}

function splitHelp(description: unknown): Help {
  const text = typeof description === "string" ? description : "";
  const cut = text.lastIndexOf(" / ");
  return cut === -1 ? { de: text, en: text } : { de: text.slice(0, cut).trim(), en: text.slice(cut + 3).trim() };
}

let root: Schema | undefined;

/** The deal schema as JSON. */
export function dealSchema(): Schema {
  root ??= JSON.parse(readFileSync(new URL("deal.schema.json", SCHEMA_DIR), "utf8")) as Schema;
  return root;
}

/** `$ref`s resolved, the referring schema's own keys (its description) winning over the referred one's. */
function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let target: unknown = dealSchema();
  for (const part of ref.slice(2).split("/")) target = (target as Schema)[part];
  const { $ref: _ref, ...own } = schema;
  return { ...resolve(target as Schema), ...own };
}

function kindOf(schema: Schema, key: string, ref: unknown): FieldKind {
  const type = schema.type;
  if (Array.isArray(schema.enum)) return "choice";
  if (type === "boolean") return "boolean";
  if (type === "integer") return "integer";
  if (type === "number") return "number";
  if (schema.format === "date" || ref === "#/definitions/date") return "date";
  if (ref === "#/definitions/time" || key === "time") return "time";
  // Markdown and anything that may run over a line gets a text area.
  const max = typeof schema.maxLength === "number" ? schema.maxLength : 0;
  return max > 500 || ref === "#/definitions/markdown" ? "textarea" : "text";
}

/** The field of `schema` at `key`. */
export function fieldOf(raw: Schema, key: string): Field {
  const schema = resolve(raw);
  const help = splitHelp(raw.description ?? schema.description);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (Array.isArray(alternatives)) {
    return {
      type: "either",
      key,
      help,
      alternatives: alternatives.map((alt) => fieldOf({ description: raw.description, ...alt }, key)),
    };
  }
  if (schema.type === "object" || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    return {
      type: "object",
      key,
      help,
      required: (schema.required as string[] | undefined) ?? [],
      fields: Object.entries(properties).map(([name, child]) => fieldOf(child, name)),
    };
  }
  if (schema.type === "array") {
    return { type: "list", key, help, item: fieldOf((schema.items ?? {}) as Schema, key), max: Number(schema.maxItems ?? 100) };
  }
  return {
    type: "value",
    key,
    help,
    kind: kindOf(schema, key, raw.$ref),
    choices: Array.isArray(schema.enum) ? schema.enum.map(String) : [],
    ...(typeof schema.pattern === "string" ? { pattern: schema.pattern } : {}),
  };
}

let form: Field | undefined;

/** The whole protocol form, from the deal schema. */
export function dealForm(): Field {
  form ??= fieldOf(dealSchema(), "");
  return form;
}

/** The alternative of an `either` field that fits `value`: the one that takes all its keys, else the first. */
export function alternativeFor(field: Extract<Field, { type: "either" }>, value: unknown): Field {
  const fits = (alt: Field) => {
    if (value === undefined || value === null) return true;
    if (alt.type === "object") {
      if (typeof value !== "object" || Array.isArray(value)) return false;
      const keys = new Set(alt.fields.map((f) => f.key));
      return Object.keys(value).every((k) => keys.has(k));
    }
    if (alt.type === "list") return Array.isArray(value);
    return typeof value !== "object";
  };
  return alt(field.alternatives.find(fits) ?? field.alternatives[0]);
}

function alt(field: Field | undefined): Field {
  if (!field) throw new Error("A schema alternative without a field.");
  return field;
}

/** The field at a path of the form (`actions.2.due` → the `due` field of an action), or undefined. */
export function fieldAt(path: readonly string[], value: unknown): Field | undefined {
  let field: Field | undefined = dealForm();
  let current: unknown = value;
  for (const part of path) {
    if (!field) return undefined;
    if (field.type === "either") field = alternativeFor(field, current);
    if (field.type === "object") {
      field = field.fields.find((f) => f.key === part);
      current = isRecord(current) ? current[part] : undefined;
    } else if (field.type === "list") {
      if (!/^\d{1,4}$/.test(part)) return undefined;
      field = field.item;
      current = Array.isArray(current) ? current[Number(part)] : undefined;
    } else return undefined;
  }
  return field;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
