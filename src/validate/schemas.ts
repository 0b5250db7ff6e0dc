import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv, ValidateFunction } from "ajv";
import { parsePlainDate } from "../time/plain-date.js";
import { sha256 } from "../util/sha256.js";

/** Where the JSON Schemas live: the single source of truth for deal and config files. */
export const SCHEMA_DIR = new URL("../../schema/", import.meta.url);

// A pragmatic address check: one @, no spaces or angle brackets, a dot in the domain. Newlines are
// impossible, which also keeps them out of mail headers.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8")) as Record<string, unknown>;
}

const compiled = new Map<string, ValidateFunction>();
let dealSchema: Record<string, unknown> | undefined;

/** The schemas, by the name the validators go by. */
const SCHEMA_FILES = { deal: "deal.schema.json", config: "config.schema.json" } as const;
export type SchemaName = keyof typeof SCHEMA_FILES;

/** Our formats: what `format: date` and `format: email` in the schemas mean. */
const FORMATS = {
  date: { type: "string", validate: (text: string) => parsePlainDate(text) !== undefined },
  email: { type: "string", validate: (text: string) => EMAIL.test(text) },
} as const;

/** An Ajv with our formats and annotation; `source` also keeps the code of what it compiles. */
function newAjv(source = false): Ajv {
  // Loaded here, not when the program starts: a build whose deals and configuration are all known loads
  // no validator at all.
  const { Ajv, _ } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
  const made = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    // The code of a kept validator reads the formats from `formats` (see loadPrecompiled).
    ...(source ? { code: { source: true, formats: _`formats` } } : {}),
  });
  for (const [name, format] of Object.entries(FORMATS)) made.addFormat(name, format);
  // Our own annotation, read by recapLists() below; it validates nothing.
  made.addKeyword({ keyword: "x-protokoll", schemaType: "string" });
  return made;
}

/**
 * The validator of a schema: the one compiled when the package was built (`npm run compile` writes
 * dist/validate/<name>.validator.cjs, see scripts/compile-validators.js), when it was made from exactly this
 * schema file; else compiled now. Compiling the deal schema took ~200 ms, paid by every build that had one
 * deal to validate and by every worker thread of a cold one.
 */
function validatorOf(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const text = schemaText(name);
    let code: string | undefined;
    try {
      code = readFileSync(precompiledFile(name), "utf8");
    } catch {
      // Not compiled yet (tests run the sources): compiled now.
    }
    validate =
      (code !== undefined ? precompiledValidator(code, text, fileURLToPath(precompiledFile(name))) : undefined) ??
      compiledValidator(text);
    compiled.set(name, validate);
  }
  return validate;
}

function schemaText(name: SchemaName): string {
  return readFileSync(new URL(SCHEMA_FILES[name], SCHEMA_DIR), "utf8");
}

/** The validator of a schema (its file's text), compiled by Ajv now (an Ajv of its own: one schema per id). */
export function compiledValidator(text: string): ValidateFunction {
  return newAjv().compile(JSON.parse(text) as Record<string, unknown>);
}

/** The first line of a precompiled validator: the SHA-256 of the schema file it was compiled from. */
const HEADER = "// protokoll validator of schema sha256:";

/**
 * The standalone code of the validator of schema `name`, as `npm run compile` writes it next to this module:
 * a header naming the schema's hash, then Ajv's code (CommonJS).
 */
export function standaloneValidator(name: SchemaName): string {
  const text = schemaText(name);
  const made = newAjv(true);
  const validate = made.compile(JSON.parse(text) as Record<string, unknown>);
  const { default: standaloneCode } = createRequire(import.meta.url)(
    "ajv/dist/standalone/index.js",
  ) as typeof import("ajv/dist/standalone/index.js");
  return `${HEADER}${sha256(text)}\n${standaloneCode(made, validate)}`;
}

/** Where {@link standaloneValidator}'s code of `name` is kept in the package. */
export function precompiledFile(name: SchemaName): URL {
  return new URL(`./${name}.validator.cjs`, import.meta.url);
}

/**
 * The validator in `code` ({@link standaloneValidator}'s, kept at `file`), when it was made from exactly the schema
 * `schemaText`; else none (a checkout compiled before its schema changed).
 */
export function precompiledValidator(code: string, schemaText: string, file: string): ValidateFunction | undefined {
  if (!code.startsWith(`${HEADER}${sha256(schemaText)}\n`)) return undefined;
  const module = { exports: {} as unknown };
  // Loaded as CommonJS would be, with our formats: the code is the package's own, compiled from its schema.
  new Function("require", "module", "exports", "formats", code)(createRequire(file), module, module.exports, FORMATS);
  return module.exports as ValidateFunction;
}

/**
 * The schemas' validators, each made when first asked for: a build whose deals all come from the analysis
 * cache validates only its configuration, and the deal schema is the larger one by far.
 */
export function schemas() {
  return {
    get deal() {
      return validatorOf("deal");
    },
    get config() {
      return validatorOf("config");
    },
    get dealSchema() {
      return rawDealSchema();
    },
  };
}

function rawDealSchema(): Record<string, unknown> {
  dealSchema ??= loadSchema(SCHEMA_FILES.deal);
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
