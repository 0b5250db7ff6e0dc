import type { ReviewAction, ReviewDeal, WeeklyReview } from "../history/weekly-review.js";
import { reviewMessages } from "../render/i18n.js";
import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import { markdownText } from "./markdown-text.js";

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

/** The parts of an action line, in words: task, deal, and the date that matters for the section. */
export function actionParts(a: ReviewAction, section: "due" | "late" | "moved", language: Language) {
  const r = reviewMessages(language);
  const date = (d: string | undefined) => (d ? formatDate(d as Parameters<typeof formatDate>[0], language) : "");
  const detail =
    section === "late"
      ? r.doneOn(date(a.doneOn), date(a.due))
      : section === "moved"
        ? `${r.times(a.moves ?? 0)}, ${r.due(date(a.due))}`
        : r.due(date(a.due));
  return { task: a.task, deal: `${a.deal.customer}: ${a.deal.title}`, detail };
}

const dealLine = (d: ReviewDeal) => `- ${markdownText(`${d.customer}: ${d.title}`)}`;

/**
 * The review as Markdown, for a pull-request comment or a chat message. All deal text goes through
 * {@link markdownText}: no live HTML, no links, no mentions.
 */
export function formatReviewMarkdown(review: WeeklyReview, language: Language, goal: number): string {
  const r = reviewMessages(language);
  const lines = [
    `## ${r.title(review.week)}`,
    "",
    `${formatDate(review.from, language)} – ${formatDate(review.to, language)} · ${r.asOf(formatDate(review.judgedOn, language))} · _${r.internal}_`,
    "",
    `**${r.measures}:** ${measuresLine(review, language, goal)}`,
  ];
  const sections: [string, "becameOverdue" | "dueNextWeek" | "doneLate" | "movedOften", "due" | "late" | "moved"][] = [
    [r.becameOverdue, "becameOverdue", "due"],
    [r.movedOften, "movedOften", "moved"],
    [r.doneLate, "doneLate", "late"],
    [r.dueNextWeek, "dueNextWeek", "due"],
  ];
  for (const owner of review.owners) {
    lines.push("", `### ${markdownText(owner.name ?? r.nobody)}`);
    for (const [label, key, kind] of sections) {
      if (owner[key].length === 0) continue;
      lines.push("", `**${label}**`, "");
      for (const a of owner[key]) {
        const p = actionParts(a, kind, language);
        lines.push(`- ${markdownText(p.task)} – ${markdownText(p.deal)} (${p.detail})`);
      }
    }
  }
  if (review.wentStale.length > 0) lines.push("", `### ${r.wentStale}`, "", ...review.wentStale.map(dealLine));
  if (review.lostNextMeeting.length > 0) lines.push("", `### ${r.lostNextMeeting}`, "", ...review.lostNextMeeting.map(dealLine));
  if (review.lessons.length > 0) {
    lines.push("", `### ${r.lessons}`, "");
    for (const { deal, lessons } of review.lessons) {
      for (const lesson of lessons) lines.push(`- ${markdownText(lesson)} (${markdownText(`${deal.customer}: ${deal.title}`)})`);
    }
  }
  const empty =
    review.owners.length === 0 &&
    review.wentStale.length === 0 &&
    review.lostNextMeeting.length === 0 &&
    review.lessons.length === 0;
  if (empty) lines.push("", r.nothing);
  return `${lines.join("\n")}\n`;
}
