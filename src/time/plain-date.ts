/**
 * Calendar dates without a time or zone. A `PlainDate` is the `YYYY-MM-DD` string itself; arithmetic goes
 * through a day number, so no JS `Date` at UTC midnight ever shifts a date by one in some time zone.
 */
export type PlainDate = string & { readonly __plainDate: unique symbol };

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Returns the date if `text` is a real calendar date in `YYYY-MM-DD` form, else `undefined`. */
export function parsePlainDate(text: string): PlainDate | undefined {
  const match = DATE_SHAPE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return text as PlainDate;
}

/** Whether `text` is a 24-hour `HH:MM` time. */
export function isPlainTime(text: string): boolean {
  return TIME_SHAPE.test(text);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (proleptic Gregorian); Date.UTC is independent of the process time zone. */
export function dayNumber(date: PlainDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): PlainDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10) as PlainDate;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** `b - a` in days: positive when b is later. */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Today's date in an IANA time zone, e.g. `Europe/Berlin`. */
export function todayIn(timeZone: string, now: Date = new Date()): PlainDate {
  // en-CA formats as YYYY-MM-DD.
  const text = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return text as PlainDate;
}

/** Whether `zone` is an IANA time zone this Node knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(date: PlainDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}
