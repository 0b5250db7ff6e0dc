// closed-with-open-actions: a won or lost deal that still has open actions nobody will follow up.
import { openActions, type Rule, report } from "./rule.js";

export const closedWithOpenActions: Rule = {
  code: "closed-with-open-actions",
  check: (context) => {
    const { deal } = context;
    const open = openActions(deal);
    if ((deal.status !== "won" && deal.status !== "lost") || open.length === 0) return [];
    const statusDe = deal.status === "won" ? "gewonnen" : "verloren";
    return [
      report("closed-with-open-actions", context, {
        at: ["status"],
        en: `The deal is ${deal.status} but ${open.length} ${open.length === 1 ? "action is" : "actions are"} still open.`,
        de: `Der Deal ist ${statusDe}, aber ${open.length} ${open.length === 1 ? "Aufgabe ist" : "Aufgaben sind"} noch offen.`,
        hint: "Mark each action `status: done` or `status: dropped`.",
      }),
    ];
  },
};
