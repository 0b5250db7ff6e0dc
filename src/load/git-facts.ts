import path from "node:path";
import { type PlainDate, todayIn } from "../time/plain-date.js";
import { DEAL_EXTENSION } from "./find-deal-files.js";
import { git, readBlobs } from "./git.js";
import { yaml } from "./yaml-library.js";

export interface DealGitFacts {
  /** Date of the last commit that changed the file, in the configured zone. */
  date: PlainDate;
  shortHash: string;
  /** The full hash of that commit. */
  hash: string;
  /** Per open action (by `id`, else task text): how often its due date was moved later across history. */
  pushedBack: Record<string, number>;
}

/**
 * What git knows about every deal file, from two git processes in total: one `git log` over the deals folder
 * (last commit per file, and the commits that touched it) and one `git cat-file --batch` for the file's past
 * versions (each at most `maxFileBytes`, the deal size cap). Outside a git checkout, or without git, the map
 * is simply empty.
 */
export async function readGitFacts(
  dealsDir: string,
  cwd: string,
  timeZone: string,
  maxFileBytes = 256 * 1024,
  /** The commit to look from (default HEAD): `build --at` sees the history as it was then. */
  revision?: string,
): Promise<Map<string, DealGitFacts>> {
  const facts = new Map<string, DealGitFacts>();
  let log: string;
  try {
    const from = revision ? [revision] : [];
    log = await git(["log", "--relative", "--no-renames", "--format=%x00%H %h %ct", "--name-only", ...from, "--", dealsDir], cwd);
  } catch {
    return facts;
  }
  const history = new Map<string, string[]>(); // file → commit hashes, newest first
  for (const block of log.split("\0").slice(1)) {
    const [header = "", ...files] = block.split("\n").filter(Boolean);
    const [hash = "", shortHash = "", seconds = "0"] = header.split(" ");
    for (const raw of files) {
      const file = raw.split(path.sep).join("/");
      if (!DEAL_EXTENSION.test(file)) continue;
      if (!facts.has(file)) {
        facts.set(file, { date: todayIn(timeZone, new Date(Number(seconds) * 1000)), shortHash, hash, pushedBack: {} });
      }
      history.set(file, [...(history.get(file) ?? []), hash]);
    }
  }

  // Past versions of files with more than one commit, oldest first, to count postponed due dates.
  const prefix = (await git(["rev-parse", "--show-prefix"], cwd).catch(() => "")).trim();
  const requests: { file: string; spec: string }[] = [];
  for (const [file, hashes] of history) {
    if (hashes.length < 2) continue;
    for (const hash of [...hashes].reverse()) requests.push({ file, spec: `${hash}:${prefix}${file}` });
  }
  const blobs = await readBlobs(
    requests.map((r) => r.spec),
    cwd,
  ).catch(() => []);
  const versions = new Map<string, unknown[]>();
  requests.forEach((request, i) => {
    const blob = blobs[i];
    // Past versions are untrusted like the current one: one over the size cap is not parsed (a 20 MB file
    // once committed would otherwise cost every later build gigabytes).
    if (!blob || blob.length > maxFileBytes) return;
    try {
      versions.set(request.file, [
        ...(versions.get(request.file) ?? []),
        yaml().parse(blob.toString("utf8"), { maxAliasCount: 0 }),
      ]);
    } catch {
      // A broken past version simply does not count.
    }
  });
  for (const [file, list] of versions) {
    const fact = facts.get(file);
    if (fact) fact.pushedBack = countPostponements(list);
  }
  return facts;
}

/** For each action key, how often its `due` moved to a later date from one version to the next. */
export function countPostponements(versions: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  const last = new Map<string, string>();
  for (const version of versions) {
    const actions = (version as { actions?: unknown } | null)?.actions;
    if (!Array.isArray(actions)) continue;
    for (const action of actions) {
      if (!action || typeof action !== "object") continue;
      const { id, task, due } = action as { id?: unknown; task?: unknown; due?: unknown };
      const key = typeof id === "string" ? id : typeof task === "string" ? task : undefined;
      if (!key || typeof due !== "string") continue;
      const before = last.get(key);
      if (before !== undefined && due > before) counts[key] = (counts[key] ?? 0) + 1;
      last.set(key, due);
    }
  }
  return counts;
}
