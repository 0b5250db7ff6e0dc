// How protokoll runs Eleventy in a process that renders many times (a big site's runs, every save in `serve`).
// Imported before Eleventy, so that the switch below is set before Eleventy's modules run (imports are evaluated
// in order).
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// On Node 20, importing Eleventy 3 registers an ESM loader hook (`module.register`) that busts the import cache of
// JavaScript files its watch mode saw change. protokoll never runs Eleventy's watch mode (`serve` re-renders
// itself) and its templates are Nunjucks, so the hook busts nothing here — but it runs in a thread of its own,
// and every module imported after it, Eleventy's own included, is resolved through that thread: ~0.1 s more per
// build that renders a page. Eleventy's documented switch turns the hook off.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

/** Eleventy's process-wide event bus: the same module Eleventy's own files import (pinned Eleventy 3.1). */
const EVENT_BUS = pathToFileURL(
  path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "EventBus.js"),
).href;

let bus: Promise<{ emit(event: string): Promise<unknown> }> | undefined;

/**
 * Lets go of what a finished Eleventy run compiled. Eleventy keeps every compiled template in a cache of the
 * whole process (`TemplateContent._compileCache`) under a key that includes the run's configuration, so a later
 * run never finds them — but each entry holds its run's configuration and with it the run's global data: the
 * site view. A 10 000-deal build kept every earlier run's deal views (15 MB more after each run of 2 000 pages),
 * and `serve` one site view more with every save. Eleventy clears that cache on this event when its own
 * configuration is reset; protokoll sends it after each run.
 */
export async function forgetFinishedRun(): Promise<void> {
  bus ??= import(EVENT_BUS).then((module: { default: { emit(event: string): Promise<unknown> } }) => module.default);
  await (await bus).emit("eleventy.compileCacheReset");
}
