// closed-with-open-actions: a won or lost deal that still has open actions nobody will follow up.
import { phrase, plural } from "../i18n/translate.js";
import { openActions, type Rule, report } from "./rule.js";

export const closedWithOpenActions: Rule = {
  code: "closed-with-open-actions",
  check: (context) => {
    const { deal } = context;
    const open = openActions(deal);
    if ((deal.status !== "won" && deal.status !== "lost") || open.length === 0) return [];
    return [
      report("closed-with-open-actions", context, {
        at: ["status"],
        message: phrase("closed-with-open-actions.message", {
          status: phrase(deal.status === "won" ? "status_won" : "status_lost"),
          open: plural(open.length, "n.openActionIs"),
        }),
        hint: phrase("closed-with-open-actions.hint"),
      }),
    ];
  },
};
