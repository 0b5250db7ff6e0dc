// deal-stale: an active deal with no contact and no next step for long — the competitor moves meanwhile. It
// counts from the last contact of the timeline: never a commit, `updated` or the "Stand".
import { phrase } from "../i18n/translate.js";
import { daysBetween } from "../time/plain-date.js";
import { dealStart, openActions, type Rule, report } from "./rule.js";

export const dealStale: Rule = {
  code: "deal-stale",
  check: (context) => {
    const { deal, today, config, timeline } = context;
    if (deal.status !== "active") return [];
    const nextStep =
      (deal.nextMeeting && deal.nextMeeting.date >= today) || openActions(deal).some((a) => a.due && a.due >= today);
    if (nextStep) return [];
    const days = daysBetween(timeline.lastContact, today);
    if (days < config.thresholds.staleDays) return [];
    return [
      report("deal-stale", context, {
        at: dealStart(context),
        message: phrase("deal-stale.message", { days }),
        hint: phrase("deal-stale.hint"),
      }),
    ];
  },
};
