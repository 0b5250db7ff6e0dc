// The deals with one finding come in pages like every list: at 10 000 deals the overdue actions were one 14 MB
// page, too large for a browser and for the build's memory. Page 1 stays at findings/<code>/ (the index links
// there), the others follow at findings/<code>/2/, …; every link on a later page resolves from its own folder.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const overdue = (n: number) =>
  [
    `title: Deal ${n}`,
    "customer: Test GmbH",
    "meeting:",
    "  date: 2026-11-02",
    "protocol_sent: 2026-11-03",
    "actions:",
    "  - task: Angebot schicken",
    "    owner: Anna Schulz",
    `    due: 2026-11-${String(1 + (n % 20)).padStart(2, "0")}`,
    "next_meeting:",
    "  date: 2026-12-10",
    "",
  ].join("\n");

describe("finding pages", () => {
  it("list 100 deals a page, with a pager, the first at findings/<code>/", async () => {
    const files = Object.fromEntries(Array.from({ length: 205 }, (_, i) => [`deal-${i + 1}.yaml`, overdue(i + 1)]));
    const cwd = await dealsDir(files);
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(0);
    const site = path.join(cwd, "_site");
    const page = (file: string) => readFileSync(path.join(site, file), "utf8");
    const rows = (html: string) => [...html.matchAll(/<tr class="deal-row[^"]*" id="deal-([^"]+)"/g)].map((m) => m[1]);

    const pages = ["findings/overdue/index.html", "findings/overdue/2/index.html", "findings/overdue/3/index.html"];
    const listed = pages.map((file) => rows(page(file)));
    expect(listed.map((slugs) => slugs.length)).toEqual([100, 100, 5]);
    // Every overdue deal once, over all pages.
    expect(new Set(listed.flat()).size).toBe(205);
    expect(existsSync(path.join(site, "findings/overdue/4/index.html"))).toBe(false);

    // The pager on each page names every page, and the current one.
    const second = page("findings/overdue/2/index.html");
    expect(second).toContain('aria-current="page">101–200</a>');
    expect(second).toContain('href="../../../findings/overdue/index.html">1–100</a>');
    // Each relative link of a later page resolves to a file of the site.
    for (const [, href] of second.matchAll(/href="(\.\.\/[^"#]*)"/g)) {
      const target = path.resolve(site, "findings/overdue/2", href as string);
      expect(existsSync(target.endsWith("/") ? path.join(target, "index.html") : target), href).toBe(true);
    }
  });

  it("link a broken file with a hostile name to its row as text: escaped in HTML, percent-encoded in the URL", async () => {
    const hostile = 'Böse "Datei" <b>#?x';
    const cwd = await dealsDir({ [`${hostile}.yaml`]: "title: [kaputt\n", "gut.yaml": overdue(1) });
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(1);
    const index = readFileSync(path.join(cwd, "_site", "index.html"), "utf8");
    const expected = `findings/invalid-yaml/index.html#deal-${encodeURIComponent(hostile)}`;
    expect(index).toContain(`href="${expected}"`);
    expect(index).not.toContain("<b>#?x");
    const page = readFileSync(path.join(cwd, "_site", "findings", "invalid-yaml", "index.html"), "utf8");
    // The row the link points at: its id is the name, HTML-escaped, which is what the fragment decodes to.
    expect(page).toContain('id="deal-Böse &quot;Datei&quot; &lt;b&gt;#?x"');
  });
});
