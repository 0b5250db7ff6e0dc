/**
 * What the templates see: the whole site, assembled from one view per page (src/render/views/). Templates only
 * lay out; they never compute or format.
 */
import type { FindingCode } from "../errors.js";
import type { History } from "../history/read-history.js";
import { weeklyMeasures } from "../history/weekly-measures.js";
import { weeklyReview } from "../history/weekly-review.js";
import type { Language } from "../model/deal.js";
import { ownerDirectory } from "../model/owner-directory.js";
import type { Analysis, DealResult } from "../pipeline.js";
import { formatDate } from "../time/format-date.js";
import { addWeeks, isoWeekOf, weeksEndingWith } from "../time/iso-week.js";
import type { PlainDate } from "../time/plain-date.js";
import { kpiTrendsHtml } from "./charts/kpi-trends.js";
import { type Messages, messages, reviewMessages } from "./i18n.js";
import { reviewBodyHtml } from "./review-html.js";
import { type DealView, dealView, type KpiView, kpiView, type PastMeetingView, percent } from "./views/deal-view.js";
import { allDealsPages, type FilterPage, findingPages, type ListPage, readinessPages, statusPages } from "./views/filter-view.js";
import { findingView } from "./views/finding-view.js";
import { byUrgency, INDEX_ROWS, type IndexRow, indexRow } from "./views/index-view.js";
import { type OwnerPage, ownerPages } from "./views/owner-view.js";
import { type UpcomingItem, upcomingItems } from "./views/upcoming-view.js";
import { LEVEL_ICON, type Level } from "./views/urgency.js";
import { type WeekView, weekView } from "./views/week-view.js";

export type { ActionView, AppointmentView, DealView, KpiView, PastMeetingView, ReadinessView } from "./views/deal-view.js";
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

/** One weekly review page, `review/<week>/` (internal). */
export interface ReviewPage {
  week: string;
  title: string;
  bodyHtml: string;
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
  /** The team's KPI trends over the last twelve weeks (figures with data tables), from the git history. */
  trends?: { title: string; html: string; reviews: { url: string; label: string }[] };
  /** Weekly reviews of this week and the last, from the git history. */
  reviews: ReviewPage[];
  findingPages: FilterPage[];
  statusPages: ListPage[];
  /** `send/ready/` and `send/not-ready/`, in pages. */
  readinessPages: ListPage[];
  allPages: ListPage[];
}

/** Weeks the trend charts show, the current one last. */
export const TREND_WEEKS = 12;

export function siteView(analysis: Analysis, history?: History, pastMeetings?: ReadonlyMap<string, PastMeetingView[]>): SiteView {
  const language = analysis.config.siteLanguage;
  const t = messages(language);
  const goal = analysis.config.thresholds.onTimeGoal;
  const deals: DealView[] = [];
  const rows: IndexRow[] = analysis.deals.map((result) => {
    const findings = result.findings.map((f) => findingView(f, language));
    const view = result.deal ? dealView(result as DealResult & { deal: NonNullable<DealResult["deal"]> }, analysis) : undefined;
    if (view) {
      view.pastMeetings = pastMeetings?.get(view.slug) ?? [];
      deals.push(view);
    }
    return indexRow(result, view, findings, analysis.today, analysis.config);
  });
  rows.sort(byUrgency);

  const count = (code: FindingCode) => analysis.deals.reduce((n, d) => n + d.findings.filter((f) => f.code === code).length, 0);
  const owners = ownerPages(deals, language, ownerDirectory(analysis.deals));
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
    reviews: [],
    findingPages: findingPages(rows, language),
    statusPages: status,
    readinessPages: readiness,
    allPages: all,
  };
  if (analysis.config.company.name) view.company = analysis.config.company.name;
  // Without commits there are no weeks to show: no trends or reviews rather than eleven empty weeks.
  if (history?.head) addHistory(view, analysis, history);
  return view;
}

/** Trends on the index and owner pages, and the review pages of this week and the last. */
function addHistory(view: SiteView, analysis: Analysis, history: History): void {
  const { today, config } = analysis;
  const language = config.siteLanguage;
  const goal = config.thresholds.onTimeGoal;
  const thisWeek = isoWeekOf(today);
  const weeks = weeksEndingWith(thisWeek, TREND_WEEKS);
  const r = reviewMessages(language);
  view.trends = {
    title: r.trends,
    html: kpiTrendsHtml(weeklyMeasures(history, weeks, today), language, goal, "team"),
    reviews: [thisWeek, addWeeks(thisWeek, -1)].map((week) => ({ url: `review/${week}/`, label: r.title(week) })),
  };
  for (const owner of view.owners) {
    if (owner.nobody) continue;
    owner.trendsHtml = kpiTrendsHtml(weeklyMeasures(history, weeks, today, { owner: owner.name }), language, goal, "owner");
  }
  view.reviews = [addWeeks(thisWeek, -1), thisWeek].map((week) => ({
    week,
    title: r.title(week),
    bodyHtml: reviewBodyHtml(weeklyReview(history, week, today, config.thresholds), language, goal, "../../"),
  }));
}

/** One link per paginated list (its first page) that has rows, with how many. */
function firstPageLinks(lists: ListPage[]): IndexView["statusLinks"] {
  return lists
    .filter((page) => page.number === 1 && page.rows.length > 0)
    .map((page) => ({ label: page.title, url: page.pages[0]?.url ?? "", count: page.pages.at(-1)?.to ?? 0 }));
}
