import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import type { Config } from "../config/load-config.js";
import { eventSequences } from "../history/event-sequence.js";
import type { History } from "../history/read-history.js";
import type { Deal } from "../model/deal.js";
import { type OwnerEntry, ownerKey } from "../model/owner-directory.js";
import { recapParties, senderAddress } from "../model/recap-parties.js";
import { messages } from "../render/i18n.js";
import { mapLimit } from "../util/map-limit.js";
import { removeGuarded } from "../util/output-guard.js";
import { inOut, OWNERS_OUT, outputLayout } from "../util/output-layout.js";
import { releaseMemory } from "../util/release-memory.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { dealCalendar, dealEventList, feedChunks } from "./calendar.js";
import { EXPORT_BATCH } from "./export-batch.js";
import { eventText } from "./icalendar-writer.js";

/** What git and the owner pages add to the calendars (both optional: outside git there is no history). */
export interface CalendarContext {
  /** SEQUENCE of every event from the history (see src/history/event-sequence.ts). */
  history?: History;
  /** Owners with open actions, for `owners/<slug>/calendar.ics`. */
  owners?: ReadonlyMap<string, OwnerEntry>;
  /**
   * A deal's part as an earlier build made it, when nothing it is made of changed and its `<slug>.ics` still
   * holds those bytes (the caller checks both): the deal's events are neither computed nor written again.
   */
  known?: (deal: Deal) => CalendarPart | undefined | Promise<CalendarPart | undefined>;
  /** A team build (default): team-only deadlines go into the feeds. A client build leaves them out entirely. */
  team?: boolean;
  /**
   * Also `calendar.ics` and the owners' feeds (default). Without, only the deals' own files: a shard of the build
   * writes those of its slice, and the feeds, which list every deal, are left as they are.
   */
  feeds?: boolean;
}

/** A deal's share of the calendars: its events as iCalendar text, and which of them each owner's feed lists. */
export interface CalendarPart {
  events: string[];
  /**
   * Per owner key (see ownerKey) with an open action in the deal: the indices into `events` their feed lists —
   * the deal's next meeting first, then their deadlines. Owners not in the directory are left out when the
   * feeds are put together, not here: the directory depends on every deal, a part only on its own.
   */
  owners: [string, number[]][];
  /**
   * How many of `events`, at their end, are team-only (deadlines of `internal: true` actions): in the team feed
   * and the owners' feeds, never in the deal's own `.ics`. A client build has none.
   */
  teamOnly: number;
}

/** What {@link writeCalendars} did: the files it wrote (path → SHA-256) and every valid deal's part, in order. */
export interface CalendarsWritten {
  written: Map<string, string>;
  parts: CalendarPart[];
}

/** A deal's events and their owners (see {@link CalendarPart}). */
export function calendarPart(deal: Deal, config: Config, history?: History, team = true): CalendarPart {
  const versions = history?.files.get(deal.file);
  const organizer = senderAddress(recapParties(deal, config));
  const sequences = versions ? eventSequences(versions) : undefined;
  const keyed = dealEventList(deal, config.timeZone, sequences, organizer, team ? "team" : "client");
  const events = keyed.map((e) => eventText(e.event));
  // Each owner's feed: the deal's next meeting and review when they have an open action in it, then their deadlines.
  const owners = new Map<string, number[]>();
  // The deal's appointments each owner sees: the next meeting and the agreed review.
  const appointments = ["next", "review"].map((k) => keyed.findIndex((e) => e.key === k)).filter((n) => n !== -1);
  for (const a of deal.actions) {
    const key = a.status === "open" && a.owner ? ownerKey(a.owner) : undefined;
    if (key !== undefined && !owners.has(key)) owners.set(key, [...appointments]);
  }
  keyed.forEach((e, n) => {
    const list = e.owner === undefined ? undefined : owners.get(ownerKey(e.owner));
    if (e.key.startsWith("action:") && list) list.push(n);
  });
  return { events, owners: [...owners], teamOnly: keyed.filter((e) => e.teamOnly).length };
}

/**
 * Writes `<slug>.ics` for every valid deal with something to schedule, `calendar.ics` for all of them, and one
 * `owners/<slug>/calendar.ics` per owner: their open deadlines and the next meetings of the deals they have open
 * actions in. A deal whose part `context.known` gives is not written again. Returns every file written, with the
 * SHA-256 of its bytes, and each deal's part.
 */
