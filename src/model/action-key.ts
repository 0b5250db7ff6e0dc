import { createHash } from "node:crypto";
import type { Action, Deal } from "./deal.js";

/**
 * The stable key of an action across versions of its deal: its `id`, else a hash of its task text — and, when
 * several actions of the deal share that text, its place among them ("Anrufen" twice are two actions, not one).
 * Calendar UIDs and the history's per-action counts both use it.
 */
export function actionKey(deal: Pick<Deal, "actions">, action: Action): string {
  if (action.id) return action.id;
  const key = createHash("sha256").update(action.task).digest("hex").slice(0, 12);
  const before = deal.actions.filter((a) => a.index < action.index && !a.id && a.task === action.task).length;
  return `${key}${before > 0 ? `-${before + 1}` : ""}`;
}
