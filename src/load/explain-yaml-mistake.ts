import type { Position } from "../errors.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import type { SourceDocument } from "./source-document.js";

interface Mistake {
  at: Position;
  problem: Phrase;
  remedy: Phrase;
  /** The lines the mistake explains: the parser's other errors there are its consequences. */
  lines: number[];
}

/**
 * The YAML mistakes people really make, recognised from the line where the parser stumbled:
 * - a tab in the indentation: one finding for the first such line, however many follow;
 * - a colon inside an unquoted value (`task: Angebot schicken: Variante A`): caret at the second colon;
 * - entries below a key whose value is already an empty `[]` or `{}` (a template's `participants: []` with
 *   its commented entries uncommented).
 */
export function explainMistake(
  source: SourceDocument,
  line: number,
  code: string,
  tabLines: () => number[],
): Mistake | undefined {
  const text = source.line(line);
  if (code === "TAB_AS_INDENT" || /^ *\t/.test(text)) {
    const tabbed = tabLines();
    if (tabbed.length === 0) return undefined;
    const first = tabbed[0] as number;
    return {
      at: { line: first, column: 1, length: leadingWhitespace(source.line(first)) },
      problem: tabbed.length > 1 ? phrase("yaml.tabIndentMany", { more: tabbed.length - 1 }) : phrase("yaml.tabIndent"),
      remedy: phrase("yaml.tabIndentHint"),
      lines: tabbed,
    };
  }
  const colon = COLON_IN_VALUE.exec(text);
  if (colon) {
    const [, , key = "", value = ""] = colon;
    const second = text.length - value.length + value.search(/:(\s|$)/);
    return {
      at: { line, column: second + 1 },
      problem: phrase("yaml.colonInValue", { key }),
      remedy: phrase("yaml.colonInValueHint", { key, value: value.replace(/\s+#.*$/, "").replace(/"/g, '\\"') }),
      lines: [line],
    };
  }
  const block = flowThenBlock(source, line);
  if (block) return block;
  return undefined;
}

/** `key: value: more` with the value unquoted and not a flow collection: the second `:` starts a new key. */
const COLON_IN_VALUE = /^(\s*(?:- +)?)([A-Za-z_][\w-]*):[ \t]+((?![\s"'[{|>&*!%@`])[^#]*?:(?:\s.*)?)$/;

function leadingWhitespace(text: string): number {
  return Math.max(1, /^[ \t]*/.exec(text)?.[0].length ?? 1);
}

/** The 1-based lines indented with a tab, for the whole file (the first is where the finding goes). */
export function tabIndented(source: SourceDocument): number[] {
  const lines: number[] = [];
  for (let n = 1; n <= source.lineCount; n++) if (/^ *\t/.test(source.line(n))) lines.push(n);
  return lines;
}

/**
 * `participants: []` followed by more-indented entries: the `[]` already closed the value. The finding goes
 * on the `[]`; the entries below are its consequence.
 */
function flowThenBlock(source: SourceDocument, line: number): Mistake | undefined {
  let previous = line - 1;
  while (previous >= 1 && /^\s*(#.*)?$/.test(source.line(previous))) previous--;
  if (previous < 1) return undefined;
  const match = /^(\s*(?:- +)?)([A-Za-z_][\w-]*):\s*(\[\s*\]|\{\s*\})\s*(#.*)?$/.exec(source.line(previous));
  if (!match) return undefined;
  const [, lead = "", key = "", flow = ""] = match;
  const indent = (text: string) => /^\s*/.exec(text)?.[0].length ?? 0;
  if (indent(source.line(line)) <= lead.length) return undefined;
  const lines: number[] = [];
  for (let n = line; n <= source.lineCount; n++) {
    const text = source.line(n);
    if (n > line && text.trim() !== "" && !text.trim().startsWith("#") && indent(text) <= lead.length) break;
    lines.push(n);
  }
  const column = source.line(previous).indexOf(flow, lead.length + key.length) + 1;
  return {
    at: { line: previous, column, length: flow.length },
    problem: phrase("yaml.flowThenBlock", { key, flow }),
    remedy: phrase("yaml.flowThenBlockHint", { key, flow }),
    lines,
  };
}
