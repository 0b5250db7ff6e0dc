/**
 * What the templates see: the whole site, assembled from one view per page (src/render/views/). This module
 * only puts them together; each view computes and formats its own page, templates only lay out.
 */
import { markOf } from "../findings/level.js";
import type { History } from "../history/read-history.js";
import { commitmentState } from "../model/commitment.js";
import type { Language } from "../model/deal.js";
import { ownerDirectory } from "../model/owner-directory.js";
import { ourPeople } from "../model/timeline.js";
import type { Analysis, DealResult } from "../pipeline.js";
import { formatDate } from "../time/format-date.js";
import type { PlainDate } from "../time/plain-date.js";
import { outputLayout } from "../util/output-layout.js";
import { type Messages, messages } from "./i18n.js";
import { type DealView, dealView, type KpiView, kpiView, type PastMeetingView, percent } from "./views/deal-view.js";
import {
  allDealsPages,
  type FilterPage,
  findingPages,
  type ListPage,
  linkBrokenFiles,
  readinessPages,
  statusPages,
} from "./views/filter-view.js";
import { type FindingView, findingView } from "./views/finding-view.js";
import { type CommitmentEntry, historyViews, type ReviewPage, type TrendsView } from "./views/history-view.js";
import { byUrgency, type IndexRow, type IndexView, indexRow, indexView } from "./views/index-view.js";
import { type LessonsEntry, lessonsView } from "./views/lessons-view.js";
import {
  type DealFollowUp,
  FOLLOW_UP_CODES,
  type OwnerPage,
  type OwnerSummary,
  ownerPages,
  ownersIndex,
} from "./views/owner-view.js";
import { type SummaryView, summaryView } from "./views/summary-view.js";
import { type UpcomingItem, upcomingItems } from "./views/upcoming-view.js";

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
  summary: SummaryView;
  kpi: KpiView;
  goal: string;
  owners: OwnerPage[];
  /** "Wer macht was bis wann": each owner's most urgent actions. */
  ownersIndex: OwnerSummary[];
  upcoming: UpcomingItem[];
  upcomingDays: number;
  lessons: LessonsEntry[];
  /** The team's KPI trends over the last twelve weeks (figures with data tables), from the git history. */
  trends?: TrendsView;
  /** Weekly reviews of this week and the last, from the git history. */
  reviews: ReviewPage[];
  findingPages: FilterPage[];
  statusPages: ListPage[];
  /** `send/ready/` and `send/not-ready/`, in pages. */
  readinessPages: ListPage[];
  allPages: ListPage[];
}

/**
 * What a deal's result turned into, kept by `serve` between saves: a result it did not analyse again is the same
 * object, and is not viewed again. Only for one today and one configuration (serve analyses every file again
 * when the day changes).
 */
export type ResultViews = WeakMap<DealResult, { view: DealView | undefined; findings: FindingView[] }>;

/** What the owner and lessons pages read of a deal's view. */
type ListedDeal = Pick<DealView, "title" | "url" | "customer" | "actions"> & {
  internal?: Pick<NonNullable<DealView["internal"]>, "lessonsHtml" | "signalsHtml">;
  followUpDue?: DealFollowUp;
};

function listedDeal(view: DealView): ListedDeal {
  const { title, url, customer, actions, internal } = view;
  const listed: ListedDeal = { title, url, customer, actions };
  if (internal) listed.internal = { lessonsHtml: internal.lessonsHtml, signalsHtml: internal.signalsHtml };
  return listed;
}

/** Options of {@link assembleSite}. */
export interface AssembleOptions {
  /**
   * Keep every deal's view in `deals` (default). Without, each view is made, read for the rows and the owner
   * and lessons pages, and let go: a big site makes its deal pages' views batch by batch ({@link dealPageView}),
   * so that 10 000 deals' views (~150 MB) are never held at once.
   */
  dealViews?: boolean;
}

/** A deal's page view, as {@link assembleSite} makes it. */
export function dealPageView(
  result: DealResult & { deal: NonNullable<DealResult["deal"]> },
  analysis: Analysis,
  pastMeetings?: ReadonlyMap<string, PastMeetingView[]>,
): DealView {
  const view = dealView(result, analysis);
  view.pastMeetings = pastMeetings?.get(view.slug) ?? [];
  return view;
}

