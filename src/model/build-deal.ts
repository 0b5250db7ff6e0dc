import type { PlainDate } from "../time/plain-date.js";
import type { DealFile } from "../validate/deal-file.generated.js";
import { recapLists } from "../validate/schemas.js";
import type { AbortCriterion, Action, Appointment, CascadeStep, Communication, Contact, Deal, GitFacts } from "./deal.js";

/** Turns schema-valid file data into the model. Pure: the same input gives the same deal. */
export function buildDeal(slug: string, file: string, data: DealFile, git?: GitFacts): Deal {
  const deal: Deal = {
    slug,
    file,
    title: data.title,
    customer: data.customer,
    status: data.status ?? "active",
    language: data.language ?? "de",
    address: data.address ?? "Sie",
    meeting: appointment(data.meeting),
    participants: data.participants ?? [],
    decisions: data.decisions ?? [],
    options: data.options ?? [],
    actions: (data.actions ?? []).map((entry, index) => {
      const action: Action = { index, task: entry.task, status: entry.status ?? "open" };
      if (entry.id) action.id = entry.id;
      if (entry.owner?.trim()) action.owner = entry.owner.trim();
      if (entry.due) action.due = entry.due as PlainDate;
      if (entry.done_on) action.doneOn = entry.done_on as PlainDate;
      if (entry.note) action.note = entry.note;
      if (entry.internal) action.internal = true;
      return action;
    }),
    ...splitLists(data),
    abortCriteria: (data.abort_criteria ?? []).map((item, index) => {
      if (typeof item === "string") return { index, text: item, internal: false };
      const criterion: AbortCriterion = { index, text: item.text, internal: item.internal === true };
      if (item.by) criterion.by = item.by as PlainDate;
      return criterion;
    }),
    contacts: (data.contacts ?? []).map((entry, index) => {
      const contact: Contact = {
        index,
        date: entry.date as PlainDate,
        channel: entry.channel,
        direction: entry.direction,
        evasive: entry.evasive === true,
      };
      if (entry.with?.trim()) contact.with = entry.with.trim();
      if (entry.note) contact.note = entry.note;
      return contact;
    }),
    cascade: (data.escalation ?? []).flatMap((item, index): CascadeStep[] =>
      "step" in item ? [{ afterDays: item.after_days, step: item.step, index }] : [],
    ),
    // biome-ignore lint/suspicious/noThenProperty: `then` is a key of v2 escalation steps.
    escalation: (data.escalation ?? []).flatMap((item) => ("when" in item ? [{ when: item.when, then: item.then }] : [])),
    // Contract v3: never a commit date — a commit on 07.12. must not re-date the recap of a meeting of 02.11.
    asOf: (data.updated ?? data.protocol_sent ?? data.meeting.date) as PlainDate,
  };
  if (data.sender) deal.sender = data.sender;
  if (data.summary?.trim()) deal.summary = data.summary;
  if (data.terms) deal.terms = data.terms;
  if (data.chosen_option) deal.chosenOption = data.chosen_option;
  if (data.next_meeting) deal.nextMeeting = appointment(data.next_meeting);
  if (data.communication) deal.communication = communication(data.communication);
  if (data.kpi) {
    deal.commitment = {
      goal: data.kpi.goal,
      windowDays: data.kpi.window_days ?? 30,
      since: (data.kpi.since ?? data.meeting.date) as PlainDate,
    };
    if (data.kpi.exit_option) deal.commitment.exitOption = data.kpi.exit_option;
  }
  if (data.lost_reason?.trim()) deal.lostReason = data.lost_reason;
  if (data.protocol_sent) deal.protocolSent = data.protocol_sent as PlainDate;
  if (data.updated) deal.updated = data.updated as PlainDate;
  if (git) deal.git = git;
  if (data.internal) {
    deal.internal = {
      signals: data.internal.signals ?? [],
      lessons: data.internal.lessons ?? [],
      hiddenNeeds: data.internal.hidden_needs ?? [],
    };
    if (data.internal.notes?.trim()) deal.internal.notes = data.internal.notes;
  }
  return deal;
}

function appointment(source: NonNullable<DealFile["next_meeting"]> | DealFile["meeting"]): Appointment {
  const result: Appointment = { date: source.date as PlainDate };
  if (source.time) result.time = source.time;
  if (source.duration) result.duration = source.duration;
  if (source.place) result.place = source.place;
  if ("agenda" in source && source.agenda) result.agenda = source.agenda;
  return result;
}

/**
 * The recap lists split by audience: `lists` holds what the client may read (every key present), `internalLists`
 * the items marked `internal: true`. Items are Markdown strings or `{text, internal}` (see the schema's
 * recap-list mark; a test checks each list it marks).
 */
function splitLists(data: DealFile): Pick<Deal, "lists" | "internalLists"> {
  const lists: Record<string, string[]> = {};
  const internalLists: Record<string, string[]> = {};
  for (const key of recapLists()) {
    const items = (data as unknown as Record<string, (string | { text: string; internal?: boolean })[] | undefined>)[key];
    lists[key] = [];
    for (const item of items ?? []) {
      if (typeof item === "string") lists[key].push(item);
      else if (item.internal !== true) lists[key].push(item.text);
      else internalLists[key] = [...(internalLists[key] ?? []), item.text];
    }
  }
  return { lists, internalLists };
}

function communication(source: NonNullable<DealFile["communication"]>): Communication {
  const result: Communication = {};
  if (typeof source.rhythm === "string") result.rhythm = source.rhythm;
  else if (source.rhythm) {
    result.rhythm = { weekday: source.rhythm.weekday, time: source.rhythm.time };
    if (source.rhythm.duration) result.rhythm.duration = source.rhythm.duration;
  }
  if (source.channel) result.channel = source.channel;
  if (source.review) result.review = source.review as PlainDate;
  return result;
}
