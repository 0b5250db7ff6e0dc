import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir } from "./temp-dir.js";

/** A real git repository in a temp folder, with commits at fixed dates, for diff and history tests. */
export async function gitRepo() {
  const dir = tempDir("protokoll-git-");
  let day = 1;
  const run = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: `2026-11-${String(day).padStart(2, "0")}T10:00:00Z`,
        GIT_COMMITTER_DATE: `2026-11-${String(day).padStart(2, "0")}T10:00:00Z`,
      },
    });
  run("init", "-q", "-b", "main");
  return {
    dir,
    async write(file: string, text: string) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    commit(message: string) {
      run("add", "-A");
      run("commit", "-q", "-m", message);
      day++;
    },
    git: run,
  };
}
