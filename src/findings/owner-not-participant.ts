// owner-not-participant: the owner is not among the participants — often a typo in the name.

import { phrase } from "../i18n/translate.js";
import { didYouMean } from "../validate/did-you-mean.js";
import { openActions, type Rule, report } from "./rule.js";
import { isVague, vagueWords } from "./vague-owner.js";

export const ownerNotParticipant: Rule = {
  code: "owner-not-participant",
  check: (context) => {
    const names = context.deal.participants.map((p) => p.name);
    if (names.length === 0) return [];
    const vague = vagueWords(context.config);
    return openActions(context.deal).flatMap((action) => {
      const owner = action.owner;
      if (!owner || isVague(owner, vague) || matchesParticipant(owner, names)) return [];
      const guess = didYouMean(owner, names);
      return [
        report("owner-not-participant", context, {
          at: ["actions", action.index, "owner"],
          action,
          message: phrase("owner-not-participant.message", { owner, task: action.task }),
          hint: guess ? phrase("owner-not-participant.guess", { name: guess }) : phrase("owner-not-participant.hint"),
        }),
      ];
    });
  },
};

/** Full name, or a unique first or last name ("Schulz", "Frau Schulz"), counts as a match. */
export function matchesParticipant(owner: string, names: string[]): boolean {
  const wanted = personName(owner);
  return names.some((name) => {
    const full = personName(name);
    return full === wanted || full.split(" ").includes(wanted);
  });
}

/** Lowercase, without salutation and titles: "Frau Dr. Anna Schulz" → "anna schulz". */
function personName(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\b(frau|herr|fr\.|hr\.|mr\.?|mrs\.?|ms\.?|dr\.|prof\.)(?=\s)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
