import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "../../src/errors.js";
import { catalogue, de, en } from "../../src/i18n/catalogue.js";
import { date, phrase, plural, say, t } from "../../src/i18n/translate.js";
import type { PlainDate } from "../../src/time/plain-date.js";

const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the catalogue", () => {
  it("has every key in both languages, and no key in only one", () => {
    const missingInEn = Object.keys(de).filter((k) => !Object.hasOwn(en, k));
    const missingInDe = Object.keys(en).filter((k) => !Object.hasOwn(de, k));
    expect({ missingInEn, missingInDe }).toEqual({ missingInEn: [], missingInDe: [] });
  });

  it("has no empty text, and the same placeholders in German and English", () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect(de[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(holes(de[key]), key).toEqual(holes(en[key]));
    }
  });

  it("has a title, a message and a hint for every finding code the rules and builds report", () => {
    for (const code of Object.keys(FINDING_CODES)) {
      expect(Object.hasOwn(catalogue.de, `title.${code}`), code).toBe(true);
    }
  });

  it("fills placeholders, formats dates per language and picks plurals", () => {
    const p = phrase("overdue.message", { task: "Angebot", due: date("2026-11-20" as PlainDate), ago: plural(3, "n.daySince") });
    expect(say("de", p)).toBe("Aufgabe „Angebot“ war fällig am 20.11.2026 (seit 3 Tagen).");
    expect(say("en", p)).toBe('Action "Angebot" was due on 20 Nov 2026 (3 days ago).');
    expect(t("de", "n.day.one", { n: 1 })).toBe("1 Tag");
    expect(say("en", plural(1, "n.argument"))).toBe("1 argument");
  });

  it("leaves a braced word in a value alone: deal text is never a template", () => {
    expect(t("de", "missing-owner.message", { task: "{owner} {{ x }}" })).toBe(
      "Aufgabe „{owner} {{ x }}“ hat keine verantwortliche Person.",
    );
  });
});
