// Regression: the weekly review's "Deals gone stale" counted the commit date (or `updated`) as contact, and our
// own done chase too, while `deal-stale` counts from the timeline's last contact. The silent lead — met
// 02.11., recap 03.11., chased by us on 16.11., then only a commit that edited a note — went stale on 03.12.
// (30 days after the recap) and the review of that week did not say so.
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { datedRepo } from "../helpers/twelve-weeks.js";

const TODAY = "2026-12-07";

const lead = (extra: { sent?: boolean; chased?: boolean; updated?: string; note?: string }) =>
  [
    "title: Wärmepumpen für das Betriebsgelände",
    "customer: Hoffmann Logistik GmbH",
    "meeting:",
    "  date: 2026-11-02",
    "participants:",
    "  - name: Dr. Martin Hoffmann",
    "    company: Hoffmann Logistik GmbH",
    "  - name: Jonas Keller",
    "    side: ours",
    "sender:",
    "  name: Jonas Keller",
    "  company: Nordlicht Energie AG",
    ...(extra.sent ? ["protocol_sent: 2026-11-03"] : []),
    ...(extra.updated ? [`updated: ${extra.updated}`] : []),
    "actions:",
    "  - task: Verbrauchsdaten nachfassen",
    "    owner: Jonas Keller",
    "    due: 2026-11-16",
    ...(extra.chased ? ["    status: done", "    done_on: 2026-11-16"] : []),
    ...(extra.note ? ["internal:", `  notes: ${extra.note}`] : []),
    "",
  ].join("\n");

let dir: string;

beforeAll(async () => {
  const repo = await datedRepo();
  await repo.write("deals/lead.yaml", lead({}));
  repo.commit("Protokoll 02.11.", "2026-11-02");
  await repo.write("deals/lead.yaml", lead({ sent: true }));
  repo.commit("Recap verschickt", "2026-11-03");
  await repo.write("deals/lead.yaml", lead({ sent: true, chased: true }));
  repo.commit("Nachgefasst", "2026-11-16");
  // Not contact: a commit in the week that edits a note and sets the "Stand".
  await repo.write("deals/lead.yaml", lead({ sent: true, chased: true, updated: "2026-12-01", note: "CFO entscheidet" }));
  repo.commit("Notiz", "2026-12-01");
  dir = repo.dir;
});

const review = (week: string, lang: string) =>
  runCli(["review", "--week", week, "--today", TODAY, "--lang", lang, "--format", "markdown"], { cwd: dir });

const staleSection = (markdown: string, heading: string) => markdown.split(`### ${heading}\n\n`)[1]?.split("\n\n")[0] ?? "";

describe("the weekly review counts a deal stale from its last contact, not from a commit", () => {
  it.each([
    ["en", "Deals gone stale"],
    ["de", "Eingeschlafene Deals"],
  ])("the silent lead went stale in 2026-W49, despite the commit of 01.12. (%s)", async (lang, heading) => {
    const result = await review("2026-W49", lang);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(staleSection(result.stdout, heading)).toContain("Wärmepumpen für das Betriebsgelände");
  });

  it("not a week early: on 30.11. the last contact (03.11.) was 27 days ago", async () => {
    const { stdout } = await review("2026-W48", "en");
    expect(stdout).toContain("## Weekly review, week 48 of 2026");
    expect(stdout).not.toContain("### Deals gone stale");
  });

  it("agrees with deal-stale of today: 34 days since the recap of 03.11.", async () => {
    const result = await runCli(["check", "--today", TODAY, "--format", "json"], { cwd: dir });
    const report = JSON.parse(result.stdout) as { deals: { findings: { code: string; message: string }[] }[] };
    const stale = report.deals[0]?.findings.find((f) => f.code === "deal-stale");
    expect(stale?.message).toContain("34");
  });
});
