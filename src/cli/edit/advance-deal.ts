// `protokoll advance`: the deal moves on to its next meeting, and the file is ready for the new protocol.
import { isEmpty, withoutEmpty } from "./plain-values.js";
import type { Plain } from "./yaml-text.js";

type Data = Record<string, Plain>;

/** What the recorded meeting takes over from `next_meeting`; the agenda is the new protocol's to write. */
const MEETING_KEYS = ["date", "time", "duration", "place"];

/** Keys that belong to the meeting just recorded, cleared for the next protocol (the old one stays in git). */
export const CLEARED = ["summary", "decisions", "protocol_sent", "updated", "next_meeting"] as const;

/** Internal keys about the meeting just recorded: impressions of that day, not of the deal. */
export const CLEARED_INTERNAL = ["signals"] as const;

function isRecord(value: unknown): value is Data {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The data of the deal after `advance`, or undefined when it has no `next_meeting.date` to move on to:
 * - `meeting` ← `next_meeting` (date, time, duration, place; keys the next meeting does not say are removed);
 * - `next_meeting`, `protocol_sent`, `updated`, `summary`, `decisions` and `internal.signals` removed;
 * - actions done or dropped removed, open ones kept as they are (with owner, due date and id);
 * - everything else kept: participants, terms, options, risks, open questions, the contact log (`contacts`),
 *   escalation, KPI, abort criteria, communication, internal notes, lessons and hidden needs.
 */
export function advanceData(raw: unknown): { data: Data; date: string } | undefined {
  const data = withoutEmpty(raw);
  if (!isRecord(data)) return undefined;
  const next = data.next_meeting;
  if (!isRecord(next) || typeof next.date !== "string") return undefined;
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    if ((CLEARED as readonly string[]).includes(key)) continue;
    if (key === "meeting") {
      const meeting: Data = {};
      for (const k of MEETING_KEYS) if (next[k] !== undefined) meeting[k] = next[k] as Plain;
      out.meeting = meeting;
    } else if (key === "actions" && Array.isArray(value)) {
      const open = value.filter((action) => !isRecord(action) || action.status === undefined || action.status === "open");
      if (open.length > 0) out.actions = open;
    } else if (key === "internal" && isRecord(value)) {
      const internal: Data = {};
      for (const [k, v] of Object.entries(value)) if (!(CLEARED_INTERNAL as readonly string[]).includes(k)) internal[k] = v;
      if (!isEmpty(internal)) out.internal = internal;
    } else out[key] = value as Plain;
  }
  if (!out.meeting) out.meeting = { date: next.date };
  return { data: out, date: next.date };
}
