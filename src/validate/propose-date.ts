// The date the author most likely meant, for a date that is not one: never a date that cannot be.
import { daysInMonth, isCalendarDate, type PlainDate } from "../time/plain-date.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** What was written, read as day, month and year: `2026-11-31`, `31.11.2026`, `3.12.` (no year). */
export interface ReadDate {
  day: number;
  month: number;
  /** Undefined when the author left it out (`3.12.`). */
  year?: number;
  order: "iso" | "german";
}

export function readDate(value: string): ReadDate | undefined {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), order: "iso" };
  const german = /^(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}))?$/.exec(text) ?? /^(\d{1,2})\.(\d{1,2})$/.exec(text);
  if (german) {
    const year = german[3] === undefined ? undefined : Number(german[3]);
    return { day: Number(german[1]), month: Number(german[2]), ...(year === undefined ? {} : { year }), order: "german" };
  }
  return undefined;
}

/**
 * A real date for what was written: the day as written when it exists, else the month's last day (31.11. →
 * 30.11.). A date without a year takes the year of `floor` (the meeting), or the one after when it would fall
 * before it. With a `floor` (a due date or next meeting: never before the meeting) a proposal before it moves
 * to the first of the next month, and if that is still before, to the floor itself. Undefined when the month
 * is not one (13).
 */
export function proposeDate(read: ReadDate, floor: PlainDate | undefined, fallbackYear: number): PlainDate | undefined {
  const { day, month } = read;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const at = (year: number) => `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}` as PlainDate;
  const floorYear = floor ? Number(floor.slice(0, 4)) : fallbackYear;
  let proposal = at(read.year ?? floorYear);
  if (read.year === undefined && floor && proposal < floor) proposal = at(floorYear + 1);
  if (floor && proposal < floor) {
    const year = Number(proposal.slice(0, 4));
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
    proposal = (next >= floor ? next : floor) as PlainDate;
  }
  return isCalendarDate(proposal) ? proposal : undefined;
}

/** Whether the proposal is the written date itself, only in the right form (no day had to change). */
export function sameDay(read: ReadDate, proposal: PlainDate): boolean {
  return Number(proposal.slice(5, 7)) === read.month && Number(proposal.slice(8, 10)) === read.day;
}
