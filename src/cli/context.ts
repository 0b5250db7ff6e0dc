import path from "node:path";
import { type Config, loadConfig } from "../config/load-config.js";
import { ProtokollError } from "../errors.js";
import { type HistoryFacts, readHistoryFacts, type StartedProbe, startProbe } from "../history/history-facts.js";
import { ownersFirstSeen } from "../history/owner-first-seen.js";
import { type History, withWorkingTree } from "../history/read-history.js";
import { phrase, t } from "../i18n/translate.js";
import { readDealsAtRevision, resolveRevision } from "../load/read-revision.js";
import { AnalysisCache } from "../pipeline/analysis-cache.js";
import { type Analysis, analyse, analyseLoaded } from "../pipeline.js";
import { formatFinding } from "../report/format-text.js";
import type { Language } from "../time/language.js";
import type { PlainDate } from "../time/plain-date.js";
import { codeFingerprint } from "../util/code-fingerprint.js";
import { logText } from "../util/log-sink.js";
import { machineKey } from "../util/machine-key.js";
import { resolveToday } from "./options.js";
import { VERSION } from "./version.js";

export interface CommonFlags {
  deals?: string;
  today?: string;
  /** `build --at <rev>`: the deals as they were at a git revision instead of the working tree. */
  at?: string;
  /** The CLI's language (see cli/language.ts). */
  language: Language;
}

/** Where and how the analysis cache is used: `build` reads and writes it, `check` only reads it. */
export interface CacheUse {
  /** The output folder's state folder (src/util/cache-folder.ts). */
  dir: string;
  write: boolean;
}

/**
 * Loads the configuration, reads the deals' committed history (one bounded pass, see src/history/read-history.ts:
 * the git facts and `due-pushed-often` come from it) and runs load → validate → model for the deals folder,
 * through the analysis cache when `cache` is given (an unchanged deal file is not parsed again). `saveCache`
 * writes it back (`build` does, once it holds the output folder's lock). `warn` hears what the history cannot say
 * (unreadable, a shallow clone), once.
 */
export async function prepare(
  flags: CommonFlags,
  cache?: CacheUse,
  warn: (line: string) => void = () => {},
  want: "facts" | "history" = "history",
): Promise<{ config: Config; analysis: Analysis; saveCache?: () => Promise<void>; history?: History }> {
  const dealsDir = flags.deals ?? "deals";
  // The git probe and the cache key are read while the configuration loads: none needs the others.
  const started = flags.at === undefined ? startProbe(historyDealsDir(dealsDir), process.cwd()) : undefined;
  const secret = machineKey(cache?.write === true);
  const { config, findings } = await loadConfig(process.cwd(), { remember: cache?.write === true });
  if (findings.length > 0) {
    const text = findings.map((f) => formatFinding(f, flags.language, () => undefined)).join("\n\n");
    throw new ProtokollError(phrase("config.invalid", { text }), phrase("config.invalidHint"));
  }
  const today = resolveToday(flags.today, config.timeZone);
  const read = { dealsDir, config, today, language: flags.language, warn, secret };
  if (flags.at !== undefined) {
    const cwd = process.cwd();
    const commit = await resolveRevision(flags.at, cwd);
    const loaded = await readDealsAtRevision(commit, dealsDir, cwd, config.maxFileBytes);
    // The history as it was at the revision: no cache written, the same facts a build then saw.
    // The owners' first-seen too (the owner pages and calendars of `build --at`): the history is read, never the
    // facts file (only kept for HEAD).
    const known = await committedFacts({ ...read, revision: commit, write: false, needHistory: true });
    const analysis = analyseLoaded(loaded, { dealsDir, today, config, git: known?.facts ?? new Map(), cwd });
    return { config, analysis: withOwnersSeen(analysis, known?.history) };
  }
  try {
    // The history (or only its git facts) and the analysis cache are read at once.
    const [known, store] = await Promise.all([
      committedFacts({ ...read, write: cache?.write === true, needHistory: want === "history", started }),
      cache
        ? AnalysisCache.open(cache.dir, { version: `${VERSION}+${codeFingerprint()}`, config, today }, { create: cache.write })
        : undefined,
    ]);
    const git = known?.facts ?? new Map();
    const history = known?.history;
    // Owner slugs by first-seen for everything that hands out owner slugs (site, calendars, `review --per-owner`).
    // `check` (want "facts") shows no owner slug: it takes none, whether or not the history had to be read.
    const analysis = withOwnersSeen(
      await analyse({ dealsDir, today, config, git, ...(store ? { cache: store } : {}) }),
      want === "history" ? history : undefined,
    );
    const saveCache = store && cache?.write ? () => store.save() : undefined;
    return { config, analysis, ...(saveCache ? { saveCache } : {}), ...(history ? { history } : {}) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ProtokollError(phrase("cli.noDealsFolder", { dir: dealsDir }), phrase("cli.noDealsFolderHint"));
    }
    throw error;
  }
}

