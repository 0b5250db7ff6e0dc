// lost-without-reason: a clean "no" records why, so the door stays open and the team learns.
import { type Rule, report } from "./rule.js";

export const lostWithoutReason: Rule = {
  code: "lost-without-reason",
  check: (context) =>
    context.deal.status === "lost" && !context.deal.lostReason
      ? [
          report("lost-without-reason", context, {
            at: ["status"],
            en: "The deal is lost, but no reason is recorded.",
            de: "Der Deal ist verloren, aber ohne Grund.",
            hint: "Add `lost_reason:` with the customer's reason in one or two sentences.",
          }),
        ]
      : [],
};
