// The live print preview of `serve`: one browser and one page, kept warm between saves.
import type { Browser, Page } from "puppeteer-core";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { launchBrowser } from "./browser.js";
import { countPages, finalizePdf } from "./pdf-bytes.js";
import { closeBrowser, type PrintRequest, preparePage, render } from "./print-pdfs.js";

/** What one preview print found. */
export interface PreviewPrint {
  /** Pages of the PDF written (after the compact layout was tried, as `build` does). */
  pages: number;
  /**
   * How long the protocol is, in A4 pages, to one decimal: 1 when it fits; above 1 the measured height of the
   * printed layout over one page's height, kept within (pages − 1, pages].
   */
  length: number;
}

/** A4 at 96 CSS pixels per inch. */
const A4 = { width: 794, height: 1123 };

/**
 * Prints previews one at a time through one browser page that stays open, so a save costs one print (30–80 ms)
 * instead of a browser start. The page is prepared like every print page (no script, every request aborted) and
 * the browser starts with the same hardened flags; it is started on the first print and again after a crash.
 */
export class PreviewPrinter {
  readonly #version: string;
  readonly #browserPath: string | undefined;
  #browser: Browser | undefined;
  #page: Page | undefined;
  #closed = false;
  /** Every request a preview page tried to make (all aborted). */
  readonly blockedRequests: string[] = [];
  /** How often a browser was started. */
  browserStarts = 0;

  constructor(options: { version: string; browser?: string }) {
    this.#version = options.version;
    this.#browserPath = options.browser;
  }

  /** Prints `request` to its target (normal layout, compact when that needs a second page). */
  async print(request: PrintRequest): Promise<PreviewPrint> {
    const page = await this.#warmPage();
    try {
      let pdf = await render(page, request.html);
      let pages = countPages(pdf);
      if (pages > 1) {
        pdf = await render(page, typeof request.compactHtml === "function" ? request.compactHtml() : request.compactHtml);
        pages = countPages(pdf);
      }
      const length = pages === 1 ? 1 : await this.#measure(page, pages);
      await writeFileAtomic(request.target, await finalizePdf(pdf, { ...request.meta, creator: `protokoll ${this.#version}` }));
      return { pages, length };
    } catch (error) {
      // A crashed or confused browser is replaced on the next print.
      await this.#drop();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#drop();
  }

  async #warmPage(): Promise<Page> {
    if (this.#closed) throw new Error("The preview printer is closed.");
    if (this.#page && this.#browser?.connected) return this.#page;
    await this.#drop();
    const browser = await launchBrowser({ configured: this.#browserPath });
    this.browserStarts++;
    // Closed while the browser was starting: it must not outlive the printer.
    if (this.#closed) {
      await closeBrowser(browser);
      throw new Error("The preview printer is closed.");
    }
    this.#browser = browser;
    this.#page = await preparePage(this.#browser, this);
    return this.#page;
  }

  /** The printed layout's height in A4 pages, measured on the page just printed (print media, A4 width). */
  async #measure(page: Page, pages: number): Promise<number> {
    try {
      await page.setViewport({ width: A4.width, height: A4.height });
      await page.emulateMediaType("print");
      const height = Number(await page.evaluate("document.documentElement.scrollHeight"));
      await page.emulateMediaType(undefined);
      const measured = Math.round((height / A4.height) * 10) / 10;
      return Math.min(pages, Math.max(pages - 1 + 0.1, measured));
    } catch {
      return pages;
    }
  }

  async #drop(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    this.#page = undefined;
    if (browser) await closeBrowser(browser);
  }
}
