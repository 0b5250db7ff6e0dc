// missing-due: an open action without a date — "we'll take care of it" with no deadline.
import { phrase } from "../i18n/translate.js";
import { addDays } from "../time/plain-date.js";
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
          message: phrase("missing-due.message", { task: action.task }),
          hint: phrase("missing-due.hint", { example: addDays(context.today, 7) }),
        }),
      ),
};
