import type { Finding } from "../errors.js";
import { sha256 } from "../util/sha256.js";
import { slugify } from "../util/slug.js";
import type { Deal } from "./deal.js";

/**
 * Who an owner is, across deals, versions, findings, pages and feeds: the NFC-normalised name, so a name typed
 * on a Mac (NFD: "u" + combining diaeresis) and one typed on Windows (NFC: "ü") are one person; case and
 * spacing do not make another person either.
 */
export const ownerKey = (name: string) => name.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");

/** URL-safe slug of a person's name ("Ülkü Demir" → "uelkue-demir"). */
export function ownerSlug(name: string): string {
  return slugify(name, SLUG_MAX, "person");
}

/** The slug of the page for open actions without a person to answer for them. */
export const NOBODY_SLUG = "ohne-verantwortliche";

const SLUG_MAX = 60;
/** Hex digits of the name's hash in a slug that another name holds already; more only if even that collides. */
const SUFFIX_DIGITS = 6;

/**
 * The committed version in which an owner name was first seen owning an action (src/history/owner-first-seen.ts):
 * `order` is the commit's place in the first-parent line (lower is earlier), `time` its commit time in seconds.
 */
export interface OwnerSeen {
  order: number;
  commit: string;
  time: number;
}

/** Per owner key ({@link ownerKey}): when the name was first seen in the deals' git history. */
export type OwnersSeen = ReadonlyMap<string, OwnerSeen>;

export interface OwnerEntry {
  /** {@link ownerKey} of the name; "" for nobody. */
  key: string;
  slug: string;
  /** The name as first written (NFC); undefined for nobody (no owner, or a group such as "wir"). */
  name?: string;
}

/**
 * Who owns open actions, with the one slug each owner's page and calendar live under. An owner that is a group
 * or placeholder (a `vague-owner` finding) counts as nobody.
 *
 * A slug is never a function of the order of files or actions: people subscribe to `owners/<slug>/calendar.ics`,
 * and a name added later must not take the address of the one who had it. Names whose slugs are the same
 * ("Jörg Müller", "Joerg Mueller") share it out by when each was first seen (`seen`, from the deals' git
 * history): the plain slug goes to the name seen first. Without that (outside git, a name only in the working
 * tree, both first seen in the same commit, a shallow clone that starts after both) the name itself decides
 * (see {@link precedence}). Every other gets the plain slug plus a short hash of its own key
 * (`joerg-mueller-257ec8`), which stays the same whoever else comes or goes, and never grows (`-2-2-2`).
 */
export function ownerDirectory(
  results: readonly { deal?: Deal; findings: readonly Finding[] }[],
  seen?: OwnersSeen,
): Map<string, OwnerEntry> {
  const names = new Map<string, string | undefined>();
  for (const result of results) {
    const deal = result.deal;
    if (!deal) continue;
    for (const action of deal.actions) {
      if (action.status !== "open") continue;
      const vague = result.findings.some((f) => f.code === "vague-owner" && f.action === action.index);
      const person = vague ? undefined : action.owner;
      const key = person ? ownerKey(person) : "";
      if (!names.has(key)) names.set(key, person?.normalize("NFC"));
    }
  }
  return assignSlugs(names, seen);
}

/** Slugs for owner keys (with their names as written): see {@link ownerDirectory}. */
export function assignSlugs(names: ReadonlyMap<string, string | undefined>, seen?: OwnersSeen): Map<string, OwnerEntry> {
  const byBase = new Map<string, string[]>();
  for (const key of names.keys()) {
    const base = key === "" ? NOBODY_SLUG : ownerSlug(key);
    byBase.set(base, [...(byBase.get(base) ?? []), key]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, keys] of byBase) {
    const [holder, ...others] = keys.sort((a, b) => precedence(a, b, seen));
    if (holder !== undefined) slugs.set(holder, base);
    for (const key of others) {
      let slug = suffixed(base, key, SUFFIX_DIGITS);
      for (let digits = SUFFIX_DIGITS * 2; taken.has(slug) && digits <= 64; digits *= 2) slug = suffixed(base, key, digits);
      taken.add(slug);
      slugs.set(key, slug);
    }
  }
  const directory = new Map<string, OwnerEntry>();
  for (const [key, name] of names) {
    const slug = slugs.get(key) as string;
    directory.set(key, name === undefined ? { key, slug } : { key, slug, name });
  }
  return directory;
}

/**
 * Who keeps the plain slug: nobody's page first; then the name seen first in the git history (a name with a
 * first commit before one without: that one is only in the working tree, seen now); when both were first seen in
 * the same commit, or neither has a commit, the name decides: the most letters outside ASCII (the spelled-out
 * form is the stand-in for them), then code-point order.
 */
function precedence(a: string, b: string, seen: OwnersSeen | undefined): number {
  if (a === "" || b === "") return a === "" ? -1 : 1;
  const first = seen?.get(a)?.order;
  const second = seen?.get(b)?.order;
  if (first !== second) {
    if (first === undefined) return 1;
    if (second === undefined) return -1;
    return first - second;
  }
  const wide = (key: string) => key.replace(/[\x00-\x7f]/g, "").length;
  return wide(b) - wide(a) || (a < b ? -1 : a > b ? 1 : 0);
}

function suffixed(base: string, key: string, digits: number): string {
  const hash = sha256(key).slice(0, digits);
  const room = base.slice(0, SLUG_MAX - hash.length - 1).replace(/-+$/g, "");
  return `${room}-${hash}`;
}
