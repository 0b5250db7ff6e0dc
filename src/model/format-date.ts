import type { Language } from "./deal.js";
import { dayNumber, type PlainDate } from "./plain-date.js";

const english = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const englishWeekday = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short" });
const germanWeekday = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", weekday: "short" });

/** `27.11.2026` in German, `27 Nov 2026` in English. Independent of the process time zone. */
export function formatDate(date: PlainDate, language: Language): string {
  const [y, m, d] = date.split("-") as [string, string, string];
  if (language === "de") return `${d}.${m}.${y}`;
  return english.format(new Date(dayNumber(date) * 86_400_000));
}

/** Short weekday: `Mo.` / `Mon`. */
export function formatWeekday(date: PlainDate, language: Language): string {
  const format = language === "de" ? germanWeekday : englishWeekday;
  return format.format(new Date(dayNumber(date) * 86_400_000));
}

/** `10:00 Uhr` in German, `10:00` in English. */
export function formatTime(time: string, language: Language): string {
  return language === "de" ? `${time} Uhr` : time;
}
