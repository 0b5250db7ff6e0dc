// `protokoll serve` started for real: a changed deal shows on the page, a broken one shows its finding.
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { BIN } from "../helpers/run-cli.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(
  url: string,
  predicate: (body: string) => boolean,
  timeoutMs = 15_000,
): Promise<{ body: string; ms: number }> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < timeoutMs) {
    try {
      last = await (await fetch(url)).text();
      if (predicate(last)) return { body: last, ms: Date.now() - started };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${url}; last body: ${last.slice(0, 300)}`);
}

describe("protokoll serve", () => {
  it("serves on localhost, re-renders a changed deal and survives a broken one", async () => {
    const cwd = await dealsDir({ "live.yaml": deal("next_meeting:", "  date: 2026-12-01") });
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, "serve", "--port", String(port)], {
      cwd,
      env: { ...process.env, PROTOKOLL_TODAY: "2026-11-23" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    try {
      const index = `http://127.0.0.1:${port}/index.html`;
      await waitFor(index, (body) => body.includes("Testdeal"));

      await writeFile(
        path.join(cwd, "deals", "live.yaml"),
        deal("next_meeting:", "  date: 2026-12-01").replace("Testdeal", "Umbenannter Deal"),
      );
      const changed = await waitFor(`http://127.0.0.1:${port}/deals/live/index.html`, (body) =>
        body.includes("Umbenannter Deal"),
      );
      expect(changed.ms).toBeLessThan(5_000);

      await writeFile(path.join(cwd, "deals", "live.yaml"), "title: [kaputt\n");
      const broken = await waitFor(index, (body) => body.includes('data-finding="invalid-yaml"'));
      expect(broken.body).toContain("deals/live.yaml");
      expect(child.exitCode).toBeNull();
      expect(output).toMatch(/deals\/live\.yaml:1:8 invalid-yaml/);

      await writeFile(path.join(cwd, "deals", "other.yaml"), deal().replace("Testdeal", "Zweiter Deal"));
      await waitFor(index, (body) => body.includes("Zweiter Deal"));
      await rm(path.join(cwd, "deals", "other.yaml"));
      const gone = await waitFor(index, (body) => !body.includes("Zweiter Deal"));
      expect(gone.ms).toBeLessThan(5_000);
      expect((await fetch(`http://127.0.0.1:${port}/deals/other/index.html`)).status).toBe(404);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("close", resolve));
    }
  });

  it("binds to the loopback address only", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, "serve", "--port", String(port)], { cwd });
    try {
      await waitFor(`http://127.0.0.1:${port}/index.html`, (body) => body.includes("Testdeal"));
      const { execFileSync } = await import("node:child_process");
      const listening = execFileSync("ss", ["-ltnH", `sport = :${port}`], { encoding: "utf8" });
      expect(listening).toContain(`127.0.0.1:${port}`);
      expect(listening).not.toMatch(new RegExp(`(0\\.0\\.0\\.0|\\*|\\[::\\]):${port}`));
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("close", resolve));
    }
  });
});
