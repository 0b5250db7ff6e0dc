// What `protokoll serve` keeps running: the analysis, the pages written, the live server and the preview printer.
import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/load-config.js";
import { plural, t } from "../i18n/translate.js";
import type { GitFacts } from "../model/deal.js";
import { PreviewPrinter } from "../pdf/preview-printer.js";
import { LiveAnalysis } from "../pipeline/live-analysis.js";
import type { Analysis, DealResult } from "../pipeline.js";
import { assembleSite, type SiteView } from "../render/assemble-site.js";
import type { PreviewView, SiteFlags } from "../render/eleventy-plugin.js";
import { TEMPLATES_DIR } from "../render/package-templates.js";
import { type PageSelection, type RenderedPage, renderPages } from "../render/render-pages.js";
import { renderPrintHtml } from "../render/render-print-html.js";
import { type LiveServer, startLiveServer } from "../render/serve-site.js";
import { formatFinding } from "../report/format-text.js";
import type { Language } from "../time/language.js";
import type { PlainDate } from "../time/plain-date.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";

export interface SessionOptions {
  dealsDir: string;
  outDir: string;
  port: number;
  config: Config;
  language: Language;
  version: string;
  today: () => PlainDate;
  git?: ReadonlyMap<string, GitFacts & { pushedBack?: Record<string, number> }>;
  log: (line: string) => void;
}

/** Saves closer together than this are one update. */
const SAVE_SETTLE_MS = 30;
/** No preview is printed until the deals have been quiet this long (typing, an editor's several writes). */
const PRINT_DEBOUNCE_MS = 150;
/** Background previews (the ones nobody saved) refresh their pages in batches of this many. */
const PAGE_REFRESH_BATCH = 25;

/**
 * `serve` after the first build: a save re-analyses the saved file only, re-renders its page and the overview
 * pages (the index, owner, filter and upcoming pages list every deal), writes the pages whose bytes changed and
 * reloads the browser with them. Then, debounced, the deal's PDF is printed on one warm browser page and its
 * page says whether the protocol fits on one page. Deals nobody saved are printed in the background, saved ones
 * first. All work runs one step at a time, so pages are never written from two analyses at once.
 */
