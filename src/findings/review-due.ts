// review-due: the agreed review date (`communication.review`, seed 001: a review after two weeks) has passed
// and neither a meeting nor a contact is recorded on or after it.
import { date, phrase } from "../i18n/translate.js";
import { type Rule, report } from "./rule.js";

export const reviewDue: Rule = {
  code: "review-due",
  check: (context) => {
    const { deal, today } = context;
    const review = deal.communication?.review;
    if (!review || review >= today || (deal.status !== "active" && deal.status !== "paused")) return [];
    if (deal.meeting.date >= review || deal.contacts.some((c) => c.date >= review)) return [];
    return [
      report("review-due", context, {
        at: ["communication", "review"],
        message: phrase("review-due.message", { date: date(review) }),
        hint: phrase("review-due.hint"),
      }),
    ];
  },
};
