import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { browserExecutable, CHROMIUM_ARGS } from "../../src/pdf/browser.js";

/** The print browser's arguments that block every network request, the loopback server's included. */
const OFFLINE = /^--(host-resolver-rules|proxy-server|proxy-bypass-list)=/;

/**
 * Real headless Chromium, found the way the build finds it, for tests that look at pages. With `loopback`, it
 * may reach a server on this machine (`serve` and its form), which the print browser's arguments forbid.
 */
export function launchBrowser(options: { loopback?: boolean } = {}): Promise<Browser> {
  const executablePath = browserExecutable();
  const args = options.loopback ? [...CHROMIUM_ARGS.filter((arg) => !OFFLINE.test(arg)), "--no-proxy-server"] : CHROMIUM_ARGS;
  return puppeteer.launch({
    headless: true,
    pipe: true,
    args,
    ...(executablePath ? { executablePath } : {}),
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/**
 * Every rule axe-core has — WCAG 2.2 A and AA (target size included), AAA, best practice and the experimental
 * ones — on the loaded page, except `color-contrast-enhanced`: AAA contrast (7:1) would take the muted grey and
 * the amber of warnings out of the palette, where AA's 4.5:1 (`color-contrast`, checked) keeps them readable;
 * WCAG itself does not recommend AAA as a general policy for whole sites.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }>; getRules: () => { ruleId: string }[] };
      }
    ).axe;
    const rules = axe
      .getRules()
      .map((r) => r.ruleId)
      .filter((id) => id !== "color-contrast-enhanced");
    const result = await axe.run({ runOnly: { type: "rule", values: rules } });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}
