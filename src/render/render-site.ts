import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { ProtokollError } from "../errors.js";
import type { Analysis } from "../pipeline.js";
import { SiteData, type SiteFlags } from "./eleventy-plugin.js";
import { siteView } from "./site-view.js";

/** The package's own templates and Eleventy config: the site looks the same whichever folder it is built in. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
export const ELEVENTY_CONFIG = fileURLToPath(new URL("../../.eleventy.js", import.meta.url));

export interface RenderOptions {
  outDir: string;
  flags: SiteFlags;
  quiet?: boolean;
}

/** Renders index and deal pages with Eleventy into `outDir`. Returns the paths written. */
export async function renderSite(analysis: Analysis, options: RenderOptions): Promise<string[]> {
  const data = new SiteData(siteView(analysis), options.flags);
  const eleventy = new Eleventy(TEMPLATES_DIR, options.outDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: options.quiet ?? true,
    config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
      eleventyConfig.addGlobalData("protokoll", data);
    },
  });
  // Our own summary line says what was built; Eleventy's "Wrote N files" would only repeat it.
  if (options.quiet ?? true) eleventy.disableLogger();
  try {
    // write() resolves to [passthrough copies, rendered templates].
    const [, results] = (await eleventy.write()) as [unknown, { outputPath: string }[]];
    return results.map((r) => r.outputPath).filter(Boolean);
  } catch (error) {
    throw new ProtokollError(
      "Rendering the site with Eleventy failed.",
      "This is a bug in the templates, not in a deal file; please report it.",
      {
        cause: error,
      },
    );
  }
}
