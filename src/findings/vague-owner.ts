// vague-owner: "Wir kümmern uns" — an owner that is a group or a placeholder, not a person.

import type { Config } from "../config/load-config.js";
import { phrase } from "../i18n/translate.js";
import { openActions, type Rule, report } from "./rule.js";

export const vagueOwner: Rule = {
  code: "vague-owner",
  check: (context) => {
    const vague = vagueWords(context.config);
    return openActions(context.deal)
      .filter((action) => action.owner !== undefined && isVague(action.owner, vague))
      .map((action) =>
        report("vague-owner", context, {
          at: ["actions", action.index, "owner"],
          action,
          message: phrase("vague-owner.message", { task: action.task, owner: action.owner ?? "" }),
          hint: phrase("vague-owner.hint"),
        }),
      );
  },
};

/** The configured group words, normalised for {@link isVague}. */
export function vagueWords(config: Config): Set<string> {
  return new Set(config.vagueOwners.map(normalize));
}

function normalize(word: string): string {
  return word.normalize("NFC").toLowerCase().trim();
}

/**
 * Vague when the owner is a listed word, consists of listed words only ("wir und alle"), or starts with one
 * ("Team Einkauf", "Vertrieb Nord", "wir (Anna)"). The list is the configuration's `vague_owners`.
 */
export function isVague(owner: string, vague: Set<string>): boolean {
  const listed = (word: string) => vague.has(word) || vague.has(word.replace(/[.!:()]+$/, ""));
  const text = normalize(owner);
  if (listed(text)) return true;
  const words = text.split(/[\s/,&+]+/).filter(Boolean);
  if (words.length === 0) return true;
  if (listed(words[0] as string)) return true;
  return words.every((w) => listed(w) || w === "und" || w === "and");
}