/** A deal's deal-wide follow-up findings (in the site's language) and our side of it, for the owner pages. */
function dealFollowUp(
  result: DealResult,
  findings: readonly FindingView[],
  config: Analysis["config"],
): DealFollowUp | undefined {
  if (!result.deal) return undefined;
  const due = findings.filter((f, i) => FOLLOW_UP_CODES.has(f.code) && result.findings[i]?.action === undefined);
  return due.length > 0 ? { findings: due, people: ourPeople(result.deal, config) } : undefined;
}

/** The commitments (`kpi:`) of the deals still in play (active or paused), for the trends, in file order. */
function commitmentEntries(analysis: Analysis): CommitmentEntry[] {
  return analysis.deals.flatMap((result): CommitmentEntry[] => {
    const deal = result.deal;
    if (!deal || (deal.status !== "active" && deal.status !== "paused")) return [];
    const state = commitmentState(deal, analysis.today);
    if (!state) return [];
    const people = ourPeople(deal, analysis.config);
    return [{ title: deal.title, customer: deal.customer, url: outputLayout.dealFolder(deal.slug), state, people }];
  });
}

export function assembleSite(
  analysis: Analysis,
  history?: History,
  pastMeetings?: ReadonlyMap<string, PastMeetingView[]>,
  known?: ResultViews,
  options: AssembleOptions = {},
): SiteView {
  const { today, config } = analysis;
  const language = config.siteLanguage;
  const keep = options.dealViews ?? true;
  const deals: DealView[] = [];
  // What the owner and lessons pages read of each deal: all of its view, or only that when views are let go.
  const listed: ListedDeal[] = [];
  const rows: IndexRow[] = analysis.deals.map((result) => {
    let made = known?.get(result);
    if (!made) {
      const findings = result.findings.map((f) => findingView(f, language, markOf(f, result.deal, today, config)));
      const view = result.deal
        ? dealPageView(result as DealResult & { deal: NonNullable<DealResult["deal"]> }, analysis, pastMeetings)
        : undefined;
      made = { view, findings };
      known?.set(result, made);
    }
    const { view, findings } = made;
    if (view) {
      // A view `serve` kept from before the save: the earlier meetings are this run's.
      view.pastMeetings = pastMeetings?.get(view.slug) ?? [];
      if (keep) deals.push(view);
      const entry: ListedDeal = keep ? view : listedDeal(view);
      const followUp = dealFollowUp(result, findings, config);
      listed.push(followUp ? { ...entry, followUpDue: followUp } : entry);
    }
    return indexRow(result, view, findings, today, config);
  });
  rows.sort(byUrgency);

  const owners = ownerPages(listed, language, ownerDirectory(analysis.deals, analysis.ownersSeen));
  const all = allDealsPages(rows, language);
  const status = statusPages(rows, language);
  const readiness = readinessPages(rows, language);
  const byFinding = findingPages(rows, language);
  linkBrokenFiles(byFinding);
  const site: SiteView = {
    lang: language,
    t: messages(language),
    today: formatDate(today, language),
    todayIso: today,
    deals,
    rows,
    index: indexView(rows, { owners, all, status, readiness }, today, language),
    summary: summaryView(analysis),
    kpi: kpiView(analysis.kpi, language, config.thresholds.onTimeGoal),
    goal: percent(config.thresholds.onTimeGoal, language),
    owners,
    ownersIndex: ownersIndex(owners),
    upcoming: upcomingItems(analysis, language),
    upcomingDays: config.thresholds.upcomingDays,
    lessons: lessonsView(listed),
    reviews: [],
    findingPages: byFinding,
    statusPages: status,
    readinessPages: readiness,
    allPages: all,
  };
  if (config.company.name) site.company = config.company.name;
  // Without commits there are no weeks to show: no trends or reviews rather than eleven empty weeks.
  if (history?.head) {
    const views = historyViews(history, owners, today, config, commitmentEntries(analysis));
    site.trends = views.trends;
    site.reviews = views.reviews;
    for (const owner of owners) {
      const html = views.ownerTrendsHtml.get(owner.name);
      if (html !== undefined && !owner.nobody) owner.trendsHtml = html;
    }
  }
  return site;
}
