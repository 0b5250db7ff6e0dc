import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { Duplex } from "node:stream";
import Eleventy from "@11ty/eleventy";
import { SiteData } from "./eleventy-plugin.js";
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from "./render-site.js";
import type { SiteView } from "./site-view.js";

interface DevServerClass {
  prototype: { _serverListen(port: number): void; server: Server };
}

/**
 * Whether a request's `Host` names this machine's loopback server: `localhost`, `127.0.0.1` or `[::1]` with the
 * port. Anything else is a page on another site that got its name to resolve to 127.0.0.1 (DNS rebinding) and
 * would read the internal notes.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const name = host.toLowerCase();
  return ["localhost", "127.0.0.1", "[::1]"].some(
    (loopback) => name === `${loopback}:${port}` || (port === 80 && name === loopback),
  );
}

function answer(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  response.end(`${text}\n`);
}

const hardened = new WeakSet<Server>();

/**
 * Eleventy's dev server listens on every interface, answers to any `Host`, and lets one odd request path
 * (`GET /%2e%2e%2fx` → "Invalid path") reject its handler, which ends the process. The site shows internal
 * notes, so: loopback address only; a foreign `Host` gets 421, on pages and on the live-reload socket; a
 * request the server cannot map gets 400 and the server goes on. (Patched on the class Eleventy itself loads;
 * covered by spawned-server tests.)
 */
function hardenDevServer(): void {
  // Resolve it from Eleventy itself, so we patch the very copy Eleventy uses.
  const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const DevServer = require("@11ty/eleventy-dev-server") as DevServerClass;
  DevServer.prototype._serverListen = function (this: DevServerClass["prototype"], port: number) {
    const server = this.server;
    if (!hardened.has(server)) {
      hardened.add(server);
      const handlers = server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => unknown)[];
      server.removeAllListeners("request");
      server.on("request", (request: IncomingMessage, response: ServerResponse) => {
        if (!isLoopbackHost(request.headers.host, port)) {
          answer(response, 421, `This server answers only to http://localhost:${port}/.`);
          return;
        }
        for (const handler of handlers) {
          Promise.resolve()
            .then(() => handler.call(server, request, response))
            .catch(() => answer(response, 400, "Bad request."));
        }
      });
      // Before the live-reload WebSocket server sees the upgrade: it would push page updates to that origin.
      server.prependListener("upgrade", (request: IncomingMessage, socket: Duplex) => {
        if (!isLoopbackHost(request.headers.host, port)) socket.destroy();
      });
    }
    server.listen({ port, host: "127.0.0.1" });
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
  hardenDevServer();
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
