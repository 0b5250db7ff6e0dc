import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Phrase, say } from "../../src/i18n/translate.js";
import { findBrowser, noBrowserError, systemBrowserPaths } from "../../src/pdf/browser.js";
import { tempDir } from "../helpers/temp-dir.js";

const on = (...files: string[]) => {
  const set = new Set(files);
  return (file: string) => set.has(file);
};
const HOME = "/home/anna";

describe("findBrowser: PUPPETEER_EXECUTABLE_PATH, then browser:, then the system, then Puppeteer's cache", () => {
  it.each([
    {
      name: "the environment wins over everything",
      env: { PUPPETEER_EXECUTABLE_PATH: "/opt/chrome/chrome" },
      configured: "/srv/chromium",
      files: ["/opt/chrome/chrome", "/srv/chromium", "/usr/bin/chromium"],
      expected: { found: true, path: "/opt/chrome/chrome", source: "PUPPETEER_EXECUTABLE_PATH" },
    },
    {
      name: "the config key comes next",
      env: {},
      configured: "/srv/chromium",
      files: ["/srv/chromium", "/usr/bin/chromium"],
      expected: { found: true, path: "/srv/chromium", source: "config" },
    },
    {
      name: "a named browser that is missing is reported, not replaced by the system one",
      env: { PUPPETEER_EXECUTABLE_PATH: "/nowhere/chrome" },
      configured: undefined,
      files: ["/usr/bin/chromium"],
      expected: { found: false, explicit: { source: "PUPPETEER_EXECUTABLE_PATH", path: "/nowhere/chrome" } },
    },
    {
      name: "a missing config browser likewise",
      env: {},
      configured: "/nowhere/chrome",
      files: ["/usr/bin/chromium"],
      expected: { found: false, explicit: { source: "config", path: "/nowhere/chrome" } },
    },
    {
      name: "Debian's chromium",
      env: {},
      configured: undefined,
      files: ["/usr/bin/chromium"],
      expected: { found: true, path: "/usr/bin/chromium", source: "system" },
    },
    {
      name: "Google Chrome on Linux",
      env: {},
      configured: undefined,
      files: ["/usr/bin/google-chrome-stable"],
      expected: { found: true, path: "/usr/bin/google-chrome-stable", source: "system" },
    },
    {
      name: "nothing anywhere",
      env: {},
      configured: undefined,
      files: [],
      expected: { found: false },
    },
  ])("$name", ({ env, configured, files, expected }) => {
    const search = findBrowser({
      env: { HOME, PUPPETEER_CACHE_DIR: "/no/cache", ...env },
      configured,
      platform: "linux",
      exists: on(...files),
    });
    expect(search).toEqual(expected);
  });

  it("knows where macOS and Windows install Chrome", () => {
    expect(systemBrowserPaths("darwin", {})).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    const windows = systemBrowserPaths("win32", {
      PROGRAMFILES: "C:\\Program Files",
      LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local",
    });
    expect(windows).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(windows).toContain("C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe");
    const mac = findBrowser({
      env: { PUPPETEER_CACHE_DIR: "/no/cache" },
      platform: "darwin",
      exists: on("/Applications/Chromium.app/Contents/MacOS/Chromium"),
    });
    expect(mac).toEqual({ found: true, path: "/Applications/Chromium.app/Contents/MacOS/Chromium", source: "system" });
  });

  it("finds a browser in Puppeteer's cache when the system has none", async () => {
    // The layout `npx @puppeteer/browsers install chrome-headless-shell@… --path <cache>` leaves behind.
    const cache = tempDir("protokoll-cache-");
    const folder = path.join(cache, "chrome-headless-shell", "linux-131.0.6778.85");
    const binary = path.join(folder, "chrome-headless-shell-linux64", "chrome-headless-shell");
    await mkdir(path.dirname(binary), { recursive: true });
    await writeFile(binary, "");
    const search = findBrowser({
      env: { PUPPETEER_CACHE_DIR: cache },
      platform: "linux",
      exists: (file) => file === cache || file === binary,
    });
    expect(search).toEqual({ found: true, path: binary, source: "puppeteer-cache" });
  });

  it("without a browser, the message names the one command that installs one", () => {
    const error = noBrowserError({ found: false });
    expect(error.message).toBe("No Chromium found to print the PDFs.");
    const hintOf = (e: { remedy?: Phrase }) => (e.remedy ? say("en", e.remedy) : "");
    expect(hintOf(error)).toContain("`npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`");
    const named = noBrowserError({ found: false, explicit: { source: "config", path: "/nowhere/chrome" } });
    expect(hintOf(named)).toContain('`browser:` in protokoll.config.yaml names "/nowhere/chrome", which does not exist');
  });
});
