// Makes a deals folder a git repository with a generated history, as a team's repository has one: commits spread
// over months (dates oldest first, ending before "today"), each touching `perCommit` deals: a deadline moved later,
// an action done late, a next meeting set. Deterministic (seeded), so every bench run measures the same history.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32, as in generate-deals.js. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * `repo` holds `deals/` (and anything else); it becomes a git repository with `commits` commits, the first adding
 * everything, each later one changing `perCommit` deal files. Commit dates run from `months` months before `end`
 * to the day before it.
 */
export function generateHistory(repo, { commits = 20, perCommit = 200, months = 6, end = "2026-11-23", seed = 5 } = {}) {
  const rnd = random(seed);
  const dealsDir = path.join(repo, "deals");
  const files = readdirSync(dealsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const span = months * 30;
  const dateOf = (k) => day(end, -span + Math.floor((k * (span - 1)) / Math.max(1, commits - 1)) - 1);
  const git = (args, date) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` },
      stdio: "ignore",
    });
  git(["init", "-q", "-b", "main"], dateOf(0));
  for (let k = 0; k < commits; k++) {
    const date = dateOf(k);
    if (k > 0) {
      for (let n = 0; n < Math.min(perCommit, files.length); n++) {
        const file = path.join(dealsDir, files[Math.floor(rnd() * files.length)]);
        writeFileSync(file, change(readFileSync(file, "utf8"), rnd, date));
      }
    }
    git(["add", "-A"], date);
    git(["commit", "-q", "--allow-empty", "-m", `Protokolle ${date}`], date);
  }
}

/** One realistic edit: mostly a deadline moved a week later, sometimes an open action done late. */
function change(text, rnd, date) {
  const r = rnd();
  if (r < 0.6) {
    // The first due date that is not yet done moves a week later.
    return text.replace(/(\n {4}due: )(\d{4}-\d{2}-\d{2})(?!\n {4}status)/, (_, head, due) => `${head}${day(due, 7)}`);
  }
  if (r < 0.85) {
    // An open action is done, after its due date.
    return text.replace(
      /(\n {4}due: (\d{4}-\d{2}-\d{2}))\n(?! {4}status)/,
      (_, head, due) => `${head}\n    status: done\n    done_on: ${due < date ? day(due, 3) : due}\n`,
    );
  }
  return text.replace(/\nrisks:\n/, `\nrisks:\n  - "Neu am ${date}."\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `node bench/generate-history.js <repo> [commits] [per-commit]`: <repo>/deals must exist.
  const [repo, commits = "20", perCommit = "200"] = process.argv.slice(2);
  if (!repo || repo.startsWith("-") || !/^\d+$/.test(commits) || !/^\d+$/.test(perCommit)) {
    process.stderr.write("Usage: node bench/generate-history.js <repo with deals/> [commits] [per-commit]\n");
    process.exitCode = 2;
  } else generateHistory(repo, { commits: Number(commits), perCommit: Number(perCommit) });
}

/**
 * A long history in seconds instead of minutes: `commits` commits (one `git fast-import`), each moving one deal's
 * first due date a day later, dates spread evenly over the `days` before `end`. `repo/deals` must hold the deals;
 * the working tree ends as the last commit left it.
 */
export function generateLongHistory(repo, { commits = 5000, days = 360, end = "2026-11-23" } = {}) {
  const dealsDir = path.join(repo, "deals");
  const files = readdirSync(dealsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const texts = files.map((f) => readFileSync(path.join(dealsDir, f), "utf8"));
  const start = Date.parse(`${end}T00:00:00Z`) / 1000 - days * 86_400;
  const chunks = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let k = 0; k < commits; k++) {
    const time = Math.floor(start + (k * (days - 1) * 86_400) / commits);
    chunks.push(`commit refs/heads/main\nmark :${k + 1}\ncommitter bench <bench@example.com> ${time} +0000\n`);
    chunks.push(data(`change ${k}`));
    if (k > 0) chunks.push(`from :${k}\n`);
    const touched = k === 0 ? files.map((_, i) => i) : [k % files.length];
    for (const i of touched) {
      if (k > 0) {
        texts[i] = texts[i].replace(/(\n {4}due: )(\d{4}-\d{2}-\d{2})/, (_, head, due) => `${head}${day(due, 1)}`);
      }
      chunks.push(`M 100644 inline deals/${files[i]}\n`, data(texts[i]));
    }
    chunks.push("\n");
  }
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
  execFileSync("git", ["fast-import", "--quiet"], { cwd: repo, input: chunks.join("") });
  execFileSync("git", ["reset", "-q", "--hard", "main"], { cwd: repo });
}
