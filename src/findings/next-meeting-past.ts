// next-meeting-past: the "next" appointment of an active deal already lies behind us.
import { date, phrase } from "../i18n/translate.js";
import { type Rule, report } from "./rule.js";

export const nextMeetingPast: Rule = {
  code: "next-meeting-past",
  check: (context) => {
    const next = context.deal.nextMeeting;
    if (context.deal.status !== "active" || !next || next.date >= context.today) return [];
    return [
      report("next-meeting-past", context, {
        at: ["next_meeting", "date"],
        message: phrase("next-meeting-past.message", { date: date(next.date) }),
        hint: phrase("next-meeting-past.hint"),
      }),
    ];
  },
};
