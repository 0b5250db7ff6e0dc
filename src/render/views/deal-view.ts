import { markOf } from "../../findings/level.js";
import type { SendReadiness } from "../../findings/send-readiness.js";
import { isOverdue } from "../../model/actions.js";
import type { Action, Appointment, Deal, Language } from "../../model/deal.js";
import type { Kpi } from "../../model/kpi.js";
import { hasCalendarItems } from "../../model/schedule.js";
import type { Analysis, DealResult } from "../../pipeline.js";
import { formatDate, formatTime, formatWeekday } from "../../time/format-date.js";
import type { PlainDate } from "../../time/plain-date.js";
import { outputLayout } from "../../util/output-layout.js";
import { findingTitle, type Messages, messages, reviewMessages } from "../i18n.js";
import { renderInlineMarkdown, renderMarkdown } from "../markdown.js";
import { communicationView, listsHtml, type OptionView, optionsView, termsView } from "../print-view.js";
import { visibleControls } from "../visible-controls.js";
import { type FindingView, findingView } from "./finding-view.js";
import { type FollowUpView, followUpView } from "./follow-up-view.js";

/**
 * The deal page (and, with print = true, the PDF): every string already formatted for the deal's language,
 * Markdown already rendered (markdown-it, raw HTML off). Templates only lay out; they never compute or format.
 */
export interface AppointmentView {
  date: string;
  iso: PlainDate;
  weekday: string;
  time?: string;
  duration?: string;
  place?: string;
  agenda: string[];
}

export interface ActionView {
  task: string;
  owner?: string;
  due?: string;
  dueIso?: PlainDate;
  status: Action["status"];
  statusLabel: string;
  doneOn?: string;
  note?: string;
  overdue: boolean;
  pushedBack?: number;
  /** Team-only (`internal: true`): marked on the team page, absent from every client output. */
  internal?: true;
  findings: FindingView[];
}

export interface KpiView {
  open: number;
  overdue: number;
  onTime: string;
  onTimeBelowGoal: boolean;
}

/** Send-readiness as pages show it: "versandbereit ✓" or what is missing. */
export interface ReadinessView {
  ready: boolean;
  label: string;
  /** What keeps the recap from going out, e.g. "2× Ohne Frist"; empty when ready. */
  missing: string[];
}

export function readinessView(readiness: SendReadiness | undefined, language: Language): ReadinessView {
  const t = messages(language);
  if (!readiness || readiness.ready) return { ready: true, label: t.readyToSend, missing: [] };
  return {
    ready: false,
    label: t.notReadyToSend,
    missing: readiness.counts.map(({ code, count }) => `${count > 1 ? `${count}× ` : ""}${findingTitle(code, language)}`),
  };
}

export interface DealView {
  slug: string;
  url: string;
  file: string;
  lang: Language;
  t: Messages;
  title: string;
  customer: string;
  status: Deal["status"];
  statusLabel: string;
  meeting: AppointmentView;
  participants: Deal["participants"];
  summaryHtml: string;
  decisionsHtml: string[];
  terms: { label: string; html: string }[];
  options: OptionView[];
  actions: ActionView[];
  /** Each recap list's lines as HTML, by key (see Deal.lists). */
  listsHtml: Record<string, string[]>;
  next?: AppointmentView;
  communication: { label: string; value: string }[];
  escalation: { when: string; then: string }[];
  lostReasonHtml: string;
  protocolSent?: string;
  asOf: string;
  gitHash?: string;
  company?: string;
  internal?: { notesHtml: string; signalsHtml: string[]; lessonsHtml: string[]; hiddenNeedsHtml: string[] };
  /** The follow-up for the team: contact log, missed deadlines, commitment, team-only list items. */
  followUp?: FollowUpView;
  findings: FindingView[];
  dealFindings: FindingView[];
  kpi: KpiView;
  readiness: ReadinessView;
  /** The deal has an .ics file (something to schedule). */
  hasCalendar: boolean;
  errors: number;
  warnings: number;
  pastMeetings: PastMeetingView[];
  pastTitle: string;
  pastFirst: string;
  pastPdf: string;
}

/** One earlier meeting on the deal page ("Verlauf"), already in words (see src/diff/protocol-history.ts). */
export interface PastMeetingView {
  date: string;
  /** Short commit hash: `protokoll build --at <short>` rebuilds the PDF as it was. */
  short: string;
  /** A folder name for that build. */
  out: string;
  changes: string[];
}

/** One formatter per language: making one costs more than formatting a thousand numbers with it. */
const percentFormats = new Map<Language, Intl.NumberFormat>();

export function percent(value: number | null, language: Language): string {
  if (value === null) return "–";
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 0 });
    percentFormats.set(language, format);
  }
  return `${format.format(value * 100)} %`;
}

