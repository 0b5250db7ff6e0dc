import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer";
import { ProtokollError } from "../errors.js";

/**
 * Flags for a headless Chromium that prints and does nothing else: no sandbox (CI runs as root), and none of
 * the background services that phone home — on a closed network they stall start-up.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--mute-audio",
  "--font-render-hinting=none",
];

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/**
 * Which browser to start: PUPPETEER_EXECUTABLE_PATH, else Puppeteer's own download when there is one, else a
 * system Chromium. (Puppeteer reads .puppeteerrc.cjs from the working directory only, and a deals repository
 * is usually another folder than protokoll's.)
 */
export function browserExecutable(): string | undefined {
  if (process.env.PUPPETEER_EXECUTABLE_PATH) return process.env.PUPPETEER_EXECUTABLE_PATH;
  try {
    const bundled = puppeteer.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // No bundled browser configured: fall through to the system one.
  }
  return SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
}

/** Starts the browser, or explains how to get one. */
export async function launchBrowser(): Promise<Browser> {
  try {
    const executablePath = browserExecutable();
    return await puppeteer.launch({
      headless: true,
      // Talk over a pipe, not a port: nothing listens on the network, and when protokoll dies, even by
      // SIGKILL, the pipe closes and Chromium exits with it instead of lingering as an orphan.
      pipe: true,
      args: CHROMIUM_ARGS,
      ...(executablePath ? { executablePath } : {}),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Could not find|Browser was not found|ENOENT|executable/i.test(message)) {
      throw new ProtokollError(
        "No Chromium found to print the PDFs.",
        "Install one (Debian/Ubuntu: `apt-get install chromium`; it is picked up by .puppeteerrc.cjs), or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary, or run `npx puppeteer browsers install chrome` with network access. `--no-pdf` builds without PDFs.",
        { cause: error },
      );
    }
    throw new ProtokollError(
      `Chromium did not start: ${message.split("\n")[0]}`,
      "Try `--no-pdf`, or check the browser installation.",
      {
        cause: error,
      },
    );
  }
}
