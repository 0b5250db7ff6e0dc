// What a team's repository does in its first weeks, on real git: a deal moved with `git mv`, a shallow CI clone,
// a huge file once committed, a deal replaced by a submodule entry. Each once went wrong (issue 32): SEQUENCE fell
// to 1 after a move, a shallow clone printed other PDF bytes without a word, four 300 MB versions took 2.4 GB, and
// a gitlink vanished from `diff` and showed as "0 errors" in `build --at`.
import { execFileSync, spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TODAY = "2026-11-23";
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function repo() {
  const r = await gitRepo();
  made.push(r.dir);
  return r;
}

const deal = (due: string, time: string, extra: string[] = []) =>
  [
    "title: Liefervertrag",
    "customer: Beta AG",
    "meeting:",
    "  date: 2026-11-02",
    "participants:",
    "  - name: Anna Schulz",
    "actions:",
    "  - id: plan",
    "    task: Projektplan schicken",
    "    owner: Anna Schulz",
    `    due: ${due}`,
    "next_meeting:",
    "  date: 2026-12-10",
    `  time: "${time}"`,
    ...extra,
    "",
  ].join("\n");

async function sequences(cwd: string, file: string): Promise<number[]> {
  const result = await runCli(["build", "--no-pdf", "--today", TODAY], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const text = await readFile(path.join(cwd, "_site", "deals", "beta", file), "utf8");
  return new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents("vevent")
    .map((event) => Number(event.getFirstPropertyValue("sequence")));
}

async function codes(cwd: string, args: string[] = []): Promise<string[]> {
  const check = await runCli(["check", "--format", "json", "--today", TODAY, ...args], { cwd });
  return JSON.parse(check.stdout).deals.flatMap((d: { findings: { code: string }[] }) => d.findings.map((f) => f.code));
}

/** Four commits: the due date pushed back three times, the meeting's time changed each time. */
async function pushedBackThreeTimes(r: Awaited<ReturnType<typeof gitRepo>>) {
  const steps: [string, string][] = [
    ["2026-11-24", "09:00"],
    ["2026-11-27", "10:00"],
    ["2026-12-01", "11:00"],
    ["2026-12-04", "12:00"],
  ];
  for (const [due, time] of steps) {
    await r.write("deals/beta.yaml", deal(due, time));
    r.commit(`due ${due}`);
  }
}

describe("a renamed deal keeps its history", () => {
  it("git mv into archiv/: SEQUENCE does not fall and due-pushed-often keeps counting", async () => {
    const r = await repo();
    await pushedBackThreeTimes(r);
    expect(await codes(r.dir)).toContain("due-pushed-often");
    const before = await sequences(r.dir, "beta.ics");
    expect(Math.max(...before)).toBe(4);
    r.git("mv", "deals/beta.yaml", "deals/beta-archiv.yaml");
    await r.write("deals/.keep", "");
    r.commit("moved");
    await rm(path.join(r.dir, "_site"), { recursive: true, force: true });
    r.git("mv", "deals/beta-archiv.yaml", "deals/beta.yaml");
    await r.write("deals/archiv/.keep", "");
    r.git("mv", "deals/beta.yaml", "deals/archiv/beta.yaml");
    r.commit("archived");
    expect(await codes(r.dir)).toContain("due-pushed-often");
    const after = await sequences(r.dir, "beta.ics");
    // Two more commits of the file (the moves): never lower, per event.
    expect(after.length).toBe(before.length);
    for (const [i, sequence] of after.entries()) expect(sequence).toBeGreaterThanOrEqual(before[i] as number);
    // A real change after the move rises above what the calendars saw.
    await r.write("deals/archiv/beta.yaml", deal("2026-12-04", "15:00"));
    r.commit("moved again");
    expect(Math.max(...(await sequences(r.dir, "beta.ics")))).toBeGreaterThan(Math.max(...after));
    // A year on, the horizon (52 weeks) cuts the old versions, and the build log says so.
    const later = await runCli(["build", "--no-pdf", "--today", "2027-12-31"], { cwd: r.dir });
    expect(later.stderr).toMatch(/History: read from 1 Jan 2027 \(the last 52 weeks\); 6 older versions do not count/);
  }, 120_000);
});

describe("a shallow clone", () => {
  it("prints the same PDF bytes as the full clone and `build --at`, and says once what rests on a partial history", async () => {
    const full = await repo();
    await pushedBackThreeTimes(full);
    const shallow = path.join(tempDir("protokoll-shallow-"), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${full.dir}`, shallow]);
    const a = await runCli(["build", "--today", TODAY], { cwd: full.dir });
    const b = await runCli(["build", "--today", TODAY], { cwd: shallow });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const pdf = (dir: string, out = "_site") => readFile(path.join(dir, out, "deals", "beta", "beta.pdf"));
    expect((await pdf(shallow)).equals(await pdf(full.dir))).toBe(true);
    const at = await runCli(["build", "--at", "HEAD", "--out", "_at", "--today", "2026-12-20"], { cwd: full.dir });
    expect(at.code, at.stderr).toBe(0);
    expect((await pdf(full.dir, "_at")).equals(await pdf(full.dir))).toBe(true);
    // Said once, with the fix; the full clone says nothing of the kind.
    expect(b.stderr.match(/shallow clone/g)?.length).toBe(1);
    expect(b.stderr).toContain("fetch-depth: 0");
    expect(b.stderr).toContain('GIT_DEPTH: "0"');
    expect(a.stderr).not.toContain("shallow");
    // What rests on the history does differ: the shallow clone lost the three moves.
    expect(await codes(full.dir)).toContain("due-pushed-often");
    expect(await codes(shallow)).not.toContain("due-pushed-often");
  }, 180_000);
});

/** Peak RSS (KiB) of the node process of `protokoll check`, as the kernel counted it. */
async function peakOfCheck(cwd: string): Promise<number> {
  const hook = `data:text/javascript,process.on("exit",()=>process.stderr.write("MAXRSS="+process.resourceUsage().maxRSS+"\\n"))`;
  const run = spawnSync(process.execPath, ["--import", hook, BIN, "check", "--today", TODAY], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PROTOKOLL_LANG: "en", CI: "true" },
  });
  return Number(/MAXRSS=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
}

describe("a history blob over the size cap", () => {
  it("is never read: check on four 40 MB versions peaks within 1.5x of the same repository without them", async () => {
    const plain = await repo();
    const big = await repo();
    await pushedBackThreeTimes(plain);
    for (let i = 0; i < 4; i++) {
      // Four huge versions of the deal (a log pasted in by mistake), each different.
      await big.write("deals/beta.yaml", `${deal("2026-11-24", "09:00")}# ${String(i).repeat(40 * 1024 * 1024)}\n`);
      big.commit(`huge ${i}`);
    }
    await pushedBackThreeTimes(big);
    const without = await peakOfCheck(plain.dir);
    const withBig = await peakOfCheck(big.dir);
    expect(withBig).toBeLessThanOrEqual(1.5 * without);
    // The findings are the same: the huge versions count as "not a deal", not as errors.
    expect(await codes(big.dir)).toEqual(await codes(plain.dir));
  }, 180_000);
});

describe("a deal replaced by a submodule entry (gitlink)", () => {
  async function withGitlink() {
    const r = await repo();
    await r.write("deals/alpha.yaml", deal("2026-12-01", "09:00").replace("Beta AG", "Alpha AG"));
    await r.write("deals/beta.yaml", deal("2026-12-01", "09:00"));
    r.commit("two deals");
    const head = r.git("rev-parse", "HEAD").trim();
    r.git("rm", "-q", "--cached", "deals/beta.yaml");
    await rm(path.join(r.dir, "deals", "beta.yaml"));
    r.git("update-index", "--add", "--cacheinfo", `160000,${head},deals/beta.yaml`);
    r.git("commit", "-q", "-m", "beta became a submodule");
    return r;
  }

  it("diff names it: not a deal file (Keine Deal-Datei), with the error introduced", async () => {
    const r = await withGitlink();
    const result = await runCli(["diff", "HEAD~1", "HEAD", "--format", "json"], { cwd: r.dir });
    expect(result.code, result.stderr).toBe(0);
    const beta = JSON.parse(result.stdout).deals.find((d: { slug: string }) => d.slug === "beta");
    expect(beta).toBeDefined();
    expect(beta.invalid.head).toBe(true);
    // Worded in the deal's language (German, its default), like its page.
    expect(beta.findings.introduced.map((f: { message: string }) => f.message).join(" ")).toContain("Submodul-Eintrag");
  }, 60_000);

  it("build --at lists it as not a deal file, and the summary counts it as the log does", async () => {
    const r = await withGitlink();
    const result = await runCli(["build", "--no-pdf", "--at", "HEAD", "--today", TODAY], { cwd: r.dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(r.dir, "_site", "report.json"), "utf8"));
    const beta = report.deals.find((d: { slug: string }) => d.slug === "beta");
    expect(beta.title).toBeNull();
    expect(beta.findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([
      ["invalid-filename", "error"],
    ]);
    expect(report.summary.errors).toBe(1);
    // The history pass of a plain build over the same commits reads no gitlink as a version either.
    const build = await runCli(["build", "--no-pdf", "--today", TODAY], { cwd: r.dir });
    expect(build.code, build.stderr).toBe(0);
  }, 60_000);
});
