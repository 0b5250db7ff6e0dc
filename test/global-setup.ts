// Spawned-CLI tests run bin/protokoll.js, which runs dist/: compile src/ once before any test, so the
// binary under test is always the source under test (and its precompiled schema validators and templates, as
// `npm run compile` makes them).
//
// The run also gets a temp folder of its own (TMPDIR, which the test workers, the spawned CLI and its browser
// inherit), so what other runs on the machine make cannot be taken for ours. At the end every `protokoll-*`
// folder left in it fails the run, by name: each test removes what it made (test/helpers/temp-dir.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RUN_PREFIX = "vitest-protokoll-run-";

/** The `protokoll-*` folders a test run left in its temp folder, as a sentence, or "" when there are none. */
export function leftBehind(runTmp: string): string {
  const left = readdirSync(runTmp).filter((name) => name.startsWith("protokoll-"));
  if (left.length === 0) return "";
  return `The tests left ${left.length} temporary folder(s) behind: ${left.sort().join(", ")}. Make them with tempDir() from test/helpers/temp-dir.ts (removed after the test file) or remove them in the test.`;
}

export default function setup(): () => void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  for (const script of ["scripts/compile-validators.js", "scripts/compile-templates.js"]) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: "inherit" });
  }
  // Every project of vitest.config.ts runs this setup; the first one makes the run's folder, the others share it.
  if (path.basename(tmpdir()).startsWith(RUN_PREFIX)) return () => {};
  const outerTmp = process.env.TMPDIR;
  const runTmp = mkdtempSync(path.join(tmpdir(), RUN_PREFIX));
  process.env.TMPDIR = runTmp;
  return () => {
    const problem = leftBehind(runTmp);
    rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
    if (outerTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outerTmp;
    // An error thrown here is printed but leaves vitest's exit code at 0: say it, and fail the run.
    if (problem) {
      console.error(problem);
      process.exitCode = 1;
    }
  };
}
