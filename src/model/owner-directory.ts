import type { Finding } from "../errors.js";
import { slugify } from "../util/slug.js";
import type { Deal } from "./deal.js";

/** How owners are matched across deals, versions and pages: case and spacing do not make another person. */
export const ownerKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/** URL-safe slug of a person's name ("Ülkü Demir" → "uelkue-demir"). */
export function ownerSlug(name: string): string {
  return slugify(name, 60, "person");
}

/** The slug of the page for open actions without a person to answer for them. */
export const NOBODY_SLUG = "ohne-verantwortliche";

export interface OwnerEntry {
  /** {@link ownerKey} of the name; "" for nobody. */
  key: string;
  slug: string;
  /** The name as first written; undefined for nobody (no owner, or a group such as "wir"). */
  name?: string;
}

/**
 * Who owns open actions, with the one slug each owner's page and calendar live under. An owner that is a group
 * or placeholder (a `vague-owner` finding) counts as nobody. Deals and actions in file order, so the same
 * deals give the same slugs (a second "Anna Schulz" spelled "anna schulz" is the same person; a different
 * person whose name makes the same slug gets "-2").
 */
export function ownerDirectory(results: readonly { deal?: Deal; findings: readonly Finding[] }[]): Map<string, OwnerEntry> {
  const directory = new Map<string, OwnerEntry>();
  const used = new Set<string>();
  for (const result of results) {
    const deal = result.deal;
    if (!deal) continue;
    for (const action of deal.actions) {
      if (action.status !== "open") continue;
      const vague = result.findings.some((f) => f.code === "vague-owner" && f.action === action.index);
      const person = vague ? undefined : action.owner;
      const key = person ? ownerKey(person) : "";
      if (directory.has(key)) continue;
      let slug = person ? ownerSlug(person) : NOBODY_SLUG;
      while (used.has(slug)) slug = `${slug}-2`;
      used.add(slug);
      directory.set(key, person ? { key, slug, name: person } : { key, slug });
    }
  }
  return directory;
}
