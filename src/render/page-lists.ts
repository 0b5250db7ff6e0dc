// The overview pages that come one per item — an owner, a finding, a page of a deal list, a weekly review —
// and where each lands: what the build's output cache and `serve` need to render only the items that changed.
import { outputLayout } from "../util/output-layout.js";
import type { SiteView } from "./assemble-site.js";

/** The lists the paginated templates (owner, finding, status, readiness, all-deals, review) make pages of. */
export interface PageLists {
  owners: SiteView["owners"];
  findings: SiteView["findingPages"];
  status: SiteView["statusPages"];
  readiness: SiteView["readinessPages"];
  all: SiteView["allPages"];
  reviews: SiteView["reviews"];
}

export function pageLists(view: SiteView): PageLists {
  return {
    owners: view.owners,
    findings: view.findingPages,
    status: view.statusPages,
    readiness: view.readinessPages,
    all: view.allPages,
    reviews: view.reviews,
  };
}

export const PAGED = ["owners", "findings", "status", "readiness", "all", "reviews"] as const;

/** The templates of the paginated pages and of the deal pages; every other page template is rendered once per site. */
export const PAGED_TEMPLATES = [
  "deal.njk",
  "owner.njk",
  "finding-filter.njk",
  "status-filter.njk",
  "readiness-filter.njk",
  "all-deals.njk",
  "review.njk",
];
/**
 * What the pages rendered once per site (index, owners, upcoming, lessons, the client's index, robots.txt) read
 * of the site view, besides the messages `t` that follow from `lang`: their cache key is made of these alone,
 * not of the paginated pages' lists, which are keyed item by item and are most of the view.
 * test/render/page-lists.test.ts reads those templates and what they include, and fails on a field not listed.
 */
export const SINGLE_PAGE_FIELDS = [
  "lang",
  "today",
  "todayIso",
  "company",
  "goal",
  "rows",
  "index",
  "summary",
  "kpi",
  "ownersIndex",
  "upcoming",
  "upcomingDays",
  "lessons",
  "trends",
] as const satisfies readonly (keyof SiteView)[];

export type PagedKind = (typeof PAGED)[number];
export type PagedItem = PageLists[PagedKind][number];

/** How one item is named: an owner's or finding's slug, a review's week, a list page's folder. */
export function idOf(kind: PagedKind, item: PagedItem): string {
  if (kind === "owners" || kind === "findings") return (item as { slug: string }).slug;
  if (kind === "reviews") return (item as { week: string }).week;
  return (item as { path: string }).path;
}

/** Where the page of one item lands (the templates' permalinks). */
export function pagePath(kind: PagedKind, id: string): string {
  if (kind === "owners") return outputLayout.ownerPage(id);
  if (kind === "findings") return outputLayout.findingPage(id);
  if (kind === "reviews") return `${outputLayout.reviewPage(id)}index.html`;
  return `${id}/index.html`;
}

/**
 * The items of `next` whose page differs from `previous` (new ones, or a different view), per kind: the
 * selection to render after a change, when the pages of the others are still what `previous` rendered.
 */
export function changedItems(previous: SiteView | undefined, next: SiteView): PageLists {
  const before = previous ? pageLists(previous) : undefined;
  const after = pageLists(next);
  const result = {} as Record<PagedKind, PagedItem[]>;
  for (const kind of PAGED) {
    const old = new Map((before?.[kind] ?? []).map((item: PagedItem) => [idOf(kind, item), jsonOf(item)]));
    result[kind] = (after[kind] as PagedItem[]).filter((item) => old.get(idOf(kind, item)) !== jsonOf(item));
  }
  return result as unknown as PageLists;
}

/**
 * An item's JSON, made once: the items of one save's view are the "before" of the next save's comparison. A
 * view is not changed once assembled.
 */
function jsonOf(item: PagedItem): string {
  let json = itemJson.get(item);
  if (json === undefined) {
    json = JSON.stringify(item);
    itemJson.set(item, json);
  }
  return json;
}

const itemJson = new WeakMap<object, string>();
