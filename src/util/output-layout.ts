/**
 * Every path under the output folder, in one place: the build writes there, the clean-up removes there, `serve`
 * answers there, views link there and templates reach it through the `out` filter (src/render/eleventy-plugin.ts).
 * Paths are relative and use `/`: URLs as they are, file paths through {@link inOut}.
 *
 * Nothing else is written there: the build's own state — the lock, the manifests, the caches — lives in the
 * cache folder (src/util/cache-folder.ts), so the output folder can be published as it is. `<out>/.protokoll/`
 * is where builds before contract v3 kept it: a build removes it and never reads it.
 */
import path from "node:path";

/** The state folder of builds before contract v3, inside the output folder: removed, never read. */
export const LEGACY_STATE_DIR = ".protokoll";

/** The folder of deal pages and their files. */
export const DEALS_OUT = "deals";

/** The folder of owner pages. */
export const OWNERS_OUT = "owners";

/** The files each deal's folder may hold, by kind, besides its page. */
export const DEAL_FILE_KINDS = ["pdf", "ics", "eml"] as const;
export type DealFileKind = (typeof DEAL_FILE_KINDS)[number];

export const outputLayout = {
  index: "index.html",
  report: "report.json",
  calendar: "calendar.ics",
  /** `deals/<slug>/`: the deal page's URL. */
  dealFolder: (slug: string) => `${DEALS_OUT}/${slug}/`,
  dealPage: (slug: string) => `${DEALS_OUT}/${slug}/index.html`,
  /** `deals/<slug>/<slug>.pdf` and its siblings. */
  dealFile: (slug: string, kind: DealFileKind) => `${DEALS_OUT}/${slug}/${slug}.${kind}`,
  /** `deals/<slug>/<slug>-invite.ics` and the like: a deal's further files, by the suffix of their name. */
  dealExtra: (slug: string, name: string) => `${DEALS_OUT}/${slug}/${slug}-${name}`,
  /** A file beside the deal page, as the page links it. */
  dealFileName: (slug: string, kind: DealFileKind) => `${slug}.${kind}`,
  ownerPage: (slug: string) => `${OWNERS_OUT}/${slug}/index.html`,
  ownerCalendar: (slug: string) => `${OWNERS_OUT}/${slug}/calendar.ics`,
  ownersIndex: `${OWNERS_OUT}/index.html`,
  findingPage: (code: string) => `findings/${code}/index.html`,
  reviewPage: (week: string) => `review/${week}/`,
  /** The names at the top of the output folder a build writes: none of them may be a link elsewhere. */
  topLevel: [
    "index.html",
    "report.json",
    "calendar.ics",
    DEALS_OUT,
    OWNERS_OUT,
    "assets",
    "findings",
    "status",
    "send",
    "upcoming",
    "lessons",
    "review",
    "all",
    "robots.txt",
  ],
} as const;

/** A layout path as a file path under `outDir`. */
export function inOut(outDir: string, relative: string): string {
  return path.join(outDir, ...relative.split("/").filter(Boolean));
}
