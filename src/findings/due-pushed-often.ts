// due-pushed-often: a due date moved later again and again; three missed deadlines call for a structured talk.
import { phrase } from "../i18n/translate.js";
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
          message: phrase("due-pushed-often.message", { task: action.task, times }),
          hint: phrase("due-pushed-often.hint"),
        }),
      ];
    }),
};
