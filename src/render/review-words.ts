// The weekly review's wording shared by its three forms (Markdown, the HTML page, the mail): the numbers line
// and each action's detail. Each form escapes the result for its own sink.

import { MARK_ICON } from "../findings/level.js";
import type { ReviewAction, WeeklyReview } from "../history/weekly-review.js";
import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import { reviewMessages } from "./i18n.js";

/** `50 %`, or `–` without anything measured. */
export function percentText(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)} %`;
}

/** One line of the review's numbers: on-time rate against the goal, overdue, moved, open. */
export function measuresLine(review: WeeklyReview, language: Language, goal: number): string {
  const r = reviewMessages(language);
  const m = review.measures;
  return `${r.onTime} ${percentText(m.onTimeRate)} (${m.keptOnTime}/${m.due}; ${r.goal} ${percentText(goal)}) · ${m.overdue} ${r.overdue} · ${m.moved} ${r.moved} · ${m.open} ${r.open}`;
}

/** How an action's line reads in its section: its due date, its lateness, or its moves. */
export type ReviewSection = "overdue" | "due" | "late" | "moved";

/** The review's sections per owner, in order: key in `OwnerReview`, catalogue label, how a line reads, finding. */
export const OWNER_SECTIONS = [
  { key: "overdue", label: "overdueActions", kind: "overdue", code: "overdue" },
  { key: "movedOften", label: "movedOften", kind: "moved", code: "due-pushed-often" },
  { key: "doneLate", label: "doneLate", kind: "late", code: "" },
  { key: "dueNextWeek", label: "dueNextWeek", kind: "due", code: "" },
] as const;

/** The parts of an action line, in words: task, deal, and the date that matters for the section. */
export function actionParts(a: ReviewAction, section: ReviewSection, language: Language) {
  const r = reviewMessages(language);
  const date = (d: string | undefined) => (d ? formatDate(d as Parameters<typeof formatDate>[0], language) : "");
  const detail =
    section === "overdue"
      ? [a.mark ? `${MARK_ICON[a.mark]} ${r.level(a.mark)}` : "", r.due(date(a.due)), a.newThisWeek ? r.newThisWeek : ""]
          .filter(Boolean)
          .join(" · ")
      : section === "late"
        ? r.doneOn(date(a.doneOn), date(a.due))
        : section === "moved"
          ? `${r.times(a.moves ?? 0)}, ${r.due(date(a.due))}`
          : r.due(date(a.due));
  return { task: a.task, deal: `${a.deal.customer}: ${a.deal.title}`, detail };
}