export async function writeCalendars(
  deals: readonly Deal[],
  outDir: string,
  config: Config,
  context: CalendarContext = {},
): Promise<CalendarsWritten> {
  const parts: CalendarPart[] = [];
  const owners = context.owners ?? new Map<string, OwnerEntry>();
  const written = new Map<string, string>();
  const put = (file: string, data: string | Iterable<string>) => writeHashed(file, data, written);
  // Many small files: keep several writes in flight instead of waiting on each in turn.
  for (let start = 0; start < deals.length; start += EXPORT_BATCH) {
    if (deals.length > EXPORT_BATCH) releaseMemory();
    await mapLimit(deals.slice(start, start + EXPORT_BATCH), 16, async (deal, i) => {
      const known = await context.known?.(deal);
      const part = known ?? calendarPart(deal, config, context.history, context.team ?? true);
      parts[start + i] = part;
      // Nothing to schedule, no calendar (RFC 5545 needs a component); an earlier build's file goes.
      const ics = inOut(outDir, outputLayout.dealFile(deal.slug, "ics"));
      const own = part.events.slice(0, part.events.length - part.teamOnly);
      if (own.length === 0) return void (await removeGuarded(ics));
      if (!known) await put(ics, dealCalendar(deal, config.timeZone, own));
    });
  }
  if (context.feeds === false) return { written, parts };
  const feedName = messages(config.siteLanguage).calendarFeed;
  const name = `${config.company.name ?? "protokoll"}: ${feedName}`;
  if (deals.length > EXPORT_BATCH) releaseMemory();
  // A feed without a single event would be an invalid calendar: then there is none (and no stale one).
  const feedFile = inOut(outDir, outputLayout.calendar);
  // A client build's parts hold no team-only deadline at all (calendarPart with `team` false).
  if (parts.some((part) => part.events.length > 0)) {
    await put(
      feedFile,
      feedChunks(
        name,
        parts.map((part) => part.events),
      ),
    );
  } else await removeGuarded(feedFile);
  const perOwner = new Map<string, string[]>();
  for (const part of parts) {
    for (const [key, indices] of part.owners) {
      if (!owners.get(key)?.name) continue;
      const all = perOwner.get(key) ?? [];
      for (const index of indices) all.push(part.events[index] as string);
      perOwner.set(key, all);
    }
  }
  await writeOwnerCalendars(outDir, name, owners, perOwner, put);
  return { written, parts };
}

/** Writes `data` to `file` and notes the SHA-256 of what was written (a feed comes in pieces: hashed as it goes). */
export async function writeHashed(file: string, data: string | Iterable<string>, into: Map<string, string>): Promise<void> {
  const hash = createHash("sha256");
  if (typeof data === "string") {
    await writeFileAtomic(file, data);
    into.set(file, hash.update(data).digest("hex"));
    return;
  }
  await writeFileAtomic(
    file,
    (function* () {
      for (const chunk of data) {
        hash.update(chunk);
        yield chunk;
      }
    })(),
  );
  into.set(file, hash.digest("hex"));
}

/** `owners/<slug>/calendar.ics` per owner; an earlier build's feed of someone without open actions now goes. */
async function writeOwnerCalendars(
  outDir: string,
  name: string,
  owners: ReadonlyMap<string, OwnerEntry>,
  perOwner: ReadonlyMap<string, string[]>,
  put: (file: string, data: string | Iterable<string>) => Promise<void>,
): Promise<void> {
  const written = new Set<string>();
  for (const [key, events] of perOwner) {
    const owner = owners.get(key);
    // Like the deal's own file: nothing to schedule, no calendar (RFC 5545 needs a component).
    if (!owner?.name || events.length === 0) continue;
    written.add(owner.slug);
    await put(inOut(outDir, outputLayout.ownerCalendar(owner.slug)), feedChunks(`${name} – ${owner.name}`, [events]));
  }
  const folders = await readdir(inOut(outDir, OWNERS_OUT), { withFileTypes: true }).catch(() => []);
  for (const folder of folders) {
    if (folder.isDirectory() && !written.has(folder.name)) {
      await removeGuarded(inOut(outDir, outputLayout.ownerCalendar(folder.name)));
    }
  }
}
