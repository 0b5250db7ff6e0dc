import type { ErrorObject, ValidateFunction } from "ajv";
import { capFindings, type Finding, finding, MAX_FINDINGS_PER_FILE } from "../errors.js";
import type { CatalogueKey } from "../i18n/catalogue.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import { addDays, DATE_RANGE, daysInMonth, isCalendarDate, type PlainDate } from "../time/plain-date.js";
import { didYouMean } from "./did-you-mean.js";

/**
 * Validates plain data against a compiled JSON Schema and turns every schema violation into an `invalid-field`
 * finding on the exact YAML node, with what is wrong and how to fix it.
 *
 * YAML 1.2 turns an unquoted `0301234` into the number 301234 and `12345678901234567890` into a rounded float.
 * Where the schema wants text and the author wrote a plain scalar, we keep the text exactly as written instead:
 * that is what the author meant, and nothing is silently changed.
 */
export function validateAgainstSchema(
  validate: ValidateFunction,
  data: unknown,
  source: SourceDocument,
  /** A date after today, for examples in hints. */
  example: string = exampleDate(),
): { data: unknown; findings: Finding[] } {
  let current = data;
  for (let round = 0; round < 3; round++) {
    if (validate(current)) return { data: current, findings: [] };
    const fixes = (validate.errors ?? []).filter(
      (e) => e.keyword === "type" && e.params.type === "string" && (typeof e.data === "number" || typeof e.data === "boolean"),
    );
    const applicable = fixes
      .map((e) => ({ path: pointerToPath(e.instancePath), text: source.plainScalarSource(pointerToPath(e.instancePath)) }))
      .filter((fix): fix is { path: YamlPath; text: string } => fix.text !== undefined);
    if (applicable.length === 0) break;
    current = structuredClone(current);
    for (const fix of applicable) setAt(current, fix.path, fix.text);
  }
  const errors = relevantErrors(validate.errors ?? []);
  // Past the cap, errors are counted, not placed and explained (20 000 unknown keys took seconds).
  const placed = errors.slice(0, MAX_FINDINGS_PER_FILE + 1).map((error) => toFinding(error, source, example));
  return { data: current, findings: capFindings(placed, errors.length - placed.length) };
}

/** A week after `today` (default: today's UTC date): examples in hints should be dates one could still write. */
export function exampleDate(today?: PlainDate): string {
  return addDays(today ?? (new Date().toISOString().slice(0, 10) as PlainDate), 7);
}

/** JSON pointer (`/actions/0/owner`) to path (`["actions", 0, "owner"]`). */
export function pointerToPath(pointer: string): YamlPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function setAt(data: unknown, path: YamlPath, value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

/** Drops the noise ajv adds around one real problem (e.g. the `if` of an if/then). */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    // A date's pattern (its range, for editors) says again what the `date` format says better.
    if (e.keyword === "pattern" && (e.parentSchema as { format?: string } | undefined)?.format === "date") return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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

function toFinding(error: ErrorObject, source: SourceDocument, example: string): Finding {
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
      return formatFinding(String(error.params.format), name, String(value), file, at(path), example);
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
      if (path.at(-1) === "time") return formatFinding("time", name, String(value), file, at(path), example);
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

function formatFinding(
  format: string,
  name: string,
  value: string,
  file: string,
  position: { line: number; column: number },
  example: string,
) {
  if (format === "date") {
    if (isCalendarDate(value)) return dateRangeFinding(name, value, file, position, example);
    return finding("invalid-field", file, position, dateProblem(name, value), dateHint(value, example));
  }
  if (format === "time") {
    return finding("invalid-field", file, position, phrase("schema.notATime", { name, value }), timeHint(value));
  }
  if (format === "email") {
    return finding("invalid-field", file, position, phrase("schema.notAnEmail", { name, value }), phrase("schema.emailHint"));
  }
  return finding("invalid-field", file, position, phrase("schema.badFormat", { name, format }), phrase("schema.invalidHint"));
}

/**
 * A real date outside 1900-01-01 … 2999-12-31: a typo in the year (0202, 9999, 0001), and beyond the range day
 * counts and calendar files would be wrong.
 */
function dateRangeFinding(
  name: string,
  value: string,
  file: string,
  position: { line: number; column: number },
  example: string,
): Finding {
  const { min, max } = DATE_RANGE;
  return finding(
    "invalid-field",
    file,
    position,
    phrase(value < min ? "schema.dateBeforeRange" : "schema.dateAfterRange", { name, min, max, value }),
    phrase("schema.dateRangeHint", { min, max, example }),
  );
}

/**
 * What is wrong with a date that is not `YYYY-MM-DD` or not in the calendar: "there is no month 13",
 * "February 2027 has 28 days, not 30". `subject` is how the value is named (`` `due` ``, `--date`).
 */
export function dateProblem(subject: string, value: string): Phrase {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m, d] = iso.map(Number) as [number, number, number, number];
    if (m < 1 || m > 12) return phrase("schema.notADate.month", { name: subject, month: m, value });
    return phrase("schema.notADate.day", {
      name: subject,
      monthName: monthName(m),
      year: y,
      days: daysInMonth(y, m),
      day: d,
    });
  }
  return phrase("schema.notADate", { name: subject, value });
}

export function dateHint(value: string, example: string): Phrase {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m] = iso.map(Number) as [number, number, number, number];
    if (m >= 1 && m <= 12) {
      const last = `${y}-${String(m).padStart(2, "0")}-${daysInMonth(y, m)}`;
      return phrase("schema.dateHint.day", { monthName: monthName(m), year: y, last });
    }
    return phrase("schema.dateHint.month");
  }
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (german) {
    const [, d, m, y] = german as unknown as [string, string, string, string];
    return phrase("schema.dateHint.german", { iso: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` });
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (loose) {
    const [, y, m, d] = loose as unknown as [string, string, string, string];
    return phrase("schema.dateHint.digits", { iso: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` });
  }
  return phrase("schema.dateHint.other", { example });
}

function timeHint(value: string): Phrase {
  const loose = /^(\d{1,2})[:.](\d{1,2})$/.exec(value.trim());
  if (loose) {
    const h = Number(loose[1]);
    const m = Number(loose[2]);
    if (h < 24 && m < 60)
      return phrase("schema.timeHint.fix", { time: `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}` });
  }
  return phrase("schema.timeHint.other");
}

function monthName(m: number): Phrase {
  return { key: `month.${m}` as CatalogueKey };
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

function typeHint(expected: string, written: string, value: unknown, example: string): Phrase {
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
