import { open, readdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { finding, ProtokollError } from "../../errors.js";
import { writeExports } from "../../export/write-exports.js";
import { type PrintOutcome, printPdfs } from "../../pdf/print-pdfs.js";
import type { Analysis } from "../../pipeline.js";
import { AUDIENCES, type Audience } from "../../render/client-view.js";
import { renderPrintHtml } from "../../render/render-print-html.js";
import { renderSite } from "../../render/render-site.js";
import { reportJson } from "../../report/report-json.js";
import { acquireBuildLock } from "../../util/build-lock.js";
import { logPath, logText } from "../../util/log-sink.js";
import { handleInterrupts } from "../../util/shutdown.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { type CommonFlags, exitCodeFor, prepare } from "../context.js";
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
  const { analysis } = await prepare(flags);
  handleInterrupts(log);
  const release = await acquireBuildLock(outDir);
  try {
    return await buildInto(outDir, analysis, flags, concurrency, started, log);
  } finally {
    release();
  }
}

function parseAudience(text: string | undefined): Audience {
  const audience = (text ?? "team") as Audience;
  if (!AUDIENCES.includes(audience)) {
    throw new ProtokollError(
      `Unknown --audience "${text}".`,
      "Use team (the default: everything, for the team) or client (no internal notes, findings, lessons, mail drafts).",
    );
  }
  return audience;
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

  let pdfLine = "PDFs skipped (--no-pdf)";
  const withPdf = new Set<string>();
  // A browser that cannot start (none installed, broken installation) stops the PDFs, not the build: the site,
  // the exports and report.json are still written, then the error is raised (exit 2) with its fix.
  let browserError: ProtokollError | undefined;
  if (pdf) {
    try {
      const outcome = await printAll(analysis, outDir, concurrency);
      addPdfFindings(analysis, outcome);
      pdfLine = describePdfs(outcome);
      for (const slug of [...outcome.printed, ...outcome.unchanged]) withPdf.add(slug);
    } catch (error) {
      if (!(error instanceof ProtokollError)) throw error;
      browserError = error;
      pdfLine = "PDFs not printed: the browser did not start (see below)";
    }
  }
  // The site is rendered after printing, so a PDF that overflows or fails shows on the index too.
  const pages = await renderSite(analysis, {
    outDir,
    flags: { pdf: pdf && !browserError, extras: true, audience, mail: !client },
  });
  await removeStalePages(outDir, new Set(pages.map((p) => path.resolve(p))));
  const valid = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  const drafts = new Set(analysis.deals.filter((d) => d.readiness && !d.readiness.ready).map((d) => d.slug));
  await writeExports(valid, outDir, analysis.config, withPdf, { mail: !client, drafts });
  // report.json lists every finding: the team's, never on a client site (the log and `protokoll check` have them).
  if (!client) await writeFileAtomic(path.join(outDir, "report.json"), `${JSON.stringify(reportJson(analysis), null, 2)}\n`);

  const built = analysis.deals.filter((d) => d.deal).length;
  const broken = analysis.deals.length - built;
  const { errors, warnings } = analysis.summary;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `Built ${built} ${built === 1 ? "deal" : "deals"} into ${path.relative(process.cwd(), outDir) || "."} in ${seconds} s` +
      `${broken ? `; ${broken} broken (see report.json)` : ""}: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}. ${pdfLine}.`,
  );
  for (const deal of analysis.deals) {
    for (const f of deal.findings.filter((x) => x.severity === "error"))
      log(`  ${logPath(f.file)}:${f.line}:${f.column} ${f.code}  ${logText(f.message)}`);
  }
  logNotReady(analysis, log);
  if (errors > 0) log("Run `protokoll check` for details and fixes.");
  if (browserError) throw browserError;
  return exitCodeFor(analysis, false);
}

