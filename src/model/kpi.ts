import type { PlainDate } from "../time/plain-date.js";
import { isOpen, isOverdue } from "./actions.js";
import type { Deal } from "./deal.js";

/** The follow-up numbers the seeds ask to measure: kept on time, open, overdue. */
export interface Kpi {
  open: number;
  overdue: number;
  done: number;
  /** Actions whose due date has come: done (with a date) or open and overdue. */
  measured: number;
  onTime: number;
  /** onTime / measured, or null when nothing is measurable yet. */
  onTimeRate: number | null;
}

/**
 * On-time rate: of the actions whose due date is known and either done (with `done_on`) or already overdue,
 * the share done on or before the due date. Dropped actions and open ones not yet due do not count.
 */
export function kpiFor(deals: readonly Deal[], today: PlainDate): Kpi {
  const kpi: Kpi = { open: 0, overdue: 0, done: 0, measured: 0, onTime: 0, onTimeRate: null };
  for (const deal of deals) {
    for (const action of deal.actions) {
      if (isOpen(action)) {
        kpi.open++;
        if (isOverdue(action, today)) {
          kpi.overdue++;
          kpi.measured++;
        }
      } else if (action.status === "done") {
        kpi.done++;
        if (action.due && action.doneOn) {
          kpi.measured++;
          if (action.doneOn <= action.due) kpi.onTime++;
        }
      }
    }
  }
  kpi.onTimeRate = kpi.measured > 0 ? kpi.onTime / kpi.measured : null;
  return kpi;
}
