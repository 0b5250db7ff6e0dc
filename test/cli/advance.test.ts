// `protokoll advance`: the next meeting becomes the recorded one, in place, comments and formatting kept.
import { readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gitRepo } from "../helpers/git-repo.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

/** An example deal with comments of every kind: own lines, after values, after a key that opens a block. */
function commented(slug: string): string {
  return readFileSync(path.join(ROOT, "deals", `${slug}.yaml`), "utf8")
    .replace("\nparticipants:\n", "\n# Wer war dabei (Kommentar bleibt)\nparticipants:\n")
    .replace("\nactions:\n", "\nactions: # offen und erledigt\n")
    .replace(/\nmeeting:\n {2}date: (\S+)\n/, "\nmeeting:\n  date: $1 # der protokollierte Termin\n")
    .replace(/\ninternal:\n/, "\n\n# Nur intern\ninternal:\n");
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("protokoll advance", () => {
  it.each([
    ["stadtwerke-musterstadt-strom", "2026-11-20", "2026-12-01", "09:00", 4],
    ["kfz-rahmenvertrag-bergmann", "2026-11-12", "2026-12-08", "10:30", 1],
  ])("moves %s on to its next meeting, comments kept", async (slug, before, after, time, openActions) => {
    const repo = await gitRepo();
    cleanups.push(() => rm(repo.dir, { recursive: true, force: true }));
    const original = commented(slug);
    await repo.write(`deals/${slug}.yaml`, original);
    repo.commit("protocol");
    const result = await runCli(["advance", `deals/${slug}.yaml`], { cwd: repo.dir });
    expect(result.stderr).toContain(`the follow-up meeting on ${after} is now the recorded meeting`);
    expect(result.code).toBe(0);
    const text = await readFile(path.join(repo.dir, "deals", `${slug}.yaml`), "utf8");
    for (const comment of original.split("\n").filter((line) => line.includes("#"))) {
      // The comment on the old meeting date stays on the line, now after the new date.
      expect(text).toContain(
        comment.includes("der protokollierte Termin") ? `date: ${after} # der protokollierte Termin` : comment,
      );
    }
    const data = parse(text);
    expect(data.meeting.date).toBe(after);
    expect(data.meeting.time).toBe(time);
    expect(data.next_meeting).toBeUndefined();
    expect(data.protocol_sent).toBeUndefined();
    expect(data.summary).toBeUndefined();
    expect(data.decisions).toBeUndefined();
    expect(data.actions).toHaveLength(openActions);
    expect(data.actions.every((a: { status?: string }) => a.status === undefined || a.status === "open")).toBe(true);
    expect(data.participants).toEqual(parse(original).participants);
    expect(data.internal.lessons).toEqual(parse(original).internal.lessons);
    expect(before).toBe(parse(original).meeting.date);

    const diff = await runCli(["diff", "HEAD", "--format", "json"], { cwd: repo.dir });
    const deals = JSON.parse(diff.stdout).deals as { slug: string; changes: { type: string; from?: string; to?: string }[] }[];
    const changes = deals.find((d) => d.slug === slug)?.changes ?? [];
    expect(changes).toContainEqual(expect.objectContaining({ type: "meeting-recorded", from: before, to: after }));
    expect(changes.map((c) => c.type)).not.toContain("next-meeting-removed");
    const markdown = await runCli(["diff", "HEAD"], { cwd: repo.dir });
    // Worded in the deal's language, like its page.
    expect(markdown.stdout).toContain("Neuer Termin protokolliert");
  });

  it("refuses a deal without a next meeting, and leaves it alone", async () => {
    const repo = await gitRepo();
    cleanups.push(() => rm(repo.dir, { recursive: true, force: true }));
    const text = 'title: T\ncustomer: K\nmeeting:\n  date: 2026-11-20\nsummary: "x"\n';
    await repo.write("deals/t.yaml", text);
    const result = await runCli(["advance", "deals/t.yaml"], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("deals/t.yaml has no next meeting (`next_meeting.date`) to move on to.");
    expect(await readFile(path.join(repo.dir, "deals", "t.yaml"), "utf8")).toBe(text);
  });
});
