// `npm run screenshots`: builds the example site with PDFs as of a fixed day and photographs the index, a
// protocol page and the first PDF page into docs/screenshots/, so the README shows what the tool does today.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { browserExecutable, CHROMIUM_ARGS } from "../dist/pdf/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = path.join(root, "docs", "screenshots");
const site = path.join(root, "_site");
mkdirSync(out, { recursive: true });

execFileSync(process.execPath, [path.join(root, "bin", "protokoll.js"), "build", "--today", "2026-11-23"], {
  cwd: root,
  stdio: "inherit",
});

const executablePath = browserExecutable();
const browser = await puppeteer.launch({
  headless: true,
  pipe: true,
  args: CHROMIUM_ARGS,
  ...(executablePath ? { executablePath } : {}),
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860, deviceScaleFactor: 1 });
  for (const [name, file] of [
    ["index", "index.html"],
    ["deal", "deals/agentur-kurskorrektur-lindenhof/index.html"],
  ]) {
    await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: "load" });
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`wrote docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
}

const pdf = path.join(site, "deals", "stadtwerke-musterstadt-strom", "stadtwerke-musterstadt-strom.pdf");
execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", pdf, path.join(out, "pdf-page")]);
renameSync(path.join(out, "pdf-page.png"), path.join(out, "pdf.png"));
console.log("wrote docs/screenshots/pdf.png");
