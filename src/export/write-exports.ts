import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/load-config.js";
import type { Deal } from "../model/deal.js";
import { recapParties, senderAddress } from "../model/recap-parties.js";
import { messages } from "../render/i18n.js";
import { mapLimit } from "../util/map-limit.js";
import { releaseMemory } from "../util/release-memory.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { dealCalendar, dealEvents, feedChunks } from "./calendar.js";
import { recapMail } from "./recap-mail.js";

const EXPORT_BATCH = 1000;

/**
 * Writes `<slug>.ics` (for a deal with something to schedule) and `<slug>.eml` (unless `mail: false`) for every
 * valid deal and `calendar.ics` for all of them. The mail draft attaches the deal's PDF when this build has one
 * for it (`withPdf`: slug → SHA-256 of that PDF) and the file still has exactly those bytes; otherwise it goes
 * without attachment — never with another version's PDF. `drafts` are the deals not ready to send: their mail
 * subject starts with the draft mark.
 */
export async function writeExports(
  deals: readonly Deal[],
  outDir: string,
  config: Config,
  withPdf: ReadonlyMap<string, string>,
  options: { mail?: boolean; drafts?: ReadonlySet<string> } = {},
): Promise<void> {
  const feed: string[][] = [];
  // Many small files: keep several writes in flight instead of waiting on each in turn. In batches with a
  // collection in between, or 10 000 deals leave hundreds of megabytes of mail text for a lazy collector.
  for (let start = 0; start < deals.length; start += EXPORT_BATCH) {
    if (deals.length > EXPORT_BATCH) releaseMemory();
    await mapLimit(deals.slice(start, start + EXPORT_BATCH), 16, async (deal, i) => {
      const folder = path.join(outDir, "deals", deal.slug);
      const events = dealEvents(deal, config.timeZone, senderAddress(recapParties(deal, config)));
      feed[start + i] = events;
      // Nothing to schedule, no calendar (RFC 5545 needs a component); an earlier build's file goes.
      const ics = path.join(folder, `${deal.slug}.ics`);
      if (events.length > 0) await writeFileAtomic(ics, dealCalendar(deal, config.timeZone, events));
      else await rm(ics, { force: true });
      // A client site gets no mail drafts: they carry the recipients' addresses and are the team's to send.
      if (options.mail === false) return;
      const pdf = await verifiedPdf(path.join(folder, `${deal.slug}.pdf`), withPdf.get(deal.slug));
      await writeFileAtomic(
        path.join(folder, `${deal.slug}.eml`),
        await recapMail(deal, { config, pdf, draft: options.drafts?.has(deal.slug) ?? false }),
      );
    });
  }
  const feedName = messages(config.siteLanguage).calendarFeed;
  const name = `${config.company.name ?? "protokoll"}: ${feedName}`;
  if (deals.length > EXPORT_BATCH) releaseMemory();
  // A feed without a single event would be an invalid calendar: then there is none (and no stale one).
  const feedFile = path.join(outDir, "calendar.ics");
  if (feed.some((events) => events.length > 0)) await writeFileAtomic(feedFile, feedChunks(name, feed));
  else await rm(feedFile, { force: true });
}

async function verifiedPdf(file: string, expected: string | undefined): Promise<Uint8Array | undefined> {
  if (!expected) return undefined;
  const bytes = await readFile(file).catch(() => undefined);
  return bytes && createHash("sha256").update(bytes).digest("hex") === expected ? bytes : undefined;
}
