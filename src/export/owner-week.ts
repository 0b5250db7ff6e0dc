// The owner's week: for each person with open actions, what is overdue, due this week and next, and which of their
// deals need a follow-up — the content of `protokoll review --per-owner`.
import type { Config } from "../config/load-config.js";
import type { Phrase } from "../i18n/translate.js";
import type { Action, Deal } from "../model/deal.js";
import { type OwnersSeen, ownerDirectory, ownerKey } from "../model/owner-directory.js";
import { recapParties } from "../model/recap-parties.js";
import type { DealResult } from "../pipeline.js";
import { addWeeks, type IsoWeek, weekEnd, weekStart } from "../time/iso-week.js";
import type { PlainDate } from "../time/plain-date.js";

/** One action in an owner's week, with its deal. */
export interface WeekItem {
  deal: Deal;
  action: Action;
}

/** One deal whose client has not answered for as long as its cascade says (`follow-up-due`), with the step. */
export interface FollowUpItem {
  deal: Deal;
  /** The finding's message: names the step due. */
  problem: Phrase;
}

export interface OwnerWeek {
  name: string;
  slug: string;
  email: string;
  overdue: WeekItem[];
  dueThisWeek: WeekItem[];
  dueNextWeek: WeekItem[];
  followUps: FollowUpItem[];
}

/**
 * Every owner with an e-mail address (the configuration's `owners:` first, else a participant of our side with the
 * same name in any deal) and their week: open actions overdue on `today`, due in `week` from today on, and due in
 * the week after; deals with `follow-up-due` in which they own an open action or sit on our side. Owners without
 * an address are left out (the caller says so); an owner with nothing in the week gets no mail.
 */
export function ownerWeeks(
  results: readonly DealResult[],
  config: Config,
  week: IsoWeek,
  today: PlainDate,
  seen?: OwnersSeen,
): { weeks: OwnerWeek[]; withoutAddress: string[] } {
  const directory = ownerDirectory(results, seen);
  const emails = new Map<string, string>();
  for (const owner of config.owners) emails.set(ownerKey(owner.name), owner.email);
  for (const result of results) {
    if (!result.deal) continue;
    for (const p of recapParties(result.deal, config).ours) {
      if (p.email && !emails.has(ownerKey(p.name))) emails.set(ownerKey(p.name), p.email);
    }
  }
  const weeks = new Map<string, OwnerWeek>();
  const withoutAddress = new Set<string>();
  const weekOf = (name: string): OwnerWeek | undefined => {
    const key = ownerKey(name);
    const entry = directory.get(key);
    const email = emails.get(key);
    if (!entry?.name) return undefined;
    if (!email) {
      withoutAddress.add(entry.name);
      return undefined;
    }
    let found = weeks.get(key);
    if (!found) {
      found = { name: entry.name, slug: entry.slug, email, overdue: [], dueThisWeek: [], dueNextWeek: [], followUps: [] };
      weeks.set(key, found);
    }
    return found;
  };
  const next = addWeeks(week, 1);
  for (const result of results) {
    const deal = result.deal;
    if (!deal) continue;
    for (const action of deal.actions) {
      if (action.status !== "open" || !action.owner || !action.due) continue;
      const due = action.due;
      const list =
        due < today
          ? "overdue"
          : due <= weekEnd(week) && due >= weekStart(week)
            ? "dueThisWeek"
            : due >= weekStart(next) && due <= weekEnd(next)
              ? "dueNextWeek"
              : undefined;
      if (list) weekOf(action.owner)?.[list].push({ deal, action });
    }
    const followUp = result.findings.find((f) => f.code === "follow-up-due");
    if (!followUp) continue;
    const people = new Set([
      ...deal.actions.filter((a) => a.status === "open" && a.owner).map((a) => ownerKey(a.owner as string)),
      ...recapParties(deal, config).ours.map((p) => ownerKey(p.name)),
    ]);
    for (const key of people) {
      const name = directory.get(key)?.name;
      if (name) weekOf(name)?.followUps.push({ deal, problem: followUp.problem });
    }
  }
  const byDue = (a: WeekItem, b: WeekItem) => (a.action.due ?? "").localeCompare(b.action.due ?? "");
  const list = [...weeks.values()].filter(
    (w) => w.overdue.length + w.dueThisWeek.length + w.dueNextWeek.length + w.followUps.length > 0,
  );
  for (const w of list) for (const items of [w.overdue, w.dueThisWeek, w.dueNextWeek]) items.sort(byDue);
  list.sort((a, b) => a.slug.localeCompare(b.slug));
  return { weeks: list, withoutAddress: [...withoutAddress].sort() };
}
