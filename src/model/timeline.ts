// One timeline per deal: what happened when — the meeting, the recap sent, every contact, the actions done,
// and what git remembers (deadlines re-dated after they had passed). Built once here, read by the rules in
// src/findings/ and by the deal page; nothing in it depends on today.
import type { Config } from "../config/load-config.js";
import type { PlainDate } from "../time/plain-date.js";
import type { Action, Contact, Deal, Redated } from "./deal.js";
import { ownerKey } from "./owner-directory.js";
import { recapParties } from "./recap-parties.js";

export type Side = "ours" | "client";

export type TimelineEvent =
  | { kind: "meeting"; date: PlainDate }
  | { kind: "recap-sent"; date: PlainDate }
  | { kind: "contact"; date: PlainDate; contact: Contact }
  | { kind: "action-done"; date: PlainDate; action: Action; side: Side }
  | { kind: "redated"; date: PlainDate; redated: Redated; side: Side };

export interface Timeline {
  /** Oldest first; on one day in the order above (meeting, recap, contacts in file order, actions, git). */
  events: TimelineEvent[];
  /**
   * The last contact: the latest of the meeting, the recap sent, any contact and any client-side action done.
   * Never a commit, `updated` or the "Stand".
   */
  lastContact: PlainDate;
  /** The last day the client answered: the meeting, an inbound contact, or a contact in person. */
  lastAnswer: PlainDate;
  /** The day we started waiting for an answer: our latest outbound touch (contact, recap, meeting) after it. */
  waitingSince?: PlainDate;
  /** The contact `waitingSince` comes from, when it is one. */
  waitingContact?: Contact;
}

const ORDER: Record<TimelineEvent["kind"], number> = { meeting: 0, "recap-sent": 1, contact: 2, "action-done": 3, redated: 4 };

/** A contact in which the client answered: an inbound one, or a meeting or visit (both sides were there). */
export function isAnswer(contact: Contact): boolean {
  return contact.direction === "in" || contact.channel === "meeting" || contact.channel === "visit";
}

/** Whose an action is: the client's when its owner is a participant of the client's side, else ours. */
export function sideOf(owner: string | undefined, clientNames: ReadonlySet<string>): Side {
  return owner !== undefined && clientNames.has(ownerKey(owner)) ? "client" : "ours";
}

export function clientNames(deal: Deal, config: Config): Set<string> {
  return new Set(recapParties(deal, config).client.map((p) => ownerKey(p.name)));
}

/**
 * Who on our side answers for a deal's deal-wide follow-up findings (follow-up-due, deal-stale, …), by
 * {@link ownerKey}: our participants, the sender (the deal's, else the configuration's), and every owner of one of
 * its actions who is not on the client's side. The client's people never: the follow-up is ours to do.
 */
export function ourPeople(deal: Deal, config: Config): Set<string> {
  const parties = recapParties(deal, config);
  const client = new Set(parties.client.map((p) => ownerKey(p.name)));
  const people = new Set(parties.ours.map((p) => ownerKey(p.name)));
  if (parties.sender && !client.has(ownerKey(parties.sender.name))) people.add(ownerKey(parties.sender.name));
  for (const action of deal.actions) {
    if (action.owner && !client.has(ownerKey(action.owner))) people.add(ownerKey(action.owner));
  }
  return people;
}

export function timelineOf(deal: Deal, config: Config): Timeline {
  const client = clientNames(deal, config);
  const events: TimelineEvent[] = [{ kind: "meeting", date: deal.meeting.date }];
  if (deal.protocolSent) events.push({ kind: "recap-sent", date: deal.protocolSent });
  for (const contact of deal.contacts) events.push({ kind: "contact", date: contact.date, contact });
  for (const action of deal.actions) {
    if (action.status === "done" && action.doneOn) {
      events.push({ kind: "action-done", date: action.doneOn, action, side: sideOf(action.owner, client) });
    }
  }
  for (const redated of deal.git?.redated ?? []) {
    events.push({ kind: "redated", date: redated.on, redated, side: sideOf(redated.owner, client) });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ORDER[a.kind] - ORDER[b.kind]));

  let lastContact = deal.meeting.date;
  for (const e of events) {
    const touch = e.kind === "recap-sent" || e.kind === "contact" || (e.kind === "action-done" && e.side === "client");
    if (touch && e.date > lastContact) lastContact = e.date;
  }
  const answers = deal.contacts.filter(isAnswer).map((c) => c.date);
  const lastAnswer = [deal.meeting.date, ...answers].sort().at(-1) as PlainDate;
  const timeline: Timeline = { events, lastContact, lastAnswer };

  // Waiting: since our latest outbound touch after the last answer; without one, since the meeting — unless a
  // contact answered last (an answer on the day of our touch counts as answering it).
  let waiting: { date: PlainDate; contact?: Contact } | undefined = answers.includes(lastAnswer)
    ? undefined
    : { date: deal.meeting.date };
  if (deal.protocolSent && deal.protocolSent > lastAnswer) waiting = { date: deal.protocolSent };
  for (const c of deal.contacts) {
    if (!isAnswer(c) && c.date > lastAnswer && (!waiting || c.date >= waiting.date)) waiting = { date: c.date, contact: c };
  }
  if (waiting) {
    timeline.waitingSince = waiting.date;
    if (waiting.contact) timeline.waitingContact = waiting.contact;
  }
  return timeline;
}
