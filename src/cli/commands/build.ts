import { availableParallelism } from "node:os";
import path from "node:path";
import { ProtokollError } from "../../errors.js";
import { phrase, t } from "../../i18n/translate.js";
import { AUDIENCES, type Audience } from "../../render/client-view.js";
import { diskFullMessage } from "../../render/i18n.js";
import type { Language } from "../../time/language.js";
import { buildStateDir, cacheFolder } from "../../util/cache-folder.js";
import { diskFullError } from "../../util/disk-full.js";
import { guardOutput, type Refusal } from "../../util/output-guard.js";
import { MAX_SHARDS, parseShard, type Shard } from "../../util/shard.js";
import { handleInterrupts } from "../../util/shutdown.js";
import { type CommonFlags, exitCodeFor } from "../context.js";
import { parsePositiveInt } from "../options.js";
import { refuseCacheInOutput, refuseUnsafeOutput } from "../safe-output.js";
import { BuildRun } from "../stages/build-run.js";
import { BUILD_STAGES } from "../stages/build-stages.js";
import { runStages } from "../stages/run-stages.js";

export interface BuildFlags extends CommonFlags {
  out?: string;
  pdf?: boolean;
  concurrency?: string;
  /** `team` (default) or `client`: see src/render/client-view.ts. */
  audience?: string;
  /** `<i>/<n>`: see src/util/shard.ts. */
  shard?: string;
}

/**
 * `protokoll build`: parses the flags, takes the output folder's lock and runs the stages of
 * src/cli/stages/build-stages.ts — analyse, prune, history, then every output (PDFs, site, calendars, mail
 * drafts, report.json), clean, summary. A broken deal is listed, never fatal.
 */
export async function build(flags: BuildFlags, log: (line: string) => void): Promise<number> {
  const outDir = path.resolve(flags.out ?? "_site");
  refuseUnsafeOutput(outDir, path.resolve(flags.deals ?? "deals"));
  const { shard, ...rest } = flags;
  // The caches and the lock live outside the output folder (contract v3): it can be published as it is.
  const cacheDir = cacheFolder();
  refuseCacheInOutput(cacheDir, outDir);
  const run = new BuildRun(
    {
      ...rest,
      outDir,
      stateDir: buildStateDir(cacheDir, outDir),
      pdf: flags.pdf !== false,
      concurrency: parsePositiveInt(flags.concurrency, "--concurrency", availableParallelism()),
      audience: parseAudience(flags.audience),
      ...(shard === undefined ? {} : { shard: parseShardFlag(shard) }),
    },
    log,
  );
  handleInterrupts(log, flags.language);
  // Every write and delete under --out, at any depth, never through a link (src/util/output-guard.ts).
  const unguard = guardOutput(outDir);
  let refused: Refusal[] = [];
  try {
    await runStages(BUILD_STAGES, run);
  } catch (error) {
    throw asDiskFull(error, flags.language) ?? error;
  } finally {
    refused = unguard();
    run.releaseLock?.();
  }
  if (refused.length > 0) {
    reportRefused(refused, log, flags.language);
    const link = path.relative(process.cwd(), (refused[0] as Refusal).link);
    const dir = path.relative(process.cwd(), outDir) || ".";
    throw new ProtokollError(
      phrase("build.refusedLinks", { n: refused.length, dir }),
      phrase("build.refusedLinksHint", { link }),
    );
  }
  if (run.browserError) throw run.browserError;
  return exitCodeFor(run.analysis, false);
}

/** One line per refused write or delete (the first 20), naming the file and the link on its way. */
function reportRefused(refused: readonly Refusal[], log: (line: string) => void, language: Language): void {
  const shown = (file: string) => path.relative(process.cwd(), file);
  for (const { file, link, action } of refused.slice(0, 20)) {
    const key = action === "write" ? "build.refusedWrite" : "build.refusedRemove";
    log(t(language, key, { file: shown(file), link: shown(link) }));
  }
  if (refused.length > 20) log(t(language, "build.refusedMore", { n: refused.length - 20 }));
}

function parseAudience(text: string | undefined): Audience {
  const audience = (text ?? "team") as Audience;
  if (!AUDIENCES.includes(audience)) {
    throw new ProtokollError(phrase("build.unknownAudience", { audience: text ?? "" }), phrase("build.audienceHint"));
  }
  return audience;
}

function parseShardFlag(text: string): Shard {
  const shard = parseShard(text);
  if (!shard) throw new ProtokollError(phrase("build.badShard", { shard: text }), phrase("build.shardHint", { max: MAX_SHARDS }));
  return shard;
}

/**
 * A full disk, quota or read-only file system, wherever it struck (a PDF, a page, the lock): one clear message
 * instead of a stack trace (exit 2). Every write is a temporary file renamed into place, so what is there is
 * complete; the PDF cache verifies every PDF before trusting it, so the next build completes the rest.
 */
function asDiskFull(error: unknown, language: Language): ProtokollError | undefined {
  const full = diskFullError(error);
  if (!full) return undefined;
  const file = full.path ? path.relative(process.cwd(), full.path.replace(/\.\d+\.[0-9a-f]{8}\.tmp$/, "")) : undefined;
  const { message, hint } = diskFullMessage(full.code as string, file, language);
  // Already worded in its language by render/i18n.ts: carried as it is.
  return new ProtokollError(phrase("cli.verbatim", { text: message }), phrase("cli.verbatim", { text: hint }), { cause: error });
}
