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

export interface OwnerPage {
  slug: string;
  name: string;
  /** True for the group of actions nobody owns. */
  nobody: boolean;
  actions: OwnerAction[];
  overdue: number;
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
  deals: readonly Pick<DealView, "title" | "url" | "customer" | "actions">[],
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
        group = { slug, name: entry?.name ?? person ?? t.nobody, nobody: !person, actions: [], overdue: 0 };
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
  for (const group of groups.values()) group.actions.sort(byUrgency);
  return [...groups.values()].sort(
    (a, b) => Number(b.nobody) - Number(a.nobody) || b.overdue - a.overdue || a.name.localeCompare(b.name),
  );
}
