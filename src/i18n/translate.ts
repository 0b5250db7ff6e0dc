import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import type { PlainDate } from "../time/plain-date.js";
import { type CatalogueKey, catalogue } from "./catalogue.js";

/**
 * A sentence not yet in any language: a catalogue key and its values. Findings and errors carry phrases, and
 * each sink (check text, report.json, the site, the diff) words them in its reader's language with {@link say}.
 */
export interface Phrase {
  key: CatalogueKey;
  params?: Readonly<Record<string, Arg>>;
}

/** A value for a `{placeholder}`: plain text or a number as is, a date or a nested phrase in the reader's language. */
export type Arg = string | number | Phrase | DateArg | NumberArg;

/** A number written with the language's digit grouping: `6.000` / `6,000`. */
export interface NumberArg {
  grouped: number;
}

export function grouped(value: number): NumberArg {
  return { grouped: value };
}

/** A `YYYY-MM-DD` date, written `20.11.2026` in German and `20 Nov 2026` in English. */
export interface DateArg {
  date: PlainDate;
}

type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
type Text<K extends CatalogueKey, L extends Language> = (typeof catalogue)[L][K];

/** The placeholders of a key, in either language: `t("x", { task })` fails to compile when one is missing. */
export type ParamsOf<K extends CatalogueKey> = Record<Holes<Text<K, "de">> | Holes<Text<K, "en">>, Arg>;
type ParamArgs<K extends CatalogueKey> = [Holes<Text<K, "de">> | Holes<Text<K, "en">>] extends [never] ? [] : [ParamsOf<K>];

/** Builds a phrase; the compiler checks the key and that every placeholder gets a value. */
export function phrase<K extends CatalogueKey>(key: K, ...params: ParamArgs<K>): Phrase {
  return params[0] ? { key, params: params[0] } : { key };
}

/** A date argument for a placeholder. */
export function date(value: PlainDate): DateArg {
  return { date: value };
}

/** `{n} Tag` / `{n} Tage`: picks `<base>.one` or `<base>.other` by the number. */
export function plural(n: number, base: PluralBase): Phrase {
  return { key: `${base}.${n === 1 ? "one" : "other"}` as CatalogueKey, params: { n } };
}

type PluralBase = CatalogueKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** The phrase in one language, placeholders filled. */
export function say(language: Language, p: Phrase): string {
  const text: string = catalogue[language][p.key];
  if (!p.params) return text;
  const params = p.params;
  return text.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? hole : arg(language, value);
  });
}

/** Shorthand: a key and its values straight to text. */
export function t<K extends CatalogueKey>(language: Language, key: K, ...params: ParamArgs<K>): string {
  return say(language, phrase(key, ...params));
}

function arg(language: Language, value: Arg): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if ("date" in value) return formatDate(value.date, language);
  if ("grouped" in value) return value.grouped.toLocaleString(language === "de" ? "de-DE" : "en-GB");
  return say(language, value);
}

/** Every string of one language, by key — for templates and view models (`messages("de").protocol`). */
export function messages(language: Language): Messages {
  return catalogue[language];
}

export type Messages = Readonly<Record<CatalogueKey, string>>;
