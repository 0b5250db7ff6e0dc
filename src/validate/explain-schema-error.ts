import type { ErrorObject } from "ajv";
import { type Finding, finding } from "../errors.js";
import type { CatalogueKey } from "../i18n/catalogue.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import { parsePlainDate } from "../time/plain-date.js";
import { didYouMean } from "./did-you-mean.js";
import { explainFormatError, type ValueContext } from "./explain-format-error.js";
import { pointerToPath } from "./pointer-to-path.js";

/** German words people type for our keys; "did you mean" should know them too. */
const GERMAN_KEYS: Record<string, string> = {
  titel: "title",
  kunde: "customer",
  termin: "meeting",
  datum: "date",
  zeit: "time",
  uhrzeit: "time",
  dauer: "duration",
  ort: "place",
  teilnehmer: "participants",
  teilnehmende: "participants",
  firma: "company",
  rolle: "role",
  position: "role",
  telefon: "phone",
  mail: "email",
  "e-mail": "email",
  zusammenfassung: "summary",
  entscheidungen: "decisions",
  aufgaben: "actions",
  aufgabe: "task",
  verantwortlich: "owner",
  zuständig: "owner",
  frist: "due",
  bis: "due",
  fällig: "due",
  erledigt: "done_on",
  risiken: "risks",
  nächster_termin: "next_meeting",
  naechster_termin: "next_meeting",
  intern: "internal",
  notizen: "notes",
  konditionen: "terms",
  lieferung: "delivery",
  zahlung: "payment",
};

export function describePath(path: YamlPath): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key + 1}]` : out ? `.${key}` : key;
  return out;
}

/** One schema violation as an `invalid-field` finding on its YAML node: what is wrong and how to fix it. */
export function explainSchemaError(error: ErrorObject, source: SourceDocument, example: string): Finding {
  const path = pointerToPath(error.instancePath);
  const name = describePath(path);
  const value = error.data;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const at = (p: YamlPath) => source.valueAt(p);
  const file = source.file;
  const where = path.length === 0 ? "" : phrase("schema.in", { name });

  switch (error.keyword) {
    case "required": {
      const missing = String(error.params.missingProperty);
      const position = path.length === 0 ? { line: 1, column: 1 } : source.keyAt(path);
      return schemaFinding(
        "required",
        finding(
          "invalid-field",
          file,
          position,
          phrase("schema.required", { key: missing, where }),
          phrase("schema.requiredHint", { key: missing, example: exampleFor(missing, example) }),
        ),
      );
    }
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((schema.properties as Record<string, unknown>) ?? {});
      // Own keys only: `constructor` or `__proto__` must not find Object.prototype's members.
      const german = Object.hasOwn(GERMAN_KEYS, key.toLowerCase()) ? GERMAN_KEYS[key.toLowerCase()] : undefined;
      const guess = didYouMean(key, allowed) ?? (german && allowed.includes(german) ? german : undefined);
      return finding(
        "invalid-field",
        file,
        source.keyAt([...path, key]),
        phrase("schema.unknownKey", { key, where }),
        guess
          ? phrase("schema.didYouMean", { guess })
          : phrase("schema.allowedHere", { list: allowed.map((k) => `\`${k}\``).join(", ") }),
      );
    }
    case "type": {
      const expected = String(error.params.type);
      const written = source.plainScalarSource(path) ?? JSON.stringify(value);
      const subject = path.length === 0 ? phrase("schema.theFile") : `\`${name}\``;
      return schemaFinding(
        "type",
        finding(
          "invalid-field",
          file,
          at(path),
          phrase("schema.type", { subject, type: typeName(expected), value: describeValue(value) }),
          path.length === 0 ? phrase("schema.typeHint.root") : typeHint(expected, written, value, example),
        ),
      );
    }
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const guess = typeof value === "string" ? didYouMean(value, allowed) : undefined;
      return finding(
        "invalid-field",
        file,
        at(path),
        phrase("schema.enum", { name, allowed: allowed.join(", "), value: describeValue(value) }),
        guess ? phrase("schema.didYouMean", { guess }) : phrase("schema.enumHint", { allowed: allowed.join(", ") }),
      );
    }
    case "format":
      return explainFormatError(
        String(error.params.format),
        name,
        String(value),
        file,
        at(path),
        example,
        valueContext(source, path),
      );
    case "minLength":
      return finding("invalid-field", file, at(path), phrase("schema.empty", { name }), phrase("schema.emptyHint"));
    case "maxLength":
      return finding(
        "invalid-field",
        file,
        at(path),
        phrase("schema.maxLength", { name, limit: String(error.params.limit) }),
        phrase("schema.maxLengthHint"),
      );
    case "maxItems":
      return finding(
        "invalid-field",
        file,
        at(path),
        phrase("schema.maxItems", { name, limit: String(error.params.limit) }),
        phrase("schema.maxItemsHint"),
      );
    case "minimum":
    case "maximum": {
      const limit = String(error.params.limit);
      return error.keyword === "minimum"
        ? finding(
            "invalid-field",
            file,
            at(path),
            phrase("schema.minimum", { name, limit, value: describeValue(value) }),
            phrase("schema.minimumHint", { limit }),
          )
        : finding(
            "invalid-field",
            file,
            at(path),
            phrase("schema.maximum", { name, limit, value: describeValue(value) }),
            phrase("schema.maximumHint", { limit }),
          );
    }
    case "pattern":
      // Times are a pattern, not `format: time` (which JSON Schema defines as HH:MM:SS with offset).
      if (path.at(-1) === "time")
        return explainFormatError("time", name, String(value), file, at(path), example, valueContext(source, path));
      return finding(
        "invalid-field",
        file,
        at(path),
        phrase("schema.pattern", { name, value: describeValue(value) }),
        patternHint(path),
      );
    default:
      return finding(
        "invalid-field",
        file,
        at(path),
        phrase("schema.invalid", { name, detail: error.keyword }),
        phrase("schema.invalidHint"),
      );
  }
}

