// How long a protocol may be before printing is refused: what the print stage and its findings share, without
// loading the browser.

/**
 * What one A4 page holds at most, times ten: visible characters and text blocks (paragraphs, list items,
 * table rows, headings) of the print HTML. The longest example deal has ~2 800 characters and ~60 blocks;
 * a full compact page holds ~6 000 and ~120. A protocol over either budget is refused before printing.
 */
export const PRINT_BUDGET = { characters: 60_000, blocks: 1_200 };

/** Visible characters and text blocks of a print HTML document (styles and tags not counted). */
export function printSize(html: string): { characters: number; blocks: number } {
  const start = html.indexOf("<body");
  const body = start >= 0 ? html.slice(start) : html;
  const text = body.replace(/<[^>]*>/g, "").replace(/\s+/g, " ");
  const blocks = body.match(/<(?:li|p|tr|br|h[1-6]|dt|dd)\b/g)?.length ?? 0;
  return { characters: text.length, blocks };
}
