// The calendars after one changed deal: only that deal's events are made again (each deal's part is kept in
// `calendar-parts.jsonl` of the build's state folder), and the files come out byte for byte as a build from scratch makes them. A
// part is trusted only when the output manifest vouches for the file's bytes and the deal's `.ics` still holds
// what was written: a changed parts file or a changed `.ics` is made again. Real builds, spawned CLI.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { stateDirUnder } from "../helpers/cache.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const withOwner = (title: string, owner: string, due: string) =>
  deal(
    "actions:",
    "  - task: Angebot schicken",
    `    owner: ${owner}`,
    `    due: ${due}`,
    "  - task: Referenzen senden",
    "    owner: Carla Weiß",
    "    due: 2026-12-04",
    "next_meeting:",
    "  date: 2026-12-02",
    '  time: "10:00"',
  ).replace("Testdeal", title);

const DEALS = {
  "anna.yaml": withOwner("Annas Deal", "Anna Schulz", "2026-11-30"),
  "bernd.yaml": withOwner("Bernds Deal", "Bernd Meier", "2026-11-30"),
  "carla.yaml": withOwner("Carlas Deal", "Carla Weiß", "2026-12-01"),
};

async function project() {
  const cwd = await dealsDir(DEALS);
  const cache = tempDir("protokoll-key-");
  const build = async () => {
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], {
      cwd,
      env: { XDG_CACHE_HOME: cache, PROTOKOLL_TIMINGS: "1" },
    });
    expect(result.code, result.stderr).toBe(0);
    return [...result.stderr.matchAll(/^protokoll: calendar events (\S+)$/gm)].map((m) => m[1] as string).sort();
  };
  const out = path.join(cwd, "_site");
  return { cwd, build, out, state: stateDirUnder(cache, out) };
}

/** Every calendar of the output folder, by layout path. */
async function calendars(out: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ics")) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(out, file).split(path.sep).join("/")] = await readFile(file, "utf8");
  }
  return files;
}

/** The same deals built from scratch: what every later build must come out as. */
async function fromScratch(deals: Record<string, string>): Promise<Record<string, string>> {
  const cwd = await dealsDir(deals);
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return calendars(path.join(cwd, "_site"));
}

describe("calendar parts", () => {
  it("makes only the changed deal's events again, and the calendars equal a build from scratch", async () => {
    const { cwd, build, out } = await project();
    expect(await build()).toEqual(["anna", "bernd", "carla"]);
    const changed = DEALS["anna.yaml"].replace("Annas Deal", "Annas neuer Deal").replace("2026-11-30", "2026-12-07");
    await writeFile(path.join(cwd, "deals", "anna.yaml"), changed);
    expect(await build()).toEqual(["anna"]);
    const now = await calendars(out);
    expect(now).toEqual(await fromScratch({ ...DEALS, "anna.yaml": changed }));
    // The feeds carry the change: the overall one and Anna's, and Carla's (an action of hers is in the deal).
    expect(now["calendar.ics"]).toContain("Annas neuer Deal");
    expect(now["owners/anna-schulz/calendar.ics"]).toContain("20261207");
    expect(now["owners/carla-weiss/calendar.ics"]).toContain("Annas neuer Deal");
    // Nothing changed: nothing made again.
    expect(await build()).toEqual([]);
  });

  it("a deleted deal's events leave every feed", async () => {
    const { cwd, build, out } = await project();
    await build();
    await rm(path.join(cwd, "deals", "bernd.yaml"));
    expect(await build()).toEqual([]);
    const { "bernd.yaml": _gone, ...rest } = DEALS;
    const now = await calendars(out);
    expect(now).toEqual(await fromScratch(rest));
    expect(now["calendar.ics"]).not.toContain("Bernds Deal");
  });

  it("does not trust a parts file changed after the build wrote it", async () => {
    const { cwd, build, out, state } = await project();
    await build();
    const partsFile = path.join(state, "calendar-parts.jsonl");
    const parts = await readFile(partsFile, "utf8");
    expect(parts).toContain("Bernds Deal");
    // A forged event for Bernd's deal, then another deal changes: the feeds are made from the deals, not the file.
    await writeFile(partsFile, parts.replaceAll("Bernds Deal", "Gefälschter Termin"));
    const changed = DEALS["anna.yaml"].replace("Annas Deal", "Annas neuer Deal");
    await writeFile(path.join(cwd, "deals", "anna.yaml"), changed);
    expect(await build()).toEqual(["anna", "bernd", "carla"]);
    const now = await calendars(out);
    expect(JSON.stringify(now)).not.toContain("Gefälschter Termin");
    expect(now).toEqual(await fromScratch({ ...DEALS, "anna.yaml": changed }));
    // Garbage instead of parts: the same.
    await writeFile(partsFile, '{"format":"protokoll-calendar-parts","schema":1}\n["bernd", 3]\n');
    await writeFile(path.join(cwd, "deals", "anna.yaml"), DEALS["anna.yaml"]);
    expect(await build()).toEqual(["anna", "bernd", "carla"]);
    expect(await calendars(out)).toEqual(await fromScratch(DEALS));
  });

  it("writes a deal's .ics again when it was changed by hand, though its part is kept", async () => {
    const { cwd, build, out } = await project();
    await build();
    const bernd = path.join(out, "deals", "bernd", "bernd.ics");
    const original = await readFile(bernd, "utf8");
    await writeFile(bernd, original.replace("Bernds Deal", "Von Hand"));
    await writeFile(path.join(cwd, "deals", "anna.yaml"), DEALS["anna.yaml"].replace("Annas Deal", "Annas neuer Deal"));
    // Bernd's part could not be vouched for (its .ics is not what was written): made again, and the file restored.
    expect(await build()).toEqual(["anna", "bernd"]);
    expect(await readFile(bernd, "utf8")).toBe(original);
  });
});
