// due-pushed-often: a due date moved later again and again; three missed deadlines call for a structured talk.
import { openActions, type Rule, report } from "./rule.js";

export const duePushedOften: Rule = {
  code: "due-pushed-often",
  check: (context) =>
    openActions(context.deal).flatMap((action) => {
      const times = action.pushedBack ?? 0;
      if (times < context.config.thresholds.duePushedMax) return [];
      return [
        report("due-pushed-often", context, {
          at: ["actions", action.index, "due"],
          action,
          en: `The due date of "${action.task}" was pushed back ${times} times.`,
          de: `Die Frist von „${action.task}“ wurde ${times}-mal verschoben.`,
          hint: "Time for a structured conversation: agree a binding date, or drop the action.",
        }),
      ];
    }),
};
