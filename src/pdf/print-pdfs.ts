import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { type Phrase, phrase } from "../i18n/translate.js";
import { isDiskFull } from "../util/disk-full.js";
import { mapLimit } from "../util/map-limit.js";
import { removeGuarded } from "../util/output-guard.js";
import type { Shard } from "../util/shard.js";
import { onInterrupt } from "../util/shutdown.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { launchBrowser } from "./browser.js";
import { countPages, finalizePdf, type PdfMeta } from "./pdf-bytes.js";
import {
  bytesHash,
  decodeManifest,
  encodeManifest,
  fileHasHash,
  type ManifestEntry,
  printHash,
  readManifest,
  writeManifest,
} from "./pdf-cache.js";
import { PRINT_BUDGET, printSize } from "./print-budget.js";
import { keptOutcome, type PrintOutcome } from "./print-outcome.js";

export type { PrintOutcome };
export { PRINT_BUDGET, printSize };

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
  /** The output folder's state folder, where the PDF cache is kept (src/util/cache-folder.ts). */
  stateDir: string;
  /** The cache key (src/util/machine-key.ts): without it no PDF is taken for unchanged, every one is printed. */
  secret?: Buffer;
  concurrency: number;
  /** Tool version: part of the cache key and of /Creator. */
  version: string;
  /**
   * What else of the tool decides a PDF's bytes besides its print HTML — the code fingerprint
   * (src/util/code-fingerprint.ts): part of the cache key only. Without it a fix in how a PDF is finished (the
   * draft watermark made an Artifact) stayed hidden behind PDFs cached before it, the version number unchanged.
   */
  code?: string;
  /** Time limit for one deal's PDF (default 30 s). */
  timeoutMs?: number;
  /** Called after each finished PDF. */
  progress?: (done: number, total: number) => void;
  /** The `browser:` of the configuration (see findBrowser for the order). */
  browser?: string;
  /**
   * Called before a deal's PDF file is replaced or removed: files that embed the old PDF (the mail draft)
   * must go first, so that at no moment — not after a kill, not on a full disk — one attaches another PDF.
   */
  beforeReplace?: (request: PrintRequest) => Promise<void>;
  /**
   * Deals whose PDF the caller found unchanged without their print HTML (the build's output manifest keys each
   * by what its print HTML is made of, and verified the file): kept as they are, with their cache entry.
   */
  kept?: ReadonlyMap<string, ManifestEntry>;
  /** Every deal's slug in deal order, when `kept` has some: the order of `unchanged`. */
  order?: readonly string[];
  /** A shard's build (`build --shard`): the PDF cache goes to the shard's own file. */
  shard?: Shard;
}

/**
 * Prints one A4 PDF per request, through one browser and a pool of reused pages. A PDF whose print HTML did
 * not change since the last build is not printed again; when nothing changed, no browser starts at all.
 * A crashed browser is restarted once and its unfinished deals retried; the browser is always closed.
 */
