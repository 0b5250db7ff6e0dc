import { ProtokollError } from "../../errors.js";
import { reviewMail } from "../../export/review-mail.js";
import { weeklyReview } from "../../history/weekly-review.js";
import { phrase } from "../../i18n/translate.js";
import { reviewDocument } from "../../render/review-html.js";
import { formatReviewMarkdown } from "../../report/format-review-markdown.js";
import { isoWeekOf, parseIsoWeek } from "../../time/iso-week.js";
import { type CommonFlags, historyFor, prepare } from "../context.js";
import { parseFormat } from "../options.js";

export interface ReviewFlags extends CommonFlags {
  week?: string;
  format?: string;
}

const FORMATS = ["markdown", "html", "eml"] as const;

/**
 * `protokoll review`: the weekly review of one ISO week (default: the week of today) from the deals' git
 * history — per owner what became overdue, is due next week, was done late or moved again and again; deals
 * gone stale or without their next appointment; the week's new lessons. Markdown (default), a standalone
 * HTML page, or an .eml draft to the team, on stdout. Internal: nothing of it goes to a client.
 */
export async function review(
  flags: ReviewFlags,
  write: (data: string | Buffer) => void = (d) => process.stdout.write(d),
): Promise<number> {
  const format = parseFormat(flags.format, FORMATS);
  const week = flags.week === undefined ? undefined : parseIsoWeek(flags.week);
  if (flags.week !== undefined && !week) {
    throw new ProtokollError(phrase("review.badWeek", { week: flags.week }), phrase("review.badWeekHint"));
  }
  const { language } = flags;
  const prepared = await prepare(flags, undefined, (line) => process.stderr.write(`${line}\n`));
  const { config, analysis } = prepared;
  const history = historyFor(analysis, prepared.history);
  const result = weeklyReview(history, week ?? isoWeekOf(analysis.today), analysis.today, config.thresholds);
  const goal = config.thresholds.onTimeGoal;
  if (format === "markdown") write(formatReviewMarkdown(result, language, goal));
  else if (format === "html") write(reviewDocument(result, language, goal));
  else write(await reviewMail(result, language, goal, config.company.name));
  return 0;
}
