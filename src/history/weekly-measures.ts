import { ownerKey } from "../model/owner-directory.js";
import { addWeeks, type IsoWeek, weekEnd, weekStart } from "../time/iso-week.js";
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
    state = v.snapshot ?? null;
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
  const all = weeklyMeasuresByOwner(history, weeks, today, filter.file);
  if (filter.owner === undefined) return all.team;
  return all.owners.get(ownerKey(filter.owner)) ?? weeks.map(emptyRow);
}

/** The team's measures and every owner's (by {@link ownerKey}), from one pass. */
export interface MeasuresByOwner {
  team: WeekMeasures[];
  owners: Map<string, WeekMeasures[]>;
}

/**
 * The measures of `weeks` for the team and for every owner at once: each deal's state is looked up once per week
 * and each action counted once, into the team's row and its owner's — not once per owner page, which grew with
 * owners × deals × weeks. Week bounds are computed once; dates compare as strings.
 */
export function weeklyMeasuresByOwner(
  history: History,
  weeks: readonly IsoWeek[],
  today: PlainDate,
  onlyFile?: string,
): MeasuresByOwner {
  const bounds = weeks.map((week) => ({
    from: weekStart(week),
    to: weekEnd(week),
    day: judgedOn(week, today),
    last: stateDay(week, today),
  }));
  const team = weeks.map(emptyRow);
  const owners = new Map<string, WeekMeasures[]>();
  const rowsOf = (owner: string | undefined): WeekMeasures[] | undefined => {
    if (owner === undefined) return undefined;
    const key = ownerKey(owner);
    let rows = owners.get(key);
    if (!rows) {
      rows = weeks.map(emptyRow);
      owners.set(key, rows);
    }
    return rows;
  };
  for (const [file, versions] of history.files) {
    if (onlyFile !== undefined && file !== onlyFile) continue;
    const moves = dueMoves(file, versions);
    for (let w = 0; w < weeks.length; w++) {
      const { from, to, day, last } = bounds[w] as (typeof bounds)[number];
      if (from > today) continue;
      for (const m of moves) {
        if (m.date < from || m.date > to || m.date > last) continue;
        (team[w] as WeekMeasures).moved++;
        const mine = rowsOf(m.owner);
        if (mine) (mine[w] as WeekMeasures).moved++;
      }
      const state = stateAt(versions, last);
      if (!state) continue;
      const involved = new Set<WeekMeasures[]>();
      for (const a of state.actions) {
        if (a.status === "dropped") continue;
        const mine = rowsOf(a.owner);
        if (mine) involved.add(mine);
        const targets = mine ? [team[w] as WeekMeasures, mine[w] as WeekMeasures] : [team[w] as WeekMeasures];
        const open = a.status === "open";
        const overdue = open && a.due !== undefined && a.due < day;
        const due = a.due !== undefined && a.due >= from && a.due <= to && a.due < day && (open || a.doneOn !== undefined);
        const kept = due && a.status === "done" && a.doneOn !== undefined && a.doneOn <= (a.due as PlainDate);
        const doneInWeek = a.status === "done" && a.doneOn !== undefined && a.doneOn >= from && a.doneOn <= to;
        const late = doneInWeek && a.due !== undefined && (a.doneOn as PlainDate) > a.due;
        for (const row of targets) {
          if (open) row.open++;
          if (overdue) row.overdue++;
          if (due) row.due++;
          if (kept) row.keptOnTime++;
          if (doneInWeek && late) row.doneLate++;
          else if (doneInWeek) row.doneOnTime++;
        }
      }
      if (state.status !== "active") continue;
      const ahead = state.nextDate !== undefined && state.nextDate >= day;
      for (const rows of [team, ...involved]) {
        if (ahead) (rows[w] as WeekMeasures).nextSet++;
        else (rows[w] as WeekMeasures).nextMissing++;
      }
    }
  }
  for (const rows of [team, ...owners.values()])
    for (const row of rows) row.onTimeRate = row.due > 0 ? row.keptOnTime / row.due : null;
  return { team, owners };
}

/** A week with nothing counted (an owner without actions in it). */
export function emptyRow(week: IsoWeek): WeekMeasures {
  return {
    week,
    due: 0,
    keptOnTime: 0,
    onTimeRate: null,
    doneOnTime: 0,
    doneLate: 0,
    open: 0,
    overdue: 0,
    moved: 0,
    nextSet: 0,
    nextMissing: 0,
  };
}

/** Weeks `from` .. `to` inclusive. */
export function weekRange(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let w = from; weekStart(w) <= weekStart(to); w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}
