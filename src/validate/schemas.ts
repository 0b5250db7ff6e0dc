import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv, ValidateFunction } from "ajv";
import { parsePlainDate } from "../time/plain-date.js";

/** Where the JSON Schemas live: the single source of truth for deal and config files. */
export const SCHEMA_DIR = new URL("../../schema/", import.meta.url);

// A pragmatic address check: one @, no spaces or angle brackets, a dot in the domain. Newlines are
// impossible, which also keeps them out of mail headers.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8")) as Record<string, unknown>;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
let dealSchema: Record<string, unknown> | undefined;

/** One Ajv for both schemas, with our formats and annotation. */
function validatorOf(name: string, schema: () => Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    if (!ajv) {
      // Loaded here, not when the program starts: a build whose deals and configuration are all known loads
      // no validator at all (Ajv's startup cost such a run 20 ms).
      const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
      ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false });
      ajv.addFormat("date", { type: "string", validate: (text: string) => parsePlainDate(text) !== undefined });
      ajv.addFormat("email", { type: "string", validate: (text: string) => EMAIL.test(text) });
      // Our own annotation, read by recapLists() below; it validates nothing.
      ajv.addKeyword({ keyword: "x-protokoll", schemaType: "string" });
    }
    validate = ajv.compile(schema());
    compiled.set(name, validate);
  }
  return validate;
}

/**
 * The compiled schemas, each compiled when first asked for: a build whose deals all come from the analysis
 * cache validates only its configuration, and the deal schema is the larger one by far.
 */
export function schemas() {
  return {
    get deal() {
      return validatorOf("deal", rawDealSchema);
    },
    get config() {
      return validatorOf("config", () => loadSchema("config.schema.json"));
    },
    get dealSchema() {
      return rawDealSchema();
    },
  };
}

function rawDealSchema(): Record<string, unknown> {
  dealSchema ??= loadSchema("deal.schema.json");
  return dealSchema;
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