export async function printPdfs(requests: readonly PrintRequest[], options: PrintOptions): Promise<PrintOutcome> {
  const kept = options.kept ?? new Map<string, ManifestEntry>();
  const outcome = keptOutcome(kept);
  const manifest = decodeManifest(await readManifest(options.stateDir, options.secret));
  const next: Record<string, ManifestEntry> = Object.fromEntries(kept);
  const due: { request: PrintRequest; hash: string }[] = [];
  const candidates: { request: PrintRequest; hash: string }[] = [];
  for (const request of requests) {
    const size = printSize(request.html);
    if (size.characters > PRINT_BUDGET.characters || size.blocks > PRINT_BUDGET.blocks) {
      outcome.tooLong.push({ slug: request.slug, ...size });
      continue;
    }
    // The metadata (title with the draft mark, author, commit) is part of the file too.
    candidates.push({
      request,
      hash: printHash(`${request.html}\0${JSON.stringify(request.meta)}`, `${options.version}\0${options.code ?? ""}`),
    });
  }
  // "Unchanged" needs both: the same print input as recorded, and the file on disk with the recorded bytes.
  // The file is checked, not assumed: an interrupted build may have left another deal version's PDF there.
  await mapLimit(candidates, 8, async (candidate) => {
    const known = manifest[candidate.request.slug];
    if (known?.hash === candidate.hash && (await fileHasHash(candidate.request.target, known.pdf))) {
      outcome.unchanged.push(candidate.request.slug);
      if (known.overflow) outcome.overflow.push(candidate.request.slug);
      outcome.pdfHashes.set(candidate.request.slug, known.pdf);
      next[candidate.request.slug] = known;
    } else {
      due.push(candidate);
    }
  });
  const order = new Map((options.order ?? requests.map((r) => r.slug)).map((slug, i) => [slug, i]));
  outcome.unchanged.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  due.sort((a, b) => (order.get(a.request.slug) ?? 0) - (order.get(b.request.slug) ?? 0));

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
              const { overflow, pdf } = await withTimeout(
                printOne(page, job.request, options),
                options.timeoutMs ?? defaultTimeout(),
                job.request.slug,
              );
              outcome.printed.push(job.request.slug);
              if (overflow) outcome.overflow.push(job.request.slug);
              outcome.pdfHashes.set(job.request.slug, pdf);
              next[job.request.slug] = { hash: job.hash, pdf, overflow };
              done++;
              options.progress?.(done, due.length);
            } catch (error) {
              // A full disk fails every deal alike: stop, and let the build say so once.
              if (isDiskFull(error)) throw error;
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
      if (!crashed || isDiskFull(error)) throw error;
      for (const job of queue) if (!(job.request.slug in next) && !retry.includes(job)) retry.push(job);
    } finally {
      closing = true;
      forget();
      await closeBrowser(browser);
    }
    queue = retry;
  }
  for (const job of queue) outcome.failed.push({ slug: job.request.slug, message: phrase("pdf.crashedTwice") });

  // A deal without a PDF of this version keeps none of an older one: beside this version's page and mail, an
  // old PDF would be sent as if it were current.
  const bySlug = new Map(requests.map((r) => [r.slug, r]));
  for (const slug of [...outcome.failed.map((f) => f.slug), ...outcome.tooLong.map((t) => t.slug)]) {
    const request = bySlug.get(slug);
    if (!request) continue;
    await options.beforeReplace?.(request);
    await removeGuarded(request.target);
  }
  await writeManifest(options.stateDir, options.secret, encodeManifest(next), options.shard);
  return outcome;
}

/** A fresh page that runs no script and lets no request leave it; what it tried to fetch goes to `blockedRequests`. */
export async function preparePage(browser: Browser, outcome: Pick<PrintOutcome, "blockedRequests">): Promise<Page> {
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

/** Prints normal, then compact if needed; returns whether it still overflows one page, and the PDF's hash. */
async function printOne(page: Page, request: PrintRequest, options: PrintOptions): Promise<{ overflow: boolean; pdf: string }> {
  let pdf = await render(page, request.html);
  let overflow = countPages(pdf) > 1;
  if (overflow) {
    pdf = await render(page, typeof request.compactHtml === "function" ? request.compactHtml() : request.compactHtml);
    overflow = countPages(pdf) > 1;
  }
  const bytes = await finalizePdf(pdf, { ...request.meta, creator: `protokoll ${options.version}` });
  await options.beforeReplace?.(request);
  await writeFileAtomic(request.target, bytes);
  return { overflow, pdf: bytesHash(bytes) };
}

/** One document to A4 PDF bytes on a prepared page, with the options every protokoll PDF is printed with. */
export async function render(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: "load" });
  return page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, tagged: true, outline: false });
}

class PrintTimeout extends Error {
  constructor(
    readonly seconds: number,
    slug: string,
  ) {
    super(`Printing took longer than ${seconds} s (deal ${slug}).`);
  }
}

/** 30 s per deal, or PROTOKOLL_PDF_TIMEOUT_MS (slow machines, tests). */
function defaultTimeout(): number {
  const fromEnv = Number(process.env.PROTOKOLL_PDF_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

function withTimeout<T>(work: Promise<T>, ms: number, slug: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintTimeout(Math.round(ms / 1000), slug)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Closes the browser, and kills it when it does not close within 5 s. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise((resolve) => {
    timer = setTimeout(resolve, 5_000);
  });
  await Promise.race([browser.close().catch(() => undefined), grace]);
  clearTimeout(timer);
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

function describe(error: unknown): Phrase | string {
  if (error instanceof PrintTimeout) return phrase("pdf.timeout", { seconds: error.seconds });
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
}
