// Every finding rule, table-driven: when it fires, when it stays silent (the boundary days included), and where
// it points. The minimal deal from `deal()` had its meeting on Friday 20.11.2026; lines 1–4 are title, customer,
// `meeting:` and its date, so extra lines start at line 5. "Today" is Monday 23.11.2026 unless a case says otherwise.
import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { wordFinding } from "../../src/errors.js";
import { pushedBack } from "../../src/history/git-facts.js";
import type { Version } from "../../src/history/read-history.js";
import type { Snapshot } from "../../src/history/snapshot.js";
import { kpiFor } from "../../src/model/kpi.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { analyseFiles, deal, en } from "../helpers/analyse.js";

interface Case {
  name: string;
  lines: string[];
  today?: string;
  config?: Partial<Config>;
  /** The findings of the code under test, as "line:column", in order. */
  expected: string[];
}

const action = (...fields: string[]) => ["actions:", `  - task: Angebot schicken`, ...fields.map((f) => `    ${f}`)];
const NEXT = ["next_meeting:", "  date: 2026-12-01"];

async function positionsOf(code: string, c: Case): Promise<{ at: string[]; messages: string[]; hints: string[] }> {
  const analysis = await analyseFiles({ "d.yaml": deal(...c.lines) }, { today: c.today, config: c.config });
  const result = analysis.deals[0];
  expect(result?.deal, JSON.stringify(result?.findings)).toBeDefined();
  const found = (result?.findings ?? []).filter((f) => f.code === code);
  for (const f of found) {
    expect(f.severity).toBe("warning");
    expect(f.file).toBe("deals/d.yaml");
  }
  return {
    at: found.map((f) => `${f.line}:${f.column}`),
    messages: found.map((f) => `${en(f).message} | ${wordFinding(f, "de").message}`),
    hints: found.map((f) => en(f).hint),
  };
}

