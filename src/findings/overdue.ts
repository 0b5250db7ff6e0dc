// overdue: an open action whose due date is before today (due today is not overdue).

import { date, phrase, plural } from "../i18n/translate.js";
import { isOverdue } from "../model/actions.js";
import { daysBetween } from "../time/plain-date.js";
import { openActions, type Rule, report } from "./rule.js";

export const overdue: Rule = {
  code: "overdue",
  check: (context) =>
    openActions(context.deal).flatMap((action) => {
      if (!isOverdue(action, context.today)) return [];
      const days = daysBetween(action.due, context.today);
      return [
        report("overdue", context, {
          at: ["actions", action.index, "due"],
          action,
          message: phrase("overdue.message", { task: action.task, due: date(action.due), ago: plural(days, "n.daySince") }),
          hint: phrase("overdue.hint"),
        }),
      ];
    }),
};
