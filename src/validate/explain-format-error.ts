import { type Finding, finding } from "../errors.js";
import type { CatalogueKey } from "../i18n/catalogue.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import { DATE_RANGE, daysInMonth, isCalendarDate } from "../time/plain-date.js";

/** A value that breaks its `format` (date, time, email), with the fix for what the author most likely meant. */
export function explainFormatError(
  format: string,
  name: string,
  value: string,
  file: string,
  position: { line: number; column: number },
  example: string,
) {
  if (format === "date") {
    if (isCalendarDate(value)) return dateRangeFinding(name, value, file, position, example);
    return finding("invalid-field", file, position, dateProblem(name, value), dateHint(value, example));
  }
  if (format === "time") {
    return finding("invalid-field", file, position, phrase("schema.notATime", { name, value }), timeHint(value));
  }
  if (format === "email") {
    return finding("invalid-field", file, position, phrase("schema.notAnEmail", { name, value }), phrase("schema.emailHint"));
  }
  return finding("invalid-field", file, position, phrase("schema.badFormat", { name, format }), phrase("schema.invalidHint"));
}

/**
 * A real date outside 1900-01-01 … 2999-12-31: a typo in the year (0202, 9999, 0001), and beyond the range day
 * counts and calendar files would be wrong.
 */
function dateRangeFinding(
  name: string,
  value: string,
  file: string,
  position: { line: number; column: number },
  example: string,
): Finding {
  const { min, max } = DATE_RANGE;
  return finding(
    "invalid-field",
    file,
    position,
    phrase(value < min ? "schema.dateBeforeRange" : "schema.dateAfterRange", { name, min, max, value }),
    phrase("schema.dateRangeHint", { min, max, example }),
  );
}

/**
 * What is wrong with a date that is not `YYYY-MM-DD` or not in the calendar: "there is no month 13",
 * "February 2027 has 28 days, not 30". `subject` is how the value is named (`` `due` ``, `--date`).
 */
export function dateProblem(subject: string, value: string): Phrase {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m, d] = iso.map(Number) as [number, number, number, number];
    if (m < 1 || m > 12) return phrase("schema.notADate.month", { name: subject, month: m, value });
    return phrase("schema.notADate.day", {
      name: subject,
      monthName: monthName(m),
      year: y,
      days: daysInMonth(y, m),
      day: d,
    });
  }
  return phrase("schema.notADate", { name: subject, value });
}

export function dateHint(value: string, example: string): Phrase {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m] = iso.map(Number) as [number, number, number, number];
    if (m >= 1 && m <= 12) {
      const last = `${y}-${String(m).padStart(2, "0")}-${daysInMonth(y, m)}`;
      return phrase("schema.dateHint.day", { monthName: monthName(m), year: y, last });
    }
    return phrase("schema.dateHint.month");
  }
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (german) {
    const [, d, m, y] = german as unknown as [string, string, string, string];
    return phrase("schema.dateHint.german", { iso: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` });
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (loose) {
    const [, y, m, d] = loose as unknown as [string, string, string, string];
    return phrase("schema.dateHint.digits", { iso: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` });
  }
  return phrase("schema.dateHint.other", { example });
}

function timeHint(value: string): Phrase {
  const loose = /^(\d{1,2})[:.](\d{1,2})$/.exec(value.trim());
  if (loose) {
    const h = Number(loose[1]);
    const m = Number(loose[2]);
    if (h < 24 && m < 60)
      return phrase("schema.timeHint.fix", { time: `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}` });
  }
  return phrase("schema.timeHint.other");
}

function monthName(m: number): Phrase {
  return { key: `month.${m}` as CatalogueKey };
}
