/**
 * The source line of a finding with a caret underline, like a compiler:
 *
 *      14 |   - task: Meilensteinplan abstimmen
 *         |           ^^^^^^^^^^^^^^^^^^^^^^^^^
 */
export function codeFrame(lineText: string, line: number, column: number, length = 1): string {
  const gutter = String(line).length;
  const shown = lineText.replace(/\t/g, " ").replace(/[\u0000-\u001f\u007f]/g, "·");
  const clipped = shown.length > 160 ? `${shown.slice(0, 157)}…` : shown;
  const start = Math.max(0, Math.min(column - 1, clipped.length));
  const width = Math.max(1, Math.min(length, Math.max(1, clipped.length - start)));
  return [
    `  ${String(line).padStart(gutter)} | ${clipped}`,
    `  ${" ".repeat(gutter)} | ${" ".repeat(start)}${"^".repeat(width)}`,
  ].join("\n");
}
