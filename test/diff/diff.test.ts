// `protokoll diff` on real git repositories: the changes that matter, in words, and nothing for a reorder.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { gitFactsOf } from "../../src/history/git-facts.js";
import { readHistory } from "../../src/history/read-history.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const ENV = { PROTOKOLL_TODAY: "2026-11-23" };

function deal(actions: string[], next: string, extra: string[] = []): string {
  return [
    "title: Liefervertrag Strom",
    "customer: Stadtwerke Musterstadt GmbH",
    "meeting:",
    "  date: 2026-11-20",
    "participants:",
    "  - name: Anna Schulz",
    "  - name: Jonas Keller",
    "actions:",
    ...actions,
    "next_meeting:",
    `  date: ${next}`,
    '  time: "09:00"',
    "protocol_sent: 2026-11-21",
    ...extra,
    "",
  ].join("\n");
}

const PLAN = ["  - task: Projektplan schicken", "    owner: Jonas Keller", "    due: 2026-11-27"];
const DATA = ["  - task: Lastgangdaten bereitstellen", "    owner: Anna Schulz", "    due: 2026-12-04"];
const CONTRACT = ["  - task: Vertrag gegenzeichnen", "    owner: Anna Schulz", "    due: 2026-11-25"];

describe("protokoll diff", () => {
  it("reports exactly a moved due date, a cleared owner, a done action and a moved meeting", async () => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal([...PLAN, ...DATA, ...CONTRACT], "2026-12-01"));
    repo.commit("first protocol");
    await repo.write(
      "deals/strom.yaml",
      deal(
        [
          "  - task: Projektplan schicken",
          "    owner: Jonas Keller",
          "    due: 2026-12-04",
          "  - task: Lastgangdaten bereitstellen",
          "    due: 2026-12-04",
          ...CONTRACT,
          "    status: done",
          "    done_on: 2026-11-24",
        ],
        "2026-12-03",
      ),
    );
    repo.commit("update");

    const json = await runCli(["diff", "HEAD~1", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.deals).toHaveLength(1);
    expect(report.deals[0]).toMatchObject({ slug: "strom", file: "deals/strom.yaml", kind: "changed" });
    expect(report.deals[0].changes).toEqual([
      { type: "due-moved", task: "Projektplan schicken", from: "2026-11-27", to: "2026-12-04", days: 7 },
      { type: "owner-changed", task: "Lastgangdaten bereitstellen", from: "Anna Schulz" },
      { type: "action-done", task: "Vertrag gegenzeichnen", doneOn: "2026-11-24" },
      { type: "next-meeting-moved", from: "2026-12-01", to: "2026-12-03", fromTime: "09:00", toTime: "09:00", days: 2 },
    ]);
    expect(report.deals[0].findings.introduced.map((f: { code: string }) => f.code)).toEqual(["missing-owner"]);

    const markdown = await runCli(["diff", "HEAD~1", "HEAD"], { cwd: repo.dir, env: ENV });
    expect(markdown.code).toBe(0);
    const lines = markdown.stdout.split("\n").filter((l) => l.startsWith("- "));
    expect(lines).toEqual([
      "- Frist verschoben „Projektplan schicken“: 27.11.2026 → 04.12.2026 (+7 Tage)",
      "- Verantwortlich „Lastgangdaten bereitstellen“: Anna Schulz → **niemand**",
      "- Erledigt: „Vertrag gegenzeichnen“ (24.11.2026)",
      "- Nächster Termin verschoben: 01.12.2026 09:00 → 03.12.2026 09:00 (+2 Tage)",
      "- Neue Hinweise:",
    ]);
    expect(markdown.stdout).toContain("#### Liefervertrag Strom — `deals/strom.yaml`");
  });

  it("reports nothing for a pure reorder of actions, and sees a reworded action as the same one", async () => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal([...PLAN, ...DATA, ...CONTRACT], "2026-12-01"));
    repo.commit("first");
    await repo.write("deals/strom.yaml", deal([...CONTRACT, ...PLAN, ...DATA], "2026-12-01"));
    repo.commit("reorder");
    const reorder = await runCli(["diff", "HEAD~1", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(JSON.parse(reorder.stdout).deals).toEqual([]);
    expect((await runCli(["diff", "HEAD~1", "HEAD"], { cwd: repo.dir, env: ENV })).stdout).toBe(
      "No deal changes. (`HEAD~1..HEAD`)\n",
    );

    await repo.write(
      "deals/strom.yaml",
      deal(
        [...CONTRACT, "  - task: Projektplan an Stadtwerke schicken", "    owner: Jonas Keller", "    due: 2026-11-27", ...DATA],
        "2026-12-01",
      ),
    );
    const reworded = await runCli(["diff", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(JSON.parse(reworded.stdout).deals[0].changes).toEqual([
      { type: "action-reworded", from: "Projektplan schicken", to: "Projektplan an Stadtwerke schicken" },
    ]);
  });

  it("detects added, removed and renamed deals", async () => {
    const repo = await gitRepo();
    await repo.write("deals/alt.yaml", deal(PLAN, "2026-12-01"));
    await repo.write("deals/weg.yaml", deal(PLAN, "2026-12-01").replace("Liefervertrag Strom", "Anderer Deal"));
    repo.commit("first");
    await repo.write("deals/neu/strom-2027.yaml", deal(PLAN, "2026-12-01"));
    await repo.git("rm", "-q", "deals/alt.yaml");
    await repo.git("rm", "-q", "deals/weg.yaml");
    await repo.write("deals/frisch.yaml", deal(DATA, "2026-12-02").replace("Liefervertrag Strom", "Frischer Deal"));
    repo.commit("move");
    const { stdout } = await runCli(["diff", "HEAD~1", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    const kinds = JSON.parse(stdout).deals.map((d: { file: string; kind: string; from?: string }) => [
      d.file,
      d.kind,
      d.from ?? null,
    ]);
    expect(kinds).toEqual([
      ["deals/frisch.yaml", "added", null],
      ["deals/neu/strom-2027.yaml", "renamed", "deals/alt.yaml"],
      ["deals/weg.yaml", "removed", null],
    ]);
  });

  it("reports a deal that is broken on one side instead of crashing", async () => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal(PLAN, "2026-12-01"));
    repo.commit("first");
    await repo.write("deals/strom.yaml", "title: [kaputt\n");
    const { code, stdout } = await runCli(["diff", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(code).toBe(0);
    const [entry] = JSON.parse(stdout).deals;
    expect(entry.invalid).toEqual({ base: false, head: true });
    expect(entry.findings.introduced[0].code).toBe("invalid-yaml");
  });

  // Deleting one of four open actions of a lost deal changed "4 actions are still open" to "3": the diff listed
  // the finding as both new and resolved, and the deleted action only as "removed". (A lost deal: a won deal's open
  // actions are its onboarding and no longer a closed-with-open-actions finding.)
  it("shows a finding whose count changed as changed, and a deleted open action with its owner and date", async () => {
    const repo = await gitRepo();
    const lost = (actions: string[]) => deal(actions, "2026-12-01", ["status: lost"]);
    const FOURTH = ["  - task: Rahmenvertrag ablegen", "    owner: Jonas Keller", "    due: 2026-12-11"];
    await repo.write("deals/strom.yaml", lost([...PLAN, ...DATA, ...CONTRACT, ...FOURTH]));
    repo.commit("lost");
    await repo.write("deals/strom.yaml", lost([...PLAN, ...DATA, ...CONTRACT]));

    const json = JSON.parse((await runCli(["diff", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV })).stdout);
    const [entry] = json.deals;
    expect(entry.changes).toEqual([
      { type: "action-removed", task: "Rahmenvertrag ablegen", open: true, owner: "Jonas Keller", due: "2026-12-11" },
    ]);
    expect(entry.findings.introduced).toEqual([]);
    expect(entry.findings.resolved).toEqual([]);
    expect(entry.findings.changed).toHaveLength(1);
    expect(entry.findings.changed[0].from).toMatchObject({ code: "closed-with-open-actions", mark: "warning" });
    expect(entry.findings.changed[0].from.message).toContain("4 Aufgaben sind noch offen");
    expect(entry.findings.changed[0].to.message).toContain("3 Aufgaben sind noch offen");

    const markdown = await runCli(["diff", "HEAD"], { cwd: repo.dir, env: { ...ENV, PROTOKOLL_LANG: undefined } });
    const lines = markdown.stdout.split("\n").filter((l) => l.startsWith("- ") || l.startsWith("  - "));
    expect(lines).toEqual([
      "- Offene Aufgabe entfernt: „Rahmenvertrag ablegen“ – Jonas Keller, fällig 11.12.2026",
      "- Geänderte Hinweise:",
      // Deal text in the Markdown sink: its commas and full stops escaped.
      "  - ◆ Warnung Abgeschlossen mit offenen Aufgaben (`closed-with-open-actions`, `deals/strom.yaml:22`): Der Deal ist verloren\\, aber 4 Aufgaben sind noch offen\\. → Der Deal ist verloren\\, aber 3 Aufgaben sind noch offen\\.",
    ]);
  });

  it("says only that a done action was removed, and keeps two different subjects of one code apart", async () => {
    const repo = await gitRepo();
    const noOwner = (task: string) => [`  - task: ${task}`, "    due: 2026-12-04"];
    await repo.write(
      "deals/strom.yaml",
      deal([...CONTRACT, "    status: done", "    done_on: 2026-11-22", ...noOwner("Alpha")], "2026-12-01"),
    );
    repo.commit("first");
    await repo.write("deals/strom.yaml", deal(noOwner("Beta"), "2026-12-01"));
    const [entry] = JSON.parse((await runCli(["diff", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV })).stdout).deals;
    expect(entry.changes).toContainEqual({ type: "action-removed", task: "Vertrag gegenzeichnen" });
    // "Alpha has no owner" fixed and "Beta has no owner" new: two subjects, not one changed finding.
    expect(entry.findings.changed).toEqual([]);
    expect(entry.findings.introduced.map((f: { code: string }) => f.code)).toContain("missing-owner");
    expect(entry.findings.resolved.map((f: { code: string }) => f.code)).toContain("missing-owner");
  });

  // In CI without `fetch-depth: 0`, `origin/main` does not exist; the hint suggested origin/main again.
  it("lists the branches that exist when a revision is unknown", async () => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal(PLAN, "2026-12-01"));
    repo.commit("first");
    repo.git("branch", "angebot-2027");
    const result = await runCli(["diff", "origin/main"], { cwd: repo.dir, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown revision "origin/main"');
    expect(result.stderr).toContain("Branches here: angebot-2027, main.");
    expect(result.stderr).not.toMatch(/e\.g\. origin\/main/);
  });

  it.each([["nope"], ["HEAD~5"], ["--output=/tmp/x"]])("exits 2 with a clear message for the revision %s", async (rev) => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal(PLAN, "2026-12-01"));
    repo.commit("first");
    const result = await runCli(["diff", rev], { cwd: repo.dir, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown revision|is not a revision|Unknown option/);
  });
});

describe("untrusted text in the pull-request summary", () => {
  it("stays inert text: no heading, image, link or HTML from a title, task or owner", async () => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal(PLAN, "2026-12-01"));
    repo.commit("first protocol");
    const hostile = deal(
      [
        ...PLAN,
        '  - task: "Bild ![x](https://evil.example/p.png) und <img src=https://evil.example/q.png> [klick](https://evil.example)"',
        '    owner: "**Chef** <b>fett</b>"',
        "    due: 2026-12-02",
      ],
      "2026-12-01",
    ).replace(
      "title: Liefervertrag Strom",
      'title: "T\\n\\n## Approved by security team ✅\\n<img src=https://evil.example/p.png>"',
    );
    await repo.write("deals/strom.yaml", hostile);
    repo.commit("hostile");
    const { stdout, code } = await runCli(["diff", "HEAD~1", "HEAD"], { cwd: repo.dir, env: ENV });
    expect(code).toBe(0);
    // Bare URLs may still be autolinked by GitHub, as in any comment; what must not happen is markup from them.
    const html = new MarkdownIt({ html: true }).render(stdout);
    expect(html).not.toMatch(/<img|<a |<b>|<strong>Chef|<h2/);
    expect(html).toContain("Approved by security team");
    expect(html).toContain("&lt;img src=");
    expect(stdout.split("\n").filter((line) => line.startsWith("#")).length).toBe(2);
  });
});

