import type { ErrorObject, ValidateFunction } from "ajv";
import { capFindings, type Finding, MAX_FINDINGS_PER_FILE } from "../errors.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import { addDays, type PlainDate } from "../time/plain-date.js";
import { colonInItem } from "./explain-colon-in-item.js";
import { describePath, explainSchemaError } from "./explain-schema-error.js";
import { pickAnyOfBranches } from "./pick-any-of-branch.js";
import { pointerToPath } from "./pointer-to-path.js";
import { schemas } from "./schemas.js";

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
  const { errors, colons } = colonItems(relevantErrors(validate.errors ?? []), source);
  // Past the cap, errors are counted, not placed and explained (20 000 unknown keys took seconds).
  const placed = [
    ...colons,
    ...errors.slice(0, MAX_FINDINGS_PER_FILE + 1 - colons.length).map((error) => explainSchemaError(error, source, example)),
  ];
  return { data: current, findings: capFindings(placed, errors.length - placed.length) };
}

/**
 * List items that should be text but read as a one-key mapping (`- Kennzahl: mehr als 90 %`): one finding with
 * the quote fix each, instead of "must be text" or, where the item may also be `{text, …}`, "unknown key".
 */
function colonItems(errors: ErrorObject[], source: SourceDocument): { errors: ErrorObject[]; colons: Finding[] } {
  const colons = new Map<string, Finding>();
  for (const e of errors) {
    const meant = e.keyword === "additionalProperties" || (e.keyword === "type" && e.params.type === "string");
    if (!meant || colons.has(e.instancePath)) continue;
    const path = pointerToPath(e.instancePath);
    const colon = colonInItem(source, path, describePath(path));
    if (colon) colons.set(e.instancePath, colon);
  }
  const inside = (e: ErrorObject) =>
    [...colons.keys()].some((at) => e.instancePath === at || e.instancePath.startsWith(`${at}/`));
  return { errors: colons.size === 0 ? errors : errors.filter((e) => !inside(e)), colons: [...colons.values()] };
}

/** A week after `today` (default: today's UTC date): examples in hints should be dates one could still write. */
export function exampleDate(today?: PlainDate): string {
  return addDays(today ?? (new Date().toISOString().slice(0, 10) as PlainDate), 7);
}

function setAt(data: unknown, path: YamlPath, value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

/** Drops the noise ajv adds around one real problem (e.g. the `if` of an if/then). */
function relevantErrors(all: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  // Only the deal schema has `anyOf`s (a line or an item, two forms of an escalation step).
  const errors = all.some((e) => e.keyword === "anyOf")
    ? pickAnyOfBranches(all, (schemas().dealSchema.definitions ?? {}) as Record<string, unknown>)
    : all;
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
