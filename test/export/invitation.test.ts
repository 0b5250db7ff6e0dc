// The next meeting as an invitation people can accept (iTIP, RFC 5546) and its cancel, read by two independent
// parsers (ical.js, Python's icalendar) from a real git history: METHOD, ORGANIZER, ATTENDEE, the stable UID and
// a SEQUENCE that rises across commits; CANCEL after the meeting is removed and after the deal is lost. The recap
// mail carries the invitation as an iMIP part (RFC 6047), read by mailparser and Python's strict policy.

import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { pythonIcs, pythonMail } from "../helpers/python-parsers.js";
import { runCli } from "../helpers/run-cli.js";

interface PyEvent {
  uid: string;
  sequence: number;
  status: string | null;
  start: string | null;
  organizer: { address: string; cn: string } | null;
  attendees: { address: string; cn: string; role: string; partstat: string; rsvp: string }[];
  description: string | null;
}

function pythonIcsOf(file: string) {
  const [entry] = pythonIcs<{ error: string | null; method: string; events: PyEvent[] }[]>(file);
  if (!entry) throw new Error(`icalendar read nothing from ${file}`);
  return entry;
}

/** The calendar as ical.js reads it: METHOD and the one event. */
function icalJs(file: string) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  const event = calendar.getFirstSubcomponent("vevent") as ICAL.Component;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: event.getFirstPropertyValue("status"),
    organizer: event.getFirstPropertyValue("organizer"),
    attendees: event.getAllProperties("attendee").map((p) => ({
      value: p.getFirstValue(),
      rsvp: p.getParameter("rsvp"),
      partstat: p.getParameter("partstat"),
    })),
  };
}

const CONFIG = ["sender:", "  name: Anna Schulz", "  email: a.schulz@nordlicht.example", "  company: Nordlicht Energie AG", ""];

function dealFile(next: { date: string; time: string } | null, status = "active"): string {
  return [
    "title: Liefervertrag",
    "customer: Beta AG",
    `status: ${status}`,
    ...(status === "lost" ? ["lost_reason: Preis zu hoch"] : []),
    "meeting:",
    "  date: 2026-11-20",
    "protocol_sent: 2026-11-21",
    "participants:",
    "  - name: Dr. Martin Hoffmann",
    "    company: Beta AG",
    "    email: m.hoffmann@beta.example",
    "  - name: Anna Schulz",
    "    company: Nordlicht Energie AG",
    "    email: a.schulz@nordlicht.example",
    "  - name: Jonas Keller",
    "    company: Nordlicht Energie AG",
    "    email: j.keller@nordlicht.example",
    "  - name: Vera Brandt",
    "    company: Beta AG",
    "actions:",
    "  - task: Angebot schicken",
    "    owner: Anna Schulz",
    "    due: 2026-12-04",
    ...(next ? ["next_meeting:", `  date: ${next.date}`, `  time: "${next.time}"`, "  place: Videokonferenz"] : []),
    "",
  ].join("\n");
}

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function repoWith(text: string) {
  const repo = await gitRepo();
  folders.push(repo.dir);
  await repo.write("protokoll.config.yaml", CONFIG.join("\n"));
  await repo.write("deals/beta.yaml", text);
  repo.commit("beta");
  return repo;
}

async function build(cwd: string): Promise<string> {
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code, result.stderr).toBeLessThan(2);
  return path.join(cwd, "_site", "deals", "beta");
}

