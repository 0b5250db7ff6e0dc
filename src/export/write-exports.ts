import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/load-config.js";
import { eventSequences } from "../history/event-sequence.js";
import type { History } from "../history/read-history.js";
import type { Deal } from "../model/deal.js";
import { type OwnerEntry, ownerKey } from "../model/owner-directory.js";
import { recapParties, senderAddress } from "../model/recap-parties.js";
import { messages } from "../render/i18n.js";
import { mapLimit } from "../util/map-limit.js";
import { releaseMemory } from "../util/release-memory.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { dealCalendar, dealEventList, feedChunks } from "./calendar.js";
import { eventText } from "./icalendar-writer.js";
import { recapMail } from "./recap-mail.js";

const EXPORT_BATCH = 1000;

/** What git and the owner pages add to the exports (both optional: outside git there is no history). */
export interface ExportContext {
  /** Write the `.eml` drafts (not for a client site). */
  mail?: boolean;
  /** SEQUENCE of every event from the history (see src/history/event-sequence.ts). */
  history?: History;
  /** Owners with open actions, for `owners/<slug>/calendar.ics`. */
  owners?: ReadonlyMap<string, OwnerEntry>;
  /** The deals not ready to send: their mail subject starts with the draft mark. */
  drafts?: ReadonlySet<string>;
}

/**
 * Writes `<slug>.ics` (for a deal with something to schedule) and `<slug>.eml` (unless `mail: false`) for every
 * valid deal, `calendar.ics` for all of them, and one `owners/<slug>/calendar.ics` per owner: their open
 * deadlines and the next meetings of the deals they have open actions in. The mail draft attaches the deal's
 * PDF when this build has one for it (`withPdf`: slug → SHA-256 of that PDF) and the file still has exactly
 * those bytes; otherwise it goes without attachment — never with another version's PDF. `drafts` are the
 * deals not ready to send: their mail subject starts with the draft mark.
 */
export async function writeExports(
  deals: readonly Deal[],
  outDir: string,
  config: Config,
  withPdf: ReadonlyMap<string, string>,
  context: ExportContext = {},
): Promise<void> {
  const feed: string[][] = [];
  // Per deal (in deal order, whatever order the writes finish in): each owner's events of that deal.
  const ownerParts: Map<string, string[]>[] = [];
  const owners = context.owners ?? new Map<string, OwnerEntry>();
  // Many small files: keep several writes in flight instead of waiting on each in turn. In batches with a
  // collection in between, or 10 000 deals leave hundreds of megabytes of mail text for a lazy collector.
  for (let start = 0; start < deals.length; start += EXPORT_BATCH) {
    if (deals.length > EXPORT_BATCH) releaseMemory();
    await mapLimit(deals.slice(start, start + EXPORT_BATCH), 16, async (deal, i) => {
      const folder = path.join(outDir, "deals", deal.slug);
      const versions = context.history?.files.get(deal.file);
      const organizer = senderAddress(recapParties(deal, config));
      const keyed = dealEventList(deal, config.timeZone, versions ? eventSequences(versions) : undefined, organizer);
      const events = keyed.map((e) => eventText(e.event));
      feed[start + i] = events;
      // Each owner's feed: the deal's next meeting when they have an open action in it, then their deadlines.
      const mine = new Map<string, string[]>();
      const next = keyed.findIndex((e) => e.key === "next");
      for (const a of deal.actions) {
        const key = a.status === "open" && a.owner ? ownerKey(a.owner) : undefined;
        if (key !== undefined && owners.get(key)?.name && !mine.has(key))
          mine.set(key, next === -1 ? [] : [events[next] as string]);
      }
      keyed.forEach((e, n) => {
        const list = e.owner === undefined ? undefined : mine.get(ownerKey(e.owner));
        if (e.key !== "next" && list) list.push(events[n] as string);
      });
      ownerParts[start + i] = mine;
      // Nothing to schedule, no calendar (RFC 5545 needs a component); an earlier build's file goes.
      const ics = path.join(folder, `${deal.slug}.ics`);
      if (events.length > 0) await writeFileAtomic(ics, dealCalendar(deal, config.timeZone, events));
      else await rm(ics, { force: true });
      // A client site gets no mail drafts: they carry the recipients' addresses and are the team's to send.
      if (context.mail === false) return;
      const pdf = await verifiedPdf(path.join(folder, `${deal.slug}.pdf`), withPdf.get(deal.slug));
      await writeFileAtomic(
        path.join(folder, `${deal.slug}.eml`),
        await recapMail(deal, { config, pdf, draft: context.drafts?.has(deal.slug) ?? false }),
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
  const perOwner = new Map<string, string[]>();
  for (const part of ownerParts) {
    for (const [key, list] of part ?? []) {
      const all = perOwner.get(key) ?? [];
      all.push(...list);
      perOwner.set(key, all);
    }
  }
  await writeOwnerCalendars(outDir, name, owners, perOwner);
}

/** `owners/<slug>/calendar.ics` per owner; an earlier build's feed of someone without open actions now goes. */
async function writeOwnerCalendars(
  outDir: string,
  name: string,
  owners: ReadonlyMap<string, OwnerEntry>,
  perOwner: ReadonlyMap<string, string[]>,
): Promise<void> {
  const written = new Set<string>();
  for (const [key, events] of perOwner) {
    const owner = owners.get(key);
    // Like the deal's own file: nothing to schedule, no calendar (RFC 5545 needs a component).
    if (!owner?.name || events.length === 0) continue;
    written.add(owner.slug);
    await writeFileAtomic(
      path.join(outDir, "owners", owner.slug, "calendar.ics"),
      feedChunks(`${name} – ${owner.name}`, [events]),
    );
  }
  const folders = await readdir(path.join(outDir, "owners"), { withFileTypes: true }).catch(() => []);
  for (const folder of folders) {
    if (folder.isDirectory() && !written.has(folder.name)) {
      await rm(path.join(outDir, "owners", folder.name, "calendar.ics"), { force: true });
    }
  }
}

async function verifiedPdf(file: string, expected: string | undefined): Promise<Uint8Array | undefined> {
  if (!expected) return undefined;
  const bytes = await readFile(file).catch(() => undefined);
  return bytes && createHash("sha256").update(bytes).digest("hex") === expected ? bytes : undefined;
}
