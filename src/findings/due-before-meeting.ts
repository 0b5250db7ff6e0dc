// due-before-meeting: a due date before the meeting that agreed it — usually a typo in the year or month.
import { date, phrase } from "../i18n/translate.js";
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
          message: phrase("due-before-meeting.message", { task: action.task, due: date(action.due) }),
          hint: phrase("due-before-meeting.hint"),
        }),
      ];
    }),
};
