import { existsSync } from "node:fs";
import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { onInterrupt } from "../util/shutdown.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { launchBrowser } from "./browser.js";
import { countPages, finalizePdf, type PdfMeta } from "./pdf-bytes.js";
import { type PdfManifest, printHash, readManifest, writeManifest } from "./pdf-cache.js";

export interface PrintRequest {
  slug: string;
  html: string;
  /** Called only when `html` needs more than one page. */
  compactHtml: string | (() => string);
  meta: Omit<PdfMeta, "creator">;
  /** Absolute path of the PDF to write. */
  target: string;
}

export interface PrintOptions {
  outDir: string;
  concurrency: number;
  /** Tool version: part of the cache key and of /Creator. */
  version: string;
  /** Time limit for one deal's PDF (default 30 s). */
  timeoutMs?: number;
  /** Called after each finished PDF. */
  progress?: (done: number, total: number) => void;
  /** The `browser:` of the configuration (see findBrowser for the order). */
  browser?: string;
}

export interface PrintOutcome {
  printed: string[];
  unchanged: string[];
  /** Deals whose PDF needs more than one page even in the compact layout (the PDF is still written). */
  overflow: string[];
  failed: { slug: string; message: string }[];
  /** Deals that were being printed when the browser crashed (printed again after one restart, if possible). */
  crashed: string[];
  browserStarts: number;
  /** Requests the pages tried to make (all aborted): should always be empty. */
  blockedRequests: string[];
}

interface ManifestEntry {
  hash: string;
  overflow: boolean;
}

/**
 * Prints one A4 PDF per request, through one browser and a pool of reused pages. A PDF whose print HTML did
 * not change since the last build is not printed again; when nothing changed, no browser starts at all.
 * A crashed browser is restarted once and its unfinished deals retried; the browser is always closed.
 */
export async function printPdfs(requests: readonly PrintRequest[], options: PrintOptions): Promise<PrintOutcome> {
  const outcome: PrintOutcome = {
    printed: [],
    unchanged: [],
    overflow: [],
    failed: [],
    crashed: [],
    browserStarts: 0,
    blockedRequests: [],
  };
  const manifest = decode(await readManifest(options.outDir));
  const next: Record<string, ManifestEntry> = {};
  const due: { request: PrintRequest; hash: string }[] = [];
  for (const request of requests) {
    // The metadata (title with the draft mark, author, commit) is part of the file too.
    const hash = printHash(`${request.html}\0${JSON.stringify(request.meta)}`, options.version);
    const known = manifest[request.slug];
    if (known?.hash === hash && existsSync(request.target)) {
      outcome.unchanged.push(request.slug);
      if (known.overflow) outcome.overflow.push(request.slug);
      next[request.slug] = known;
    } else {
      due.push({ request, hash });
    }
  }

  let queue = due;
  let done = 0;
  for (let attempt = 0; attempt < 2 && queue.length > 0; attempt++) {
    const retry: typeof due = [];
    const browser = await launchBrowser({ configured: options.browser });
    outcome.browserStarts++;
    const forget = onInterrupt(() => closeBrowser(browser));
    let crashed = false;
    let closing = false;
    browser.on("disconnected", () => {
      if (!closing) crashed = true;
    });
    try {
      const pool = await Promise.all(
        Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, () => preparePage(browser, outcome)),
      );
      let index = 0;
      await Promise.all(
        pool.map(async (page) => {
          while (index < queue.length) {
            const job = queue[index++] as (typeof due)[number];
            try {
              const overflow = await withTimeout(
                printOne(page, job.request, options.version),
                options.timeoutMs ?? defaultTimeout(),
                job.request.slug,
              );
              outcome.printed.push(job.request.slug);
              if (overflow) outcome.overflow.push(job.request.slug);
              next[job.request.slug] = { hash: job.hash, overflow };
              done++;
              options.progress?.(done, due.length);
            } catch (error) {
              if (crashed) {
                retry.push(job);
                outcome.crashed.push(job.request.slug);
                continue;
              }
              outcome.failed.push({ slug: job.request.slug, message: describe(error) });
              if (error instanceof PrintTimeout) {
                // The page may still be busy with the slow job: give the worker a fresh one.
                await page.close().catch(() => undefined);
                page = await preparePage(browser, outcome);
              }
            }
          }
        }),
      );
    } catch (error) {
      if (!crashed) throw error;
      for (const job of queue) if (!(job.request.slug in next) && !retry.includes(job)) retry.push(job);
    } finally {
      closing = true;
      forget();
      await closeBrowser(browser);
    }
    queue = retry;
  }
  for (const job of queue)
    outcome.failed.push({ slug: job.request.slug, message: "The browser crashed twice while printing this deal." });

  await writeManifest(options.outDir, encode(next));
  return outcome;
}

async function preparePage(browser: Browser, outcome: PrintOutcome): Promise<Page> {
  const page = await browser.newPage();
  // Deal text is untrusted: no scripts, and no request leaves the page (fonts and styles are inline).
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") {
      void request.continue();
      return;
    }
    outcome.blockedRequests.push(url);
    void request.abort("blockedbyclient");
  });
  return page;
}

/** Prints normal, then compact if needed; returns whether it still overflows one page. */
async function printOne(page: Page, request: PrintRequest, version: string): Promise<boolean> {
  let pdf = await render(page, request.html);
  let overflow = countPages(pdf) > 1;
  if (overflow) {
    pdf = await render(page, typeof request.compactHtml === "function" ? request.compactHtml() : request.compactHtml);
    overflow = countPages(pdf) > 1;
  }
  await writeFileAtomic(request.target, await finalizePdf(pdf, { ...request.meta, creator: `protokoll ${version}` }));
  return overflow;
}

async function render(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: "load" });
  return page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, tagged: true, outline: false });
}

class PrintTimeout extends Error {}

/** 30 s per deal, or PROTOKOLL_PDF_TIMEOUT_MS (slow machines, tests). */
function defaultTimeout(): number {
  const fromEnv = Number(process.env.PROTOKOLL_PDF_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

function withTimeout<T>(work: Promise<T>, ms: number, slug: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PrintTimeout(`Printing took longer than ${Math.round(ms / 1000)} s (deal ${slug}).`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise((resolve) => {
    timer = setTimeout(resolve, 5_000);
  });
  await Promise.race([browser.close().catch(() => undefined), grace]);
  clearTimeout(timer);
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
}

function decode(manifest: PdfManifest): Record<string, ManifestEntry> {
  const result: Record<string, ManifestEntry> = Object.create(null);
  for (const [slug, value] of Object.entries(manifest)) {
    const [hash, flag] = value.split(":");
    if (hash) result[slug] = { hash, overflow: flag === "overflow" };
  }
  return result;
}

function encode(entries: Record<string, ManifestEntry>): PdfManifest {
  const result: PdfManifest = {};
  for (const [slug, entry] of Object.entries(entries)) result[slug] = entry.overflow ? `${entry.hash}:overflow` : entry.hash;
  return result;
}
