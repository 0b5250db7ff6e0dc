import type { Finding } from "../errors.js";
import type { Mark } from "../findings/level.js";
import type { Deal, DealStatus, Language } from "../model/deal.js";
import type { DealResult } from "../pipeline.js";
import { type ReportFinding, toReportFinding } from "../report/report-json.js";
import { daysBetween, type PlainDate } from "../time/plain-date.js";
import { matchActions } from "./match-actions.js";

/** One change that matters in a deal, as `protokoll diff` reports it. */
export type Change =
  | { type: "status"; from: DealStatus; to: DealStatus }
  | { type: "action-added"; task: string; owner?: string; due?: PlainDate }
  /** `open`: the action was still to be done when it was deleted; then its owner and due date are kept. */
  | { type: "action-removed"; task: string; open?: true; owner?: string; due?: PlainDate }
  | { type: "action-done"; task: string; doneOn?: PlainDate }
  | { type: "action-dropped"; task: string }
  | { type: "action-reopened"; task: string }
  | { type: "action-reworded"; from: string; to: string }
  | { type: "owner-changed"; task: string; from?: string; to?: string }
  | { type: "due-moved"; task: string; from?: PlainDate; to?: PlainDate; days?: number }
  | { type: "next-meeting-set"; date: PlainDate; time?: string }
  | { type: "next-meeting-moved"; from: PlainDate; to: PlainDate; fromTime?: string; toTime?: string; days: number }
  | { type: "next-meeting-removed"; date: PlainDate }
  /** Another meeting is the one the protocol records (after `protokoll advance`). */
  | { type: "meeting-recorded"; from: PlainDate; to: PlainDate; time?: string }
  | { type: "protocol-sent"; date: PlainDate }
  /** A line added to or removed from one of the recap lists (`list`: its key, e.g. `risks`). */
  | { type: "list-line-added"; list: string; text: string }
  | { type: "list-line-removed"; list: string; text: string };

/**
 * A finding introduced or resolved: the shape report.json gives findings, worded in the deal's language, with
 * its mark (src/findings/level.ts) — the same word and symbol as on the index and the deal page.
 */
export type FindingChange = ReportFinding & { mark: Mark };

/** The mark of a finding of one side's deal (the same "today" and configuration for both sides). */
export type MarkFinding = (f: Finding, result: DealResult) => Mark;

export interface DealDiff {
  slug: string;
  file: string;
  title: string | null;
  language: Language;
  kind: "added" | "removed" | "renamed" | "changed";
  /** The old file, for a renamed deal. */
  from?: string;
  /** True where one side does not load or validate: its findings are listed, its content is not compared. */
  invalid: { base: boolean; head: boolean };
  changes: Change[];
  /** `changed`: the same finding on the same subject whose numbers changed (4 open actions → 3): not new, not fixed. */
  findings: { introduced: FindingChange[]; resolved: FindingChange[]; changed: { from: FindingChange; to: FindingChange }[] };
}

// A finding is the same on both sides when it says the same: its code and its phrase (not its line).
const findingKey = (f: Finding) => `${f.code}\0${JSON.stringify(f.problem)}`;
// …and on the same subject when only its numbers differ: the counts, and the singular or plural they choose.
const subjectKey = (f: Finding) =>
  `${f.code}\0${JSON.stringify(f.problem, (_key, value) => (typeof value === "number" ? "#" : typeof value === "string" ? value.replace(/\.(one|other)$/, ".#") : value))}`;

