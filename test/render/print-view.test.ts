// The print view's rules, table-driven: plural of copies, soft line breaks, time zones shown by rule, action
// order, sides of the participants, and the draft flag from send-readiness.
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { recapParties } from "../../src/model/recap-parties.js";
import { messages } from "../../src/render/i18n.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { copiesLabel, printView } from "../../src/render/print-view.js";
import { showsZone, zoneAbbreviation } from "../../src/time/format-date.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

async function analysed(...lines: string[]) {
  const analysis = await analyseFiles({ "d.yaml": deal(...lines) });
  const result = analysis.deals[0];
  if (!result?.deal) throw new Error(JSON.stringify(result?.findings));
  return { deal: result.deal, readiness: result.readiness, config: analysis.config };
}

describe("copies", () => {
  it.each([
    ["de", 1, "1 Exemplar"],
    ["de", 2, "2 Exemplare"],
    ["en", 1, "1 copy"],
    ["en", 3, "3 copies"],
  ] as const)("%s %i → %s", (language, count, label) => {
    expect(copiesLabel(count, messages(language))).toBe(label);
  });
});

describe("Markdown line breaks", () => {
  it("keeps a line break inside a paragraph soft (a block scalar wraps long lines)", () => {
    expect(renderMarkdown("Erste Zeile\nzweite Zeile")).toBe("<p>Erste Zeile\nzweite Zeile</p>\n");
    expect(renderMarkdown("hart  \numbrochen")).toContain("<br>");
  });
});

describe("time zones", () => {
  it.each([
    ["de", "Europe/Berlin", false],
    ["de", "Europe/Vienna", false],
    ["en", "Europe/Berlin", true],
    ["de", "Europe/London", true],
    ["de", "America/New_York", true],
  ] as const)("a %s deal in %s shows the zone: %s", (language, zone, shown) => {
    expect(showsZone(language, zone)).toBe(shown);
  });

  it.each([
    ["2026-11-19", "16:00", "Europe/Berlin", "en", "CET"],
    ["2026-07-19", "16:00", "Europe/Berlin", "en", "CEST"],
    ["2026-07-19", "16:00", "Europe/Berlin", "de", "MESZ"],
    ["2026-01-19", "16:00", "Europe/Vienna", "de", "MEZ"],
    ["2026-11-19", "16:00", "Europe/Dublin", "en", "GMT"],
    ["2026-07-19", "16:00", "Europe/Dublin", "en", "IST"],
    ["2026-07-19", "16:00", "Europe/London", "en", "BST"],
    ["2026-07-19", "16:00", "Asia/Kolkata", "en", "UTC+05:30"],
    ["2026-01-19", "16:00", "America/New_York", "en", "UTC−05:00"],
  ] as const)("%s %s in %s (%s) is %s", (date, time, zone, language, name) => {
    expect(zoneAbbreviation(date as PlainDate, time, zone, language)).toBe(name);
  });

  it("writes the zone after an English deal's meeting time", async () => {
    const { deal: d, readiness, config } = await analysed('  time: "16:00"', "language: en");
    expect(printView(d, config, readiness).meeting.time).toBe("16:00 CET");
  });
});

describe("actions in the recap", () => {
  it("come open by due date (undated last), then done, then dropped", async () => {
    const {
      deal: d,
      readiness,
      config,
    } = await analysed(
      "actions:",
      "  - { task: erledigt, owner: A B, due: 2026-11-21, status: done, done_on: 2026-11-21 }",
      "  - { task: ohne Datum, owner: A B }",
      "  - { task: spät, owner: A B, due: 2026-12-10 }",
      "  - { task: entfallen, owner: A B, status: dropped }",
      "  - { task: früh, owner: A B, due: 2026-11-25 }",
    );
    const view = printView(d, config, readiness);
    expect(view.actions.map((a) => a.task)).toEqual(["früh", "spät", "ohne Datum", "erledigt", "entfallen"]);
    expect(view.actions.find((a) => a.task === "ohne Datum")?.due).toBeUndefined();
    expect(view.actions[3]).toMatchObject({ state: "erledigt", doneOn: "21.11.2026" });
  });
});

describe("sides and readiness", () => {
  it("splits participants by `side:`, our company and the sender", async () => {
    const { deal: d, config } = await analysed(
      "participants:",
      "  - { name: Kundin Eins, company: Test GmbH }",
      "  - { name: Kollege Zwei, company: Wir AG }",
      "  - { name: Beraterin Drei, company: Extern KG, side: ours }",
      "  - { name: Senderin Vier }",
      "sender: { name: Senderin Vier, company: Wir }",
    );
    const parties = recapParties(d, config);
    expect(parties.client.map((p) => p.name)).toEqual(["Kundin Eins"]);
    expect(parties.ours.map((p) => p.name)).toEqual(["Kollege Zwei", "Beraterin Drei", "Senderin Vier"]);
    expect(printView(d, config, undefined).sides.map((s) => s.heading)).toEqual(["Teilnehmende Test GmbH", "Teilnehmende Wir"]);
  });

  it("is a draft exactly when a configured blocking finding is present", async () => {
    const draft = await analysed("actions:", "  - task: Angebot schicken");
    expect(draft.readiness?.ready).toBe(false);
    expect(draft.readiness?.counts.map((c) => c.code)).toEqual(["missing-owner", "missing-due", "missing-next-meeting"]);
    expect(printView(draft.deal, draft.config, draft.readiness).draft).toBe(true);
    const relaxed = await analyseFiles(
      { "d.yaml": deal("actions:", "  - task: Angebot schicken") },
      { config: { sendReady: { blocking: [] } } },
    );
    expect(relaxed.deals[0]?.readiness?.ready).toBe(true);
    expect(DEFAULT_CONFIG.sendReady.blocking).toEqual(["missing-owner", "vague-owner", "missing-due", "missing-next-meeting"]);
  });
});

// The PDF said "Wenn – dann: Wenn der Launch-Termin …" and, under the heading "Kommunikation", "Kommunikation: …".
describe("labels that would repeat their text or heading", () => {
  it("drops the if-then label before a text that starts with Wenn, and names the channel row Kanal", async () => {
    const {
      deal: d,
      readiness,
      config,
    } = await analysed(
      "options:",
      "  - key: A",
      "    title: Umfang straffen",
      "    if_then: Wenn der Termin wichtiger ist, dann entfällt der Film.",
      "    success: Alle Seiten live.",
      "  - key: B",
      "    title: Plan B",
      "    if_then: Der volle Umfang bleibt, sobald beide Entscheider die Fenster halten.",
      "    success: 90 % der Freigaben im Fenster.",
      "communication:",
      "  channel: Projekt-Board",
    );
    const view = printView(d, config, readiness);
    expect(view.options.map((o) => o.ifThenLabelled)).toEqual([false, true]);
    expect(view.communication).toEqual([{ label: "Kanal", value: "Projekt-Board" }]);
  });
});
