// Regression: `pdf-cache.json` carried no MAC. A PDF swapped for a forged one, with the forged file's hash
// written into the cache, was reported "unchanged", kept on every later build and attached to the recap mail
// ("GEFAELSCHT Preis 1 EUR" reached the .eml). The cache is now sealed with the cache key
// (src/util/sealed-text.ts) and the build trusts it only under its own key.
import { readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machineKey } from "../../src/util/machine-key.js";
import { sealText } from "../../src/util/sealed-text.js";
import { sha256 } from "../../src/util/sha256.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { stateDirUnder } from "../helpers/cache.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const FORGED = Buffer.from("%PDF-1.4\n% GEFAELSCHT Preis 1 EUR\n%%EOF\n");
const made: string[] = [];
let cwd: string;
let home: string;
let original: Buffer;

const out = () => path.join(cwd, "_site");
const pdfFile = () => path.join(out(), "deals", "anna", "anna.pdf");
const cacheFile = () => path.join(stateDirUnder(home, out()), "pdf-cache.json");
const build = () => runCli(["build", "--today", "2026-11-23", "--concurrency", "1"], { cwd, env: { XDG_CACHE_HOME: home } });

/** The PDF replaced by the forgery, and the cache's entry rewritten to the forgery's hash; `seal` makes its MAC. */
async function forge(seal: (body: string, mac: string) => string): Promise<void> {
  await writeFile(pdfFile(), FORGED);
  const text = await readFile(cacheFile(), "utf8");
  const at = text.lastIndexOf("\nprotokoll-mac ");
  expect(at).toBeGreaterThan(0);
  const body = text.slice(0, at).replace(sha256(original), sha256(FORGED));
  expect(body).toContain(sha256(FORGED));
  await writeFile(cacheFile(), seal(body, text.slice(at)));
}

async function attachment(): Promise<Buffer> {
  const mail = await simpleParser(readFileSync(path.join(out(), "deals", "anna", "anna.eml")));
  expect(mail.attachments).toHaveLength(1);
  return mail.attachments[0]?.content as Buffer;
}

beforeAll(async () => {
  cwd = await dealsDir({ "anna.yaml": deal("summary: Preis 120 000 EUR") });
  home = tempDir("protokoll-home-");
  made.push(cwd, home);
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
  original = readFileSync(pdfFile());
}, 120_000);

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe("a forged PDF with its hash written into the PDF cache", () => {
  it("on the same machine (the old MAC kept): printed again, and the mail attaches the real PDF", async () => {
    await forge((body, mac) => body + mac);
    const result = await build();
    expect(result.stderr).toContain("PDFs: 1 printed, 0 unchanged");
    expect(readFileSync(pdfFile()).equals(original)).toBe(true);
    expect((await attachment()).equals(original)).toBe(true);
  }, 120_000);

  it("sealed with another key (another machine's, another CI secret): printed again, the mail attaches the real PDF", async () => {
    const other = (await machineKey(false, { PROTOKOLL_CACHE_KEY: "someone-elses-secret" })) as Buffer;
    await forge((body) => sealText(body, "protokoll-pdf-cache", other));
    const result = await build();
    expect(result.stderr).toContain("PDFs: 1 printed, 0 unchanged");
    expect(readFileSync(pdfFile()).equals(original)).toBe(true);
    const attached = await attachment();
    expect(attached.equals(original)).toBe(true);
    expect(attached.toString("latin1")).not.toContain("GEFAELSCHT");
  }, 120_000);

  it("is believed only when sealed with this machine's own key (so the two above can fail)", async () => {
    const own = (await machineKey(false, { XDG_CACHE_HOME: home })) as Buffer;
    await forge((body) => sealText(body, "protokoll-pdf-cache", own));
    const result = await build();
    expect(result.stderr).toContain("PDFs: 0 printed, 1 unchanged");
    expect((await attachment()).equals(FORGED)).toBe(true);
  }, 120_000);
});
