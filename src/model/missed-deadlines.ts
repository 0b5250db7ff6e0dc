// The deadlines a deal missed: open past due, done after due, or re-dated (in git) after the date had passed.
// Seed 003: "spätestens wenn drei Deadlines innerhalb von sechs Wochen reißen" — a structured conversation.
import type { Config } from "../config/load-config.js";
import { addDays, type PlainDate } from "../time/plain-date.js";
import { actionKey } from "./action-key.js";
import type { Deal } from "./deal.js";
import { clientNames, type Side, sideOf } from "./timeline.js";

export interface MissedDeadline {
  /** The date that was missed. */
  due: PlainDate;
  task: string;
  owner?: string;
  side: Side;
  how: "open" | "late" | "redated";
  /** The action's position in the file, when it is still there. */
  index?: number;
}

/**
 * The misses whose date lies within the `weeks` before today (today itself not: due today is not missed),
 * oldest first. One action counts once per date it missed.
 */
export function missedDeadlines(deal: Deal, config: Config, today: PlainDate): MissedDeadline[] {
  const from = addDays(today, -7 * config.thresholds.missedDeadlines.weeks);
  const client = clientNames(deal, config);
  const seen = new Set<string>();
  const misses: MissedDeadline[] = [];
  const add = (miss: MissedDeadline, key: string) => {
    if (miss.due < from || miss.due >= today || seen.has(`${key}\0${miss.due}`)) return;
    seen.add(`${key}\0${miss.due}`);
    misses.push(miss);
  };
  for (const action of deal.actions) {
    if (!action.due) continue;
    const late =
      action.status === "open" ? true : action.status === "done" && action.doneOn !== undefined && action.doneOn > action.due;
    if (!late) continue;
    const miss: MissedDeadline = {
      due: action.due,
      task: action.task,
      side: sideOf(action.owner, client),
      how: action.status === "open" ? "open" : "late",
      index: action.index,
    };
    if (action.owner) miss.owner = action.owner;
    add(miss, actionKey(deal, action));
  }
  for (const r of deal.git?.redated ?? []) {
    const miss: MissedDeadline = { due: r.from, task: r.task, side: sideOf(r.owner, client), how: "redated" };
    if (r.owner) miss.owner = r.owner;
    const now = deal.actions.find((a) => actionKey(deal, a) === r.key);
    if (now) miss.index = now.index;
    add(miss, r.key);
  }
  return misses.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
