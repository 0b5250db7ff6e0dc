import type { Language } from "./language.js";
import { type PlainDate, weekday } from "./plain-date.js";
import { instantsOf, offsetMinutes } from "./zoned-time.js";

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

/** Zones whose German-speaking readers take a bare "10:00 Uhr" as local time without being told. */
const HOME_ZONES = new Set([
  "Europe/Berlin",
  "Europe/Vienna",
  "Europe/Zurich",
  "Europe/Luxembourg",
  "Europe/Vaduz",
  "Europe/Busingen",
]);

// Fixed names instead of Intl's `timeZoneName`, which differs between ICU versions; other zones get "UTC+hh:mm".
const ZONE_NAMES: Record<string, Record<Language, [standard: string, summer: string]>> = {
  CET: { de: ["MEZ", "MESZ"], en: ["CET", "CEST"] },
  "Europe/London": { de: ["GMT", "BST"], en: ["GMT", "BST"] },
  "Europe/Dublin": { de: ["GMT", "IST"], en: ["GMT", "IST"] },
  "Europe/Lisbon": { de: ["WEZ", "WESZ"], en: ["WET", "WEST"] },
  EET: { de: ["OEZ", "OESZ"], en: ["EET", "EEST"] },
};
const CET_ZONES =
  /^Europe\/(Berlin|Vienna|Zurich|Luxembourg|Vaduz|Busingen|Amsterdam|Brussels|Paris|Madrid|Rome|Prague|Warsaw|Copenhagen|Oslo|Stockholm|Budapest|Bratislava|Ljubljana|Zagreb|Belgrade|Monaco|Malta|Andorra|San_Marino|Vatican|Gibraltar|Tirane|Sarajevo|Skopje|Podgorica)$/;
const EET_ZONES = /^Europe\/(Helsinki|Tallinn|Riga|Vilnius|Athens|Sofia|Bucharest|Kyiv|Kiev|Chisinau)$/;

/**
 * Whether a time needs its zone written next to it: always for English deals (the reader is likely abroad),
 * and for every deal when the configured zone is not one a German-speaking reader assumes (Berlin, Vienna,
 * Zurich, …).
 */
export function showsZone(language: Language, zone: string): boolean {
  return language === "en" || !HOME_ZONES.has(zone);
}

/**
 * The zone abbreviation at that date and time: `MEZ`/`MESZ` (German) or `CET`/`CEST`, `GMT`/`IST` for Dublin,
 * else `UTC+05:30`. From fixed tables and the zone's offset, so every machine prints the same.
 */
export function zoneAbbreviation(date: PlainDate, time: string, zone: string, language: Language): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const local = Date.UTC(y, m - 1, d, h, min);
  const instant = instantsOf(date, time, zone)[0] ?? local;
  const offset = Math.round((local - instant) / 60_000);
  const january = offsetMinutes(Date.UTC(y, 0, 15, 12), zone);
  const july = offsetMinutes(Date.UTC(y, 6, 15, 12), zone);
  const family = CET_ZONES.test(zone) ? "CET" : EET_ZONES.test(zone) ? "EET" : zone;
  const names = ZONE_NAMES[family]?.[language];
  if (names && january !== july) return offset === Math.max(january, july) ? names[1] : names[0];
  const sign = offset < 0 ? "−" : "+";
  const abs = Math.abs(offset);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
