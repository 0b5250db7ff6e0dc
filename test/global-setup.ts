// Spawned-CLI tests run bin/protokoll.js, which runs dist/: compile src/ once before any test, so the
// binary under test is always the source under test (and its precompiled schema validators and templates, as
// `npm run compile` makes them).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  for (const script of ["scripts/compile-validators.js", "scripts/compile-templates.js"]) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: "inherit" });
  }
}
