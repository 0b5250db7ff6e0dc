// missing-due: an open action without a date — "we'll take care of it" with no deadline.
import { openActions, type Rule, report } from "./rule.js";

export const missingDue: Rule = {
  code: "missing-due",
  check: (context) =>
    openActions(context.deal)
      .filter((action) => !action.due)
      .map((action) =>
        report("missing-due", context, {
          at: ["actions", action.index, "task"],
          action,
          en: `Action "${action.task}" has no due date.`,
          de: `Aufgabe „${action.task}“ hat keine Frist.`,
          hint: "Add `due:` with the agreed date, e.g. `due: 2026-11-27`.",
        }),
      ),
};
