// The print view: what the client recap (PDF) shows, built only from the deal, the configuration and its
// send-readiness — never from today's date, findings or pipeline status, so it cannot leak either.
import type { Config, Sender } from "../config/load-config.js";
import type { SendReadiness } from "../findings/send-readiness.js";
import type { Action, Appointment, Deal, Language, Participant } from "../model/deal.js";
import { recapParties } from "../model/recap-parties.js";
import { formatDate, formatTime, formatWeekday, showsZone, zoneAbbreviation } from "../time/format-date.js";
import type { PlainDate } from "../time/plain-date.js";
import { escapeHtml } from "../util/escape-html.js";
import { keepLegalFormTogether } from "../util/legal-form.js";
import { type Messages, messages } from "./i18n.js";
import { renderInlineMarkdown, renderMarkdown } from "./markdown.js";

export interface PrintAppointment {
  weekday: string;
  date: string;
  /** With the zone where the reader needs it ("16:00 CET"). */
  time?: string;
  duration?: string;
  place?: string;
  agenda: string[];
}

export interface PrintAction {
  task: string;
  note?: string;
  /** Absent when nobody is named: the cell stays neutral, the draft mark says why. */
  owner?: string;
  due?: string;
  status: Action["status"];
  /** "offen", "erledigt", "entfallen". */
  state: string;
  /** When a done action was done. */
  doneOn?: string;
}

export interface PrintSide {
  heading: string;
  people: Participant[];
}

export interface PrintView {
  lang: Language;
  t: Messages;
  /** Not ready to send: the page carries the draft mark. */
  draft: boolean;
  company?: string;
  sender?: Sender;
  title: string;
  customer: string;
  meeting: PrintAppointment;
  sides: PrintSide[];
  summaryHtml: string;
  decisionsHtml: string[];
  terms: { label: string; html: string }[];
  options: OptionView[];
  actions: PrintAction[];
  next?: PrintAppointment;
  communication: { label: string; value: string }[];
  escalation: { when: string; then: string }[];
  /** Each recap list's lines as HTML, by key (see Deal.lists). */
  listsHtml: Record<string, string[]>;
  /** A lost deal's recap says neutrally what was agreed, under "Ergebnis" — never "verloren". */
  outcomeHtml: string;
  asOf: string;
}

/** The PDF's view model. `readiness` decides the draft mark; nothing else about findings reaches the page. */
export function printView(deal: Deal, config: Config, readiness: SendReadiness | undefined): PrintView {
  const language = deal.language;
  const t = messages(language);
  const parties = recapParties(deal, config);
  const sides: PrintSide[] = [];
  if (parties.client.length > 0)
    sides.push({ heading: `${t.participantsOf} ${keepLegalFormTogether(deal.customer)}`, people: parties.client });
  if (parties.ours.length > 0) {
    sides.push({ heading: parties.company ? `${t.participantsOf} ${parties.company}` : t.participants, people: parties.ours });
  }
  const view: PrintView = {
    lang: language,
    t,
    draft: readiness !== undefined && !readiness.ready,
    title: deal.title,
    customer: keepLegalFormTogether(deal.customer),
    meeting: printAppointment(deal.meeting, language, config.timeZone, t),
    sides,
    summaryHtml: renderMarkdown(deal.summary),
    decisionsHtml: deal.decisions.map(renderInlineMarkdown),
    terms: termsView(deal, t),
    options: optionsView(deal),
    // Team-only actions never reach the client recap.
    actions: sortActions(deal.actions.filter((a) => !a.internal)).map((a) => printAction(a, language, t)),
    communication: communicationView(deal, t),
    escalation: deal.escalation,
    listsHtml: listsHtml(deal),
    outcomeHtml: renderMarkdown(deal.lostReason),
    asOf: formatDate(deal.asOf, language),
  };
  if (parties.company) view.company = keepLegalFormTogether(parties.company);
  if (parties.sender) view.sender = parties.sender;
  if (deal.nextMeeting) view.next = printAppointment(deal.nextMeeting, language, config.timeZone, t);
  return view;
}

/**
 * Open actions first, by due date (undated last), then the done ones, then the dropped ones; file order
 * within equal dates, so the order is stable.
 */
export function sortActions(actions: readonly Action[]): Action[] {
  const rank = { open: 0, done: 1, dropped: 2 } as const;
  // Undated last: no date sorts after every date (a plain comparison; locale collation puts "~" first).
  const key = (a: Action): string => (a.status === "done" ? (a.doneOn ?? a.due) : a.due) ?? "9999-99-99";
  const byDate = (a: Action, b: Action) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return [...actions].sort((a, b) => rank[a.status] - rank[b.status] || byDate(a, b) || a.index - b.index);
}

