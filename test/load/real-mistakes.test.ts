// The YAML mistakes people really make: each gives exactly one finding, on the right line and column, with the
// remedy, in German and in English. The full text of each is snapshotted beside its fixture.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { wordFinding } from "../../src/errors.js";
import { analyse } from "../../src/pipeline.js";
import { formatFinding } from "../../src/report/format-text.js";
import type { PlainDate } from "../../src/time/plain-date.js";

const ROOT = path.resolve(import.meta.dirname, "../fixtures/mistakes");

const CASES = [
  { slug: "colon-in-value", code: "invalid-yaml", at: "6:27", de: /Anführungszeichen/, en: /Quote the value/ },
  { slug: "missing-dash", code: "invalid-yaml", at: "9:5", de: /beginnt mit `- `/, en: /starts with `- `/ },
  { slug: "tab-indent", code: "invalid-yaml", at: "4:1", de: /Leerzeichen/, en: /spaces, not tabs/ },
  { slug: "template-uncommented", code: "invalid-yaml", at: "5:15", de: /`\[\]` hinter/, en: /Delete `\[\]`/ },
  // The hints of issue 35: what people really get wrong after three meetings.
  {
    slug: "german-date-impossible",
    code: "invalid-field",
    at: "8:10",
    de: /möglich ist z\. B\. `2026-11-30`/,
    en: /`2026-11-30`/,
  },
  {
    slug: "impossible-due-before-meeting",
    code: "invalid-field",
    at: "8:10",
    de: /nicht vor dem Termin \(01\.03\.2027\).*`2027-03-01`/,
    en: /not before the meeting .*`2027-03-01`/,
  },
  {
    slug: "german-date-no-year",
    code: "invalid-field",
    at: "6:9",
    de: /mit Jahr schreiben: `2026-12-03`/,
    en: /with the year: `2026-12-03`/,
  },
  { slug: "unquoted-time", code: "invalid-field", at: "5:9", de: /`time: "09:30"`/, en: /`time: "09:30"`/ },
  {
    slug: "colon-in-list-item",
    code: "invalid-field",
    at: "6:13",
    de: /`- "Kennzahl: mehr als 90 % der Maßnahmen pünktlich"`/,
    en: /Put the entry in quotes/,
  },
  {
    slug: "colon-in-flow-list",
    code: "invalid-field",
    at: "5:19",
    de: /`"Lieferzeit: sechs Wochen"`/,
    en: /square brackets in quotes/,
  },
  {
    slug: "flow-list-split",
    code: "list-split-at-comma",
    at: "15:12",
    de: /- Früher eskalieren – nach dem zweiten Termin, nicht nach dem dritten\./,
    en: /one entry per line below `lessons:`/,
  },
  {
    slug: "owner-near-spelling",
    code: "owner-not-participant",
    at: "9:12",
    de: /Meinten Sie „Anna Schulz“/,
    en: /Did you mean "Anna Schulz"/,
  },
] as const;

describe("messages for real mistakes", async () => {
  const analysis = await analyse({
    dealsDir: "test/fixtures/mistakes",
    cwd: path.resolve(import.meta.dirname, "../.."),
    today: "2026-11-23" as PlainDate,
    config: DEFAULT_CONFIG,
  });

  it("has a case for every fixture", () => {
    expect(analysis.deals.map((d) => d.slug).sort()).toEqual(CASES.map((c) => c.slug).sort());
  });

  it.each(CASES)("$slug: exactly one finding, at $at, with the remedy", async (c) => {
    const result = analysis.deals.find((d) => d.slug === c.slug);
    const findings = result?.findings ?? [];
    expect(findings.map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual([`${c.code}@${c.at}`]);
    const f = findings[0];
    if (!f || !result) throw new Error("no finding");
    expect(wordFinding(f, "de").hint).toMatch(c.de);
    expect(wordFinding(f, "en").hint).toMatch(c.en);
    for (const language of ["de", "en"] as const) {
      const text = `${formatFinding(f, language, (n) => result.lines[n])}\n`;
      await expect(text).toMatchFileSnapshot(path.join(ROOT, `${c.slug}.${language}.txt`));
    }
  });
});
