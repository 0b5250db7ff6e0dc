import type { PlainDate } from "../time/plain-date.js";
import type { Action, Deal } from "./deal.js";

/** The actions still to do: neither done nor dropped. */
export function openActions(deal: Pick<Deal, "actions">): Action[] {
  return deal.actions.filter(isOpen);
}

export function isOpen(action: Action): boolean {
  return action.status === "open";
}

/**
 * Overdue: open, with a due date before today. Due today is not overdue. The one definition the `overdue`
 * finding, the KPIs and the deal page share.
 */
export function isOverdue(action: Action, today: PlainDate): action is Action & { due: PlainDate } {
  return isOpen(action) && action.due !== undefined && action.due < today;
}
