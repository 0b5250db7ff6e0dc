// The calendar files a build writes, read by ical.js and by a strict structural check of RFC 5545 written
// here: no calendar without a component, an ORGANIZER on every event, and no .ics (nor a link to one) for a
// deal with nothing to schedule.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const SLUGS = readdirSync(path.join(ROOT, "deals")).map((f) => f.replace(/\.yaml$/, ""));

/**
 * RFC 5545, strictly: CRLF line ends, content lines of at most 75 octets, BEGIN/END properly nested, VERSION
 * and PRODID once in the calendar, at least one component (§3.6), and in each VEVENT exactly one UID, DTSTAMP
 * and DTSTART, and (for METHOD:PUBLISH, RFC 5546 §3.2.1) one ORGANIZER with a mailto: address. Returns the
 * problems found, empty when the file is clean.
 */
function strictCalendarProblems(raw: string): string[] {
  const problems: string[] = [];
  if (!raw.endsWith("\r\n")) problems.push("does not end in CRLF");
  const physical = raw.slice(0, -2).split("\r\n");
  physical.forEach((line, i) => {
    if (line.includes("\n") || line.includes("\r")) problems.push(`line ${i + 1}: bare CR or LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${i + 1}: longer than 75 octets`);
  });
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ") || line.startsWith("\t")) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: { name: string; props: string[]; children: string[] }[] = [];
  let root: (typeof stack)[number] | undefined;
  for (const line of lines) {
    const name = /^([A-Za-z0-9-]+)[;:]/.exec(line)?.[1]?.toUpperCase();
    if (!name) {
      problems.push(`not a content line: ${line}`);
      continue;
    }
    const value = line.slice(line.indexOf(":") + 1);
    if (name === "BEGIN") {
      const component = { name: value, props: [], children: [] };
      stack.at(-1)?.children.push(value);
      stack.push(component);
      root ??= component;
      if (value === "VEVENT") continue;
    } else if (name === "END") {
      const open = stack.pop();
      if (open?.name !== value) problems.push(`END:${value} closes ${open?.name ?? "nothing"}`);
      if (open?.name === "VEVENT") {
        for (const required of ["UID", "DTSTAMP", "DTSTART", "ORGANIZER"]) {
          const count = open.props.filter((p) => p.split(/[;:]/)[0] === required).length;
          if (count !== 1) problems.push(`VEVENT with ${count} ${required}`);
        }
        const organizer = open.props.find((p) => p.startsWith("ORGANIZER"));
        if (organizer && !/:mailto:[^\s@]+@[^\s@]+$/i.test(organizer)) problems.push(`ORGANIZER without mailto: ${organizer}`);
      }
    } else {
      stack.at(-1)?.props.push(line);
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.map((s) => s.name).join(", ")}`);
  if (root?.name !== "VCALENDAR") problems.push("not a VCALENDAR");
  for (const required of ["VERSION", "PRODID"]) {
    if (root?.props.filter((p) => p.split(/[;:]/)[0] === required).length !== 1) problems.push(`no single ${required}`);
  }
  if (!root?.children.length) problems.push("a calendar without any component (RFC 5545 §3.6)");
  return problems;
}

function icalEvents(raw: string) {
  return new ICAL.Component(ICAL.parse(raw)).getAllSubcomponents("vevent");
}

describe("the example deals' calendars", () => {
  let files: string[];
  beforeAll(async () => {
    const cwd = await dealsDir(
      Object.fromEntries(SLUGS.map((slug) => [`${slug}.yaml`, readFileSync(path.join(ROOT, "deals", `${slug}.yaml`), "utf8")])),
    );
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const out = path.join(cwd, "_site");
    files = [
      path.join(out, "calendar.ics"),
      ...(await readdir(path.join(out, "deals"), { recursive: true }))
        .filter((f) => f.endsWith(".ics"))
        .map((f) => path.join(out, "deals", f)),
    ];
  }, 60_000);

  it("passes the strict structural check and ical.js, and both see the same events", () => {
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const raw = readFileSync(file, "utf8");
      expect(strictCalendarProblems(raw), file).toEqual([]);
      const events = icalEvents(raw);
      expect(events.length).toBe(raw.match(/^BEGIN:VEVENT\r$/gm)?.length);
    }
  });

  it("names the sender as ORGANIZER of every event, per ical.js", () => {
    const strom = files.find((f) => f.endsWith("stadtwerke-musterstadt-strom.ics")) as string;
    for (const file of files) {
      for (const event of icalEvents(readFileSync(file, "utf8"))) {
        expect(String(event.getFirstPropertyValue("organizer"))).toMatch(/^mailto:\S+@\S+$/);
      }
    }
    const [first] = icalEvents(readFileSync(strom, "utf8"));
    const organizer = first?.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:j.keller@nordlicht-energie.example");
    expect(organizer?.getParameter("cn")).toBe("Jonas Keller");
  });
});

describe("a deal with nothing to schedule", () => {
  it("gets no .ics file and no link to one, and a build of only such deals writes no empty feed", async () => {
    const cwd = await dealsDir({
      "erledigt.yaml": deal(
        "status: won",
        "actions:",
        "  - task: Vertrag gegenzeichnen",
        "    owner: Anna Schulz",
        "    due: 2026-11-25",
        "    status: done",
        "    done_on: 2026-11-24",
      ),
    });
    const first = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(first.code, first.stderr).toBe(0);
    const folder = path.join(cwd, "_site", "deals", "erledigt");
    expect(existsSync(path.join(folder, "erledigt.ics"))).toBe(false);
    expect(existsSync(path.join(folder, "erledigt.eml"))).toBe(true);
    expect(readFileSync(path.join(folder, "index.html"), "utf8")).not.toContain("erledigt.ics");
    expect(existsSync(path.join(cwd, "_site", "calendar.ics"))).toBe(false);

    // Once there is something to schedule, both appear; when it is gone again, both go.
    const withMeeting = deal("status: won", "next_meeting:", "  date: 2026-12-03", '  time: "10:00"');
    await writeFile(path.join(cwd, "deals", "erledigt.yaml"), withMeeting);
    const second = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(second.code, second.stderr).toBe(0);
    expect(strictCalendarProblems(readFileSync(path.join(folder, "erledigt.ics"), "utf8"))).toEqual([]);
    expect(strictCalendarProblems(readFileSync(path.join(cwd, "_site", "calendar.ics"), "utf8"))).toEqual([]);
    expect(readFileSync(path.join(folder, "index.html"), "utf8")).toContain('href="erledigt.ics"');
    await writeFile(path.join(cwd, "deals", "erledigt.yaml"), deal("status: won"));
    const third = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(third.code, third.stderr).toBe(0);
    expect(existsSync(path.join(folder, "erledigt.ics"))).toBe(false);
    expect(existsSync(path.join(cwd, "_site", "calendar.ics"))).toBe(false);
  }, 60_000);
});
