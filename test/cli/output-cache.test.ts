// The build renders only what changed: each page is keyed by what it is made of and kept only when the last
// build made it from the same inputs and its bytes are still those (src/cli/stages/output-manifest.ts). The
// site stage lists what it rendered under PROTOKOLL_TIMINGS=1; these tests read that list.
import { readFile, stat, utimes, writeFile } from "node:fs/promises";
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
    "next_meeting:",
    "  date: 2026-12-02",
  ).replace("Testdeal", title);

async function site(files: Record<string, string>) {
  const cwd = await dealsDir(files);
  const cache = tempDir("protokoll-key-");
  const build = async (args: string[] = [], env: Record<string, string> = {}) => {
    const result = await runCli(["build", "--today", "2026-11-23", ...args], {
      cwd,
      env: { XDG_CACHE_HOME: cache, PROTOKOLL_TIMINGS: "1", ...env },
    });
    expect(result.code, result.stderr).toBe(0);
    const rendered = [...result.stderr.matchAll(/^protokoll: rendered (\S+)$/gm)].map((m) => m[1] as string).sort();
    const printViews = [...result.stderr.matchAll(/^protokoll: print html (\S+)$/gm)].map((m) => m[1] as string).sort();
    const counts = /Pages: (\d+) rendered, (\d+) unchanged/.exec(result.stderr);
    return { rendered, printViews, kept: Number(counts?.[2]), stderr: result.stderr };
  };
  const out = path.join(cwd, "_site");
  return { cwd, cache, build, out, state: stateDirUnder(cache, out) };
}

const TWO = {
  "anna.yaml": withOwner("Annas Deal", "Anna Schulz", "2026-11-30"),
  "bernd.yaml": withOwner("Bernds Deal", "Bernd Meier", "2026-11-30"),
};

