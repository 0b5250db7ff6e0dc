import { createRequire } from "node:module";
import path from "node:path";
import { outputLayout } from "../util/output-layout.js";
import type { SiteView } from "./assemble-site.js";
import { type PageLists, pageLists } from "./page-lists.js";

export type { PageLists };

import { type Audience, skippedTemplates } from "./client-view.js";
import {
  type CompilingEnvironment,
  type NunjucksCompiler,
  nunjucksVersion,
  serveCompiledTemplates,
  type TemplateProps,
  templateProps,
} from "./compiled-templates.js";
import { NUNJUCKS_OPTIONS, pageTemplates, TEMPLATES_DIR } from "./package-templates.js";

/** Extra flags the templates read next to the site view. */
export interface SiteFlags {
  /** The deals whose PDF this build wrote (a failed or refused one has none): their pages link it. */
  pdfs: Readonly<Record<string, true>>;
  /** .ics and .eml are written: link them. */
  extras: boolean;
  /** Who the site is for (default team): a client site renders no internal page (see client-view.ts). */
  audience?: Audience;
  /** .eml drafts are written (not on a client site): link them. Default: with `extras`. */
  mail?: boolean;
  /** `serve`'s live print preview, per deal slug: the page links the preview PDF and says whether it fits. */
  previews?: Readonly<Record<string, PreviewView>>;
  /**
   * `serve`'s protocol form is up (src/cli/form/): deal pages link `/edit/<slug>`, the navigation `/new`. Never on a
   * static build (no server answers there) nor on a client site.
   */
  form?: boolean;
}

/** The state of one deal's preview PDF, worded in the CLI's language. */
export interface PreviewView {
  state: "pending" | "fits" | "long" | "failed";
  text: string;
  /** Pages of the printed PDF (fits, long). */
  pages?: number;
}

/**
 * Holder for the site view. Eleventy deep-merges plain objects into every page's data; a class instance is
 * passed by reference, so 1 000 deal pages do not copy 1 000 deals each.
 */
export class SiteData {
  /** What the paginated templates render, one page per item: every item, unless a selection says fewer. */
  readonly pages: PageLists;

  constructor(view: SiteView, flags: SiteFlags, pages: Partial<PageLists> = {}) {
    Object.assign(this, view, flags);
    this.pages = { ...pageLists(view), ...pages };
  }
}

// Minimal shape of Eleventy's config API that we use (Eleventy ships no types).
export interface EleventyConfig {
  globalData?: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setQuietMode?(quiet: boolean): void;
  on(
    event: "eleventy.engine.njk",
    listener: (engine: { nunjucks: NunjucksLib; environment: CompilingEnvironment }) => void,
  ): void;
  on(event: "eleventy.ignores", listener: (ignores: string[]) => void): void;
  addExtension(extension: string, options: Record<string, unknown>): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/** The part of the `nunjucks` module Eleventy hands out with its environment. */
interface NunjucksLib extends NunjucksCompiler {
  Template: new (
    source: { type: "code"; obj: TemplateProps },
    env: CompilingEnvironment,
    path: string,
    eagerCompile: boolean,
  ) => { render(data: object, cb: (error: Error | null, text: string) => void): void };
}

export interface PluginOptions {
  /** Computes the site when Eleventy runs on its own (`npx @11ty/eleventy`), not through `protokoll build`. */
  standalone?: () => Promise<SiteData>;
}

/**
 * The Eleventy side of protokoll, registered from `.eleventy.js`. Autoescape stays on and nothing of a deal is
 * ever compiled as a template: deals arrive as data in `protokoll`.
 */
export function protokollPlugin(eleventyConfig: EleventyConfig, options: PluginOptions = {}): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ ...NUNJUCKS_OPTIONS });
  compileNunjucksOnce(eleventyConfig);
  eleventyConfig.addFilter("out", outPath);
  // The templates of the other audience are never rendered (`protokoll serve` and a bare Eleventy run: team).
  const data = eleventyConfig.globalData?.protokoll;
  const audience: Audience =
    data instanceof SiteData && (data as { audience?: Audience }).audience === "client" ? "client" : "team";
  // Added where Eleventy hands out its final list: entries of `ignores` are made relative to the working folder.
  // A selection may leave out the pages rendered once per site (see render-pages.ts).
  const without = data instanceof SiteData ? ((data as { skipTemplates?: string[] }).skipTemplates ?? []) : [];
  const skip = [...skippedTemplates(audience, pageTemplates()), ...without].map((name) => path.join(TEMPLATES_DIR, name));
  eleventyConfig.on("eleventy.ignores", (ignores) => {
    ignores.push(...skip);
  });
  copySiteFonts(eleventyConfig);
  // `protokoll build` adds the data before this runs (Eleventy's `config` option comes first).
  if (!eleventyConfig.globalData || !("protokoll" in eleventyConfig.globalData)) {
    const standalone = options.standalone;
    if (standalone) eleventyConfig.addGlobalData("protokoll", () => standalone());
  }
}

