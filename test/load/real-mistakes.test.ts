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
