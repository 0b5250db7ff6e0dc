// A file that does not build has no deal page: its chips link to its row on the finding's page. With the finding
// pages in pages of 100 (findings/<code>/2/, …), a link to the first page could miss the row.
import { describe, expect, it } from "vitest";
import { assembleSite } from "../../src/render/assemble-site.js";
import { analyseFiles } from "../helpers/analyse.js";

describe("a broken file's chips", () => {
  it("link to its row on the page of the finding that holds it", async () => {
    const files = Object.fromEntries(Array.from({ length: 103 }, (_, i) => [`kaputt-${i + 1}.yaml`, "title: [kaputt\n"]));
    const view = assembleSite(await analyseFiles(files));
    const pages = view.findingPages.filter((page) => page.code === "invalid-yaml");
    expect(pages.map((page) => page.rows.length)).toEqual([100, 3]);
    for (const page of pages) {
      for (const row of page.rows) {
        const href = view.rows.find((r) => r.slug === row.slug)?.chips.find((c) => c.code === "invalid-yaml")?.href;
        expect(href).toBe(`${page.path}/index.html#deal-${encodeURIComponent(row.slug)}`);
      }
    }
    expect(pages[1]?.path).toBe("findings/invalid-yaml/2");
  });
});
