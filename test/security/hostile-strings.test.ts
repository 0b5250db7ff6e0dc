// Deal files come from pull requests: every string field must come out as text. A build over a deal full of
// markup, script URLs and template syntax must produce pages without a single executable piece of it.
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { isOwnSvgTag } from "../helpers/own-svg.js";
import { runCli } from "../helpers/run-cli.js";

const SCRIPT = `<script>alert(1)</script>`;
const ATTR = `" onmouseover="alert(2)" x="`;
const IMG = `<img src=x onerror=alert(3)>`;
const NUNJUCKS = "{{ 7*7 }} {% raw %}x{% endraw %} {{ range(3) }}";
const LIQUID = "{% assign x = 1 %}{{ x | plus: 48 }}";
const hostile = (label: string) => `${label} ${SCRIPT} ${ATTR} ${IMG} ${NUNJUCKS} ${LIQUID}`;
const q = (text: string) => JSON.stringify(text);
const ODD = `RTL \u202Eevil\u202C zero\u200Bwidth emoji 😀🤝 ${"Donaudampfschifffahrtsgesellschaftskapitän".repeat(8)}`;

const LINKS = [
  "[a](javascript:alert(4))",
  "[b](JaVaScRiPt:alert(5))",
  "[c](java\tscript:alert(6))",
  "[d](&#106;avascript:alert(7))",
  "[e](vbscript:msgbox(8))",
  "[f](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)",
  "[g](data:image/png;base64,iVBORw0KGgo=)",
  "<javascript:alert(10)>",
  "![h](http://127.0.0.1:9/tracker.png)",
  '<a href="javascript:alert(11)">raw</a>',
  "<svg onload=alert(12)>",
  "[ok](https://example.com/path?q=1)",
].join(" ");

const DEAL = `
title: ${q(hostile("Titel"))}
customer: ${q(hostile("Kunde"))}
meeting:
  date: 2026-11-20
  place: ${q(hostile("Ort"))}
participants:
  - name: ${q(hostile("Name"))}
    company: ${q(hostile("Firma"))}
    role: ${q(hostile("Rolle"))}
    phone: ${q(hostile("Telefon"))}
summary: ${q(`${hostile("Summary")} ${LINKS}`)}
decisions:
  - ${q(`${hostile("Entscheidung")} ${LINKS}`)}
terms:
  delivery: ${q(hostile("Lieferung"))}
  other:
    - ${q(LINKS)}
options:
  - key: A
    title: ${q(hostile("Option"))}
    if_then: ${q(LINKS)}
actions:
  - task: ${q(hostile("Aufgabe"))}
    owner: ${q(hostile("Owner"))}
    due: 2026-11-27
    note: ${q(hostile("Notiz"))}
risks:
  - ${q(`${hostile("Risiko")} ${LINKS}`)}
  - ${q(ODD)}
next_meeting:
  date: 2026-12-02
  place: ${q(hostile("Nächster Ort"))}
  agenda:
    - ${q(hostile("Agenda"))}
communication:
  rhythm: ${q(hostile("Rhythmus"))}
escalation:
  - when: ${q(hostile("Wenn"))}
    then: ${q(hostile("Dann"))}
internal:
  notes: ${q(`${hostile("Intern")} ${LINKS}`)}
  signals:
    - ${q(hostile("Signal"))}
  lessons:
    - ${q(`${hostile("Lesson")} ${LINKS}`)}
`;

let pages: { file: string; html: string }[] = [];

beforeAll(async () => {
  const cwd = await dealsDir({
    "feindlich.yaml": DEAL,
    "kaputt.yaml": `title: ${q(hostile("Kaputt"))}\ncustomer: [${SCRIPT}\n`,
  });
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code).toBe(1); // kaputt.yaml is broken; feindlich.yaml builds
  const out = path.join(cwd, "_site");
  const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
  pages = files.map((file) => ({ file, html: readFileSync(path.join(out, file), "utf8") }));
  expect(pages.map((p) => p.file)).toContain(path.join("deals", "feindlich", "index.html"));
});

describe("hostile strings in every field", () => {
  it("never produce a script element, an event handler or a script URL", () => {
    for (const { file, html } of pages) {
      // Escaped deal text never contains a raw "<", so every match here is a real tag.
      const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
      expect(tags.length, file).toBeGreaterThan(10);
      for (const tag of tags) {
        // The only script is our own sort enhancement, loaded from the site's assets.
        if (/^<script\b/i.test(tag)) expect(tag, file).toMatch(/^<script src="(\.\.\/)*assets\/sort\.js" defer>$/);
        // The only SVGs are our own (the trend chart, the internal padlock), never one from a deal.
        if (/^<svg\b/i.test(tag)) expect(isOwnSvgTag(tag), `${file}: ${tag}`).toBe(true);
        expect(tag, file).not.toMatch(/^<(img|iframe|object|embed)\b/i);
        // Attribute names only: escaped deal text inside a quoted value (a title="…") is inert.
        const names = tag.replace(/"[^"]*"/g, '""');
        expect(names, file).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag.match(/"/g)?.length ?? 0, `${file}: quotes are balanced, no value broke out`).toSatisfy(
          (n: number) => n % 2 === 0,
        );
        expect(tag, file).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
      }
    }
  });

  it("show the text the author wrote, escaped", () => {
    const page = pages.find((p) => p.file.includes("feindlich"))?.html ?? "";
    expect(page).toContain("Titel &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&quot; onmouseover=&quot;alert(2)&quot; x=&quot;");
    expect(page).toContain("Intern &lt;script&gt;");
    expect(page).toContain('href="https://example.com/path?q=1"');
  });

  it("keep right-to-left marks, zero-width characters, emoji and very long words as text", () => {
    const page = pages.find((p) => p.file.includes("feindlich"))?.html ?? "";
    expect(page).toContain(ODD);
  });

  it("keep template syntax literal instead of evaluating it", () => {
    const page = pages.find((p) => p.file.includes("feindlich"))?.html ?? "";
    expect(page).toContain("{{ 7*7 }}");
    expect(page).toContain("{% raw %}x{% endraw %}");
    expect(page).toContain("{{ x | plus: 48 }}");
    expect(page).not.toContain(">49<");
  });

  it("list the broken deal's file on the index as text", () => {
    const index = pages.find((p) => p.file === "index.html")?.html ?? "";
    expect(index).toContain("deals/kaputt.yaml");
    expect(index).toContain('data-finding="invalid-yaml"');
  });
});
