import { createRequire } from "node:module";
import Eleventy from "@11ty/eleventy";
import { SiteData } from "./eleventy-plugin.js";
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from "./render-site.js";
import type { SiteView } from "./site-view.js";

interface DevServerClass {
  prototype: { _serverListen(port: number): void; server: { listen(options: object): void } };
}

/**
 * Eleventy's dev server listens on every interface; the site shows internal notes, so we bind it to the
 * loopback address only. (Patched on the class Eleventy itself loads; covered by a test.)
 */
function bindDevServerToLoopback(): void {
  // Resolve it from Eleventy itself, so we patch the very copy Eleventy uses.
  const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const DevServer = require("@11ty/eleventy-dev-server") as DevServerClass;
  DevServer.prototype._serverListen = function (this: DevServerClass["prototype"], port: number) {
    this.server.listen({ port, host: "127.0.0.1" });
  };
}

export interface ServeOptions {
  outDir: string;
  port: number;
  /** Extra folders whose changes trigger a rebuild (the deals). */
  watch: string[];
  /** Computes the site anew; called on start and after every change. */
  view: () => Promise<SiteView>;
  /** Called when a file in a watched folder is deleted, before the rebuild: remove what it produced. */
  deleted?: (file: string) => Promise<void>;
}

/** Starts Eleventy in watch mode with its dev server (live reload). Resolves to a function that stops both. */
export async function serveSite(options: ServeOptions): Promise<() => Promise<void>> {
  bindDevServerToLoopback();
  const eleventy = new Eleventy(TEMPLATES_DIR, options.outDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    runMode: "serve",
    config(eleventyConfig: {
      addGlobalData(name: string, value: unknown): void;
      addWatchTarget(target: string): void;
      setServerOptions(options: object): void;
    }) {
      // A function, so Eleventy asks again on every rebuild: a changed deal is re-analysed.
      eleventyConfig.addGlobalData("protokoll", async () => new SiteData(await options.view(), { pdf: false, extras: false }));
      for (const target of options.watch) eleventyConfig.addWatchTarget(target);
      eleventyConfig.setServerOptions({ port: options.port, portReassignmentRetryCount: 0, showVersion: false });
    },
  }) as Eleventy & {
    init(): Promise<void>;
    watch(): Promise<(path: string) => Promise<void>>;
    watcher?: { on(event: "unlink", listener: (file: string) => void): void };
    serve(port: number): Promise<void>;
    stopWatch(): Promise<void>;
  };
  await eleventy.init();
  const rebuild = await eleventy.watch();
  // Eleventy 3 only logs a deleted file; a deleted deal must leave the site like a changed one changes it.
  eleventy.watcher?.on("unlink", (file) => {
    if (!options.watch.some((folder) => file.startsWith(folder))) return;
    void (async () => {
      await options.deleted?.(file);
      await rebuild(file);
    })();
  });
  await eleventy.serve(options.port);
  return () => eleventy.stopWatch();
}
