// Regression: a build of deals B (same slugs, new titles) interrupted after some PDFs were written left B's
// PDFs beside A's pages, and the next build of A said "0 printed, 30 unchanged" and kept them: a mail draft
// titled for A attached a PDF titled "… (B)". The cache now vouches only for files whose bytes it verified.
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { stateDirOf } from "../helpers/cache.js";
import { BIN, CLI_CACHE_DIR, ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TODAY = ["--today", "2026-11-23"];
const slugs = (await readdir(path.join(ROOT, "deals"))).map((f) => f.replace(/\.yaml$/, "")).sort();
const dealsA = new Map(slugs.map((slug) => [slug, readFileSync(path.join(ROOT, "deals", `${slug}.yaml`), "utf8")]));
const titleOf = (text: string) => String((parse(text) as { title: string }).title);
const dealsB = new Map(
  [...dealsA].map(([slug, text]) => [slug, text.replace(/^title: .*$/m, `title: ${JSON.stringify(`${titleOf(text)} (B)`)}`)]),
);
const pdfOf = (cwd: string, slug: string) => path.join(cwd, "_site", "deals", slug, `${slug}.pdf`);
const manifest = (cwd: string) => path.join(stateDirOf(cwd), "pdf-cache.json");

async function project(deals: Map<string, string>): Promise<string> {
  const cwd = tempDir("protokoll-interrupt-");
  await mkdir(path.join(cwd, "deals"));
  await writeDeals(cwd, deals);
  return cwd;
}

async function writeDeals(cwd: string, deals: Map<string, string>): Promise<void> {
  for (const [slug, text] of deals) await writeFile(path.join(cwd, "deals", `${slug}.yaml`), text);
}

type Point = "first-pdf" | "pdfs-done";

/** Starts a build and kills it with `signal` once `point` is reached; resolves with how it ended. */
function interruptedBuild(cwd: string, signal: NodeJS.Signals, point: Point, reference: Map<string, Buffer>) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>((resolve) => {
    const manifestBefore = statSync(manifest(cwd)).mtimeMs;
    const child = spawn(process.execPath, [BIN, "build", "--concurrency", "1", ...TODAY], {
      cwd,
      env: { ...process.env, CI: "true", PROTOKOLL_CACHE_DIR: CLI_CACHE_DIR },
      stdio: "ignore",
    });
    let killed = false;
    const reached = () => {
      if (point === "pdfs-done") {
        try {
          return statSync(manifest(cwd)).mtimeMs !== manifestBefore;
        } catch {
          return false;
        }
      }
      return slugs.some((slug) => {
        try {
          return !readFileSync(pdfOf(cwd, slug)).equals(reference.get(slug) as Buffer);
        } catch {
          return false;
        }
      });
    };
    const timer = setInterval(() => {
      if (!killed && reached()) {
        killed = true;
        child.kill(signal);
      }
    }, 5);
    child.on("close", (code, exitSignal) => {
      clearInterval(timer);
      resolve({ code, signal: exitSignal, killed });
    });
  });
}

let reference: Map<string, Buffer>;

beforeAll(async () => {
  // What a clean build of A gives: the bytes every later rebuild of A must reproduce.
  const clean = await project(dealsA);
  expect((await runCli(["build", ...TODAY], { cwd: clean })).code).toBe(0);
  reference = new Map(slugs.map((slug) => [slug, readFileSync(pdfOf(clean, slug))]));
}, 180_000);

describe("a build interrupted while it replaces deals A by deals B, then a rebuild of A", () => {
  it.each([
    ["SIGTERM", "first-pdf"],
    ["SIGKILL", "first-pdf"],
    ["SIGTERM", "pdfs-done"],
    ["SIGKILL", "pdfs-done"],
  ] as const)(
    "%s after %s: exactly A's PDFs again, byte for byte, and every mail attaches its own deal's PDF",
    async (signal, point) => {
      const cwd = await project(dealsA);
      expect((await runCli(["build", ...TODAY], { cwd })).code).toBe(0);
      await writeDeals(cwd, dealsB);
      const interrupted = await interruptedBuild(cwd, signal, point, reference);
      expect(interrupted.killed).toBe(true);
      // Either the signal ended it, or (SIGTERM) our handler did, with 143.
      expect(interrupted.signal === signal || interrupted.code === 143).toBe(true);

      await writeDeals(cwd, dealsA);
      const rebuild = await runCli(["build", ...TODAY], { cwd });
      expect(rebuild.code).toBe(0);
      for (const slug of slugs) {
        const pdf = readFileSync(pdfOf(cwd, slug));
        expect(pdf.equals(reference.get(slug) as Buffer), `${slug}.pdf is A's`).toBe(true);
        const mail = await simpleParser(readFileSync(path.join(cwd, "_site", "deals", slug, `${slug}.eml`)));
        expect(mail.subject).toContain(titleOf(dealsA.get(slug) as string));
        expect(mail.subject).not.toContain("(B)");
        // A ready recap with a next meeting also carries the invitation (contract v3: a text/calendar REQUEST part
        // and <slug>-invite.ics); the PDF is still exactly one attachment, and it is this deal's.
        const pdfs = mail.attachments.filter((a) => a.contentType === "application/pdf");
        expect(pdfs).toHaveLength(1);
        expect(Buffer.compare(pdfs[0]?.content as Buffer, pdf)).toBe(0);
      }
    },
    180_000,
  );
});

describe("the PDF cache", () => {
  it("reprints a PDF whose file was replaced behind its back, although its deal did not change", async () => {
    const cwd = await project(dealsA);
    expect((await runCli(["build", ...TODAY], { cwd })).code).toBe(0);
    const [slug, other] = slugs as [string, string];
    await copyFile(pdfOf(cwd, other), pdfOf(cwd, slug));
    const again = await runCli(["build", ...TODAY], { cwd });
    expect(again.stderr).toMatch(new RegExp(`PDFs: 1 printed, ${slugs.length - 1} unchanged`));
    expect(readFileSync(pdfOf(cwd, slug)).equals(reference.get(slug) as Buffer)).toBe(true);
  }, 120_000);
});
