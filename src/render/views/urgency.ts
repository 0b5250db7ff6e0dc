// Urgency on the index: how bad one kind of finding is for one deal, and how urgent the deal is as a whole.
// The README's "Urgency" section describes the same table and score; change both together.
import type { Config } from "../../config/load-config.js";
import type { FindingCode, Severity } from "../../errors.js";

/** What a lead must act on today (critical), this week (warning), or may look at (info). */
export type Level = "critical" | "warning" | "info";

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
  "pdf-retried": "info",
};

/** The level of one kind of finding on one deal; `worstDays` is how late its worst instance is. */
export function levelOf(code: FindingCode, severity: Severity, worstDays: number | undefined, config: Config): Level {
  if (severity === "error") return "critical";
  if (code === "overdue") return (worstDays ?? 0) > config.thresholds.criticalOverdueDays ? "critical" : "warning";
  return LEVELS[code];
}

const WEIGHT: Record<Level, number> = { critical: 10_000, warning: 1_000, info: 100 };

/**
 * The urgency score of a deal: 100 000 for a file that does not build, plus per kind of finding 10 000
 * (critical), 1 000 (warning) or 100 (info), plus the days of its worst lateness (overdue action, missing
 * recap, sleeping deal, past appointment), at most 99. A deal with one critical kind outranks any number
 * of warnings (there are fewer than ten kinds per level); among equals the longer delay comes first.
 */
export function urgencyScore(levels: readonly Level[], broken: boolean, worstDays: number): number {
  return (broken ? 100_000 : 0) + levels.reduce((sum, level) => sum + WEIGHT[level], 0) + Math.min(Math.max(worstDays, 0), 99);
}

/** The shape that carries each level, so it reads without colour: ▲ critical, ◆ warning, ○ info. */
export const LEVEL_ICON: Record<Level, string> = { critical: "▲", warning: "◆", info: "○" };
