// lost-without-reason: a clean "no" records why, so the door stays open and the team learns.
import { phrase } from "../i18n/translate.js";
import { type Rule, report } from "./rule.js";

export const lostWithoutReason: Rule = {
  code: "lost-without-reason",
  check: (context) =>
    context.deal.status === "lost" && !context.deal.lostReason
      ? [
          report("lost-without-reason", context, {
            at: ["status"],
            message: phrase("lost-without-reason.message"),
            hint: phrase("lost-without-reason.hint"),
          }),
        ]
      : [],
};
