// The agreed communication in the deal's calendar: the review date (`communication.review`) as an all-day event,
// and the structured weekly rhythm (`communication.rhythm: {weekday, time, duration}`) as a recurring one.
import type { Deal, Weekday } from "../model/deal.js";
import { messages } from "../render/i18n.js";
import { addDays, dayNumber, type PlainDate, weekday } from "../time/plain-date.js";
import type { CalendarEvent } from "./icalendar-writer.js";

const WEEKDAYS: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** `20261208T090000`: a day and a wall-clock time as a floating iCalendar value. */
const local = (date: PlainDate, minutes: number) => {
  const day = addDays(date, Math.floor(minutes / 1440));
  const m = minutes % 1440;
  return `${day.replace(/-/g, "")}T${String(Math.floor(m / 60)).padStart(2, "0")}${String(m % 60).padStart(2, "0")}00`;
};

/** What every event of the deal shares: UID stem, DTSTAMP, organizer; and the SEQUENCE of a key. */
export interface EventBase {
  stamp: Date;
  organizer: { name: string; address: string };
  sequenceOf: (key: string) => number;
}

/**
 * The review as an all-day event on its date, while the deal is open (a closed deal has nothing to review): a
 * fixed point in the deal's calendar and its owners' feeds (`review-due` checks it afterwards).
 */
export function reviewEvent(deal: Deal, base: EventBase, summary: string): CalendarEvent | undefined {
  const review = deal.communication?.review;
  if (!review || deal.status === "won" || deal.status === "lost") return undefined;
  return {
    uid: `${deal.slug}-review@protokoll`,
    stamp: base.stamp,
    sequence: base.sequenceOf("review"),
    organizer: base.organizer,
    summary: `${messages(deal.language).review}: ${summary}`,
    start: review,
    end: addDays(review, 1),
  };
}

/**
 * The weekly rhythm as a recurring event from the first such weekday on or after the meeting, at its wall-clock
 * time: floating (RFC 5545 §3.3.5), so it stays at 09:00 across summer time, as the team agreed it, where a UTC
 * start would move by an hour twice a year. It runs until the deal is closed: a won or lost deal's rhythm ends on
 * its "Stand" (RRULE UNTIL), so a calendar that imported it sees it stop with the update instead of going on.
 */
export function rhythmEvent(deal: Deal, base: EventBase, summary: string): CalendarEvent | undefined {
  const rhythm = deal.communication?.rhythm;
  if (!rhythm || typeof rhythm === "string") return undefined;
  const target = WEEKDAYS.indexOf(rhythm.weekday) + 1;
  const first = addDays(deal.meeting.date, (target - weekday(deal.meeting.date) + 7) % 7);
  const [h, m] = rhythm.time.split(":").map(Number) as [number, number];
  const startMinutes = h * 60 + m;
  const closed = deal.status === "won" || deal.status === "lost";
  // Closed before the first occurrence: nothing recurs at all.
  if (closed && dayNumber(deal.asOf) < dayNumber(first)) return undefined;
  const until = closed ? `;UNTIL=${local(deal.asOf, 23 * 60 + 59)}` : "";
  return {
    uid: `${deal.slug}-rhythm@protokoll`,
    stamp: base.stamp,
    sequence: base.sequenceOf("rhythm"),
    organizer: base.organizer,
    summary: `${messages(deal.language).rhythm}: ${summary}`,
    start: { local: local(first, startMinutes) },
    end: { local: local(first, startMinutes + (rhythm.duration ?? 30)) },
    rrule: `FREQ=WEEKLY;BYDAY=${BYDAY[target - 1]}${until}`,
  };
}
