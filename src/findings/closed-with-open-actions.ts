// closed-with-open-actions: a lost deal that still has open actions nobody will follow up. A won deal's open
// actions are its onboarding, not a mistake (`overdue` still speaks up when one is late).
import { phrase, plural } from "../i18n/translate.js";
import { openActions, type Rule, report } from "./rule.js";

export const closedWithOpenActions: Rule = {
  code: "closed-with-open-actions",
  check: (context) => {
    const { deal } = context;
    const open = openActions(deal);
    if (deal.status !== "lost" || open.length === 0) return [];
    return [
      report("closed-with-open-actions", context, {
        at: ["status"],
        message: phrase("closed-with-open-actions.message", {
          status: phrase("status_lost"),
          open: plural(open.length, "n.openActionIs"),
        }),
        hint: phrase("closed-with-open-actions.hint"),
      }),
    ];
  },
};
