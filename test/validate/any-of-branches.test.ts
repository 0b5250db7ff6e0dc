// Keys that take two forms (a line or `{text, internal}`, a v3 or a v2 escalation step) report only the
// complaint of the form the author wrote, not every form's plus "anyOf".
import { describe, expect, it } from "vitest";
import { analyseFiles, deal, en } from "../helpers/analyse.js";

async function problems(...lines: string[]): Promise<string[]> {
  const analysis = await analyseFiles({ "a.yaml": deal(...lines) });
  return (analysis.deals[0]?.findings ?? []).map((f) => `${f.line}:${f.column} ${en(f).message}`);
}

describe("a key of two forms", () => {
  it("accepts both forms of every v3 key, and the old string forms", async () => {
    const analysis = await analyseFiles({
      "a.yaml": deal(
        "address: du",
        "risks:",
        "  - Lieferzeit knapp",
        "  - text: Budget wackelt",
        "    internal: true",
        "abort_criteria:",
        "  - Kein Budget",
        "  - text: Keine Rückmeldung",
        "    by: 2026-12-18",
        "escalation:",
        "  - after_days: 7",
        "    step: reminder",
        "  - when: keine Antwort nach 3 Tagen",
        "    then: Anruf",
        "communication:",
        "  rhythm:",
        "    weekday: tuesday",
        '    time: "09:00"',
        "    duration: 20",
        "  review: 2026-12-18",
        "contacts:",
        "  - date: 2026-11-25",
        "    channel: mail",
        "    direction: out",
        "    with: Anna Schulz",
        "    note: Zählerliste angemahnt",
        "    evasive: false",
        "kpi:",
        "  goal: 0.9",
        "  window_days: 30",
        "  since: 2026-12-04",
        "  exit_option: C",
      ),
    });
    expect(analysis.deals[0]?.findings.filter((f) => f.severity === "error")).toEqual([]);
    const model = analysis.deals[0]?.deal;
    expect(model?.address).toBe("du");
    expect(model?.cascade).toEqual([{ afterDays: 7, step: "reminder", index: 0 }]);
    // biome-ignore lint/suspicious/noThenProperty: `then` is a key of v2 escalation steps.
    expect(model?.escalation).toEqual([{ when: "keine Antwort nach 3 Tagen", then: "Anruf" }]);
    expect(model?.communication).toEqual({ rhythm: { weekday: "tuesday", time: "09:00", duration: 20 }, review: "2026-12-18" });
    expect(model?.commitment).toEqual({ goal: 0.9, windowDays: 30, since: "2026-12-04", exitOption: "C" });
    expect(model?.contacts).toEqual([
      {
        index: 0,
        date: "2026-11-25",
        channel: "mail",
        direction: "out",
        with: "Anna Schulz",
        note: "Zählerliste angemahnt",
        evasive: false,
      },
    ]);
  });

  it("names only the misspelt key of a {text, internal} item", async () => {
    expect(await problems("risks:", "  - text: x", "    internl: true")).toEqual(["7:5 Unknown key `internl` in risks[1]."]);
  });

  it("names only the wrong step of a v3 escalation item, and only the missing half of a v2 one", async () => {
    expect(await problems("escalation:", "  - after_days: 7", "    step: remind", "  - when: a")).toEqual([
      '7:11 `escalation[1].step` must be one of reminder, importance, question, close, not "remind".',
      "8:5 Missing required key `then` in escalation[2].",
    ]);
  });

  it("names only the wrong weekday of a structured rhythm", async () => {
    expect(await problems("communication:", "  rhythm:", "    weekday: tue", '    time: "09:00"')).toEqual([
      '7:14 `communication.rhythm.weekday` must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, not "tue".',
    ]);
  });

  it("says a list is no line", async () => {
    expect(await problems("abort_criteria:", "  - [a]")).toEqual(["6:5 `abort_criteria[1]` must be text, not a list."]);
  });
});
