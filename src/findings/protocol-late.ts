// protocol-late: the recap has not gone out within the agreed days after the meeting (default 2: 48 hours).

import { date, phrase, plural } from "../i18n/translate.js";
import { daysBetween } from "../time/plain-date.js";
import { type Rule, report } from "./rule.js";

export const protocolLate: Rule = {
  code: "protocol-late",
  check: (context) => {
    const { deal, today, config } = context;
    const days = daysBetween(deal.meeting.date, today);
    if (deal.protocolSent || days <= config.thresholds.protocolLateDays) return [];
    return [
      report("protocol-late", context, {
        at: ["meeting", "date"],
        message: phrase("protocol-late.message", { date: date(deal.meeting.date), days: plural(days, "n.dayAgo") }),
        hint: phrase("protocol-late.hint", { today }),
      }),
    ];
  },
};
