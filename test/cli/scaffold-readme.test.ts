// The team README that `init` writes showed `…-muller-sohne.yaml` while `new` writes `…-mueller-soehne.yaml`:
// the example command in each language's README, run for real, writes the file the README names.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("the team README's example", () => {
  it.each(["de", "en"])("names the file `protokoll new` writes (%s)", async (lang) => {
    const readme = await readFile(path.join(ROOT, "scaffold", lang, "README.md"), "utf8");
    const command = /`npx protokoll new "([^"]+)" --customer "([^"]+)"`/.exec(readme);
    const named = /`deals\/<[^>]+>-([a-z0-9-]+\.yaml)`/.exec(readme)?.[1];
    expect(command).not.toBeNull();
    const cwd = tempDir("protokoll-readme-new-");
    const [, title, customer] = command as RegExpExecArray;
    const result = await runCli(
      ["new", title as string, "--customer", customer as string, "--date", "2026-12-01", "--lang", lang],
      {
        cwd,
      },
    );
    expect(result.code).toBe(0);
    expect(await readdir(path.join(cwd, "deals"))).toEqual([`2026-12-01-${named}`]);
  });
});
