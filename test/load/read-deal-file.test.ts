import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCapped } from "../../src/load/read-deal-file.js";
import { analyseFiles, deal, en } from "../helpers/analyse.js";
import { tempDir } from "../helpers/temp-dir.js";

const codesOf = async (files: Record<string, string | Uint8Array>) =>
  (await analyseFiles(files)).deals.flatMap((d) => d.findings.map((f) => `${f.code}@${f.line}:${f.column}`));

describe("reading deal files", () => {
  it("accepts a BOM and CRLF line ends, with positions as the editor shows them", async () => {
    const text = `\uFEFF${deal("actions:", "  - task: Angebot schicken", "    due: 2026-11-30")}`.replace(/\n/g, "\r\n");
    const analysis = await analyseFiles({ "crlf.yaml": text });
    const [result] = analysis.deals;
    expect(result?.deal?.title).toBe("Testdeal");
    expect(result?.findings.map((f) => `${f.code}@${f.line}:${f.column}`)).toContain("missing-owner@6:11");
  });

  it("rejects bytes that are not UTF-8 and says where, instead of rendering M\uFFFDller", async () => {
    const latin1 = Buffer.from("title: Testdeal\ncustomer: M\xfcller GmbH\nmeeting:\n  date: 2026-11-20\n", "latin1");
    expect(await codesOf({ "latin1.yaml": latin1 })).toEqual(["invalid-yaml@2:12"]);
  });

  it("rejects a file over the size cap before parsing it", async () => {
    const big = deal(`summary: "${"x".repeat(300 * 1024)}"`);
    const started = performance.now();
    const analysis = await analyseFiles({ "big.yaml": big });
    expect(analysis.deals[0]?.findings.map((f) => f.code)).toEqual(["invalid-yaml"]);
    expect(en(analysis.deals[0]?.findings[0]).message).toMatch(/larger than 256 KiB/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("keeps what YAML 1.1 would have turned into booleans and numbers as the text the author wrote", async () => {
    const analysis = await analyseFiles({
      "habits.yaml": deal(
        "  time: 12:30",
        "  place: no",
        "participants:",
        "  - name: Norbert On",
        "    phone: 0301234567",
        "    role: yes",
        "actions:",
        "  - id: 0042",
        "    task: 12345678901234567890",
        "    owner: Norbert On",
        "    due: 2026-12-01",
      ),
    });
    const result = analysis.deals[0];
    expect(result?.findings.filter((f) => f.severity === "error")).toEqual([]);
    const d = result?.deal;
    expect(d?.meeting.time).toBe("12:30");
    expect(d?.meeting.place).toBe("no");
    expect(d?.participants[0]?.phone).toBe("0301234567");
    expect(d?.participants[0]?.role).toBe("yes");
    expect(d?.actions[0]?.id).toBe("0042");
    expect(d?.actions[0]?.task).toBe("12345678901234567890");
  });

  it("never lets __proto__ or constructor keys reach an object's prototype", async () => {
    const analysis = await analyseFiles({ "proto.yaml": deal("__proto__:", "  polluted: true", "constructor: x") });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(analysis.deals[0]?.findings.map((f) => en(f).message)).toEqual([
      "Unknown key `__proto__`.",
      "Unknown key `constructor`.",
    ]);
    for (const f of analysis.deals[0]?.findings ?? []) expect(en(f).hint).toMatch(/^Allowed here: `title`/);
    const nested = await analyseFiles({ "n.yaml": deal("terms:", "  constructor: x", "  toString: y") });
    for (const f of nested.deals[0]?.findings ?? []) {
      expect(en(f).hint).not.toMatch(/native code|object Object/);
      expect(en(f).hint).toMatch(/^Allowed here: `delivery`/);
    }
  });

  it("suggests the English key for a German one where that key is allowed", async () => {
    const analysis = await analyseFiles({ "de.yaml": deal("kunde: X").replace("customer: Test GmbH\n", "") });
    expect(en(analysis.deals[0]?.findings.find((f) => en(f).message.includes("kunde"))).hint).toBe("Did you mean `customer`?");
  });

  it("refuses a billion-laughs file without expanding it", async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    const started = performance.now();
    const codes = await codesOf({ "bomb.yaml": lines.join("\n") });
    expect(codes.every((c) => c.startsWith("invalid-yaml@"))).toBe(true);
    expect(codes.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reports absurd nesting instead of crashing", async () => {
    const nested = `title: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    const analysis = await analyseFiles({ "deep.yaml": nested });
    expect(analysis.deals[0]?.findings[0]?.severity).toBe("error");
  });

  it("flags file names that are not slugs and slugs used twice, and builds the first of two", async () => {
    const analysis = await analyseFiles({
      "Angebot Müller.yaml": deal(),
      "a/same.yaml": deal(),
      "b/same.yml": deal(),
    });
    const bySlugAndFile = analysis.deals.map((d) => [
      d.file.replace(/^.*deals\//, ""),
      d.findings.map((f) => f.code),
      Boolean(d.deal),
    ]);
    expect(bySlugAndFile).toEqual([
      ["Angebot Müller.yaml", ["invalid-filename"], false],
      ["a/same.yaml", ["missing-next-meeting", "protocol-late"], true],
      ["b/same.yml", ["invalid-filename"], false],
    ]);
    expect(en(analysis.deals[0]?.findings[0]).hint).toContain('"angebot-mueller.yaml"');
  });
});

describe("readCapped", () => {
  // Deal files are read with synchronous calls; a deal file swapped for a pipe after the listing once could
  // have hung the build where no Ctrl+C reaches it. It is opened without blocking and refused.
  it.skipIf(process.platform === "win32")("refuses a pipe without waiting for a writer", async () => {
    const dir = tempDir("protokoll-fifo-");
    const pipe = path.join(dir, "deal.yaml");
    execFileSync("mkfifo", [pipe]);
    expect(await readCapped(pipe, 1024)).toBe("special");
    const file = path.join(dir, "real.yaml");
    await writeFile(file, "title: x\n");
    expect(Buffer.from((await readCapped(file, 1024)) as Uint8Array).toString()).toBe("title: x\n");
    expect(await readCapped(file, 4)).toBe("too-large");
  });
});
