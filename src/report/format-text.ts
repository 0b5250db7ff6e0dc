import { type Finding, wordFinding } from "../errors.js";
import { date, plural, t } from "../i18n/translate.js";
import type { Analysis } from "../pipeline.js";
import type { Language } from "../time/language.js";
import { logPath, logText } from "../util/log-sink.js";
import { codeFrame } from "./code-frame.js";
import { markCounts } from "./mark-counts.js";

export interface TextOptions {
  color?: boolean;
  language: Language;
}

/**
 * Human output of `check`: findings grouped by file, each with position, code, message, the fix and a caret
 * frame; then one summary line.
 *
 *   deals/stadtwerke-strom.yaml:14:12 missing-owner  Aufgabe „Meilensteinplan abstimmen“ hat keine verantwortliche Person.
 *     `owner:` mit dem Namen einer Person ergänzen, z. B. `owner: Anna Schulz`.
 *      14 |   - task: Meilensteinplan abstimmen
 *         |           ^^^^^^^^^^^^^^^^^^^^^^^^^
 */
export function formatText(analysis: Analysis, options: TextOptions): string {
  const paint = painter(options.color ?? false);
  const blocks: string[] = [];
  for (const deal of analysis.deals) {
    if (deal.findings.length === 0) continue;
    const lines = deal.findings.map((f) => formatFinding(f, options.language, (n) => deal.lines[n], paint));
    blocks.push(lines.join("\n\n"));
  }
  blocks.push(summaryLine(analysis, options.language, paint));
  return `${blocks.join("\n\n")}\n`;
}

export function formatFinding(
  f: Finding,
  language: Language,
  lineOf: (line: number) => string | undefined,
  paint = painter(false),
): string {
  const color = f.severity === "error" ? paint.red : paint.yellow;
  const { message, hint } = wordFinding(f, language);
  // Message, hint and file name carry deal text: no line break or control character of theirs reaches the log.
  const parts = [
    `${paint.bold(`${logPath(f.file)}:${f.line}:${f.column}`)} ${color(f.code)}  ${logText(message)}`,
    `  ${paint.dim(logText(hint))}`,
  ];
  const text = lineOf(f.line);
  if (text !== undefined && text.trim() !== "") parts.push(codeFrame(text, f.line, f.column, f.length ?? 1));
  return parts.join("\n");
}

function summaryLine(analysis: Analysis, language: Language, paint: Painter): string {
  const { deals, errors, warnings } = analysis.summary;
  const clean = analysis.deals.filter((d) => d.findings.length === 0).length;
  const text = t(language, "check.summary", {
    deals: plural(deals, "n.deal"),
    today: date(analysis.today),
    marks: markCounts(analysis, language),
    clean,
  });
  return errors > 0 ? paint.red(text) : warnings > 0 ? paint.yellow(text) : paint.green(text);
}

type Painter = ReturnType<typeof painter>;

function painter(on: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}
