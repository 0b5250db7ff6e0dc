import { type Finding, finding } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import type { SourceDocument } from "../load/source-document.js";
import type { PlainDate } from "../time/plain-date.js";
import type { DealFile } from "../validate/deal-file.generated.js";
import { findControlCharacters, withoutControlCharacters } from "./find-control-characters.js";
import { schemas } from "./schemas.js";
import { exampleDate, validateAgainstSchema } from "./validate-against-schema.js";

/**
 * Validates a parsed deal file: control characters in any text first, the JSON Schema next, then the few rules a schema cannot say (references
 * between keys, unique ids). Returns typed data only when the file is valid.
 */
export function validateDeal(raw: unknown, source: SourceDocument, today?: PlainDate): { data?: DealFile; findings: Finding[] } {
  // Control characters first; the schema then sees them as U+FFFD, so no message quoting a value carries one.
  const controls = findControlCharacters(raw, source);
  const checked = controls.length > 0 ? withoutControlCharacters(raw) : raw;
  const example = exampleDate(today);
  const { data, findings } = validateAgainstSchema(schemas().deal, withoutEmptyKeys(checked), source, example);
  if (controls.length > 0 || findings.length > 0) return { findings: [...controls, ...findings] };
  const deal = data as DealFile;
  const file = source.file;
  const extra: Finding[] = [];

  const optionKeys = (deal.options ?? []).map((o) => o.key);
  const seenKeys = new Set<string>();
  (deal.options ?? []).forEach((option, i) => {
    if (seenKeys.has(option.key)) {
      extra.push(
        finding(
          "invalid-field",
          file,
          source.valueAt(["options", i, "key"]),
          phrase("schema.optionTwice", { key: option.key }),
          phrase("schema.optionTwiceHint"),
        ),
      );
    }
    seenKeys.add(option.key);
  });
  if (deal.chosen_option && !optionKeys.includes(deal.chosen_option)) {
    extra.push(
      finding(
        "invalid-field",
        file,
        source.valueAt(["chosen_option"]),
        phrase("schema.chosenMissing", { key: deal.chosen_option }),
        optionKeys.length > 0
          ? phrase("schema.chosenMissingHint", { keys: optionKeys.join(", ") })
          : phrase("schema.chosenNoOptions"),
      ),
    );
  }

  const seenIds = new Set<string>();
  (deal.actions ?? []).forEach((action, i) => {
    if (!action.id) return;
    if (seenIds.has(action.id)) {
      extra.push(
        finding(
          "invalid-field",
          file,
          source.valueAt(["actions", i, "id"]),
          phrase("schema.idTwice", { id: action.id }),
          phrase("schema.idTwiceHint"),
        ),
      );
    }
    seenIds.add(action.id);
  });

  // YAML 1.2 reads 0x1F, 0o17 and 1e3 as numbers; in a deal they are typos, not minutes or copies.
  const numbers = [
    { path: ["meeting", "duration"], value: deal.meeting.duration },
    { path: ["next_meeting", "duration"], value: deal.next_meeting?.duration },
    { path: ["terms", "confirmation", "copies"], value: deal.terms?.confirmation?.copies },
  ];
  for (const { path, value } of numbers) {
    const written = source.plainScalarSource(path);
    if (written !== undefined && !/^\d+$/.test(written)) {
      extra.push(
        finding(
          "invalid-field",
          file,
          source.valueAt(path),
          phrase("schema.oddNumber", { name: path.join("."), written, value: String(value) }),
          phrase("schema.oddNumberHint", { key: String(path.at(-1)), n: path.at(-1) === "copies" ? 2 : 60 }),
        ),
      );
    }
  }

  return extra.length > 0 ? { findings: extra } : { data: deal, findings: [] };
}

/**
 * A key written without a value (`owner:`) means "not set yet", the way people fill in a form: drop it, and
 * drop a mapping that only had such keys (`next_meeting:` with an empty `date:`). Required keys left empty are
 * then reported as missing, which says what to do.
 */
export function withoutEmptyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyKeys);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null) continue;
    const cleaned = withoutEmptyKeys(child);
    const emptied = isMapping(child) && Object.keys(child).length > 0 && Object.keys(cleaned as object).length === 0;
    if (!emptied) Object.defineProperty(result, key, { value: cleaned, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