describe("output cache", () => {
  it("renders nothing when nothing changed, and no browser starts", async () => {
    const { build } = await site(TWO);
    const first = await build();
    expect(first.rendered).toContain("deals/anna/index.html");
    expect(first.printViews).toEqual(["anna", "bernd"]);
    expect(first.kept).toBe(0);
    const again = await build();
    expect(again.rendered).toEqual([]);
    // Not even a print view is rendered to compare with the PDF cache.
    expect(again.printViews).toEqual([]);
    expect(again.kept).toBe(first.rendered.length);
    expect(again.stderr).toContain("no browser started");
  });

  it("renders exactly the changed deal's page and the overview pages it appears on", async () => {
    const { build, cwd } = await site(TWO);
    await build();
    // A build that changed nothing keeps every page's entry for the next one.
    expect((await build()).rendered).toEqual([]);
    await writeFile(path.join(cwd, "deals", "anna.yaml"), withOwner("Annas neuer Deal", "Anna Schulz", "2026-11-30"));
    const { rendered, printViews } = await build();
    expect(printViews).toEqual(["anna"]);
    expect(rendered).toContain("deals/anna/index.html");
    expect(rendered).toContain("owners/anna-schulz/index.html");
    expect(rendered).toContain("index.html");
    expect(rendered).toContain("all/1/index.html");
    // Bernd's deal and owner page show nothing of Anna's deal.
    expect(rendered.filter((file) => file.startsWith("deals/bernd/") || file.startsWith("owners/bernd-meier/"))).toEqual([]);
  });

  it("renders every page again on another day (each shows today), but prints no PDF", async () => {
    const { build } = await site(TWO);
    const first = await build();
    const later = await build(["--today", "2026-11-24"]);
    expect(later.rendered).toEqual(first.rendered);
    expect(later.stderr).toContain("PDFs: 0 printed, 2 unchanged");
  });

  it("renders again what a configuration change reaches, and nothing else", async () => {
    const { build, cwd } = await site(TWO);
    await build();
    // "Bernd" as a vague owner word: a finding on Bernd's action, none on Anna's.
    await writeFile(path.join(cwd, "protokoll.config.yaml"), "vague_owners: [Bernd]\n");
    const changed = await build();
    expect(changed.rendered).toContain("deals/bernd/index.html");
    expect(changed.rendered).toContain("findings/vague-owner/index.html");
    expect(changed.rendered).not.toContain("deals/anna/index.html");
    expect(changed.rendered).not.toContain("owners/anna-schulz/index.html");
    // A vague owner keeps the recap from going out: Bernd's PDF gets the draft mark, Anna's stays.
    expect(changed.stderr).toContain("PDFs: 1 printed, 1 unchanged");
  });

  it("renders a page again whose file was changed by hand, and restores it", async () => {
    const { build, out } = await site(TWO);
    await build();
    const page = path.join(out, "deals", "bernd", "index.html");
    const original = await readFile(page, "utf8");
    await writeFile(page, original.replace("Bernds Deal", "Gefälscht"));
    const again = await build();
    expect(again.rendered).toContain("deals/bernd/index.html");
    expect(again.rendered).not.toContain("deals/anna/index.html");
    expect(await readFile(page, "utf8")).toBe(original);
  });

  it.each([
    ["corrupted", (_text: string) => "{ not json"],
    ["tampered", (text: string) => text.replace(/(key\\":\\")[0-9a-f]{8}/, "$100000000")],
  ])("ignores a %s manifest and renders everything", async (_name, spoil) => {
    const { build, state } = await site(TWO);
    const first = await build();
    const manifest = path.join(state, "outputs.json");
    const text = await readFile(manifest, "utf8");
    expect(spoil(text)).not.toBe(text);
    await writeFile(manifest, spoil(text));
    const again = await build();
    expect(again.rendered).toEqual(first.rendered);
  });

  it("does not trust a manifest made with another machine's key (a planted cache folder)", async () => {
    const { build, cache } = await site(TWO);
    const first = await build();
    // The same cache folder, another machine's key.
    const foreign = tempDir("protokoll-other-key-");
    const again = await build([], { XDG_CACHE_HOME: foreign, PROTOKOLL_CACHE_DIR: path.join(cache, "protokoll") });
    expect(again.rendered).toEqual(first.rendered);
  });

  it("writes report.json and the analysis cache again only when something in them changed", async () => {
    const { build, cwd, out, state } = await site(TWO);
    await build();
    const report = path.join(out, "report.json");
    const cacheFile = path.join(state, "analysis-cache.json");
    const before = { report: (await stat(report)).ino, cache: (await stat(cacheFile)).ino };
    await build();
    expect((await stat(report)).ino).toBe(before.report);
    expect((await stat(cacheFile)).ino).toBe(before.cache);
    // Bernd's action loses its owner: a new finding in the report, a new entry in the cache.
    await writeFile(
      path.join(cwd, "deals", "bernd.yaml"),
      withOwner("Bernds Deal", "Bernd Meier", "2026-11-30").replace("    owner: Bernd Meier\n", ""),
    );
    await build();
    expect((await stat(cacheFile)).ino).not.toBe(before.cache);
    const findings = JSON.parse(await readFile(report, "utf8")).deals.flatMap((d: { findings: { code: string }[] }) =>
      d.findings.map((f) => f.code),
    );
    expect(findings).toContain("missing-owner");
    // A report changed by hand is not vouched for: the next build writes it again.
    await writeFile(report, "{}");
    await build();
    expect(JSON.parse(await readFile(report, "utf8")).deals).toHaveLength(2);
  });

  it("renders a page again that was changed by hand to the same size and modification time", async () => {
    const { build, out, state } = await site(TWO);
    await build();
    // The next build reads each page once, finds its bytes and records how the file system sees it.
    expect((await build()).rendered).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(state, "outputs.json"), "utf8"));
    expect(JSON.parse(manifest.body)["page:bernd"].seen["deals/bernd/index.html"]).toMatch(/^\d+:\d+:\d+:\d+$/);
    // The same number of bytes and the old modification time: only the status-change time tells.
    const page = path.join(out, "deals", "bernd", "index.html");
    const original = await readFile(page, "utf8");
    const { atime, mtime } = await stat(page);
    await writeFile(page, original.replace("Bernds Deal", "Bernds Fake"));
    await utimes(page, atime, mtime);
    const again = await build();
    expect(again.rendered).toContain("deals/bernd/index.html");
    expect(again.rendered).not.toContain("deals/anna/index.html");
    expect(await readFile(page, "utf8")).toBe(original);
  });
});
