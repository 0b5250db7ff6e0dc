// `--help` lined its command descriptions up in a column, except where a name was too long for it
// ("diff <basis> [kopf] inhaltlicher Vergleich…" ran into its text). Every two-column block of every help text,
// in both languages, starts its second column at one place.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const COMMANDS = [[], ["build"], ["check"], ["new"], ["diff"], ["serve"], ["init"], ["doctor"], ["review"]];

/**
 * Each block of consecutive lines indented by two spaces, as the column each line's description starts at (after
 * the first run of two or more spaces; -1 for a line without one); deeper-indented lines continue a description.
 */
function columns(help: string): number[][] {
  const blocks: number[][] = [];
  let block: number[] = [];
  for (const line of help.split("\n")) {
    if (/^ {3,}\S/.test(line) && block.length > 0) continue;
    if (/^ {2}\S/.test(line)) block.push(/^ {2}\S.*? {2,}(?=\S)/.exec(line)?.[0].length ?? -1);
    else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks.filter((b) => b.length > 1);
}

describe("--help", () => {
  it.each(["de", "en"])("aligns the second column of every block (%s)", async (lang) => {
    for (const command of COMMANDS) {
      const { stdout } = await runCli([...command, "--help", "--lang", lang]);
      const blocks = columns(stdout);
      if (command.length === 0) expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(new Set(block).size, `${command.join(" ") || "protokoll"}: ${block}`).toBe(1);
    }
  });
});
