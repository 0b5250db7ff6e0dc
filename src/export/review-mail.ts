import { createHash } from "node:crypto";
import type { ReviewAction, WeeklyReview } from "../history/weekly-review.js";
import type { MailAddress } from "../model/recap-parties.js";
import { reviewMessages } from "../render/i18n.js";
import { actionParts, measuresLine, OWNER_SECTIONS, type ReviewSection } from "../render/review-words.js";
import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import { dayNumber } from "../time/plain-date.js";
import { composeDraft } from "./mail-headers.js";

/** Plain text on one line: no control characters, so nothing deal-made can start a header or break a line. */
const flat = (text: string) => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();

/** The review as plain text for the mail body; the same sections as the page. */
export function reviewText(review: WeeklyReview, language: Language, goal: number): string {
  const r = reviewMessages(language);
  const date = (d: string | undefined) => (d ? formatDate(d as Parameters<typeof formatDate>[0], language) : "");
  const lines = [
    r.greeting,
    "",
    r.intro,
    "",
    `${r.title(review.week)}: ${date(review.from)} – ${date(review.to)} (${r.asOf(date(review.judgedOn))})`,
    measuresLine(review, language, goal),
  ];
  const line = (a: ReviewAction, kind: ReviewSection) => {
    const { detail } = actionParts(a, kind, language);
    return `  - ${flat(a.task)} – ${flat(`${a.deal.customer}: ${a.deal.title}`)} (${detail})`;
  };
  for (const owner of review.owners) {
    lines.push("", flat(owner.name ?? r.nobody));
    for (const { key, label, kind } of OWNER_SECTIONS) {
      if (owner[key].length > 0) lines.push(`${r[label]}:`, ...owner[key].map((a) => line(a, kind)));
    }
  }
  if (review.wentStale.length > 0)
    lines.push("", `${r.wentStale}:`, ...review.wentStale.map((d) => `  - ${flat(`${d.customer}: ${d.title}`)}`));
  if (review.lostNextMeeting.length > 0) {
    lines.push("", `${r.lostNextMeeting}:`, ...review.lostNextMeeting.map((d) => `  - ${flat(`${d.customer}: ${d.title}`)}`));
  }
  for (const [title, list] of [
    [r.followUpsDue, review.followUpsDue ?? []],
    [r.decisionsDue, review.decisionsDue ?? []],
  ] as const) {
    if (list.length > 0) lines.push("", `${title}:`, ...list.map((d) => `  - ${flat(`${d.customer}: ${d.title}`)}`));
  }
  if (review.lessons.length > 0) {
    lines.push("", `${r.lessons}:`);
    for (const { deal, lessons } of review.lessons)
      for (const l of lessons) lines.push(`  - ${flat(l)} (${flat(`${deal.customer}: ${deal.title}`)})`);
  }
  const dueNow = (review.followUpsDue?.length ?? 0) + (review.decisionsDue?.length ?? 0);
  if (review.owners.length + review.wentStale.length + review.lostNextMeeting.length + review.lessons.length + dueNow === 0)
    lines.push("", r.nothing);
  lines.push("", `${r.link}: review/${review.week}/`, "", r.internal, "", r.closing);
  return `${lines.join("\n")}\n`;
}

/**
 * The review as an RFC 5322 draft to the team (`X-Unsent: 1`: mail clients open it for editing; the
 * recipients are the team's to choose — no deal address is ever put in, the review is internal). From: the
 * configured sender (RFC 5322 §3.6 requires one; without `sender:` the reserved placeholder, and `build` and
 * `doctor` say so). CRLF line ends; Date, Message-ID and the MIME boundary derive from the week and the content,
 * so a rebuild is byte-identical.
 */
export async function reviewMail(
  review: WeeklyReview,
  language: Language,
  goal: number,
  from: MailAddress,
  company?: string,
): Promise<Buffer> {
  const r = reviewMessages(language);
  const text = reviewText(review, language, goal);
  const seed = createHash("sha256").update(text).digest("hex");
  return composeDraft({
    from,
    composer: {
      subject: flat(r.subject(review.week, company)),
      text: text.replace(/\r?\n/g, "\r\n"),
      date: new Date(dayNumber(review.judgedOn) * 86_400_000 + 8 * 3_600_000),
      messageId: `<review.${review.week}.${seed.slice(0, 12)}@protokoll>`,
      baseBoundary: seed.slice(0, 16),
    },
  });
}
