import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { parsePlainDate } from "../time/plain-date.js";

/** Where the JSON Schemas live: the single source of truth for deal and config files. */
export const SCHEMA_DIR = new URL("../../schema/", import.meta.url);

// A pragmatic address check: one @, no spaces or angle brackets, a dot in the domain. Newlines are
// impossible, which also keeps them out of mail headers.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8")) as Record<string, unknown>;
}

let compiled: { deal: ValidateFunction; config: ValidateFunction; dealSchema: Record<string, unknown> } | undefined;

/** Compiles both schemas once per process. */
export function schemas() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false });
  ajv.addFormat("date", { type: "string", validate: (text: string) => parsePlainDate(text) !== undefined });
  ajv.addFormat("email", { type: "string", validate: (text: string) => EMAIL.test(text) });
  // Our own annotation, read by recapLists() below; it validates nothing.
  ajv.addKeyword({ keyword: "x-protokoll", schemaType: "string" });
  const dealSchema = loadSchema("deal.schema.json");
  compiled = {
    deal: ajv.compile(dealSchema),
    config: ajv.compile(loadSchema("config.schema.json")),
    dealSchema,
  };
  return compiled;
}

let lists: readonly string[] | undefined;

/**
 * The deal's recap lists, in schema order: client-facing lists of Markdown lines that each show as one section
 * of the protocol under their own heading (`risks`, `abort_criteria`, …). The schema marks them with
 * `"x-protokoll": "recap-list"`, so a new one needs no code: the model carries it (`Deal.lists`), the views
 * render it, the diff names its changes, and a template places it by its key.
 */
export function recapLists(): readonly string[] {
  lists ??= Object.entries(schemas().dealSchema.properties as Record<string, { "x-protokoll"?: string }>)
    .filter(([, property]) => property["x-protokoll"] === "recap-list")
    .map(([key]) => key);
  return lists;
}
