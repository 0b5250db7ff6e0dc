import type { Language } from "./language.js";
import { type PlainDate, weekday } from "./plain-date.js";

// Fixed tables instead of Intl: ICU versions differ ("Mo" vs "Mo."), and a PDF must be byte-identical on
// every machine that builds it.
const WEEKDAYS: Record<Language, readonly string[]> = {
  de: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `27.11.2026` in German, `27 Nov 2026` in English. Independent of the process time zone. */
export function formatDate(date: PlainDate, language: Language): string {
  const [y, m, d] = date.split("-") as [string, string, string];
  if (language === "de") return `${d}.${m}.${y}`;
  return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}

/** Short weekday: `Mo` / `Mon`. */
export function formatWeekday(date: PlainDate, language: Language): string {
  return WEEKDAYS[language][weekday(date) - 1] as string;
}

/** `10:00 Uhr` in German, `10:00` in English. */
export function formatTime(time: string, language: Language): string {
  return language === "de" ? `${time} Uhr` : time;
}
