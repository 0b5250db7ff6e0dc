// follow-up-due: the client has not answered for as long as a step of the escalation cascade says (seeds 000,
// 001, 004): name the step — reminder, importance, one question, close. An answer or a new meeting ends it.
import { date, phrase, plural } from "../i18n/translate.js";
import type { CascadeStep } from "../model/deal.js";
import { daysBetween } from "../time/plain-date.js";
import { dealStart, type Rule, report } from "./rule.js";

export const followUpDue: Rule = {
  code: "follow-up-due",
  check: (context) => {
    const { deal, today, timeline } = context;
    if (deal.status !== "active" || !timeline.waitingSince) return [];
    // An agreed appointment ahead is an answer: nobody chases a client who has a date with us.
    if (deal.nextMeeting && deal.nextMeeting.date >= today) return [];
    const days = daysBetween(timeline.waitingSince, today);
    const step = dueStep(deal.cascade.length > 0 ? deal.cascade : context.config.thresholds.escalation, days);
    if (!step) return [];
    const since = date(timeline.waitingSince);
    const at =
      step.index !== undefined
        ? ["escalation", step.index, "step"]
        : timeline.waitingContact
          ? ["contacts", timeline.waitingContact.index]
          : dealStart(context);
    return [
      report("follow-up-due", context, {
        at,
        message: phrase("follow-up-due.message", { since, days: plural(days, "n.daySince"), step: phrase(`step.${step.step}`) }),
        hint: step.step === "close" ? phrase("follow-up-due.hint.close", { since }) : phrase(`follow-up-due.hint.${step.step}`),
      }),
    ];
  },
};

/** The step due after `days` of silence: the last one whose `afterDays` has been reached. */
export function dueStep(cascade: readonly CascadeStep[], days: number): CascadeStep | undefined {
  return [...cascade]
    .sort((a, b) => a.afterDays - b.afterDays)
    .filter((s) => days >= s.afterDays)
    .at(-1);
}
