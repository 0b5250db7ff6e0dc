// `protokoll serve` started for real: a changed deal shows on the page, a broken one shows its finding.
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
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

/** A GET with the exact path and Host given: fetch normalises paths and will not set Host. */
function get(port: number, urlPath: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      // An empty host: no Host header at all.
      { host: "127.0.0.1", port, path: urlPath, ...(host ? { headers: { Host: host } } : { setHost: false }) },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function startServe(
  cwd: string,
): Promise<{ port: number; stop: () => Promise<void>; alive: () => boolean; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(port)], {
    cwd,
    env: { ...process.env, PROTOKOLL_TODAY: "2026-11-23" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await waitFor(`http://127.0.0.1:${port}/index.html`, (body) => body.includes("Testdeal"));
  return {
    port,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((resolve) => child.once("close", resolve));
    },
  };
}

describe("protokoll serve against hostile requests", () => {
  it("answers a foreign Host name (DNS rebinding) with 421 and none of the site, on every path", async () => {
    const cwd = await dealsDir({ "geheim.yaml": deal("internal:", "  notes: GEHEIME-NOTIZ") });
    const server = await startServe(cwd);
    try {
      const page = "/deals/geheim/index.html";
      expect((await get(server.port, page, `localhost:${server.port}`)).body).toContain("GEHEIME-NOTIZ");
      expect((await get(server.port, page, `127.0.0.1:${server.port}`)).status).toBe(200);
      expect((await get(server.port, page, `[::1]:${server.port}`)).status).toBe(200);
      for (const host of [
        `attacker.example:${server.port}`,
        "attacker.example",
        `localhost.attacker.example:${server.port}`,
        `127.0.0.1.nip.io:${server.port}`,
        `localhost:${server.port + 1}`,
        "",
      ]) {
        for (const path of [page, "/", "/index.html", "/.11ty/reload-client.js"]) {
          const response = await get(server.port, path, host);
          // Without any Host, Node's HTTP/1.1 server already refuses with 400.
          expect(response.status, `${host} ${path}`).toBe(host ? 421 : 400);
          expect(response.body).not.toContain("GEHEIME-NOTIZ");
          expect(response.body).not.toContain("Testdeal");
        }
      }
    } finally {
      await server.stop();
    }
  });

  it("survives request paths it cannot map (GET /%2e%2e%2fx killed it with 'Invalid path')", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    const server = await startServe(cwd);
    try {
      const host = `localhost:${server.port}`;
      for (const path of [
        "/%2e%2e%2fx",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/%E0%A4%A",
        "/%00",
        "/deals/%2e%2e%2f%2e%2e%2fx/",
      ]) {
        const response = await get(server.port, path, host);
        expect([400, 404], path).toContain(response.status);
        expect(response.body).not.toMatch(/root:/);
        expect(server.alive(), `${path} ended the server`).toBe(true);
      }
      expect((await get(server.port, "/index.html", host)).status).toBe(200);
      expect(server.alive()).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe("protokoll serve", () => {
  it("serves on localhost, re-renders a changed deal and survives a broken one", async () => {
    const cwd = await dealsDir({ "live.yaml": deal("next_meeting:", "  date: 2026-12-01") });
    const { port, alive, output, stop } = await startServe(cwd);
    try {
      const index = `http://127.0.0.1:${port}/index.html`;

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
      expect(alive()).toBe(true);
      expect(output()).toMatch(/deals\/live\.yaml:1:8 invalid-yaml/);

      await writeFile(path.join(cwd, "deals", "other.yaml"), deal().replace("Testdeal", "Zweiter Deal"));
      await waitFor(index, (body) => body.includes("Zweiter Deal"));
      await rm(path.join(cwd, "deals", "other.yaml"));
      const gone = await waitFor(index, (body) => !body.includes("Zweiter Deal"));
      expect(gone.ms).toBeLessThan(5_000);
      expect((await fetch(`http://127.0.0.1:${port}/deals/other/index.html`)).status).toBe(404);
    } finally {
      await stop();
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
