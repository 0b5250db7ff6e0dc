// Pages that list a subset of the deals as rows: one per finding code, per status (paginated), and every deal
// in the index's order (paginated). Filtering without JavaScript.
import type { FindingCode, Severity } from "../../errors.js";
import type { Language } from "../../model/deal.js";
import { findingTitle, messages } from "../i18n.js";
import { ALL_PAGE_SIZE, type IndexRow } from "./index-view.js";

/**
 * One page of the deals with one finding, in pages like every list (findings/overdue/, findings/overdue/2/, …):
 * at 10 000 deals the overdue actions alone were one 14 MB page, too large for a browser and for the build.
 * `slug` names the page: the code for the first, `code/N` for the others.
 */
export interface FilterPage extends ListPage {
  slug: string;
  code: FindingCode;
  severity: Severity;
}

/** One page of a paginated list: `path` is its folder below the site root ("status/active/2"). */
export interface ListPage {
  path: string;
  /** The relative way back to the site root from this page. */
  root: string;
  title: string;
  number: number;
  /** Every page of the same list, for the pager (URLs relative to the site root). */
  pages: { number: number; url: string; from: number; to: number }[];
  rows: IndexRow[];
}

export function findingPages(rows: IndexRow[], language: Language): FilterPage[] {
  const codes = new Map<FindingCode, Severity>();
  for (const row of rows) for (const f of row.findings) codes.set(f.code, f.severity);
  return [...codes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([code, severity]) => {
      // Each row shows only the findings the page is about: the filter answers one question, and at
      // 10 000 deals listing every finding of every row made these pages tens of megabytes.
      // The findings column lists them in full, so the "next appointment" cell only marks the date.
      const listed = rows.flatMap((row) => {
        const findings = row.findings.filter((f) => f.code === code);
        if (findings.length === 0) return [];
        const { nextFinding: _, ...rest } = row;
        return [{ ...rest, findings }];
      });
      return paginate(`findings/${code}`, findingTitle(code, language), listed, true).map((page) => ({
        ...page,
        slug: page.number === 1 ? code : `${code}/${page.number}`,
        code,
        severity,
      }));
    });
}

/**
 * Points the chips of a file that does not build (it has no deal page to link to) at its row on the finding's
 * page — with the finding pages in pages, the first one no longer holds every row. The chips are the index row's
 * own objects (a page's rows are copies of the rows, not of their chips), so the index links there too.
 */
export function linkBrokenFiles(pages: readonly FilterPage[]): void {
  for (const page of pages) {
    for (const row of page.rows) {
      if (!row.broken) continue;
      const chip = row.chips.find((c) => c.code === page.code);
      // The slug of a broken file is its name, as untrusted as the file: percent-encoded for the URL's fragment
      // (the page's row id is the same text, which the browser matches after decoding).
      if (chip) chip.href = `${page.path}/index.html#deal-${encodeURIComponent(row.slug)}`;
    }
  }
}

/** `rows` cut into pages of {@link ALL_PAGE_SIZE} below `base` ("all" → all/1/, all/2/, …). */
export function paginate(base: string, title: string, rows: IndexRow[], firstInBase: boolean): ListPage[] {
  const count = Math.max(1, Math.ceil(rows.length / ALL_PAGE_SIZE));
  const pathOf = (n: number) => (firstInBase && n === 1 ? base : `${base}/${n}`);
  const pages = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    url: `${pathOf(i + 1)}/index.html`,
    from: i * ALL_PAGE_SIZE + 1,
    to: Math.min(rows.length, (i + 1) * ALL_PAGE_SIZE),
  }));
  return pages.map((page) => ({
    path: pathOf(page.number),
    root: "../".repeat(pathOf(page.number).split("/").length),
    title,
    number: page.number,
    pages,
    rows: rows.slice(page.from - 1, page.to),
  }));
}

export function statusPages(rows: IndexRow[], language: Language): ListPage[] {
  const t = messages(language);
  const statuses = ["active", "won", "lost", "paused"] as const;
  return statuses.flatMap((status) =>
    paginate(
      `status/${status}`,
      t[`status_${status}`],
      rows.filter((row) => row.status === status),
      true,
    ),
  );
}

/** The recaps ready to send and those not yet (send/ready/, send/not-ready/), in pages. */
export function readinessPages(rows: IndexRow[], language: Language): ListPage[] {
  const t = messages(language);
  return [
    ...paginate(
      "send/ready",
      t.filterReady,
      rows.filter((row) => row.readiness?.ready === true),
      true,
    ),
    ...paginate(
      "send/not-ready",
      t.filterNotReady,
      rows.filter((row) => row.readiness?.ready === false),
      true,
    ),
  ];
}

/** Every deal, most urgent first: all/1/, all/2/, … */
export function allDealsPages(rows: IndexRow[], language: Language): ListPage[] {
  return paginate("all", messages(language).allDeals, rows, false);
}
