// The follow-up rules of contract v3, table-driven at their day boundaries (the day before, on, after), with
// the message in English and German. The minimal deal from `deal()` had its meeting on Friday 20.11.2026;
// lines 1–4 are title, customer, `meeting:` and its date, so extra lines start at line 5. Deal-wide findings
// point at the title's value (1:8).
import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { wordFinding } from "../../src/errors.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

interface Case {
  name: string;
  lines: string[];
  today: string;
  config?: Partial<Config>;
  /** "line:column" of each finding of the code, in order. */
  at: string[];
  /** Patterns the English and German message (and hint) must match, when the code fires. */
  en?: RegExp;
  de?: RegExp;
  hint?: RegExp;
}

const actions = (...items: string[][]) => [
  "actions:",
  ...items.flatMap(([task, ...fields]) => [`  - task: ${task}`, ...fields.map((f) => `    ${f}`)]),
];
const contacts = (...items: string[][]) => [
  "contacts:",
  ...items.flatMap(([first, ...fields]) => [`  - ${first}`, ...fields.map((f) => `    ${f}`)]),
];

const TABLE: Record<string, Case[]> = {
  "follow-up-due": [
    { name: "six days after the meeting", lines: [], today: "2026-11-26", at: [] },
    {
      name: "seven days after the meeting: reminder",
      lines: [],
      today: "2026-11-27",
      at: ["1:8"],
      en: /^No answer since 20 Nov 2026 \(7 days ago\): the step "reminder" is due\.$/,
      de: /^Keine Antwort seit 20\.11\.2026 \(seit 7 Tagen\): die Stufe „Erinnerung“ ist fällig\.$/,
      hint: /friendly reminder/,
    },
    { name: "eight days after: still reminder", lines: [], today: "2026-11-28", at: ["1:8"], en: /"reminder"/ },
    { name: "13 days: reminder", lines: [], today: "2026-12-03", at: ["1:8"], en: /"reminder"/ },
    { name: "14 days: importance", lines: [], today: "2026-12-04", at: ["1:8"], en: /"importance"/, de: /„Bedeutung“/ },
    { name: "15 days: still importance", lines: [], today: "2026-12-05", at: ["1:8"], en: /"importance"/, de: /„Bedeutung“/ },
    { name: "20 days: importance", lines: [], today: "2026-12-10", at: ["1:8"], en: /"importance"/, de: /„Bedeutung“/ },
    { name: "21 days: one question", lines: [], today: "2026-12-11", at: ["1:8"], en: /"one question"/, de: /„Eine Frage“/ },
    {
      name: "22 days: still one question",
      lines: [],
      today: "2026-12-12",
      at: ["1:8"],
      en: /"one question"/,
      de: /„Eine Frage“/,
    },
    { name: "34 days: still one question", lines: [], today: "2026-12-24", at: ["1:8"], en: /"one question"/ },
    {
      name: "35 days: close, and the hint says how to close as lost",
      lines: [],
      today: "2026-12-25",
      at: ["1:8"],
      en: /"close"/,
      de: /„Abschluss“/,
      hint: /`status: lost` and `lost_reason: No answer since 20 Nov 2026`/,
    },
    {
      name: "36 days: still close",
      lines: [],
      today: "2026-12-26",
      at: ["1:8"],
      en: /^No answer since 20 Nov 2026 \(36 days ago\): the step "close" is due\.$/,
      de: /^Keine Antwort seit 20\.11\.2026 \(seit 36 Tagen\): die Stufe „Abschluss“ ist fällig\.$/,
    },
    {
      name: "counts from our last unanswered contact, and points at it",
      lines: contacts(["date: 2026-11-25", "channel: mail", "direction: out"]),
      today: "2026-12-02",
      at: ["6:5"],
      en: /since 25 Nov 2026 \(7 days ago\).*"reminder"/,
    },
    {
      name: "the day before, counted from that contact",
      lines: contacts(["date: 2026-11-25", "channel: mail", "direction: out"]),
      today: "2026-12-01",
      at: [],
    },
    {
      name: "counts from the recap sent",
      lines: ["protocol_sent: 2026-11-23"],
      today: "2026-11-29",
      at: [],
    },
    {
      name: "an inbound contact ends it",
      lines: contacts(
        ["date: 2026-11-25", "channel: mail", "direction: out"],
        ["date: 2026-11-26", "channel: call", "direction: in"],
      ),
      today: "2026-12-20",
      at: [],
    },
    {
      name: "an answer on the day we wrote ends it",
      lines: contacts(
        ["date: 2026-11-25", "channel: mail", "direction: out"],
        ["date: 2026-11-25", "channel: mail", "direction: in"],
      ),
      today: "2026-12-20",
      at: [],
    },
    {
      name: "a visit is an answer",
      lines: contacts(["date: 2026-11-25", "channel: visit", "direction: out"]),
      today: "2026-12-20",
      at: [],
    },
    {
      name: "a new chase after the answer starts the clock again",
      lines: contacts(
        ["date: 2026-11-26", "channel: call", "direction: in"],
        ["date: 2026-11-30", "channel: mail", "direction: out"],
      ),
      today: "2026-12-07",
      at: ["9:5"],
      en: /since 30 Nov 2026.*"reminder"/,
    },
    { name: "an appointment ahead", lines: ["next_meeting:", "  date: 2026-12-20"], today: "2026-12-11", at: [] },
    { name: "a paused deal", lines: ["status: paused"], today: "2026-12-11", at: [] },
    {
      name: "the deal's own cascade, pointing at its step",
      lines: ["escalation:", "  - after_days: 3", "    step: question"],
      today: "2026-11-23",
      at: ["7:11"],
      en: /"one question"/,
    },
    {
      name: "the deal's own cascade, the day before",
      lines: ["escalation:", "  - after_days: 3", "    step: question"],
      today: "2026-11-22",
      at: [],
    },
    {
      name: "v2 escalation text leaves the configured cascade",
      lines: ["escalation:", "  - when: keine Antwort", "    then: Anruf"],
      today: "2026-11-27",
      at: ["1:8"],
    },
    {
      name: "the configured cascade",
      lines: [],
      today: "2026-11-22",
      config: {
        thresholds: { ...DEFAULT_CONFIG.thresholds, escalation: [{ afterDays: 2, step: "close" }] },
      },
      at: ["1:8"],
      en: /"close"/,
    },
  ],
  "deadlines-missed": [
    {
      name: "two missed, the third due today",
      lines: actions(["A", "due: 2026-11-21"], ["B", "due: 2026-11-22"], ["C", "due: 2026-11-23"]),
      today: "2026-11-23",
      at: [],
    },
    {
      name: "three missed the day after",
      lines: actions(["A", "due: 2026-11-21", "owner: Jonas Keller"], ["B", "due: 2026-11-22"], ["C", "due: 2026-11-23"]),
      today: "2026-11-24",
      at: ["6:3"],
      en: /^3 deadlines missed in 6 weeks \(3 ours, 0 the client's\)\.$/,
      de: /^3 Fristen in 6 Wochen gerissen \(3 bei uns, 0 beim Kunden\)\.$/,
      hint: /structured conversation/,
    },
    {
      name: "three missed, two days after",
      lines: actions(["A", "due: 2026-11-21"], ["B", "due: 2026-11-22"], ["C", "due: 2026-11-23"]),
      today: "2026-11-25",
      at: ["6:3"],
      en: /^3 deadlines missed in 6 weeks \(3 ours, 0 the client's\)\.$/,
      de: /^3 Fristen in 6 Wochen gerissen \(3 bei uns, 0 beim Kunden\)\.$/,
    },
    {
      name: "done late counts, done on time does not, and the client's side is named",
      lines: [
        "participants:",
        "  - name: Anna Schulz",
        "    company: Stadtwerke",
        ...actions(
          ["A", "due: 2026-11-21", "status: done", "done_on: 2026-11-22", "owner: Anna Schulz"],
          ["B", "due: 2026-11-21", "status: done", "done_on: 2026-11-21"],
          ["C", "due: 2026-11-22"],
          ["D", "due: 2026-11-22", "status: dropped"],
          ["E", "due: 2026-11-23"],
        ),
      ],
      today: "2026-11-24",
      at: ["9:3"],
      en: /3 deadlines missed in 6 weeks \(2 ours, 1 the client's\)/,
    },
    {
      name: "the oldest miss on the first day of the six weeks",
      lines: actions(["A", "due: 2026-10-12"], ["B", "due: 2026-10-20"], ["C", "due: 2026-10-21"]),
      today: "2026-11-23",
      at: ["6:3"],
    },
    {
      name: "the oldest miss a day before the six weeks",
      lines: actions(["A", "due: 2026-10-12"], ["B", "due: 2026-10-20"], ["C", "due: 2026-10-21"]),
      today: "2026-11-24",
      at: [],
    },
    {
      name: "configured: two in one week",
      lines: actions(["A", "due: 2026-11-21"], ["B", "due: 2026-11-22"]),
      today: "2026-11-23",
      config: { thresholds: { ...DEFAULT_CONFIG.thresholds, missedDeadlines: { count: 2, weeks: 1 } } },
      at: ["6:3"],
      en: /2 deadlines missed in 1 weeks/,
    },
  ],
  "kpi-missed": [
    ...["2026-11-29", "2026-11-30", "2026-12-01"].map((today, i) => ({
      name: `half on time, window ends 30.11.: ${["the last day of the window", "the day it ended", "the day after"][i]}`,
      lines: [
        "options:",
        "  - key: C",
        "    title: Exit nach Plan",
        "kpi:",
        "  goal: 0.9",
        "  window_days: 10",
        "  exit_option: C",
        ...actions(["A", "due: 2026-11-22", "status: done", "done_on: 2026-11-22"], ["B", "due: 2026-11-25"]),
      ],
      today,
      at: i === 0 ? [] : ["11:16"],
      en: /^Commitment missed: 50% of the 2 measures due were done on time by 29 Nov 2026; 90% was agreed\. Option C applies\.$/,
      de: /^Zusage verfehlt: 50 % der 2 fälligen Maßnahmen pünktlich bis 29\.11\.2026, vereinbart waren 90 %\. Es gilt Option C\.$/,
      hint: /agreed consequence/,
    })),
    {
      name: "goal met",
      lines: [
        "kpi:",
        "  goal: 0.5",
        "  window_days: 10",
        ...actions(["A", "due: 2026-11-22", "status: done", "done_on: 2026-11-22"], ["B", "due: 2026-11-25"]),
      ],
      today: "2026-12-01",
      at: [],
    },
    {
      name: "without an exit option, pointing at kpi",
      lines: ["kpi:", "  goal: 0.9", "  since: 2026-11-21", "  window_days: 2", ...actions(["A", "due: 2026-11-22"])],
      today: "2026-11-23",
      at: ["6:3"],
      en: /^Commitment missed: 0% of the 1 measures due were done on time by 22 Nov 2026; 90% was agreed\.$/,
    },
  ],
  "decision-due": [
    ...["2026-12-17", "2026-12-18", "2026-12-19"].map((today, i) => ({
      name: `by 18.12.: ${["the day before", "the day itself", "the day after"][i]}`,
      lines: ["abort_criteria:", "  - Drei verpasste Freigaben", "  - text: Keine Rückmeldung zum Angebot", "    by: 2026-12-18"],
      today,
      at: i < 2 ? [] : ["8:9"],
      en: /^Decision due since 18 Dec 2026: "Keine Rückmeldung zum Angebot" — continue or close cleanly\.$/,
      de: /^Entscheidung fällig seit 18\.12\.2026: „Keine Rückmeldung zum Angebot“ – weiterführen oder sauber beenden\.$/,
      hint: /`status: lost`/,
    })),
    {
      name: "a won deal",
      lines: ["status: won", "abort_criteria:", "  - text: x", "    by: 2026-12-18"],
      today: "2026-12-19",
      at: [],
    },
  ],
  "review-due": [
    ...["2026-12-17", "2026-12-18", "2026-12-19"].map((today, i) => ({
      name: `review 18.12.: ${["the day before", "the day itself", "the day after"][i]}`,
      lines: ["communication:", "  review: 2026-12-18"],
      today,
      at: i < 2 ? [] : ["6:11"],
      en: /^The review on 18 Dec 2026 has passed and no meeting or contact is recorded since\.$/,
      de: /^Die Review am 18\.12\.2026 ist vorbei/,
      hint: /contacts:/,
    })),
    {
      name: "a contact on the review day",
      lines: ["communication:", "  review: 2026-12-18", ...contacts(["date: 2026-12-18", "channel: call", "direction: out"])],
      today: "2026-12-19",
      at: [],
    },
    {
      name: "a contact the day before the review",
      lines: ["communication:", "  review: 2026-12-18", ...contacts(["date: 2026-12-17", "channel: call", "direction: out"])],
      today: "2026-12-19",
      at: ["6:11"],
    },
  ],
  "evasive-answers": [
    // The rule reads the contact log, not the clock: its boundary is the day the second evasive answer is logged.
    ...[
      ["2026-11-26", false],
      ["2026-11-27", true],
      ["2026-11-28", true],
    ].map(([today, logged], i) => ({
      name: `second evasive answer on 27.11.: ${["the day before (one logged)", "the day itself", "the day after"][i]}`,
      lines: contacts(
        ["date: 2026-11-24", "channel: call", "direction: in", "evasive: true"],
        ...(logged ? [["date: 2026-11-27", "channel: mail", "direction: in", "evasive: true"]] : []),
      ),
      today: today as string,
      at: logged ? ["10:5"] : [],
      en: /^The last two answers \(24 Nov 2026, 27 Nov 2026\) were evasive\.$/,
      de: /^Die letzten zwei Antworten \(24\.11\.2026, 27\.11\.2026\) waren ausweichend\.$/,
    })),
    {
      name: "two evasive answers in a row",
      lines: contacts(
        ["date: 2026-11-24", "channel: call", "direction: in", "evasive: true"],
        ["date: 2026-11-26", "channel: mail", "direction: out"],
        ["date: 2026-11-27", "channel: call", "direction: in", "evasive: true"],
      ),
      today: "2026-11-27",
      at: ["13:5"],
      en: /^The last two answers \(24 Nov 2026, 27 Nov 2026\) were evasive\.$/,
      de: /^Die letzten zwei Antworten \(24\.11\.2026, 27\.11\.2026\) waren ausweichend\.$/,
      hint: /clean no/,
    },
    {
      name: "a clear answer last",
      lines: contacts(
        ["date: 2026-11-24", "channel: call", "direction: in", "evasive: true"],
        ["date: 2026-11-27", "channel: call", "direction: in", "evasive: true"],
        ["date: 2026-11-28", "channel: call", "direction: in"],
      ),
      today: "2026-11-28",
      at: [],
    },
    {
      name: "one evasive answer",
      lines: contacts(["date: 2026-11-24", "channel: call", "direction: in", "evasive: true"]),
      today: "2026-11-28",
      at: [],
    },
    {
      name: "our own evasive-marked outbound contact does not count",
      lines: contacts(
        ["date: 2026-11-24", "channel: call", "direction: in", "evasive: true"],
        ["date: 2026-11-27", "channel: call", "direction: out", "evasive: true"],
      ),
      today: "2026-11-28",
      at: [],
    },
  ],
  "deal-stale": [
    {
      name: "a commit-like `updated` is no contact",
      lines: ["updated: 2026-12-20"],
      today: "2026-12-20",
      at: ["1:8"],
    },
    ...["2026-12-30", "2026-12-31", "2027-01-01"].map((today, i) => ({
      name: `a contact is: last contact 01.12., ${["29 days (the day before)", "30 days", "31 days"][i]}`,
      lines: contacts(["date: 2026-12-01", "channel: call", "direction: out"]),
      today,
      at: i === 0 ? [] : ["1:8"],
      en: new RegExp(`^No contact for ${29 + i} days and no next step: the deal is going stale\\.$`),
      de: new RegExp(`^Seit ${29 + i} Tagen kein Kontakt und kein nächster Schritt: der Deal schläft ein\\.$`),
      hint: /lost/,
    })),
    {
      name: "our own action done is no contact",
      lines: actions(["A", "owner: Jonas Keller", "status: done", "done_on: 2026-12-10"]),
      today: "2026-12-20",
      at: ["1:8"],
    },
    {
      name: "the client's action done is",
      lines: [
        "participants:",
        "  - name: Anna Schulz",
        ...actions(["A", "owner: Anna Schulz", "status: done", "done_on: 2026-12-10"]),
      ],
      today: "2026-12-20",
      at: [],
    },
  ],
  overdue: [
    {
      name: "a won deal's onboarding task, once overdue",
      lines: ["status: won", ...actions(["A", "owner: Anna Schulz", "due: 2026-11-22"])],
      today: "2026-11-23",
      at: ["9:10"],
    },
  ],
};

describe.each(Object.entries(TABLE))("%s", (code, cases) => {
  it.each(cases)("$name", async (c) => {
    const analysis = await analyseFiles({ "d.yaml": deal(...c.lines) }, { today: c.today, config: c.config });
    const result = analysis.deals[0];
    expect(result?.deal, JSON.stringify(result?.findings)).toBeDefined();
    const found = (result?.findings ?? []).filter((f) => f.code === code);
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(c.at);
    for (const f of found) {
      expect(f.severity).toBe("warning");
      const [en, de] = [wordFinding(f, "en"), wordFinding(f, "de")];
      if (c.en) expect(en.message).toMatch(c.en);
      if (c.de) expect(de.message).toMatch(c.de);
      if (c.hint) expect(en.hint).toMatch(c.hint);
      for (const text of [en.message, en.hint, de.message, de.hint]) expect(text).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
      expect(de.hint).not.toBe(en.hint);
    }
  });
});