/**
 * Says per deal why its recap may not go out yet: every blocking finding, placed and explained. The PDF carries
 * the draft mark and the mail draft's subject starts with it (see the README), so nobody sends it by mistake.
 */
function logNotReady(analysis: Analysis, log: (line: string) => void): void {
  for (const result of analysis.deals) {
    const readiness = result.readiness;
    if (!result.deal || !readiness || readiness.ready) continue;
    const mark = result.deal.language === "de" ? "ENTWURF" : "DRAFT";
    // Deal text inside a message must not start a log line of its own (workflow commands in CI logs).
    log(`  ${logPath(result.file)}: not ready to send (PDF marked ${mark}, mail subject prefixed):`);
    for (const f of readiness.blockers) log(`    ${f.line}:${f.column} ${f.code}  ${logText(f.message)}`);
  }
}

async function printAll(analysis: Analysis, outDir: string, concurrency: number): Promise<PrintOutcome> {
  const documents = await renderPrintHtml(analysis);
  const showProgress = Boolean(process.stderr.isTTY) && process.env.CI !== "true";
  const started = performance.now();
  const outcome = await printPdfs(
    documents.map((doc) => ({ ...doc, target: path.join(outDir, "deals", doc.slug, `${doc.slug}.pdf`) })),
    {
      outDir,
      concurrency,
      version: VERSION,
      ...(analysis.config.browser ? { browser: analysis.config.browser } : {}),
      progress: showProgress
        ? (done, total) => {
            const rate = done / ((performance.now() - started) / 1000);
            process.stderr.write(`\r  printing PDFs ${done}/${total} (${rate.toFixed(1)}/s)${done === total ? "\n" : ""}`);
          }
        : undefined,
    },
  );
  return outcome;
}

function addPdfFindings(analysis: Analysis, outcome: PrintOutcome): void {
  const failed = new Map(outcome.failed.map((f) => [f.slug, f.message]));
  const overflow = new Set(outcome.overflow);
  for (const result of analysis.deals) {
    if (!result.deal) continue;
    const at = result.titleAt;
    if (overflow.has(result.slug)) {
      const f = finding(
        "pdf-overflow",
        result.file,
        at,
        `The protocol of "${result.deal.title}" does not fit one A4 page, even in the compact layout.`,
        "Shorten the summary, decisions or risks; a recap is one page. The PDF was written with a second page.",
      );
      f.messageDe = `Das Protokoll „${result.deal.title}“ passt auch kompakt nicht auf eine A4-Seite.`;
      result.findings.push(f);
      analysis.summary.warnings++;
    }
    if (outcome.crashed.includes(result.slug) && !failed.has(result.slug)) {
      // Printed again after the restart: the PDF is fine, but a crash is worth a look, not a red build.
      const f = finding(
        "pdf-retried",
        result.file,
        at,
        `Chromium crashed while printing "${result.deal.title}"; it was restarted and the PDF printed again.`,
        "Look at the PDF once. If crashes repeat, lower --concurrency or check the machine's memory.",
      );
      f.messageDe = `Chromium ist beim Drucken von „${result.deal.title}“ abgestürzt; das PDF wurde nach dem Neustart erneut gedruckt.`;
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
          `The PDF of "${result.deal.title}" could not be printed: ${message}`,
          "Run the build again; if it fails again, report it with this message.",
        ),
      );
      analysis.summary.errors++;
    }
  }
}

function describePdfs(outcome: PrintOutcome): string {
  const parts = [`PDFs: ${outcome.printed.length} printed, ${outcome.unchanged.length} unchanged`];
  if (outcome.browserStarts === 0) parts.push("no browser started");
  if (outcome.failed.length > 0) parts.push(`${outcome.failed.length} failed`);
  if (outcome.crashed.length > 0) parts.push(`browser crashed and was restarted (${outcome.crashed.length} affected)`);
  if (outcome.overflow.length > 0) parts.push(`${outcome.overflow.length} longer than one page`);
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
