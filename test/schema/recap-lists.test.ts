// The recap lists are declared once, in the schema ("x-protokoll": "recap-list"); model, views, templates and
// diff follow from that mark. These tests hold the mark to what the code assumes of it.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { dealChanges } from "../../src/diff/diff-deals.js";
import { describeChange, formatDiffMarkdown } from "../../src/diff/format-diff.js";
import { messages } from "../../src/render/i18n.js";
import { renderPrintHtml } from "../../src/render/render-print-html.js";
import { recapLists, schemas } from "../../src/validate/schemas.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

const plain = { text: (s: string) => s, strong: (s: string) => s };

describe("recap lists", () => {
  it("are the marked fields of the schema, each an array of Markdown lines or {text, internal} items", () => {
    const { dealSchema } = schemas();
    const properties = dealSchema.properties as Record<string, { type?: string; items?: { $ref?: string } }>;
    const definitions = dealSchema.definitions as Record<string, { anyOf?: { $ref?: string; properties?: object }[] }>;
    expect(recapLists()).toEqual(expect.arrayContaining(["risks", "abort_criteria"]));
    for (const key of recapLists()) {
      expect(properties[key]?.type, key).toBe("array");
      const ref = properties[key]?.items?.$ref ?? "";
      if (ref === "#/definitions/markdown") continue;
      const [line, item] = definitions[ref.replace("#/definitions/", "")]?.anyOf ?? [];
      expect(line?.$ref, key).toBe("#/definitions/markdown");
      expect(Object.keys(item?.properties ?? {}), key).toEqual(expect.arrayContaining(["text", "internal"]));
    }
  });

  it("keep items marked internal out of the client's lists and in the team's", async () => {
    const analysis = await analyseFiles({
      "a.yaml": deal(
        "risks:",
        "  - Lieferzeit knapp",
        "  - text: Budget wackelt",
        "    internal: true",
        "abort_criteria:",
        "  - text: Keine Rückmeldung bis 18.12.2026",
        "    by: 2026-12-18",
        "  - text: Einkauf blockiert",
        "    internal: true",
      ),
    });
    const model = analysis.deals[0]?.deal;
    expect(model?.lists.risks).toEqual(["Lieferzeit knapp"]);
    expect(model?.lists.abort_criteria).toEqual(["Keine Rückmeldung bis 18.12.2026"]);
    expect(model?.internalLists).toEqual({ risks: ["Budget wackelt"], abort_criteria: ["Einkauf blockiert"] });
    expect(model?.abortCriteria).toEqual([
      { index: 0, text: "Keine Rückmeldung bis 18.12.2026", by: "2026-12-18", internal: false },
      { index: 1, text: "Einkauf blockiert", internal: true },
    ]);
  });

  it.each(["de", "en"] as const)("each has a heading in %s", (language) => {
    const t = messages(language) as Record<string, string>;
    for (const key of recapLists()) expect(t[`list.${key}`], key).toMatch(/\S/);
  });

  it("are all in the model, empty when the file has none", async () => {
    const analysis = await analyseFiles({ "a.yaml": deal("risks:", "  - Lieferzeit *knapp*") });
    const model = analysis.deals[0]?.deal;
    expect(Object.keys(model?.lists ?? {})).toEqual([...recapLists()]);
    expect(model?.lists.risks).toEqual(["Lieferzeit *knapp*"]);
    expect(model?.lists.abort_criteria).toEqual([]);
  });

  it("name their added and removed lines in a diff, in the deal's language", async () => {
    const before = await analyseFiles({ "a.yaml": deal("risks:", "  - Alt", "  - Bleibt") });
    const after = await analyseFiles({ "a.yaml": deal("risks:", "  - Bleibt", "  - Neu") });
    const a = before.deals[0]?.deal;
    const b = after.deals[0]?.deal;
    if (!a || !b) throw new Error("invalid test deal");
    const changes = dealChanges(a, b);
    expect(changes).toEqual([
      { type: "list-line-removed", list: "risks", text: "Alt" },
      { type: "list-line-added", list: "risks", text: "Neu" },
    ]);
    expect(changes.map((c) => describeChange(c, "de", plain))).toEqual([
      "Offene Risiken, gestrichen: „Alt“",
      "Offene Risiken, neu: „Neu“",
    ]);
    expect(describeChange(changes[1] as (typeof changes)[number], "en", plain)).toBe("Open risks, added: “Neu”");
  });

  it("show open_questions, added by the recipe alone, on the recap under its heading", async () => {
    const analysis = await analyseFiles({ "a.yaml": deal("open_questions:", "  - Wer gibt das **Budget** frei?") });
    const [doc] = await renderPrintHtml(analysis);
    expect(doc?.html).toContain('<section class="list list--open_questions">');
    expect(doc?.html).toContain("<h2>Offene Fragen</h2>");
    expect(doc?.html).toContain("<li>Wer gibt das <strong>Budget</strong> frei?</li>");
  });

  it("puts a hostile list line into the pull-request summary as text: no heading, image, link or raw HTML", async () => {
    const hostile = '"# Fake ![x](https://evil.example/p.png) <img src=x onerror=alert(1)> [click](https://evil.example)"';
    const before = await analyseFiles({ "a.yaml": deal("risks:", "  - Alt") });
    const after = await analyseFiles({ "a.yaml": deal("risks:", `  - ${hostile}`) });
    const a = before.deals[0]?.deal;
    const b = after.deals[0]?.deal;
    if (!a || !b) throw new Error("invalid test deal");
    const diff = { slug: "a", file: "deals/a.yaml", title: "Testdeal", language: "de" as const, kind: "changed" as const };
    const markdown = formatDiffMarkdown(
      [
        {
          ...diff,
          invalid: { base: false, head: false },
          changes: dealChanges(a, b),
          findings: { introduced: [], resolved: [], changed: [] },
        },
      ],
      "main..HEAD",
      "de",
    );
    const tokens = new MarkdownIt().parse(markdown, {});
    const inline = tokens.flatMap((t) => t.children ?? []);
    expect(inline.filter((t) => ["image", "link_open", "html_inline"].includes(t.type))).toEqual([]);
    expect(tokens.filter((t) => t.type === "html_block")).toEqual([]);
    expect(tokens.filter((t) => t.type === "heading_open").length).toBe(2);
    expect(markdown).toContain("Offene Risiken, neu:");
  });
});
