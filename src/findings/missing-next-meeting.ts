// missing-next-meeting: an active deal with no next appointment fixed.
import { phrase } from "../i18n/translate.js";
import { dealStart, type Rule, report } from "./rule.js";

export const missingNextMeeting: Rule = {
  code: "missing-next-meeting",
  check: (context) =>
    context.deal.status === "active" && !context.deal.nextMeeting
      ? [
          report("missing-next-meeting", context, {
            at: dealStart(context),
            message: phrase("missing-next-meeting.message"),
            hint: phrase("missing-next-meeting.hint"),
          }),
        ]
      : [],
};
