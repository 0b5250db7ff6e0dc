// ambiguous-time: a meeting time that the clocks skip or show twice when summer time starts or ends.
import { formatDate } from "../time/format-date.js";
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
      const when = `${formatDate(appointment.date, "en")} ${appointment.time}`;
      const wann = `${formatDate(appointment.date, "de")} ${appointment.time} Uhr`;
      return [
        count === 0
          ? report("ambiguous-time", context, {
              at: [key, "time"],
              en: `${when} does not exist in ${zone}: the clocks skip that hour when summer time starts.`,
              de: `${wann} gibt es in ${zone} nicht: die Uhren springen bei Beginn der Sommerzeit darüber.`,
              hint: "Pick a time outside the skipped hour; calendars would move it by an hour.",
            })
          : report("ambiguous-time", context, {
              at: [key, "time"],
              en: `${when} happens twice in ${zone}: the clocks repeat that hour when summer time ends. The calendar uses the first (summer time).`,
              de: `${wann} gibt es in ${zone} zweimal: die Uhren wiederholen die Stunde bei Ende der Sommerzeit. Der Kalender nimmt die erste (Sommerzeit).`,
              hint: "Pick a time outside the repeated hour to be unambiguous.",
            }),
      ];
    });
  },
};
