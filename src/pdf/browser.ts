import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { Browser as BrowserName, Cache } from "@puppeteer/browsers";
import puppeteer, { type Browser } from "puppeteer-core";
import { ProtokollError } from "../errors.js";
import { phrase } from "../i18n/translate.js";

/**
 * Flags for a headless Chromium that prints and does nothing else. The pages cannot fetch anything (every
 * request is aborted in print-pdfs.ts); these keep the browser's own background services quiet too — on a
 * closed network they stall start-up, on an open one they phone home. Whatever slips through finds no name
 * resolved and no proxy answering, and Chromium runs in a network namespace of its own where the system
 * allows it (see {@link launchBrowser}).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-domain-reliability",
  "--disable-client-side-phishing-detection",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-breakpad",
  "--metrics-recording-only",
  "--no-pings",
  "--no-first-run",
  "--no-default-browser-check",
  "--no-service-autorun",
  "--dns-prefetch-disable",
  // Puppeteer merges these with its own list (Translate, MediaRouter, OptimizationHints, …).
  `--disable-features=${[
    "OptimizationHints",
    "OptimizationGuideModelDownloading",
    "MediaRouter",
    "DialMediaRouteProvider",
    "Translate",
    "AutofillServerCommunication",
    "CertificateTransparencyComponentUpdater",
    "NetworkTimeServiceQuerying",
    "AsyncDns",
    "DnsOverHttps",
    "NetworkPrediction",
    "InterestFeedContentSuggestions",
    "PrivacySandboxSettings4",
  ].join(",")}`,
  // No host name resolves, and what is not a host name goes to a proxy on the discard port that is never there.
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--proxy-server=127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
  "--mute-audio",
  "--font-render-hinting=none",
];

/** Where Chrome and Chromium are installed by the system's package manager or installer, per platform. */
export function systemBrowserPaths(platform: NodeJS.Platform = process.platform, env = process.env): string[] {
  if (platform === "darwin") {
    const apps = ["Google Chrome", "Chromium", "Google Chrome for Testing", "Microsoft Edge"].map(
      (name) => `/Applications/${name}.app/Contents/MacOS/${name}`,
    );
    return [...apps, ...(env.HOME ? apps.map((app) => path.join(env.HOME as string, app)) : [])];
  }
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA, "C:\\Program Files"].filter(
      (root): root is string => Boolean(root),
    );
    return [...new Set(roots)].flatMap((root) => [
      path.win32.join(root, "Google", "Chrome", "Application", "chrome.exe"),
      path.win32.join(root, "Chromium", "Application", "chrome.exe"),
      path.win32.join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
    ]);
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/lib/chromium/chromium",
    "/snap/bin/chromium",
    "/opt/google/chrome/chrome",
  ];
}

/** Puppeteer's own download folder (`npx @puppeteer/browsers install …`, or an earlier `puppeteer` install). */
export function puppeteerCacheDir(env = process.env): string {
  return env.PUPPETEER_CACHE_DIR || path.join(env.HOME || env.USERPROFILE || homedir(), ".cache", "puppeteer");
}

export type BrowserSource = "PUPPETEER_EXECUTABLE_PATH" | "config" | "system" | "puppeteer-cache";

export type BrowserSearch =
  | { found: true; path: string; source: BrowserSource }
  /** `explicit`: the browser was named (environment or config) and is not there: nothing else is tried. */
  | { found: false; explicit?: { source: BrowserSource; path: string } };

export interface BrowserSearchOptions {
  /** `browser:` from protokoll.config.yaml, already resolved against the config's folder. */
  configured?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
}

/**
 * Which browser prints the PDFs, in this order: `PUPPETEER_EXECUTABLE_PATH`, the `browser:` config key, a
 * system Chrome or Chromium in the usual places, Puppeteer's cache. protokoll depends on puppeteer-core, which
 * never downloads a browser, so installing protokoll works on closed networks; a browser named explicitly
 * that does not exist is reported as such, never silently replaced by another one.
 */
export function findBrowser(options: BrowserSearchOptions = {}): BrowserSearch {
  const env = options.env ?? process.env;
  const exists = options.exists ?? ((file: string) => existsSync(file));
  const named: [BrowserSource, string | undefined][] = [
    ["PUPPETEER_EXECUTABLE_PATH", env.PUPPETEER_EXECUTABLE_PATH || undefined],
    ["config", options.configured],
  ];
  for (const [source, file] of named) {
    if (file) return exists(file) ? { found: true, path: file, source } : { found: false, explicit: { source, path: file } };
  }
  const system = systemBrowserPaths(options.platform, env).find((file) => exists(file));
  if (system) return { found: true, path: system, source: "system" };
  const cached = cachedBrowser(puppeteerCacheDir(env), exists);
  if (cached) return { found: true, path: cached, source: "puppeteer-cache" };
  return { found: false };
}

