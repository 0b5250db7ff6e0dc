// next-meeting-past: the "next" appointment of an active deal already lies behind us.
import { formatDate } from "../time/format-date.js";
import { type Rule, report } from "./rule.js";

export const nextMeetingPast: Rule = {
  code: "next-meeting-past",
  check: (context) => {
    const next = context.deal.nextMeeting;
    if (context.deal.status !== "active" || !next || next.date >= context.today) return [];
    return [
      report("next-meeting-past", context, {
        at: ["next_meeting", "date"],
        en: `The next appointment (${formatDate(next.date, "en")}) is in the past.`,
        de: `Der nächste Termin (${formatDate(next.date, "de")}) liegt in der Vergangenheit.`,
        hint: "Record that meeting as a new protocol and fix the appointment after it in `next_meeting:`.",
      }),
    ];
  },
};
