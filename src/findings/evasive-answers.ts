// evasive-answers: the last two answers of the client were evasive ("Ich melde mich noch", "Wir sind noch im
// Austausch"); seed 001: ask for a decision and offer a clean no.
import { date, phrase } from "../i18n/translate.js";
import { isAnswer } from "../model/timeline.js";
import { type Rule, report } from "./rule.js";

export const evasiveAnswers: Rule = {
  code: "evasive-answers",
  check: (context) => {
    const { deal } = context;
    if (deal.status !== "active" && deal.status !== "paused") return [];
    const answers = deal.contacts
      .filter((c) => c.direction === "in" && isAnswer(c))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
    const [first, second] = answers.slice(-2);
    if (!first || !second || !first.evasive || !second.evasive) return [];
    return [
      report("evasive-answers", context, {
        at: ["contacts", second.index],
        message: phrase("evasive-answers.message", { first: date(first.date), second: date(second.date) }),
        hint: phrase("evasive-answers.hint"),
      }),
    ];
  },
};
