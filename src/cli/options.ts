import { ProtokollError } from "../errors.js";
import type { Language } from "../time/language.js";
import { type PlainDate, parsePlainDate, todayIn } from "../time/plain-date.js";

/**
 * "Today": `--today` wins, then `PROTOKOLL_TODAY`, then the current date in the configured time zone.
 * It changes findings and the index, never a PDF.
 */
export function resolveToday(flag: string | undefined, timeZone: string, env = process.env): PlainDate {
  const source = flag !== undefined ? "--today" : env.PROTOKOLL_TODAY ? "PROTOKOLL_TODAY" : undefined;
  const text = flag ?? env.PROTOKOLL_TODAY;
  if (text === undefined || source === undefined) return todayIn(timeZone);
  const date = parsePlainDate(text);
  if (!date) throw new ProtokollError(`${source} must be a date YYYY-MM-DD, not "${text}".`, "Example: --today 2026-11-23");
  return date;
}

export function parsePositiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new ProtokollError(`${name} must be a whole number ≥ 1, not "${text}".`);
  }
  return value;
}

/** The language of CLI output: `--lang`, else `PROTOKOLL_LANG`, else German. */
export function cliLanguage(flag: string | undefined, env = process.env): Language {
  const text = flag ?? env.PROTOKOLL_LANG ?? "de";
  if (text === "de" || text === "en") return text;
  throw new ProtokollError(`--lang must be de or en, not "${text}".`, "Example: --lang en");
}
