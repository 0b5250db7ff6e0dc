import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { browserExecutable, CHROMIUM_ARGS } from "../../src/pdf/browser.js";

/** Real headless Chromium, found the way the build finds it, for tests that look at pages. */
export function launchBrowser(): Promise<Browser> {
  const executablePath = browserExecutable();
  return puppeteer.launch({
    headless: true,
    pipe: true,
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.2 AA and best-practice rules (target size included) on the loaded page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}
