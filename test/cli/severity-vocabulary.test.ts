// One finding, one word, one symbol: the same overdue action was "▲ Kritisch" on the index and "▲ Warnung" on
// the deal page, and the diff drew every warning as ▲. Now the index, the deal and owner pages, the PR diff and
// the CLI's summary all say ▲ Kritisch for an action overdue past `critical_overdue_days` (7) and ◆ Warnung
// for one overdue by fewer days (src/findings/level.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const GERMAN = { PROTOKOLL_TODAY: "2026-11-23", PROTOKOLL_LANG: undefined };

const deal = (actions: string[]) =>
  [
    "title: Liefervertrag Strom",
    "customer: Stadtwerke Musterstadt GmbH",
    "meeting:",
    "  date: 2026-11-09",
    "participants:",
    "  - name: Anna Schulz",
    "  - name: Jonas Keller",
    "actions:",
    "  - task: Angebot prüfen",
    "    owner: Anna Schulz",
    "    due: 2026-12-01",
    ...actions,
    "next_meeting:",
    "  date: 2026-12-10",
    '  time: "09:00"',
    "protocol_sent: 2026-11-10",
    "",
  ].join("\n");

// 13 days overdue (critical) and 3 days overdue (warning) on 23 Nov 2026.
const LATE = ["  - task: Projektplan schicken", "    owner: Jonas Keller", "    due: 2026-11-10"];
const LESS_LATE = ["  - task: Lastgangdaten bereitstellen", "    owner: Anna Schulz", "    due: 2026-11-20"];

/** The visible badge of each `overdue` finding on a page: "▲ Kritisch". */
const badges = (html: string) =>
  [
    ...html.matchAll(/data-finding="overdue"[^>]*><span class="finding__badge"><span aria-hidden="true">(.)<\/span> ([^<]+)</g),
  ].map((m) => `${m[1]} ${m[2]}`);

describe("one severity vocabulary", () => {
  it("names an overdue action with the same symbol and word on the index, deal and owner pages, in the diff and the CLI", async () => {
    const repo = await gitRepo();
    await repo.write("deals/strom.yaml", deal([]));
    repo.commit("first protocol");
    await repo.write("deals/strom.yaml", deal([...LATE, ...LESS_LATE]));

    const build = await runCli(["build", "--no-pdf"], { cwd: repo.dir, env: GERMAN });
    expect(build.code).toBe(0);
    expect(build.stdout + build.stderr).toContain("✖ 0 Fehler, ▲ 1 kritisch, ◆ 1 Warnung, ○ 0 Hinweise");
    const site = (file: string) => readFile(path.join(repo.dir, "_site", file), "utf8");

    const index = await site("index.html");
    // The chip stands for the worst of the deal's two overdue actions; the legend uses the same words.
    expect(index).toMatch(
      /chip--critical" data-finding="overdue">.*?aria-hidden="true">▲<\/span><span class="visually-hidden">Kritisch: /,
    );
    expect(index).toMatch(/aria-hidden="true">▲<\/span> Kritisch<\/span>/);
    expect(index).toMatch(/aria-hidden="true">◆<\/span> Warnung<\/span>/);

    const dealPage = await site("deals/strom/index.html");
    expect(new Set(badges(dealPage))).toEqual(new Set(["▲ Kritisch", "◆ Warnung"]));
    expect(dealPage).not.toMatch(/▲<\/span> Warnung|◆<\/span> Kritisch/);

    expect(badges(await site("owners/jonas-keller/index.html"))).toEqual(["▲ Kritisch"]);
    const anna = await site("owners/anna-schulz/index.html");
    expect(badges(anna)).toEqual(["◆ Warnung"]);
    expect(anna).toContain('<span aria-hidden="true">◆</span> 20.11.2026');

    const diff = await runCli(["diff", "HEAD"], { cwd: repo.dir, env: GERMAN });
    expect(diff.code).toBe(0);
    const introduced = diff.stdout.split("\n").filter((line) => line.startsWith("  - "));
    expect(introduced).toEqual([
      expect.stringMatching(/^ {2}- ▲ Kritisch Überfällig .*Projektplan schicken/),
      expect.stringMatching(/^ {2}- ◆ Warnung Überfällig .*Lastgangdaten bereitstellen/),
    ]);

    const check = await runCli(["check"], { cwd: repo.dir, env: GERMAN });
    expect(check.stdout + check.stderr).toContain("✖ 0 Fehler, ▲ 1 kritisch, ◆ 1 Warnung, ○ 0 Hinweise");
  });
});
