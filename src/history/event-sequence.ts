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

/** A next meeting that was in the calendars and is no longer: what a cancel needs. */
export interface Cancelled {
  /** Higher than any SEQUENCE the invitation had: the ordinal of the version that removed it. */
  sequence: number;
  /** The date it was on. */
  date: string;
}

/**
 * Whether the deal's next meeting, once in a version as an active appointment (not lost), is gone in the newest
 * version — removed, or the deal closed as lost (RFC 5546 §3.2.5: the organizer cancels). The SEQUENCE of the
 * cancel is the ordinal of the first version without it, above every SEQUENCE the invitation had (those are
 * ordinals of versions that had it). A new next meeting after that is an invitation again, with a higher one.
 */
export function cancelledNext(versions: readonly Version[]): Cancelled | undefined {
  let invited: { date: string } | undefined;
  let endedAt: number | undefined;
  for (const version of versions) {
    const snapshot = version.snapshot;
    if (!snapshot) continue;
    const planned = snapshot.events.next !== undefined && snapshot.status !== "lost" && snapshot.nextDate !== undefined;
    if (planned) {
      invited = { date: snapshot.nextDate as string };
      endedAt = undefined;
    } else if (invited && endedAt === undefined) endedAt = version.ordinal;
  }
  return invited && endedAt !== undefined ? { sequence: endedAt, date: invited.date } : undefined;
}
