import type { ReviewDeal, WeeklyReview } from "../history/weekly-review.js";
import { reviewMessages } from "../render/i18n.js";
import { actionParts, measuresLine, OWNER_SECTIONS } from "../render/review-words.js";
import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import { markdownText } from "../util/markdown-sink.js";

const dealLine = (d: ReviewDeal) => `- ${markdownText(`${d.customer}: ${d.title}`)}`;

/**
 * The review as Markdown, for a pull-request comment or a chat message. All deal text goes through
 * {@link markdownText}, the escape of the Markdown sink the `diff` summary uses too: no live HTML, links,
 * mentions, references or math.
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
  for (const owner of review.owners) {
    lines.push("", `### ${markdownText(owner.name ?? r.nobody)}`);
    for (const { key, label, kind } of OWNER_SECTIONS) {
      if (owner[key].length === 0) continue;
      lines.push("", `**${r[label]}**`, "");
      for (const a of owner[key]) {
        const p = actionParts(a, kind, language);
        lines.push(`- ${markdownText(p.task)} – ${markdownText(p.deal)} (${p.detail})`);
      }
    }
  }
  if (review.wentStale.length > 0) lines.push("", `### ${r.wentStale}`, "", ...review.wentStale.map(dealLine));
  if (review.lostNextMeeting.length > 0) lines.push("", `### ${r.lostNextMeeting}`, "", ...review.lostNextMeeting.map(dealLine));
  for (const [title, list] of [
    [r.followUpsDue, review.followUpsDue ?? []],
    [r.decisionsDue, review.decisionsDue ?? []],
  ] as const) {
    if (list.length > 0) lines.push("", `### ${title}`, "", ...list.map(dealLine));
  }
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
    review.lessons.length === 0 &&
    (review.followUpsDue?.length ?? 0) + (review.decisionsDue?.length ?? 0) === 0;
  if (empty) lines.push("", r.nothing);
  return `${lines.join("\n")}\n`;
}
