import puppeteer, { type Browser } from "puppeteer-core";
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
