// The team's trends gain the per-deal commitment (`kpi:`, issue 33 scope 4): for every deal in play with a
// commitment, the on-time share of the measures due in its window against that deal's goal — on the index, on the
// owner pages of our side of the deal, never on the client's people's pages or a client site.
import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { datedRepo } from "../helpers/twelve-weeks.js";

const TODAY = "2026-11-23";
let dir: string;

// A commitment whose window still runs on 23.11.: one measure kept, one overdue.
const running = [
  "title: Wartungsvertrag Kälteanlagen",
  "customer: Frost & Co. KG",
  "meeting:",
  "  date: 2026-11-10",
  "participants:",
  "  - name: Erik Frost",
  "    company: Frost & Co. KG",
  "  - name: Jonas Keller",
  "    side: ours",
  "actions:",
  "  - task: Anlagenliste schicken",
  "    owner: Erik Frost",
  "    due: 2026-11-12",
  "    status: done",
  "    done_on: 2026-11-12",
  "  - task: Wartungsplan entwerfen",
  "    owner: Jonas Keller",
  "    due: 2026-11-20",
  "next_meeting:",
  "  date: 2026-12-01",
  "kpi:",
  "  goal: 0.8",
  "  window_days: 30",
  "",
].join("\n");

beforeAll(async () => {
  const repo = await datedRepo();
  for (const slug of ["software-rollout-weber", "waermepumpen-lead-hansen"]) {
    await repo.write(`deals/${slug}.yaml`, "");
    await copyFile(path.join(ROOT, "deals", `${slug}.yaml`), path.join(repo.dir, "deals", `${slug}.yaml`));
  }
  await repo.write("deals/kaelte-wartung-frost.yaml", running);
  repo.commit("Stand", "2026-11-20");
  dir = repo.dir;
  for (const audience of ["team", "client"]) {
    const built = await runCli(["build", "--no-pdf", "--today", TODAY, "--audience", audience, "--out", audience], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
  }
}, 120_000);

const read = (...parts: string[]) => readFile(path.join(dir, ...parts, "index.html"), "utf8");

function figure(html: string, id: string): string {
  return new RegExp(`<figure class="trend trend--commitments" id="${id}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? "";
}

/** Each table row: the deal's link target, then the cells (window, due, on time, share, goal, status). */
function rowsOf(html: string, id: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(figure(html, id))?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [
    /href="([^"]*)"/.exec(row[1] as string)?.[1] ?? "",
    ...[...(row[1] as string).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1] as string),
  ]);
}

const bars = (html: string, id: string) => [...figure(html, id).matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));

const WEBER = ["deals/software-rollout-weber/", "19.10.2026 – 17.11.2026", "4", "1", "25 %", "90 %", "verfehlt: Option C"];
const FROST = ["deals/kaelte-wartung-frost/", "10.11.2026 – 09.12.2026", "2", "1", "50 %", "80 %", "läuft"];

describe("the commitments per deal in the team's trends", () => {
  it("list each deal with a commitment — window, measures due, on time, share, goal, status — and draw its share", async () => {
    const html = await read("team");
    expect(rowsOf(html, "team-commitments")).toEqual([FROST, WEBER]);
    expect(bars(html, "team-commitments")).toEqual([0.5, 0.25]);
    // The missed one carries its finding's code, as every finding in HTML does.
    expect(figure(html, "team-commitments")).toContain('<tr data-commitment data-finding="kpi-missed">');
  });

  it("are on the owner page of our side of each deal, not on the client's people's", async () => {
    const jonas = await read("team", "owners", "jonas-keller");
    expect(rowsOf(jonas, "owner-commitments").map((r) => r[0])).toEqual([
      "../../deals/kaelte-wartung-frost/",
      "../../deals/software-rollout-weber/",
    ]);
    const lars = await read("team", "owners", "lars-moeller");
    expect(lars).toContain('id="owner-on-time"');
    expect(figure(lars, "owner-commitments")).toBe("");
  });

  it("stay off the client site", async () => {
    expect(await read("client")).not.toContain("commitments");
  });
});
