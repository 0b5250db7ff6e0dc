// missing-next-meeting: an active deal with no next appointment fixed.
import { dealStart, type Rule, report } from "./rule.js";

export const missingNextMeeting: Rule = {
  code: "missing-next-meeting",
  check: (context) =>
    context.deal.status === "active" && !context.deal.nextMeeting
      ? [
          report("missing-next-meeting", context, {
            at: dealStart(context),
            en: "No next appointment is fixed.",
            de: "Es ist kein nächster Termin vereinbart.",
            hint: "Add `next_meeting:` with `date:` (and `time:`, `place:`), or set `status: paused` if the deal rests.",
          }),
        ]
      : [],
};
