import { type Finding, type FindingCode, type Severity, wordFinding } from "../errors.js";
import type { SendReadiness } from "../findings/send-readiness.js";
import type { Action, Appointment, Deal, Language } from "../model/deal.js";
import type { Kpi } from "../model/kpi.js";
import { hasCalendarItems } from "../model/schedule.js";
import type { Analysis, DealResult } from "../pipeline.js";
import { formatDate, formatTime, formatWeekday } from "../time/format-date.js";
import type { PlainDate } from "../time/plain-date.js";
import { addDays } from "../time/plain-date.js";
import { findingTitle, type Messages, messages } from "./i18n.js";
import { renderInlineMarkdown, renderMarkdown } from "./markdown.js";
import { communicationView, termsView } from "./print-view.js";

/**
 * What templates see: every string already formatted for the deal's language, Markdown already rendered
 * (markdown-it, raw HTML off). Templates only lay out; they never compute or format.
 */
export interface FindingView {
  code: FindingCode;
  severity: Severity;
  severityLabel: string;
  title: string;
  message: string;
  hint: string;
  line: number;
  column: number;
  file: string;
}

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
  findings: FindingView[];
}

/** Send-readiness as pages show it: "versandbereit ✓" or what is missing. */
export interface ReadinessView {
  ready: boolean;
  label: string;
  /** What keeps the recap from going out, e.g. "2× Ohne Frist"; empty when ready. */
  missing: string[];
}

export interface KpiView {
  open: number;
  overdue: number;
  onTime: string;
  onTimeBelowGoal: boolean;
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
  options: { key: string; title: string; ifThenHtml: string; timeframe?: string; successHtml: string; chosen: boolean }[];
  actions: ActionView[];
  risksHtml: string[];
  next?: AppointmentView;
  communication: { label: string; value: string }[];
  escalation: { when: string; then: string }[];
  abortCriteriaHtml: string[];
  lostReasonHtml: string;
  protocolSent?: string;
  asOf: string;
  gitHash?: string;
  company?: string;
  internal?: { notesHtml: string; signalsHtml: string[]; lessonsHtml: string[]; hiddenNeedsHtml: string[] };
  findings: FindingView[];
  dealFindings: FindingView[];
  kpi: KpiView;
  readiness: ReadinessView;
  /** The deal has an .ics file (something to schedule). */
  hasCalendar: boolean;
  errors: number;
  warnings: number;
}

export interface IndexRow {
  slug: string;
  url?: string;
  file: string;
  title: string;
  customer?: string;
  status?: Deal["status"];
  statusLabel: string;
  meeting?: string;
  next?: string;
  open: number;
  overdue: number;
  onTime: string;
  findings: FindingView[];
  /** Absent for a broken file: it is neither ready nor a draft. */
  readiness?: ReadinessView;
  errors: number;
  warnings: number;
  broken: boolean;
}

/** One open action on the "who does what by when" pages. */
export interface OwnerAction {
  task: string;
  owner?: string;
  due?: string;
  dueIso?: PlainDate;
  overdue: boolean;
  dealTitle: string;
  dealUrl: string;
  customer: string;
  findings: FindingView[];
}

export interface OwnerPage {
  slug: string;
  name: string;
  /** True for the group of actions nobody owns. */
  nobody: boolean;
  actions: OwnerAction[];
  overdue: number;
}

export interface UpcomingItem {
  kind: "meeting" | "deadline";
  date: string;
  dateIso: PlainDate;
  weekday: string;
  time?: string;
  title: string;
  detail: string;
  dealUrl: string;
}

export interface FilterPage {
  slug: string;
  title: string;
  code?: FindingCode;
  severity?: Severity;
  rows: IndexRow[];
}

export interface SiteView {
  lang: Language;
  t: Messages;
  today: string;
  todayIso: PlainDate;
  company?: string;
  deals: DealView[];
  rows: IndexRow[];
  summary: {
    deals: number;
    errors: number;
    warnings: number;
    missingOwner: number;
    vagueOwner: number;
    nextPast: number;
    missingDue: number;
    overdue: number;
    late: number;
    noNext: number;
  };
  kpi: KpiView;
  goal: string;
  owners: OwnerPage[];
  upcoming: UpcomingItem[];
  upcomingDays: number;
  lessons: { title: string; customer: string; url: string; lessonsHtml: string[]; signalsHtml: string[] }[];
  findingPages: FilterPage[];
  statusPages: FilterPage[];
  /** `send/ready/` and `send/not-ready/`. */
  readinessPages: FilterPage[];
}

