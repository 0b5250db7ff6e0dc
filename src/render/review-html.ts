import type { ReviewAction, ReviewDeal, WeeklyReview } from "../history/weekly-review.js";
import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import { escapeHtml } from "../util/escape-html.js";
import { outputLayout } from "../util/output-layout.js";
import { reviewMessages } from "./i18n.js";
import { actionParts, OWNER_SECTIONS, percentText, type ReviewSection } from "./review-words.js";

/** The review's body as HTML (escaped; no script), for the site page and the standalone `--format html`. */
export function reviewBodyHtml(review: WeeklyReview, language: Language, goal: number, root: string): string {
  const r = reviewMessages(language);
  const date = (d: string | undefined) => (d ? formatDate(d as Parameters<typeof formatDate>[0], language) : "");
  const dealLink = (d: ReviewDeal) =>
    `<a href="${escapeHtml(`${root}${outputLayout.dealFolder(d.slug)}`)}">${escapeHtml(`${d.customer}: ${d.title}`)}</a>`;
  const m = review.measures;
  const out: string[] = [
    `<p class="review-period">${escapeHtml(`${date(review.from)} – ${date(review.to)} · ${r.asOf(date(review.judgedOn))}`)}</p>`,
    `<p class="review-internal"><strong>${escapeHtml(r.internal)}</strong></p>`,
    // A heading names the figures (an aria-label on a list is read by few screen readers and shown to nobody).
    `<h2 class="review-measures__title">${escapeHtml(r.measures)}</h2>`,
    `<dl class="review-measures">`,
    `<div class="${m.onTimeRate !== null && m.onTimeRate < goal ? "below-goal" : ""}"><dt>${escapeHtml(r.onTime)}</dt><dd>${percentText(m.onTimeRate)} (${m.keptOnTime}/${m.due}; ${escapeHtml(r.goal)} ${percentText(goal)})</dd></div>`,
    `<div><dt>${escapeHtml(r.overdue)}</dt><dd>${m.overdue}</dd></div>`,
    `<div><dt>${escapeHtml(r.moved)}</dt><dd>${m.moved}</dd></div>`,
    `<div><dt>${escapeHtml(r.open)}</dt><dd>${m.open}</dd></div>`,
    "</dl>",
  ];
  const line = (a: ReviewAction, kind: ReviewSection) => {
    const { detail } = actionParts(a, kind, language);
    return `<li>${escapeHtml(a.task)} – ${dealLink(a.deal)} <span class="review-detail">(${escapeHtml(detail)})</span></li>`;
  };
  for (const owner of review.owners) {
    out.push(`<section class="review-owner"><h2>${escapeHtml(owner.name ?? r.nobody)}</h2>`);
    for (const { key, label, kind, code } of OWNER_SECTIONS) {
      if (owner[key].length === 0) continue;
      out.push(
        `<h3${code ? ` data-finding="${code}"` : ""}>${escapeHtml(r[label])}</h3><ul>${owner[key].map((a) => line(a, kind)).join("")}</ul>`,
      );
    }
    out.push("</section>");
  }
  const deals = (title: string, list: ReviewDeal[], code: string) =>
    list.length > 0
      ? out.push(
          `<section><h2 data-finding="${code}">${escapeHtml(title)}</h2><ul>${list.map((d) => `<li>${dealLink(d)}</li>`).join("")}</ul></section>`,
        )
      : 0;
  deals(r.wentStale, review.wentStale, "deal-stale");
  deals(r.lostNextMeeting, review.lostNextMeeting, "missing-next-meeting");
  deals(r.followUpsDue, review.followUpsDue ?? [], "follow-up-due");
  deals(r.decisionsDue, review.decisionsDue ?? [], "decision-due");
  if (review.lessons.length > 0) {
    const items = review.lessons.flatMap(({ deal, lessons }) =>
      lessons.map((l) => `<li>${escapeHtml(l)} (${dealLink(deal)})</li>`),
    );
    out.push(`<section><h2>${escapeHtml(r.lessons)}</h2><ul>${items.join("")}</ul></section>`);
  }
  const dueNow = (review.followUpsDue?.length ?? 0) + (review.decisionsDue?.length ?? 0);
  if (review.owners.length + review.wentStale.length + review.lostNextMeeting.length + review.lessons.length + dueNow === 0) {
    out.push(`<p>${escapeHtml(r.nothing)}</p>`);
  }
  return out.join("\n");
}

/** A whole page for `protokoll review --format html`: the body with a little inline style, no script. */
export function reviewDocument(review: WeeklyReview, language: Language, goal: number): string {
  const r = reviewMessages(language);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="protokoll">
<meta name="robots" content="noindex">
<title>${escapeHtml(r.title(review.week))}</title>
<style>body{font:16px/1.45 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}dl{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}dl div{display:flex;gap:.4rem}dt{font-weight:600}dd{margin:0}.below-goal dd{color:#9a3412}h2{margin-top:1.6rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin-bottom:.2rem}.review-detail{color:#555}@media print{body{margin:0;font-size:11pt}a{color:inherit;text-decoration:none}}</style>
</head>
<body>
<main>
<h1>${escapeHtml(r.title(review.week))}</h1>
${reviewBodyHtml(review, language, goal, "")}
</main>
</body>
</html>
`;
}
