import { ProtokollError } from "../errors.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import { addDays, type PlainDate, parsePlainDate, todayIn } from "../time/plain-date.js";
import { dateProblem } from "../validate/explain-format-error.js";

/**
 * "Today": `--today` wins, then `PROTOKOLL_TODAY`, then the current date in the configured time zone.
 * It changes findings and the index, never a PDF.
 */
export function resolveToday(flag: string | undefined, timeZone: string, env = process.env): PlainDate {
  const source = flag !== undefined ? "--today" : env.PROTOKOLL_TODAY ? "PROTOKOLL_TODAY" : undefined;
  const text = flag ?? env.PROTOKOLL_TODAY;
  if (text === undefined || source === undefined) return todayIn(timeZone);
  // The clock is read for the hint's example only: the time-zone data costs a start 10 ms.
  return parseDateOption(text, source, "--today", () => todayIn(timeZone));
}

/**
 * A `YYYY-MM-DD` option, or a usage error that says what is wrong the way `check` does for a deal: "there is
 * no month 13", "February 2027 has 28 days". The example in the hint is a week after `today`.
 */
export function parseDateOption(text: string, source: string, flag: string, today: PlainDate | (() => PlainDate)): PlainDate {
  const date = parsePlainDate(text);
  if (date) return date;
  const from = typeof today === "function" ? today() : today;
  throw new ProtokollError(dateProblem(source, text), phrase("cli.dateExample", { flag, example: addDays(from, 7) }));
}

export function parsePositiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new ProtokollError(phrase("cli.wholeNumber", { name, text }), phrase("cli.wholeNumberHint", { name, example: 2 }));
  }
  return value;
}

/** A `--format` value, or a usage error naming the formats there are. */
export function parseFormat<F extends string>(text: string | undefined, formats: readonly F[]): F {
  const format = text ?? (formats[0] as F);
  if ((formats as readonly string[]).includes(format)) return format as F;
  throw new ProtokollError(phrase("cli.unknownFormat", { format }), formatsHint(formats));
}

function formatsHint(formats: readonly string[]): Phrase {
  return phrase("cli.formatsHint", { formats: formats.join(", ") });
}
