import { open, readdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { describeChange } from "../../diff/format-diff.js";
import { protocolHistory } from "../../diff/protocol-history.js";
import { finding, ProtokollError, wordFinding } from "../../errors.js";
import { writeExports } from "../../export/write-exports.js";
import type { History } from "../../history/read-history.js";
import { grouped, type Phrase, phrase, plural, t } from "../../i18n/translate.js";
import { ownerDirectory } from "../../model/owner-directory.js";
import { CACHE_DIR } from "../../pdf/pdf-cache.js";
import { PRINT_BUDGET, type PrintOutcome, printPdfs } from "../../pdf/print-pdfs.js";
import type { Analysis } from "../../pipeline.js";
import { AUDIENCES, type Audience } from "../../render/client-view.js";
import { diskFullMessage } from "../../render/i18n.js";
import { renderPrintHtml } from "../../render/render-print-html.js";
import { renderSite } from "../../render/render-site.js";
import type { PastMeetingView } from "../../render/site-view.js";
import { repoPaths } from "../../report/repo-path.js";
import { reportJson } from "../../report/report-json.js";
import { formatDate } from "../../time/format-date.js";
import type { Language } from "../../time/language.js";
import { acquireBuildLock } from "../../util/build-lock.js";
import { diskFullError } from "../../util/disk-full.js";
import { logPath, logText } from "../../util/log-sink.js";
import { handleInterrupts } from "../../util/shutdown.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { type CommonFlags, exitCodeFor, historyFor, prepare } from "../context.js";
import { parsePositiveInt } from "../options.js";
import { refuseUnsafeOutput } from "../safe-output.js";
import { VERSION } from "../version.js";

export interface BuildFlags extends CommonFlags {
  out?: string;
  pdf?: boolean;
  concurrency?: string;
  /** `team` (default) or `client`: see src/render/client-view.ts. */
  audience?: string;
}

/**
 * `protokoll build`: the stages of src/pipeline.ts — analyse (load, validate, model), print the PDFs from the
 * in-memory print HTML, render the site with Eleventy, write calendar and mail files, then report.json with
 * every finding. A broken deal is listed, never fatal.
 */
export async function build(flags: BuildFlags, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  const outDir = path.resolve(flags.out ?? "_site");
  refuseUnsafeOutput(outDir, path.resolve(flags.deals ?? "deals"));
  const concurrency = parsePositiveInt(flags.concurrency, "--concurrency", availableParallelism());
  parseAudience(flags.audience);
  const { analysis, saveCache } = await prepare(flags, { dir: path.join(outDir, CACHE_DIR), write: true });
  handleInterrupts(log, flags.language);
  try {
    const release = await acquireBuildLock(outDir);
    try {
      // Saved before anything else is written: the analysis is this run's, whatever the PDFs add to it later.
      await saveCache?.();
      return await buildInto(outDir, analysis, flags, concurrency, started, log);
    } finally {
      release();
    }
  } catch (error) {
    throw asDiskFull(error, flags.language) ?? error;
  }
}

function parseAudience(text: string | undefined): Audience {
  const audience = (text ?? "team") as Audience;
  if (!AUDIENCES.includes(audience)) {
    throw new ProtokollError(phrase("build.unknownAudience", { audience: text ?? "" }), phrase("build.audienceHint"));
  }
  return audience;
}

/**
 * A full disk, quota or read-only file system, wherever it struck (a PDF, a page, the lock): one clear message
 * instead of a stack trace (exit 2). Every write is a temporary file renamed into place, so what is there is
 * complete; the PDF cache verifies every PDF before trusting it, so the next build completes the rest.
 */
function asDiskFull(error: unknown, siteLanguage: Language): ProtokollError | undefined {
  const full = diskFullError(error);
  if (!full) return undefined;
  const language = siteLanguage;
  const file = full.path ? path.relative(process.cwd(), full.path.replace(/\.\d+\.[0-9a-f]{8}\.tmp$/, "")) : undefined;
  const { message, hint } = diskFullMessage(full.code as string, file, language);
  // Already worded in its language by render/i18n.ts: carried as it is.
  return new ProtokollError(phrase("cli.verbatim", { text: message }), phrase("cli.verbatim", { text: hint }), { cause: error });
}

async function buildInto(
  outDir: string,
  analysis: Analysis,
  flags: BuildFlags,
  concurrency: number,
  started: number,
  log: (line: string) => void,
): Promise<number> {
  const pdf = flags.pdf !== false;
  const audience = parseAudience(flags.audience);
  const client = audience === "client";
  await removeStaleDeals(outDir, new Set(analysis.deals.filter((d) => d.deal).map((d) => d.slug)));
  // A client site must not keep what an earlier team build left in the same folder.
  if (client) await removeTeamOnlyFiles(outDir);

  const { language } = flags;
  let pdfLine: Phrase | string = phrase("build.pdfSkipped");
  let withPdf: ReadonlyMap<string, string> = new Map();
  // A browser that cannot start (none installed, broken installation) stops the PDFs, not the build: the site,
  // the exports and report.json are still written, then the error is raised (exit 2) with its fix.
  let browserError: ProtokollError | undefined;
  if (pdf) {
    try {
      const outcome = await printAll(analysis, outDir, concurrency, language);
      addPdfFindings(analysis, outcome);
      pdfLine = describePdfs(outcome, language);
      withPdf = outcome.pdfHashes;
    } catch (error) {
      if (!(error instanceof ProtokollError)) throw error;
      browserError = error;
      pdfLine = phrase("build.pdfNoBrowser");
    }
  }
  // The site is rendered after printing, so a PDF that overflows or fails shows on the index too.
  // At a past revision there is no "now" to add to its history: no trends, reviews or git SEQUENCE. A client
  // build gets none of the history's internal views (trends, reviews, Verlauf) either; only the SEQUENCE.
  const history = flags.at === undefined ? await historyFor(analysis) : undefined;
  const pastMeetings = history && !client ? await pastMeetingViews(history, analysis) : undefined;
  const pages = await renderSite(analysis, {
    outDir,
    ...(history && !client ? { history } : {}),
    ...(pastMeetings ? { pastMeetings } : {}),
    flags: { pdf: pdf && !browserError, extras: true, audience, mail: !client },
  });
  await removeStalePages(outDir, new Set(pages.map((p) => path.resolve(p))));
  const valid = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  const drafts = new Set(analysis.deals.filter((d) => d.readiness && !d.readiness.ready).map((d) => d.slug));
  await writeExports(valid, outDir, analysis.config, withPdf, {
    mail: !client,
    drafts,
    ...(history ? { history } : {}),
    ...(client ? {} : { owners: ownerDirectory(analysis.deals) }),
  });
  // report.json lists every finding: the team's, never on a client site (the log and `protokoll check` have them).
  if (!client) {
    const report = reportJson(analysis, language, repoPaths(process.cwd(), flags.deals));
    await writeFileAtomic(
      path.join(outDir, "report.json"),
      `${JSON.stringify(report, null, 2)}
`,
    );
  }

  const built = analysis.deals.filter((d) => d.deal).length;
  const broken = analysis.deals.length - built;
  const { errors, warnings } = analysis.summary;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    t(language, "build.summary", {
      built: plural(built, "n.deal"),
      out: path.relative(process.cwd(), outDir) || ".",
      seconds,
      broken: broken ? phrase("build.broken", { n: broken }) : "",
      errors: plural(errors, "n.error"),
      warnings: plural(warnings, "n.warning"),
      pdf: pdfLine,
    }),
  );
  for (const line of findingLines(analysis, language)) log(line);
  logNotReady(analysis, log, language);
  if (errors + warnings > 0) log(t(language, "build.runCheck"));
  if (browserError) throw browserError;
  return exitCodeFor(analysis, false);
}

