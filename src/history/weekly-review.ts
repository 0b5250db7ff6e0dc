import { type Level, levelOf } from "../findings/level.js";
import { DEAL_EXTENSION } from "../load/find-deal-files.js";
import { ownerKey } from "../model/owner-directory.js";
import { addWeeks, type IsoWeek, inWeek, weekEnd, weekStart } from "../time/iso-week.js";
import { addDays, daysBetween, type PlainDate } from "../time/plain-date.js";
import type { History, Version } from "./read-history.js";
import type { Snapshot, SnapshotAction } from "./snapshot.js";
import { dueMoves, judgedOn, stateDay, type WeekMeasures, weeklyMeasures } from "./weekly-measures.js";

/** One deal named in the review. */
export interface ReviewDeal {
  slug: string;
  file: string;
  title: string;
  customer: string;
}

/** One action named in the review, with its deal. */
export interface ReviewAction {
  deal: ReviewDeal;
  task: string;
  owner?: string;
  due?: PlainDate;
  doneOn?: PlainDate;
  /** For "moved often": how often its due date moved later within the six weeks. */
  moves?: number;
  /** For "overdue": its due date fell in this week ("neu diese Woche"). */
  newThisWeek?: true;
  /** For "overdue": days past due on the day the week is judged. */
  daysOverdue?: number;
  /** For "overdue": its mark, as the index shows the same action (▲ critical past `criticalOverdueDays`, else ◆). */
  mark?: Level;
}

export interface OwnerReview {
  /** The owner as written in the deal (first spelling seen); undefined: actions without an owner. */
  name?: string;
  /** Every action still overdue when the week is judged — the ones the KPI "überfällig" counts — oldest first. */
  overdue: ReviewAction[];
  dueNextWeek: ReviewAction[];
  doneLate: ReviewAction[];
  movedOften: ReviewAction[];
}

/** The weekly review of one ISO week: per owner what slipped, then the deals and lessons of the week. */
export interface WeeklyReview {
  week: IsoWeek;
  from: PlainDate;
  to: PlainDate;
  /** The day the week is judged on (the Monday after it, or today for the running week). */
  judgedOn: PlainDate;
  measures: WeekMeasures;
  owners: OwnerReview[];
  wentStale: ReviewDeal[];
  lostNextMeeting: ReviewDeal[];
  lessons: { deal: ReviewDeal; lessons: string[] }[];
  /** For the running week, from today's findings: deals whose follow-up is due ("Nachfassen fällig"). */
  followUpsDue?: ReviewDeal[];
  /** Likewise: deals with a dated decision, review or commitment due ("Entscheidungen fällig"). */
  decisionsDue?: ReviewDeal[];
}

export interface ReviewThresholds {
  staleDays: number;
  /** "Moved three times in six weeks": the count that calls for a structured conversation. */
  duePushedMax: number;
  /** Days past due from which an overdue action is critical, as on the index. */
  criticalOverdueDays: number;
}

function versionAt(versions: readonly Version[], day: PlainDate): Version | undefined {
  let found: Version | undefined;
  for (const v of versions) {
    if (v.date > day) break;
    found = v;
  }
  return found;
}

/**
 * Like the `deal-stale` finding, judged on `day`: active, no next step ahead, no contact for `staleDays` — counted
 * from the version's last contact (the timeline's), never from a commit, `updated` or the "Stand".
 */
export function staleOn(version: Version | undefined, day: PlainDate, staleDays: number): boolean {
  const s = version?.snapshot;
  if (!version || !s || s.status !== "active") return false;
  if (s.nextDate && s.nextDate >= day) return false;
  if (s.actions.some((a) => a.status === "open" && a.due && a.due >= day)) return false;
  return daysBetween(s.contact, day) >= staleDays;
}

const dealOf = (file: string, s: Snapshot): ReviewDeal => ({
  slug: (file.split("/").at(-1) ?? file).replace(DEAL_EXTENSION, ""),
  file,
  title: s.title,
  customer: s.customer,
});

function item(deal: ReviewDeal, a: SnapshotAction, extra: Partial<ReviewAction> = {}): ReviewAction {
  const result: ReviewAction = { deal, task: a.task, ...extra };
  if (a.owner) result.owner = a.owner;
  if (a.due) result.due = a.due;
  if (a.doneOn) result.doneOn = a.doneOn;
  return result;
}

