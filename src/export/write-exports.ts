import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/load-config.js";
import type { Deal } from "../model/deal.js";
import { mapLimit } from "../util/map-limit.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { dealCalendar, dealEvents } from "./calendar.js";
import { calendarText } from "./icalendar-writer.js";
import { recapMail } from "./recap-mail.js";

/**
 * Writes `<slug>.ics` and `<slug>.eml` for every valid deal and `calendar.ics` for all of them. The mail draft
 * attaches the deal's PDF when this build has one for it (`withPdf`); otherwise it goes without attachment.
 */
export async function writeExports(
  deals: readonly Deal[],
  outDir: string,
  config: Config,
  withPdf: ReadonlySet<string>,
): Promise<void> {
  const eventsOf = deals.map((deal) => dealEvents(deal, config.timeZone));
  // Many small files: keep several writes in flight instead of waiting on each in turn.
  await mapLimit(deals, 16, async (deal, i) => {
    const folder = path.join(outDir, "deals", deal.slug);
    await writeFileAtomic(path.join(folder, `${deal.slug}.ics`), dealCalendar(deal, config.timeZone, eventsOf[i]));
    const pdf = withPdf.has(deal.slug) ? await readFile(path.join(folder, `${deal.slug}.pdf`)) : undefined;
    await writeFileAtomic(path.join(folder, `${deal.slug}.eml`), await recapMail(deal, { company: config.company.name, pdf }));
  });
  const feed = eventsOf.flat();
  const name = config.company.name ? `${config.company.name}: Termine und Fristen` : "protokoll: Termine und Fristen";
  await writeFileAtomic(path.join(outDir, "calendar.ics"), calendarText(name, feed, 1));
}
