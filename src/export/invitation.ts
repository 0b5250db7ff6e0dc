// The next meeting as an iTIP invitation (RFC 5546): `<slug>-invite.ics` (METHOD:REQUEST) while the deal has
// one, `<slug>-cancel.ics` (METHOD:CANCEL) once a meeting that was in the calendars is removed or the deal lost.
import type { Config } from "../config/load-config.js";
import { cancelledNext, eventSequences } from "../history/event-sequence.js";
import type { Version } from "../history/read-history.js";
import type { Deal } from "../model/deal.js";
import { recapParties, senderAddress } from "../model/recap-parties.js";
import { dayNumber } from "../time/plain-date.js";
import { dealEventList } from "./calendar.js";
import { type Attendee, type CalendarEvent, calendarText, eventText } from "./icalendar-writer.js";

/** What a deal sends: an invitation, a cancel, or neither (never both: a cancel is for a meeting no longer there). */
export interface Invitations {
  invite?: string;
  cancel?: string;
}

/** `Kunde: Titel`, as the deal's own calendar names itself. */
const calendarName = (deal: Deal) => `${deal.customer}: ${deal.title}`.replace(/[\r\n]+/g, " ").trim();

/**
 * One ATTENDEE per participant with an e-mail address but the organizer: the client's side asked to answer
 * (RSVP=TRUE), our side informed (RSVP=FALSE). The same address twice is one attendee.
 */
export function invitationAttendees(deal: Deal, config: Config): Attendee[] {
  const parties = recapParties(deal, config);
  const organizer = senderAddress(parties).address.toLowerCase();
  const seen = new Set([organizer]);
  const attendees: Attendee[] = [];
  for (const [people, rsvp] of [
    [parties.client, true],
    [parties.ours, false],
  ] as const) {
    for (const person of people) {
      const address = person.email?.trim();
      if (!address || seen.has(address.toLowerCase())) continue;
      seen.add(address.toLowerCase());
      attendees.push({ name: person.name, address, rsvp });
    }
  }
  return attendees;
}

/**
 * The invitation and cancel of a deal's next meeting. The UID is the one of the meeting in the deal's own
 * calendar (`<slug>-next@protokoll`), so an imported copy and the invitation are one event; SEQUENCE comes from
 * the file's versions in git (`versions`, the working tree included) and rises with every change of the meeting.
 * Without versions (a build at a past revision) there is no "sent before", so nothing is written. An invitation
 * needs someone to invite (RFC 5546 §3.2.2: a REQUEST has at least one ATTENDEE); a lost deal invites no one.
 */
export function dealInvitations(deal: Deal, config: Config, versions: readonly Version[] | undefined): Invitations {
  if (!versions) return {};
  const organizer = senderAddress(recapParties(deal, config));
  const attendees = invitationAttendees(deal, config);
  const next = dealEventList(deal, config.timeZone, eventSequences(versions), organizer).find((e) => e.key === "next");
  const cancelled = cancelledNext(versions);
  if (next && deal.status !== "lost") {
    if (attendees.length === 0) return {};
    const event: CalendarEvent = { ...next.event, attendees, status: "CONFIRMED" };
    return { invite: calendarText(calendarName(deal), [eventText(event)], undefined, "REQUEST") };
  }
  if (!cancelled) return {};
  // The cancelled meeting as it was when known (a lost deal that still lists it), else by its UID alone:
  // RFC 5546 §3.2.5 needs no DTSTART to cancel a whole event.
  const event: CalendarEvent = {
    uid: `${deal.slug}-next@protokoll`,
    stamp: new Date(dayNumber(deal.asOf) * 86_400_000),
    sequence: cancelled.sequence,
    organizer,
    attendees,
    status: "CANCELLED",
    summary: calendarName(deal),
    ...(next ? { start: next.event.start, end: next.event.end } : {}),
  };
  return { cancel: calendarText(calendarName(deal), [eventText(event)], undefined, "CANCEL") };
}
