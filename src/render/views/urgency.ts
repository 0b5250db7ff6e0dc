// Urgency on the index: how bad one kind of finding is for one deal, and how urgent the deal is as a whole.
// The README's "Urgency" section describes the same table and score; change both together.
import { type Level, MARK_ICON } from "../../findings/level.js";

export { type Level, levelOf } from "../../findings/level.js";

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
export const LEVEL_ICON: Record<Level, string> = {
  critical: MARK_ICON.critical,
  warning: MARK_ICON.warning,
  info: MARK_ICON.info,
};
