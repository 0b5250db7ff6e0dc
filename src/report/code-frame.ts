import { logColumns } from "../util/log-sink.js";

/**
 * The source line of a finding with a caret underline, like a compiler:
 *
 *      14 |   - task: Meilensteinplan abstimmen
 *         |           ^^^^^^^^^^^^^^^^^^^^^^^^^
 */
export function codeFrame(lineText: string, line: number, column: number, length = 1): string {
  const gutter = String(line).length;
  // A YAML line is deal text: no control character, direction override or command marker reaches the log.
  const shown = logColumns(lineText.replace(/\t/g, " "));
  // Long lines are cut to 160 characters around the column, so the caret always points at something.
  const from = shown.length > 160 && column > 120 ? Math.min(column - 60, shown.length - 156) : 0;
  const head = from > 0 ? `…${shown.slice(from)}` : shown;
  const clipped = head.length > 160 ? `${head.slice(0, 157)}…` : head;
  const start = Math.max(0, Math.min(column - 1 - from + (from > 0 ? 1 : 0), clipped.length));
  const width = Math.max(1, Math.min(length, Math.max(1, clipped.length - start)));
  return [
    `  ${String(line).padStart(gutter)} | ${clipped}`,
    `  ${" ".repeat(gutter)} | ${" ".repeat(start)}${"^".repeat(width)}`,
  ].join("\n");
}