describe("the invitation", () => {
  it("is a REQUEST from the sender to every participant with an address, read alike by ical.js and icalendar", async () => {
    const repo = await repoWith(dealFile({ date: "2026-12-10", time: "10:00" }));
    const dir = await build(repo.dir);
    const file = path.join(dir, "beta-invite.ics");
    expect(existsSync(path.join(dir, "beta-cancel.ics"))).toBe(false);
    const js = icalJs(file);
    expect(js).toMatchObject({ method: "REQUEST", uid: "beta-next@protokoll", sequence: 1, status: "CONFIRMED" });
    expect(js.organizer).toBe("mailto:a.schulz@nordlicht.example");
    expect(js.attendees).toEqual([
      { value: "mailto:m.hoffmann@beta.example", rsvp: "TRUE", partstat: "NEEDS-ACTION" },
      { value: "mailto:j.keller@nordlicht.example", rsvp: "FALSE", partstat: "NEEDS-ACTION" },
    ]);
    const py = pythonIcsOf(file);
    expect(py.error).toBeNull();
    expect(py.method).toBe("REQUEST");
    const [event] = py.events;
    expect(event).toMatchObject({ uid: "beta-next@protokoll", sequence: 1, status: "CONFIRMED" });
    expect(event?.organizer).toEqual({ address: "mailto:a.schulz@nordlicht.example", cn: "Anna Schulz" });
    expect(event?.attendees).toEqual([
      {
        address: "mailto:m.hoffmann@beta.example",
        cn: "Dr. Martin Hoffmann",
        role: "REQ-PARTICIPANT",
        partstat: "NEEDS-ACTION",
        rsvp: "TRUE",
      },
      {
        address: "mailto:j.keller@nordlicht.example",
        cn: "Jonas Keller",
        role: "OPT-PARTICIPANT",
        partstat: "NEEDS-ACTION",
        rsvp: "FALSE",
      },
    ]);
    // The team feeds stay PUBLISH, with the same UID.
    const feed = readFileSync(path.join(dir, "beta.ics"), "utf8");
    expect(feed).toContain("METHOD:PUBLISH");
    expect(feed).toContain("UID:beta-next@protokoll");
    expect(feed).not.toContain("ATTENDEE");
  });

  it("is an update when the meeting moves: same UID, SEQUENCE rising with each commit, never falling", async () => {
    const repo = await repoWith(dealFile({ date: "2026-12-10", time: "10:00" }));
    const sequences: number[] = [];
    const invite = async () => {
      const file = path.join(await build(repo.dir), "beta-invite.ics");
      const js = icalJs(file);
      const py = pythonIcsOf(file).events[0] as PyEvent;
      expect([js.uid, py.uid]).toEqual(["beta-next@protokoll", "beta-next@protokoll"]);
      expect(py.sequence).toBe(js.sequence);
      sequences.push(js.sequence);
      return py;
    };
    await invite();
    await repo.write("deals/beta.yaml", dealFile({ date: "2026-12-11", time: "14:00" }));
    repo.commit("moved");
    expect((await invite()).start).toBe("2026-12-11T13:00:00+00:00");
    // A commit that does not touch the meeting leaves its SEQUENCE alone.
    await repo.write("deals/beta.yaml", `${dealFile({ date: "2026-12-11", time: "14:00" })}risks:\n  - Budget\n`);
    repo.commit("risk");
    await invite();
    await repo.write("deals/beta.yaml", dealFile({ date: "2026-12-15", time: "09:00" }));
    repo.commit("moved again");
    await invite();
    expect(sequences).toEqual([1, 2, 2, 4]);
  });

  it("is cancelled when the meeting is removed: METHOD:CANCEL, same UID, a higher SEQUENCE, STATUS:CANCELLED", async () => {
    const repo = await repoWith(dealFile({ date: "2026-12-10", time: "10:00" }));
    await build(repo.dir);
    await repo.write("deals/beta.yaml", dealFile(null));
    repo.commit("no meeting");
    const dir = await build(repo.dir);
    expect(existsSync(path.join(dir, "beta-invite.ics"))).toBe(false);
    const file = path.join(dir, "beta-cancel.ics");
    expect(icalJs(file)).toMatchObject({ method: "CANCEL", uid: "beta-next@protokoll", sequence: 2, status: "CANCELLED" });
    const py = pythonIcsOf(file);
    expect(py.error).toBeNull();
    expect(py.method).toBe("CANCEL");
    expect(py.events[0]).toMatchObject({ uid: "beta-next@protokoll", sequence: 2, status: "CANCELLED" });
    expect(py.events[0]?.attendees.map((a) => a.address)).toContain("mailto:m.hoffmann@beta.example");
    // A new meeting after that is invited again, above the cancel.
    await repo.write("deals/beta.yaml", dealFile({ date: "2027-01-12", time: "10:00" }));
    repo.commit("new meeting");
    const again = await build(repo.dir);
    expect(existsSync(path.join(again, "beta-cancel.ics"))).toBe(false);
    expect(icalJs(path.join(again, "beta-invite.ics")).sequence).toBe(3);
  });

  it("is cancelled when the deal is lost, also while the file still lists the meeting", async () => {
    const repo = await repoWith(dealFile({ date: "2026-12-10", time: "10:00" }));
    await build(repo.dir);
    await repo.write("deals/beta.yaml", dealFile({ date: "2026-12-10", time: "10:00" }, "lost"));
    repo.commit("lost");
    const dir = await build(repo.dir);
    expect(existsSync(path.join(dir, "beta-invite.ics"))).toBe(false);
    const file = path.join(dir, "beta-cancel.ics");
    expect(icalJs(file)).toMatchObject({ method: "CANCEL", sequence: 2, status: "CANCELLED" });
    const py = pythonIcsOf(file);
    expect(py.error).toBeNull();
    expect(py.events[0]).toMatchObject({ sequence: 2, status: "CANCELLED", start: "2026-12-10T09:00:00+00:00" });
  });
});

describe("the recap mail with the invitation (iMIP)", () => {
  it("holds a text/calendar; method=REQUEST part beside the text and the file, read by mailparser and Python strict", async () => {
    const repo = await repoWith(dealFile({ date: "2026-12-10", time: "10:00" }));
    const dir = await build(repo.dir);
    const eml = path.join(dir, "beta.eml");
    const raw = readFileSync(eml);
    const text = raw.toString("latin1");
    expect(text).toMatch(/Content-Type: multipart\/alternative;/);
    expect(text).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    for (const line of text.slice(0, text.indexOf("\r\n\r\n")).split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    const mail = await simpleParser(raw);
    expect(mail.from?.value[0]?.address).toBe("a.schulz@nordlicht.example");
    const calendars = mail.attachments.filter((a) => a.contentType === "text/calendar" || a.contentType === "application/ics");
    expect(calendars.length).toBeGreaterThan(0);
    expect(calendars[0]?.content.toString("utf8")).toBe(readFileSync(path.join(dir, "beta-invite.ics"), "utf8"));
    const views = pythonMail(eml) as {
      policy: string;
      error: string | null;
      defects: string[];
      attachments: string[];
    }[];
    for (const view of views) {
      expect(view.error, view.policy).toBeNull();
      expect(view.defects, view.policy).toEqual([]);
      expect(view.attachments).toContain("beta-invite.ics");
    }
  });

  it("carries no invitation while the recap is not ready to send", async () => {
    const repo = await repoWith(dealFile({ date: "2026-12-10", time: "10:00" }).replace("    owner: Anna Schulz\n", ""));
    await writeFile(
      path.join(repo.dir, "protokoll.config.yaml"),
      [...CONFIG, "send_ready:", "  blocking: [missing-owner]", ""].join("\n"),
    );
    const dir = await build(repo.dir);
    const text = readFileSync(path.join(dir, "beta.eml"), "latin1");
    expect(text).toMatch(/^Subject: =\?UTF-8\?Q\?=5BENTWURF/m);
    expect(text).not.toContain("text/calendar");
    expect(text).not.toContain("invite.ics");
  });
});
