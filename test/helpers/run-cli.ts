import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/protokoll.js", import.meta.url));
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The cache folder of every spawned build that names none: in the run's temp folder (test/global-setup.ts sets
 * TMPDIR), removed with it — not `~/.cache/protokoll`, where each test's build would stay behind.
 */
export const CLI_CACHE_DIR = path.join(tmpdir(), "cache-of-cli-runs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the real `protokoll` binary, as a user or CI job would. It speaks English here (`PROTOKOLL_LANG=en`)
 * because most assertions are written against English text; pass `env: { PROTOKOLL_LANG: undefined }` for the
 * German default (test/cli/language.test.ts does).
 */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      CI: "true",
      NO_COLOR: "1",
      PROTOKOLL_TODAY: undefined,
      PROTOKOLL_LANG: "en",
      // The builds' caches go to the run's temp folder, not this user's (a test that says where, or names its
      // own XDG_CACHE_HOME, gets its own).
      ...(options.env && ("PROTOKOLL_CACHE_DIR" in options.env || "XDG_CACHE_HOME" in options.env)
        ? {}
        : { PROTOKOLL_CACHE_DIR: CLI_CACHE_DIR }),
      ...options.env,
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
