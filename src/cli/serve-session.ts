// What `protokoll serve` keeps running: the analysis, the pages written, the live server and the preview printer.

import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/load-config.js";
import type { History } from "../history/read-history.js";
import { plural, t } from "../i18n/translate.js";
import type { GitFacts } from "../model/deal.js";
import { PreviewPrinter } from "../pdf/preview-printer.js";
import { LiveAnalysis } from "../pipeline/live-analysis.js";
import type { Analysis, DealResult } from "../pipeline.js";
import { assembleSite, type ResultViews, type SiteView } from "../render/assemble-site.js";
import { brokenDealPage } from "../render/broken-deal-page.js";
import type { PreviewView, SiteFlags } from "../render/eleventy-plugin.js";
import { TEMPLATES_DIR } from "../render/package-templates.js";
import { changedItems, idOf, PAGED, type PagedItem, pageLists, pagePath } from "../render/page-lists.js";
import { type PageSelection, type RenderedPage, renderPages } from "../render/render-pages.js";
import { copySiteFonts } from "../render/render-site.js";
import { type Intercept, type LiveServer, startLiveServer } from "../render/serve-site.js";
import { formatFinding } from "../report/format-text.js";
import { markCounts } from "../report/mark-counts.js";
import type { Language } from "../time/language.js";
import type { PlainDate } from "../time/plain-date.js";
import { DEALS_OUT, inOut, outputLayout } from "../util/output-layout.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { DealsFolderPoll } from "./deals-folder-poll.js";
import { PreviewQueue } from "./preview-queue.js";

export interface SessionOptions {
  dealsDir: string;
  outDir: string;
  port: number;
  config: Config;
  language: Language;
  version: string;
  today: () => PlainDate;
  git?: ReadonlyMap<string, GitFacts & { pushedBack?: Record<string, number> }>;
  committed?: History; // when each owner name was first seen: the owner pages' slugs, as `build` gives them
  log: (line: string) => void;
  /** Requests answered before the site's (the protocol form, src/cli/form/). */
  intercept?: Intercept;
}

const SAVE_SETTLE_MS = 30; // saves closer together than this are one update
/** How often the deals folder is looked at besides the watcher (src/cli/deals-folder-poll.ts). */
const POLL_MS = 1000;

/**
 * `serve` after the first build: a save re-analyses the saved file, re-renders its page and the overview pages,
 * writes the changed pages and reloads the browser with them; then the deal's PDF is printed (debounced, on one
 * warm page) and its page says whether it fits one page. One step at a time: never two analyses writing at once.
 */
