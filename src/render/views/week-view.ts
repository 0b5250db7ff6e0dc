// "Diese Woche" at the top of the index: the open actions due or overdue by Sunday of this week, by owner.
// The actionable part of the weekly review, kept short: the full lists are on the owner pages.
import type { Language } from "../../model/deal.js";
import { formatDate, formatWeekday } from "../../time/format-date.js";
import { addDays, daysBetween, type PlainDate, weekday } from "../../time/plain-date.js";
import { outputLayout } from "../../util/output-layout.js";
import { chipDetail } from "../i18n.js";
import type { OwnerPage } from "./owner-view.js";

/** People shown; the rest are one link away ("Wer macht was bis wann"). */
export const WEEK_OWNERS = 8;
/** Actions shown per person, oldest first. */
export const WEEK_ITEMS = 1;

export interface WeekItem {
  task: string;
  /** "seit 5 Tagen" for overdue ones, "Fr 27.11.2026" for the rest. */
  when: string;
  overdue: boolean;
  dealTitle: string;
  dealUrl: string;
}

export interface WeekOwner {
  name: string;
  url: string;
  nobody: boolean;
  overdue: number;
  due: number;
  items: WeekItem[];
}

export interface WeekView {
  /** The Sunday that ends this ISO week. */
  until: string;
  owners: WeekOwner[];
  /** People with actions this week who are not listed. */
  morePeople: number;
  /** Deals whose client is silent long enough for the next step of the cascade ("Nachfassen fällig"). */
  followUps: WeekDeal[];
  /** Deals with a dated decision, review or commitment due ("Entscheidungen fällig"). */
  decisions: WeekDeal[];
}

/** A deal on "Diese Woche" for what the team has to do about it, linked to its findings. */
export interface WeekDeal {
  title: string;
  url: string;
  /** What is due: the chip's label, with how long where that says something ("seit 7 Tagen still"). */
  what: string;
}

/** At most this many deals per follow-up list; the index rows below hold the rest. */
export const WEEK_DEALS = 8;
const DECISION_CODES = new Set(["decision-due", "review-due", "kpi-missed"]);

/** The follow-up lists of "Diese Woche" from the index rows (most urgent first). */
export function weekDeals(
  rows: readonly { title: string; chips: readonly { code: string; label: string; detail?: string; href: string }[] }[],
): Pick<WeekView, "followUps" | "decisions"> {
  // Under "Nachfassen fällig" the chip's detail ("seit 7 Tagen still") says it; the decisions name their kind.
  const pick = (codes: (code: string) => boolean, what: (c: { label: string; detail?: string }) => string) =>
    rows
      .flatMap((row) => row.chips.filter((c) => codes(c.code)).map((c) => ({ title: row.title, url: c.href, what: what(c) })))
      .slice(0, WEEK_DEALS);
  return {
    followUps: pick(
      (code) => code === "follow-up-due",
      (c) => c.detail ?? c.label,
    ),
    decisions: pick(
      (code) => DECISION_CODES.has(code),
      (c) => c.label,
    ),
  };
}

export function weekView(
  owners: readonly OwnerPage[],
  today: PlainDate,
  language: Language,
  rows: Parameters<typeof weekDeals>[0] = [],
): WeekView {
  const sunday = addDays(today, 7 - weekday(today));
  const people = owners.flatMap((owner): WeekOwner[] => {
    // Owner pages list overdue first, then by due date: the first ones are the oldest.
    const actions = owner.actions.filter((a) => a.dueIso !== undefined && a.dueIso <= sunday);
    if (actions.length === 0) return [];
    const overdue = actions.filter((a) => a.overdue).length;
    return [
      {
        name: owner.name,
        url: outputLayout.ownerPage(owner.slug),
        nobody: owner.nobody,
        overdue,
        due: actions.length - overdue,
        items: actions.slice(0, WEEK_ITEMS).map((a) => {
          const due = a.dueIso as PlainDate;
          return {
            task: a.task,
            when: a.overdue
              ? (chipDetail("overdue", daysBetween(due, today), language) ?? "")
              : `${formatWeekday(due, language)} ${formatDate(due, language)}`,
            overdue: a.overdue,
            dealTitle: a.dealTitle,
            dealUrl: a.dealUrl,
          };
        }),
      },
    ];
  });
  people.sort(
    (a, b) =>
      Number(b.nobody) - Number(a.nobody) || b.overdue - a.overdue || b.due - a.due || a.name.localeCompare(b.name, language),
  );
  return {
    until: `${formatWeekday(sunday, language)} ${formatDate(sunday, language)}`,
    owners: people.slice(0, WEEK_OWNERS),
    morePeople: Math.max(0, people.length - WEEK_OWNERS),
    ...weekDeals(rows),
  };
}