/** The newest Chrome (or headless shell) in Puppeteer's cache, if any. */
function cachedBrowser(cacheDir: string, exists: (file: string) => boolean): string | undefined {
  if (!exists(cacheDir)) return undefined;
  try {
    const installed = new Cache(cacheDir)
      .getInstalledBrowsers()
      .filter((b) => b.browser === BrowserName.CHROME || b.browser === BrowserName.CHROMEHEADLESSSHELL)
      .sort((a, b) => b.buildId.localeCompare(a.buildId, "en", { numeric: true }));
    return installed.map((b) => b.executablePath).find((file) => exists(file));
  } catch {
    // An unreadable cache is no browser.
    return undefined;
  }
}

/** The browser's path, or undefined when none is found (for tools and tests that launch one themselves). */
export function browserExecutable(options: BrowserSearchOptions = {}): string | undefined {
  const search = findBrowser(options);
  return search.found ? search.path : undefined;
}

/** The one command that gets a browser onto this machine (network to Google's download servers needed). */
export const INSTALL_BROWSER_COMMAND = "npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer";

/** Why no browser was found, and the fix. */
export function noBrowserError(search: BrowserSearch & { found: false }, cause?: unknown): ProtokollError {
  const named = search.explicit
    ? phrase("pdf.namedMissing", {
        what: search.explicit.source === "config" ? "`browser:` in protokoll.config.yaml" : "PUPPETEER_EXECUTABLE_PATH",
        path: search.explicit.path,
      })
    : "";
  return new ProtokollError(
    phrase("pdf.noChromium"),
    phrase("pdf.noChromiumHint", { command: INSTALL_BROWSER_COMMAND, named }),
    cause === undefined ? undefined : { cause },
  );
}

/**
 * How to put Chromium into a network namespace of its own (only a loopback interface that is down), so no
 * packet can leave even if a background service ignores every flag: `unshare --net` as root (CI containers),
 * `unshare --map-root-user --net` where unprivileged user namespaces are allowed; undefined elsewhere, and
 * then the flags above are the only layer. Probed once per process.
 */
let namespace: { unshare: string; flags: string[] } | null | undefined;
export function networkNamespace(): { unshare: string; flags: string[] } | undefined {
  if (namespace === undefined) {
    namespace = null;
    const unshare = ["/usr/bin/unshare", "/bin/unshare"].find((candidate) => existsSync(candidate));
    if (unshare && process.platform === "linux" && process.env.PROTOKOLL_BROWSER_NETNS !== "off") {
      for (const flags of [["--net"], ["--map-root-user", "--net"]]) {
        const probe = spawnSync(unshare, [...flags, "true"], { stdio: "ignore", timeout: 5_000 });
        if (probe.status === 0) {
          namespace = { unshare, flags };
          break;
        }
      }
    }
  }
  return namespace ?? undefined;
}

/**
 * Time limit for starting the browser and for every single DevTools call (new page, set content, print,
 * close): 30 s, or PROTOKOLL_BROWSER_TIMEOUT_MS. A browser that never answers — hung, or a wrong binary that
 * just sleeps — ends the build with a clear error instead of hanging it forever.
 */
export function browserTimeout(env = process.env): number {
  const fromEnv = Number(env.PROTOKOLL_BROWSER_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

/** Starts the browser, or explains how to get one. */
export async function launchBrowser(options: BrowserSearchOptions = {}): Promise<Browser> {
  const search = findBrowser(options);
  if (!search.found) throw noBrowserError(search);
  const executablePath = search.path;
  const limit = browserTimeout(options.env);
  try {
    const isolate = networkNamespace();
    // In a namespace, `unshare` runs first and execs the browser (same pid, same pipe): Puppeteer's default
    // arguments are computed here and passed after the browser's path.
    const launch = isolate
      ? {
          executablePath: isolate.unshare,
          ignoreDefaultArgs: true,
          args: [...isolate.flags, "--", executablePath, ...puppeteer.defaultArgs({ headless: true, args: [...CHROMIUM_ARGS] })],
        }
      : { args: CHROMIUM_ARGS, executablePath };
    return await puppeteer.launch({
      // Both bound the start; protocolTimeout also bounds every later call on this browser and its pages.
      timeout: limit,
      protocolTimeout: limit,
      headless: true,
      // Talk over a pipe, not a port: nothing listens on the network, and when protokoll dies, even by
      // SIGKILL, the pipe closes and Chromium exits with it instead of lingering as an orphan.
      pipe: true,
      ...launch,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/timed out|Timed out/.test(message)) {
      throw new ProtokollError(
        phrase("pdf.noAnswer", { path: executablePath, seconds: Math.round(limit / 1000) }),
        phrase("pdf.noAnswerHint"),
        { cause: error },
      );
    }
    throw new ProtokollError(
      phrase("pdf.didNotStart", { path: executablePath, detail: message.split("\n")[0] ?? "" }),
      phrase("pdf.didNotStartHint"),
      { cause: error },
    );
  }
}
