// writeBack: only the text of changed nodes changes; comments, quoting, blank lines and line endings stay.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withoutEmpty } from "../../src/cli/edit/plain-values.js";
import { writeBack } from "../../src/cli/edit/write-back.js";
import type { Plain } from "../../src/cli/edit/yaml-text.js";

const FILE = `# Kopf-Kommentar
title: 'Liefervertrag'   # einfache Anführungszeichen
customer: "Stadtwerke"
meeting:
  date: 2026-11-20 # Termin
  time: "10:00"

# Teilnehmende
participants:
  - name: Anna Schulz
    role: Einkauf
  - name: Jonas Keller
summary: |
  Zwei Zeilen,
  bitte behalten.
actions:
  - task: Plan senden
    owner:
    due: 2026-11-27
lessons_flow: [a, b]
internal:
  notes: ""
`.replace("lessons_flow: [a, b]\n", "");

const data = () => withoutEmpty(parse(FILE)) as Record<string, Plain>;
const edit = (text: string, change: (d: Record<string, Plain>) => void) => {
  const d = withoutEmpty(parse(text)) as Record<string, Plain>;
  change(d);
  return writeBack(text, d);
};

describe("writeBack", () => {
  it('gives the very same text when nothing changed, empty keys (`owner:`, `notes: ""`) included', () => {
    expect(writeBack(FILE, data())).toBe(FILE);
    const crlf = FILE.replace(/\n/g, "\r\n");
    expect(writeBack(crlf, withoutEmpty(parse(crlf)) as Record<string, Plain>)).toBe(crlf);
  });

  it("changes one value in its own quoting style and keeps the comment after it", () => {
    const out = edit(FILE, (d) => {
      (d.meeting as Record<string, Plain>).date = "2026-11-21";
      d.title = "Rahmenvertrag";
      d.customer = "Stadtwerke Nord";
    });
    expect(out).toBe(
      FILE.replace("date: 2026-11-20 # Termin", "date: 2026-11-21 # Termin")
        .replace("'Liefervertrag'", "'Rahmenvertrag'")
        .replace('"Stadtwerke"', '"Stadtwerke Nord"'),
    );
  });

  it("fills `owner:` that had no value, adds and removes keys and items, line endings of a CRLF file kept", () => {
    const crlf = FILE.replace(/\n/g, "\r\n");
    const out = edit(crlf, (d) => {
      const action = (d.actions as Record<string, Plain>[])[0] as Record<string, Plain>;
      action.owner = "Anna Schulz";
      action.status = "open";
      (d.participants as Plain[]).pop();
      const first = (d.participants as Record<string, Plain>[])[0] as Record<string, Plain>;
      delete first.role;
      d.decisions = ["Kennzahl: mehr als 90 %"];
      d.next_meeting = { date: "2026-12-01", time: "09:00" };
    });
    expect(out).toBe(
      [
        "# Kopf-Kommentar",
        "title: 'Liefervertrag'   # einfache Anführungszeichen",
        'customer: "Stadtwerke"',
        "meeting:",
        "  date: 2026-11-20 # Termin",
        '  time: "10:00"',
        "",
        "# Teilnehmende",
        "participants:",
        "  - name: Anna Schulz",
        "summary: |",
        "  Zwei Zeilen,",
        "  bitte behalten.",
        "actions:",
        "  - task: Plan senden",
        "    owner: Anna Schulz",
        // A new key goes after the one before it in the new data (the form sends the schema's order).
        "    status: open",
        "    due: 2026-11-27",
        "decisions:",
        '  - "Kennzahl: mehr als 90 %"',
        "next_meeting:",
        "  date: 2026-12-01",
        '  time: "09:00"',
        "internal:",
        '  notes: ""',
        "",
      ].join("\r\n"),
    );
  });

  it("writes a multi-line value as a literal block, a one-line value over a block as a plain line", () => {
    const out = edit(FILE, (d) => {
      d.summary = "Eine Zeile";
      d.title = "Erste\nZweite";
    });
    expect(parse(out)).toMatchObject({ summary: "Eine Zeile", title: "Erste\nZweite" });
    expect(out).toContain("summary: Eine Zeile\nactions:");
    expect(out).toContain("title: |-\n  Erste\n  Zweite\n");
  });

  it("rewrites a flow list whole, and keeps what is around it", () => {
    const text = "title: T # t\nrisks: [eins, zwei] # Liste\ncustomer: K\n";
    const out = edit(text, (d) => {
      d.risks = ["eins", "zwei, drei"];
    });
    expect(out).toBe('title: T # t\nrisks: [ "eins", "zwei, drei" ] # Liste\ncustomer: K\n');
  });

  it("removes entries from the middle of a list as whole lines, the entries after them untouched", () => {
    const text = "actions:\n  - task: A # erste\n  - task: B\n    status: done\n  # zu C\n  - task: C # dritte\n  - task: D\n";
    const out = edit(text, (d) => {
      d.actions = (d.actions as Record<string, Plain>[]).filter((a) => a.status !== "done");
    });
    expect(out).toBe("actions:\n  - task: A # erste\n  # zu C\n  - task: C # dritte\n  - task: D\n");
  });

  it("moves an entry up with its comment lines, none of its fields written again (regression: up rewrote both)", () => {
    const text =
      "actions:\n  # zu A\n  - task: A # erste\n    due: 2026-11-27\n\n  # zu B\n  - task: 'B'\n    owner: Eva   # sie\n  - C\nnext: 1\n";
    const out = edit(text, (d) => {
      const list = d.actions as Plain[];
      [list[0], list[1]] = [list[1] as Plain, list[0] as Plain];
    });
    expect(out).toBe(
      "actions:\n  # zu B\n  - task: 'B'\n    owner: Eva   # sie\n\n  # zu A\n  - task: A # erste\n    due: 2026-11-27\n  - C\nnext: 1\n",
    );
  });

  it("moves and edits inside a moved entry and appends, or moves and removes, the file without a final line break", () => {
    const text = "risks:\n  - eins # 1\n  - zwei\n  - drei # 3\n  - vier";
    const out = edit(text, (d) => {
      d.risks = ["vier", "zwei", "eins", "drei!", "fünf"];
    });
    expect(out).toBe("risks:\n  - vier\n  - zwei\n  - eins # 1\n  - drei! # 3\n  - fünf");
    const dropped = edit(text, (d) => {
      d.risks = ["vier", "eins", "drei"];
    });
    expect(dropped).toBe("risks:\n  - vier\n  - eins # 1\n  - drei # 3");
  });

  it("turns a list item's line into `text` and `internal: true` behind its dash, and back", () => {
    const text = "risks:\n  - Ohne Daten kein Angebot.\n  - text: Wenig Rückhalt\n    internal: true\nnext: 1\n";
    const out = edit(text, (d) => {
      d.risks = [{ text: "Ohne Daten kein Angebot.", internal: true }, "Wenig Rückhalt"];
    });
    expect(out).toBe("risks:\n  - text: Ohne Daten kein Angebot.\n    internal: true\n  - Wenig Rückhalt\nnext: 1\n");
  });

  it("refuses to write what would not read back", () => {
    expect(() => writeBack("title: T\n", { title: "\ud800" })).not.toThrow();
    expect(parse(writeBack("title: T\n", { title: "a\u0000b" })).title).toBe("a\u0000b");
  });
});
