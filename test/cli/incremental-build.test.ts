// A rebuild writes what changed and nothing else: with nothing changed it writes no file and starts no browser;
// with one deal changed it writes that deal's files and the overview pages that list it. A file written again
// (temporary file + rename) gets a new inode, so the inodes count the writes.
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { stateDirUnder } from "../helpers/cache.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

interface Snapshot {
  inode: Map<string, number>;
  content: Map<string, string>;
}

async function snapshot(outDir: string): Promise<Snapshot> {
  const inode = new Map<string, number>();
  const content = new Map<string, string>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(outDir, path.join(entry.parentPath, entry.name));
    inode.set(file, (await stat(path.join(outDir, file))).ino);
    content.set(file, (await readFile(path.join(outDir, file))).toString("latin1"));
  }
  return { inode, content };
}

function rewritten(before: Snapshot, after: Snapshot): string[] {
  return [...after.inode]
    .filter(([file, ino]) => before.inode.get(file) !== ino)
    .map(([file]) => file)
    .sort();
}

function changedContent(before: Snapshot, after: Snapshot): string[] {
  return [...after.content]
    .filter(([file, text]) => before.content.get(file) !== text)
    .map(([file]) => file)
    .sort();
}

const anna = (title: string) =>
  deal(
    "actions:",
    "  - task: Angebot schicken",
    "    owner: Anna Schulz",
    "    due: 2026-11-30",
    "next_meeting:",
    "  date: 2026-12-02",
  ).replace("Testdeal", title);
const bernd = deal(
  "actions:",
  "  - task: Vertrag prüfen",
  "    owner: Bernd Meier",
  "    due: 2026-11-30",
  "next_meeting:",
  "  date: 2026-12-03",
).replace("Testdeal", "Bernds Deal");

/** Anna's and Bernd's deals in a fresh folder, with a machine key of their own, and a build there. */
async function twoDeals() {
  const cwd = await dealsDir({ "anna.yaml": anna("Annas Deal"), "bernd.yaml": bernd });
  const env = { XDG_CACHE_HOME: tempDir("protokoll-key-") };
  const build = (today = "2026-11-23") => runCli(["build", "--today", today], { cwd, env });
  return { cwd, env, build, outDir: path.join(cwd, "_site") };
}

describe("incremental build", () => {
  it("writes nothing and starts no browser when nothing changed; one changed deal rewrites its files and the overviews that list it", async () => {
    const { cwd, build, outDir, env } = await twoDeals();

    expect((await build()).code).toBe(0);
    const first = await snapshot(outDir);
    // The caches live in the cache folder, not in the site (contract v3).
    expect(existsSync(path.join(stateDirUnder(env.XDG_CACHE_HOME, outDir), "analysis-cache.json"))).toBe(true);
    expect([...first.inode.keys()].filter((file) => file.startsWith("."))).toEqual([]);

    const unchanged = await build();
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout + unchanged.stderr).toContain("PDFs: 0 printed, 2 unchanged");
    expect(unchanged.stdout + unchanged.stderr).toContain("no browser started");
    // The build after the one that wrote the files reads each once and records its fingerprint in the output
    // manifest (src/cli/stages/output-manifest.ts); that is all it writes, and the next one writes nothing at all.
    const settled = await snapshot(outDir);
    expect(rewritten(first, settled)).toEqual([]);
    expect((await build()).code).toBe(0);
    const second = await snapshot(outDir);
    expect(rewritten(settled, second)).toEqual([]);

    await writeFile(path.join(cwd, "deals", "anna.yaml"), anna("Annas neuer Deal"));
    const one = await build();
    expect(one.stdout + one.stderr).toContain("PDFs: 1 printed, 1 unchanged");
    const third = await snapshot(outDir);
    const written = rewritten(second, third);
    // Exactly the files whose bytes changed were written…
    expect(written).toEqual(changedContent(second, third));
    // …among them the deal's own files and the overview pages that show its title…
    for (const file of ["deals/anna/index.html", "deals/anna/anna.pdf", "index.html", "owners/anna-schulz/index.html"]) {
      expect(written).toContain(file);
    }
    // …and none of the other deal's, nor the page of an owner who is not on it.
    expect(written.filter((file) => file.startsWith("deals/bernd/") || file.startsWith("owners/bernd-meier/"))).toEqual([]);
    expect(third.inode.has("owners/bernd-meier/index.html")).toBe(true);
  });

  it("an edit that leaves the deal's result as it was (a comment, blank lines at the end) rewrites no output", async () => {
    // Outputs were keyed by the file's bytes: a comment rebuilt the deal's page, PDF, calendars and every overview.
    const { cwd, build, outDir } = await twoDeals();
    expect((await build()).code).toBe(0);
    expect((await build()).code).toBe(0);
    const before = await snapshot(outDir);

    await writeFile(path.join(cwd, "deals", "anna.yaml"), `${anna("Annas Deal")}# Notiz: Anna am Freitag anrufen\n\n`);
    const commented = await build();
    expect(commented.code).toBe(0);
    expect(commented.stdout + commented.stderr).toContain("PDFs: 0 printed, 2 unchanged");
    const after = await snapshot(outDir);
    // The analysis cache files the result under the new bytes' key; no page, PDF, calendar, mail or report is made.
    expect(rewritten(before, after)).toEqual([]);

    // A real change after it is still seen.
    await writeFile(path.join(cwd, "deals", "anna.yaml"), `${anna("Annas neuer Deal")}# Notiz: Anna am Freitag anrufen\n`);
    expect((await build()).code).toBe(0);
    expect(await readFile(path.join(outDir, "deals", "anna", "index.html"), "utf8")).toContain("Annas neuer Deal");
  });

  it("another day rewrites what shows today's findings, and prints no PDF (a PDF never depends on today)", async () => {
    const { build, outDir } = await twoDeals();
    expect((await build()).code).toBe(0);
    const before = await snapshot(outDir);
    const later = await build("2026-12-05");
    expect(later.stdout + later.stderr).toContain("PDFs: 0 printed, 2 unchanged");
    const after = await snapshot(outDir);
    const written = rewritten(before, after);
    expect(written).toEqual(changedContent(before, after));
    // Both actions and meetings are overdue now: the report and the pages that show findings change…
    expect(written).toContain("report.json");
    expect(written).toContain("index.html");
    // …the PDFs do not.
    expect(written.filter((file) => file.endsWith(".pdf"))).toEqual([]);
  });
});