export function kpiView(kpi: Kpi | undefined, language: Language, goal: number): KpiView {
  const k = kpi ?? { open: 0, overdue: 0, onTimeRate: null };
  return {
    open: k.open,
    overdue: k.overdue,
    onTime: percent(k.onTimeRate, language),
    onTimeBelowGoal: k.onTimeRate !== null && k.onTimeRate < goal,
  };
}

function appointmentView(a: Appointment, language: Language, t: Messages): AppointmentView {
  const view: AppointmentView = {
    date: formatDate(a.date, language),
    iso: a.date,
    weekday: formatWeekday(a.date, language),
    agenda: a.agenda ?? [],
  };
  if (a.time) view.time = formatTime(a.time, language);
  if (a.duration) view.duration = `${a.duration} ${t.minutes}`;
  if (a.place) view.place = a.place;
  return view;
}

export function dealView(result: DealResult & { deal: Deal }, analysis: Analysis): DealView {
  const past = reviewMessages(result.deal.language);
  const { deal } = result;
  const language = deal.language;
  const t = messages(language);
  const findings = result.findings.map((f) => findingView(f, language, markOf(f, deal, analysis.today, analysis.config)));
  const perAction = new Map<number, FindingView[]>();
  const dealFindings: FindingView[] = [];
  result.findings.forEach((f, i) => {
    const view = findings[i] as FindingView;
    if (f.action === undefined) dealFindings.push(view);
    else perAction.set(f.action, [...(perAction.get(f.action) ?? []), view]);
  });
  // The list at the top of the page is where the index chips point: the first finding of each kind gets an id.
  const seen = new Set<string>();
  const listed = findings.map((f) => (seen.has(f.code) ? f : (seen.add(f.code), { ...f, anchor: `finding-${f.code}` })));

  const terms = termsView(deal, t);
  const communication = communicationView(deal, t);

  const view: DealView = {
    slug: deal.slug,
    url: outputLayout.dealFolder(deal.slug),
    file: visibleControls(deal.file),
    lang: language,
    t,
    title: deal.title,
    customer: deal.customer,
    status: deal.status,
    statusLabel: t[`status_${deal.status}`],
    meeting: appointmentView(deal.meeting, language, t),
    participants: deal.participants,
    summaryHtml: renderMarkdown(deal.summary),
    decisionsHtml: deal.decisions.map(renderInlineMarkdown),
    terms,
    options: optionsView(deal),
    actions: deal.actions.map((a) => {
      const action: ActionView = {
        task: a.task,
        status: a.status,
        statusLabel: t[`action_${a.status}`],
        overdue: isOverdue(a, analysis.today),
        findings: perAction.get(a.index) ?? [],
      };
      if (a.owner) action.owner = a.owner;
      if (a.due) {
        action.due = formatDate(a.due, language);
        action.dueIso = a.due;
      }
      if (a.doneOn) action.doneOn = formatDate(a.doneOn, language);
      if (a.note) action.note = a.note;
      if (a.pushedBack) action.pushedBack = a.pushedBack;
      if (a.internal) action.internal = true;
      return action;
    }),
    listsHtml: listsHtml(deal),
    communication,
    escalation: deal.escalation,
    lostReasonHtml: renderMarkdown(deal.lostReason),
    asOf: formatDate(deal.asOf, language),
    findings: listed,
    dealFindings,
    kpi: kpiView(result.kpi, language, analysis.config.thresholds.onTimeGoal),
    readiness: readinessView(result.readiness, language),
    hasCalendar: hasCalendarItems(deal),
    errors: result.findings.filter((f) => f.severity === "error").length,
    warnings: result.findings.filter((f) => f.severity === "warning").length,
    pastMeetings: [],
    pastTitle: past.pastTitle,
    pastFirst: past.pastFirst,
    pastPdf: past.pastPdf,
  };
  if (deal.nextMeeting) view.next = appointmentView(deal.nextMeeting, language, t);
  if (deal.protocolSent) view.protocolSent = formatDate(deal.protocolSent, language);
  if (deal.git) view.gitHash = deal.git.shortHash;
  if (analysis.config.company.name) view.company = analysis.config.company.name;
  const followUp = followUpView(deal, analysis.config, analysis.today);
  if (followUp) view.followUp = followUp;
  if (deal.internal) {
    view.internal = {
      notesHtml: renderMarkdown(deal.internal.notes),
      signalsHtml: deal.internal.signals.map(renderInlineMarkdown),
      lessonsHtml: deal.internal.lessons.map(renderInlineMarkdown),
      hiddenNeedsHtml: deal.internal.hiddenNeeds.map(renderInlineMarkdown),
    };
  }
  return view;
}
