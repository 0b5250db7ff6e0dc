// What the print stage did, deal by deal: its own module, so that a build with nothing to print can say so
// without loading the browser (src/pdf/print-pdfs.ts loads Puppeteer).
import type { Phrase } from "../i18n/translate.js";
import type { ManifestEntry } from "./pdf-cache.js";

export interface PrintOutcome {
  printed: string[];
  unchanged: string[];
  /** Deals whose PDF needs more than one page even in the compact layout (the PDF is still written). */
  overflow: string[];
  /** Why each failed: our own reasons from the catalogue; a browser error's first line as it came. */
  failed: { slug: string; message: Phrase | string }[];
  /** Deals that were being printed when the browser crashed (printed again after one restart, if possible). */
  crashed: string[];
  browserStarts: number;
  /** Requests the pages tried to make (all aborted): should always be empty. */
  blockedRequests: string[];
  /**
   * Deals not printed at all because their protocol is longer than one page by an order of magnitude or
   * more (PRINT_BUDGET (src/pdf/print-budget.ts)): printing them took minutes and gigabytes, for a PDF nobody would send.
   */
  tooLong: { slug: string; characters: number; blocks: number }[];
  /**
   * SHA-256 of the PDF on disk of every deal printed or unchanged: the PDF of exactly this deal version. A
   * mail draft attaches the file only when it still has these bytes.
   */
  pdfHashes: Map<string, string>;
}

/** The outcome of a print stage that kept the PDFs of `kept` as they are and printed nothing yet. */
export function keptOutcome(kept: ReadonlyMap<string, ManifestEntry>): PrintOutcome {
  const outcome: PrintOutcome = {
    printed: [],
    unchanged: [],
    overflow: [],
    failed: [],
    crashed: [],
    browserStarts: 0,
    blockedRequests: [],
    tooLong: [],
    pdfHashes: new Map(),
  };
  for (const [slug, entry] of kept) {
    outcome.unchanged.push(slug);
    if (entry.overflow) outcome.overflow.push(slug);
    outcome.pdfHashes.set(slug, entry.pdf);
  }
  return outcome;
}
