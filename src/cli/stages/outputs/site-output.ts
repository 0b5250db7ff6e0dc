import path from "node:path";
import { resultDigests } from "../../../pipeline.js";
import type { SiteView } from "../../../render/assemble-site.js";
import type { SiteFlags } from "../../../render/eleventy-plugin.js";
import {
  idOf,
  PAGED,
  type PagedItem,
  type PagedKind,
  type PageLists,
  pageLists,
  pagePath,
  SINGLE_PAGE_FIELDS,
} from "../../../render/page-lists.js";
import type { DealView } from "../../../render/views/deal-view.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { jsonHash } from "../../../util/json-hash.js";
import { mapLimit } from "../../../util/map-limit.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { releaseMemory } from "../../../util/release-memory.js";
import { sha256 } from "../../../util/sha256.js";
import { writeFileAtomic } from "../../../util/write-file-atomic.js";
import type { BuildRun } from "../build-run.js";
import type { Output } from "../output.js";
import { dealPagesPerBigRun, pagesPerRun, runsOf } from "./site-runs.js";

/**
 * The site: index, deal, owner, filter, upcoming, lessons and review pages (Eleventy), after the PDFs. Only what
 * changed is rendered: each deal page is keyed by its view (and what every page shows: today, the company, the
 * links), the overview pages by the whole site view; a page whose key and bytes are the last build's is left
 * alone (src/cli/stages/output-manifest.ts). Nothing changed, Eleventy is not even loaded.
 */
export const siteOutput: Output = {
  name: "site",
  client: true,
  slice: true,
  async run(run) {
    const { analysis, client } = run;
    const pdfs: Record<string, true> = Object.create(null);
    // In deal order, not in the order the PDFs happened to finish: the record is part of cache keys.
    const printed = run.print?.pdfHashes ?? new Map<string, string>();
    for (const deal of analysis.deals) if (printed.has(deal.slug)) pdfs[deal.slug] = true;
    const flags: SiteFlags = { pdfs, extras: true, audience: run.settings.audience, mail: !client };
    // The whole site first, keyed by what it is made of: the analysis (every deal, finding and KPI, and today and
    // the configuration), the history's head (trends, reviews, "Verlauf") and the flags. Unchanged, the views are
    // not even assembled.
    const siteKey = jsonHash([
      codeFingerprint(),
      flags,
      run.historyHead ?? null,
      analysis.today,
      analysis.config,
      resultDigests(analysis),
    ]);
    // A shard renders its slice's deal pages alone: it has no whole site to reuse or record.
    const { shard } = run.settings;
    const whole = shard ? undefined : await run.manifest?.reuse("site", siteKey);
    if (whole) {
      for (const file of whole) run.pages.add(file);
      // Pages, not the fonts the entry also holds.
      run.pageCounts.kept = whole.filter((file) => !file.endsWith(".woff2")).length;
      run.manifest?.keepAll("page:", "overview", ...PAGED.map((kind) => `${kind}:`));
      return;
    }
    // A client site gets none of the history's internal views (trends, reviews, Verlauf).
    // Loaded only now: a build whose site is unchanged never needs the views (or markdown-it).
    const { assembleSite, dealPageView } = await import("../../../render/assemble-site.js");
    const { clientDeal, clientView } = await import("../../../render/client-view.js");
    const pastMeetings = await run.pastMeetings();
    const valid = analysis.deals.filter((d): d is typeof d & { deal: NonNullable<typeof d.deal> } => d.deal !== undefined);
    // A big site lets each deal's view go once the overview pages have what they need of it, and makes it again
    // for its page, batch by batch: 10 000 deals' views at once were ~150 MB of the build's peak.
    const big = valid.length > pagesPerRun();
    const team = assembleSite(analysis, client ? undefined : run.history, pastMeetings, undefined, { dealViews: !big });
    const view = client ? clientView(team) : team;
    const held = new Map(view.deals.map((deal) => [deal.slug, deal]));
    const resultOf = new Map(valid.map((result) => [result.slug, result]));
    const pages: DealPages = {
      slugs: valid.flatMap((result) => (run.inSlice(result.slug) ? [result.slug] : [])),
      view: (slug) => {
        const deal = held.get(slug);
        if (deal) return deal;
        const made = dealPageView(resultOf.get(slug) as (typeof valid)[number], analysis, pastMeetings);
        return client ? clientDeal(made) : made;
      },
    };
    const keys = pageKeys(view, flags, analysis, pastMeetings);

    // Each deal page and each paginated overview page (an owner, a finding, a list page, a review) by its own key.
    // Each check reads and hashes a page: several in flight (the order of `stale` stays the deals' order).
    const reused = await mapLimit(pages.slugs, 16, async (slug) =>
      run.manifest ? run.manifest.reuse(`page:${slug}`, keys.made(slug), () => keys.item("page", pages.view(slug))) : undefined,
    );
    const stale = pages.slugs.filter((_slug, i) => !reused[i]);
    for (const files of reused) for (const file of files ?? []) run.pages.add(file);
    if (shard) return renderSlice(run, view, pages, flags, stale, keys);
    const lists = pageLists(view);
    const staleLists: Partial<PageLists> = {};
    let listsStale = false;
    for (const kind of PAGED) {
      const kept = [];
      for (const item of lists[kind] as PagedItem[]) {
        const files = await run.manifest?.reuse(`${kind}:${idOf(kind, item)}`, keys.item(kind, item));
        if (files) for (const file of files) run.pages.add(file);
        else kept.push(item);
      }
      (staleLists as Record<string, PagedItem[]>)[kind] = kept;
      if (kept.length > 0) listsStale = true;
    }
    // The pages rendered once per site (index, owners, upcoming, lessons, assets) follow every deal: they are
    // rendered again whenever anything on them may have changed, which is cheap.
    const singles = await run.manifest?.reuse("overview", keys.overview);
    // Computing the keys left a site's worth of JSON behind: collected before Eleventy needs the room.
    if (big) releaseMemory();
    for (const file of singles ?? []) run.pages.add(file);
    const overview = !singles || listsStale;
    const kept = run.pages.size;
    if (stale.length > 0 || overview) await render(run, view, pages, flags, stale, overview ? staleLists : undefined, keys);
    run.pageCounts.kept = kept;
    run.pageCounts.rendered = run.pages.size - kept;
    const { copySiteFonts } = await import("../../../render/render-site.js");
    // With the pages in the site's entry: an output folder that lost them gets them back from the output store.
    for (const font of await copySiteFonts(run.settings.outDir)) run.pages.add(font);
    run.manifest?.record("site", siteKey, await run.manifest.hashes(run.pages));
  },
};