function percent(value: number | null, language: Language): string {
  if (value === null) return "–";
  return `${new Intl.NumberFormat(language === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 0 }).format(value * 100)} %`;
}

function kpiView(kpi: Kpi | undefined, language: Language, goal: number): KpiView {
  const k = kpi ?? { open: 0, overdue: 0, onTimeRate: null };
  return {
    open: k.open,
    overdue: k.overdue,
    onTime: percent(k.onTimeRate, language),
    onTimeBelowGoal: k.onTimeRate !== null && k.onTimeRate < goal,
  };
}

export function findingView(f: Finding, language: Language): FindingView {
  const t = messages(language);
  return {
    code: f.code,
    severity: f.severity,
    severityLabel: f.severity === "error" ? t.error : t.warning,
    title: findingTitle(f.code, language),
    ...wordFinding(f, language),
    line: f.line,
    column: f.column,
    file: f.file,
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

export function readinessView(readiness: SendReadiness | undefined, language: Language): ReadinessView {
  const t = messages(language);
  if (!readiness || readiness.ready) return { ready: true, label: t.readyToSend, missing: [] };
  return {
    ready: false,
    label: t.notReadyToSend,
    missing: readiness.counts.map(({ code, count }) => `${count > 1 ? `${count}× ` : ""}${findingTitle(code, language)}`),
  };
}

export function dealView(result: DealResult & { deal: Deal }, analysis: Analysis): DealView {
  const { deal } = result;
  const language = deal.language;
  const t = messages(language);
  const findings = result.findings.map((f) => findingView(f, language));
  const perAction = new Map<number, FindingView[]>();
  const dealFindings: FindingView[] = [];
  result.findings.forEach((f, i) => {
    const view = findings[i] as FindingView;
    if (f.action === undefined) dealFindings.push(view);
    else perAction.set(f.action, [...(perAction.get(f.action) ?? []), view]);
  });

  const terms = termsView(deal, t);
  const communication = communicationView(deal, t);

  const view: DealView = {
    slug: deal.slug,
    url: `deals/${deal.slug}/`,
    file: deal.file,
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
    options: deal.options.map((o) => {
      const option: DealView["options"][number] = {
        key: o.key,
        title: o.title,
        ifThenHtml: renderInlineMarkdown(o.if_then),
        successHtml: renderInlineMarkdown(o.success),
        chosen: o.key === deal.chosenOption,
      };
      if (o.timeframe) option.timeframe = o.timeframe;
      return option;
    }),
    actions: deal.actions.map((a) => {
      const action: ActionView = {
        task: a.task,
        status: a.status,
        statusLabel: t[`action_${a.status}`],
        overdue: a.status === "open" && a.due !== undefined && a.due < analysis.today,
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
      return action;
    }),
    risksHtml: deal.risks.map(renderInlineMarkdown),
    communication,
    escalation: deal.escalation,
    abortCriteriaHtml: deal.abortCriteria.map(renderInlineMarkdown),
    lostReasonHtml: renderMarkdown(deal.lostReason),
    asOf: formatDate(deal.asOf, language),
    findings,
    dealFindings,
    kpi: kpiView(result.kpi, language, analysis.config.thresholds.onTimeGoal),
    readiness: readinessView(result.readiness, language),
    hasCalendar: hasCalendarItems(deal),
    errors: result.findings.filter((f) => f.severity === "error").length,
    warnings: result.findings.filter((f) => f.severity === "warning").length,
  };
  if (deal.nextMeeting) view.next = appointmentView(deal.nextMeeting, language, t);
  if (deal.protocolSent) view.protocolSent = formatDate(deal.protocolSent, language);
  if (deal.git) view.gitHash = deal.git.shortHash;
  if (analysis.config.company.name) view.company = analysis.config.company.name;
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

/** Most urgent first: errors, then overdue actions, then other warnings, then the earliest meeting. */
function urgency(a: IndexRow, b: IndexRow): number {
  return b.errors - a.errors || b.overdue - a.overdue || b.warnings - a.warnings || a.file.localeCompare(b.file);
}

export function siteView(analysis: Analysis): SiteView {
  const language = analysis.config.siteLanguage;
  const t = messages(language);
  const goal = analysis.config.thresholds.onTimeGoal;
  const deals: DealView[] = [];
  const rows: IndexRow[] = analysis.deals.map((result) => {
    const findings = result.findings.map((f) => findingView(f, language));
    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.length - errors;
    if (!result.deal) {
      return {
        slug: result.slug,
        file: result.file,
        title: result.file,
        statusLabel: t.brokenDeal,
        open: 0,
        overdue: 0,
        onTime: "–",
        findings,
        errors,
        warnings,
        broken: true,
      };
    }
    const view = dealView(result as DealResult & { deal: Deal }, analysis);
    deals.push(view);
    const deal = result.deal;
    const row: IndexRow = {
      slug: deal.slug,
      url: view.url,
      file: deal.file,
      title: deal.title,
      customer: deal.customer,
      status: deal.status,
      statusLabel: t[`status_${deal.status}`],
      meeting: formatDate(deal.meeting.date, language),
      open: view.kpi.open,
      overdue: view.kpi.overdue,
      onTime: kpiView(result.kpi, language, goal).onTime,
      findings,
      readiness: readinessView(result.readiness, language),
      errors,
      warnings,
      broken: false,
    };
    if (deal.nextMeeting) {
      row.next = `${formatDate(deal.nextMeeting.date, language)}${deal.nextMeeting.time ? `, ${formatTime(deal.nextMeeting.time, language)}` : ""}`;
    }
    return row;
  });
  rows.sort(urgency);

  const count = (code: FindingCode) => analysis.deals.reduce((n, d) => n + d.findings.filter((f) => f.code === code).length, 0);
  const view: SiteView = {
    lang: language,
    t,
    today: formatDate(analysis.today, language),
    todayIso: analysis.today,
    deals,
    rows,
    summary: {
      ...analysis.summary,
      missingOwner: count("missing-owner"),
      vagueOwner: count("vague-owner"),
      missingDue: count("missing-due"),
      overdue: count("overdue"),
      late: count("protocol-late"),
      noNext: count("missing-next-meeting"),
      nextPast: count("next-meeting-past"),
    },
    kpi: kpiView(analysis.kpi, language, goal),
    goal: percent(goal, language),
    owners: ownerPages(deals, language),
    upcoming: upcomingItems(analysis, language),
    upcomingDays: analysis.config.thresholds.upcomingDays,
    lessons: deals
      .filter((d) => d.internal && (d.internal.lessonsHtml.length > 0 || d.internal.signalsHtml.length > 0))
      .map((d) => ({
        title: d.title,
        customer: d.customer,
        url: d.url,
        lessonsHtml: d.internal?.lessonsHtml ?? [],
        signalsHtml: d.internal?.signalsHtml ?? [],
      })),
    ...filterPages(rows, language),
  };
  if (analysis.config.company.name) view.company = analysis.config.company.name;
  return view;
}

function filterPages(
  rows: IndexRow[],
  language: Language,
): { findingPages: FilterPage[]; statusPages: FilterPage[]; readinessPages: FilterPage[] } {
  const t = messages(language);
  const codes = new Map<FindingCode, Severity>();
  for (const row of rows) for (const f of row.findings) codes.set(f.code, f.severity);
  const findingPages = [...codes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, severity]) => ({
      slug: code,
      code,
      severity,
      title: findingTitle(code, language),
      // Each row shows only the findings the page is about: the filter answers one question, and at
      // 10 000 deals listing every finding of every row made these pages tens of megabytes.
      rows: rows.flatMap((row) => {
        const findings = row.findings.filter((f) => f.code === code);
        return findings.length > 0 ? [{ ...row, findings }] : [];
      }),
    }));
  const statuses = ["active", "won", "lost", "paused"] as const;
  const statusPages = statuses.map((status) => ({
    slug: status,
    title: t[`status_${status}`],
    rows: rows.filter((row) => row.status === status),
  }));
  const readinessPages = [
    { slug: "ready", title: t.filterReady, rows: rows.filter((row) => row.readiness?.ready === true) },
    { slug: "not-ready", title: t.filterNotReady, rows: rows.filter((row) => row.readiness?.ready === false) },
  ];
  return { findingPages, statusPages, readinessPages };
}

/** URL-safe slug of a person's name ("Ülkü Demir" → "uelkue-demir"). */
export function ownerSlug(name: string): string {
  const slug = name
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "person";
}

function byUrgency(a: OwnerAction, b: OwnerAction): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueIso && b.dueIso) return a.dueIso.localeCompare(b.dueIso);
  if (a.dueIso || b.dueIso) return a.dueIso ? -1 : 1;
  return a.task.localeCompare(b.task);
}

