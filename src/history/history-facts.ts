import { cacheKey, cachePath } from "./cache-history.js";
import { factsKey, factsPath, readFacts, writeFacts } from "./facts-cache.js";
import { type DealGitFacts, gitFactsOf } from "./git-facts.js";
import { removeLegacyHistoryCache } from "./legacy-cache.js";
import { blobsOnDisk, probeRepository, type RepositoryProbe } from "./probe-repository.js";
import { type History, type HistoryOptions, HORIZON, readHistory, windowStart } from "./read-history.js";

/** The git probes a command starts first, in parallel with loading its configuration ({@link startProbe}). */
export interface StartedProbe {
  probe: Promise<RepositoryProbe | undefined>;
  onDisk: Promise<ReadonlySet<string>>;
}

/**
 * Starts the two git calls every run at HEAD needs — one `rev-parse` (head, shallow, git folder) and, in a
 * repository, one `ls-files` (which deal files are on disk as committed) — so they run while the configuration
 * loads. Nothing is read from the history yet.
 */
export function startProbe(dealsDir: string, cwd: string): StartedProbe {
  const probe = probeRepository(cwd);
  const onDisk = probe.then((found) => (found ? blobsOnDisk(dealsDir, cwd) : new Set<string>()));
  return { probe, onDisk };
}

export interface HistoryFacts {
  head: string;
  shallow: boolean;
  /** The git facts of every deal file (src/history/git-facts.ts). */
  facts: Map<string, DealGitFacts>;
  /** The committed history, when it was asked for or had to be read (not from the facts cache). */
  history?: History;
}

/**
 * The deals' git facts, and their committed history when `needHistory` (a build's trends, calendars, review).
 * Without it (`check`), an unchanged history costs the probe, one `ls-files` and the small facts file the last
 * build left (src/history/facts-cache.ts) — not the history cache with every version. When that file does not
 * hold for this head, window, zone and working tree, the history is read as ever (src/history/read-history.ts).
 * A pass that may write the cache also writes the facts, and removes the cache an earlier version left in the
 * git folder. Outside git (or before the first commit): undefined.
 */
export async function readHistoryFacts(
  options: HistoryOptions & { needHistory: boolean },
  started?: StartedProbe,
): Promise<HistoryFacts | undefined> {
  const atHead = !options.revision;
  const probe = await (atHead && started ? started.probe : probeRepository(options.cwd, options.revision));
  if (!probe) return undefined;
  const { head, shallow } = probe;
  const onDisk: Promise<ReadonlySet<string>> =
    options.fromWorkingTree && atHead
      ? (started?.onDisk ?? blobsOnDisk(options.dealsDir, options.cwd))
      : Promise.resolve(new Set<string>());
  const secret = options.cacheDir === false ? undefined : options.secret;
  const file = atHead && secret ? factsPath(await cachePath(options, probe.commonDir)) : undefined;
  const key = onDisk.then((blobs) =>
    factsKey({
      cacheKey: cacheKey(options),
      head,
      since: windowStart(options),
      weeks: options.weeks ?? HORIZON.weeks,
      timeZone: options.timeZone,
      onDisk: blobs,
    }),
  );
  if (!options.needHistory && file && secret) {
    const [cached, wanted] = await Promise.all([readFacts(file, secret), key]);
    if (cached?.key === wanted) return { head, shallow, facts: cached.facts };
  }
  const history = await readHistory({ ...options, probe: Promise.resolve(probe), onDisk });
  if (!history) return undefined;
  const facts = gitFactsOf(history);
  if (atHead && options.writeCache !== false) {
    await Promise.all([
      file && secret ? writeFacts(file, await key, facts, secret) : undefined,
      removeLegacyHistoryCache(probe.commonDir),
    ]);
  }
  return { head, shallow, facts, history };
}
