// `serve` as a newcomer met it: the preview set in a fallback font (the fonts were 404), a deal broken while
// serving kept its old page with "passt auf eine Seite ✓", and `serve` started through `npx` kept running
// after the `npx` process was killed.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { BIN } from "../helpers/run-cli.js";
import { freePort, type Served, serveIn, waitForBody } from "../helpers/serve.js";

const STROM = [
  "title: Liefervertrag Strom",
  "customer: Stadtwerke Musterstadt GmbH",
  "meeting:",
  "  date: 2026-11-20",
  "participants:",
  "  - name: Anna Schulz",
  "actions:",
  "  - task: Projektplan schicken",
  "    owner: Anna Schulz",
  "    due: 2026-11-27",
  "",
].join("\n");

let served: Served | undefined;
const children: ChildProcess[] = [];

afterEach(async () => {
  await served?.stop();
  served = undefined;
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Resolves true once nothing answers on the port any more, false after `ms`. */
async function portClosed(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      await fetch(`http://127.0.0.1:${port}/index.html`);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe("protokoll serve", () => {
  it("serves every font the stylesheet names (200, not 404)", async () => {
    served = await serveIn(await dealsDir({ "strom.yaml": STROM }), [], { PROTOKOLL_LANG: "de" });
    const css = await (await fetch(served.url("/assets/site.css"))).text();
    const fonts = [...css.matchAll(/url\("(fonts\/[^"]+\.woff2)"\)/g)].map((m) => m[1] as string);
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    for (const font of fonts) {
      const response = await fetch(served.url(`/assets/${font}`));
      expect(response.status, font).toBe(200);
      expect((await response.arrayBuffer()).byteLength, font).toBeGreaterThan(1000);
    }
  });

  it("shows a deal broken while serving as its error, with place and fix, instead of the old page", async () => {
    const cwd = await dealsDir({ "strom.yaml": STROM });
    served = await serveIn(cwd, [], { PROTOKOLL_LANG: "de" });
    const page = served.url("/deals/strom/index.html");
    await waitForBody(page, (body) => body.includes("Projektplan schicken"));
    await writeFile(path.join(cwd, "deals", "strom.yaml"), STROM.replace("  date: 2026-11-20", "  date: [2026-11-20"));
    const body = await waitForBody(page, (text) => text.includes("lässt sich nicht lesen"));
    expect(body).toContain("deals/strom.yaml lässt sich nicht lesen");
    expect(body).toMatch(/deals\/strom\.yaml:\d+:\d+/);
    expect(body).toContain('data-finding="invalid-yaml"');
    expect(body).toContain('class="finding__hint"');
    // Nothing of the last good version stays on the page.
    expect(body).not.toContain("Projektplan schicken");
    expect(body).not.toContain("passt auf eine Seite");
    // Fixed again: the deal is back.
    await writeFile(path.join(cwd, "deals", "strom.yaml"), STROM);
    await waitForBody(page, (text) => text.includes("Projektplan schicken"));
  });

  it("ends when the process that started it is killed, with a shell in between (as npx runs it)", async () => {
    const cwd = await dealsDir({ "strom.yaml": STROM });
    const port = await freePort();
    // "npx": a node process that runs the command through `sh -c` and stays its parent; `; :` keeps the shell
    // from replacing itself with node, so serve's parent is the shell, and the shell's parent is "npx".
    const npx = spawn(
      process.execPath,
      [
        "-e",
        `require("node:child_process").spawn("sh", ["-c", ${JSON.stringify(`"${process.execPath}" "${BIN}" serve --port ${port}; :`)}], { stdio: "inherit" }); setInterval(() => {}, 1000);`,
      ],
      { cwd, stdio: ["ignore", "ignore", "ignore"], env: { ...process.env, PROTOKOLL_TODAY: "2026-11-23" } },
    );
    children.push(npx);
    await waitForBody(`http://127.0.0.1:${port}/index.html`, (body) => body.includes("</html>"));
    npx.kill("SIGKILL");
    expect(await portClosed(port, 15_000)).toBe(true);
  });

  it("ends when its standard input, a pipe from whoever started it, closes", async () => {
    const cwd = await dealsDir({ "strom.yaml": STROM });
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, "serve", "--port", String(port)], {
      cwd,
      stdio: ["pipe", "ignore", "ignore"],
      env: { ...process.env, PROTOKOLL_TODAY: "2026-11-23" },
    });
    children.push(child);
    await waitForBody(`http://127.0.0.1:${port}/index.html`, (body) => body.includes("</html>"));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.stdin?.end();
    expect(await exited).toBe(0);
    expect(await portClosed(port, 5_000)).toBe(true);
  });
});
