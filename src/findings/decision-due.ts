// decision-due: an abort criterion's `by` date has passed on an active deal — continue or close cleanly
// (seed 001: a clean "no" beats an open "maybe").
import { date, phrase } from "../i18n/translate.js";
import { type Rule, report } from "./rule.js";

export const decisionDue: Rule = {
  code: "decision-due",
  check: (context) => {
    const { deal, today } = context;
    if (deal.status !== "active") return [];
    return deal.abortCriteria.flatMap((criterion) => {
      if (!criterion.by || criterion.by >= today) return [];
      return [
        report("decision-due", context, {
          at: ["abort_criteria", criterion.index, "by"],
          message: phrase("decision-due.message", { by: date(criterion.by), text: criterion.text }),
          hint: phrase("decision-due.hint"),
        }),
      ];
    });
  },
};
