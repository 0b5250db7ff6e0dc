// due-before-meeting: a due date before the meeting that agreed it — usually a typo in the year or month.
import { formatDate } from "../time/format-date.js";
import { openActions, type Rule, report } from "./rule.js";

export const dueBeforeMeeting: Rule = {
  code: "due-before-meeting",
  check: (context) =>
    openActions(context.deal).flatMap((action) => {
      if (!action.due || action.due >= context.deal.meeting.date) return [];
      return [
        report("due-before-meeting", context, {
          at: ["actions", action.index, "due"],
          action,
          en: `Action "${action.task}" is due on ${formatDate(action.due, "en")}, before the meeting that agreed it.`,
          de: `Aufgabe „${action.task}“ ist am ${formatDate(action.due, "de")} fällig – vor dem Termin, der sie vereinbart hat.`,
          hint: "Check year and month of `due:`.",
        }),
      ];
    }),
};