/** Marks findings that may be an echo of a syntax error (see `pipeline.ts`). */
function schemaFinding(keyword: "type" | "required", f: Finding): Finding {
  f.schemaKeyword = keyword;
  return f;
}

function typeName(type: string): Phrase | string {
  const known = ["string", "integer", "number", "array", "object", "boolean"];
  return known.includes(type) ? { key: `schema.typeName.${type}` as CatalogueKey } : type;
}

function describeValue(value: unknown): Phrase {
  if (value === null) return phrase("schema.value.empty");
  if (Array.isArray(value)) return phrase("schema.value.list");
  if (typeof value === "object") return phrase("schema.value.mapping");
  if (typeof value === "string")
    return phrase("schema.value.text", { text: value.length > 60 ? `${value.slice(0, 57)}…` : value });
  return typeof value === "number"
    ? phrase("schema.value.number", { value: String(value) })
    : phrase("schema.value.other", { value: String(value) });
}

/** A due date and the next meeting are never before the meeting; whether the value was written unquoted. */
function valueContext(source: SourceDocument, path: YamlPath): ValueContext {
  const context: ValueContext = {};
  const dated = (path[0] === "actions" && path[2] === "due" && path.length === 3) || path.join(".") === "next_meeting.date";
  const meeting = dated ? source.doc.getIn(["meeting", "date"]) : undefined;
  const floor = typeof meeting === "string" ? parsePlainDate(meeting) : undefined;
  if (floor) context.floor = floor;
  const plain = source.plainScalarSource(path);
  if (plain !== undefined) context.plain = plain;
  return context;
}

/** `ja`, `nein`, `yes`, `no` … where a boolean belongs. */
const YES_NO: Record<string, boolean> = {
  ja: true,
  nein: false,
  yes: true,
  no: false,
  j: true,
  n: false,
  wahr: true,
  falsch: false,
  y: true,
  on: true,
  off: false,
};

function typeHint(expected: string, written: string, value: unknown, example: string): Phrase {
  if (expected === "boolean" && typeof value === "string" && Object.hasOwn(YES_NO, value.trim().toLowerCase()))
    return phrase("schema.typeHint.yesNo", { fix: String(YES_NO[value.trim().toLowerCase()]), written: value });
  if (expected === "string" && value === null) return phrase("schema.typeHint.empty");
  if (expected === "string" && typeof value === "object") return phrase("schema.typeHint.plain");
  if (expected === "string") return phrase("schema.typeHint.quote", { written });
  if (expected === "array") return phrase("schema.typeHint.array");
  if (expected === "object") return phrase("schema.typeHint.object", { example });
  if (expected === "integer") return phrase("schema.typeHint.integer");
  return phrase("schema.typeHint.other", { type: typeName(expected) });
}

function patternHint(path: YamlPath): Phrase {
  const last = path.at(-1);
  if (last === "id") return phrase("schema.patternHint.id");
  if (last === "key" || last === "chosen_option") return phrase("schema.patternHint.key");
  return phrase("schema.patternHint.other");
}

function exampleFor(key: string, example: string): string {
  return (
    {
      title: "Liefervertrag Strom 2027–2029",
      customer: "Stadtwerke Musterstadt GmbH",
      meeting: `{ date: ${example} }`,
      date: example,
      name: "Anna Schulz",
      task: "Meilensteinplan abstimmen",
      key: "A",
      when: "keine Antwort nach 3 Tagen",
      // biome-ignore lint/suspicious/noThenProperty: `then` is a key of escalation steps.
      then: "Anruf durch die Vertriebsleitung",
    }[key] ?? "…"
  );
}
