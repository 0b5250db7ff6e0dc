import type { PlainDate } from "../time/plain-date.js";
import type { DealFile } from "../validate/deal-file.generated.js";
import { recapLists } from "../validate/schemas.js";
import type { Action, Appointment, Deal, GitFacts } from "./deal.js";

/** Turns schema-valid file data into the model. Pure: the same input gives the same deal. */
export function buildDeal(slug: string, file: string, data: DealFile, git?: GitFacts): Deal {
  const deal: Deal = {
    slug,
    file,
    title: data.title,
    customer: data.customer,
    status: data.status ?? "active",
    language: data.language ?? "de",
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
      return action;
    }),
    // The schema makes every recap list an array of Markdown strings (a test checks each one it marks).
    lists: Object.fromEntries(
      recapLists().map((key) => [key, (data as unknown as Record<string, string[] | undefined>)[key] ?? []]),
    ),
    escalation: data.escalation ?? [],
    // Contract v3: never a commit date — a commit on 07.12. must not re-date the recap of a meeting of 02.11.
    asOf: (data.updated ?? data.protocol_sent ?? data.meeting.date) as PlainDate,
  };
  if (data.sender) deal.sender = data.sender;
  if (data.summary?.trim()) deal.summary = data.summary;
  if (data.terms) deal.terms = data.terms;
  if (data.chosen_option) deal.chosenOption = data.chosen_option;
  if (data.next_meeting) deal.nextMeeting = appointment(data.next_meeting);
  if (data.communication) deal.communication = data.communication;
  if (data.lost_reason?.trim()) deal.lostReason = data.lost_reason;
  if (data.protocol_sent) deal.protocolSent = data.protocol_sent as PlainDate;
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
