import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
// First: it switches off a hook of Eleventy before Eleventy's modules run (see eleventy-setup.ts).
import "./eleventy-setup.js";
import Eleventy from "@11ty/eleventy";
import { ProtokollError } from "../errors.js";
import type { History } from "../history/read-history.js";
import { phrase } from "../i18n/translate.js";
import type { Analysis } from "../pipeline.js";
import { mapLimit } from "../util/map-limit.js";
import { inOut, outputLayout } from "../util/output-layout.js";
import { releaseMemory } from "../util/release-memory.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { assembleSite, type SiteView } from "./assemble-site.js";
import { type Audience, clientView, skippedTemplates } from "./client-view.js";
import { SITE_FONTS, SiteData, type SiteFlags } from "./eleventy-plugin.js";
import { forgetFinishedRun } from "./eleventy-setup.js";
import { pageTemplates, TEMPLATES_DIR } from "./package-templates.js";
import type { PastMeetingView } from "./views/deal-view.js";

/** The package's own templates and Eleventy config: the site looks the same whichever folder it is built in. */
export const ELEVENTY_CONFIG = fileURLToPath(new URL("../../.eleventy.js", import.meta.url));
const DEAL_TEMPLATE = fileURLToPath(new URL("../../templates/deal.njk", import.meta.url));

export interface RenderOptions {
  outDir: string;
  flags: SiteFlags;
  quiet?: boolean;
  /** The deals' git history, for trends, review pages and the protocol history. */
  history?: History;
  /** Each deal's earlier meetings, in words ("Verlauf" on the deal page). */
  pastMeetings?: ReadonlyMap<string, PastMeetingView[]>;
  /** Deal pages per Eleventy run for large sites (default {@link DEAL_PAGES_PER_RUN}). */
  dealPagesPerRun?: number;
}

/**
 * Deal pages rendered per Eleventy run. Eleventy keeps every page it wrote in memory until its run ends (the
 * results carry the content), so one run over a 10 000-deal site held all 290 MB of HTML (as UTF-16) at once
 * and peaked above 1 GB. A site up to this size is rendered in one run; a larger one gets a run per overview
 * template and per batch of deal pages, with a full garbage collection in between, so memory stays near the
 * live set. Each extra run costs ~0.2 s, which is why small sites do not pay for it.
 */
export const DEAL_PAGES_PER_RUN = 2000;

export { TEMPLATES_DIR };

/** Renders index and deal pages with Eleventy into `outDir`. Returns the paths written. */
export async function renderSite(analysis: Analysis, options: RenderOptions): Promise<string[]> {
  const team = assembleSite(analysis, options.history, options.pastMeetings);
  const view = options.flags.audience === "client" ? clientView(team) : team;
  const written = await renderViews(view, options);
  await copySiteFonts(options.outDir);
  assertPagesWritten(
    view.deals.map((deal) => deal.slug),
    written,
    options.outDir,
  );
  return written;
}

/**
 * Renders one template of the package (e.g. `index.njk`) for a view into `outDir`: the index of a site far
 * larger than a test can build, from a view made in memory.
 */
export function renderTemplate(template: string, view: SiteView, options: RenderOptions): Promise<string[]> {
  return runEleventy(path.join(TEMPLATES_DIR, template), new SiteData(view, options.flags), options);
}

async function renderViews(view: SiteView, options: RenderOptions): Promise<string[]> {
  const batch = options.dealPagesPerRun ?? DEAL_PAGES_PER_RUN;
  if (view.deals.length <= batch) {
    return runEleventy(TEMPLATES_DIR, new SiteData(view, options.flags), options);
  }
  const written: string[] = [];
  const run = async (template: string, data: SiteData) => {
    releaseMemory();
    written.push(...(await runEleventy(template, data, options)));
  };
  // The index, owner, filter and other overview pages, and the assets, with no deal pages in the data…
  const overview = new SiteData({ ...view, deals: [] }, options.flags);
  for (const template of await overviewTemplates(options.flags.audience ?? "team")) await run(template, overview);
  // …then the deal pages, batch by batch.
  for (let start = 0; start < view.deals.length; start += batch) {
    const deals = view.deals.slice(start, start + batch);
    await run(DEAL_TEMPLATE, new SiteData({ ...view, deals }, options.flags));
  }
  releaseMemory();
  return written;
}

/**
 * A build that wrote no page for a valid deal is broken, whatever Eleventy says: an installed package once
 * rendered nothing at all (its templates were ignored) and the build still reported success. The index and
 * one page per valid deal must be among the files written, else the build fails (exit 2).
 */
export function assertPagesWritten(slugs: readonly string[], written: readonly string[], outDir: string): void {
  // Eleventy reports output paths relative to the working folder (or absolute).
  const have = new Set(written.map((file) => path.resolve(file)));
  const expected = [outputLayout.index, ...slugs.map((slug) => outputLayout.dealPage(slug))];
  const missing = expected.filter((page) => !have.has(inOut(path.resolve(outDir), page)));
  if (missing.length === 0) return;
  const more = missing.length > 3 ? phrase("build.andMore", { n: missing.length - 3 }) : "";
  throw new ProtokollError(
    phrase("build.incomplete", {
      missing: missing.length,
      expected: expected.length,
      shown: missing.slice(0, 3).join(", "),
      more,
    }),
    phrase("build.incompleteHint", { dir: TEMPLATES_DIR }),
  );
}

/** Every template but the deal page and the includes: `index.njk`, `owners.njk`, `assets/site.css.njk`, … */
async function overviewTemplates(audience: Audience): Promise<string[]> {
  const all = pageTemplates();
  const skip = new Set(skippedTemplates(audience, all));
  return all.filter((name) => name !== "deal.njk" && !skip.has(name)).map((name) => path.join(TEMPLATES_DIR, name));
}

async function runEleventy(input: string, data: SiteData, options: RenderOptions): Promise<string[]> {
  const eleventy = new Eleventy(input, options.outDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: options.quiet ?? true,
    config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
      eleventyConfig.addGlobalData("protokoll", data);
    },
  });
  // Our own summary line says what was built; Eleventy's "Wrote N files" would only repeat it.
  if (options.quiet ?? true) eleventy.disableLogger();
  let results: { outputPath?: string | false; content?: string }[];
  try {
    // Rendered in memory, not written by Eleventy: its own writes truncate a page in place, so a full disk
    // left 0-byte and cut-off pages. Each page is then written like every other file (temporary + rename).
    results = (await eleventy.toJSON()) as typeof results;
  } catch (error) {
    throw new ProtokollError(phrase("build.renderFailed"), phrase("build.renderFailedHint"), { cause: error });
  } finally {
    await forgetFinishedRun();
  }
  const pages = results.filter(
    (r): r is { outputPath: string; content: string } => typeof r.outputPath === "string" && r.outputPath !== "",
  );
  await mapLimit(pages, 16, (page) => writeFileAtomic(path.resolve(page.outputPath), page.content ?? ""));
  return pages.map((page) => page.outputPath);
}

/**
 * The pages' typeface into assets/fonts/ (pages are written from memory, so Eleventy copies nothing); returns
 * the files written.
 */
export async function copySiteFonts(outDir: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const written: string[] = [];
  for (const font of SITE_FONTS) {
    const name = `source-sans-3-${font}-normal.woff2`;
    // Written like every output (never through a link in assets/, src/util/output-guard.ts).
    const bytes = await readFile(require.resolve(`@fontsource/source-sans-3/files/${name}`));
    const file = path.join(outDir, "assets", "fonts", name);
    await writeFileAtomic(file, bytes);
    written.push(file);
  }
  return written;
}
