import path from "node:path";
import { DEAL_EXTENSION } from "../load/find-deal-files.js";
import { git } from "../load/git.js";
import type { HistoryOptions } from "./read-history.js";

export interface LogEntry {
  commit: string;
  time: number;
  /** file → new blob id, or "" when the commit deleted the file. */
  changes: [string, string][];
}

/** The commits of the first-parent line that changed a deal file, newest first, with the blob each gave it. */
export async function readLog(options: HistoryOptions): Promise<LogEntry[]> {
  const out = await git(
    [
      "log",
      "--first-parent",
      "--diff-merges=first-parent",
      "--raw",
      "--no-abbrev",
      "--no-renames",
      "--relative",
      "-z",
      `--max-count=${options.maxCommits ?? 20_000}`,
      "--format=%x01%H %ct",
      "--",
      options.dealsDir,
    ],
    options.cwd,
  );
  const entries: LogEntry[] = [];
  for (const block of out.split("\x01").slice(1)) {
    const [header = "", ...rest] = block.split("\0");
    const [commit = "", seconds = "0"] = header.split(" ");
    const changes: [string, string][] = [];
    // After the header: pairs of ":<modes> <old> <new> <status>" and the path.
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const meta = (rest[i] as string).replace(/^\n/, "");
      const file = (rest[i + 1] as string).split(path.sep).join("/");
      if (!meta.startsWith(":") || !DEAL_EXTENSION.test(file)) continue;
      const fields = meta.slice(1).split(" ");
      const status = fields[4] ?? "";
      changes.push([file, status.startsWith("D") ? "" : (fields[3] ?? "")]);
    }
    entries.push({ commit, time: Number(seconds), changes });
  }
  return entries;
}
