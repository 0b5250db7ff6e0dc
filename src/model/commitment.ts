// The commitment agreed with the client (`kpi:`, seed 003: ">90 % innerhalb von 30 Tagen, falls nicht, Exit nach
// Plan (Option C)"): the on-time share of the measures due in its window.
import { addDays, type PlainDate } from "../time/plain-date.js";
import type { Commitment, Deal } from "./deal.js";

export interface CommitmentState {
  commitment: Commitment;
  /** The first day after the window: from then on the result stands. */
  ends: PlainDate;
  /** The window has ended (today is on or after `ends`). */
  ended: boolean;
  /** Measures due in the window (dropped ones do not count). */
  measures: number;
  /** Of those, done on or before their due date. */
  onTime: number;
  /** onTime / measures, or null when nothing was due in the window. */
  share: number | null;
  /** The window has ended with the share below the goal. */
  missed: boolean;
}

export function commitmentState(deal: Deal, today: PlainDate): CommitmentState | undefined {
  const commitment = deal.commitment;
  if (!commitment) return undefined;
  const ends = addDays(commitment.since, commitment.windowDays);
  let measures = 0;
  let onTime = 0;
  for (const action of deal.actions) {
    if (!action.due || action.status === "dropped" || action.due < commitment.since || action.due >= ends) continue;
    // Done without a date cannot be judged on time or late.
    if (action.status === "done" && !action.doneOn) continue;
    measures++;
    if (action.status === "done" && action.doneOn && action.doneOn <= action.due) onTime++;
  }
  const share = measures > 0 ? onTime / measures : null;
  const ended = today >= ends;
  return { commitment, ends, ended, measures, onTime, share, missed: ended && share !== null && share < commitment.goal };
}
