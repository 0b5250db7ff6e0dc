// protocol-late: the recap has not gone out within the agreed days after the meeting (default 2: 48 hours).
import { formatDate } from "../time/format-date.js";
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
        en: `The recap of the meeting on ${formatDate(deal.meeting.date, "en")} has not been sent (${days} days ago).`,
        de: `Das Protokoll zum Termin am ${formatDate(deal.meeting.date, "de")} ist noch nicht verschickt (vor ${days} Tagen).`,
        hint: "Send the recap today and record it with `protocol_sent: <date>`.",
      }),
    ];
  },
};
