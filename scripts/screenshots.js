// `npm run screenshots`: photographs what the tool does today into docs/screenshots/ for the README — the
// example site as of a fixed day (index, a protocol page, the first PDF page) and the index of 1000 generated
// deals (bench/generate-deals.js, seeded) at 1280×1000 and at 375 px, the size of a busy team after a year.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { generateDeals } from "../bench/generate-deals.js";
import { browserExecutable, CHROMIUM_ARGS } from "../dist/pdf/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = path.join(root, "docs", "screenshots");
const site = path.join(root, "_site");
const bin = path.join(root, "bin", "protokoll.js");
mkdirSync(out, { recursive: true });

execFileSync(process.execPath, [bin, "build", "--today", "2026-11-23"], { cwd: root, stdio: "inherit" });

// The large site is built in a temporary folder of its own, without PDFs (they are not photographed).
const large = mkdtempSync(path.join(tmpdir(), "protokoll-screenshots-"));
generateDeals(path.join(large, "deals"), 1000);
execFileSync(process.execPath, [bin, "build", "--no-pdf", "--today", "2026-11-23"], { cwd: large, stdio: "inherit" });

const executablePath = browserExecutable();
const browser = await puppeteer.launch({
  headless: true,
  pipe: true,
  args: CHROMIUM_ARGS,
  ...(executablePath ? { executablePath } : {}),
});
try {
  const page = await browser.newPage();
  for (const [name, file, width, height] of [
    ["index", path.join(site, "index.html"), 1280, 860],
    ["deal", path.join(site, "deals/agentur-kurskorrektur-lindenhof/index.html"), 1280, 860],
    ["index-1000", path.join(large, "_site", "index.html"), 1280, 1000],
    ["index-1000-phone", path.join(large, "_site", "index.html"), 375, 812],
  ]) {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready");
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`wrote docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  rmSync(large, { recursive: true, force: true });
}

const pdf = path.join(site, "deals", "stadtwerke-musterstadt-strom", "stadtwerke-musterstadt-strom.pdf");
execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", pdf, path.join(out, "pdf-page")]);
renameSync(path.join(out, "pdf-page.png"), path.join(out, "pdf.png"));
console.log("wrote docs/screenshots/pdf.png");
