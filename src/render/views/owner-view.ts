import type { Language } from "../../model/deal.js";
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
}

/** URL-safe slug of a person's name ("Ülkü Demir" → "uelkue-demir"). */
export function ownerSlug(name: string): string {
  const slug = name
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "person";
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
export function ownerPages(deals: DealView[], language: Language): OwnerPage[] {
  const t = messages(language);
  const groups = new Map<string, OwnerPage>();
  const used = new Set<string>();
  for (const deal of deals) {
    for (const action of deal.actions) {
      if (action.status !== "open") continue;
      const person = action.findings.some((f) => f.code === "vague-owner") ? undefined : action.owner;
      const key = person ? person.toLowerCase().replace(/\s+/g, " ") : "";
      let group = groups.get(key);
      if (!group) {
        let slug = person ? ownerSlug(person) : "ohne-verantwortliche";
        while (used.has(slug)) slug = `${slug}-2`;
        used.add(slug);
        group = { slug, name: person ?? t.nobody, nobody: !person, actions: [], overdue: 0 };
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
