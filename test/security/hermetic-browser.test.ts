// Regression: Chromium looked up clients2.google.com, accounts.google.com and update.googleapis.com and probed
// 2001:4860:4860::8888 during a build, despite --disable-background-networking. A real build with PDFs runs under
// strace; every network system call of every process is read. No DNS query, no datagram or connection that
// reaches an Internet address — only the pipe to the browser and Chromium's own Unix sockets.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { BIN } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

interface Call {
  pid: string;
  text: string;
}

const calls: Call[] = [];
let code: number | null = null;
let cwd = "";

beforeAll(async () => {
  // Never a skip: without strace this test cannot show anything, so it fails (CI installs strace).
  expect(() => execFileSync("strace", ["-V"], { stdio: "ignore" }), "strace must be installed").not.toThrow();
  cwd = await dealsDir({
    // Remote images, links and a font URL: the page would fetch them if anything let it.
    "netz.yaml": deal(
      `summary: "![x](https://tracker.example/p.png) <https://example.com> [a](http://198.51.100.7/x)"`,
      "next_meeting:",
      "  date: 2026-12-01",
    ),
  });
  const traces = tempDir("protokoll-strace-");
  code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      "strace",
      [
        "-f",
        "-ff",
        "-qq",
        "-e",
        "trace=network",
        "-o",
        path.join(traces, "t"),
        process.execPath,
        BIN,
        "build",
        "--today",
        "2026-11-23",
      ],
      { cwd, env: { ...process.env, CI: "true", NO_COLOR: "1" }, stdio: "ignore" },
    );
    child.on("error", reject);
    child.on("close", resolve);
  });
  for (const file of await readdir(traces)) {
    const pid = file.split(".").at(-1) ?? "";
    for (const text of (await readFile(path.join(traces, file), "utf8")).split("\n")) if (text) calls.push({ pid, text });
  }
}, 120_000);

const inet = (text: string) => /sa_family=AF_INET6?\b/.test(text);

describe("a build with PDFs under strace", () => {
  it("printed the PDF (the trace is of a real print)", () => {
    expect(code).toBe(0);
    expect(existsSync(path.join(cwd, "_site", "deals", "netz", "netz.pdf"))).toBe(true);
    // The browser's processes are in the trace: far more than Node's own threads.
    expect(new Set(calls.map((c) => c.pid)).size).toBeGreaterThan(20);
    expect(calls.some((c) => /socketpair\(AF_UNIX/.test(c.text))).toBe(true);
  });

  it("sends no DNS query", () => {
    const dns = calls.filter((c) => /htons\(53\)|htons\(853\)|htons\(5353\)/.test(c.text));
    expect(dns.map((c) => c.text)).toEqual([]);
  });

  it("connects to no Internet address (an attempt finds no network and fails)", () => {
    const connected = calls.filter((c) => /^connect\(/.test(c.text) && inet(c.text) && !/= -1 E/.test(c.text));
    expect(connected.map((c) => c.text)).toEqual([]);
  });

  it("sends no datagram or message to an Internet address", () => {
    const sent = calls.filter((c) => /^(sendto|sendmsg|sendmmsg)\(/.test(c.text) && inet(c.text) && !/= -1 E/.test(c.text));
    expect(sent.map((c) => c.text)).toEqual([]);
  });

  it("listens on no port", () => {
    const listening = calls.filter((c) => /^(bind|listen)\(/.test(c.text) && inet(c.text));
    expect(listening.map((c) => c.text)).toEqual([]);
  });
});
