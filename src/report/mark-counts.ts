// The findings of a run counted by mark, in the words and symbols the index and the deal pages use
// (src/findings/level.ts): "✖ 0 Fehler, ▲ 2 kritisch, ◆ 5 Warnungen, ○ 1 Hinweis". For the CLI's summary lines.
import { MARK_ICON, type Mark, markOf } from "../findings/level.js";
import { plural, say } from "../i18n/translate.js";
import type { Analysis } from "../pipeline.js";
import type { Language } from "../time/language.js";

const MARKS: readonly Mark[] = ["error", "critical", "warning", "info"];
const PLURAL = { error: "n.error", critical: "n.critical", warning: "n.warning", info: "n.info" } as const;

/** How many findings of each mark the analysis has, as of its "today". */
export function countMarks(analysis: Pick<Analysis, "deals" | "today" | "config">): Record<Mark, number> {
  const counts: Record<Mark, number> = { error: 0, critical: 0, warning: 0, info: 0 };
  for (const result of analysis.deals) {
    for (const f of result.findings) counts[markOf(f, result.deal, analysis.today, analysis.config)]++;
  }
  return counts;
}

/** The counts as one phrase of the summary line, every mark named even at 0. */
export function markCounts(analysis: Pick<Analysis, "deals" | "today" | "config">, language: Language): string {
  const counts = countMarks(analysis);
  return MARKS.map((mark) => `${MARK_ICON[mark]} ${say(language, plural(counts[mark], PLURAL[mark]))}`).join(", ");
}