/**
 * Open actions across deals, grouped by owner; "nobody" collects the unowned and those whose owner is a group
 * or placeholder ("wir", "Team Einkauf"): they have no one to answer for them either.
 */
function ownerPages(deals: DealView[], language: Language): OwnerPage[] {
  const t = messages(language);
  const groups = new Map<string, OwnerPage>();
  const used = new Set<string>();
  for (const deal of deals) {
    for (const action of deal.actions) {
      if (action.status !== "open") continue;
      const person = action.findings.some((f) => f.code === "vague-owner") ? undefined : action.owner;
      const key = person ? person.toLowerCase().replace(/\s+/g, " ") : "";
      let group = groups.get(key);
      if (!group) {
        let slug = person ? ownerSlug(person) : "ohne-verantwortliche";
        while (used.has(slug)) slug = `${slug}-2`;
        used.add(slug);
        group = { slug, name: person ?? t.nobody, nobody: !person, actions: [], overdue: 0 };
        groups.set(key, group);
      }
      const item: OwnerAction = {
        task: action.task,
        overdue: action.overdue,
        dealTitle: deal.title,
        dealUrl: deal.url,
        customer: deal.customer,
        findings: action.findings,
      };
      if (action.owner) item.owner = action.owner;
      if (action.dueIso) {
        item.due = formatDate(action.dueIso, language);
        item.dueIso = action.dueIso;
      }
      group.actions.push(item);
      if (action.overdue) group.overdue++;
    }
  }
  for (const group of groups.values()) group.actions.sort(byUrgency);
  return [...groups.values()].sort(
    (a, b) => Number(b.nobody) - Number(a.nobody) || b.overdue - a.overdue || a.name.localeCompare(b.name),
  );
}