function printAction(a: Action, language: Language, t: Messages): PrintAction {
  const action: PrintAction = { task: a.task, status: a.status, state: t[`action_${a.status}`] };
  if (a.status === "done" && a.doneOn) action.doneOn = formatDate(a.doneOn, language);
  if (a.note) action.note = a.note;
  if (a.owner) action.owner = a.owner;
  if (a.due) action.due = formatDate(a.due, language);
  return action;
}

function printAppointment(a: Appointment, language: Language, zone: string, t: Messages): PrintAppointment {
  const view: PrintAppointment = {
    weekday: formatWeekday(a.date, language),
    date: formatDate(a.date, language),
    agenda: a.agenda ?? [],
  };
  if (a.time) {
    const zoneName = showsZone(language, zone) ? ` ${zoneAbbreviation(a.date, a.time, zone, language)}` : "";
    view.time = `${formatTime(a.time, language)}${zoneName}`;
  }
  if (a.duration) view.duration = `${a.duration} ${t.minutes}`;
  if (a.place) view.place = a.place;
  return view;
}

/** "1 Exemplar", "2 Exemplare"; "1 copy", "2 copies". */
export function copiesLabel(count: number, t: Messages): string {
  return `${count} ${count === 1 ? t.copy : t.copies}`;
}

/** One option the deal weighed, with its "if – then" and success criteria rendered; `chosen` marks the pick. */
export interface OptionView {
  key: string;
  title: string;
  ifThenHtml: string;
  /** False when the text starts with "Wenn"/"If" itself: "Wenn – dann: Wenn …" said it twice. */
  ifThenLabelled: boolean;
  timeframe?: string;
  successHtml: string;
  chosen: boolean;
}

/** The options of the deal, as the page and the PDF show them. */
export function optionsView(deal: Deal): OptionView[] {
  return deal.options.map((o) => {
    const option: OptionView = {
      key: o.key,
      title: o.title,
      ifThenHtml: renderInlineMarkdown(o.if_then),
      ifThenLabelled: !/^\s*(?:wenn|falls|if)\b/i.test(o.if_then ?? ""),
      successHtml: renderInlineMarkdown(o.success),
      chosen: o.key === deal.chosenOption,
    };
    if (o.timeframe) option.timeframe = o.timeframe;
    return option;
  });
}

/** The deal's recap lists with their lines rendered (inline Markdown), by key. */
export function listsHtml(deal: Deal): Record<string, string[]> {
  const html: Record<string, string[]> = Object.create(null);
  for (const [key, lines] of Object.entries(deal.lists)) html[key] = lines.map(renderInlineMarkdown);
  return html;
}

/** The facts of the deal as label/HTML rows (Markdown rendered, the rest escaped). */
export function termsView(deal: Deal, t: Messages): { label: string; html: string }[] {
  const terms: { label: string; html: string }[] = [];
  const tm = deal.terms;
  if (tm?.delivery) terms.push({ label: t.delivery, html: renderInlineMarkdown(tm.delivery) });
  if (tm?.payment) terms.push({ label: t.payment, html: renderInlineMarkdown(tm.payment) });
  if (tm?.pricing) terms.push({ label: t.pricing, html: renderInlineMarkdown(tm.pricing) });
  if (tm?.contract_term) terms.push({ label: t.contractTerm, html: renderInlineMarkdown(tm.contract_term) });
  if (tm?.confirmation) {
    const parts: string[] = [];
    if (tm.confirmation.channel) parts.push(escapeHtml(t[`channel_${tm.confirmation.channel}`]));
    if (tm.confirmation.copies) parts.push(escapeHtml(copiesLabel(tm.confirmation.copies, t)));
    terms.push({ label: t.confirmation, html: parts.join(", ") });
  }
  for (const other of tm?.other ?? []) terms.push({ label: t.otherTerms, html: renderInlineMarkdown(other) });
  return terms;
}

export function communicationView(deal: Deal, t: Messages): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const rhythm = deal.communication?.rhythm;
  if (typeof rhythm === "string") rows.push({ label: t.rhythm, value: rhythm });
  else if (rhythm) {
    const length = rhythm.duration ? `, ${rhythm.duration} ${t.minutes}` : "";
    rows.push({ label: t.rhythm, value: `${t[`weekly_${rhythm.weekday}`]} ${rhythm.time}${length}` });
  }
  // Under the heading "Kommunikation" the row is the channel ("Kommunikation / Kommunikation" said it twice).
  if (deal.communication?.channel) rows.push({ label: t.channel, value: deal.communication.channel });
  if (deal.communication?.review) {
    rows.push({ label: t.review, value: formatDate(deal.communication.review as PlainDate, deal.language) });
  }
  return rows;
}
