import type { Version } from "./read-history.js";

/**
 * SEQUENCE per calendar event of a deal (`next`, or `action:<key>`): the ordinal of the last version that
 * changed what the event shows. It rises with every such change — two commits on one day are two — and never
 * falls: ordinals count every listed commit of the file, so one leaving the 52-week window only makes its
 * successor the earliest known change, whose ordinal is higher.
 */
export function eventSequences(versions: readonly Version[]): Map<string, number> {
  const sequences = new Map<string, number>();
  let previous: Record<string, string> = {};
  for (const version of versions) {
    const events = version.snapshot?.events ?? {};
    for (const [key, fingerprint] of Object.entries(events)) {
      if (previous[key] !== fingerprint) sequences.set(key, version.ordinal);
    }
    previous = events;
  }
  return sequences;
}
