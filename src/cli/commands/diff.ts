import { loadConfig } from "../../config/load-config.js";
import { diffDeals } from "../../diff/diff-deals.js";
import { formatDiffMarkdown } from "../../diff/format-diff.js";
import { ProtokollError } from "../../errors.js";
import { markOf } from "../../findings/level.js";
import { gitFactsOf } from "../../history/git-facts.js";
import { phrase, t } from "../../i18n/translate.js";
import { readDealsAtRevision, resolveRevision } from "../../load/read-revision.js";
import { type AnalyseOptions, analyse, analyseLoaded } from "../../pipeline.js";
import type { Language } from "../../time/language.js";
import { jsonForLog, logLines } from "../../util/log-sink.js";
import { committedHistory } from "../context.js";
import { parseFormat, resolveToday } from "../options.js";

export interface DiffFlags {
  base: string;
  head?: string;
  deals?: string;
  format?: string;
  language: Language;
}

/**
 * `protokoll diff <base> [<head>]`: what changed in the deals between two revisions (head: the working tree),
 * in words — moved deadlines, owners gone, actions done, appointments moved, findings introduced or resolved.
 * Both sides are judged by the same "today".
 */
export async function diff(flags: DiffFlags): Promise<number> {
  const format = parseFormat(flags.format, ["markdown", "json"] as const);
  const cwd = process.cwd();
  const dealsDir = flags.deals ?? "deals";
  const { config } = await loadConfig();
  const options: AnalyseOptions = { dealsDir, cwd, config, today: resolveToday(undefined, config.timeZone) };

  const baseCommit = await resolveRevision(flags.base, cwd);
  const headCommit = flags.head ? await resolveRevision(flags.head, cwd) : undefined;
  // Each side with the git facts of its own history, so `due-pushed-often` shows as introduced or resolved.
  // From the same bounded history pass as `build` (renames followed, blobs over the cap never read).
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const read = { dealsDir, config, today: options.today, language: flags.language, warn, write: false };
  let warned = false;
  const once = (line: string) => {
    if (!warned) warn(line);
    warned = true;
  };
  const facts = async (revision?: string) =>
    gitFactsOf(await committedHistory({ ...read, warn: once, ...(revision ? { revision } : {}) }));
  const base = analyseLoaded(await readDealsAtRevision(baseCommit, dealsDir, cwd, config.maxFileBytes), {
    ...options,
    git: await facts(baseCommit),
  });
  const headOptions = { ...options, git: await facts(headCommit) };
  const head = headCommit
    ? analyseLoaded(await readDealsAtRevision(headCommit, dealsDir, cwd, config.maxFileBytes), headOptions)
    : await analyse(headOptions).catch((error: unknown) => {
        // A working tree without the deals folder has no deals (a pull request may delete them all); any
        // other failure is a real error, not "every deal removed".
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        return undefined;
      });
  // Neither side has the folder: a wrong --deals, not an empty diff.
  if (!head && base.deals.length === 0) {
    throw new ProtokollError(phrase("cli.noDealsFolder", { dir: dealsDir }), phrase("cli.noDealsFolderHint"));
  }
  const diffs = diffDeals(base.deals, head?.deals ?? [], (f, result) => markOf(f, result.deal, options.today, config));
  const range = `${flags.base}..${flags.head ?? t(flags.language, "diff.workingTree")}`;
  if (format === "json") {
    process.stdout.write(
      `${jsonForLog(JSON.stringify({ base: flags.base, head: flags.head ?? null, today: options.today, deals: diffs }, null, 2))}\n`,
    );
  } else {
    // Meant for a job summary, but often printed to the log too: the guard's `\::` and `##\[` read the same in Markdown.
    process.stdout.write(logLines(formatDiffMarkdown(diffs, range, flags.language)));
  }
  return 0;
}
