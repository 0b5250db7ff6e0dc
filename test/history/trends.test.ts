// The KPI trend charts on the built site carry the hand-computed weekly numbers, in the SVG and in its table.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

let site: string;

beforeAll(async () => {
  const { dir } = await twelveWeekRepo();
  const result = await runCli(["build", "--no-pdf", "--today", TODAY], { cwd: dir });
  expect(result.stderr).toContain("Built 2 deals");
  site = path.join(dir, "_site");
});

/** The rows of the data table of figure `id`: [week, ...cells]. */
function tableOf(html: string, id: string): string[][] {
  const figure = new RegExp(`<figure class="trend" id="${id}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(figure)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] as string).matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1] as string),
  );
}

function barsOf(html: string, id: string): number[] {
  const figure = new RegExp(`<figure class="trend" id="${id}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? "";
  return [...figure.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
}

// From test/history/weekly-measures.test.ts (worked out by hand), weeks W38 to W49 (the running week).
// week, due, kept, rate, overdue, moved
const WEEKS: [string, number, number, string, number, number][] = [
  ["KW 38/2026", 0, 0, "–", 0, 1],
  ["KW 39/2026", 0, 0, "–", 0, 1],
  ["KW 40/2026", 1, 0, "0 %", 1, 0],
  ["KW 41/2026", 0, 0, "–", 1, 0],
  ["KW 42/2026", 1, 0, "0 %", 2, 0],
  ["KW 43/2026", 1, 1, "100 %", 0, 0],
  ["KW 44/2026", 1, 0, "0 %", 1, 0],
  ["KW 45/2026", 0, 0, "–", 0, 2],
  ["KW 46/2026", 1, 0, "0 %", 1, 0],
  ["KW 47/2026", 1, 0, "0 %", 1, 1],
  ["KW 48/2026", 0, 0, "–", 0, 0],
  ["KW 49/2026", 0, 0, "–", 0, 0],
];

describe("KPI trends on the index", () => {
  it("the on-time table holds due, kept and rate per week; the bars the same rates", async () => {
    const html = await readFile(path.join(site, "index.html"), "utf8");
    expect(tableOf(html, "team-on-time")).toEqual(WEEKS.map(([w, due, kept, rate]) => [w, String(due), String(kept), rate]));
    expect(barsOf(html, "team-on-time")).toEqual(WEEKS.filter((w) => w[3] !== "–").map((w) => (w[3] === "100 %" ? 1 : 0)));
  });

  it("overdue and moved tables and bars per week", async () => {
    const html = await readFile(path.join(site, "index.html"), "utf8");
    expect(tableOf(html, "team-overdue")).toEqual(WEEKS.map(([w, , , , overdue]) => [w, String(overdue)]));
    expect(tableOf(html, "team-moved")).toEqual(WEEKS.map(([w, , , , , moved]) => [w, String(moved)]));
    expect(barsOf(html, "team-overdue")).toEqual(WEEKS.map((w) => w[4]));
    expect(barsOf(html, "team-moved")).toEqual(WEEKS.map((w) => w[5]));
  });

  it("draws the 90 % goal line, has no script, and hides the picture from screen readers behind its table", async () => {
    const html = await readFile(path.join(site, "index.html"), "utf8");
    const figure = /<figure class="trend" id="team-on-time"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? "";
    expect(figure).toContain('class="goal"');
    expect(figure).toContain("Ziel 90 %");
    expect(figure).toContain('aria-hidden="true"');
    // The table is named by the figure's caption, not by a caption of its own as well.
    expect(figure).toMatch(/<table class="trend-data" aria-labelledby="team-on-time-caption">/);
    expect(figure).not.toContain("<caption");
    expect(figure).not.toMatch(/<script/i);
  });

  it("owner pages carry the owner's own trends: Anna's moves are hers only", async () => {
    const html = await readFile(path.join(site, "owners", "anna-schulz", "index.html"), "utf8");
    const moved = tableOf(html, "owner-moved");
    expect(moved.find((r) => r[0] === "KW 45/2026")).toEqual(["KW 45/2026", "2"]);
    expect(moved.find((r) => r[0] === "KW 38/2026")).toEqual(["KW 38/2026", "0"]); // Ben's move, not Anna's
  });

  it("links the weekly reviews, which are written under review/<week>/", async () => {
    const html = await readFile(path.join(site, "index.html"), "utf8");
    expect(html).toContain('href="review/2026-W49/"');
    const review = await readFile(path.join(site, "review", "2026-W48", "index.html"), "utf8");
    // The person reads "KW 48/2026"; the address keeps the ISO week.
    expect(review).toContain("<h1>Wochenrückblick KW 48/2026</h1>");
    expect(review).toContain("Vertrag entwerfen");
    expect(review).toContain('href="../../deals/beta/"');
  });
});

describe("a client build of the same history", () => {
  it("carries no trends, reviews, Verlauf or owner feeds", async () => {
    const { dir } = await twelveWeekRepo();
    const result = await runCli(["build", "--no-pdf", "--today", TODAY, "--audience", "client", "--out", "public"], { cwd: dir });
    expect(result.code).toBe(0);
    const out = path.join(dir, "public");
    const files = await readdir(out, { recursive: true });
    expect(files.filter((f) => f.startsWith("review") || f.startsWith("owners"))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = await readFile(path.join(out, file), "utf8");
      expect(html, file).not.toContain("trend-svg");
      expect(html, file).not.toContain("protocol-history");
    }
  });
});
