// missing-owner: an open action nobody is responsible for.
import { phrase } from "../i18n/translate.js";
import { openActions, type Rule, report } from "./rule.js";

export const missingOwner: Rule = {
  code: "missing-owner",
  check: (context) =>
    openActions(context.deal)
      .filter((action) => !action.owner)
      .map((action) =>
        report("missing-owner", context, {
          at: ["actions", action.index, "task"],
          action,
          message: phrase("missing-owner.message", { task: action.task }),
          hint: phrase("missing-owner.hint"),
        }),
      ),
};
