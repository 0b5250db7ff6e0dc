/**
 * What the templates see: the whole site, assembled from one view per page (src/render/views/). Templates only
 * lay out; they never compute or format.
 */
import type { FindingCode } from "../errors.js";
import type { Language } from "../model/deal.js";
import type { Analysis, DealResult } from "../pipeline.js";
import { formatDate } from "../time/format-date.js";
import type { PlainDate } from "../time/plain-date.js";
import { type Messages, messages } from "./i18n.js";
import { type DealView, dealView, type KpiView, kpiView, percent } from "./views/deal-view.js";
import { allDealsPages, type FilterPage, findingPages, type ListPage, readinessPages, statusPages } from "./views/filter-view.js";
import { findingView } from "./views/finding-view.js";
import { byUrgency, INDEX_ROWS, type IndexRow, indexRow } from "./views/index-view.js";
import { type OwnerPage, ownerPages } from "./views/owner-view.js";
import { type UpcomingItem, upcomingItems } from "./views/upcoming-view.js";
import { LEVEL_ICON, type Level } from "./views/urgency.js";
import { type WeekView, weekView } from "./views/week-view.js";

export type { ActionView, AppointmentView, DealView, KpiView, ReadinessView } from "./views/deal-view.js";
export { readinessView } from "./views/deal-view.js";
export type { FilterPage, ListPage } from "./views/filter-view.js";
export type { FindingView } from "./views/finding-view.js";
export type { Chip, IndexRow } from "./views/index-view.js";
export type { OwnerAction, OwnerPage } from "./views/owner-view.js";
export { ownerSlug } from "./views/owner-view.js";
export type { UpcomingItem } from "./views/upcoming-view.js";
export { dealView };

/** The index page: the most urgent deals, this week's actions, and the way to every other deal. */
export interface IndexView {
  rows: IndexRow[];
  total: number;
  week: WeekView;
  legend: { level: Level; icon: string; label: string }[];
  /** The "all deals" pages, linked from the index. */
  allPages: { number: number; url: string; from: number; to: number }[];
  statusLinks: { label: string; url: string; count: number }[];
  /** "versandbereit" and "nicht versandbereit", with their counts. */
  readinessLinks: { label: string; url: string; count: number }[];
}

export interface SiteView {
  lang: Language;
  t: Messages;
  today: string;
  todayIso: PlainDate;
  company?: string;
  deals: DealView[];
  /** Every row, most urgent first. */
  rows: IndexRow[];
  index: IndexView;
  summary: {
    deals: number;
    errors: number;
    warnings: number;
    missingOwner: number;
    vagueOwner: number;
    nextPast: number;
    missingDue: number;
    overdue: number;
    late: number;
    noNext: number;
    stale: number;
  };
  kpi: KpiView;
  goal: string;
  owners: OwnerPage[];
  upcoming: UpcomingItem[];
  upcomingDays: number;
  lessons: { title: string; customer: string; url: string; lessonsHtml: string[]; signalsHtml: string[] }[];
  findingPages: FilterPage[];
  statusPages: ListPage[];
  /** `send/ready/` and `send/not-ready/`, in pages. */
  readinessPages: ListPage[];
  allPages: ListPage[];
}

export function siteView(analysis: Analysis): SiteView {
  const language = analysis.config.siteLanguage;
  const t = messages(language);
  const goal = analysis.config.thresholds.onTimeGoal;
  const deals: DealView[] = [];
  const rows: IndexRow[] = analysis.deals.map((result) => {
    const findings = result.findings.map((f) => findingView(f, language));
    const view = result.deal ? dealView(result as DealResult & { deal: NonNullable<DealResult["deal"]> }, analysis) : undefined;
    if (view) deals.push(view);
    return indexRow(result, view, findings, analysis.today, analysis.config);
  });
  rows.sort(byUrgency);

  const count = (code: FindingCode) => analysis.deals.reduce((n, d) => n + d.findings.filter((f) => f.code === code).length, 0);
  const owners = ownerPages(deals, language);
  const all = allDealsPages(rows, language);
  const status = statusPages(rows, language);
  const readiness = readinessPages(rows, language);
  const view: SiteView = {
    lang: language,
    t,
    today: formatDate(analysis.today, language),
    todayIso: analysis.today,
    deals,
    rows,
    index: {
      rows: rows.slice(0, INDEX_ROWS),
      total: rows.length,
      week: weekView(owners, analysis.today, language),
      legend: (["critical", "warning", "info"] as const).map((level) => ({
        level,
        icon: LEVEL_ICON[level],
        label: t[`level_${level}`],
      })),
      allPages: all[0]?.pages ?? [],
      statusLinks: firstPageLinks(status),
      readinessLinks: firstPageLinks(readiness),
    },
    summary: {
      ...analysis.summary,
      missingOwner: count("missing-owner"),
      vagueOwner: count("vague-owner"),
      missingDue: count("missing-due"),
      overdue: count("overdue"),
      late: count("protocol-late"),
      noNext: count("missing-next-meeting"),
      nextPast: count("next-meeting-past"),
      stale: count("deal-stale"),
    },
    kpi: kpiView(analysis.kpi, language, goal),
    goal: percent(goal, language),
    owners,
    upcoming: upcomingItems(analysis, language),
    upcomingDays: analysis.config.thresholds.upcomingDays,
    lessons: deals
      .filter((d) => d.internal && (d.internal.lessonsHtml.length > 0 || d.internal.signalsHtml.length > 0))
      .map((d) => ({
        title: d.title,
        customer: d.customer,
        url: d.url,
        lessonsHtml: d.internal?.lessonsHtml ?? [],
        signalsHtml: d.internal?.signalsHtml ?? [],
      })),
    findingPages: findingPages(rows, language),
    statusPages: status,
    readinessPages: readiness,
    allPages: all,
  };
  if (analysis.config.company.name) view.company = analysis.config.company.name;
  return view;
}

/** One link per paginated list (its first page) that has rows, with how many. */
function firstPageLinks(lists: ListPage[]): IndexView["statusLinks"] {
  return lists
    .filter((page) => page.number === 1 && page.rows.length > 0)
    .map((page) => ({ label: page.title, url: page.pages[0]?.url ?? "", count: page.pages.at(-1)?.to ?? 0 }));
}
