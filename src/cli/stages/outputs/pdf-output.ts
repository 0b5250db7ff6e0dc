import { rm } from "node:fs/promises";
import path from "node:path";
import { ProtokollError } from "../../../errors.js";
import { phrase, t } from "../../../i18n/translate.js";
import { pdfFindings } from "../../../pdf/pdf-findings.js";
import type { PrintOutcome } from "../../../pdf/print-pdfs.js";
import { withFindings } from "../../../pipeline.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
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

/** The browser and the print templates are loaded only when there is something to print. */
async function printAll(run: BuildRun): Promise<PrintOutcome> {
  const { renderPrintHtml } = await import("../../../render/render-print-html.js");
  const { printPdfs } = await import("../../../pdf/print-pdfs.js");
  const { outDir, concurrency, language } = run.settings;
  const { analysis } = run;
  const documents = await renderPrintHtml(analysis);
  const showProgress = Boolean(process.stderr.isTTY) && process.env.CI !== "true";
  const started = performance.now();
  return printPdfs(
    documents.map((doc) => ({ ...doc, target: inOut(outDir, outputLayout.dealFile(doc.slug, "pdf")) })),
    {
      outDir,
      concurrency,
      version: VERSION,
      // The mail draft attaches the PDF: it goes before its PDF changes and is written anew after printing.
      beforeReplace: (request) =>
        rm(path.join(path.dirname(request.target), outputLayout.dealFileName(request.slug, "eml")), { force: true }),
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
