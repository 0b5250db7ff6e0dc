// Each step of the cascade as its draft reads, read from the follow-up-due finding at the day it becomes due:
// reminder friendly, importance with what is at stake (the client's open task), question in one line (the
// "9-word e-mail"), close asking for a clean yes or no — in German (Sie and du) and English.
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { followUpBody, followUpStep } from "../../src/export/follow-up-mail.js";
import { analyseFiles } from "../helpers/analyse.js";

const file = (extra: string[]) =>
  [
    "title: Wärmepumpen",
    "customer: Hoffmann Logistik GmbH",
    "meeting:",
    "  date: 2026-11-02",
    "protocol_sent: 2026-11-02",
    "participants:",
    "  - name: Dr. Martin Hoffmann",
    "    company: Hoffmann Logistik GmbH",
    "    salutation: Herr",
    "    email: m.hoffmann@hoffmann.example",
    "actions:",
    "  - task: Verbrauchsdaten schicken",
    "    owner: Dr. Martin Hoffmann",
    "    due: 2026-11-16",
    "  - task: Interne Freigabe",
    "    owner: Jonas Keller",
    "    due: 2026-11-16",
    "    internal: true",
    "next_meeting:",
    "  date: 2026-11-03",
    ...extra,
    "",
  ].join("\n");

async function drafts(extra: string[], days: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const [label, today] of Object.entries(days)) {
    const analysis = await analyseFiles({ "lead.yaml": file(extra) }, { today });
    const result = analysis.deals[0];
    const finding = result?.findings.find((f) => f.code === "follow-up-due");
    const step = finding ? followUpStep(finding) : undefined;
    out[label] =
      step && result?.deal ? `${step}\n${followUpBody(result.deal, DEFAULT_CONFIG, step).replace(/\r\n/g, "\n")}` : "none";
  }
  return out;
}

describe("the follow-up draft of each step", () => {
  it("follows the finding from the day before the first step to the last, Sie", async () => {
    const days = {
      before: "2026-11-08",
      reminder: "2026-11-09",
      importance: "2026-11-16",
      question: "2026-11-23",
      close: "2026-12-07",
    };
    expect(await drafts([], days)).toMatchInlineSnapshot(`
      {
        "before": "none",
        "close": "close
      Sehr geehrter Herr Dr. Hoffmann,

      ich habe zu „Wärmepumpen“ länger nichts gehört und nehme an, dass es gerade keine Priorität hat. Ist es in Ordnung, wenn ich das Thema vorerst schließe? Ein kurzes Ja oder Nein genügt – auch ein Nein hilft uns beiden.

      Viele Grüße
      ",
        "importance": "importance
      Sehr geehrter Herr Dr. Hoffmann,

      ich melde mich noch einmal zu „Wärmepumpen“, weil davon der nächste Schritt abhängt.

      Offen ist noch:
      - Verbrauchsdaten schicken – bis 16.11.2026

      Können Sie mir kurz sagen, bis wann das möglich ist?

      Viele Grüße
      ",
        "question": "question
      Sehr geehrter Herr Dr. Hoffmann,

      ist „Wärmepumpen“ für Sie noch aktuell?

      Viele Grüße
      ",
        "reminder": "reminder
      Sehr geehrter Herr Dr. Hoffmann,

      ich wollte kurz nachfragen, wie der Stand bei „Wärmepumpen“ ist. Über eine kurze Rückmeldung freue ich mich.

      Viele Grüße
      ",
      }
    `);
  });

  it("says du and speaks English as the deal says", async () => {
    const du = await drafts(["address: du"], { question: "2026-11-23", importance: "2026-11-16" });
    expect(du).toMatchInlineSnapshot(`
      {
        "importance": "importance
      Hallo Martin,

      ich melde mich noch einmal zu „Wärmepumpen“, weil davon der nächste Schritt abhängt.

      Offen ist noch:
      - Verbrauchsdaten schicken – bis 16.11.2026

      Kannst du mir kurz sagen, bis wann das möglich ist?

      Viele Grüße
      ",
        "question": "question
      Hallo Martin,

      ist „Wärmepumpen“ für dich noch aktuell?

      Viele Grüße
      ",
      }
    `);
    const en = await drafts(["language: en"], { question: "2026-11-23" });
    expect(en).toMatchInlineSnapshot(`
      {
        "question": "question
      Dear Dr Hoffmann,

      Is “Wärmepumpen” still a priority for you?

      Kind regards
      ",
      }
    `);
  });
});
