// The greeting of a client mail, for the person it goes to: Herr/Frau with titles, du, English, no salutation
// (no gender guessed), a free form, several recipients in one line, many together — one snapshot.
import { describe, expect, it } from "vitest";
import { greetingLine } from "../../src/export/greeting.js";
import type { Participant } from "../../src/model/deal.js";

const hoffmann: Participant = { name: "Dr. Martin Hoffmann", salutation: "Herr" };
const lange: Participant = { name: "Sabine Lange", salutation: "Frau" };
const keller: Participant = { name: "Jonas Keller", salutation: "Herr" };
const plain: Participant = { name: "Kim Berger" };
const free: Participant = { name: "Martin Hoffmann", salutation: "Hallo Martin," };

describe("the greeting line", () => {
  it("greets each person as the salesperson would", () => {
    const de = { language: "de", address: "Sie" } as const;
    const du = { language: "de", address: "du" } as const;
    const en = { language: "en", address: "Sie" } as const;
    const enDu = { language: "en", address: "du" } as const;
    const lines = {
      herr: greetingLine([hoffmann], de),
      herrOhneTitel: greetingLine([keller], de),
      frau: greetingLine([lange], de),
      du: greetingLine([hoffmann], du),
      duOhneAnrede: greetingLine([plain], du),
      englishMr: greetingLine([keller], en),
      englishMs: greetingLine([lange], en),
      englishTitle: greetingLine([hoffmann], en),
      englishFirstName: greetingLine([lange], enDu),
      none: greetingLine([plain], de),
      noneEnglish: greetingLine([plain], en),
      freeForm: greetingLine([free], de),
      several: greetingLine([lange, hoffmann, plain], de),
      severalEnglish: greetingLine([lange, hoffmann], en),
      severalDu: greetingLine([lange, hoffmann], du),
      many: greetingLine([lange, hoffmann, plain, keller, free], de),
      nobody: greetingLine([], de),
      nobodyEnglish: greetingLine([], en),
    };
    expect(lines).toMatchInlineSnapshot(`
      {
        "du": "Hallo Martin,",
        "duOhneAnrede": "Hallo Kim,",
        "englishFirstName": "Dear Sabine,",
        "englishMr": "Dear Mr Keller,",
        "englishMs": "Dear Ms Lange,",
        "englishTitle": "Dear Dr Hoffmann,",
        "frau": "Sehr geehrte Frau Lange,",
        "freeForm": "Hallo Martin,",
        "herr": "Sehr geehrter Herr Dr. Hoffmann,",
        "herrOhneTitel": "Sehr geehrter Herr Keller,",
        "many": "Guten Tag zusammen,",
        "nobody": "Guten Tag,",
        "nobodyEnglish": "Hello,",
        "none": "Guten Tag Kim Berger,",
        "noneEnglish": "Dear Kim Berger,",
        "several": "Sehr geehrte Frau Lange, sehr geehrter Herr Dr. Hoffmann, guten Tag Kim Berger,",
        "severalDu": "Hallo Sabine, hallo Martin,",
        "severalEnglish": "Dear Ms Lange, dear Dr Hoffmann,",
      }
    `);
  });
});
