// How bad a finding is, in one vocabulary for every page and format: ✖ error (the file does not build),
// ▲ critical (act today), ◆ warning (this week), ○ info (look at it). The index, the deal and owner pages, the
// PR diff, the weekly review and the CLI all say a finding's mark with these words and symbols.
import type { Config } from "../config/load-config.js";
import type { Finding, FindingCode, Severity } from "../errors.js";
import type { Deal } from "../model/deal.js";
import { timelineOf } from "../model/timeline.js";
import { daysBetween, type PlainDate } from "../time/plain-date.js";

/** What a lead must act on today (critical), this week (warning), or may look at (info). */
export type Level = "critical" | "warning" | "info";
/** A finding's mark: `error` for a file that does not build, else its level. */
export type Mark = "error" | Level;

/** The shape of each mark, so it reads without colour (catalogue words: `level_<mark>`). */
export const MARK_ICON: Record<Mark, string> = { error: "✖", critical: "▲", warning: "◆", info: "○" };

/** The level of each warning kind; `overdue` is critical only past a configured number of days. */
const LEVELS: Record<FindingCode, Level> = {
  "invalid-yaml": "critical",
  "invalid-field": "critical",
  "invalid-filename": "critical",
  "pdf-failed": "critical",
  "protocol-late": "critical",
  "missing-next-meeting": "critical",
  "next-meeting-past": "critical",
  "deal-stale": "critical",
  "follow-up-due": "critical",
  "decision-due": "critical",
  "kpi-missed": "critical",
  overdue: "warning",
  "deadlines-missed": "warning",
  "review-due": "warning",
  "evasive-answers": "warning",
  "missing-owner": "warning",
  "vague-owner": "warning",
  "missing-due": "warning",
  "due-pushed-often": "warning",
  "closed-with-open-actions": "warning",
  "lost-without-reason": "warning",
  "pdf-overflow": "warning",
  "owner-not-participant": "info",
  "due-before-meeting": "info",
  "ambiguous-time": "info",
  "list-split-at-comma": "info",
  "pdf-retried": "info",
};

/** The level of one kind of finding on one deal; `worstDays` is how late its worst instance is. */
export function levelOf(
  code: FindingCode,
  severity: Severity,
  worstDays: number | undefined,
  config: { thresholds: Pick<Config["thresholds"], "criticalOverdueDays"> },
): Level {
  if (severity === "error") return "critical";
  if (code === "overdue") return (worstDays ?? 0) > config.thresholds.criticalOverdueDays ? "critical" : "warning";
  return LEVELS[code];
}

/** How late a finding's subject is, in days, where that says how bad it is. */
export function lateness(
  code: FindingCode,
  action: number | undefined,
  deal: Deal | undefined,
  today: PlainDate,
  /** Who is on the client's side decides what counts as a contact (see src/model/timeline.ts). */
  config: Config,
): number | undefined {
  if (!deal) return undefined;
  if (code === "overdue") {
    const due = deal.actions.find((a) => a.index === action)?.due;
    return due ? daysBetween(due, today) : undefined;
  }
  if (code === "protocol-late") return daysBetween(deal.meeting.date, today);
  if (code === "deal-stale") return daysBetween(timelineOf(deal, config).lastContact, today);
  if (code === "follow-up-due") {
    const since = timelineOf(deal, config).waitingSince;
    return since ? daysBetween(since, today) : undefined;
  }
  if (code === "next-meeting-past" && deal.nextMeeting) return daysBetween(deal.nextMeeting.date, today);
  return undefined;
}

/** The mark of one finding of `deal` as of `today`: the same word and symbol wherever it is shown. */
export function markOf(f: Finding, deal: Deal | undefined, today: PlainDate, config: Config): Mark {
  if (f.severity === "error") return "error";
  return levelOf(f.code, f.severity, lateness(f.code, f.action, deal, today, config), config);
}
