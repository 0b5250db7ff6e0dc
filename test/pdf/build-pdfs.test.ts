// PDFs printed by real Chromium over the example deals: one A4 page each, every task with owner and date,
// nothing internal, only embedded fonts, byte-identical on rebuild and on another day.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pdffonts, pdfinfo, pdftotext } from "../helpers/poppler.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const LOGO_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAHklEQVR4nGP4z8DAAMZcInIMjEzMLKxs7BycJ1KMAEbJBMV+rX+bAAAAAElFTkSuQmCC",
  "base64",
);
const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
let cwd: string;
let firstLog: string;
const pdfOf = (slug: string, out = "_site") => path.join(cwd, out, "deals", slug, `${slug}.pdf`);
const slugs = (await readdir(path.join(ROOT, "deals"))).map((f) => f.replace(/\.yaml$/, ""));

beforeAll(async () => {
  cwd = tempDir("protokoll-pdf-");
  await mkdir(path.join(cwd, "deals"));
  for (const slug of slugs) await copyFile(path.join(ROOT, "deals", `${slug}.yaml`), path.join(cwd, "deals", `${slug}.yaml`));
  const result = await runCli(["build", "--today", "2026-11-23"], { cwd });
  expect(result.code).toBe(0);
  firstLog = result.stderr;
}, 120_000);

describe("the example deals' PDFs", () => {
  it.each(slugs)("%s is one A4 page with every task, owner and due date", (slug) => {
    const info = pdfinfo(pdfOf(slug));
    expect(info.Pages).toBe("1");
    expect(info["Page size"]).toMatch(/\(A4\)/);
    expect(info.Tagged).toBe("yes");
    const deal = parse(readFileSync(path.join(cwd, "deals", `${slug}.yaml`), "utf8"));
    const text = pdftotext(pdfOf(slug)).replace(/\s+/g, " ");
    // Team-only actions (`internal: true`, contract v3) never reach the PDF; every other one does, in full.
    for (const action of (deal.actions ?? []).filter((a: { internal?: boolean }) => a.internal)) {
      expect(text).not.toContain(action.task.replace(/\s+/g, " "));
    }
    for (const action of (deal.actions ?? []).filter((a: { internal?: boolean }) => !a.internal)) {
      expect(text).toContain(action.task.replace(/\s+/g, " "));
      if (action.owner) expect(text).toContain(action.owner);
      if (action.due) {
        const [y, m, d] = action.due.split("-");
        expect(text).toContain(deal.language === "en" ? `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}` : `${d}.${m}.${y}`);
      }
    }
    for (const words of [
      deal.internal?.notes,
      ...(deal.internal?.signals ?? []),
      ...(deal.internal?.lessons ?? []),
      ...(deal.internal?.hidden_needs ?? []),
    ]) {
      if (words) expect(text).not.toContain(String(words).trim().split("\n")[0]?.slice(0, 40));
    }
    expect(text).toMatch(deal.language === "en" ? /Page 1 of 1/ : /Seite 1 von 1/);
  });

  it.each(slugs)("%s embeds every font it uses", (slug) => {
    const fonts = pdffonts(pdfOf(slug));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.every((f) => f.name.includes("SourceSans3"))).toBe(true);
  });

  it("carries title, author, language and the deal's date as metadata", () => {
    const info = pdfinfo(pdfOf("stadtwerke-musterstadt-strom"));
    expect(info.Title).toBe("Protokoll: Liefervertrag Strom 2027–2029");
    expect(info.Subject).toBe("Stadtwerke Musterstadt GmbH – 20.11.2026");
    // The date is the deal's "Stand" (contract v3): `updated`, else `protocol_sent` (here 2026-11-21), else the
    // meeting date; never a commit date.
    expect(info.CreationDate).toBe("2026-11-21T00:00:00Z");
    expect(readFileSync(pdfOf("stadtwerke-musterstadt-strom")).toString("latin1")).toContain("/Lang (de)");
  });

  it("prints nothing on a rebuild with nothing changed, and starts no browser", async () => {
    expect(firstLog).toMatch(new RegExp(`PDFs: ${slugs.length} printed, 0 unchanged`));
    const again = await runCli(["build", "--today", "2026-11-23"], { cwd });
    expect(again.stderr).toMatch(new RegExp(`PDFs: 0 printed, ${slugs.length} unchanged, no browser started`));
  });

  it("gives byte-identical PDFs when built again from scratch on another day", async () => {
    const before = slugs.map((slug) => readFileSync(pdfOf(slug)));
    const result = await runCli(["build", "--out", "again", "--today", "2027-03-01", "--concurrency", "1"], { cwd });
    expect(result.stderr).toMatch(new RegExp(`PDFs: ${slugs.length} printed`));
    slugs.forEach((slug, i) => {
      expect(readFileSync(pdfOf(slug, "again")).equals(before[i] as Buffer), slug).toBe(true);
    });
    await rm(path.join(cwd, "again"), { recursive: true });
  });
});

describe("branding from the configuration", () => {
  it("prints our company name and embeds the local logo file", async () => {
    const dir = tempDir("protokoll-brand-");
    await mkdir(path.join(dir, "deals"));
    await mkdir(path.join(dir, "assets"));
    await copyFile(path.join(ROOT, "deals", "stadtwerke-musterstadt-strom.yaml"), path.join(dir, "deals", "strom.yaml"));
    // A 4×2 PNG with distinct pixels, so the embedded image can be recognised by its size.
    await writeFile(path.join(dir, "assets", "logo.png"), LOGO_PNG);
    await writeFile(path.join(dir, "protokoll.config.yaml"), "company:\n  name: Nordlicht Energie AG\n  logo: assets/logo.png\n");
    const result = await runCli(["build", "--today", "2026-11-23"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const pdf = path.join(dir, "_site", "deals", "strom", "strom.pdf");
    expect(pdftotext(pdf)).toContain("Nordlicht Energie AG");
    const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(images.map((row) => row.trim().split(/\s+/).slice(3, 5).join("×"))).toEqual(["4×2"]);

    // Another logo in the same file, the configuration unchanged: the PDF is printed again with it (the print
    // input's key holds the logo's bytes, not only its path).
    await writeFile(path.join(dir, "assets", "logo.png"), ONE_PIXEL_PNG);
    const again = await runCli(["build", "--today", "2026-11-23"], { cwd: dir, env: { PROTOKOLL_LANG: "en" } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("PDFs: 1 printed, 0 unchanged");
    const after = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    // (Its alpha channel comes as a second 1×1 image, the soft mask.)
    const sizes = after.map((row) => row.trim().split(/\s+/).slice(3, 5).join("×"));
    expect(sizes).toContain("1×1");
    expect(sizes).not.toContain("4×2");
  });
});
