// Each deal's share of the calendars, kept between builds in `calendar-parts.jsonl` of the output folder's state
// folder (src/util/cache-folder.ts): the feeds
// (`calendar.ics`, one per owner) list every deal's events, so without them one changed deal meant computing and
// writing the events of all of them again.
import { readFileSync } from "node:fs";
import type { CalendarPart } from "../../../export/write-calendars.js";

/** The parts file's name in the state folder. */
export const CALENDAR_PARTS_FILE = "calendar-parts.jsonl";

const HEADER = JSON.stringify({ format: "protokoll-calendar-parts", schema: 2 });

/** A deal's part and the key of what it was made from. */
export interface KeyedPart {
  key: string;
  part: CalendarPart;
}

/**
 * The file's lines: a header, then one JSON array `[slug, key, events, owners, teamOnly]` per deal, so that 10 000 deals'
 * events (about 20 MB) are written piece by piece, never as one string.
 */
export function* partLines(slugs: readonly string[], keys: readonly string[], parts: readonly CalendarPart[]): Iterable<string> {
  yield `${HEADER}\n`;
  for (const [i, part] of parts.entries())
    yield `${JSON.stringify([slugs[i], keys[i], part.events, part.owners, part.teamOnly])}\n`;
}

/**
 * The parts in `file` by slug. The caller has verified the file's bytes (the output manifest vouches only for
 * bytes this machine wrote); anything malformed all the same yields no parts at all, so every deal is made again.
 */
export function readParts(file: string): Map<string, KeyedPart> {
  const parts = new Map<string, KeyedPart>();
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n");
  } catch {
    return parts;
  }
  if (lines[0] !== HEADER) return parts;
  try {
    for (const line of lines.slice(1)) {
      if (line === "") continue;
      const [slug, key, events, owners, teamOnly] = JSON.parse(line) as unknown[];
      if (typeof slug !== "string" || typeof key !== "string" || !isStrings(events) || !isOwners(owners, events.length)) {
        return new Map();
      }
      if (!Number.isInteger(teamOnly) || (teamOnly as number) < 0 || (teamOnly as number) > events.length) return new Map();
      parts.set(slug, { key, part: { events, owners, teamOnly: teamOnly as number } });
    }
  } catch {
    return new Map();
  }
  return parts;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

const isIndices = (value: unknown, events: number): value is number[] =>
  Array.isArray(value) &&
  value.every((index: unknown) => Number.isInteger(index) && (index as number) >= 0 && (index as number) < events);

function isOwners(value: unknown, events: number): value is [string, number[]][] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && isIndices(entry[1], events),
    )
  );
}
