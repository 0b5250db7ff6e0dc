// Bench rows for CI (issue 36), run by bench/run.js after the full build with PDFs:
// - a simulated pull request: the deals committed, a cold build with PDFs (its cache folder is what CI saves),
//   then a fresh clone in another folder with another HOME, the cache folder restored (without the last site, as
//   the templates restore it), the same PROTOKOLL_CACHE_KEY and one deal changed — it prints one PDF and writes
//   the unchanged files from the cache folder's copies; the same without the key trusts nothing and is cold;
// - sharding: 4 shards one after the other (as 4 CI jobs would run at once), each with its own output and cache
//   folder, each writing its slice's deal folders, then the folders copied into one (`cp -r shard-i/. merged/`)
//   and the build over them, which prints nothing and whose site is byte-identical to the unsharded build's.

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const printedIn = (output) => Number(/PDFs: (\d+) printed/.exec(output)?.[1] ?? Number.NaN);

/** Every file under `dir`: path from `dir` → bytes. */
function filesIn(dir) {
  const result = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) result.set(path.relative(dir, file), readFileSync(file));
  }
  return result;
}

/** The paths in `expected` whose bytes `got` does not hold, and those only `got` has. */
function differing(expected, got) {
  const missing = [...expected].filter(([name, bytes]) => !got.get(name)?.equals(bytes)).map(([name]) => name);
  return [...missing, ...[...got.keys()].filter((name) => !expected.has(name))];
}

/**
 * `bench`: what bench/run.js lends — its work folder, the generated deals and configuration, the binary, and
 * `measure(command, args, cwd, env)`, `row`, `target`, `fmt`.
 */
export async function ciRows({ work, dealsDir, config, bin, count, measure, row, target, fmt, results }) {
  const git = (cwd, ...args) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd,
      stdio: "ignore",
    });
  const repo = path.join(work, "ci-team");
  mkdirSync(path.join(repo, "deals"), { recursive: true });
  const files = readdirSync(dealsDir).sort().slice(0, count);
  for (const file of files) cpSync(path.join(dealsDir, file), path.join(repo, "deals", file));
  cpSync(config, path.join(repo, "protokoll.config.yaml"));
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "deals");

  const key = randomBytes(32).toString("hex");
  /** A CI runner: its own HOME (no machine key of an earlier run), the cache folder the templates use. */
  const runner = (name, withKey) => {
    const home = path.join(work, `ci-home-${name}`);
    mkdirSync(home, { recursive: true });
    return {
      HOME: home,
      XDG_CACHE_HOME: path.join(home, ".cache"),
      PROTOKOLL_CACHE_DIR: ".protokoll-cache",
      PROTOKOLL_CACHE_KEY: withKey ? key : undefined,
      PROTOKOLL_TIMINGS: "1",
    };
  };
  const build = (cwd, env, ...args) => measure(process.execPath, [bin, "build", ...args], cwd, env);
  const printTime = (output) => Number(/protokoll: pdf (\d+) ms/.exec(output)?.[1] ?? Number.NaN) / 1000;

  // The default branch's run: cold, its cache folder saved.
  const cold = await build(repo, runner("main", true));
  const coldPrint = printTime(cold.output);
  row(
    `CI: build with PDFs, ${count} deals, cold`,
    fmt(cold.seconds),
    `${printedIn(cold.output)} printed, printing ${fmt(coldPrint)}`,
  );

  // A pull request's run: a fresh clone elsewhere, another HOME, the cache folder restored, one deal changed.
  const pullRequest = async (name, withKey) => {
    const clone = path.join(work, `ci-${name}`);
    git(work, "clone", "-q", repo, clone);
    // What the CI templates restore: the cache folder, never the last site.
    cpSync(path.join(repo, ".protokoll-cache"), path.join(clone, ".protokoll-cache"), { recursive: true });
    const changed = path.join(clone, "deals", files[0]);
    writeFileSync(changed, readFileSync(changed, "utf8").replace(/^title: "/m, 'title: "Geändert: '));
    return build(clone, runner(name, withKey));
  };
  const pr = await pullRequest("pr", true);
  const prPrinted = printedIn(pr.output);
  results.ci = { deals: count, cold: cold.seconds, coldPrint, pullRequest: pr.seconds, pullRequestPrinted: prPrinted };
  row(
    `CI: pull request, one of ${count} deals changed (fresh clone, other HOME, cache restored, same key)`,
    fmt(pr.seconds),
    `${prPrinted} PDF printed; ${target("CI pull request, shared cache", "≤ 0.1× cold with PDFs, 1 printed", pr.seconds <= 0.1 * cold.seconds && prPrinted === 1)}`,
  );
  const stranger = await pullRequest("pr-without-key", false);
  const strangerPrinted = printedIn(stranger.output);
  results.ci.withoutKey = stranger.seconds;
  results.ci.withoutKeyPrinted = strangerPrinted;
  row(
    "CI: the same pull request without PROTOKOLL_CACHE_KEY",
    fmt(stranger.seconds),
    `${strangerPrinted} printed; ${target("CI without the key", `cold: all ${count} printed`, strangerPrinted === count)}`,
  );

  // Sharding: 4 jobs, here one after the other, each with its own output and cache folder.
  const SHARDS = 4;
  const shardsRepo = path.join(work, "ci-shards");
  git(work, "clone", "-q", repo, shardsRepo);
  const shardSeconds = [];
  for (let i = 1; i <= SHARDS; i++) {
    const env = { ...runner(`shard-${i}`, true), PROTOKOLL_CACHE_DIR: path.join(shardsRepo, `shard-${i}`, ".protokoll-cache") };
    const run = await build(shardsRepo, env, "--shard", `${i}/${SHARDS}`, "--out", path.join(shardsRepo, `shard-${i}`, "_site"));
    shardSeconds.push(run.seconds);
  }
  const merged = path.join(shardsRepo, "merged");
  mkdirSync(merged);
  for (let i = 1; i <= SHARDS; i++) execFileSync("cp", ["-r", `shard-${i}/.`, "merged/"], { cwd: shardsRepo });
  const final = await build(
    shardsRepo,
    { ...runner("merge", true), PROTOKOLL_CACHE_DIR: path.join(merged, ".protokoll-cache") },
    "--out",
    path.join(merged, "_site"),
  );
  const slowest = Math.max(...shardSeconds);
  // The whole site: PDFs, deal pages and the rest of the deal folders, overview pages, feeds, report.json.
  const differ = differing(filesIn(path.join(repo, "_site")), filesIn(path.join(merged, "_site")));
  const identical = differ.length === 0;
  results.ci.shards = {
    count: SHARDS,
    seconds: shardSeconds,
    merge: final.seconds,
    mergePrinted: printedIn(final.output),
    identical,
    differing: differ.slice(0, 20),
  };
  row(
    `CI: ${SHARDS} shards of ${count} deals, slowest shard`,
    fmt(slowest),
    `${shardSeconds.map(fmt).join(", ")}; ${target("slowest shard", `≤ 0.35× unsharded printing (${fmt(coldPrint)})`, slowest <= 0.35 * coldPrint)}`,
  );
  row(
    "CI: build over the merged shards",
    fmt(final.seconds),
    `${printedIn(final.output)} printed, site ${identical ? "byte-identical" : `DIFFERS in ${differ.length} files (${differ.slice(0, 3).join(", ")})`}; ${target("merged shards", "0 printed, byte-identical", printedIn(final.output) === 0 && identical)}`,
  );
}