describe("git history of a deal", () => {
  // Contract v3: the Stand is never a commit date (here no `updated`: `protocol_sent`, 21.11.); the
  // page still names the last commit.
  it("gives protocol_sent as Stand and the short hash of the last commit, and flags a due date pushed back three times", async () => {
    const repo = await gitRepo();
    const version = (due: string) =>
      deal(["  - id: plan", "    task: Projektplan schicken", "    owner: Jonas Keller", `    due: ${due}`], "2026-12-01");
    for (const due of ["2026-11-24", "2026-11-27", "2026-12-01", "2026-12-04"]) {
      await repo.write("deals/strom.yaml", version(due));
      repo.commit(`due ${due}`);
    }
    const check = await runCli(["check", "--format", "json"], { cwd: repo.dir, env: ENV });
    const findings = JSON.parse(check.stdout).deals[0].findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: "due-pushed-often",
        line: 12,
        column: 10,
        message: 'The due date of "Projektplan schicken" was pushed back 3 times.',
      }),
    ]);
    const hash = repo.git("log", "-1", "--format=%h").trim();
    expect((await runCli(["build", "--no-pdf"], { cwd: repo.dir, env: ENV })).code).toBe(0);
    const html = (await import("node:fs")).readFileSync(`${repo.dir}/_site/deals/strom/index.html`, "utf8");
    expect(html).toContain(`Stand: 21.11.2026 · ${hash}`);
    expect(html).toContain("↻ 3×");
  });

  it("does not parse a past version over the size cap", async () => {
    const repo = await gitRepo();
    const version = (due: string, padding = "") =>
      deal(["  - id: plan", "    task: Projektplan schicken", `    due: ${due}`], "2026-12-01") + padding;
    await repo.write("deals/strom.yaml", version("2026-11-24", `# ${"x".repeat(4000)}\n`));
    repo.commit("a huge version");
    await repo.write("deals/strom.yaml", version("2026-11-27"));
    repo.commit("small again, due moved later");
    const facts = async (maxFileBytes: number) =>
      gitFactsOf(
        await readHistory({
          dealsDir: "deals",
          cwd: repo.dir,
          timeZone: "Europe/Berlin",
          today: "2026-11-23" as PlainDate,
          maxFileBytes,
          toolVersion: "test",
          cacheDir: false,
        }),
      );
    const capped = await facts(2000);
    expect(capped.get("deals/strom.yaml")?.pushedBack).toEqual({});
    const uncapped = await facts(1_000_000);
    expect(uncapped.get("deals/strom.yaml")?.pushedBack).toEqual({ plan: 1 });
  });

  it("reports a deal file over the size limit at a revision as too large, like one on disk (it gave no finding)", async () => {
    const repo = await gitRepo();
    await repo.write("protokoll.config.yaml", "max_file_kb: 1\n");
    await repo.write("deals/strom.yaml", deal([...PLAN], "2026-12-01"));
    repo.commit("small");
    await repo.write("deals/strom.yaml", deal([...PLAN], "2026-12-01", [`internal:`, `  notes: ${"x".repeat(2000)}`]));
    repo.commit("too large");
    const out = await runCli(["diff", "HEAD~1", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(out.code).toBe(0);
    const [strom] = JSON.parse(out.stdout).deals;
    expect(strom.invalid).toEqual({ base: false, head: true });
    expect(strom.findings.introduced.map((f: { code: string; message: string }) => [f.code, f.message])).toEqual([
      ["invalid-yaml", expect.stringContaining("1 KiB")],
    ]);
  });
});
