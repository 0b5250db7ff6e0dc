import path from "node:path";
import { isCalendarDate, type PlainDate, todayIn } from "../time/plain-date.js";
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
  /** Due dates moved later by a commit made after the old date had passed: deadlines missed, as git saw it. */
  redated?: RedatedDeadline[];
}

/** One deadline re-dated after it had passed (the model's `Redated`; the load stage cannot import the model). */
export interface RedatedDeadline {
  key: string;
  task: string;
  owner?: string;
  from: PlainDate;
  to: PlainDate;
  /** The day of the commit that moved it, in the configured zone. */
  on: PlainDate;
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
  const days = new Map<string, PlainDate>(); // commit hash → its day in the configured zone
  for (const block of log.split("\0").slice(1)) {
    const [header = "", ...files] = block.split("\n").filter(Boolean);
    const [hash = "", shortHash = "", seconds = "0"] = header.split(" ");
    days.set(hash, todayIn(timeZone, new Date(Number(seconds) * 1000)));
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
  const requests: { file: string; spec: string; day: PlainDate }[] = [];
  for (const [file, hashes] of history) {
    if (hashes.length < 2) continue;
    for (const hash of [...hashes].reverse()) {
      requests.push({ file, spec: `${hash}:${prefix}${file}`, day: days.get(hash) as PlainDate });
    }
  }
  const blobs = await readBlobs(
    requests.map((r) => r.spec),
    cwd,
  ).catch(() => []);
  const versions = new Map<string, { day: PlainDate; data: unknown }[]>();
  requests.forEach((request, i) => {
    const blob = blobs[i];
    // Past versions are untrusted like the current one: one over the size cap is not parsed (a 20 MB file
    // once committed would otherwise cost every later build gigabytes).
    if (!blob || blob.length > maxFileBytes) return;
    try {
      versions.set(request.file, [
        ...(versions.get(request.file) ?? []),
        { day: request.day, data: yaml().parse(blob.toString("utf8"), { maxAliasCount: 0 }) },
      ]);
    } catch {
      // A broken past version simply does not count.
    }
  });
  for (const [file, list] of versions) {
    const fact = facts.get(file);
    if (!fact) continue;
    fact.pushedBack = countPostponements(list.map((v) => v.data));
    const redated = redatedDeadlines(list);
    if (redated.length > 0) fact.redated = redated;
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

/**
 * The due dates moved to a later day by a version committed after the old date had passed (a move made in
 * time is a plan changing, not a deadline missed). Versions oldest first, each with its commit's day.
 */
export function redatedDeadlines(versions: readonly { day: PlainDate; data: unknown }[]): RedatedDeadline[] {
  const result: RedatedDeadline[] = [];
  const last = new Map<string, string>();
  for (const { day, data } of versions) {
    const actions = (data as { actions?: unknown } | null)?.actions;
    if (!Array.isArray(actions)) continue;
    for (const action of actions) {
      if (!action || typeof action !== "object") continue;
      const { id, task, due, owner } = action as { id?: unknown; task?: unknown; due?: unknown; owner?: unknown };
      const key = typeof id === "string" ? id : typeof task === "string" ? task : undefined;
      if (!key || typeof due !== "string" || !isCalendarDate(due)) continue;
      const before = last.get(key);
      if (before !== undefined && due > before && day > before) {
        const moved: RedatedDeadline = {
          key,
          task: String(task ?? key),
          from: before as PlainDate,
          to: due as PlainDate,
          on: day,
        };
        if (typeof owner === "string" && owner.trim()) moved.owner = owner.trim();
        result.push(moved);
      }
      last.set(key, due);
    }
  }
  return result;
}
