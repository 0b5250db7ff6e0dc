import { HORIZON } from "../../history/read-history.js";
import { date, t } from "../../i18n/translate.js";
import { acquireBuildLock } from "../../util/build-lock.js";
import { machineKey } from "../../util/machine-key.js";
import { prepare } from "../context.js";
import { buildLog } from "./build-log.js";
import type { BuildRun } from "./build-run.js";
import { OutputManifest } from "./output-manifest.js";
import { dealFilesOf, OUTPUTS } from "./outputs.js";
import { removeFiles, removeLegacyState, removeStaleDeals, removeStalePages } from "./prune-output.js";
import type { Stage } from "./run-stages.js";

/**
 * The outputs this build writes: a client build only those meant for the client; a shard (`--shard`) only those
 * that write a deal's own folder (`slice`), each for the deals of its slice — the overview pages, the feeds and
 * report.json list every deal, and the build over the shards' merged folders writes them, printing nothing and
 * leaving the shards' deal folders as they are (their entries in the output manifest vouch for them).
 */
const writes = (run: BuildRun) =>
  OUTPUTS.filter((output) => (output.client || !run.client) && (!run.settings.shard || output.slice === true));

/**
 * `protokoll build`, stage by stage. The command parses the flags, takes the output folder's lock and runs
 * these in order (src/cli/stages/run-stages.ts); each stage reads what the earlier ones left on the run.
 */
export const BUILD_STAGES: readonly Stage<BuildRun>[] = [
  {
    // load → validate → model and findings (src/pipeline.ts), through the analysis cache.
    name: "analyse",
    async run(run) {
      const { analysis, saveCache, history } = await prepare(run.settings, { dir: run.settings.stateDir, write: true }, run.log);
      run.analysis = analysis;
      run.committed = history;
      if (saveCache) run.saveCache = saveCache;
    },
  },
  {
    // One build at a time writes into an output folder; nothing is written before the lock is held.
    name: "lock",
    async run(run) {
      run.releaseLock = await acquireBuildLock(run.settings.outDir, run.settings.stateDir);
      // Saved before anything else is written: the analysis is this run's, whatever the PDFs add to it later.
      await run.saveCache?.();
      // Without a key of this machine (an unwritable home folder) nothing is reused: every output is written.
      const secret = await machineKey(true);
      if (secret) {
        run.cacheKey = secret;
        run.manifest = await OutputManifest.open(run.settings.outDir, run.settings.stateDir, secret, run.settings.shard);
      }
    },
  },
  {
    // A deleted deal's files go; a client site must not keep what an earlier team build left in the same folder,
    // nor the state folder builds before contract v3 kept in it.
    name: "prune",
    async run(run) {
      const { outDir } = run.settings;
      const slugs = new Set(run.analysis.deals.filter((d) => d.deal).map((d) => d.slug));
      await removeLegacyState(outDir);
      await removeStaleDeals(outDir, slugs, dealFilesOf(OUTPUTS));
      if (!run.client) return;
      const teamOnly = OUTPUTS.filter((output) => !output.client);
      await removeFiles(
        outDir,
        teamOnly.flatMap((output) => output.files ?? []),
        dealFilesOf(teamOnly),
      );
    },
  },
  {
    // At a past revision there is no "now" to add to its history: no trends, reviews or git SEQUENCE.
    name: "history",
    // A shard too: its deal pages show "Verlauf", and its calendars and invitations count SEQUENCE in git.
    when: (run) => run.settings.at === undefined,
    async run(run) {
      // Only the committed history, read with the analysis (its git facts feed the findings): the working tree
      // is added when an output renders (BuildRun.history). The log says where the horizon cut it.
      const history = run.committed;
      run.setCommittedHistory(history);
      const cut = history?.cut;
      if (history && cut && (cut.versions > 0 || cut.commitCap)) {
        const commits = cut.commitCap ? t(run.settings.language, "build.historyCommitCap", { count: HORIZON.commits }) : "";
        const since = date(history.since);
        run.log(
          t(run.settings.language, "build.historyHorizon", { since, weeks: HORIZON.weeks, commits, versions: cut.versions }),
        );
      }
    },
  },
  ...OUTPUTS.map((output) => ({
    ...output,
    when: (run: BuildRun) => writes(run).includes(output) && (output.when?.(run) ?? true),
  })),
  {
    // Pages an earlier build wrote and this one did not.
    name: "clean",
    // A shard writes its slice's deal pages only: the others are not stale.
    when: (run) => !run.settings.shard,
    run: (run) => removeStalePages(run.settings.outDir, run.pages),
  },
  {
    // Only now, with every output written: what this build made, for the next one to reuse.
    name: "remember",
    run: (run) => run.manifest?.save(),
  },
  {
    name: "summary",
    run(run) {
      const seconds = ((performance.now() - run.started) / 1000).toFixed(1);
      const { outDir, language } = run.settings;
      for (const line of buildLog(run.analysis, {
        outDir,
        seconds,
        pdfLine: run.pdfLine,
        pages: run.pageCounts,
        language,
        client: run.client,
      }))
        run.log(line);
    },
  },
];
