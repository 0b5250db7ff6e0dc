// Control characters in deal text: invisible, and raw in a page, a terminal or a PDF they do harm.
import { type Finding, finding } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";

/**
 * C0 controls but TAB, LF and CR (which YAML text may hold), DEL, and the C1 controls (NEL included). YAML
 * writes them as escapes in double quotes (`"\e"`, `"\0"`, `"\N"`) or a file may carry them raw; either way the
 * parsed text holds the character itself.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The first few are enough to show the mistake; a pasted terminal log would otherwise list hundreds. */
const MAX_REPORTED = 10;

/**
 * `invalid-field` for every text value (and key) of a deal file that holds a control character, placed on its
 * node: the value never reaches a page, the PDF, a mail or a calendar. The message names the character by its
 * code point and the field by a path whose own control characters are shown as escapes.
 */
export function findControlCharacters(raw: unknown, source: SourceDocument): Finding[] {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (findings.length >= MAX_REPORTED) return;
    if (typeof value === "string") {
      const match = CONTROL.exec(value);
      if (match) findings.push(report(source, path, match[0], source.valueAt(path)));
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, [...path, i]);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      const match = CONTROL.exec(key);
      if (match) findings.push(report(source, [...path, key], match[0], source.keyAt([...path, key])));
      else visit(child, [...path, key]);
    }
  };
  visit(raw, []);
  return findings;
}

function report(source: SourceDocument, path: YamlPath, char: string, at: ReturnType<SourceDocument["valueAt"]>): Finding {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[char.charCodeAt(0)];
  return finding(
    "invalid-field",
    source.file,
    at,
    phrase("schema.controlCharacter", { path: shownPath(path), char: name ? `${code} ${name}` : code }),
    phrase("schema.controlCharacterHint"),
  );
}

const NAMES: Record<number, string> = { 0: "NUL", 7: "BEL", 8: "BS", 27: "ESC", 127: "DEL", 133: "NEL" };

/** `participants.0.email`, with any control character in a key written as `\u001b`. */
function shownPath(path: YamlPath): string {
  return (
    path
      .map(String)
      .join(".")
      .replace(new RegExp(CONTROL.source, "g"), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) || "."
  );
}

/**
 * A copy of the data for the schema: every control character in a value replaced by U+FFFD, every key with one
 * left out (its finding is there already, and the schema could not place it on the key).
 */
export function withoutControlCharacters(value: unknown): unknown {
  const clean = (text: string) => text.replace(new RegExp(CONTROL.source, "g"), "\uFFFD");
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (CONTROL.test(key)) continue;
    Object.defineProperty(result, key, {
      value: withoutControlCharacters(child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