type LayoutPath = {
  [K in keyof typeof outputLayout]: (typeof outputLayout)[K] extends (slug: string) => string ? K : never;
}[keyof typeof outputLayout];

/**
 * `{{ d.slug | out("dealPage") }}`: a path of the output layout (src/util/output-layout.ts) in a template, so
 * permalinks and links say where a page lives in the one place that decides it.
 */
export function outPath(value: string, kind: LayoutPath): string {
  const path = outputLayout[kind] as ((slug: string) => string) | undefined;
  if (typeof path !== "function") throw new Error(`Unknown output path "${String(kind)}" in a template`);
  return path(value);
}

/** The pages' typeface, the same Source Sans 3 the PDFs embed, shipped with the site (never fetched from a CDN). */
export const SITE_FONTS = ["latin-400", "latin-600", "latin-700", "latin-ext-400", "latin-ext-600", "latin-ext-700"] as const;

function copySiteFonts(eleventyConfig: EleventyConfig): void {
  const require = createRequire(import.meta.url);
  for (const font of SITE_FONTS) {
    const name = `source-sans-3-${font}-normal.woff2`;
    eleventyConfig.addPassthroughCopy({ [require.resolve(`@fontsource/source-sans-3/files/${name}`)]: `assets/fonts/${name}` });
  }
}

/**
 * Eleventy 3.1 compiles a Nunjucks template anew for every page it renders (its Nunjucks engine opts out of the
 * compile cache and leaves caching to Nunjucks, which only caches included files): 1 000 deal pages meant 1 000
 * compilations of deal.njk and of its permalink, ~0.9 s per 1 000 deals. We register `njk` again with the same
 * environment (filters, loaders, autoescape), compile each template source once and let Eleventy cache it.
 * The code comes compiled with the package where it can (src/render/compiled-templates.ts), for the pages and
 * for the includes they extend and include.
 */
function compileNunjucksOnce(eleventyConfig: EleventyConfig): void {
  let nunjucks: NunjucksLib | undefined;
  let environment: CompilingEnvironment | undefined;
  const version = nunjucksVersion(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  eleventyConfig.on("eleventy.engine.njk", (engine) => {
    nunjucks = engine.nunjucks;
    environment = engine.environment;
    serveCompiledTemplates(nunjucks, environment, [path.join(TEMPLATES_DIR, "_includes")], version);
  });
  const compiled = new Map<string, (data: object) => Promise<string>>();
  const compile = (source: string, inputPath: string): ((data: object) => Promise<string>) => {
    const key = `${inputPath}\0${source}`;
    let render = compiled.get(key);
    if (!render) {
      if (!nunjucks || !environment) throw new Error("Eleventy did not set up its Nunjucks environment before compiling");
      const obj = templateProps(nunjucks, environment, version, source, inputPath);
      const template = new nunjucks.Template({ type: "code", obj }, environment, inputPath, true);
      render = (data) =>
        new Promise((resolve, reject) => template.render(data, (error, text) => (error ? reject(error) : resolve(text))));
      compiled.set(key, render);
    }
    return render;
  };
  eleventyConfig.addExtension("njk", {
    key: "njk",
    compileOptions: {
      cache: true,
      // Called per page with the raw front-matter permalink; an empty one keeps Eleventy's default.
      permalink: (source: unknown, inputPath: string) =>
        typeof source === "string" && source !== "" ? compile(source, inputPath) : undefined,
    },
    compile: compile,
  });
}
