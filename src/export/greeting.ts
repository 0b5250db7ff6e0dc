// The first line of a mail to the client: a greeting for the people it goes to, as the salesperson would write it.
import { t } from "../i18n/translate.js";
import type { Deal, Participant } from "../model/deal.js";

/** Academic titles that stay before the surname in "Sehr geehrter Herr Dr. Hoffmann". */
const TITLE = /^(prof\.?|dr\.?|dr\.-ing\.?|dr\.\s?med\.?|pd|dipl\.-ing\.?)$/i;

/** More people than this are greeted together ("Guten Tag zusammen,"): a line of six greetings reads as a list. */
const MAX_NAMED = 4;

/** The name's parts: leading titles, first name, surname ("Dr. Martin Hoffmann" → ["Dr."], "Martin", "Hoffmann"). */
function nameParts(name: string): { titles: string[]; first: string; last: string } {
  const words = name.replace(/\s+/g, " ").trim().split(" ");
  const titles: string[] = [];
  while (words.length > 1 && TITLE.test(words[0] as string)) titles.push(words.shift() as string);
  return { titles, first: words[0] ?? "", last: words.at(-1) ?? "" };
}

/**
 * One person's greeting, without the comma. `salutation: Herr|Frau` with the deal's `address: Sie` gives "Sehr
 * geehrter Herr Dr. Hoffmann" / "Dear Mr Hoffmann" (a title replaces Mr/Ms in English: "Dear Dr Hoffmann");
 * `address: du` gives "Hallo Martin" / "Dear Martin"; any other salutation is the greeting as written ("Hallo
 * Martin"). Without a salutation nothing guesses a gender: "Guten Tag Martin Hoffmann" / "Dear Martin Hoffmann".
 */
export function personGreeting(person: Participant, deal: Pick<Deal, "language" | "address">): string {
  const language = deal.language;
  const salutation = person.salutation?.trim();
  const { titles, first, last } = nameParts(person.name);
  if (salutation && !/^(herr|frau)$/i.test(salutation)) return salutation.replace(/[,\s]+$/, "");
  if (deal.address === "du") return t(language, "mail.greetingDu", { name: first });
  if (!salutation) return t(language, "mail.greetingNeutral", { name: person.name.replace(/\s+/g, " ").trim() });
  const male = /^herr$/i.test(salutation);
  if (language === "en" && titles.length > 0) {
    return t(language, "mail.greetingNeutral", { name: `${titles.map((w) => w.replace(/\.$/, "")).join(" ")} ${last}` });
  }
  const name = language === "de" ? [...titles, last].join(" ") : last;
  return t(language, male ? "mail.greetingMr" : "mail.greetingMs", { name });
}

/**
 * The greeting line for the people a mail goes to: each greeted in turn on one line ("Sehr geehrte Frau Lange,
 * sehr geehrter Herr Dr. Hoffmann,"), more than four together, nobody named: the neutral "Guten Tag,".
 */
export function greetingLine(people: readonly Participant[], deal: Pick<Deal, "language" | "address">): string {
  if (people.length === 0) return t(deal.language, "mail.greeting");
  if (people.length > MAX_NAMED) return t(deal.language, "mail.greetingAll");
  const greetings = people.map((person, i) => lowerAfterFirst(personGreeting(person, deal), i));
  return `${greetings.join(", ")},`;
}

/** "Sehr geehrter …", "Hallo …" and "Dear …" go on in lower case after the first greeting. */
function lowerAfterFirst(text: string, index: number): string {
  if (index === 0) return text;
  return /^(Sehr|Guten|Dear|Hallo)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