/** Each deal's earlier meetings in its own language's words, for "Verlauf" on the deal page. */
async function pastMeetingViews(history: History, analysis: Analysis): Promise<Map<string, PastMeetingView[]>> {
  const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  const language = new Map(deals.map((d) => [d.slug, d.language]));
  const plain = { text: (s: string) => s, strong: (s: string) => s };
  const views = new Map<string, PastMeetingView[]>();
  for (const [slug, meetings] of await protocolHistory(history, deals, process.cwd())) {
    const lang = language.get(slug) ?? "de";
    views.set(
      slug,
      meetings
        .map((m) => ({
          date: formatDate(m.date, lang),
          short: m.commit.slice(0, 10),
          out: `recap-${slug}-${m.date}`,
          changes: m.changes.map((c) => describeChange(c, lang, plain)),
        }))
        .reverse(),
    );
  }
  return views;
}

/**
 * Says per deal why its recap may not go out yet: every blocking finding, placed and explained. The PDF carries
 * the draft mark and the mail draft's subject starts with it (see the README), so nobody sends it by mistake.
 */
function logNotReady(analysis: Analysis, log: (line: string) => void, language: Language): void {
  for (const result of analysis.deals) {
    const readiness = result.readiness;
    if (!result.deal || !readiness || readiness.ready) continue;
    // Deal text inside a message must not start a log line of its own (workflow commands in CI logs).
    const mark = t(result.deal.language, "draftShort");
    log(`  ${t(language, "build.notReady", { file: logPath(result.file), mark })}`);
    for (const f of readiness.blockers) log(`    ${f.line}:${f.column} ${f.code}  ${logText(wordFinding(f, language).message)}`);
  }
}

