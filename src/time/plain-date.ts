/**
 * Calendar dates without a time or zone. A `PlainDate` is the `YYYY-MM-DD` string itself; arithmetic goes
 * through a day number, so no JS `Date` at UTC midnight ever shifts a date by one in some time zone.
 */
export type PlainDate = string & { readonly __plainDate: unique symbol };

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The dates protokoll accepts, in deal files and on the command line: every real protocol falls inside, a
 * year 0001 or 9999 is a typo, and within it every output (day counts, iCalendar's four-digit years, the
 * calendar's UTC times) is exact. Also in the JSON Schema's `date` pattern.
 */
export const DATE_RANGE = { min: "1900-01-01", max: "2999-12-31" } as const;

/** Whether `text` is a real calendar date in `YYYY-MM-DD` form, of any four-digit year. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Returns the date if `text` is a real calendar date `YYYY-MM-DD` within {@link DATE_RANGE}, else `undefined`. */
export function parsePlainDate(text: string): PlainDate | undefined {
  if (!isCalendarDate(text) || text < DATE_RANGE.min || text > DATE_RANGE.max) return undefined;
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

/**
 * Milliseconds since 1970-01-01 UTC of a wall-clock time read as UTC, for every year: `Date.UTC` reads the
 * years 0–99 as 1900–1999 (year 0001 became 1901), `setUTCFullYear` does not. Independent of the process zone.
 */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const time = new Date(0);
  time.setUTCFullYear(year, month - 1, day);
  time.setUTCHours(hour, minute, second, 0);
  return time.getTime();
}

/**
 * Days since 1970-01-01 (proleptic Gregorian), by integer arithmetic (H. Hinnant's days-from-civil): the weekly
 * measures and the review call it millions of times, where a `Date` per call was most of a build's time.
 */
export function dayNumber(date: PlainDate): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (civil-from-days, the inverse of {@link dayNumber}). */
export function fromDayNumber(day: number): PlainDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}` as PlainDate;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** `b - a` in days: positive when b is later. */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return dayNumber(b) - dayNumber(a);
}

// One formatter per zone: making one costs more than formatting, and the history dates every commit with it.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in an IANA time zone, e.g. `Europe/Berlin`. */
export function todayIn(timeZone: string, now: Date = new Date()): PlainDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now) as PlainDate;
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
