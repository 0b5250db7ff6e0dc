// A big site is rendered in several Eleventy runs (src/cli/stages/outputs/site-output.ts: the pages made once per
// site, runs of paginated overview pages of one kind, runs of deal pages). Split small here, the pages must come
// out exactly as from one run: no page lost, none twice, none that depends on what else was in its run.
// In a child process on dist/, as the CLI runs: the Eleventy configuration loads the plugin from dist/ natively,
// and the plugin knows the site data (and what a run leaves out) by that module's class.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const SCRIPT = `
import { createHash } from "node:crypto";
import path from "node:path";
const root = process.argv[2], cwd = process.argv[3], count = Number(process.argv[4]);
const load = (m) => import(new URL(m, "file://" + root + "/").href);
const { generateDeals } = await load("bench/generate-deals.js");
const { analyse } = await load("dist/pipeline.js");
const { DEFAULT_CONFIG } = await load("dist/config/load-config.js");
const { assembleSite } = await load("dist/render/assemble-site.js");
const { pageLists } = await load("dist/render/page-lists.js");
const { renderPages } = await load("dist/render/render-pages.js");
const { runsOf } = await load("dist/cli/stages/outputs/site-runs.js");
generateDeals(path.join(cwd, "deals"), count, 5);
const analysis = await analyse({ dealsDir: "deals", cwd, today: "2026-11-23", config: DEFAULT_CONFIG });
const view = assembleSite(analysis);
const flags = { pdfs: {}, extras: true, mail: true };
const out = path.join(cwd, "_site");
const hash = (text) => createHash("sha256").update(text).digest("hex");
const whole = {};
for (const page of await renderPages(view, flags, out, { deals: new Set(view.deals.map((d) => d.slug)), overview: true }))
  whole[path.relative(out, page.file)] = hash(page.content);
const slugs = view.deals.map((d) => d.slug);
const runs = runsOf(slugs.length, slugs, pageLists(view), { site: 10, deals: 10, overview: 2 });
const split = {};
const twice = [];
for (const run of runs) {
  for (const page of await renderPages(view, flags, out, run)) {
    const name = path.relative(out, page.file);
    if (name in split) twice.push(name);
    split[name] = hash(page.content);
  }
}
const shape = runs.map((run) => (run.overview ? (run.singles === false ? "paged" : "singles") : "deals"));
const oneRun = runsOf(slugs.length, slugs, pageLists(view)).length;
const many = (n) => Array.from({ length: n }, (_, i) => "deal-" + i);
const defaults = {
  small: runsOf(2000, many(2000), undefined).map((run) => run.deals.size),
  big: runsOf(2500, many(2500), undefined).map((run) => run.deals.size),
};
console.log(JSON.stringify({ whole, split, twice, shape, oneRun, defaults }));
`;

describe("a site rendered in several Eleventy runs", () => {
  it("has the pages of one run, byte for byte, each once", async () => {
    const folder = tempDir("protokoll-runs-");
    const script = path.join(folder, "runs.mjs");
    await writeFile(script, SCRIPT);
    const cwd = tempDir("protokoll-runs-site-");
    const output = execFileSync(process.execPath, [script, ROOT, cwd, "24"], { encoding: "utf8", maxBuffer: 64 << 20 });
    const { whole, split, twice, shape, oneRun, defaults } = JSON.parse(output.trim().split("\n").at(-1) as string);
    // Split for real: the pages made once in one run, each paginated kind in runs of two, deal pages in three runs.
    expect(shape.filter((kind: string) => kind === "singles")).toHaveLength(1);
    expect(shape.filter((kind: string) => kind === "deals")).toHaveLength(3);
    expect(shape.filter((kind: string) => kind === "paged").length).toBeGreaterThan(5);
    expect(twice).toEqual([]);
    expect(Object.keys(split).sort()).toEqual(Object.keys(whole).sort());
    expect(split).toEqual(whole);
    // With the build's run sizes, a site of 24 deals is one run, and so is one of 2 000; a bigger site renders its
    // deal pages 500 a run (the 10 000-deal peak came at the end of each run of 2 000).
    expect(oneRun).toBe(1);
    expect(defaults.small).toEqual([2000]);
    expect(defaults.big).toEqual([500, 500, 500, 500, 500]);
  }, 120_000);
});