async function printAll(analysis: Analysis, outDir: string, concurrency: number, language: Language): Promise<PrintOutcome> {
  const documents = await renderPrintHtml(analysis);
  const showProgress = Boolean(process.stderr.isTTY) && process.env.CI !== "true";
  const started = performance.now();
  const outcome = await printPdfs(
    documents.map((doc) => ({ ...doc, target: path.join(outDir, "deals", doc.slug, `${doc.slug}.pdf`) })),
    {
      outDir,
      concurrency,
      version: VERSION,
      // The mail draft attaches the PDF: it goes before its PDF changes and is written anew after printing.
      beforeReplace: (request) => rm(path.join(path.dirname(request.target), `${request.slug}.eml`), { force: true }),
      ...(analysis.config.browser ? { browser: analysis.config.browser } : {}),
      progress: showProgress
        ? (done, total) => {
            const rate = done / ((performance.now() - started) / 1000);
            const text = t(language, "build.printing", { done, total, rate: rate.toFixed(1) });
            process.stderr.write(`\r  ${text}${done === total ? "\n" : ""}`);
          }
        : undefined,
    },
  );
  return outcome;
}

/** At most this many lines of findings after the summary; the rest is in report.json. */
const MAX_FINDING_LINES = 20;

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

function addPdfFindings(analysis: Analysis, outcome: PrintOutcome): void {
  const failed = new Map(outcome.failed.map((f) => [f.slug, f.message]));
  const overflow = new Set(outcome.overflow);
  const tooLong = new Map(outcome.tooLong.map((t) => [t.slug, t]));
  for (const result of analysis.deals) {
    if (!result.deal) continue;
    const at = result.titleAt;
    const size = tooLong.get(result.slug);
    if (size) {
      const f = finding(
        "pdf-overflow",
        result.file,
        at,
        phrase("pdf-overflow.tooLong", {
          title: result.deal.title,
          characters: grouped(size.characters),
          blocks: grouped(size.blocks),
          maxCharacters: grouped(PRINT_BUDGET.characters / 10),
          maxBlocks: grouped(PRINT_BUDGET.blocks / 10),
        }),
        phrase("pdf-overflow.tooLongHint"),
      );
      result.findings.push(f);
      analysis.summary.warnings++;
    }
    if (overflow.has(result.slug)) {
      const f = finding(
        "pdf-overflow",
        result.file,
        at,
        phrase("pdf-overflow.message", { title: result.deal.title }),
        phrase("pdf-overflow.hint"),
      );
      result.findings.push(f);
      analysis.summary.warnings++;
    }
    if (outcome.crashed.includes(result.slug) && !failed.has(result.slug)) {
      // Printed again after the restart: the PDF is fine, but a crash is worth a look, not a red build.
      const f = finding(
        "pdf-retried",
        result.file,
        at,
        phrase("pdf-retried.message", { title: result.deal.title }),
        phrase("pdf-retried.hint"),
      );
      result.findings.push(f);
      analysis.summary.warnings++;
    }
    const message = failed.get(result.slug);
    if (message) {
      result.findings.push(
        finding(
          "pdf-failed",
          result.file,
          at,
          phrase("pdf-failed.message", { title: result.deal.title, reason: message }),
          phrase("pdf-failed.hint"),
        ),
      );
      analysis.summary.errors++;
    }
  }
}

