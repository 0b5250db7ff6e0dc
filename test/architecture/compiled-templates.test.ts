// The package's Nunjucks templates are compiled when the package is built (scripts/compile-templates.js), so a
// build compiles none of them itself; it used to compile every page, include and permalink in every Eleventy
// run (~0.2 s a build, more for a big site's several runs). Compiled code is used only under the key of exactly
// the source it was made from: a template that differs from it is compiled at run time, never served stale.
// In a child process on dist/, as `npm run compile` made it (test/global-setup.ts runs the same steps).
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
const load = (m) => import(pathToFileURL(path.join(root, m)).href);
const { generateDeals } = await load("bench/generate-deals.js");
const { analyse } = await load("dist/pipeline.js");
const { DEFAULT_CONFIG } = await load("dist/config/load-config.js");
const { assembleSite } = await load("dist/render/assemble-site.js");
const { renderPages } = await load("dist/render/render-pages.js");
const { renderPrintHtml } = await load("dist/render/render-print-html.js");
const compiled = await load("dist/render/compiled-templates.js");
generateDeals(cwd + "/deals", 3, 5);
const analysis = await analyse({ dealsDir: "deals", cwd, today: "2026-11-23", config: DEFAULT_CONFIG });
const view = assembleSite(analysis);
const pages = await renderPages(view, { pdfs: {}, extras: true, mail: true }, cwd + "/_site", {
  deals: new Set(view.deals.map((d) => d.slug)),
  overview: true,
});
const [printed] = await renderPrintHtml(analysis);
const print = printed.html + printed.compactHtml();
const afterSite = compiled.templatesCompiledAtRunTime();
// A template source the package was not compiled with (one character more) is compiled here, and runs.
const nunjucks = (await import(pathToFileURL(path.join(root, "node_modules/nunjucks/index.js")).href)).default;
const env = new nunjucks.Environment([], { autoescape: true, throwOnUndefined: false, trimBlocks: false });
const version = compiled.nunjucksVersion(pathToFileURL(path.join(root, "dist/render/compiled-templates.js")).href);
const props = compiled.templateProps(nunjucks, env, version, "<p>{{ who }}!</p>", "probe.njk");
const other = new nunjucks.Template({ type: "code", obj: props }, env, "probe.njk", true).render({ who: "<Ana>" });
// The package's code for an include, used under a path with "$&" and "$'" in it (a replacement pattern once).
const { readFileSync } = await import("node:fs");
const rowsSource = readFileSync(path.join(root, "templates/_includes/deal-rows.njk"), "utf8");
const odd = compiled.templateProps(nunjucks, env, version, rowsSource, "/srv/R$&D/it$'s/deal-rows.njk");
const oddPath = typeof odd.root === "function" && compiled.templatesCompiledAtRunTime() === 1;
console.log(JSON.stringify({
  oddPath,
  pages: pages.length,
  print: print.length,
  afterSite,
  afterOther: compiled.templatesCompiledAtRunTime(),
  other,
}));
`;

describe("templates compiled with the package", () => {
  it("leave a build nothing to compile, and a source they were not made from is compiled, not served stale", async () => {
    const folder = tempDir("protokoll-compiled-templates-");
    const script = path.join(folder, "probe.mjs");
    await writeFile(script, SCRIPT);
    const cwd = tempDir("protokoll-compiled-templates-site-");
    const output = execFileSync(process.execPath, [script, ROOT, cwd], { encoding: "utf8" });
    const run = JSON.parse(output.trim().split("\n").at(-1) as string);
    expect(run.pages).toBeGreaterThan(10);
    expect(run.print).toBeGreaterThan(1000);
    expect(run.afterSite).toBe(0);
    expect(run.afterOther).toBe(1);
    expect(run.other).toBe("<p>&lt;Ana&gt;!</p>");
    expect(run.oddPath).toBe(true);
  });
});