const TABLE: Record<string, Case[]> = {
  "missing-owner": [
    { name: "open action without owner", lines: action("due: 2026-11-27"), expected: ["6:11"] },
    { name: "action with owner", lines: action("owner: Anna Schulz"), expected: [] },
    { name: "done action without owner", lines: action("status: done"), expected: [] },
    { name: "dropped action without owner", lines: action("status: dropped"), expected: [] },
  ],
  "vague-owner": [
    { name: "wir", lines: action("owner: wir"), expected: ["7:12"] },
    { name: "Wir (capitalised)", lines: action("owner: Wir"), expected: ["7:12"] },
    { name: "a team", lines: action("owner: Team Einkauf"), expected: ["7:12"] },
    { name: "a department", lines: action("owner: Abteilung Recht"), expected: ["7:12"] },
    { name: "only group words", lines: action("owner: wir und alle"), expected: ["7:12"] },
    { name: "a placeholder", lines: action("owner: n.n."), expected: ["7:12"] },
    { name: "a question mark", lines: action('owner: "?"'), expected: ["7:12"] },
    { name: "English", lines: action("owner: we"), expected: ["7:12"] },
    { name: "one named person", lines: action("owner: Anna Schulz"), expected: [] },
    { name: "a name containing a group word", lines: action("owner: Anna Wirth"), expected: [] },
    { name: "a done action", lines: action("owner: wir", "status: done"), expected: [] },
    {
      name: "configured words replace the built-in ones",
      lines: action("owner: Team Einkauf"),
      config: { vagueOwners: ["irgendwer"] },
      expected: [],
    },
    {
      name: "a configured word",
      lines: action("owner: Irgendwer"),
      config: { vagueOwners: ["irgendwer"] },
      expected: ["7:12"],
    },
  ],
  "owner-not-participant": [
    {
      name: "a typo in the name",
      lines: ["participants:", "  - name: Anna Schulz", ...action("owner: Anna Schultz")],
      expected: ["9:12"],
    },
    { name: "the full name", lines: ["participants:", "  - name: Anna Schulz", ...action("owner: Anna Schulz")], expected: [] },
    { name: "the last name", lines: ["participants:", "  - name: Anna Schulz", ...action("owner: Schulz")], expected: [] },
    { name: "with salutation", lines: ["participants:", "  - name: Anna Schulz", ...action("owner: Frau Schulz")], expected: [] },
    { name: "no participants recorded", lines: action("owner: Anna Schultz"), expected: [] },
    {
      name: "a vague owner (its own finding)",
      lines: ["participants:", "  - name: Anna Schulz", ...action("owner: wir")],
      expected: [],
    },
  ],
  "missing-due": [
    { name: "open action without date", lines: action("owner: Anna Schulz"), expected: ["6:11"] },
    { name: "open action with date", lines: action("due: 2026-11-27"), expected: [] },
    { name: "done action without date", lines: action("status: done"), expected: [] },
  ],
  overdue: [
    { name: "due yesterday", lines: action("due: 2026-11-22"), expected: ["7:10"] },
    { name: "due a year ago", lines: action("due: 2025-11-23"), today: "2026-11-23", expected: ["7:10"] },
    { name: "due today", lines: action("due: 2026-11-23"), expected: [] },
    { name: "due tomorrow", lines: action("due: 2026-11-24"), expected: [] },
    { name: "done after the date", lines: action("due: 2026-11-21", "status: done", "done_on: 2026-11-22"), expected: [] },
    { name: "over a year end", lines: action("due: 2026-12-31"), today: "2027-01-01", expected: ["7:10"] },
  ],
  "due-before-meeting": [
    { name: "due the day before the meeting", lines: action("due: 2026-11-19"), expected: ["7:10"] },
    { name: "due on the meeting day", lines: action("due: 2026-11-20"), expected: [] },
    { name: "done", lines: action("due: 2025-11-19", "status: done"), expected: [] },
  ],
  "missing-next-meeting": [
    { name: "active deal without next appointment", lines: [], expected: ["1:8"] },
    { name: "with a next appointment", lines: NEXT, expected: [] },
    { name: "a paused deal", lines: ["status: paused"], expected: [] },
    { name: "a won deal", lines: ["status: won"], expected: [] },
    { name: "a lost deal", lines: ["status: lost", "lost_reason: Preis"], expected: [] },
  ],
  "next-meeting-past": [
    { name: "yesterday", lines: ["next_meeting:", "  date: 2026-11-22"], expected: ["6:9"] },
    { name: "today", lines: ["next_meeting:", "  date: 2026-11-23"], expected: [] },
    { name: "in the future", lines: NEXT, expected: [] },
    { name: "a paused deal", lines: ["status: paused", "next_meeting:", "  date: 2026-11-22"], expected: [] },
  ],
  "protocol-late": [
    { name: "meeting + 2 days (48 hours) is not late", lines: NEXT, today: "2026-11-22", expected: [] },
    { name: "meeting + 3 days is late", lines: NEXT, today: "2026-11-23", expected: ["4:9"] },
    { name: "the meeting day itself", lines: NEXT, today: "2026-11-20", expected: [] },
    { name: "recap sent", lines: [...NEXT, "protocol_sent: 2026-11-21"], today: "2026-11-30", expected: [] },
    {
      name: "a configured threshold",
      lines: NEXT,
      today: "2026-11-25",
      config: { thresholds: { ...DEFAULT_CONFIG.thresholds, protocolLateDays: 5 } },
      expected: [],
    },
  ],
  "deal-stale": [
    {
      name: "30 days without contact or next step",
      lines: ["protocol_sent: 2026-11-20"],
      today: "2026-12-20",
      expected: ["1:8"],
    },
    { name: "29 days", lines: ["protocol_sent: 2026-11-20"], today: "2026-12-19", expected: [] },
    { name: "a next appointment ahead", lines: [...NEXT, "protocol_sent: 2026-11-20"], today: "2026-11-30", expected: [] },
    {
      name: "an open action due ahead",
      lines: ["protocol_sent: 2026-11-20", ...action("owner: Anna Schulz", "due: 2027-01-15")],
      today: "2026-12-31",
      expected: [],
    },
    {
      name: "a recent action done by the client counts as contact",
      lines: [
        "protocol_sent: 2026-11-20",
        "participants:",
        "  - name: Anna Schulz",
        ...action("owner: Anna Schulz", "status: done", "done_on: 2026-12-10"),
      ],
      today: "2026-12-31",
      expected: [],
    },
    { name: "a paused deal", lines: ["status: paused", "protocol_sent: 2026-11-20"], today: "2027-06-01", expected: [] },
  ],
  "closed-with-open-actions": [
    {
      name: "lost with an open action",
      lines: ["status: lost", ...action("owner: Anna Schulz", "due: 2026-12-01")],
      expected: ["5:9"],
    },
    {
      name: "won with an open action: onboarding, not a mistake",
      lines: ["status: won", ...action("owner: Anna Schulz", "due: 2026-12-01")],
      expected: [],
    },
    { name: "won with everything done", lines: ["status: won", ...action("status: done")], expected: [] },
    { name: "active with open actions", lines: [...NEXT, ...action("owner: Anna Schulz")], expected: [] },
  ],
  "lost-without-reason": [
    { name: "lost without reason", lines: ["status: lost"], expected: ["5:9"] },
    { name: "lost with reason", lines: ["status: lost", "lost_reason: Preis zu hoch"], expected: [] },
    { name: "won", lines: ["status: won"], expected: [] },
  ],
  "ambiguous-time": [
    {
      name: "a time the clocks skip (summer time starts)",
      lines: ["next_meeting:", "  date: 2027-03-28", '  time: "02:30"'],
      expected: ["7:9"],
    },
    {
      name: "a time that happens twice (summer time ends)",
      lines: ["next_meeting:", "  date: 2027-10-31", '  time: "02:30"'],
      expected: ["7:9"],
    },
    { name: "the hour after the switch", lines: ["next_meeting:", "  date: 2027-10-31", '  time: "03:30"'], expected: [] },
    {
      name: "another zone's switch day",
      lines: ["next_meeting:", "  date: 2027-03-14", '  time: "02:30"'],
      expected: [],
    },
    {
      name: "the configured zone decides",
      lines: ["next_meeting:", "  date: 2027-03-14", '  time: "02:30"'],
      config: { timeZone: "America/New_York" },
      expected: ["7:9"],
    },
  ],
};

