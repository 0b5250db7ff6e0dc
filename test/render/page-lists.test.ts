// After a save, `serve` renders only the overview pages whose content changed: changedItems() compares the
// site views before and after, item by item.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assembleSite } from "../../src/render/assemble-site.js";
import { changedItems, idOf, PAGED, PAGED_TEMPLATES, pagePath, SINGLE_PAGE_FIELDS } from "../../src/render/page-lists.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

const withOwner = (title: string, owner: string) =>
  deal("actions:", "  - task: Angebot schicken", `    owner: ${owner}`, "    due: 2026-11-30").replace("Testdeal", title);

const view = async (files: Record<string, string>) => assembleSite(await analyseFiles(files));
const ids = (lists: ReturnType<typeof changedItems>) =>
  Object.fromEntries(PAGED.map((kind) => [kind, (lists[kind] as never[]).map((item) => idOf(kind, item))]));

describe("changedItems", () => {
  it("is empty when nothing changed", async () => {
    const files = { "a.yaml": withOwner("A", "Anna Schulz"), "b.yaml": withOwner("B", "Bernd Meier") };
    const changed = ids(changedItems(await view(files), await view(files)));
    for (const kind of PAGED) expect(changed[kind], kind).toEqual([]);
  });

  it("names the owner whose deal changed and the list pages that show it, not the other owner", async () => {
    const before = await view({ "a.yaml": withOwner("A", "Anna Schulz"), "b.yaml": withOwner("B", "Bernd Meier") });
    const after = await view({ "a.yaml": withOwner("A neu", "Anna Schulz"), "b.yaml": withOwner("B", "Bernd Meier") });
    const changed = ids(changedItems(before, after));
    expect(changed.owners).toEqual(["anna-schulz"]);
    expect(changed.all).toEqual(["all/1"]);
    expect(changed.status).toContain("status/active");
  });

  it("names every item when there was no view before, and a new owner", async () => {
    const one = await view({ "a.yaml": withOwner("A", "Anna Schulz") });
    const two = await view({ "a.yaml": withOwner("A", "Anna Schulz"), "c.yaml": withOwner("C", "Carla Weiß") });
    expect(ids(changedItems(undefined, one)).owners).toEqual(one.owners.map((o) => o.slug));
    expect(ids(changedItems(one, two)).owners).toContain("carla-weiss");
    expect(ids(changedItems(one, two)).owners).not.toContain("anna-schulz");
  });

  it.each([
    ["owners", "anna-schulz", "owners/anna-schulz/index.html"],
    ["findings", "overdue", "findings/overdue/index.html"],
    ["findings", "overdue/2", "findings/overdue/2/index.html"],
    ["status", "status/active/2", "status/active/2/index.html"],
    ["reviews", "2026-W48", "review/2026-W48/index.html"],
  ] as const)("puts the page of a %s item %s at %s, where its template's permalink does", (kind, id, file) => {
    expect(pagePath(kind, id)).toBe(file);
  });
});

describe("SINGLE_PAGE_FIELDS", () => {
  // The pages made once per site are keyed by these fields of the site view alone (src/cli/stages/outputs/
  // site-output.ts): a template that read another one would be left stale after a change to it.
  it("lists every field of the site view the pages made once per site read", () => {
    const dir = fileURLToPath(new URL("../../templates/", import.meta.url));
    // Every template rendered once per site, the assets (site.css, sort.js) among them.
    const singles = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
      (name) => name.endsWith(".njk") && !name.startsWith("_includes") && !PAGED_TEMPLATES.includes(name),
    );
    expect(singles).toEqual(expect.arrayContaining(["index.njk", "owners.njk", "upcoming.njk", "lessons.njk"]));
    const read = new Set<string>();
    const seen = new Set<string>();
    // An include sees the names its includer gave `protokoll` (`{% set s = protokoll %}` in index.njk, `s.index`
    // in this-week.njk), so they are passed down.
    const visit = (file: string, inherited: readonly string[]) => {
      const text = readFileSync(file, "utf8");
      const own = [...text.matchAll(/set\s+(\w+)\s*=\s*protokoll\s*[-%]/g)].map((m) => m[1] as string);
      const names = [...new Set(["protokoll", ...inherited, ...own])];
      const visitKey = `${file}\0${names.join(",")}`;
      if (seen.has(visitKey)) return;
      seen.add(visitKey);
      for (const name of names) for (const m of text.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, "g"))) read.add(m[1] as string);
      for (const m of text.matchAll(/\{%-?\s*(?:include|extends|import|from)\s+"([^"]+)"/g))
        visit(path.join(dir, "_includes", m[1] as string), names);
    };
    for (const name of singles) visit(path.join(dir, name), []);
    // Besides the view: the messages (from `lang`) and the build's flags (serve's `form` among them), both in the key of every page.
    const allowed = new Set<string>([...SINGLE_PAGE_FIELDS, "t", "pdfs", "extras", "audience", "mail", "form"]);
    expect([...read].filter((field) => !allowed.has(field))).toEqual([]);
    expect(read.has("rows") && read.has("index")).toBe(true);
  });
});
