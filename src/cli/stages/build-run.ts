import type { ProtokollError } from "../../errors.js";
import { type History, withWorkingTree } from "../../history/read-history.js";
import { type Phrase, phrase } from "../../i18n/translate.js";
import type { PrintOutcome } from "../../pdf/print-outcome.js";
import type { Analysis } from "../../pipeline.js";
import type { Audience } from "../../render/client-view.js";
import type { PastMeetingView } from "../../render/views/deal-view.js";
import { inShard, type Shard } from "../../util/shard.js";
import type { CommonFlags } from "../context.js";
import type { OutputManifest } from "./output-manifest.js";
import { pastMeetingViews } from "./past-meetings.js";

/** What `protokoll build` was asked for, parsed. */
export interface BuildSettings extends CommonFlags {
  /** The output folder, absolute. */
  outDir: string;
  /** The output folder's state folder in the cache folder, absolute (src/util/cache-folder.ts). */
  stateDir: string;
  pdf: boolean;
  concurrency: number;
  audience: Audience;
  /**
   * `--shard <i>/<n>`: only the i-th slice's deal folders — PDF, page, calendar, invitation and mail drafts
   * (src/util/shard.ts); the build over the merged folders writes what lists several deals.
   */
  shard?: Shard;
}

/**
 * One build's state as it passes through the stages of src/cli/stages/build-stages.ts: each stage reads what the
 * ones before it left here and adds its own part.
 */
export class BuildRun {
  readonly settings: BuildSettings;
  readonly log: (line: string) => void;
  readonly started = performance.now();
  #analysis: Analysis | undefined;
  /** Writes the analysis cache back (after the lock is held). */
  saveCache?: () => Promise<void>;
  /** Releases the output folder's lock (the command calls it, whatever happened). */
  releaseLock?: () => void;
  /** The print stage's outcome, when it ran and the browser started. */
  print?: PrintOutcome;
  /** The summary line's PDF part. */
  pdfLine: Phrase | string = phrase("build.pdfSkipped");
  /**
   * A browser that cannot start stops the PDFs, not the build: the site, the exports and report.json are still
   * written, then this is raised (exit 2) with its fix.
   */
  browserError?: ProtokollError;
  /**
   * The head of the deals' committed history, for the keys of what the history reaches: "" outside git,
   * undefined when the history stage did not run (a build at a past revision).
   */
  historyHead?: string;
  /** The committed history the analyse stage read (its git facts fed the findings). */
  committed?: History | undefined;
  #committed: History | undefined;
  #history: History | undefined;
  /** The working tree alone, for the calendars without a commit: made once, not once per deal. */
  #workingTreeOnly: History | undefined;
  #pastMeetings: Promise<ReadonlyMap<string, PastMeetingView[]>> | undefined;
  /** What the last build wrote and from what: outputs whose inputs did not change are left alone. */
  manifest?: OutputManifest;
  /** The cache key every cache is sealed with (src/util/machine-key.ts); without one nothing is reused. */
  cacheKey?: Buffer;
  /** Pages the site stage rendered, and pages it left as the last build wrote them. */
  readonly pageCounts = { rendered: 0, kept: 0 };
  /** Absolute paths of the pages this build wrote or kept: any other page of ours is stale. */
  readonly pages = new Set<string>();
  /** Each deal's `<slug>-invite.ics` text, from the invitation stage: the recap mail carries it (iMIP). */
  readonly invites = new Map<string, string>();

  constructor(settings: BuildSettings, log: (line: string) => void) {
    this.settings = settings;
    this.log = log;
  }

  get analysis(): Analysis {
    if (!this.#analysis) throw new Error("The analyse stage has not run yet.");
    return this.#analysis;
  }

  set analysis(analysis: Analysis) {
    this.#analysis = analysis;
  }

  /** What the history stage read: the committed history (undefined outside git). */
  setCommittedHistory(committed: History | undefined): void {
    this.#committed = committed;
    this.historyHead = committed?.head ?? "";
  }

  /**
   * The deals' history with the working tree as its newest version, for trends, reviews, "Verlauf" and the
   * calendars' SEQUENCE; undefined at a past revision, and without a commit (outside git, or before the first
   * commit), where a working tree alone has no weeks and no earlier meetings: the site does not hold a copy of
   * every deal's state for nothing. Made when an output renders, not before: a build that changed nothing only
   * needs {@link historyHead} for its keys.
   */
  get history(): History | undefined {
    if (!this.historyHead) return undefined;
    this.#history ??= this.#withWorkingTree(this.#committed);
    return this.#history;
  }

  /**
   * The history the calendars count SEQUENCE in: {@link history}, and without a commit the working tree alone
   * (every event at 1, as its first version). It never falls: the first commit is 1 again and later ones rise.
   * Days to the "Stand" (the fallback at a past revision) would be thousands, and the first commit would take
   * SEQUENCE back to 1, after which calendars ignore the updates.
   */
  get calendarHistory(): History | undefined {
    if (this.historyHead === undefined) return undefined;
    if (this.history) return this.history;
    this.#workingTreeOnly ??= this.#withWorkingTree(undefined);
    return this.#workingTreeOnly;
  }

  #withWorkingTree(committed: History | undefined): History {
    const deals = this.analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
    return withWorkingTree(committed, deals, this.analysis.today, this.analysis.config);
  }

  /** Each deal's earlier meetings for "Verlauf" (team builds only), made on first use. */
  pastMeetings(): Promise<ReadonlyMap<string, PastMeetingView[]>> | undefined {
    const history = this.client ? undefined : this.history;
    if (!history) return undefined;
    this.#pastMeetings ??= pastMeetingViews(history, this.analysis);
    return this.#pastMeetings;
  }

  /** Whether this build writes deal `slug`'s own files: every deal's, a shard's only its slice's. */
  inSlice(slug: string): boolean {
    const { shard } = this.settings;
    return !shard || inShard(slug, shard);
  }

  get client(): boolean {
    return this.settings.audience === "client";
  }
}