describe.each(Object.entries(TABLE))("%s", (code, cases) => {
  it.each(cases)("$name", async (c) => {
    const { at, messages, hints } = await positionsOf(code, c);
    expect(at).toEqual(c.expected);
    for (const m of messages) expect(m).not.toMatch(/undefined|NaN|\[object/);
    for (const h of hints) expect(h.length).toBeGreaterThan(10);
  });
});

describe("messages", () => {
  it.each([
    [
      "overdue",
      action("due: 2026-11-22"),
      /was due on 22 Nov 2026 \(1 day ago\)\. \| .*war fällig am 22\.11\.2026 \(seit 1 Tag\)/,
    ],
    ["overdue", action("due: 2026-11-13"), /\(10 days ago\).*\(seit 10 Tagen\)/],
    ["protocol-late", NEXT, /meeting on 20 Nov 2026 has not been sent \(3 days ago\).*Termin am 20\.11\.2026/],
    [
      "vague-owner",
      action("owner: wir"),
      /owned by "wir", which is not one person\. \| Aufgabe „Angebot schicken“ liegt bei „wir“/,
    ],
    [
      "closed-with-open-actions",
      ["status: lost", ...action("owner: A")],
      /lost but 1 action is still open.*verloren, aber 1 Aufgabe ist/,
    ],
  ])("%s says what is wrong in English and German", async (code, lines, pattern) => {
    const { messages } = await positionsOf(code, { name: code, lines, expected: [] });
    expect(messages[0]).toMatch(pattern);
  });

  it("suggests the participant meant when an owner is misspelt", async () => {
    const { hints } = await positionsOf("owner-not-participant", {
      name: "typo",
      lines: ["participants:", "  - name: Anna Schulz", "  - name: Bernd Koch", ...action("owner: Bernd Kochh")],
      expected: [],
    });
    expect(hints).toEqual(['Did you mean "Bernd Koch"? Otherwise add the person under `participants:`.']);
  });
});

describe("due dates pushed back (from git history, see test/diff for the end-to-end case)", () => {
  it.each([
    { name: "moved later three times", dues: ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"], expected: 3 },
    { name: "moved earlier does not count", dues: ["2026-11-22", "2026-11-15"], expected: 0 },
    { name: "unchanged versions do not count", dues: ["2026-11-22", "2026-11-22", "2026-11-29"], expected: 1 },
    { name: "a date added later is not a postponement", dues: [undefined, "2026-11-22"], expected: 0 },
  ])("$name", ({ dues, expected }) => {
    const versions = history(dues.map((due) => [{ key: "angebot", task: "Angebot schicken", ...(due ? { due } : {}) }]));
    expect(pushedBack("deals/x.yaml", versions).angebot ?? 0).toBe(expected);
  });

  it("follows an action by its key (its id) when the task is reworded", () => {
    const versions = history([
      [{ key: "offer", task: "Angebot schicken", due: "2026-11-01" }],
      [{ key: "offer", task: "Angebot final schicken", due: "2026-11-08" }],
    ]);
    expect(pushedBack("deals/x.yaml", versions).offer).toBe(1);
  });

  /** Versions of one deal, one a day, each with these actions (open). */
  function history(versions: { key: string; task: string; due?: string }[][]): Version[] {
    return versions.map((actions, i) => ({
      commit: String(i).repeat(40),
      time: i * 86_400,
      date: `2026-10-${String(i + 1).padStart(2, "0")}` as Version["date"],
      ordinal: i + 1,
      snapshot: { actions: actions.map((a) => ({ ...a, status: "open" })) } as unknown as Snapshot,
    }));
  }
});

describe("follow-up numbers (KPIs)", () => {
  const kpiOf = async (lines: string[], today = "2026-11-23") => {
    const analysis = await analyseFiles({ "d.yaml": deal(...lines) }, { today });
    return kpiFor(
      analysis.deals.flatMap((d) => (d.deal ? [d.deal] : [])),
      today as PlainDate,
    );
  };
  const actions = (...items: string[][]) => [
    "actions:",
    ...items.flatMap(([task, ...fields]) => [`  - task: ${task}`, ...fields.map((f) => `    ${f}`)]),
  ];

  it.each([
    {
      name: "nothing measurable yet",
      items: [["A", "due: 2026-11-30"]],
      expected: { open: 1, overdue: 0, done: 0, measured: 0, onTime: 0, onTimeRate: null },
    },
    {
      name: "done on the due day counts as on time",
      items: [["A", "due: 2026-11-21", "status: done", "done_on: 2026-11-21"]],
      expected: { open: 0, done: 1, measured: 1, onTime: 1, onTimeRate: 1 },
    },
    {
      name: "done a day late does not",
      items: [["A", "due: 2026-11-21", "status: done", "done_on: 2026-11-22"]],
      expected: { done: 1, measured: 1, onTime: 0, onTimeRate: 0 },
    },
    {
      name: "an overdue open action counts against the rate",
      items: [
        ["A", "due: 2026-11-21", "status: done", "done_on: 2026-11-20"],
        ["B", "due: 2026-11-22"],
      ],
      expected: { open: 1, overdue: 1, done: 1, measured: 2, onTime: 1, onTimeRate: 0.5 },
    },
    {
      name: "dropped actions and done ones without dates do not count",
      items: [
        ["A", "due: 2026-11-21", "status: dropped"],
        ["B", "status: done"],
      ],
      expected: { open: 0, overdue: 0, done: 1, measured: 0, onTimeRate: null },
    },
  ])("$name", async ({ items, expected }) => {
    expect(await kpiOf(actions(...items))).toMatchObject(expected);
  });
});
