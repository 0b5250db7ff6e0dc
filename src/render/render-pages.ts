// Some pages of the site, in memory: what `serve` re-renders after a save (the saved deal's page and the
// overview pages it appears on), instead of the whole site.
import path from "node:path";
import { fileURLToPath } from "node:url";
// First: it switches off a hook of Eleventy before Eleventy's modules run (see eleventy-setup.ts).
import "./eleventy-setup.js";
import Eleventy from "@11ty/eleventy";
import { ProtokollError } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import type { SiteView } from "./assemble-site.js";
import { type PageLists, SiteData, type SiteFlags } from "./eleventy-plugin.js";
import { forgetFinishedRun } from "./eleventy-setup.js";
import { pageTemplates } from "./package-templates.js";
import { PAGED_TEMPLATES } from "./page-lists.js";
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from "./render-site.js";

const DEAL_TEMPLATE = fileURLToPath(new URL("../../templates/deal.njk", import.meta.url));

/** A rendered page: absolute output path and its HTML (or CSS, JS). */
export interface RenderedPage {
  file: string;
  content: string;
}

export interface PageSelection {
  /** Deal pages to render, by slug. */
  deals: ReadonlySet<string>;
  /** Also the index, owner, filter, upcoming and lessons pages and the assets: every page that lists deals. */
  overview: boolean;
  /** With `overview`: of the paginated overview pages (one per owner, finding, list page, review) only these. */
  pages?: Partial<PageLists>;
  /** With `overview`: also the pages rendered once per site — index, owners, upcoming, lessons, assets (default). */
  singles?: boolean;
}

/**
 * Renders the selected pages of `view` into memory (nothing is written). The overview pages are computed from
 * the whole view; deal pages only for the slugs selected, so one save costs one deal page, not all of them.
 */
export async function renderPages(
  view: SiteView,
  flags: SiteFlags,
  outDir: string,
  selection: PageSelection,
): Promise<RenderedPage[]> {
  const deals = view.deals.filter((deal) => selection.deals.has(deal.slug));
  if (!selection.overview && deals.length === 0) return [];
  // The whole template folder with only the selected deals in the data, or the deal template alone.
  const input = selection.overview ? TEMPLATES_DIR : DEAL_TEMPLATE;
  const data = new SiteData({ ...view, deals }, flags, selection.pages);
  if (selection.overview && selection.singles === false) {
    Object.assign(data, { skipTemplates: pageTemplates().filter((name) => !PAGED_TEMPLATES.includes(name)) });
  }
  const eleventy = new Eleventy(input, outDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
      eleventyConfig.addGlobalData("protokoll", data);
    },
  });
  eleventy.disableLogger();
  let results: { outputPath?: string | false; content?: string }[];
  try {
    results = (await eleventy.toJSON()) as typeof results;
  } catch (error) {
    throw new ProtokollError(phrase("build.renderFailed"), phrase("build.renderFailedHint"), { cause: error });
  } finally {
    await forgetFinishedRun();
  }
  return results.flatMap((r) =>
    typeof r.outputPath === "string" && r.outputPath !== ""
      ? [{ file: path.resolve(r.outputPath), content: r.content ?? "" }]
      : [],
  );
}
