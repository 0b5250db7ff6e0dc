// The analysis `serve` keeps between saves: one result per deal file, redone only for the files that changed.
import type { Finding } from "../errors.js";
import { ownersFirstSeen } from "../history/owner-first-seen.js";
import type { History } from "../history/read-history.js";
import { type DealFileEntry, findDealFiles } from "../load/find-deal-files.js";
import {
  type AnalyseOptions,
  type Analysis,
  analyseEntry,
  type DealResult,
  duplicateSlugFindings,
  summarise,
} from "../pipeline.js";
import { mapLimit } from "../util/map-limit.js";

export interface LiveUpdate {
  analysis: Analysis;
  /** Results analysed anew in this update (new or changed files), in deal order. */
  changed: DealResult[];
  /** Results of files that are gone. */
  removed: DealResult[];
}

/**
 * load → validate → model for a deals folder that is edited while it is served. The folder's listing is read on
 * every update (a walk, no file contents); a file is read and analysed again only when it is new, when the
 * watcher named it, or when whether it duplicates another slug changed. The result is the same analysis a full
 * `analyse` gives, in the same order.
 */
export class LiveAnalysis {
  #options: AnalyseOptions;
  #committed: History | undefined;
  readonly #results = new Map<string, { result: DealResult; duplicate: string | undefined }>();

  /**
   * `committed`: the deals' committed history, for when each owner name was first seen (the owner pages' slugs,
   * as `build` hands them out); taken at the first update, from the files as they are then.
   */
  constructor(options: AnalyseOptions, committed?: History) {
    this.#options = options;
    this.#committed = committed;
  }

  /**
   * Brings the analysis up to date. `touched` holds absolute paths the watcher reported; without it (the first
   * update) every file is analysed. A new `today` (serve running past midnight) re-analyses every file.
   */
  async update(touched?: ReadonlySet<string>, today = this.#options.today): Promise<LiveUpdate> {
    if (today !== this.#options.today) {
      this.#options = { ...this.#options, today };
      touched = undefined;
    }
    const entries = await findDealFiles(this.#options.dealsDir, this.#options.cwd);
    const duplicates = duplicateSlugFindings(entries);
    const stale = (entry: DealFileEntry) => {
      const known = this.#results.get(entry.file);
      return !known || !touched || touched.has(entry.absolute) || known.duplicate !== duplicateKey(duplicates.get(entry.file));
    };
    const due = entries.filter(stale);
    const fresh = await mapLimit(due, 16, (entry) => analyseEntry(entry, duplicates, this.#options));
    const changed = new Set<DealResult>();
    due.forEach((entry, i) => {
      const result = fresh[i] as DealResult;
      this.#results.set(entry.file, { result, duplicate: duplicateKey(duplicates.get(entry.file)) });
      changed.add(result);
    });
    const listed = new Set(entries.map((entry) => entry.file));
    const removed: DealResult[] = [];
    for (const [file, known] of this.#results) {
      if (listed.has(file)) continue;
      removed.push(known.result);
      this.#results.delete(file);
    }
    const deals = entries.map((entry) => (this.#results.get(entry.file) as { result: DealResult }).result);
    if (this.#committed) {
      const ownersSeen = ownersFirstSeen(
        this.#committed,
        deals.flatMap((d) => (d.deal ? [d.deal] : [])),
      );
      this.#options = { ...this.#options, ownersSeen };
      this.#committed = undefined;
    }
    return { analysis: summarise(deals, this.#options), changed: deals.filter((d) => changed.has(d)), removed };
  }
}

function duplicateKey(finding: Finding | undefined): string | undefined {
  return finding ? JSON.stringify(finding) : undefined;
}
