// ambiguous-time: a meeting time that the clocks skip or show twice when summer time starts or ends.

import { date, phrase } from "../i18n/translate.js";
import { instantsOf } from "../time/zoned-time.js";
import { type Rule, report } from "./rule.js";

export const ambiguousTime: Rule = {
  code: "ambiguous-time",
  check: (context) => {
    const { deal, config } = context;
    const zone = config.timeZone;
    const checks = [
      { key: "meeting", appointment: deal.meeting },
      { key: "next_meeting", appointment: deal.nextMeeting },
    ] as const;
    return checks.flatMap(({ key, appointment }) => {
      if (!appointment?.time) return [];
      const count = instantsOf(appointment.date, appointment.time, zone).length;
      if (count === 1) return [];
      const at = { date: date(appointment.date), time: appointment.time, zone };
      return [
        count === 0
          ? report("ambiguous-time", context, {
              at: [key, "time"],
              message: phrase("ambiguous-time.skipped", at),
              hint: phrase("ambiguous-time.skippedHint"),
            })
          : report("ambiguous-time", context, {
              at: [key, "time"],
              message: phrase("ambiguous-time.repeated", at),
              hint: phrase("ambiguous-time.repeatedHint"),
            }),
      ];
    });
  },
};
