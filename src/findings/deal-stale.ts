// deal-stale: an active deal with no contact and no next step for long — the competitor moves meanwhile.
import { phrase } from "../i18n/translate.js";
import type { Deal } from "../model/deal.js";
import { daysBetween, type PlainDate } from "../time/plain-date.js";
import { dealStart, openActions, type Rule, report } from "./rule.js";

/** The latest day anything happened on the deal: the meeting, the "Stand", the recap, a task done. */
export function lastContact(deal: Deal): PlainDate {
  const contacts: PlainDate[] = [deal.meeting.date, deal.asOf];
  if (deal.protocolSent) contacts.push(deal.protocolSent);
  for (const a of deal.actions) if (a.doneOn) contacts.push(a.doneOn);
  return contacts.sort().at(-1) as PlainDate;
}

export const dealStale: Rule = {
  code: "deal-stale",
  check: (context) => {
    const { deal, today, config } = context;
    if (deal.status !== "active") return [];
    const nextStep =
      (deal.nextMeeting && deal.nextMeeting.date >= today) || openActions(deal).some((a) => a.due && a.due >= today);
    if (nextStep) return [];
    const days = daysBetween(lastContact(deal), today);
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
