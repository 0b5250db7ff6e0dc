import { ownerKey } from "../model/owner-directory.js";
import { addWeeks, type IsoWeek, inWeek, weekEnd, weekStart } from "../time/iso-week.js";
import { addDays, type PlainDate } from "../time/plain-date.js";
import type { History, Version } from "./read-history.js";
import type { Snapshot } from "./snapshot.js";

/**
 * The follow-up numbers of one ISO week, as the repository recorded them by the week's end (for the current
 * week: by today). Definitions, the same as the KPI of today (src/model/kpi.ts) evaluated on the week's last day:
 * - `due`: actions due in the week whose date has come; `keptOnTime` of them done on or before it (with `done_on`).
 * - `onTimeRate`: keptOnTime / due, null without any.
 * - `doneOnTime` / `doneLate`: actions whose `done_on` falls in the week, on or after their due date.
 * - `open` / `overdue`: open actions at the week's end, and those past due then.
 * - `moved`: due dates moved later by a commit in the week (one per action and commit).
 * - `nextSet` / `nextMissing`: active deals with an upcoming appointment at the week's end, or without one.
 * Dropped actions never count.
 */
export interface WeekMeasures {
  week: IsoWeek;
  due: number;
  keptOnTime: number;
  onTimeRate: number | null;
  doneOnTime: number;
  doneLate: number;
  open: number;
  overdue: number;
  moved: number;
  nextSet: number;
  nextMissing: number;
}

/** The day the week is judged on: the Monday after it, or today for the running week. */
export function judgedOn(week: IsoWeek, today: PlainDate): PlainDate {
  const after = addDays(weekEnd(week), 1);
  return after < today ? after : today;
}

/** The last day whose commits count for the week: its Sunday, or today for the running week. */
export function stateDay(week: IsoWeek, today: PlainDate): PlainDate {
  const end = weekEnd(week);
  return end < today ? end : today;
}

/** The version in force at the end of `day` (the last one committed on or before it). */
export function stateAt(versions: readonly Version[], day: PlainDate): Snapshot | null {
  let state: Snapshot | null = null;
  for (const v of versions) {
    if (v.date > day) break;
    state = v.snapshot;
  }
  return state;
}

/** One move of a due date to a later day, by the commit of `version`. */
export interface DueMove {
  file: string;
  key: string;
  task: string;
  owner?: string;
  from: PlainDate;
  to: PlainDate;
  date: PlainDate;
}

// Moves per file are asked for once per owner page and week set: computed once per version list.
const movesCache = new WeakMap<readonly Version[], DueMove[]>();

/** Every due date moved later, version to version, over a file's history. */
export function dueMoves(file: string, versions: readonly Version[]): DueMove[] {
  const cached = movesCache.get(versions);
  if (cached) return cached;
  const moves: DueMove[] = [];
  movesCache.set(versions, moves);
  let previous: Snapshot | null = null;
  for (const v of versions) {
    const current = v.snapshot;
    if (previous && current) {
      const before = new Map(previous.actions.map((a) => [a.key, a]));
      for (const action of current.actions) {
        const was = before.get(action.key);
        if (was?.due && action.due && action.due > was.due) {
          const move: DueMove = { file, key: action.key, task: action.task, from: was.due, to: action.due, date: v.date };
          if (action.owner) move.owner = action.owner;
          moves.push(move);
        }
      }
    }
    if (current) previous = current;
  }
  return moves;
}

/** The measures of `weeks` over all deals, or over one owner's actions (`owner`, matched by {@link ownerKey}). */
export function weeklyMeasures(
  history: History,
  weeks: readonly IsoWeek[],
  today: PlainDate,
  filter: { owner?: string; file?: string } = {},
): WeekMeasures[] {
  const wanted = filter.owner === undefined ? undefined : ownerKey(filter.owner);
  const mine = (owner: string | undefined) => wanted === undefined || (owner !== undefined && ownerKey(owner) === wanted);
  const rows = weeks.map((week) => ({
    week,
    due: 0,
    keptOnTime: 0,
    onTimeRate: null as number | null,
    doneOnTime: 0,
    doneLate: 0,
    open: 0,
    overdue: 0,
    moved: 0,
    nextSet: 0,
    nextMissing: 0,
  }));
  for (const [file, versions] of history.files) {
    if (filter.file !== undefined && file !== filter.file) continue;
    const moves = dueMoves(file, versions);
    for (const row of rows) {
      if (weekStart(row.week) > today) continue;
      const day = judgedOn(row.week, today);
      const last = stateDay(row.week, today);
      const state = stateAt(versions, last);
      row.moved += moves.filter((m) => inWeek(m.date, row.week) && m.date <= last && mine(m.owner)).length;
      if (!state) continue;
      let involved = wanted === undefined;
      for (const a of state.actions) {
        if (a.status === "dropped" || !mine(a.owner)) continue;
        involved = true;
        if (a.status === "open") {
          row.open++;
          if (a.due && a.due < day) row.overdue++;
        }
        if (a.due && inWeek(a.due, row.week) && a.due < day && (a.status === "open" || a.doneOn)) {
          row.due++;
          if (a.status === "done" && a.doneOn && a.doneOn <= a.due) row.keptOnTime++;
        }
        if (a.status === "done" && a.doneOn && inWeek(a.doneOn, row.week)) {
          if (!a.due || a.doneOn <= a.due) row.doneOnTime++;
          else row.doneLate++;
        }
      }
      if (state.status === "active" && involved) {
        if (state.nextDate && state.nextDate >= day) row.nextSet++;
        else row.nextMissing++;
      }
    }
  }
  for (const row of rows) row.onTimeRate = row.due > 0 ? row.keptOnTime / row.due : null;
  return rows;
}

/** Weeks `from` .. `to` inclusive. */
export function weekRange(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let w = from; weekStart(w) <= weekStart(to); w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}
