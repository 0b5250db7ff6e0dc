import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { BIN } from "./run-cli.js";

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until its body satisfies `predicate`. */
export async function waitForBody(url: string, predicate: (body: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < timeoutMs) {
    try {
      last = await (await fetch(url)).text();
      if (predicate(last)) return last;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${url}; last body: ${last.slice(0, 500)}`);
}

export interface Served {
  port: number;
  url: (path: string) => string;
  output: () => string;
  /** Waits until the output matches `pattern` (the log line of an update comes once all its pages are done). */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<void>;
}

/** `protokoll serve` spawned in `cwd` with `args` and `env`; resolves once the index is up. */
export async function serveIn(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, "serve", "--port", String(port), ...args], {
    cwd,
    env: { ...process.env, PROTOKOLL_TODAY: "2026-11-23", ...env },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const closed = new Promise((resolve) => child.once("close", resolve));
    child.kill("SIGTERM");
    await closed;
  };
  try {
    await waitForBody(url("/index.html"), (body) => body.includes("</html>"));
  } catch (error) {
    await stop();
    throw new Error(`serve did not come up: ${output}`, { cause: error });
  }
  const waitForOutput = async (pattern: RegExp, timeoutMs = 30_000) => {
    const started = Date.now();
    while (!pattern.test(output)) {
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${pattern} in:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return output;
  };
  return { port, url, output: () => output, waitForOutput, stop };
}
