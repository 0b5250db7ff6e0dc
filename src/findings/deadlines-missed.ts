// deadlines-missed: three (configurable) deadlines missed within six weeks — open past due, done late, or
// re-dated after the date had passed (git). Seed 003: then it is time for the structured conversation.
import { phrase } from "../i18n/translate.js";
import { missedDeadlines } from "../model/missed-deadlines.js";
import { dealStart, type Rule, report } from "./rule.js";

export const deadlinesMissed: Rule = {
  code: "deadlines-missed",
  check: (context) => {
    const { deal, today, config } = context;
    if (deal.status !== "active" && deal.status !== "paused") return [];
    const misses = missedDeadlines(deal, config, today);
    const { count, weeks } = config.thresholds.missedDeadlines;
    if (misses.length < count) return [];
    const ours = misses.filter((m) => m.side === "ours").length;
    return [
      report("deadlines-missed", context, {
        at: context.source.nodeAt(["actions"]) ? ["actions"] : dealStart(context),
        message: phrase("deadlines-missed.message", { count: misses.length, weeks, ours, client: misses.length - ours }),
        hint: phrase("deadlines-missed.hint"),
      }),
    ];
  },
};
