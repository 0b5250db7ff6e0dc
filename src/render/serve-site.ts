import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { Duplex } from "node:stream";

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

/** A handler that answers some requests before the site does (the protocol form): true when it took the request. */
export type Intercept = (request: IncomingMessage, response: ServerResponse) => boolean;
const intercepts = new WeakMap<object, Intercept>();

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
    const intercept = intercepts.get(this);
    if (!hardened.has(server)) {
      hardened.add(server);
      const handlers = server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => unknown)[];
      server.removeAllListeners("request");
      server.on("request", (request: IncomingMessage, response: ServerResponse) => {
        if (!isLoopbackHost(request.headers.host, port)) {
          answer(response, 421, `This server answers only to http://localhost:${port}/.`);
          return;
        }
        if (intercept?.(request, response)) return;
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

interface DevServer {
  serve(port: number): void;
  reloadFiles(files: string[]): void;
  close(): Promise<void>;
}

/** The dev server Eleventy itself uses, resolved from Eleventy so that it is the copy hardened above. */
function devServerClass(): { getServer(name: string, dir: string, options: object): DevServer } {
  const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  return require("@11ty/eleventy-dev-server") as { getServer(name: string, dir: string, options: object): DevServer };
}

export interface LiveServer {
  /** Tells every open browser window that these files (absolute paths under the served folder) changed. */
  reload(files: string[]): void;
  close(): Promise<void>;
}

/**
 * Serves `outDir` on http://localhost:<port>/ with live reload (Eleventy's dev server, hardened as above). It
 * watches nothing itself: `serve` writes the pages a save touched and then calls `reload` with them.
 */
export async function startLiveServer(outDir: string, port: number, intercept?: Intercept): Promise<LiveServer> {
  hardenDevServer();
  const server = devServerClass().getServer("protokoll", outDir, {
    port,
    portReassignmentRetryCount: 0,
    showVersion: false,
    domDiff: false,
    // Its own log lines would interleave with ours; a server error (port in use) still goes to stderr.
    logger: { log() {}, info() {}, warn() {}, error: (message: string) => console.error(message), forceLog() {} },
  });
  if (intercept) intercepts.set(server, intercept);
  server.serve(port);
  return {
    reload: (files) => {
      if (files.length > 0) server.reloadFiles(files);
    },
    close: () => server.close(),
  };
}
