// What `protokoll serve` prints in the background: one PDF preview per deal, saved deals first.
import { t } from "../i18n/translate.js";
import type { PreviewPrinter } from "../pdf/preview-printer.js";
import type { Analysis, DealResult } from "../pipeline.js";
import type { PreviewView } from "../render/eleventy-plugin.js";
import { renderPrintHtml } from "../render/render-print-html.js";
import type { Language } from "../time/language.js";
import { inOut, outputLayout } from "../util/output-layout.js";

export interface PreviewQueueOptions {
  printer: PreviewPrinter;
  outDir: string;
  language: Language;
  log: (line: string) => void;
  /** The analysis previews are printed from: always the newest. */
  analysis: () => Analysis;
  /** Re-renders the pages of `deals`, whose preview state changed, in turn with the session's other work. */
  refresh: (deals: Set<string>) => Promise<void>;
  /** How long {@link PreviewQueue.printSaved} waits for a print (default {@link SAVED_PRINT_WAIT_MS}). */
  savedPrintWaitMs?: number;
}

/** No preview is printed until the deals have been quiet this long (typing, an editor's several writes). */
const PRINT_DEBOUNCE_MS = 150;
/** How long a save's update waits for its deal's preview before leaving it to the queue. */
const SAVED_PRINT_WAIT_MS = 3000;
/** Background previews (the ones nobody saved) refresh their pages in batches of this many. */
const PAGE_REFRESH_BATCH = 25;

/**
 * The deals' PDF previews, printed one at a time on one warm browser page, debounced while the deals change:
 * saved deals first, then the rest in the background. Each deal page reads its preview's state from `previews`.
 */
export class PreviewQueue {
  /** Per deal slug: pending, fits on one page, too long, or failed; what the deal page says about its PDF. */
  readonly previews: Record<string, PreviewView> = Object.create(null);
  readonly #options: PreviewQueueOptions;
  /** Slugs to print: saved ones first. */
  readonly #urgent = new Set<string>();
  readonly #background = new Set<string>();
  readonly #generation = new Map<string, number>();
  readonly #refresh = new Set<string>();
  #quietUntil = 0;
  #printing: Promise<void> | undefined;
  /** The print under way (see #printAlone). */
  #turn: Promise<void> = Promise.resolve();
  #printedInBackground = 0;
  #stopped = false;

  constructor(options: PreviewQueueOptions) {
    this.#options = options;
  }

  /** Requests the pages tried to make while printing previews (all aborted): should stay empty. */
  get blockedRequests(): readonly string[] {
    return this.#options.printer.blockedRequests;
  }

  /** The deals are changing: nothing is printed until they have been quiet for a moment. */
  holdOff(): void {
    this.#quietUntil = Date.now() + PRINT_DEBOUNCE_MS;
  }

  /** Marks the deal's preview pending and queues it; a saved (`urgent`) deal goes before the background ones. */
  queue(slug: string, urgent: boolean): void {
    this.#generation.set(slug, (this.#generation.get(slug) ?? 0) + 1);
    this.previews[slug] = { state: "pending", text: t(this.#options.language, "serve.previewPending") };
    if (urgent) {
      this.#background.delete(slug);
      this.#urgent.add(slug);
    } else if (!this.#urgent.has(slug)) this.#background.add(slug);
  }

  /** The deal has no preview to show (it no longer builds). */
  dropPreview(slug: string): void {
    delete this.previews[slug];
  }

  /** The deal is gone: no preview, nothing to print. */
  remove(slug: string): void {
    delete this.previews[slug];
    this.#urgent.delete(slug);
    this.#background.delete(slug);
  }

  /** Prints queued previews one by one on the warm page, waiting for the deals to be quiet first. */
  run(): Promise<void> {
    this.#printing ??= this.#printQueued().finally(() => {
      this.#printing = undefined;
    });
    return this.#printing;
  }

  /** Stops printing: closes the printer and waits for the print under way. */
  async close(): Promise<void> {
    this.#stopped = true;
    await this.#options.printer.close();
    await this.#printing?.catch(() => undefined);
  }

  async #printQueued(): Promise<void> {
    while (!this.#stopped) {
      const wait = this.#quietUntil - Date.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      const urgent = this.#urgent.values().next();
      const slug = urgent.done ? this.#background.values().next().value : urgent.value;
      if (slug === undefined) break;
      this.#urgent.delete(slug);
      this.#background.delete(slug);
      await this.#printAlone(slug, !urgent.done);
      if (!urgent.done || this.#refresh.size >= PAGE_REFRESH_BATCH || this.#background.size === 0) {
        await this.#refreshPages();
      }
    }
    await this.#refreshPages();
  }

