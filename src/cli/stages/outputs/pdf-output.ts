import { readFile } from "node:fs/promises";
import path from "node:path";
import { ProtokollError } from "../../../errors.js";
import { phrase, t } from "../../../i18n/translate.js";
import { decodeManifest, encodeManifest, type ManifestEntry, readManifest, writeManifest } from "../../../pdf/pdf-cache.js";
import { pdfFindings } from "../../../pdf/pdf-findings.js";
import { keptOutcome, type PrintOutcome } from "../../../pdf/print-outcome.js";
import { resultDigests, withFindings } from "../../../pipeline.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { removeGuarded } from "../../../util/output-guard.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { sha256 } from "../../../util/sha256.js";
import { inShard } from "../../../util/shard.js";
import { VERSION } from "../../version.js";
import { describePdfs } from "../build-log.js";
import type { BuildRun } from "../build-run.js";
import type { Output } from "../output.js";

/**
 * `deals/<slug>/<slug>.pdf`: the client recap, printed first, so that a protocol that overflows or fails shows
 * on the site too. A browser that cannot start (none installed, a broken installation) stops the PDFs, not the
 * build.
 */
export const pdfOutput: Output = {
  name: "pdf",
  client: true,
  dealFiles: (slug) => [outputLayout.dealFileName(slug, "pdf")],
  when: (run) => run.settings.pdf,
  async run(run) {
    try {
      const outcome = await printAll(run);
      run.print = outcome;
      run.pdfLine = describePdfs(outcome, run.settings.language);
      const printed = run.analysis.deals.flatMap((d) =>
        d.deal ? [{ slug: d.slug, file: d.file, title: d.deal.title, titleAt: d.titleAt }] : [],
      );
      run.analysis = withFindings(run.analysis, pdfFindings(printed, outcome));
    } catch (error) {
      if (!(error instanceof ProtokollError)) throw error;
      run.browserError = error;
      run.pdfLine = phrase("build.pdfNoBrowser");
    }
  },
};

/**
 * Each deal's PDF is keyed in the output manifest by what its print HTML is made of — the deal's result (its
 * digest, src/pipeline.ts; the print view has no today), the configuration, the logo's bytes and the tool — so
 * a PDF whose key and file are the last build's is kept without rendering its print HTML at all; the others
 * go through the PDF cache (keyed by the print HTML itself) and the browser. The browser and the print
 * templates are loaded only when there is something to render.
 */
async function printAll(run: BuildRun): Promise<PrintOutcome> {
  const { outDir } = run.settings;
  const { analysis } = run;
  const digests = resultDigests(analysis);
  const logo = analysis.config.company.logo;
  const logoHash = logo ? sha256(await readFile(logo).catch(() => Buffer.from(""))) : null;
  const everyPdf = JSON.stringify([codeFingerprint(), VERSION, analysis.config, logoHash]);
  const previous = decodeManifest(await readManifest(run.settings.stateDir, run.cacheKey));
  const keys = new Map<string, string>();
  const kept = new Map<string, ManifestEntry>();
  const { shard } = run.settings;
  for (const [i, result] of analysis.deals.entries()) {
    // A shard prints its slice of the deals; the other shards print the rest.
    if (!result.deal || (shard && !inShard(result.slug, shard))) continue;
    const key = sha256(`${everyPdf}\0${digests[i]}`);
    keys.set(result.slug, key);
    const known = previous[result.slug];
    const target = inOut(outDir, outputLayout.dealFile(result.slug, "pdf"));
    // The PDF cache's entry and the output manifest's must name the same file bytes.
    const same = (files: ReadonlyMap<string, string>) => files.get(target) === known?.pdf;
    if (known && (await run.manifest?.reuseHashes(`pdf:${result.slug}`, key, same))) kept.set(result.slug, known);
  }
  const outcome = await printChanged(run, keys, kept);
  for (const [slug, hash] of outcome.pdfHashes) {
    const key = keys.get(slug);
    if (key) run.manifest?.record(`pdf:${slug}`, key, new Map([[inOut(outDir, outputLayout.dealFile(slug, "pdf")), hash]]));
  }
  return outcome;
}

/** Renders the print HTML of the deals not `kept` and prints those whose PDF is not what the PDF cache holds. */
async function printChanged(
  run: BuildRun,
  keys: ReadonlyMap<string, string>,
  kept: ReadonlyMap<string, ManifestEntry>,
): Promise<PrintOutcome> {
  const { outDir, concurrency, language } = run.settings;
  const { analysis } = run;
  const due = new Set([...keys.keys()].filter((slug) => !kept.has(slug)));
  if (due.size === 0) {
    // Every PDF kept: the PDF cache keeps their entries (and loses those of deals that are gone).
    await writeManifest(run.settings.stateDir, run.cacheKey, encodeManifest(Object.fromEntries(kept)), run.settings.shard);
    return keptOutcome(kept);
  }
  const { renderPrintHtml } = await import("../../../render/render-print-html.js");
  const { printPdfs } = await import("../../../pdf/print-pdfs.js");
  const documents = await renderPrintHtml(analysis, due);
  if (process.env.PROTOKOLL_TIMINGS === "1")
    for (const doc of documents) process.stderr.write(`protokoll: print html ${doc.slug}\n`);
  const showProgress = Boolean(process.stderr.isTTY) && process.env.CI !== "true";
  const started = performance.now();
  return printPdfs(
    documents.map((doc) => ({ ...doc, target: inOut(outDir, outputLayout.dealFile(doc.slug, "pdf")) })),
    {
      stateDir: run.settings.stateDir,
      ...(run.cacheKey ? { secret: run.cacheKey } : {}),
      concurrency,
      version: VERSION,
      code: codeFingerprint(),
      // The mail draft attaches the PDF: it goes before its PDF changes and is written anew after printing.
      beforeReplace: (request) =>
        removeGuarded(path.join(path.dirname(request.target), outputLayout.dealFileName(request.slug, "eml"))),
      kept,
      order: [...keys.keys()],
      ...(run.settings.shard ? { shard: run.settings.shard } : {}),
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
}
