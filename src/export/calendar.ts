import { DEFAULT_CONFIG } from "../config/load-config.js";
import { actionKey } from "../model/action-key.js";
import { openActions } from "../model/actions.js";
import type { Action, Deal } from "../model/deal.js";
import { type MailAddress, recapParties, senderAddress } from "../model/recap-parties.js";
import { messages } from "../render/i18n.js";
import { formatDate } from "../time/format-date.js";
import { addDays, dayNumber } from "../time/plain-date.js";
import { appointmentStart } from "./appointment-instant.js";
import { reviewEvent, rhythmEvent } from "./communication-events.js";
import { type CalendarEvent, calendarChunks, calendarText, eventText } from "./icalendar-writer.js";

const SEQUENCE_EPOCH = dayNumber("2020-01-01" as Parameters<typeof dayNumber>[0]);

/** One line of calendar text: no CR/LF can reach a property (the writer escapes, we also flatten). */
const line = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

/**
 * The stable UID of an action's deadline: from its `id`, else from its task text — and, when several actions
 * of the deal share that text, its place among them ("Anrufen" twice are two deadlines, not one).
 */
export function actionUid(deal: Deal, action: Action): string {
  return `${deal.slug}-action-${actionKey(deal, action)}@protokoll`;
}

/**
 * The events of a deal's own calendar: its next appointment (a timed event, or all-day without a time), the agreed
 * review and weekly rhythm (src/export/communication-events.ts), and each open deadline (all-day: calendars like
 * Google ignore VTODO). Nothing from `internal`, no team-only action. Times are written in UTC, computed from the
 * configured zone, so no VTIMEZONE is needed and every calendar agrees; the rhythm alone recurs at a floating
 * wall-clock time.
 *
 * Reproducible: DTSTAMP is the deal's "Stand", UIDs derive from slug and item. SEQUENCE comes from the git
 * history (`sequences`, see src/history/event-sequence.ts): the number of the last commit that changed the
 * event, so it rises on every change, also for two changes on one day, and a calendar that imported an earlier
 * version takes the moved appointment as an update instead of a duplicate. Without git history it falls back to
 * the days from 2020-01-01 to the "Stand", which rises only from one day to the next.
 */
export function dealEvents(
  deal: Deal,
  zone: string,
  sequences?: ReadonlyMap<string, number>,
  organizer = defaultOrganizer(deal),
): string[] {
  return dealEventList(deal, zone, sequences, organizer).map((e) => eventText(e.event));
}

/** A deal's events with the key each has in the history: `next`, or `action:<key>`. */
export interface KeyedEvent {
  key: string;
  /** The action's owner, for per-owner feeds. */
  owner?: string;
  /** A deadline of an `internal: true` action: team feeds only, listed after every other event. */
  teamOnly?: true;
  event: CalendarEvent;
}

export function dealEventList(
  deal: Deal,
  zone: string,
  sequences?: ReadonlyMap<string, number>,
  organizer = defaultOrganizer(deal),
  /** `team`: the deadlines of team-only actions too, last and marked (see {@link KeyedEvent.teamOnly}). */
  audience: "team" | "client" = "client",
): KeyedEvent[] {
  const events: KeyedEvent[] = [];
  const t = messages(deal.language);
  const stamp = new Date(dayNumber(deal.asOf) * 86_400_000);
  const fallback = Math.max(0, dayNumber(deal.asOf) - SEQUENCE_EPOCH);
  const sequenceOf = (key: string) => (sequences ? (sequences.get(key) ?? 0) : fallback);
  // Team-only actions never reach the deal's own calendar: not in the meeting's description, deadlines apart.
  const open = openActions(deal).filter((a) => !a.internal);
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
      sequence: sequenceOf("next"),
      organizer,
      summary,
      description,
      ...(next.place ? { location: line(next.place) } : {}),
    };
    if (next.time) {
      const start = appointmentStart({ ...next, time: next.time }, zone);
      events.push({ key: "next", event: { ...common, start, end: new Date(start.getTime() + (next.duration ?? 60) * 60_000) } });
    } else {
      events.push({ key: "next", event: { ...common, start: next.date, end: addDays(next.date, 1) } });
    }
  }
  const base = { stamp, organizer, sequenceOf };
  const name = line(`${deal.customer}: ${deal.title}`);
  const review = reviewEvent(deal, base, name);
  if (review) events.push({ key: "review", event: review });
  const rhythm = rhythmEvent(deal, base, name);
  if (rhythm) events.push({ key: "rhythm", event: rhythm });
  const teamOnly = audience === "team" ? openActions(deal).filter((a) => a.internal) : [];
  for (const action of [...open, ...teamOnly]) {
    if (!action.due) continue;
    const key = `action:${actionKey(deal, action)}`;
    const event: KeyedEvent = {
      key,
      event: {
        uid: actionUid(deal, action),
        stamp,
        sequence: sequenceOf(key),
        organizer,
        start: action.due,
        end: addDays(action.due, 1),
        summary: line(`${t.kindDeadline}: ${action.task}${action.owner ? ` (${action.owner})` : ""}`),
        description: line(`${deal.customer}: ${deal.title}`),
      },
    };
    if (action.owner) event.owner = action.owner;
    if (action.internal) event.teamOnly = true;
    events.push(event);
  }
  return events;
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
