import type { SiteView } from "./site-view.js";

/** Extra flags the templates read next to the site view. */
export interface SiteFlags {
  /** PDFs are written: link them from deal pages. */
  pdf: boolean;
  /** .ics and .eml are written: link them. */
  extras: boolean;
}

/**
 * Holder for the site view. Eleventy deep-merges plain objects into every page's data; a class instance is
 * passed by reference, so 1 000 deal pages do not copy 1 000 deals each.
 */
export class SiteData {
  constructor(view: SiteView, flags: SiteFlags) {
    Object.assign(this, view, flags);
  }
}

// Minimal shape of Eleventy's config API that we use (Eleventy ships no types).
export interface EleventyConfig {
  globalData?: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setQuietMode?(quiet: boolean): void;
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
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: false });
  // `protokoll build` adds the data before this runs (Eleventy's `config` option comes first).
  if (!eleventyConfig.globalData || !("protokoll" in eleventyConfig.globalData)) {
    const standalone = options.standalone;
    if (standalone) eleventyConfig.addGlobalData("protokoll", () => standalone());
  }
}
