import { createHash } from "node:crypto";
import { DEFAULT_CONFIG } from "../config/load-config.js";
import type { Action, Deal } from "../model/deal.js";
import { type MailAddress, recapParties, senderAddress } from "../model/recap-parties.js";
import { messages } from "../render/i18n.js";
import { formatDate } from "../time/format-date.js";
import { addDays, dayNumber } from "../time/plain-date.js";
import { appointmentStart } from "./appointment-instant.js";
import { type CalendarEvent, calendarChunks, calendarText, eventText } from "./icalendar-writer.js";

const SEQUENCE_EPOCH = dayNumber("2020-01-01" as Parameters<typeof dayNumber>[0]);

/** One line of calendar text: no CR/LF can reach a property (the writer escapes, we also flatten). */
const line = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

/**
 * The stable UID of an action's deadline: from its `id`, else from its task text — and, when several actions
 * of the deal share that text, its place among them ("Anrufen" twice are two deadlines, not one).
 */
export function actionUid(deal: Deal, action: Action): string {
  if (action.id) return `${deal.slug}-action-${action.id}@protokoll`;
  const key = createHash("sha256").update(action.task).digest("hex").slice(0, 12);
  const before = deal.actions.filter((a) => a.index < action.index && !a.id && a.task === action.task).length;
  return `${deal.slug}-action-${key}${before > 0 ? `-${before + 1}` : ""}@protokoll`;
}

/**
 * The events of a deal: its next appointment (a timed event, or all-day without a time) and each open deadline (all-day:
 * calendars like Google ignore VTODO) to a calendar. Nothing from `internal`. Times are written in UTC, computed
 * from the configured zone, so no VTIMEZONE is needed and every calendar agrees.
 *
 * Reproducible: DTSTAMP is the deal's "Stand", UIDs derive from slug and item, and SEQUENCE is the number of
 * days from 2020-01-01 to the "Stand" — it rises whenever the deal is updated on a later day, so a calendar
 * that imported an earlier version takes the moved appointment as an update instead of a duplicate.
 */
export function dealEvents(deal: Deal, zone: string, organizer = defaultOrganizer(deal)): string[] {
  const events: CalendarEvent[] = [];
  const t = messages(deal.language);
  const stamp = new Date(dayNumber(deal.asOf) * 86_400_000);
  const sequence = Math.max(0, dayNumber(deal.asOf) - SEQUENCE_EPOCH);
  const open = deal.actions.filter((a) => a.status === "open");
  const next = deal.nextMeeting;
  if (next) {
    const summary = line(`${deal.customer}: ${deal.title}`);
    const description = [
      `${t.nextMeeting} – ${deal.title}`,
      ...(next.agenda?.length ? [`${t.agenda}: ${next.agenda.map(line).join(", ")}`] : []),
      "",
      `${t.actions}:`,
      ...open.map(
        (a) =>
          `- ${line(a.task)} – ${a.owner ? line(a.owner) : t.nobody} – ${a.due ? formatDate(a.due, deal.language) : t.noDate}`,
      ),
    ].join("\n");
    const common = {
      uid: `${deal.slug}-next@protokoll`,
      stamp,
      sequence,
      organizer,
      summary,
      description,
      ...(next.place ? { location: line(next.place) } : {}),
    };
    if (next.time) {
      const start = appointmentStart({ ...next, time: next.time }, zone);
      events.push({ ...common, start, end: new Date(start.getTime() + (next.duration ?? 60) * 60_000) });
    } else {
      events.push({ ...common, start: next.date, end: addDays(next.date, 1) });
    }
  }
  for (const action of open) {
    if (!action.due) continue;
    events.push({
      uid: actionUid(deal, action),
      stamp,
      sequence,
      organizer,
      start: action.due,
      end: addDays(action.due, 1),
      summary: line(`${t.kindDeadline}: ${action.task}${action.owner ? ` (${action.owner})` : ""}`),
      description: line(`${deal.customer}: ${deal.title}`),
    });
  }
  return events.map(eventText);
}

/** The organizer without a configuration: the deal's `sender:`, else the placeholder (see recap-parties). */
function defaultOrganizer(deal: Deal): MailAddress {
  return senderAddress(recapParties(deal, DEFAULT_CONFIG));
}

/** A deal's own .ics file. */
export function dealCalendar(deal: Deal, zone: string, events = dealEvents(deal, zone)): string {
  return calendarText(line(`${deal.customer}: ${deal.title}`), events);
}

/**
 * `calendar.ics` in pieces, from each deal's events (see {@link dealEvents}): a feed a calendar can subscribe
 * to, refreshed hourly. Written piece by piece, since 10 000 deals make about 20 MB.
 */
export function feedChunks(name: string, eventsPerDeal: Iterable<readonly string[]>): Iterable<string> {
  return calendarChunks(name, eventsPerDeal, 1);
}

/** The whole feed as one string, for small sets of deals. */
export function feedCalendar(deals: readonly Deal[], zone: string, name: string): string {
  return [
    ...feedChunks(
      name,
      deals.map((deal) => dealEvents(deal, zone)),
    ),
  ].join("");
}