/** What changed between two versions of one deal's actions, next meeting, status and recap. */
export function dealChanges(before: Deal, after: Deal): Change[] {
  const changes: Change[] = [];
  if (before.status !== after.status) changes.push({ type: "status", from: before.status, to: after.status });
  const { pairs, removed, added } = matchActions(before.actions, after.actions);
  for (const [a, b] of pairs.sort(([, x], [, y]) => x.index - y.index)) {
    if (a.task !== b.task) changes.push({ type: "action-reworded", from: a.task, to: b.task });
    if (a.status !== b.status) {
      if (b.status === "done") changes.push({ type: "action-done", task: b.task, ...(b.doneOn ? { doneOn: b.doneOn } : {}) });
      else if (b.status === "dropped") changes.push({ type: "action-dropped", task: b.task });
      else changes.push({ type: "action-reopened", task: b.task });
    }
    if (a.owner !== b.owner) {
      const change: Change = { type: "owner-changed", task: b.task };
      if (a.owner) change.from = a.owner;
      if (b.owner) change.to = b.owner;
      changes.push(change);
    }
    if (a.due !== b.due) {
      const change: Change = { type: "due-moved", task: b.task };
      if (a.due) change.from = a.due;
      if (b.due) change.to = b.due;
      if (a.due && b.due) change.days = daysBetween(a.due, b.due);
      changes.push(change);
    }
  }
  for (const a of removed) {
    const change: Change = { type: "action-removed", task: a.task };
    if (a.status === "open") {
      change.open = true;
      if (a.owner) change.owner = a.owner;
      if (a.due) change.due = a.due;
    }
    changes.push(change);
  }
  for (const b of added.sort((x, y) => x.index - y.index)) {
    const change: Change = { type: "action-added", task: b.task };
    if (b.owner) change.owner = b.owner;
    if (b.due) change.due = b.due;
    changes.push(change);
  }
  const x = before.nextMeeting;
  const y = after.nextMeeting;
  if (before.meeting.date !== after.meeting.date) {
    const change: Change = { type: "meeting-recorded", from: before.meeting.date, to: after.meeting.date };
    if (after.meeting.time) change.time = after.meeting.time;
    changes.push(change);
  }
  // The next meeting was held and is now the recorded one: not "removed".
  const held = x !== undefined && !y && x.date === after.meeting.date;
  if (!x && y) changes.push({ type: "next-meeting-set", date: y.date, ...(y.time ? { time: y.time } : {}) });
  else if (x && !y && !held) changes.push({ type: "next-meeting-removed", date: x.date });
  else if (x && y && (x.date !== y.date || x.time !== y.time)) {
    const change: Change = { type: "next-meeting-moved", from: x.date, to: y.date, days: daysBetween(x.date, y.date) };
    if (x.time) change.fromTime = x.time;
    if (y.time) change.toTime = y.time;
    changes.push(change);
  }
  if (!before.protocolSent && after.protocolSent) changes.push({ type: "protocol-sent", date: after.protocolSent });
  for (const [list, lines] of Object.entries(after.lists)) {
    const was = new Set(before.lists[list] ?? []);
    const is = new Set(lines);
    for (const text of before.lists[list] ?? []) if (!is.has(text)) changes.push({ type: "list-line-removed", list, text });
    for (const text of lines) if (!was.has(text)) changes.push({ type: "list-line-added", list, text });
  }
  return changes;
}

/**
 * Compares two analysed versions of the deals folder. Deals are matched by file; a deal that disappeared in
 * one file and appeared in another with the same title and customer is reported as renamed.
 */
export function diffDeals(base: readonly DealResult[], head: readonly DealResult[], markOf: MarkFinding): DealDiff[] {
  const byFile = (list: readonly DealResult[]) => new Map(list.map((d) => [d.file, d]));
  const baseFiles = byFile(base);
  const headFiles = byFile(head);
  const identity = (d: DealResult) => (d.deal ? `${d.deal.title}\0${d.deal.customer}` : undefined);
  const removed = base.filter((d) => !headFiles.has(d.file));
  const result: DealDiff[] = [];

  for (const after of head) {
    let before = baseFiles.get(after.file);
    let kind: DealDiff["kind"] = before ? "changed" : "added";
    if (!before) {
      const renamedFrom = removed.find((d) => identity(d) !== undefined && identity(d) === identity(after));
      if (renamedFrom) {
        before = renamedFrom;
        kind = "renamed";
        removed.splice(removed.indexOf(renamedFrom), 1);
      }
    }
    const diff = compare(before, after, kind, markOf);
    if (
      diff.kind !== "changed" ||
      diff.changes.length > 0 ||
      diff.findings.introduced.length > 0 ||
      diff.findings.resolved.length > 0 ||
      diff.findings.changed.length > 0
    ) {
      result.push(diff);
    }
  }
  for (const before of removed) result.push(compare(before, undefined, "removed", markOf));
  return result.sort((a, b) => a.file.localeCompare(b.file));
}

function compare(
  before: DealResult | undefined,
  after: DealResult | undefined,
  kind: DealDiff["kind"],
  markOf: MarkFinding,
): DealDiff {
  const current = (after ?? before) as DealResult;
  const diff: DealDiff = {
    slug: current.slug,
    file: current.file,
    title: after?.title ?? before?.title ?? null,
    language: (after?.deal ?? before?.deal)?.language ?? "de",
    kind,
    invalid: { base: Boolean(before && !before.deal), head: Boolean(after && !after.deal) },
    changes: [],
    findings: { introduced: [], resolved: [], changed: [] },
  };
  if (kind === "renamed" && before) diff.from = before.file;
  if (before?.deal && after?.deal) diff.changes = dealChanges(before.deal, after.deal);
  const was = new Set((before?.findings ?? []).map(findingKey));
  const is = new Set((after?.findings ?? []).map(findingKey));
  const introduced = (after?.findings ?? []).filter((f) => !was.has(findingKey(f)));
  const resolved = (before?.findings ?? []).filter((f) => !is.has(findingKey(f)));
  // A finding as the diff shows it: worded in the deal's language, like the deal's page, with its mark.
  const shownOn = (side: DealResult) => (f: Finding) => ({ ...toReportFinding(f, diff.language), mark: markOf(f, side) });
  const show = shownOn(after as DealResult);
  for (const f of introduced) {
    const from = resolved.findIndex((r) => subjectKey(r) === subjectKey(f));
    if (from === -1) diff.findings.introduced.push(show(f));
    else diff.findings.changed.push({ from: shownOn(before as DealResult)(resolved.splice(from, 1)[0] as Finding), to: show(f) });
  }
  if (before) diff.findings.resolved = resolved.map(shownOn(before));
  return diff;
}
