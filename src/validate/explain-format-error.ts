import { type Finding, finding } from "../errors.js";
import type { CatalogueKey } from "../i18n/catalogue.js";
import { date, type Phrase, phrase } from "../i18n/translate.js";
import { DATE_RANGE, daysInMonth, isCalendarDate, type PlainDate } from "../time/plain-date.js";
import { proposeDate, readDate, sameDay } from "./propose-date.js";

/** What the place of a value adds: the meeting a due date may not precede, whether it was written unquoted. */
export interface ValueContext {
  floor?: PlainDate;
  /** The value's source when it is a plain (unquoted) scalar. */
  plain?: string;
}

/** A value that breaks its `format` (date, time, email), with the fix for what the author most likely meant. */
export function explainFormatError(
  format: string,
  name: string,
  value: string,
  file: string,
  position: { line: number; column: number },
  example: string,
  context: ValueContext = {},
) {
  if (format === "date") {
    if (isCalendarDate(value)) return dateRangeFinding(name, value, file, position, example);
    return finding("invalid-field", file, position, dateProblem(name, value), dateHint(value, example, context.floor));
  }
  if (format === "time") {
    const key = name.split(".").at(-1) ?? name;
    return finding(
      "invalid-field",
      file,
      position,
      phrase("schema.notATime", { name, value }),
      timeHint(value, key, context.plain),
    );
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

/**
 * How to write the date meant: the ISO form of a German `31.11.2026` or `3.12.`, and for a day the month does
 * not have a date that exists — for a due date or next meeting (`floor`: the meeting) never one before it.
 */
export function dateHint(value: string, example: string, floor?: PlainDate): Phrase {
  const read = readDate(value);
  const proposal = read ? proposeDate(read, floor, Number(example.slice(0, 4))) : undefined;
  if (read && !proposal)
    return read.order === "iso" ? phrase("schema.dateHint.month") : phrase("schema.dateHint.other", { example });
  if (read && proposal) {
    if (read.order === "german") {
      if (read.year === undefined) return phrase("schema.dateHint.germanNoYear", { iso: proposal });
      if (sameDay(read, proposal)) return phrase("schema.dateHint.german", { iso: proposal });
      return phrase("schema.dateHint.germanImpossible", { value: value.trim(), iso: proposal });
    }
    if (isCalendarDate(`${read.year}-${pad(read.month)}-${pad(read.day)}`))
      return phrase("schema.dateHint.digits", { iso: proposal });
    const year = read.year ?? Number(proposal.slice(0, 4));
    const last = `${year}-${pad(read.month)}-${daysInMonth(year, read.month)}`;
    if (proposal !== last && floor) return phrase("schema.dateHint.proposeFloor", { iso: proposal, floor: date(floor) });
    return phrase("schema.dateHint.propose", { iso: proposal, monthName: monthName(read.month), year });
  }
  return phrase("schema.dateHint.other", { example });
}

const pad = (n: number) => String(n).padStart(2, "0");

function timeHint(value: string, key: string, plain: string | undefined): Phrase {
  const loose = /^(\d{1,2})[:.](\d{1,2})$/.exec(value.trim());
  if (loose) {
    const h = Number(loose[1]);
    const m = Number(loose[2]);
    const time = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
    // Written without quotes: its own hint, with the key, since that is what went wrong.
    if (h < 24 && m < 60)
      return plain === undefined ? phrase("schema.timeHint.fix", { time }) : phrase("schema.timeHint.unquoted", { key, time });
  }
  return phrase("schema.timeHint.other");
}

function monthName(m: number): Phrase {
  return { key: `month.${m}` as CatalogueKey };
}
