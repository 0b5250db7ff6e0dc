import { spawn } from "node:child_process";
import path from "node:path";
import { DEAL_EXTENSION } from "../load/find-deal-files.js";

export interface LogEntry {
  commit: string;
  time: number;
  /**
   * file → new blob id, or "" when the commit removed the file or made it something that is not a file (a
   * submodule entry, a symbolic link): no version to read. A third element names the file it was renamed from.
   */
  changes: ([string, string] | [string, string, string])[];
}

export interface LogRequest {
  dealsDir: string;
  cwd: string;
  /** Where the log starts (default HEAD). */
  revision?: string;
  /** Commits already seen: the log stops there (`<seen>..<revision>`). */
  since?: string;
  maxCommits: number;
}

// Only a regular file's blob is a version of a deal: 100644 and 100755. A gitlink (160000) names a commit of
// another repository, a symbolic link (120000) a path; neither is read.
const REGULAR = /^100(644|755)$/;

/**
 * The commits of the first-parent line that changed a deal file, newest first, with the blob each gave it —
 * streamed from one `git log --raw -M` (renames detected, so a moved deal keeps its history) and parsed commit
 * by commit, never held as one string.
 */
export function readLog(request: LogRequest): Promise<LogEntry[]> {
  const range = request.since ? `${request.since}..${request.revision ?? "HEAD"}` : (request.revision ?? "HEAD");
  const args = [
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--raw",
    "--no-abbrev",
    "-M",
    "--relative",
    "-z",
    `--max-count=${request.maxCommits}`,
    "--format=%x01%H %ct",
    range,
    "--",
    request.dealsDir,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: request.cwd, stdio: ["ignore", "pipe", "pipe"] });
    const entries: LogEntry[] = [];
    let stderr = "";
    let rest = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      const blocks = (rest + chunk).split("\x01");
      rest = blocks.pop() ?? "";
      for (const block of blocks) if (block) entries.push(parseCommit(block));
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(stderr.trim() || `git log exited with ${code}`));
      if (rest) entries.push(parseCommit(rest));
      resolve(entries);
    });
  });
}

function parseCommit(block: string): LogEntry {
  const fields = block.split("\0");
  const [commit = "", seconds = "0"] = (fields[0] ?? "").split(" ");
  const changes: LogEntry["changes"] = [];
  // After the header: ":<old mode> <new mode> <old> <new> <status>", then the path (two for a rename or copy).
  for (let i = 1; i < fields.length; ) {
    const meta = (fields[i] as string).replace(/^\n/, "");
    if (!meta.startsWith(":")) {
      i++;
      continue;
    }
    const [, newMode = "", , blob = "", status = ""] = meta.slice(1).split(" ");
    const twoPaths = status.startsWith("R") || status.startsWith("C");
    const from = twoPaths ? toPosix(fields[i + 1] ?? "") : undefined;
    const file = toPosix(fields[i + (twoPaths ? 2 : 1)] ?? "");
    i += twoPaths ? 3 : 2;
    const version = status.startsWith("D") || !REGULAR.test(newMode) ? "" : blob;
    if (from !== undefined && status.startsWith("R") && DEAL_EXTENSION.test(from)) {
      // A deal moved out of the deal names (renamed to .txt) is gone; one moved in starts its history there.
      if (DEAL_EXTENSION.test(file)) changes.push([file, version, from]);
      else changes.push([from, ""]);
    } else if (DEAL_EXTENSION.test(file)) {
      changes.push([file, version]);
    }
  }
  return { commit, time: Number(seconds), changes };
}

const toPosix = (file: string) => file.split(path.sep).join("/");
