/** The languages a deal, a page or the CLI can be written in. German first. */
export type Language = "de" | "en";

export function isLanguage(value: unknown): value is Language {
  return value === "de" || value === "en";
}
