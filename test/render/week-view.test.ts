// "Diese Woche" on the index: which open actions count as this week's, who comes first, what each line says.
import { describe, expect, it } from "vitest";
import type { OwnerAction, OwnerPage } from "../../src/render/views/owner-view.js";
import { WEEK_OWNERS, weekView } from "../../src/render/views/week-view.js";
import type { PlainDate } from "../../src/time/plain-date.js";

function action(dueIso: string | undefined, overdue: boolean, task = `Aufgabe bis ${dueIso ?? "nie"}`): OwnerAction {
  const a: OwnerAction = { task, overdue, dealTitle: "Deal", dealUrl: "deals/d/", customer: "Kunde", findings: [] };
  if (dueIso) a.dueIso = dueIso as PlainDate;
  return a;
}

function owner(name: string, actions: OwnerAction[], nobody = false): OwnerPage {
  return { slug: name.toLowerCase(), name, nobody, actions, overdue: actions.filter((a) => a.overdue).length, followUps: [] };
}

describe("this week ends on the Sunday of today's ISO week", () => {
  // today → the last due date that still counts, the first that does not
  it.each([
    ["2026-11-23", "Montag", "2026-11-29", "2026-11-30"],
    ["2026-11-25", "Mittwoch", "2026-11-29", "2026-11-30"],
    ["2026-11-28", "Samstag", "2026-11-29", "2026-11-30"],
    ["2026-11-29", "Sonntag (the day itself)", "2026-11-29", "2026-11-30"],
    ["2026-12-28", "Montag, across the year", "2027-01-03", "2027-01-04"],
  ] as const)("today %s (%s): due %s counts, %s does not", (today, _day, last, after) => {
    const view = weekView([owner("Anna", [action(last, false)]), owner("Ben", [action(after, false)])], today as PlainDate, "de");
    expect(view.owners.map((o) => o.name)).toEqual(["Anna"]);
    expect(view.until).toContain(`${last.slice(8, 10)}.${last.slice(5, 7)}.${last.slice(0, 4)}`);
  });

  it("leaves out actions without a due date (they are a finding, not this week's work)", () => {
    const view = weekView([owner("Anna", [action(undefined, false)])], "2026-11-23" as PlainDate, "de");
    expect(view.owners).toEqual([]);
  });
});

describe("who comes first", () => {
  it("lists the actions nobody owns first, then by overdue count, then by due count, then by name", () => {
    const today = "2026-11-25" as PlainDate;
    const view = weekView(
      [
        owner("Carla", [action("2026-11-27", false), action("2026-11-28", false)]),
        owner("Anna", [action("2026-11-20", true)]),
        owner("Bert", [action("2026-11-20", true)]),
        owner("niemand benannt", [action("2026-11-27", false)], true),
        owner("Dora", [action("2026-11-10", true), action("2026-11-18", true)]),
      ],
      today,
      "de",
    );
    expect(view.owners.map((o) => o.name)).toEqual(["niemand benannt", "Dora", "Anna", "Bert", "Carla"]);
    expect(view.owners.find((o) => o.name === "Dora")).toMatchObject({ overdue: 2, due: 0 });
    expect(view.owners.find((o) => o.name === "Carla")).toMatchObject({ overdue: 0, due: 2 });
  });

  it(`shows ${WEEK_OWNERS} people and counts the rest`, () => {
    const people = Array.from({ length: WEEK_OWNERS + 3 }, (_, i) =>
      owner(`P${String(i).padStart(2, "0")}`, [action("2026-11-27", false)]),
    );
    const view = weekView(people, "2026-11-25" as PlainDate, "de");
    expect(view.owners).toHaveLength(WEEK_OWNERS);
    expect(view.morePeople).toBe(3);
  });
});

describe("each line", () => {
  it("says how late an overdue action is, and the weekday and date of one still to come, in the site's language", () => {
    const today = "2026-11-25" as PlainDate;
    const people = [
      owner("Anna", [action("2026-11-18", true, "Angebot schicken")]),
      owner("Ben", [action("2026-11-27", false, "Termin")]),
    ];
    const de = weekView(people, today, "de");
    expect(de.owners[0]?.items[0]).toMatchObject({ task: "Angebot schicken", when: "seit 7 Tagen", overdue: true });
    expect(de.owners[1]?.items[0]?.when).toMatch(/^Fr\S* 27\.11\.2026$/);
    const en = weekView(people, today, "en");
    expect(en.owners[0]?.items[0]?.when).toBe("7 days late");
    expect(en.owners[1]?.items[0]?.when).toMatch(/^Fri\S* 27 Nov 2026$/);
  });
});
