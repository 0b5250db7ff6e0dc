// `protokoll build --at <rev>`: the recap of a past meeting, rebuilt from its commit, is byte-identical to
// the one built at that commit — real git with fixed commit dates, real Chromium.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pdftotext } from "../helpers/poppler.js";
import { runCli } from "../helpers/run-cli.js";
import { datedRepo } from "../helpers/twelve-weeks.js";

const recap = (meeting: string, task: string, due: string) =>
  [
    "title: Liefervertrag Strom 2027–2029",
    "customer: Stadtwerke Musterstadt GmbH",
    "meeting:",
    `  date: ${meeting}`,
    "participants:",
    "  - name: Anna Schulz",
    "actions:",
    `  - task: ${task}`,
    "    owner: Anna Schulz",
    `    due: ${due}`,
    "next_meeting:",
    "  date: 2026-12-20",
    `protocol_sent: ${meeting}`,
    "",
  ].join("\n");

let repo: Awaited<ReturnType<typeof datedRepo>>;
let sentCommit: string;
let sentPdf: Buffer;

beforeAll(async () => {
  repo = await datedRepo();
  await repo.write("deals/strom.yaml", recap("2026-11-20", "Meilensteinplan abstimmen", "2026-11-27"));
  repo.commit("recap of 20 Nov, sent on 21 Nov", "2026-11-21T09:30:00Z");
  sentCommit = repo.git("rev-parse", "HEAD").trim();
  const built = await runCli(["build", "--today", "2026-11-21", "--out", "then"], { cwd: repo.dir });
  expect(built.code).toBe(0);
  sentPdf = await readFile(path.join(repo.dir, "then", "deals", "strom", "strom.pdf"));
  // Later meetings rewrite the file.
  await repo.write("deals/strom.yaml", recap("2026-12-04", "Vertrag unterschreiben", "2026-12-11"));
  repo.commit("recap of 4 Dec", "2026-12-05T08:00:00Z");
  await repo.write("deals/strom.yaml", recap("2026-12-18", "Lieferbeginn planen", "2027-01-08"));
}, 180_000);

describe("build --at", () => {
  it("rebuilds the PDF sent on 21.11. byte-identical, weeks later and with the file changed since", async () => {
    const result = await runCli(["build", "--at", sentCommit.slice(0, 10), "--today", "2027-01-15", "--out", "again"], {
      cwd: repo.dir,
    });
    expect(result.stderr).toContain("Built 1 deal");
    const again = await readFile(path.join(repo.dir, "again", "deals", "strom", "strom.pdf"));
    expect(again.equals(sentPdf)).toBe(true);
    expect(pdftotext(path.join(repo.dir, "again", "deals", "strom", "strom.pdf"))).toContain("Meilensteinplan abstimmen");
  });

  it("builds the deals as they were at a revision by name, not the working tree", async () => {
    const result = await runCli(["build", "--at", "HEAD", "--no-pdf", "--today", "2027-01-15", "--out", "head"], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(0);
    const page = await readFile(path.join(repo.dir, "head", "deals", "strom", "index.html"), "utf8");
    expect(page).toContain("Vertrag unterschreiben");
    expect(page).not.toContain("Lieferbeginn planen");
  });

  it("the deal page lists the earlier meetings (Verlauf) with what changed and the command for the PDF as sent", async () => {
    const result = await runCli(["build", "--no-pdf", "--today", "2026-12-19", "--out", "now"], { cwd: repo.dir });
    expect(result.code).toBe(0);
    const page = await readFile(path.join(repo.dir, "now", "deals", "strom", "index.html"), "utf8");
    const section = /<section class="protocol-history"[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
    // Newest first: the meeting of 4 Dec (what it changed against 20 Nov), then the first protocol of 20 Nov.
    expect(section.indexOf("04.12.2026")).toBeGreaterThan(-1);
    expect(section.indexOf("20.11.2026")).toBeGreaterThan(section.indexOf("04.12.2026"));
    expect(section).toContain("erstes Protokoll");
    expect(section).toContain(`protokoll build --at ${sentCommit.slice(0, 10)} --out recap-strom-2026-11-20`);
    expect(section).toMatch(/Vertrag unterschreiben/);
    // The current meeting (18 Dec, not yet committed) is the page itself, not history.
    expect(section).not.toContain("18.12.2026");
  });

  it("an unknown revision is a usage error", async () => {
    const result = await runCli(["build", "--at", "no-such-branch", "--no-pdf"], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown revision "no-such-branch"');
  });
});