function describePdfs(outcome: PrintOutcome, language: Language): string {
  const parts = [t(language, "build.pdfs", { printed: outcome.printed.length, unchanged: outcome.unchanged.length })];
  if (outcome.browserStarts === 0) parts.push(t(language, "build.pdfNoStart"));
  if (outcome.failed.length > 0) parts.push(t(language, "build.pdfFailed", { n: outcome.failed.length }));
  if (outcome.crashed.length > 0) parts.push(t(language, "build.pdfCrashed", { n: outcome.crashed.length }));
  if (outcome.overflow.length > 0) parts.push(t(language, "build.pdfOverflow", { n: outcome.overflow.length }));
  if (outcome.tooLong.length > 0) parts.push(t(language, "build.pdfTooLong", { n: outcome.tooLong.length }));
  return parts.join(", ");
}

/** Our own pages say so in their head (templates/_includes/base.njk); nothing else is ever removed. */
const GENERATOR_MARK = '<meta name="generator" content="protokoll">';

async function isOurPage(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString("utf8").includes(GENERATOR_MARK);
  } finally {
    await handle.close();
  }
}

/**
 * Pages an earlier build wrote that this one did not (an owner without actions now, a finding fixed) go —
 * only pages protokoll generated; a hand-written page in the output folder stays. So do folders that this
 * emptied.
 */
async function removeStalePages(outDir: string, written: Set<string>): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const emptied = new Set<string>();
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !entry.name.endsWith(".html") || written.has(file) || !(await isOurPage(file))) continue;
    await rm(file, { force: true });
    emptied.add(entry.parentPath);
  }
  await removeEmptyFolders(emptied, outDir);
}

/**
 * A deal deleted since the last build leaves nothing behind: the page, PDF, calendar and mail draft in its
 * folder under deals/ go, and the folder when nothing else is in it. So do temporary files a killed build
 * left (PDFs are written to a temporary file and renamed, never truncated in place). Files protokoll did not
 * write are never touched.
 */
async function removeStaleDeals(outDir: string, slugs: Set<string>): Promise<void> {
  const dealsOut = path.join(outDir, "deals");
  const existing = await readdir(dealsOut, { withFileTypes: true }).catch(() => []);
  const emptied = new Set<string>();
  for (const entry of existing) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dealsOut, entry.name);
    const stale = !slugs.has(entry.name);
    const ours = new Set([`${entry.name}.pdf`, `${entry.name}.ics`, `${entry.name}.eml`]);
    for (const file of await readdir(folder)) {
      const full = path.join(folder, file);
      const remove = file.endsWith(".tmp") || (stale && (ours.has(file) || (file === "index.html" && (await isOurPage(full)))));
      if (remove) await rm(full, { force: true });
    }
    if (stale) emptied.add(folder);
  }
  await removeEmptyFolders(emptied, outDir);
}

/** Files only a team build writes: mail drafts and report.json. Pages are handled by removeStalePages. */
async function removeTeamOnlyFiles(outDir: string): Promise<void> {
  await rm(path.join(outDir, "report.json"), { force: true });
  const dealsOut = path.join(outDir, "deals");
  for (const entry of await readdir(dealsOut, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) await rm(path.join(dealsOut, entry.name, `${entry.name}.eml`), { force: true });
  }
}

/** Removes each folder that is now empty, and its parents up to (not including) `root`. */
async function removeEmptyFolders(folders: Iterable<string>, root: string): Promise<void> {
  const sorted = [...folders].sort((a, b) => b.length - a.length);
  for (let dir of sorted) {
    while (dir.startsWith(root + path.sep)) {
      if ((await readdir(dir).catch(() => ["?"])).length > 0) break;
      await rm(dir, { recursive: true, force: true });
      dir = path.dirname(dir);
    }
  }
}
