import { mkdir } from "node:fs/promises";
import path from "node:path";
import { ProtokollError } from "../../errors.js";
import { reviewMail } from "../../export/review-mail.js";
import { type WeeklyReview, weeklyReview } from "../../history/weekly-review.js";
import { phrase, t } from "../../i18n/translate.js";
import { configSenderAddress } from "../../model/recap-parties.js";
import type { Analysis } from "../../pipeline.js";
import { reviewDocument } from "../../render/review-html.js";
import { formatReviewMarkdown } from "../../report/format-review-markdown.js";
import { type IsoWeek, isoWeekOf, parseIsoWeek } from "../../time/iso-week.js";
import type { Language } from "../../time/language.js";
import type { PlainDate } from "../../time/plain-date.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { type CommonFlags, historyFor, prepare } from "../context.js";
import { parseFormat } from "../options.js";

export interface ReviewFlags extends CommonFlags {
  week?: string;
  format?: string;
  /** One draft per owner (`--per-owner --format eml --out <dir>`). */
  perOwner?: boolean;
  out?: string;
}

const FORMATS = ["markdown", "html", "eml"] as const;

/**
 * `protokoll review`: the weekly review of one ISO week (default: the week of today) from the deals' git
 * history — per owner what became overdue, is due next week, was done late or moved again and again; deals
 * gone stale or without their next appointment; the week's new lessons. Markdown (default), a standalone
 * HTML page, or an .eml draft to the team, on stdout. Internal: nothing of it goes to a client.
 *
 * With `--per-owner --format eml --out <dir>`: one `<owner-slug>.eml` per owner with an e-mail address, with
 * their overdue actions, those due this week and next, and their deals' follow-ups due (src/export/owner-week.ts).
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
  if (flags.perOwner && (format !== "eml" || !flags.out)) {
    throw new ProtokollError(phrase("review.perOwnerNeedsOut"), phrase("review.perOwnerNeedsOutHint"));
  }
  const { language } = flags;
  const prepared = await prepare(flags, undefined, (line) => process.stderr.write(`${line}\n`));
  const { config, analysis } = prepared;
  if (flags.perOwner) return perOwner(analysis, week ?? isoWeekOf(analysis.today), path.resolve(flags.out as string), language);
  const history = historyFor(analysis, prepared.history);
  const result = weeklyReview(history, week ?? isoWeekOf(analysis.today), analysis.today, config.thresholds);
  Object.assign(result, dueNow(analysis, result.judgedOn));
  const goal = config.thresholds.onTimeGoal;
  if (format === "markdown") write(formatReviewMarkdown(result, language, goal));
  else if (format === "html") write(reviewDocument(result, language, goal));
  else write(await reviewMail(result, language, goal, configSenderAddress(config), config.company.name));
  return 0;
}

/** Writes one draft per owner with an address into `dir`, and says whom it could not write to. */
async function perOwner(analysis: Analysis, week: IsoWeek, dir: string, language: Language): Promise<number> {
  const { ownerWeeks } = await import("../../export/owner-week.js");
  const { ownerWeekMail } = await import("../../export/owner-week-mail.js");
  const { weeks, withoutAddress } = ownerWeeks(analysis.deals, analysis.config, week, analysis.today, analysis.ownersSeen);
  await mkdir(dir, { recursive: true });
  const context = { language, config: analysis.config, week, today: analysis.today };
  for (const owner of weeks) await writeFileAtomic(path.join(dir, `${owner.slug}.eml`), await ownerWeekMail(owner, context));
  process.stderr.write(`${t(language, "review.perOwnerWritten", { count: weeks.length, dir })}\n`);
  if (withoutAddress.length > 0) {
    process.stderr.write(`${t(language, "review.perOwnerNoAddress", { names: withoutAddress.join(", ") })}\n`);
  }
  return 0;
}

/**
 * "Nachfassen fällig" and "Entscheidungen fällig" from today's findings — for the running week only: a past
 * week's review says what the history says, and today's findings are not that week's.
 */
function dueNow(analysis: Analysis, judgedOn: PlainDate): Pick<WeeklyReview, "followUpsDue" | "decisionsDue"> {
  if (judgedOn !== analysis.today) return {};
  const dealsWith = (codes: readonly string[]) =>
    analysis.deals.flatMap((d) =>
      d.deal && d.findings.some((f) => codes.includes(f.code))
        ? [{ slug: d.slug, file: d.file, title: d.deal.title, customer: d.deal.customer }]
        : [],
    );
  return { followUpsDue: dealsWith(["follow-up-due"]), decisionsDue: dealsWith(["decision-due", "review-due", "kpi-missed"]) };
}
