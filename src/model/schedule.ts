import type { Deal } from "./deal.js";

/**
 * Whether a deal has anything for a calendar: a next appointment or an open action with a due date. Without
 * either (team-only actions do not count: they never reach its calendar) it gets no .ics file and no link to one (RFC 5545 §3.6: a calendar needs at least one component).
 */
export function hasCalendarItems(deal: Deal): boolean {
  return deal.nextMeeting !== undefined || deal.actions.some((a) => a.status === "open" && a.due !== undefined && !a.internal);
}