export class ServeSession {
  readonly #options: SessionOptions;
  readonly #live: LiveAnalysis;
  readonly #prints: PreviewQueue;
  /** Absolute path → hash of the bytes last written, so an unchanged page is not written (or reloaded) again. */
  readonly #written = new Map<string, string>();
  /** Pages the last overview render wrote: one it no longer writes (an owner gone) is removed. */
  #overviewFiles = new Set<string>();
  #analysis: Analysis | undefined;
  #view: SiteView | undefined;
  /** The views of results not analysed again since, so that a save views only what it changed. */
  readonly #views: ResultViews = new WeakMap();
  #server: LiveServer | undefined;
  readonly #watchers: FSWatcher[] = [];
  #poll: NodeJS.Timeout | undefined;
  #folder: DealsFolderPoll | undefined;
  #work: Promise<void> = Promise.resolve();
  #touched = new Set<string>();
  #templatesTouched = false;
  #settle: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#live = new LiveAnalysis(
      { dealsDir: options.dealsDir, today: options.today(), config: options.config, git: options.git },
      options.committed,
    );
    this.#prints = new PreviewQueue({
      printer: new PreviewPrinter({ version: options.version, browser: options.config.browser }),
      outDir: options.outDir,
      language: options.language,
      log: options.log,
      analysis: () => this.#analysis as Analysis,
      refresh: async (deals) => {
        await this.#enqueue(async () => {
          await this.#renderAndWrite({ deals, overview: false });
        });
      },
    });
  }

  /** The first build (every page), then the server and the watchers. */
  async start(): Promise<void> {
    const deals = path.resolve(this.#options.dealsDir);
    // The first look before the first analysis: a save during the first build is found by the first poll.
    this.#folder = new DealsFolderPoll(deals);
    const { analysis } = await this.#live.update();
    this.#apply(analysis);
    this.#logErrors(analysis.deals);
    this.#options.log(
      t(this.#options.language, "serve.rebuilt", {
        deals: plural(analysis.deals.length, "n.deal"),
        marks: markCounts(analysis, this.#options.language),
      }),
    );
    for (const result of analysis.deals) if (result.deal) this.#prints.queue(result.slug, false);
    await this.#renderAndWrite({ deals: new Set(analysis.deals.map((d) => d.slug)), overview: true });
    await this.#writeBroken(analysis.deals);
    // The pages' typeface, as a build copies it: without it the preview is set in a fallback font.
    await copySiteFonts(this.#options.outDir);
    this.#server = await startLiveServer(this.#options.outDir, this.#options.port, this.#options.intercept);
    // The watcher can miss an event; the poll finds what no update has seen within a second.
    this.#poll = setInterval(() => {
      if (this.#folder?.pending()) this.#scheduleUpdate();
    }, POLL_MS);
    this.#poll.unref();
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
    void this.#prints.run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#settle);
    clearInterval(this.#poll);
    for (const watcher of this.#watchers) watcher.close();
    await this.#prints.close();
    await this.#work.catch(() => undefined);
    await this.#server?.close();
  }

  /** The form wrote `file`: resolves once its page (and the overview) show it, so a redirect finds it there. */
  async saved(file: string): Promise<void> {
    this.#touched.add(file);
    await this.#enqueue(() => this.#update());
  }

  /** A deal's send-readiness and print preview as its page shows them (for the form); undefined if it is broken. */
  statusOf(slug: string): { readiness: DealResult["readiness"]; preview: PreviewView | undefined } | undefined {
    const result = this.#analysis?.deals.find((d) => d.slug === slug);
    return result?.deal ? { readiness: result.readiness, preview: this.#prints.previews[slug] } : undefined;
  }

  /** Requests the pages tried to make while printing previews (all aborted): should stay empty. */
  get blockedRequests(): readonly string[] {
    return this.#prints.blockedRequests;
  }

  #scheduleUpdate(): void {
    this.#prints.holdOff();
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
    // What changed in the folder since the last update, whether the watcher said so or not.
    for (const file of this.#folder?.changes() ?? []) touched.add(file);
    const everything = this.#templatesTouched;
    this.#touched = new Set();
    this.#templatesTouched = false;
    let update: Awaited<ReturnType<LiveAnalysis["update"]>>;
    try {
      update = await this.#live.update(everything ? undefined : touched, this.#options.today());
    } catch (error) {
      // Not lost: the next update (after the next save, or a change the poll finds) tries these files again.
      for (const file of touched) this.#touched.add(file);
      if (everything) this.#templatesTouched = true;
      throw error;
    }
    const { analysis, changed, removed } = update;
    if (changed.length === 0 && removed.length === 0 && !everything) return;
    const before = this.#view;
    this.#apply(analysis);
    for (const gone of removed) await this.#removeDeal(gone.slug);
    for (const result of changed) {
      if (result.deal) this.#prints.queue(result.slug, true);
      else this.#prints.dropPreview(result.slug);
    }
    // Before the pages: whoever sees the page change finds the reason in the log already.
    this.#logErrors(changed);
    await this.#writeBroken(changed);
    let pages = 0;
    const saved = new Set(changed.map((d) => d.slug));
    if (!everything && saved.size > 0) {
      // The page the writer looks at first, alone: a deal page takes milliseconds, the overview ten times that.
      pages += await this.#renderAndWrite({ deals: saved, overview: false });
      // Then its preview (alone: beside the overview a print took 3× as long), and the page with its page count.
      const printed = await this.#prints.printSaved();
      if (this.#stopped) return;
      if (printed.size > 0) await this.#renderAndWrite({ deals: printed, overview: false });
    }
    // Of the owner, finding and list pages only those whose content changed (all, when a template changed).
    pages += await this.#renderAndWrite({
      deals: everything ? new Set(analysis.deals.map((d) => d.slug)) : new Set(),
      overview: true,
      ...(everything ? {} : { pages: changedItems(before, this.#view as SiteView) }),
    });
    this.#options.log(
      t(this.#options.language, "serve.updated", {
        files: (changed.length + removed.length > 0 ? [...changed, ...removed].map((d) => d.file) : ["templates/"]).join(", "),
        pages: plural(pages, "n.page"),
        ms: Math.round(performance.now() - started),
        marks: markCounts(analysis, this.#options.language),
      }),
    );
    // The quiet period runs from the last save (#scheduleUpdate): the preview of a save shown follows at once.
    void this.#prints.run();
  }

  #apply(analysis: Analysis): void {
    this.#analysis = analysis;
    this.#view = assembleSite(analysis, undefined, undefined, this.#views);
  }

  #flags(): SiteFlags {
    return { pdfs: {}, extras: false, previews: this.#prints.previews, form: true };
  }

  /** Renders the selection, writes the pages whose bytes changed, reloads the browser with them. */
  async #renderAndWrite(selection: PageSelection): Promise<number> {
    const view = this.#view as SiteView;
    const pages = await renderPages(view, this.#flags(), this.#options.outDir, selection);
    const changed = await this.#write(pages);
    if (selection.overview) {
      const dealPages = inOut(this.#options.outDir, DEALS_OUT) + path.sep;
      const overview = new Set(pages.map((p) => p.file).filter((file) => !file.startsWith(dealPages)));
      // The pages of items not rendered this time are still there, and still current.
      const lists = pageLists(view);
      for (const kind of PAGED) {
        for (const item of lists[kind] as PagedItem[])
          overview.add(inOut(this.#options.outDir, pagePath(kind, idOf(kind, item))));
      }
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

  /** A broken deal's page says what is wrong instead of showing the content of its last good version. */
  async #writeBroken(results: readonly DealResult[]): Promise<void> {
    const pages = results.filter((r) => !r.deal).map((r) => brokenDealPage(r, this.#options.language, this.#options.outDir));
    if (pages.length > 0) this.#server?.reload(await this.#write(pages));
  }

  async #removeDeal(slug: string): Promise<void> {
    const folder = inOut(this.#options.outDir, outputLayout.dealFolder(slug));
    await rm(folder, { recursive: true, force: true });
    for (const file of this.#written.keys()) if (file.startsWith(folder + path.sep)) this.#written.delete(file);
    this.#prints.remove(slug);
  }

  #logErrors(results: readonly DealResult[]): void {
    for (const result of results)
      for (const f of result.findings)
        if (f.severity === "error") this.#options.log(formatFinding(f, this.#options.language, (n) => result.lines[n]));
  }
}