function upcomingItems(analysis: Analysis, language: Language): UpcomingItem[] {
  const t = messages(language);
  const last = addDays(analysis.today, analysis.config.thresholds.upcomingDays);
  const inWindow = (date: PlainDate) => date >= analysis.today && date <= last;
  const items: UpcomingItem[] = [];
  for (const result of analysis.deals) {
    const deal = result.deal;
    if (!deal) continue;
    const dealUrl = `deals/${deal.slug}/`;
    const next = deal.nextMeeting;
    if (next && inWindow(next.date)) {
      const item: UpcomingItem = {
        kind: "meeting",
        date: formatDate(next.date, language),
        dateIso: next.date,
        weekday: formatWeekday(next.date, language),
        title: `${deal.customer}: ${deal.title}`,
        detail: [next.place, next.duration ? `${next.duration} ${t.minutes}` : undefined].filter(Boolean).join(" · "),
        dealUrl,
      };
      if (next.time) item.time = formatTime(next.time, language);
      items.push(item);
    }
    for (const action of deal.actions) {
      if (action.status !== "open" || !action.due || !inWindow(action.due)) continue;
      items.push({
        kind: "deadline",
        date: formatDate(action.due, language),
        dateIso: action.due,
        weekday: formatWeekday(action.due, language),
        title: action.task,
        detail: `${action.owner ?? t.nobody} · ${deal.customer}: ${deal.title}`,
        dealUrl,
      });
    }
  }
  return items.sort(
    (a, b) => a.dateIso.localeCompare(b.dateIso) || (a.time ?? "").localeCompare(b.time ?? "") || a.title.localeCompare(b.title),
  );
}