/**
 * A shard's pages (`build --shard`): the stale deal pages of its slice, each recorded under its own key, and the
 * fonts they use. No page that lists deals, and no entry for the whole site: the build over the shards' merged
 * folders renders those, and reuses these pages by their entries.
 */
async function renderSlice(
  run: BuildRun,
  view: SiteView,
  pages: DealPages,
  flags: SiteFlags,
  stale: readonly string[],
  keys: PageKeys,
): Promise<void> {
  const kept = run.pages.size;
  if (stale.length > 0) await render(run, view, pages, flags, stale, undefined, keys);
  run.pageCounts.kept = kept;
  run.pageCounts.rendered = run.pages.size - kept;
  const { copySiteFonts } = await import("../../../render/render-site.js");
  await copySiteFonts(run.settings.outDir);
}

interface PageKeys {
  /** A deal page (`page`) or a paginated overview page, from its own view and what every page shows. */
  item: (kind: "page" | PagedKind, item: DealView | PagedItem) => string;
  /**
   * A deal page from what its view is made of: the deal's result (its digest: the deal file, today, the
   * configuration, the tool), its earlier meetings and the flags. Much cheaper than hashing the view: when it
   * is the last build's, the page is; when not (another day, another configuration), the view's key decides.
   */
  made: (slug: string) => string;
  readonly overview: string;
}

/** The site's deal pages: each deal's view, held (a small site) or made when asked for (a big one). */
interface DealPages {
  /** Every valid deal, in deal order. */
  slugs: readonly string[];
  view: (slug: string) => DealView;
}

