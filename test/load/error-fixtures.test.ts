// One fixture per way a deal file can be broken, grouped by finding code; the full text output of each
// (position, message, fix, caret frame) is snapshotted beside it as <name>.txt.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { wordFinding } from "../../src/errors.js";
import { analyse } from "../../src/pipeline.js";
import { formatFinding } from "../../src/report/format-text.js";
import type { PlainDate } from "../../src/time/plain-date.js";

const ROOT = path.resolve(import.meta.dirname, "../fixtures/errors");
const codes = readdirSync(ROOT);

describe.each(codes)("%s fixtures", async (code) => {
  const analysis = await analyse({
    dealsDir: path.join("test/fixtures/errors", code),
    cwd: path.resolve(import.meta.dirname, "../.."),
    today: "2026-11-23" as PlainDate,
    config: DEFAULT_CONFIG,
  });

  it.each(analysis.deals.map((d) => [d.slug, d] as const))("%s", async (slug, result) => {
    expect(result.deal, "a broken file is never built").toBeUndefined();
    expect(result.title).toBeNull();
    expect(result.findings.map((f) => f.code)).toContain(code);
    for (const f of result.findings) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      for (const language of ["de", "en"] as const) {
        const { hint } = wordFinding(f, language);
        expect(hint, `${f.code} at ${f.line}:${f.column} tells how to fix it (${language})`).toBeTruthy();
      }
    }
    // The full text of every finding in both languages: German is the default, English with --lang en.
    for (const language of ["de", "en"] as const) {
      const text = result.findings.map((f) => formatFinding(f, language, (n) => result.lines[n])).join("\n\n");
      const name = language === "en" ? `${slug}.txt` : `${slug}.de.txt`;
      await expect(`${text}\n`).toMatchFileSnapshot(path.join(ROOT, code, name));
    }
  });
});