/**
 * The analysis with when each owner name was first seen in the history (src/history/owner-first-seen.ts), so
 * every user of the owner directory — site, calendars, `review --per-owner` — hands out the same slugs.
 */
export function withOwnersSeen(analysis: Analysis, history: History | undefined): Analysis {
  if (!history) return analysis;
  const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  analysis.ownersSeen = ownersFirstSeen(history, deals);
  return analysis;
}

/** Exit code per contract: 1 on any error-level finding (with --strict: any finding), else 0. */
export function exitCodeFor(analysis: Analysis, strict: boolean): number {
  const { errors, warnings } = analysis.summary;
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

/**
 * The deals' git history (see src/history/read-history.ts) with the working tree as its newest version.
 * Outside git: only the working tree, so every measure still has "now".
 */
export function historyFor(analysis: Analysis, committed: History | undefined): History {
  const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  return withWorkingTree(committed, deals, analysis.today, analysis.config);
}

interface HistoryRead {
  dealsDir: string;
  config: Config;
  today: PlainDate;
  language: Language;
  warn: (line: string) => void;
  revision?: string;
  write: boolean;
  /** The cache key, when it is already being read ({@link machineKey}). */
  secret?: Promise<Buffer | undefined>;
}

/**
 * The deals' committed history alone; undefined outside git. A history git cannot read (a damaged repository) is
 * said on the log and left out, and a shallow clone is said with its fix — the protocols depend on neither.
 */
export async function committedHistory(read: HistoryRead): Promise<History | undefined> {
  return (await committedFacts({ ...read, needHistory: true }))?.history;
}

/**
 * The git facts of the deals (src/history/history-facts.ts), with their committed history when `needHistory`;
 * undefined outside git or when git cannot read the history (said on the log, as a shallow clone is).
 */
async function committedFacts(
  read: HistoryRead & { needHistory: boolean; started?: StartedProbe | undefined },
): Promise<HistoryFacts | undefined> {
  let known: HistoryFacts | undefined;
  try {
    const secret = await (read.secret ?? machineKey(read.write));
    known = await readHistoryFacts(
      {
        dealsDir: historyDealsDir(read.dealsDir),
        cwd: process.cwd(),
        timeZone: read.config.timeZone,
        today: read.today,
        maxFileBytes: read.config.maxFileBytes,
        toolVersion: VERSION,
        // The snapshots' last contact depends on it: part of the history cache's key, and so of the facts file's.
        config: read.config,
        writeCache: read.write,
        needHistory: read.needHistory,
        // At HEAD, the files unchanged on disk are not read from git: the analysis of the working tree gives them.
        fromWorkingTree: !read.revision,
        ...(read.revision ? { revision: read.revision } : {}),
        ...(secret ? { secret } : {}),
      },
      read.started,
    );
  } catch (error) {
    const reason = logText(String((error as Error).message ?? error).split("\n")[0] ?? "");
    read.warn(t(read.language, "build.historyUnreadable", { reason }));
  }
  if (known?.shallow) read.warn(t(read.language, "build.historyShallow"));
  return known;
}

/** The deals folder as the history names it: relative to the working directory. */
const historyDealsDir = (dealsDir: string) => path.relative(process.cwd(), path.resolve(dealsDir)) || ".";
