import path from "node:path";
import { type Config, loadConfig } from "../config/load-config.js";
import { ProtokollError } from "../errors.js";
import { gitFactsOf } from "../history/git-facts.js";
import { ownersFirstSeen } from "../history/owner-first-seen.js";
import { type History, readHistory, withWorkingTree } from "../history/read-history.js";
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
): Promise<{ config: Config; analysis: Analysis; saveCache?: () => Promise<void>; history?: History }> {
  const { config, findings } = await loadConfig(process.cwd(), { remember: cache?.write === true });
  if (findings.length > 0) {
    const text = findings.map((f) => formatFinding(f, flags.language, () => undefined)).join("\n\n");
    throw new ProtokollError(phrase("config.invalid", { text }), phrase("config.invalidHint"));
  }
  const today = resolveToday(flags.today, config.timeZone);
  const dealsDir = flags.deals ?? "deals";
  const read = { dealsDir, config, today, language: flags.language, warn };
  if (flags.at !== undefined) {
    const cwd = process.cwd();
    const commit = await resolveRevision(flags.at, cwd);
    const loaded = await readDealsAtRevision(commit, dealsDir, cwd, config.maxFileBytes);
    // The history as it was at the revision: no cache written, the same facts a build then saw.
    const history = await committedHistory({ ...read, revision: commit, write: false });
    const analysis = analyseLoaded(loaded, { dealsDir, today, config, git: gitFactsOf(history), cwd });
    return { config, analysis: withOwnersSeen(analysis, history) };
  }
  try {
    const history = await committedHistory({ ...read, write: cache?.write === true });
    const git = gitFactsOf(history);
    const store = cache
      ? await AnalysisCache.open(
          cache.dir,
          { version: `${VERSION}+${codeFingerprint()}`, config, today },
          { create: cache.write },
        )
      : undefined;
    const analysis = withOwnersSeen(await analyse({ dealsDir, today, config, git, ...(store ? { cache: store } : {}) }), history);
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

/**
 * The deals' committed history alone; undefined outside git. A history git cannot read (a damaged repository) is
 * said on the log and left out, and a shallow clone is said with its fix — the protocols depend on neither.
 */
export async function committedHistory(read: {
  dealsDir: string;
  config: Config;
  today: PlainDate;
  language: Language;
  warn: (line: string) => void;
  revision?: string;
  write: boolean;
}): Promise<History | undefined> {
  let committed: History | undefined;
  try {
    committed = await readHistory({
      dealsDir: path.relative(process.cwd(), path.resolve(read.dealsDir)) || ".",
      cwd: process.cwd(),
      timeZone: read.config.timeZone,
      today: read.today,
      maxFileBytes: read.config.maxFileBytes,
      toolVersion: VERSION,
      config: read.config,
      writeCache: read.write,
      // At HEAD, the files unchanged on disk are not read from git: the analysis of the working tree gives them.
      fromWorkingTree: !read.revision,
      ...(read.revision ? { revision: read.revision } : {}),
      ...(await secretFor(read.write)),
    });
  } catch (error) {
    const reason = logText(String((error as Error).message ?? error).split("\n")[0] ?? "");
    read.warn(t(read.language, "build.historyUnreadable", { reason }));
  }
  if (committed?.shallow) read.warn(t(read.language, "build.historyShallow"));
  return committed;
}

async function secretFor(create: boolean): Promise<{ secret?: Buffer }> {
  const secret = await machineKey(create);
  return secret ? { secret } : {};
}
