// kpi-missed: the agreed commitment's window has ended below its goal (seed 003: ">90 % innerhalb von 30 Tagen,
// falls nicht, Exit nach Plan (Option C)"); the message names the exit option.
import { date, phrase } from "../i18n/translate.js";
import { commitmentState } from "../model/commitment.js";
import { addDays } from "../time/plain-date.js";
import { type Rule, report } from "./rule.js";

const percent = (share: number) => phrase("finding.percent", { n: Math.round(share * 100) });

export const kpiMissed: Rule = {
  code: "kpi-missed",
  check: (context) => {
    const { deal, today } = context;
    if (deal.status !== "active" && deal.status !== "paused") return [];
    const state = commitmentState(deal, today);
    if (!state?.missed || state.share === null) return [];
    const values = {
      share: percent(state.share),
      measures: state.measures,
      end: date(addDays(state.ends, -1)),
      goal: percent(state.commitment.goal),
    };
    const option = state.commitment.exitOption;
    return [
      report("kpi-missed", context, {
        at: option ? ["kpi", "exit_option"] : ["kpi"],
        message: option ? phrase("kpi-missed.exit", { ...values, option }) : phrase("kpi-missed.message", values),
        hint: phrase("kpi-missed.hint"),
      }),
    ];
  },
};
