// The index and the pages that list deals as rows (all deals, by status): one row per deal, one chip per
// kind of finding, most urgent first.
import type { Config } from "../../config/load-config.js";
import type { FindingCode, Severity } from "../../errors.js";
import { lateness, MARK_ICON } from "../../findings/level.js";
import { phrase, plural, say } from "../../i18n/translate.js";
import type { Deal, Language } from "../../model/deal.js";
import { timelineOf } from "../../model/timeline.js";
import type { DealResult } from "../../pipeline.js";
import { formatDate } from "../../time/format-date.js";
import { daysBetween, type PlainDate } from "../../time/plain-date.js";
import { outputLayout } from "../../util/output-layout.js";
import { chipDetail, chipLabel, messages } from "../i18n.js";
import { visibleControls } from "../visible-controls.js";
import { type DealView, type ReadinessView, readinessView } from "./deal-view.js";
import type { ListPage } from "./filter-view.js";
import type { FindingView } from "./finding-view.js";
import type { OwnerPage } from "./owner-view.js";
import { LEVEL_ICON, type Level, levelOf, urgencyScore } from "./urgency.js";
import { type WeekView, weekView } from "./week-view.js";

/** Deals on the index itself: the most urgent ones. Every deal is on the "all deals" pages. */
export const INDEX_ROWS = 100;
/** Deals per "all deals" page. */
export const ALL_PAGE_SIZE = 100;

/**
 * One kind of finding on one deal: how many, how bad the worst one is, and where the deal page lists them.
 * The chip's text is short; its accessible name says the same in words (level, count, worst instance).
 */
export interface Chip {
  code: FindingCode;
  level: Level;
  icon: string;
  levelLabel: string;
  count: number;
  label: string;
  /** The worst instance, e.g. "seit 70 Tagen". */
  detail?: string;
  /** Spoken before the detail when it is about the worst of several: "die älteste". */
  detailPrefix?: string;
  href: string;
  /** The worst instance's lateness in days, for the urgency score. */
  days?: number;
}

export interface IndexRow {
  slug: string;
  url?: string;
  file: string;
  title: string;
  customer?: string;
  status?: Deal["status"];
  statusLabel: string;
  meeting?: string;
  meetingIso?: PlainDate;
  next?: string;
  nextIso?: PlainDate;
  /** The next appointment lies before today. */
  nextPast: boolean;
  /** `missing-next-meeting` or `next-meeting-past`, shown in the "next appointment" cell instead of a chip. */
  nextFinding?: Chip;
  open: number;
  overdue: number;
  onTime: string;
  /** Every finding in full, for the finding filter pages. */
  findings: FindingView[];
  /** One chip per kind, most severe level first. */
  chips: Chip[];
  /** Kinds of findings beyond the chips shown (see INDEX_CHIPS). */
  moreChips?: number;
  /** The first of them on the deal page. */
  moreHref?: string;
  /** The kinds behind "+ N", named for screen readers (each with its `data-finding`). */
  hiddenChips?: Chip[];
  /** The most severe level among the deal's findings. */
  level?: Level;
  /** See {@link urgencyScore}. */
  score: number;
  /** Absent for a broken file: it is neither ready nor a draft. */
  readiness?: ReadinessView;
  /** "letzter Kontakt vor N Tagen", where silence is the point (see {@link SILENCE_CODES}); team only. */
  lastContact?: string;
  errors: number;
  warnings: number;
  broken: boolean;
}

/** Findings shown in the "next appointment" cell rather than as chips: the cell is where one looks for them. */
const NEXT_CELL_CODES: ReadonlySet<FindingCode> = new Set(["missing-next-meeting", "next-meeting-past"]);
const LEVEL_ORDER: Record<Level, number> = { critical: 0, warning: 1, info: 2 };

