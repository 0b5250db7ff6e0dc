// How a site's pages are cut into Eleventy runs: one run for a small site; for a big one, runs that keep the
// build's peak memory bounded (Eleventy holds every page of a run until the run ends).
import { PAGED, type PagedItem, type PageLists } from "../../../render/page-lists.js";
import type { PageSelection } from "../../../render/render-pages.js";

/**
 * The most deals a site renders in one Eleventy run: Eleventy holds every page of a run in memory until the run
 * ends. A site with more deals is big: rendered in several runs, its deal views made batch by batch.
 * `PROTOKOLL_PAGES_PER_RUN` sets a smaller number, so that a test can build a big site of a few deals
 * (test/cli/big-site.test.ts).
 */
export function pagesPerRun(): number {
  const set = Number(process.env.PROTOKOLL_PAGES_PER_RUN);
  return Number.isInteger(set) && set > 0 ? set : 2000;
}
/**
 * Deal pages per Eleventy run of a big site. The peak of a 10 000-deal build came at the end of each run of
 * 2 000 deal pages (~110 MB of pages and their data): runs of 500 brought it from ~575 MB to ~485 MB, for a full
 * garbage collection between runs (~0.3 s each at that size). A site of up to {@link pagesPerRun} deals is still
 * rendered in one run: it does not pay for them.
 */
export function dealPagesPerBigRun(): number {
  return Math.min(pagesPerRun(), 500);
}
/**
 * Overview pages per Eleventy run of a big site: an owner's page lists each of their deals, and the 211 owner
 * pages of 10 000 deals held 140 MB until their run ended (runs of 100: the peak of the build fell by 60 MB).
 */
const OVERVIEW_PAGES_PER_RUN = 100;

/**
 * The Eleventy runs for the stale pages of a site of `deals` deal pages. A small site is one run. A big one gets a
 * run for the pages made once per site, runs of up to {@link OVERVIEW_PAGES_PER_RUN} paginated pages of one kind,
 * and one per {@link dealPagesPerBigRun} deal pages: Eleventy holds every page of a run until it ends, and all
 * overview pages of 10 000 deals at once took the build over a gigabyte.
 */
export function runsOf(
  deals: number,
  stale: readonly string[],
  lists: Partial<PageLists> | undefined,
  size = { site: pagesPerRun(), deals: dealPagesPerBigRun(), overview: OVERVIEW_PAGES_PER_RUN },
): PageSelection[] {
  if (deals <= size.site) {
    return [{ deals: new Set(stale), overview: lists !== undefined, ...(lists ? { pages: lists } : {}) }];
  }
  const none = Object.fromEntries(PAGED.map((kind) => [kind, []])) as unknown as PageLists;
  const runs: PageSelection[] = [];
  if (lists) {
    runs.push({ deals: new Set(), overview: true, pages: none });
    for (const kind of PAGED) {
      for (const batch of chunks((lists[kind] ?? []) as PagedItem[], size.overview)) {
        runs.push({ deals: new Set(), overview: true, pages: { ...none, [kind]: batch }, singles: false });
      }
    }
  }
  for (const batch of chunks(stale, size.deals)) runs.push({ deals: new Set(batch), overview: false });
  return runs;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
  return result;
}
