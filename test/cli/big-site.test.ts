// A big site (more deals than one Eleventy run renders) lets go of each deal's view once the overview pages have
// what they need, and makes the views again batch by batch for the deal pages (src/cli/stages/outputs/
// site-output.ts): 10 000 deals' views at once were ~150 MB of the build's peak. Built as a big site
// (PROTOKOLL_PAGES_PER_RUN=7 for 24 deals), every file must be what one run makes, byte for byte — for the team
// and for a client, from scratch and after one deal changed. Real builds, spawned CLI.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateDeals } from "../../bench/generate-deals.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

async function project(): Promise<string> {
  const cwd = tempDir("protokoll-big-");
  generateDeals(path.join(cwd, "deals"), 24, 11);
  return cwd;
}

async function build(cwd: string, args: string[], env: Record<string, string>): Promise<string> {
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23", ...args], {
    cwd,
    env: { PROTOKOLL_TIMINGS: "1", ...env },
  });
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

/** Every file of the output folder (the build's own state is not there), by path. */
async function files(out: string): Promise<Record<string, string>> {
  const all: Record<string, string> = {};
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    all[file] = (await readFile(path.join(out, file))).toString("base64");
  }
  return all;
}

describe("a big site", () => {
  for (const audience of ["team", "client"]) {
    it(`comes out as one run makes it, from scratch and after one change (${audience})`, async () => {
      const cwd = await project();
      const args = ["--audience", audience];
      const big = { XDG_CACHE_HOME: tempDir("protokoll-key-"), PROTOKOLL_PAGES_PER_RUN: "7" };
      await build(cwd, [...args, "--out", "big"], big);
      await build(cwd, [...args, "--out", "one"], {});
      const scratch = await files(path.join(cwd, "big"));
      expect(Object.keys(scratch).filter((file) => /^deals\/[^/]+\/index\.html$/.test(file))).toHaveLength(24);
      expect(scratch).toEqual(await files(path.join(cwd, "one")));

      const [first] = (await readdir(path.join(cwd, "deals"))).sort();
      const file = path.join(cwd, "deals", first as string);
      await writeFile(file, (await readFile(file, "utf8")).replace(/^title: "/m, 'title: "Geändert: '));
      const log = await build(cwd, [...args, "--out", "big"], big);
      const rendered = [...log.matchAll(/^protokoll: rendered deals\/(\S+)\/index\.html$/gm)].map((m) => m[1]);
      expect(rendered).toEqual([path.basename(first as string, ".yaml")]);
      await build(cwd, [...args, "--out", "one"], {});
      const changed = await files(path.join(cwd, "big"));
      expect(changed).not.toEqual(scratch);
      expect(changed).toEqual(await files(path.join(cwd, "one")));
    });
  }
});