export class ServeSession {
  readonly #options: SessionOptions;
  readonly #live: LiveAnalysis;
  readonly #printer: PreviewPrinter;
  readonly #previews: Record<string, PreviewView> = Object.create(null);
  /** Absolute path → hash of the bytes last written, so an unchanged page is not written (or reloaded) again. */
  readonly #written = new Map<string, string>();
  /** Pages the last overview render wrote: one it no longer writes (an owner gone) is removed. */
  #overviewFiles = new Set<string>();
  #analysis: Analysis | undefined;
  #view: SiteView | undefined;
  #server: LiveServer | undefined;
  readonly #watchers: FSWatcher[] = [];
  #work: Promise<void> = Promise.resolve();
  #touched = new Set<string>();
  #templatesTouched = false;
  #settle: NodeJS.Timeout | undefined;
  /** Slugs to print: saved ones first. */
  readonly #urgent = new Set<string>();
  readonly #background = new Set<string>();
  readonly #generation = new Map<string, number>();
  readonly #refresh = new Set<string>();
  #quietUntil = 0;
  #printing: Promise<void> | undefined;
  #printedInBackground = 0;
  #stopped = false;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#live = new LiveAnalysis({
      dealsDir: options.dealsDir,
      today: options.today(),
      config: options.config,
      git: options.git,
    });
    this.#printer = new PreviewPrinter({ version: options.version, browser: options.config.browser });
  }

  /** The first build (every page), then the server and the watchers. */
  async start(): Promise<void> {
    const { analysis } = await this.#live.update();
    this.#apply(analysis);
    const { errors, warnings } = analysis.summary;
    this.#logErrors(analysis.deals);
    this.#options.log(
      t(this.#options.language, "serve.rebuilt", {
        deals: plural(analysis.deals.length, "n.deal"),
        errors: plural(errors, "n.error"),
        warnings: plural(warnings, "n.warning"),
      }),
    );
    for (const result of analysis.deals) if (result.deal) this.#queue(result.slug, false);
    await this.#renderAndWrite({ deals: new Set(analysis.deals.map((d) => d.slug)), overview: true });
    this.#server = await startLiveServer(this.#options.outDir, this.#options.port);
    const deals = path.resolve(this.#options.dealsDir);
    this.#watchers.push(
      watch(deals, { recursive: true }, (_event, name) => {
        if (name) this.#touched.add(path.join(deals, name.toString()));
        this.#scheduleUpdate();
      }),
      // Someone working on protokoll's own templates: everything is rendered and printed again.
      watch(TEMPLATES_DIR, { recursive: true }, () => {
        this.#templatesTouched = true;
        this.#scheduleUpdate();
      }),
    );
    void this.#printLoop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#settle);
    for (const watcher of this.#watchers) watcher.close();
    await this.#printer.close();
    await this.#printing?.catch(() => undefined);
    await this.#work.catch(() => undefined);
    await this.#server?.close();
  }

  /** Requests the pages tried to make while printing previews (all aborted): should stay empty. */
  get blockedRequests(): readonly string[] {
    return this.#printer.blockedRequests;
  }

  #scheduleUpdate(): void {
    this.#quietUntil = Date.now() + PRINT_DEBOUNCE_MS;
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => this.#enqueue(() => this.#update()), SAVE_SETTLE_MS);
  }

  /** Runs `step` after every step before it; a failed step is logged and the server goes on. */
  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#work = this.#work.then(step).catch((error: unknown) => {
      this.#options.log(error instanceof Error ? error.message : String(error));
    });
    return this.#work;
  }

  async #update(): Promise<void> {
    if (this.#stopped) return;
    const started = performance.now();
    const touched = this.#touched;
    const everything = this.#templatesTouched;
    this.#touched = new Set();
    this.#templatesTouched = false;
    const { analysis, changed, removed } = await this.#live.update(everything ? undefined : touched, this.#options.today());
    if (changed.length === 0 && removed.length === 0 && !everything) return;
    this.#apply(analysis);
    for (const gone of removed) await this.#removeDeal(gone.slug);
    for (const result of changed) {
      if (result.deal) this.#queue(result.slug, true);
      else delete this.#previews[result.slug];
    }
    // Before the pages: whoever sees the page change finds the reason in the log already.
    this.#logErrors(changed);
    const deals = new Set((everything ? analysis.deals : changed).map((d) => d.slug));
    const pages = await this.#renderAndWrite({ deals, overview: true });
    const { errors, warnings } = analysis.summary;
    this.#options.log(
      t(this.#options.language, "serve.updated", {
        files: (changed.length + removed.length > 0 ? [...changed, ...removed].map((d) => d.file) : ["templates/"]).join(", "),
        pages: plural(pages, "n.page"),
        ms: Math.round(performance.now() - started),
        errors: plural(errors, "n.error"),
        warnings: plural(warnings, "n.warning"),
      }),
    );
    this.#quietUntil = Date.now() + PRINT_DEBOUNCE_MS;
    void this.#printLoop();
  }

  #apply(analysis: Analysis): void {
    this.#analysis = analysis;
    this.#view = assembleSite(analysis);
  }

  #flags(): SiteFlags {
    return { pdfs: {}, extras: false, previews: this.#previews };
  }

  /** Renders the selection, writes the pages whose bytes changed, reloads the browser with them. */
  async #renderAndWrite(selection: PageSelection): Promise<number> {
    const view = this.#view as SiteView;
    const pages = await renderPages(view, this.#flags(), this.#options.outDir, selection);
    const changed = await this.#write(pages);
    if (selection.overview) {
      const dealPages = path.join(this.#options.outDir, "deals") + path.sep;
      const overview = new Set(pages.map((p) => p.file).filter((file) => !file.startsWith(dealPages)));
      for (const file of this.#overviewFiles) {
        if (overview.has(file)) continue;
        await rm(file, { force: true });
        this.#written.delete(file);
        changed.push(file);
      }
      this.#overviewFiles = overview;
    }
    this.#server?.reload(changed);
    return pages.length;
  }

  async #write(pages: readonly RenderedPage[]): Promise<string[]> {
    const changed: string[] = [];
    for (const page of pages) {
      const hash = createHash("sha256").update(page.content).digest("hex");
      if (this.#written.get(page.file) === hash) continue;
      await writeFileAtomic(page.file, page.content);
      this.#written.set(page.file, hash);
      changed.push(page.file);
    }
    return changed;
  }

  async #removeDeal(slug: string): Promise<void> {
    const folder = path.join(this.#options.outDir, "deals", slug);
    await rm(folder, { recursive: true, force: true });
    for (const file of this.#written.keys()) if (file.startsWith(folder + path.sep)) this.#written.delete(file);
    delete this.#previews[slug];
    this.#urgent.delete(slug);
    this.#background.delete(slug);
  }

  #queue(slug: string, urgent: boolean): void {
    this.#generation.set(slug, (this.#generation.get(slug) ?? 0) + 1);
    this.#previews[slug] = { state: "pending", text: t(this.#options.language, "serve.previewPending") };
    if (urgent) {
      this.#background.delete(slug);
      this.#urgent.add(slug);
    } else if (!this.#urgent.has(slug)) this.#background.add(slug);
  }

  /** Prints queued previews one by one on the warm page, waiting for the deals to be quiet first. */
  #printLoop(): Promise<void> {
    this.#printing ??= this.#printQueued().finally(() => {
      this.#printing = undefined;
    });
    return this.#printing;
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
      await this.#printOne(slug, !urgent.done);
      if (!urgent.done || this.#refresh.size >= PAGE_REFRESH_BATCH || this.#background.size === 0) {
        await this.#refreshPages();
      }
    }
    await this.#refreshPages();
  }

  async #printOne(slug: string, urgent: boolean): Promise<void> {
    const analysis = this.#analysis as Analysis;
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
      const target = path.join(this.#options.outDir, "deals", slug, `${slug}.pdf`);
      const { pages, length } = await this.#printer.print({ ...doc, target });
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
    this.#previews[slug] = preview;
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
    await this.#enqueue(async () => {
      await this.#renderAndWrite({ deals, overview: false });
    });
    if (this.#background.size === 0 && this.#printedInBackground > 0) {
      this.#options.log(t(this.#options.language, "serve.previewsDone", { n: this.#printedInBackground }));
      this.#printedInBackground = 0;
    }
  }

  #logErrors(results: readonly DealResult[]): void {
    for (const result of results) {
      for (const f of result.findings.filter((x) => x.severity === "error"))
        this.#options.log(formatFinding(f, this.#options.language, (n) => result.lines[n]));
    }
  }
}
