// vague-owner: "Wir kümmern uns" — an owner that is a group or a placeholder, not a person.
import { openActions, type Rule, report } from "./rule.js";

export const vagueOwner: Rule = {
  code: "vague-owner",
  check: (context) => {
    const vague = new Set(context.config.vagueOwners.map(normalize));
    return openActions(context.deal)
      .filter((action) => action.owner !== undefined && isVague(action.owner, vague))
      .map((action) =>
        report("vague-owner", context, {
          at: ["actions", action.index, "owner"],
          action,
          en: `Action "${action.task}" is owned by "${action.owner}", which is not one person.`,
          de: `Aufgabe „${action.task}“ liegt bei „${action.owner}“ – das ist keine einzelne Person.`,
          hint: "Name the one person who answers for it, e.g. `owner: Anna Schulz`.",
        }),
      );
  },
};

function normalize(word: string): string {
  return word.normalize("NFC").toLowerCase().trim();
}

/** Vague when the whole owner, or every word of it, is a group word ("wir", "Team Einkauf", "alle", "?"). */
export function isVague(owner: string, vague: Set<string>): boolean {
  const text = normalize(owner);
  if (vague.has(text) || vague.has(text.replace(/[.!]+$/, ""))) return true;
  const words = text.split(/[\s/,&+]+/).filter(Boolean);
  if (words.length === 0) return true;
  if (words[0] === "team" || words[0] === "abteilung") return true;
  return words.every((w) => vague.has(w) || vague.has(w.replace(/[.!]+$/, "")) || w === "und" || w === "and");
}
