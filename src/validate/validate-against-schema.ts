import type { ErrorObject, ValidateFunction } from "ajv";
import { capFindings, type Finding, finding, MAX_FINDINGS_PER_FILE } from "../errors.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import { DATE_RANGE, daysInMonth, isCalendarDate } from "../time/plain-date.js";
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
  const placed = errors.slice(0, MAX_FINDINGS_PER_FILE + 1).map((error) => toFinding(error, source));
  return { data: current, findings: capFindings(placed, errors.length - placed.length) };
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
  return out || "the file";
}

function toFinding(error: ErrorObject, source: SourceDocument): Finding {
  const path = pointerToPath(error.instancePath);
  const name = describePath(path);
  const value = error.data;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const at = (p: YamlPath) => source.valueAt(p);
  const file = source.file;

  switch (error.keyword) {
    case "required": {
      const missing = String(error.params.missingProperty);
      const where = path.length === 0 ? "" : ` in ${name}`;
      const position = path.length === 0 ? { line: 1, column: 1 } : source.keyAt(path);
      return schemaFinding(
        "required",
        finding(
          "invalid-field",
          file,
          position,
          `Missing required key \`${missing}\`${where}.`,
          `Add \`${missing}: ${exampleFor(missing)}\`.`,
        ),
      );
    }
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((schema.properties as Record<string, unknown>) ?? {});
      // Own keys only: `constructor` or `__proto__` must not find Object.prototype's members.
      const german = Object.hasOwn(GERMAN_KEYS, key.toLowerCase()) ? GERMAN_KEYS[key.toLowerCase()] : undefined;
      const guess = didYouMean(key, allowed) ?? (german && allowed.includes(german) ? german : undefined);
      const where = path.length === 0 ? "" : ` in ${name}`;
      return finding(
        "invalid-field",
        file,
        source.keyAt([...path, key]),
        `Unknown key \`${key}\`${where}.`,
        guess ? `Did you mean \`${guess}\`?` : `Allowed here: ${allowed.map((k) => `\`${k}\``).join(", ")}.`,
      );
    }
    case "type": {
      const expected = String(error.params.type);
      const written = source.plainScalarSource(path) ?? JSON.stringify(value);
      const subject = path.length === 0 ? "The file" : `\`${name}\``;
      return schemaFinding(
        "type",
        finding(
          "invalid-field",
          file,
          at(path),
          `${subject} must be ${typeName(expected)}, not ${describeValue(value)}.`,
          path.length === 0
            ? "A deal file is a mapping of keys: `title:`, `customer:`, `meeting:` and so on."
            : typeHint(expected, written, value),
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
        `\`${name}\` must be one of ${allowed.join(", ")}, not ${describeValue(value)}.`,
        guess ? `Did you mean \`${guess}\`?` : `Write one of: ${allowed.join(", ")}.`,
      );
    }
    case "format":
      return formatFinding(String(error.params.format), name, String(value), file, at(path));
    case "minLength":
      return finding("invalid-field", file, at(path), `\`${name}\` is empty.`, "Write a value, or remove the key.");
    case "maxLength":
      return finding(
        "invalid-field",
        file,
        at(path),
        `\`${name}\` is longer than ${error.params.limit} characters.`,
        "Shorten it: the protocol fits on one page.",
      );
    case "maxItems":
      return finding(
        "invalid-field",
        file,
        at(path),
        `\`${name}\` has more than ${error.params.limit} entries.`,
        "Shorten the list: the protocol fits on one page.",
      );
    case "minimum":
    case "maximum":
      return finding(
        "invalid-field",
        file,
        at(path),
        `\`${name}\` must be ${error.keyword === "minimum" ? "at least" : "at most"} ${error.params.limit}, not ${describeValue(value)}.`,
        `Write a number ${error.keyword === "minimum" ? "≥" : "≤"} ${error.params.limit}.`,
      );
    case "pattern":
      // Times are a pattern, not `format: time` (which JSON Schema defines as HH:MM:SS with offset).
      if (path.at(-1) === "time") return formatFinding("time", name, String(value), file, at(path));
      return finding(
        "invalid-field",
        file,
        at(path),
        `\`${name}\` has the wrong form: ${describeValue(value)}.`,
        patternHint(path),
      );
    default:
      return finding("invalid-field", file, at(path), `\`${name}\` ${error.message ?? "is invalid"}.`, undefined);
  }
}

/** Marks findings that may be an echo of a syntax error (see `pipeline.ts`). */
function schemaFinding(keyword: "type" | "required", f: Finding): Finding {
  f.schemaKeyword = keyword;
  return f;
}