/**
 * The review of `week` from the history (as the repository recorded it by the week's end):
 * - per owner: every action still overdue (those due in the week marked new), actions due the week after, were done late in it, and
 *   whose due date moved later `duePushedMax` times or more within the six weeks ending with it;
 * - deals that went stale in the week or lost their next appointment (one was ahead when the week began, none
 *   is ahead at its end), and the lessons learned added in the week.
 * Owners in order of what needs talking about most; everything else in deal and file order.
 */
export function weeklyReview(history: History, week: IsoWeek, today: PlainDate, thresholds: ReviewThresholds): WeeklyReview {
  const from = weekStart(week);
  const to = weekEnd(week);
  const judged = judgedOn(week, today);
  const last = stateDay(week, today);
  const nextWeek = addWeeks(week, 1);
  const sixWeeksFrom = weekStart(addWeeks(week, -5));
  const owners = new Map<string, OwnerReview>();
  const ownerOf = (name: string | undefined): OwnerReview => {
    const key = name ? ownerKey(name) : "";
    let review = owners.get(key);
    if (!review) {
      review = { overdue: [], dueNextWeek: [], doneLate: [], movedOften: [] };
      if (name) review.name = name;
      owners.set(key, review);
    }
    return review;
  };
  const review: WeeklyReview = {
    week,
    from,
    to,
    judgedOn: judged,
    measures: weeklyMeasures(history, [week], today)[0] as WeekMeasures,
    owners: [],
    wentStale: [],
    lostNextMeeting: [],
    lessons: [],
  };
  const files = [...history.files.keys()].sort();
  for (const file of files) {
    const versions = history.files.get(file) ?? [];
    const now = versionAt(versions, last);
    const state = now?.snapshot;
    if (!state) continue;
    const before = versionAt(versions, addDays(from, -1));
    const deal = dealOf(file, state);
    for (const a of state.actions) {
      if (a.status === "open" && a.due && a.due < judged) {
        const days = daysBetween(a.due, judged);
        const extra: Partial<ReviewAction> = {
          daysOverdue: days,
          mark: levelOf("overdue", "warning", days, { thresholds }),
        };
        if (inWeek(a.due, week)) extra.newThisWeek = true;
        ownerOf(a.owner).overdue.push(item(deal, a, extra));
      }
      if (a.status === "open" && a.due && inWeek(a.due, nextWeek)) ownerOf(a.owner).dueNextWeek.push(item(deal, a));
      if (a.status === "done" && a.doneOn && a.due && inWeek(a.doneOn, week) && a.doneOn > a.due)
        ownerOf(a.owner).doneLate.push(item(deal, a));
    }
    const counts = new Map<string, number>();
    for (const move of dueMoves(file, versions)) {
      if (move.date >= sixWeeksFrom && move.date <= last) counts.set(move.key, (counts.get(move.key) ?? 0) + 1);
    }
    for (const a of state.actions) {
      const moves = counts.get(a.key) ?? 0;
      if (a.status !== "dropped" && moves >= thresholds.duePushedMax) ownerOf(a.owner).movedOften.push(item(deal, a, { moves }));
    }
    if (staleOn(now, judged, thresholds.staleDays) && !staleOn(before, from, thresholds.staleDays)) review.wentStale.push(deal);
    const wasAhead = before?.snapshot?.nextDate !== undefined && before.snapshot.nextDate >= from;
    const isAhead = state.nextDate !== undefined && state.nextDate >= judged;
    if (state.status === "active" && wasAhead && !isAhead) review.lostNextMeeting.push(deal);
    const known = new Set(before?.snapshot?.lessons ?? []);
    const fresh = state.lessons.filter((l) => !known.has(l));
    if (fresh.length > 0) review.lessons.push({ deal, lessons: fresh });
  }
  const weight = (o: OwnerReview) => o.overdue.length * 3 + o.movedOften.length * 2 + o.doneLate.length + o.dueNextWeek.length;
  for (const o of owners.values()) o.overdue.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  review.owners = [...owners.values()]
    .filter((o) => weight(o) > 0)
    .sort((a, b) => weight(b) - weight(a) || (a.name ?? "").localeCompare(b.name ?? ""));
  return review;
}
