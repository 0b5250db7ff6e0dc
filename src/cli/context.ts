import path from "node:path";
import { type Config, loadConfig } from "../config/load-config.js";
import { ProtokollError } from "../errors.js";
import { type History, readHistory, withWorkingTree } from "../history/read-history.js";
import { phrase, t } from "../i18n/translate.js";
import { readGitFacts } from "../load/git-facts.js";
import { readDealsAtRevision, resolveRevision } from "../load/read-revision.js";
import { AnalysisCache } from "../pipeline/analysis-cache.js";
import { type Analysis, analyse, analyseLoaded } from "../pipeline.js";
import { formatFinding } from "../report/format-text.js";
import type { Language } from "../time/language.js";
import { codeFingerprint } from "../util/code-fingerprint.js";
import { logText } from "../util/log-sink.js";
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
 * Loads the configuration and runs load → validate → model for the deals folder, through the analysis cache
 * when `cache` is given (an unchanged deal file is not parsed again). `saveCache` writes it back (`build` does,
 * once it holds the output folder's lock).
 */
export async function prepare(
  flags: CommonFlags,
  cache?: CacheUse,
): Promise<{ config: Config; analysis: Analysis; saveCache?: () => Promise<void> }> {
  const { config, findings } = await loadConfig(process.cwd(), { remember: cache?.write === true });
  if (findings.length > 0) {
    const text = findings.map((f) => formatFinding(f, flags.language, () => undefined)).join("\n\n");
    throw new ProtokollError(phrase("config.invalid", { text }), phrase("config.invalidHint"));
  }
  const today = resolveToday(flags.today, config.timeZone);
  const dealsDir = flags.deals ?? "deals";
  if (flags.at !== undefined) {
    const cwd = process.cwd();
    const commit = await resolveRevision(flags.at, cwd);
    const loaded = await readDealsAtRevision(commit, dealsDir, cwd, config.maxFileBytes);
    const git = await readGitFacts(dealsDir, cwd, config.timeZone, config.maxFileBytes, commit);
    return { config, analysis: analyseLoaded(loaded, { dealsDir, today, config, git, cwd }) };
  }
  try {
    const git = await readGitFacts(dealsDir, process.cwd(), config.timeZone, config.maxFileBytes);
    const store = cache
      ? await AnalysisCache.open(
          cache.dir,
          { version: `${VERSION}+${codeFingerprint()}`, config, today },
          { create: cache.write },
        )
      : undefined;
    const analysis = await analyse({ dealsDir, today, config, git, ...(store ? { cache: store } : {}) });
    const saveCache = store && cache?.write ? () => store.save() : undefined;
    return { config, analysis, ...(saveCache ? { saveCache } : {}) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ProtokollError(phrase("cli.noDealsFolder", { dir: dealsDir }), phrase("cli.noDealsFolderHint"));
    }
    throw error;
  }
}

/** Exit code per contract: 1 on any error-level finding (with --strict: any finding), else 0. */
export function exitCodeFor(analysis: Analysis, strict: boolean): number {
  const { errors, warnings } = analysis.summary;
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

/**
 * The deals' git history (see src/history/read-history.ts) with the working tree as its newest version.
 * Outside git: only the working tree, so every measure still has "now". A history git cannot read (a damaged
 * repository, a shallow clone git refuses) is said on the log and left out — the protocols do not depend on it.
 */
export async function historyFor(analysis: Analysis, warn: (line: string) => void, language: Language): Promise<History> {
  const committed = await committedHistory(analysis, warn, language);
  const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  return withWorkingTree(committed, deals, analysis.today);
}

/** The deals' committed history alone ({@link historyFor} without the working tree); undefined outside git. */
export async function committedHistory(
  analysis: Analysis,
  warn: (line: string) => void,
  language: Language,
): Promise<History | undefined> {
  let committed: History | undefined;
  try {
    committed = await readHistory({
      dealsDir: path.relative(process.cwd(), analysis.dealsDir) || ".",
      cwd: process.cwd(),
      timeZone: analysis.config.timeZone,
      today: analysis.today,
      maxFileBytes: analysis.config.maxFileBytes,
      toolVersion: VERSION,
    });
  } catch (error) {
    const reason = logText(String((error as Error).message ?? error).split("\n")[0] ?? "");
    warn(t(language, "build.historyUnreadable", { reason }));
  }
  return committed;
}