/** What a deal page is made of besides its own view, and the overview pages of everything but the deal pages. */
function pageKeys(
  view: SiteView,
  flags: SiteFlags,
  analysis: BuildRun["analysis"],
  pastMeetings: ReadonlyMap<string, unknown> | undefined,
): PageKeys {
  const tool = codeFingerprint();
  const { pdfs, ...siteFlags } = flags;
  const known = new WeakMap<object, string>();
  const everyPage = JSON.stringify([tool, view.lang, view.company ?? null, view.today, view.goal, siteFlags]);
  const digests = resultDigests(analysis);
  const digestOf = new Map(analysis.deals.map((result, i) => [result.slug, digests[i] as string]));
  const made = new Map<string, string>();
  let overview: string | undefined;
  return {
    made: (slug) => {
      let key = made.get(slug);
      if (key === undefined) {
        const past = JSON.stringify(pastMeetings?.get(slug) ?? []);
        key = sha256(`${everyPage}\0${pdfs[slug] === true}\0${digestOf.get(slug)}\0${past}`);
        made.set(slug, key);
      }
      return key;
    },
    // Once per item (the build asks twice), and streamed: a finding's page lists thousands of rows.
    item: (kind, item) => {
      let key = known.get(item);
      if (key === undefined) {
        // The messages (`t`, two thirds of a deal view's JSON) follow from the language and the tool's code.
        const pdf = kind === "page" && pdfs[(item as DealView).slug] === true;
        key = jsonHash([everyPage, kind, pdf, "t" in item ? { ...item, t: undefined } : item]);
        known.set(item, key);
      }
      return key;
    },
    // The rows of every deal, element by element; hashed when asked for (a shard renders no overview page).
    get overview() {
      overview ??= jsonHash([everyPage, pdfs, Object.fromEntries(SINGLE_PAGE_FIELDS.map((field) => [field, view[field]]))], 3);
      return overview;
    },
  };
}

/**
 * Renders the stale deal pages (in runs of {@link dealPagesPerBigRun} on a big site) and, when `lists` is given,
 * the pages rendered once per site and the stale paginated overview pages; records each page under its own key.
 */
async function render(
  run: BuildRun,
  view: SiteView,
  dealPages: DealPages,
  flags: SiteFlags,
  stale: readonly string[],
  lists: Partial<PageLists> | undefined,
  keys: PageKeys,
) {
  const { renderPages } = await import("../../../render/render-pages.js");
  const { assertPagesWritten } = await import("../../../render/render-site.js");
  const { outDir } = run.settings;
  // Which item each page file belongs to, so that each is recorded under its own key (a deal page's when its
  // batch is rendered: its view is made then).
  const owner = new Map<string, { name: string; key: string; also?: string }>();
  for (const kind of PAGED) {
    for (const item of (lists?.[kind] ?? []) as PagedItem[]) {
      const id = idOf(kind, item);
      owner.set(inOut(outDir, pagePath(kind, id)), { name: `${kind}:${id}`, key: keys.item(kind, item) });
    }
  }
  const singles = new Map<string, string>();
  const written: string[] = [];
  for (const [index, selection] of runsOf(dealPages.slugs.length, stale, lists).entries()) {
    // Eleventy's garbage of the run before stays until the heap doubles: collected between runs of a big site.
    if (index > 0) releaseMemory();
    // The views of this run's deal pages, each recorded under the key of what it is made of and of its view.
    const deals = [...selection.deals].map(dealPages.view);
    for (const deal of deals) {
      owner.set(inOut(outDir, outputLayout.dealPage(deal.slug)), {
        name: `page:${deal.slug}`,
        key: keys.made(deal.slug),
        also: keys.item("page", deal),
      });
    }
    const pages = await renderPages({ ...view, deals }, flags, outDir, selection);
    // Many small files: several writes in flight, not one after the other.
    await mapLimit(pages, 16, (page) => writeFileAtomic(page.file, page.content));
    for (const page of pages) {
      run.pages.add(page.file);
      if (process.env.PROTOKOLL_TIMINGS === "1") {
        process.stderr.write(`protokoll: rendered ${path.relative(outDir, page.file).split(path.sep).join("/")}\n`);
      }
      written.push(page.file);
      const hash = sha256(page.content);
      const item = owner.get(page.file);
      if (item) run.manifest?.record(item.name, item.key, new Map([[page.file, hash]]), item.also);
      else singles.set(page.file, hash);
    }
  }
  if (lists) run.manifest?.record("overview", keys.overview, singles);
  // The index (when rendered) and a page for every deal rendered, else the installation is broken (exit 2).
  const have = lists ? written : [inOut(outDir, outputLayout.index), ...written];
  assertPagesWritten(
    stale,
    have.map((file) => path.resolve(file)),
    outDir,
  );
}
