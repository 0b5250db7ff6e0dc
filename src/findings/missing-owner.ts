// missing-owner: an open action nobody is responsible for.
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
          en: `Action "${action.task}" has no owner.`,
          de: `Aufgabe „${action.task}“ hat keine verantwortliche Person.`,
          hint: "Add `owner:` with the name of one person, e.g. `owner: Anna Schulz`.",
        }),
      ),
};
