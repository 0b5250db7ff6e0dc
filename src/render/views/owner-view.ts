import type { FindingCode } from "../../errors.js";
import type { Language } from "../../model/deal.js";
import { NOBODY_SLUG, type OwnerEntry, ownerKey, ownerSlug } from "../../model/owner-directory.js";
import { formatDate } from "../../time/format-date.js";
import type { PlainDate } from "../../time/plain-date.js";
import { messages } from "../i18n.js";
import type { DealView } from "./deal-view.js";
import type { FindingView } from "./finding-view.js";

/** One open action on the "who does what by when" pages. */
export interface OwnerAction {
  task: string;
  owner?: string;
  due?: string;
  dueIso?: PlainDate;
  overdue: boolean;
  /** The mark of its `overdue` finding (▲ or ◆, as on the index), shown before the date. */
  overdueIcon?: string;
  dealTitle: string;
  dealUrl: string;
  customer: string;
  findings: FindingView[];
}

/** One deal on an owner's page with its deal-wide follow-up findings (see {@link FOLLOW_UP_CODES}). */
export interface OwnerDealFollowUp {
  dealTitle: string;
  dealUrl: string;
  customer: string;
  findings: FindingView[];
}

/**
 * The deal-wide findings of the follow-up (contract v3): they belong to no action, so an owner page shows them for
 * the deals where its person is on our side ({@link ourPeople} in src/model/timeline.ts).
 */
export const FOLLOW_UP_CODES: ReadonlySet<FindingCode> = new Set([
  "follow-up-due",
  "deal-stale",
  "evasive-answers",
  "review-due",
  "decision-due",
  "deadlines-missed",
  "kpi-missed",
]);

/** What an owner page reads of a deal's follow-up: its deal-wide follow-up findings and who on our side answers for them. */
export interface DealFollowUp {
  findings: FindingView[];
  /** {@link ownerKey}s of our side of the deal. */
  people: ReadonlySet<string>;
}

export interface OwnerPage {
  slug: string;
  name: string;
  /** True for the group of actions nobody owns. */
  nobody: boolean;
  actions: OwnerAction[];
  overdue: number;
  /** The deals where this person is on our side and the follow-up is due, with those findings (never for nobody). */
  followUps: OwnerDealFollowUp[];
  /** The owner's KPI trends (figures with data tables), when the deals have a git history. */
  trendsHtml?: string;
}

export { ownerSlug };

/** Actions per owner on "Wer macht was bis wann" (the most urgent first); all of them are on the owner's page. */
export const OWNERS_INDEX_ACTIONS = 10;

/** One owner on "Wer macht was bis wann": their most urgent open actions, and how many more their page lists. */
export interface OwnerSummary {
  slug: string;
  name: string;
  nobody: boolean;
  /** Open actions in all. */
  count: number;
  overdue: number;
  actions: OwnerAction[];
  /** Open actions not shown here. */
  more: number;
}

/**
 * The owners' overview: every owner, each with their {@link OWNERS_INDEX_ACTIONS} most urgent actions. It listed
 * every action of everyone — 30 MB of HTML for 10 000 deals, every owner page over again.
 */
export function ownersIndex(owners: readonly OwnerPage[]): OwnerSummary[] {
  return owners.map((owner) => ({
    slug: owner.slug,
    name: owner.name,
    nobody: owner.nobody,
    count: owner.actions.length,
    overdue: owner.overdue,
    actions: owner.actions.slice(0, OWNERS_INDEX_ACTIONS),
    more: Math.max(0, owner.actions.length - OWNERS_INDEX_ACTIONS),
  }));
}

function byUrgency(a: OwnerAction, b: OwnerAction): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueIso && b.dueIso) return a.dueIso.localeCompare(b.dueIso);
  if (a.dueIso || b.dueIso) return a.dueIso ? -1 : 1;
  return a.task.localeCompare(b.task);
}

/**
 * Open actions across deals, grouped by owner; "nobody" collects the unowned and those whose owner is a group
 * or placeholder ("wir", "Team Einkauf"): they have no one to answer for them either.
 */
export function ownerPages(
  deals: readonly (Pick<DealView, "title" | "url" | "customer" | "actions"> & { followUpDue?: DealFollowUp })[],
  language: Language,
  directory: ReadonlyMap<string, OwnerEntry>,
): OwnerPage[] {
  const t = messages(language);
  const groups = new Map<string, OwnerPage>();
  for (const deal of deals) {
    for (const action of deal.actions) {
      if (action.status !== "open") continue;
      const person = action.findings.some((f) => f.code === "vague-owner") ? undefined : action.owner;
      const key = person ? ownerKey(person) : "";
      let group = groups.get(key);
      if (!group) {
        // One slug per owner for page and calendar alike (src/model/owner-directory.ts).
        const entry = directory.get(key);
        const slug = entry?.slug ?? (person ? ownerSlug(person) : NOBODY_SLUG);
        group = { slug, name: entry?.name ?? person ?? t.nobody, nobody: !person, actions: [], overdue: 0, followUps: [] };
        groups.set(key, group);
      }
      const item: OwnerAction = {
        task: action.task,
        overdue: action.overdue,
        dealTitle: deal.title,
        dealUrl: deal.url,
        customer: deal.customer,
        findings: action.findings,
      };
      const overdue = action.findings.find((f) => f.code === "overdue");
      if (overdue) item.overdueIcon = overdue.icon;
      if (action.owner) item.owner = action.owner;
      if (action.dueIso) {
        item.due = formatDate(action.dueIso, language);
        item.dueIso = action.dueIso;
      }
      group.actions.push(item);
      if (action.overdue) group.overdue++;
    }
  }
  // A person's page exists for their open actions; it also lists the follow-up of the deals they are our side of.
  for (const deal of deals) {
    const followUp = deal.followUpDue;
    if (!followUp || followUp.findings.length === 0) continue;
    for (const key of followUp.people) {
      const group = key === "" ? undefined : groups.get(key);
      group?.followUps.push({ dealTitle: deal.title, dealUrl: deal.url, customer: deal.customer, findings: followUp.findings });
    }
  }
  for (const group of groups.values()) group.actions.sort(byUrgency);
  return [...groups.values()].sort(
    (a, b) => Number(b.nobody) - Number(a.nobody) || b.overdue - a.overdue || a.name.localeCompare(b.name),
  );
}
