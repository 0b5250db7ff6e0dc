import { type Finding, finding, type Position } from "../errors.js";
import { grouped, phrase } from "../i18n/translate.js";
import { PRINT_BUDGET } from "./print-budget.js";
import type { PrintOutcome } from "./print-outcome.js";

/** The deal a PDF was printed for, as far as its findings need it. */
export interface PrintedDeal {
  slug: string;
  file: string;
  title: string;
  /** Where the deal's `title` is: PDF findings point there. */
  titleAt: Position;
}

/**
 * What the print stage found per deal file: a protocol too long to print (`pdf-overflow`), one that needs a
 * second page even in the compact layout (`pdf-overflow`), one printed again after a browser crash
 * (`pdf-retried`), one that failed (`pdf-failed`).
 */
export function pdfFindings(deals: readonly PrintedDeal[], outcome: PrintOutcome): Map<string, Finding[]> {
  const failed = new Map(outcome.failed.map((f) => [f.slug, f.message]));
  const overflow = new Set(outcome.overflow);
  const crashed = new Set(outcome.crashed);
  const tooLong = new Map(outcome.tooLong.map((t) => [t.slug, t]));
  const found = new Map<string, Finding[]>();
  for (const deal of deals) {
    const { file, title, titleAt: at } = deal;
    const mine: Finding[] = [];
    const size = tooLong.get(deal.slug);
    if (size) {
      const counts = {
        title,
        characters: grouped(size.characters),
        blocks: grouped(size.blocks),
        maxCharacters: grouped(PRINT_BUDGET.characters / 10),
        maxBlocks: grouped(PRINT_BUDGET.blocks / 10),
      };
      mine.push(finding("pdf-overflow", file, at, phrase("pdf-overflow.tooLong", counts), phrase("pdf-overflow.tooLongHint")));
    }
    if (overflow.has(deal.slug)) {
      mine.push(finding("pdf-overflow", file, at, phrase("pdf-overflow.message", { title }), phrase("pdf-overflow.hint")));
    }
    const reason = failed.get(deal.slug);
    // Printed again after the restart: the PDF is fine, but a crash is worth a look, not a red build.
    if (crashed.has(deal.slug) && reason === undefined) {
      mine.push(finding("pdf-retried", file, at, phrase("pdf-retried.message", { title }), phrase("pdf-retried.hint")));
    }
    if (reason !== undefined) {
      mine.push(finding("pdf-failed", file, at, phrase("pdf-failed.message", { title, reason }), phrase("pdf-failed.hint")));
    }
    if (mine.length > 0) found.set(file, mine);
  }
  return found;
}
