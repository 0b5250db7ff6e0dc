// overdue: an open action whose due date is before today (due today is not overdue).

import { formatDate } from "../time/format-date.js";
import { daysBetween } from "../time/plain-date.js";
import { openActions, type Rule, report } from "./rule.js";

export const overdue: Rule = {
  code: "overdue",
  check: (context) =>
    openActions(context.deal).flatMap((action) => {
      if (!action.due || action.due >= context.today) return [];
      const days = daysBetween(action.due, context.today);
      return [
        report("overdue", context, {
          at: ["actions", action.index, "due"],
          action,
          en: `Action "${action.task}" was due on ${formatDate(action.due, "en")} (${days} ${days === 1 ? "day" : "days"} ago).`,
          de: `Aufgabe „${action.task}“ war fällig am ${formatDate(action.due, "de")} (seit ${days} ${days === 1 ? "Tag" : "Tagen"}).`,
          hint: "Mark it `status: done` with `done_on:`, or agree a new date with the owner and change `due:`.",
        }),
      ];
    }),
};
