import { spawn } from "node:child_process";
import path from "node:path";
import { DEAL_EXTENSION } from "../load/find-deal-files.js";

/** What one `git rev-parse` says of the deals' repository before anything of the history is read. */
export interface RepositoryProbe {
  /** The commit the history is read from (HEAD, or the revision asked for). */
  head: string;
  /** The clone is shallow (`--is-shallow-repository`). */
  shallow: boolean;
  /** The repository's git folder shared by its worktrees (`--git-common-dir`), absolute. */
  commonDir: string;
}

/**
 * The head, whether the clone is shallow, and the git folder, from ONE `git rev-parse` (it was three): a `check`
 * over an unchanged history runs this and one `git ls-files` ({@link blobsOnDisk}), however long the history.
 * Undefined outside git and before the first commit. `revision` is a resolved commit id or `HEAD`, never user text.
 */
export async function probeRepository(cwd: string, revision = "HEAD"): Promise<RepositoryProbe | undefined> {
  const out = await run(["rev-parse", "--is-shallow-repository", "--git-common-dir", `${revision}^{commit}`], cwd);
  if (out === undefined) return undefined;
  const [shallow, dir = "", head = ""] = out.trim().split("\n");
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(head) || !dir) return undefined;
  return { head, shallow: shallow === "true", commonDir: path.resolve(cwd, dir) };
}

/**
 * The blob ids of the deal files that are on disk exactly as in the index, from one `git ls-files -s -m -t`:
 * its `H` rows are the index, its `C` rows the files changed (or deleted) on disk. A committed version with such
 * a blob is the working tree itself, which the analysis reads anyway: it is not read from git a second time.
 */
export async function blobsOnDisk(dealsDir: string, cwd: string): Promise<Set<string>> {
  const out = (await run(["ls-files", "-s", "-m", "-t", "-z", "--", dealsDir], cwd)) ?? "";
  const staged = new Map<string, string>();
  const changed = new Set<string>();
  // "<tag> <mode> <blob> <stage>\t<path>"
  for (const row of out.split("\0")) {
    const [meta = "", file = ""] = row.split("\t");
    const [tag, mode = "", blob = ""] = meta.split(" ");
    if (tag === "C") changed.add(file);
    else if (tag === "H" && mode.startsWith("100") && DEAL_EXTENSION.test(file)) staged.set(file, blob);
  }
  const blobs = new Set<string>();
  for (const [file, blob] of staged) if (!changed.has(file)) blobs.add(blob);
  return blobs;
}

/** git's stdout, or undefined when it fails (not a repository, no commit yet, no git at all). */
function run(args: readonly string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 ? Buffer.concat(chunks).toString("utf8") : undefined));
  });
}
