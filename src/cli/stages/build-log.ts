import path from "node:path";
import { wordFinding } from "../../errors.js";
import { type Phrase, phrase, plural, t } from "../../i18n/translate.js";
import { recapParties, senderAddress, UNKNOWN_SENDER_ADDRESS } from "../../model/recap-parties.js";
import type { PrintOutcome } from "../../pdf/print-outcome.js";
import type { Analysis } from "../../pipeline.js";
import { markCounts } from "../../report/mark-counts.js";
import type { Language } from "../../time/language.js";
import { logPath, logText } from "../../util/log-sink.js";

/** At most this many lines of findings after the summary (the rest is in report.json), and as many of recaps not ready. */
const MAX_FINDING_LINES = 20;

/** What the build says at its end: the summary line, the findings, the recaps not ready to send. */
export function buildLog(
  analysis: Analysis,
  run: {
    outDir: string;
    seconds: string;
    pdfLine: Phrase | string;
    pages: { rendered: number; kept: number };
    language: Language;
    /** A client build writes no mail: no word about the sender. */
    client?: boolean;
  },
): string[] {
  const { language } = run;
  const built = analysis.deals.filter((d) => d.deal).length;
  const broken = analysis.deals.length - built;
  const { errors, warnings } = analysis.summary;
  const lines = [
    t(language, "build.summary", {
      built: plural(built, "n.deal"),
      out: path.relative(process.cwd(), run.outDir) || ".",
      seconds: run.seconds,
      broken: broken ? phrase("build.broken", { n: broken }) : "",
      marks: markCounts(analysis, language),
      pdf: run.pdfLine,
      pages: phrase("build.pages", run.pages),
    }),
    ...findingLines(analysis, language),
    ...notReadyLines(analysis, language),
    ...(run.client ? [] : senderLines(analysis, language)),
  ];
  if (errors + warnings > 0) lines.push(t(language, "build.runCheck"));
  return lines;
}

/**
 * The build's findings, grouped by deal — errors and warnings, one line each — cut after about 20 lines with
 * "… and N more, see report.json".
 */
export function findingLines(analysis: Analysis, language: Language, max = MAX_FINDING_LINES): string[] {
  const lines: string[] = [];
  let shown = 0;
  const total = analysis.deals.reduce((n, d) => n + d.findings.length, 0);
  for (const deal of analysis.deals) {
    if (deal.findings.length === 0) continue;
    if (lines.length + 2 > max) break;
    // File names and messages carry deal text: no line break or control character of theirs reaches the log.
    const file = logPath(deal.file);
    lines.push(deal.title ? logText(t(language, "build.findingsOf", { file, title: deal.title })) : file);
    for (const f of deal.findings) {
      if (lines.length >= max) break;
      lines.push(`  ${f.line}:${f.column} ${f.code}  ${logText(wordFinding(f, language).message)}`);
      shown++;
    }
  }
  if (shown < total) lines.push(t(language, "build.more", { n: total - shown }));
  return lines;
}

/**
 * Says per deal why its recap may not go out yet: every blocking finding, placed and explained. The PDF carries
 * the draft mark and the mail draft's subject starts with it (see the README), so nobody sends it by mistake.
 */
function notReadyLines(analysis: Analysis, language: Language, max = MAX_FINDING_LINES): string[] {
  const lines: string[] = [];
  const notReady = analysis.deals.filter((d) => d.deal && d.readiness && !d.readiness.ready);
  let shown = 0;
  for (const result of notReady) {
    const readiness = result.readiness;
    if (!result.deal || !readiness) continue;
    // A deal is listed whole or not at all; the first always is, however many blockers it has.
    if (shown > 0 && lines.length + 1 + readiness.blockers.length > max) break;
    // Deal text inside a message must not start a log line of its own (workflow commands in CI logs).
    const mark = t(result.deal.language, "draftShort");
    lines.push(`  ${t(language, "build.notReady", { file: logPath(result.file), mark })}`);
    for (const f of readiness.blockers) {
      lines.push(`    ${f.line}:${f.column} ${f.code}  ${logText(wordFinding(f, language).message)}`);
    }
    shown++;
  }
  // The rest are on the index's "not ready to send" pages.
  if (shown < notReady.length) lines.push(`  ${t(language, "build.notReadyMore", { n: notReady.length - shown })}`);
  return lines;
}

/**
 * Says when drafts would come from the placeholder address (no `sender:` anywhere, nobody of our side with an
 * address): the mail is still written, but nobody should find out only when their mail program refuses it.
 */
function senderLines(analysis: Analysis, language: Language): string[] {
  const unsent = analysis.deals.filter(
    (d) => d.deal && senderAddress(recapParties(d.deal, analysis.config)).address === UNKNOWN_SENDER_ADDRESS,
  ).length;
  if (unsent === 0) return [];
  return [t(language, "build.senderMissing", { deals: plural(unsent, "n.draft"), address: UNKNOWN_SENDER_ADDRESS })];
}

/** "6 PDFs (2 printed, 4 unchanged), …" */
export function describePdfs(outcome: PrintOutcome, language: Language): string {
  const parts = [t(language, "build.pdfs", { printed: outcome.printed.length, unchanged: outcome.unchanged.length })];
  if (outcome.browserStarts === 0) parts.push(t(language, "build.pdfNoStart"));
  if (outcome.failed.length > 0) parts.push(t(language, "build.pdfFailed", { n: outcome.failed.length }));
  if (outcome.crashed.length > 0) parts.push(t(language, "build.pdfCrashed", { n: outcome.crashed.length }));
  if (outcome.overflow.length > 0) parts.push(t(language, "build.pdfOverflow", { n: outcome.overflow.length }));
  if (outcome.tooLong.length > 0) parts.push(t(language, "build.pdfTooLong", { n: outcome.tooLong.length }));
  return parts.join(", ");
}
