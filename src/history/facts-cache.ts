import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Redated } from "../model/deal.js";
import { type PlainDate, parsePlainDate } from "../time/plain-date.js";
import { sealText, unsealText } from "../util/sealed-text.js";
import { writeCacheText } from "./cache-history.js";
import type { DealGitFacts } from "./git-facts.js";

/** What the MAC of the file is for (src/util/sealed-text.ts): never taken for the history cache itself. */
const PURPOSE = "protokoll-history-facts";
const FORMAT = 1;

/**
 * The git facts of every deal file (src/history/git-facts.ts) as the last build computed them, beside the history
 * cache: a few hundred bytes per deal, where the history cache holds every version (9 MB for 5 000 commits of 20
 * deals). `check` over an unchanged history reads only this file. It holds for exactly one `key`
 * ({@link factsKey}): the history cache's key (the configuration's part in it too), the head, the window, the
 * zone and which files are on disk as committed — anything else and the history is read as before. `check` takes
 * no owner slugs, so the owners' first-seen (src/history/owner-first-seen.ts) is not kept here: whatever needs
 * them reads the history.
 */
export interface FactsInput {
  /**
   * The history cache's key (src/history/cache-history.ts: format, tool version, deals folder, caps, and the part
   * of the configuration the snapshots depend on): facts made under another configuration are not taken.
   */
  cacheKey: string;
  head: string;
  /** The window's first day and its length in weeks. */
  since: PlainDate;
  weeks: number;
  timeZone: string;
  /** The blob ids of the deal files on disk as committed (their newest version's snapshot comes from disk). */
  onDisk: ReadonlySet<string>;
}

export function factsKey(input: FactsInput): string {
  const onDisk = [...input.onDisk].sort().join(",");
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, input.cacheKey, input.head, input.since, input.weeks, input.timeZone, onDisk]))
    .digest("hex");
}

/** The facts file beside the history cache file. */
export const factsPath = (historyCacheFile: string) => historyCacheFile.replace(/(\.json)?$/, ".facts.json");

/**
 * The cached facts and the key they were made for, when the file is sealed under `secret`; else undefined. The
 * caller compares the key ({@link factsKey}). Untrusted input (a cache folder may come from anywhere): every fact
 * is checked field by field, and a file with one wrong field is not used at all.
 */
export async function readFacts(
  file: string,
  secret: Buffer,
): Promise<{ key: string; facts: Map<string, DealGitFacts> } | undefined> {
  try {
    const body = unsealText(await readFile(file, "utf8"), PURPOSE, secret);
    if (!body) return undefined;
    const data = JSON.parse(body) as { format?: unknown; key?: unknown; facts?: unknown };
    if (data.format !== FORMAT || typeof data.key !== "string" || !Array.isArray(data.facts)) return undefined;
    const facts = new Map<string, DealGitFacts>();
    for (const row of data.facts as unknown[]) {
      if (!Array.isArray(row) || row.length !== 2 || typeof row[0] !== "string" || !isDealGitFacts(row[1])) return undefined;
      facts.set(row[0], withNullPrototypes(row[1]));
    }
    return { key: data.key, facts };
  } catch {
    return undefined;
  }
}

/** Writes the facts for `key`, sealed (a read-only cache folder simply has none). */
export async function writeFacts(
  file: string,
  key: string,
  facts: ReadonlyMap<string, DealGitFacts>,
  secret: Buffer,
): Promise<void> {
  const body = JSON.stringify({ format: FORMAT, key, facts: [...facts] });
  await writeCacheText(file, sealText(body, PURPOSE, secret));
}

/** Records keyed by action keys (an `id` is the author's text) without a prototype, as git-facts.ts makes them. */
function withNullPrototypes(facts: DealGitFacts): DealGitFacts {
  const fact: DealGitFacts = { ...facts, pushedBack: Object.assign(Object.create(null), facts.pushedBack) };
  if (facts.dueBefore) fact.dueBefore = Object.assign(Object.create(null), facts.dueBefore);
  return fact;
}

const isDate = (v: unknown): v is PlainDate => typeof v === "string" && parsePlainDate(v) !== undefined;
const isString = (v: unknown): v is string => typeof v === "string";
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const HASH = /^([0-9a-f]{40}|[0-9a-f]{64})$/;

function isRedated(value: unknown): value is Redated {
  if (!isRecord(value)) return false;
  const { key, task, owner, from, to, on, ...rest } = value;
  return (
    Object.keys(rest).length === 0 &&
    isString(key) &&
    isString(task) &&
    (owner === undefined || isString(owner)) &&
    isDate(from) &&
    isDate(to) &&
    isDate(on)
  );
}

/** Whether `value` has exactly the shape of {@link DealGitFacts}. */
export function isDealGitFacts(value: unknown): value is DealGitFacts {
  if (!isRecord(value)) return false;
  const { date, shortHash, hash, pushedBack, dueBefore, redated, ...rest } = value;
  return (
    Object.keys(rest).length === 0 &&
    isDate(date) &&
    isString(hash) &&
    HASH.test(hash) &&
    shortHash === hash.slice(0, 7) &&
    isRecord(pushedBack) &&
    Object.values(pushedBack).every((n) => Number.isSafeInteger(n) && (n as number) > 0) &&
    (dueBefore === undefined || (isRecord(dueBefore) && Object.values(dueBefore).every(isDate))) &&
    (redated === undefined || (Array.isArray(redated) && redated.every(isRedated)))
  );
}