function formatFinding(format: string, name: string, value: string, file: string, position: { line: number; column: number }) {
  if (format === "date") {
    if (isCalendarDate(value)) return dateRangeFinding(name, value, file, position);
    return finding("invalid-field", file, position, dateProblem(name, value), dateHint(value));
  }
  if (format === "time") {
    return finding("invalid-field", file, position, `\`${name}\` must be a time HH:MM (24 h), not "${value}".`, timeHint(value));
  }
  if (format === "email") {
    return finding(
      "invalid-field",
      file,
      position,
      `\`${name}\` is not an e-mail address: "${value}".`,
      "Write one address like `a.schulz@example.com`, without name or angle brackets.",
    );
  }
  return finding("invalid-field", file, position, `\`${name}\` is not a valid ${format}.`);
}

/**
 * A real date outside 1900-01-01 … 2999-12-31: a typo in the year (0202, 9999, 0001), and beyond the range day
 * counts and calendar files would be wrong.
 */
function dateRangeFinding(name: string, value: string, file: string, position: { line: number; column: number }): Finding {
  const { min, max } = DATE_RANGE;
  const f = finding(
    "invalid-field",
    file,
    position,
    `\`${name}\` is ${value < min ? "before" : "after"} the dates protokoll accepts (${min} to ${max}): "${value}".`,
    `Check the year: write the date as YYYY-MM-DD between ${min} and ${max}, e.g. \`2026-11-27\`.`,
  );
  f.messageDe = `\`${name}\` liegt ${value < min ? "vor" : "nach"} den Daten, die protokoll annimmt (${min} bis ${max}): „${value}“.`;
  return f;
}

function dateProblem(name: string, value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m, d] = iso.map(Number) as [number, number, number, number];
    if (m < 1 || m > 12) return `\`${name}\` is not a date in the calendar: month ${m} in "${value}".`;
    return `\`${name}\` is not a date in the calendar: ${monthName(m)} ${y} has ${daysInMonth(y, m)} days, not ${d}.`;
  }
  return `\`${name}\` must be a date YYYY-MM-DD, not "${value}".`;
}

function dateHint(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m] = iso.map(Number) as [number, number, number, number];
    if (m >= 1 && m <= 12) {
      return `Check the day: ${monthName(m)} ${y} ends on ${y}-${String(m).padStart(2, "0")}-${daysInMonth(y, m)}.`;
    }
    return "Check the month: it runs from 01 to 12.";
  }
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (german) {
    const [, d, m, y] = german as unknown as [string, string, string, string];
    return `Write dates as YYYY-MM-DD: \`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}\`.`;
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (loose) {
    const [, y, m, d] = loose as unknown as [string, string, string, string];
    return `Write month and day with two digits: \`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}\`.`;
  }
  return "Write dates as YYYY-MM-DD, e.g. `2026-11-27`.";
}

function timeHint(value: string): string {
  const loose = /^(\d{1,2})[:.](\d{1,2})$/.exec(value.trim());
  if (loose) {
    const h = Number(loose[1]);
    const m = Number(loose[2]);
    if (h < 24 && m < 60) return `Write "${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}" (in quotes).`;
  }
  return 'Write the time as "HH:MM" from "00:00" to "23:59", in quotes.';
}

function monthName(m: number): string {
  return (
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][
      m - 1
    ] ?? `month ${m}`
  );
}

function typeName(type: string): string {
  return (
    {
      string: "text",
      integer: "a whole number",
      number: "a number",
      array: "a list",
      object: "a mapping (key: value)",
      boolean: "true or false",
    }[type] ?? type
  );
}

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
}

function typeHint(expected: string, written: string, value: unknown): string {
  if (expected === "string" && value === null) return "Write a value after the colon, or remove the key.";
  if (expected === "string" && typeof value === "object") return "Write plain text here, not a list or a mapping.";
  if (expected === "string") return `Put the value in quotes: "${written}".`;
  if (expected === "array") return "Write a list: each entry on its own line starting with `- `.";
  if (expected === "object") return "Write the keys indented below, e.g. `date: 2026-12-02` on the next line, indented.";
  if (expected === "integer") return "Write a whole number without unit, e.g. `30`.";
  return `Write ${typeName(expected)}.`;
}

function patternHint(path: YamlPath): string {
  const last = path.at(-1);
  if (last === "id") return "Use letters, digits, `-` and `_`, up to 40 characters, e.g. `plan-1`.";
  if (last === "key" || last === "chosen_option") return "Use a short key like `A`, `B` or `C`.";
  return "See the schema for the expected form.";
}

function exampleFor(key: string): string {
  return (
    {
      title: "Liefervertrag Strom 2027–2029",
      customer: "Stadtwerke Musterstadt GmbH",
      meeting: "{ date: 2026-11-20 }",
      date: "2026-11-20",
      name: "Anna Schulz",
      task: "Meilensteinplan abstimmen",
      key: "A",
      when: "keine Antwort nach 3 Tagen",
      // biome-ignore lint/suspicious/noThenProperty: `then` is a key of escalation steps.
      then: "Anruf durch die Vertriebsleitung",
    }[key] ?? "…"
  );
}
