// `build --audience client` builds a site for wider publication: nothing of `internal:`, no findings, no
// lessons page, no mail drafts, no owner or filter pages, no report.json. Canaries in every internal field
// (taken from the schema, so a field added later is covered too) must not appear in any file it writes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { pdftotext } from "../helpers/poppler.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const schema = JSON.parse(readFileSync(path.join(ROOT, "schema", "deal.schema.json"), "utf8")) as {
  properties: { internal: { properties: Record<string, { type?: string }> } };
};
const INTERNAL_FIELDS = Object.entries(schema.properties.internal.properties);
const canary = (field: string) => `KANARIE${field.toUpperCase().replace(/[^A-Z]/g, "")}X`;

/** The deal: every internal field holds its canary; one action has a vague owner, so there are findings. */
function canaryDeal(): string {
  const internal = INTERNAL_FIELDS.map(([field, spec]) =>
    spec.type === "array"
      ? `  ${field}:\n    - ${canary(field)} eins\n    - ${canary(field)} zwei`
      : `  ${field}: ${canary(field)} Notiz`,
  );
  return [
    "title: Rahmenvertrag Kanarienvogel",
    "customer: Vogel GmbH",
    "meeting:",
    "  date: 2026-11-20",
    "participants:",
    "  - name: Anna Schulz",
    "    email: a.schulz@vogel.example",
    "summary: Wir haben den Rahmen besprochen.",
    "actions:",
    "  - task: Angebot schicken",
    "    owner: wir",
    "    due: 2026-11-10",
    "next_meeting:",
    "  date: 2026-12-02",
    "internal:",
    ...internal,
  ].join("\n");
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** The text of a file as a reader (or a search engine) would get it: PDFs through pdftotext. */
const textOf = (file: string) => (file.endsWith(".pdf") ? pdftotext(file) : readFileSync(file, "latin1"));

describe("build --audience client", () => {
  let cwd: string;
  let client: string[];
  beforeAll(async () => {
    cwd = await dealsDir({ "kanarie.yaml": canaryDeal() });
    const team = await runCli(["build", "--today", "2026-11-23", "--out", "team"], { cwd });
    expect(team.stderr).toContain("Built 1 deal");
    // The client site is built into the folder a team build used before: nothing of it may survive.
    await runCli(["build", "--today", "2026-11-23", "--out", "client"], { cwd });
    const result = await runCli(["build", "--today", "2026-11-23", "--out", "client", "--audience", "client"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    client = walk(path.join(cwd, "client"));
  });

  it("the team site does show every canary (so the test below can fail)", () => {
    const team = walk(path.join(cwd, "team")).map(textOf).join("\n");
    for (const [field] of INTERNAL_FIELDS) expect(team, field).toContain(canary(field));
    expect(team).toContain('data-finding="vague-owner"');
  });

  it("no file of the client site contains a canary from any internal field", () => {
    expect(INTERNAL_FIELDS.length).toBeGreaterThanOrEqual(4);
    for (const file of client) {
      const text = textOf(file);
      for (const [field] of INTERNAL_FIELDS)
        expect(text, `${path.relative(cwd, file)}: internal.${field}`).not.toContain(canary(field));
    }
  });

  it("has no findings, no lessons, owner, filter or upcoming page, no mail draft, no report.json", () => {
    const files = client.map((file) => path.relative(path.join(cwd, "client"), file).split(path.sep).join("/")).sort();
    expect(files).toEqual([
      // The site's typeface (the PDFs' Source Sans 3), shipped with the pages.
      ...["latin", "latin-ext"].flatMap((set) =>
        [400, 600, 700].map((weight) => `assets/fonts/source-sans-3-${set}-${weight}-normal.woff2`),
      ),
      "assets/site.css",
      "assets/sort.js",
      "calendar.ics",
      "deals/kanarie/index.html",
      "deals/kanarie/kanarie.ics",
      "deals/kanarie/kanarie.pdf",
      "index.html",
      "robots.txt",
    ]);
    for (const file of client.filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(file, "utf8");
      expect(html, file).not.toContain("data-finding");
      expect(html, file).not.toMatch(/vague-owner|lessons\/|owners\/|findings\/|status\/|\.eml/);
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(readFileSync(path.join(cwd, "client", "index.html"), "utf8")).toContain('href="deals/kanarie/"');
  });

  it("refuses an unknown audience (exit 2)", async () => {
    const result = await runCli(["build", "--no-pdf", "--audience", "public"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown audience `--audience public`.");
  });
});

describe("every site keeps search engines out", () => {
  it("has robots.txt disallowing everything and noindex on every page", async () => {
    const cwd = await dealsDir({ "kanarie.yaml": canaryDeal() });
    await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(readFileSync(path.join(cwd, "_site", "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
    const pages = walk(path.join(cwd, "_site")).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages)
      expect(readFileSync(page, "utf8"), page).toContain('<meta name="robots" content="noindex, nofollow">');
  });
});

describe("client templates are an allowlist", () => {
  it("a page template added later for the team is not rendered on a client site", async () => {
    const { skippedTemplates } = await import("../../src/render/client-view.js");
    const all = ["assets/site.css.njk", "client-index.njk", "deal.njk", "index.njk", "review.njk", "robots.njk"];
    expect(skippedTemplates("client", all)).toEqual(["index.njk", "review.njk"]);
    expect(skippedTemplates("team", all)).toEqual(["client-index.njk"]);
  });
});
