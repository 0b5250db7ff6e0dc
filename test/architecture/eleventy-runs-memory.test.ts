// Eleventy keeps compiled templates in a cache of the whole process (TemplateContent._compileCache), keyed by the
// run's configuration, so no later run ever finds them; each entry holds its run's configuration, and with it,
// in a build, the run's global data. A 10 000-deal build kept every earlier run's deal views (15 MB more per run
// of 2 000 pages), and `serve` would keep more with every save. protokoll clears that cache after each run
// (src/render/eleventy-setup.ts). In a child process on dist/: after runs of the whole site and of deal pages
// alone, the cache is empty (without the clean-up it held 13 entries after one run, 27 after three).
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const SCRIPT = `
import path from "node:path";
import { pathToFileURL } from "node:url";
const root = process.argv[2], cwd = process.argv[3];
// The URL each module has when Eleventy imports it: one module, one cache.
const load = (m) => import(pathToFileURL(path.join(root, m)).href);
const { generateDeals } = await load("bench/generate-deals.js");
const { analyse } = await load("dist/pipeline.js");
const { DEFAULT_CONFIG } = await load("dist/config/load-config.js");
const { assembleSite } = await load("dist/render/assemble-site.js");
const { renderPages } = await load("dist/render/render-pages.js");
// Eleventy's own module, as its files import it (pinned Eleventy 3.1).
const TemplateContent = (await load("node_modules/@11ty/eleventy/src/TemplateContent.js")).default;
generateDeals(cwd + "/deals", 6, 3);
const analysis = await analyse({ dealsDir: "deals", cwd, today: "2026-11-23", config: DEFAULT_CONFIG });
const flags = { pdfs: {}, extras: true, mail: true };
const cached = () => [...TemplateContent._compileCache.values()].reduce((n, entries) => n + entries.size, 0);
const sizes = [];
for (const overview of [true, false, true]) {
  const view = assembleSite(analysis);
  const pages = await renderPages(view, flags, cwd + "/_site", { deals: new Set(view.deals.map((d) => d.slug)), overview });
  sizes.push({ pages: pages.length > 0, cached: cached() });
}
console.log(JSON.stringify(sizes));
`;

describe("a finished Eleventy run", () => {
  it("leaves nothing in Eleventy's process-wide compile cache", async () => {
    const folder = tempDir("protokoll-runs-memory-");
    const script = path.join(folder, "runs.mjs");
    await writeFile(script, SCRIPT);
    const cwd = tempDir("protokoll-runs-memory-site-");
    const output = execFileSync(process.execPath, [script, ROOT, cwd], { encoding: "utf8" });
    const runs = JSON.parse(output.trim().split("\n").at(-1) as string);
    expect(runs).toEqual([
      { pages: true, cached: 0 },
      { pages: true, cached: 0 },
      { pages: true, cached: 0 },
    ]);
  });
});