/** Groups a deal's findings by kind: one chip each, with the count and the worst instance. */
export function chipsFor(result: DealResult, today: PlainDate, config: Config, language: Language): Chip[] {
  const t = messages(language);
  const kinds = new Map<FindingCode, { severity: Severity; count: number; days?: number }>();
  for (const f of result.findings) {
    const kind = kinds.get(f.code) ?? { severity: f.severity, count: 0 };
    kind.count++;
    const days = lateness(f.code, f.action, result.deal, today, config);
    if (days !== undefined && (kind.days === undefined || days > kind.days)) kind.days = days;
    kinds.set(f.code, kind);
  }
  const chips = [...kinds.entries()].map(([code, kind]): Chip => {
    const level = levelOf(code, kind.severity, kind.days, config);
    const chip: Chip = {
      code,
      level,
      icon: kind.severity === "error" ? MARK_ICON.error : LEVEL_ICON[level],
      levelLabel: kind.severity === "error" ? t.level_error : t[`level_${level}`],
      count: kind.count,
      label: chipLabel(code, kind.count, language),
      href: result.deal ? `${outputLayout.dealFolder(result.slug)}#finding-${code}` : outputLayout.findingPage(code),
    };
    const detail = chipDetail(code, kind.days, language);
    if (detail) chip.detail = detail;
    if (detail && kind.count > 1) chip.detailPrefix = t.oldest;
    if (kind.days !== undefined) chip.days = kind.days;
    return chip;
  });
  return chips.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

/** The row of one deal (or of a file that does not build). */
export function indexRow(
  result: DealResult,
  view: DealView | undefined,
  findings: FindingView[],
  today: PlainDate,
  config: Config,
): IndexRow {
  const language = config.siteLanguage;
  const t = messages(language);
  const all = chipsFor(result, today, config, language);
  // A row with many kinds of findings shows them without their details (the deal page has them), so that its
  // chips stay on one line and the index keeps 15 deals above the fold (test/scale/index-at-scale.test.ts).
  const shown = all.filter((c) => !NEXT_CELL_CODES.has(c.code));
  // At most INDEX_CHIPS kinds on a row, the most urgent first; the rest are counted in a "+ N" link to the page.
  const bare = shown.length > 3 ? shown.map(({ detail: _detail, detailPrefix: _prefix, ...c }) => c) : shown;
  const chips = bare.slice(0, INDEX_CHIPS);
  const nextFinding = all.find((c) => NEXT_CELL_CODES.has(c.code));
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const worstDays = Math.max(0, ...all.map((c) => c.days ?? 0));
  const row: IndexRow = {
    slug: visibleControls(result.slug),
    file: visibleControls(result.file),
    title: visibleControls(result.file),
    statusLabel: t.brokenDeal,
    nextPast: false,
    open: 0,
    overdue: 0,
    onTime: "–",
    findings,
    chips,
    ...(bare.length > INDEX_CHIPS
      ? { moreChips: bare.length - INDEX_CHIPS, moreHref: (bare[INDEX_CHIPS] as Chip).href, hiddenChips: bare.slice(INDEX_CHIPS) }
      : {}),
    score: urgencyScore(
      all.map((c) => c.level),
      !result.deal,
      worstDays,
    ),
    errors,
    warnings: result.findings.length - errors,
    broken: !result.deal,
  };
  if (nextFinding) row.nextFinding = nextFinding;
  const level = [...all].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])[0]?.level;
  if (level) row.level = level;
  const deal = result.deal;
  if (!deal || !view) return row;
  row.url = view.url;
  row.title = deal.title;
  row.customer = deal.customer;
  row.status = deal.status;
  row.statusLabel = view.statusLabel;
  row.meeting = formatDate(deal.meeting.date, language);
  row.meetingIso = deal.meeting.date;
  row.open = view.kpi.open;
  row.overdue = view.kpi.overdue;
  row.onTime = view.kpi.onTime;
  row.readiness = readinessView(result.readiness, language);
  if (deal.nextMeeting) {
    const next = deal.nextMeeting;
    // The date only: the time is on the deal page and in the calendar; here it would widen every row.
    row.next = formatDate(next.date, language);
    row.nextIso = next.date;
    row.nextPast = next.date < today;
  }
  // Where `follow-up-due` shows, its chip says it already ("seit N Tagen still"): no second line for the row.
  const silent = result.findings.some((f) => SILENCE_CODES.has(f.code));
  if (silent && !result.findings.some((f) => f.code === "follow-up-due")) {
    const days = daysBetween(timelineOf(deal, config).lastContact, today);
    row.lastContact = say(language, phrase("fu.lastContactShort", { ago: plural(days, "n.dayAgo") }));
  }
  return row;
}

/** Chips on one index row: five fit one line of the findings column at 1280 px without their details. */
const INDEX_CHIPS = 5;

/** Findings about the client's silence: their row says how long ago the last contact was. */
const SILENCE_CODES: ReadonlySet<FindingCode> = new Set(["follow-up-due", "deal-stale", "evasive-answers", "review-due"]);

/** Most urgent first (see {@link urgencyScore}), then more open actions, then by title. */
export function byUrgency(a: IndexRow, b: IndexRow): number {
  return b.score - a.score || b.open - a.open || a.title.localeCompare(b.title) || a.file.localeCompare(b.file);
}

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

/** The index from every row (most urgent first), the owners' pages and the list pages it links. */
export function indexView(
  rows: IndexRow[],
  lists: { owners: readonly OwnerPage[]; all: ListPage[]; status: ListPage[]; readiness: ListPage[] },
  today: PlainDate,
  language: Language,
): IndexView {
  const t = messages(language);
  return {
    rows: rows.slice(0, INDEX_ROWS),
    total: rows.length,
    week: weekView(lists.owners, today, language, rows),
    legend: (["critical", "warning", "info"] as const).map((level) => ({
      level,
      icon: LEVEL_ICON[level],
      label: t[`level_${level}`],
    })),
    allPages: lists.all[0]?.pages ?? [],
    statusLinks: firstPageLinks(lists.status),
    readinessLinks: firstPageLinks(lists.readiness),
  };
}

/** One link per paginated list (its first page) that has rows, with how many. */
function firstPageLinks(lists: ListPage[]): IndexView["statusLinks"] {
  return lists
    .filter((page) => page.number === 1 && page.rows.length > 0)
    .map((page) => ({ label: page.title, url: page.pages[0]?.url ?? "", count: page.pages.at(-1)?.to ?? 0 }));
}