  /**
   * Prints the saved deals' previews now, in the update of their save, before anything else is rendered: the
   * writer waits for their page and its preview, not for the overview pages. The saved deals are taken from the
   * queue at once (its loop must not print them beside the overview rendering), then printed after the quiet
   * period following the save and any print under way. A further save during the wait gives them back to the
   * queue, and so does a print that takes longer than {@link SAVED_PRINT_WAIT_MS} (a browser that does not answer
   * must not hold up the overview pages and every later save): the next update never waits for this one's print.
   * Returns the deals whose page must be rendered again.
   */
  async printSaved(): Promise<Set<string>> {
    const done = new Set<string>();
    const claimed = [...this.#urgent];
    for (const slug of claimed) this.#urgent.delete(slug);
    const giveBack = (slugs: readonly string[]) => {
      for (const slug of slugs) if (!this.#stopped && !done.has(slug)) this.#urgent.add(slug);
      void this.run();
    };
    const quiet = this.#quietUntil;
    const wait = quiet - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    for (const [index, slug] of claimed.entries()) {
      if (this.#stopped) break;
      if (this.#quietUntil !== quiet) {
        giveBack(claimed.slice(index));
        break;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), this.#options.savedPrintWaitMs ?? SAVED_PRINT_WAIT_MS);
      });
      const generation = this.#generation.get(slug);
      const printed = this.#printAlone(slug, true).then(
        () => "printed" as const,
        (error: unknown) => {
          // A print that failed before the printer was asked (the print view): said on the page, like a failed
          // print — unless the deal was saved again meanwhile (its next print decides).
          if (this.#generation.get(slug) !== generation) return "printed" as const;
          const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
          this.previews[slug] = { state: "failed", text: t(this.#options.language, "serve.previewFailed", { reason }) };
          this.#refresh.add(slug);
          return "printed" as const;
        },
      );
      const outcome = await Promise.race([printed, late]);
      clearTimeout(timer);
      if (outcome === "late") {
        // Still printing: its page is refreshed by the queue once it is done (the loop refreshes when it ends).
        giveBack(claimed.slice(index + 1));
        void printed.then(() => this.run());
        break;
      }
      if (this.#refresh.delete(slug)) done.add(slug);
    }
    return done;
  }

  /** One print at a time on the one page: the queue's loop and {@link printSaved} take turns. */
  #printAlone(slug: string, urgent: boolean): Promise<void> {
    const print = this.#turn.then(() => this.#printOne(slug, urgent));
    this.#turn = print.catch(() => undefined);
    return print;
  }

  async #printOne(slug: string, urgent: boolean): Promise<void> {
    const analysis = this.#options.analysis();
    const result = analysis.deals.find(
      (d): d is DealResult & { deal: NonNullable<DealResult["deal"]> } => d.slug === slug && !!d.deal,
    );
    if (!result) return;
    const generation = this.#generation.get(slug);
    const started = performance.now();
    const [doc] = await renderPrintHtml({ ...analysis, deals: [result] });
    if (!doc) return;
    const { language } = this.#options;
    let preview: PreviewView;
    try {
      const target = inOut(this.#options.outDir, outputLayout.dealFile(slug, "pdf"));
      const { pages, length } = await this.#options.printer.print({ ...doc, target });
      preview =
        pages === 1
          ? { state: "fits", text: t(language, "serve.previewFits"), pages }
          : {
              state: "long",
              text: t(language, "serve.previewLong", {
                pages: length.toLocaleString(language === "de" ? "de-DE" : "en-GB", {
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1,
                }),
              }),
              pages,
            };
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      preview = { state: "failed", text: t(language, "serve.previewFailed", { reason }) };
    }
    // Saved again while printing: the newer version is queued already; this print is not its preview.
    if (this.#generation.get(slug) !== generation) return;
    this.previews[slug] = preview;
    this.#refresh.add(slug);
    if (urgent) {
      this.#options.log(
        t(this.#options.language, "serve.printed", {
          file: result.file,
          status: preview.text,
          ms: Math.round(performance.now() - started),
        }),
      );
    } else this.#printedInBackground++;
  }

  /** Re-renders the deal pages whose preview state changed (the deal template alone). */
  async #refreshPages(): Promise<void> {
    if (this.#refresh.size === 0 || this.#stopped) return;
    const deals = new Set(this.#refresh);
    this.#refresh.clear();
    await this.#options.refresh(deals);
    if (this.#background.size === 0 && this.#printedInBackground > 0) {
      this.#options.log(t(this.#options.language, "serve.previewsDone", { n: this.#printedInBackground }));
      this.#printedInBackground = 0;
    }
  }
}
