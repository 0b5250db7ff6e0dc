import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir } from "./temp-dir.js";

/** A real git repository whose every commit has a fixed author and committer date (noon UTC unless given). */
export async function datedRepo() {
  const dir = tempDir("protokoll-history-");
  const run = (env: Record<string, string>, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
  run({}, "init", "-q", "-b", "main");
  return {
    dir,
    async write(file: string, text: string) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    /** Commits everything at `when` (`2026-09-07` or a full ISO instant). */
    commit(message: string, when: string) {
      const stamp = when.length === 10 ? `${when}T12:00:00Z` : when;
      run({ GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp }, "add", "-A");
      run({ GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp }, "commit", "-q", "-m", message);
    },
    git: (...args: string[]) => run({}, ...args),
  };
}

interface ActionSpec {
  task: string;
  owner: string;
  due: string;
  done?: string;
}

function dealYaml(d: {
  title: string;
  customer: string;
  meeting: string;
  next?: string;
  actions: ActionSpec[];
  lessons?: string[];
  language?: "de" | "en";
}): string {
  const lines = [
    `title: ${d.title}`,
    `customer: ${d.customer}`,
    `language: ${d.language ?? "de"}`,
    "meeting:",
    `  date: ${d.meeting}`,
  ];
  lines.push("participants:", "  - name: Anna Schulz", "  - name: Ben Wolf");
  lines.push("actions:");
  for (const a of d.actions) {
    lines.push(`  - task: ${a.task}`, `    owner: ${a.owner}`, `    due: ${a.due}`);
    if (a.done) lines.push("    status: done", `    done_on: ${a.done}`);
  }
  if (d.next) lines.push("next_meeting:", `  date: ${d.next}`, '  time: "10:00"', "  duration: 30");
  lines.push(`protocol_sent: ${d.meeting}`);
  if (d.lessons?.length) lines.push("internal:", "  lessons:", ...d.lessons.map((l) => `    - ${l}`));
  return `${lines.join("\n")}\n`;
}

export const TODAY = "2026-11-30";

/**
 * Twelve weeks, 2026-W37 to W48, two deals, two owners. Every number the tests expect is worked out by hand
 * in test/history/weekly-measures.test.ts from exactly these commits.
 */
export async function twelveWeekRepo() {
  const repo = await datedRepo();
  const alpha = (actions: ActionSpec[], next?: string) =>
    repo.write(
      "deals/alpha.yaml",
      dealYaml({
        title: "Rahmenvertrag Alpha",
        customer: "Alpha GmbH",
        meeting: "2026-09-07",
        actions,
        ...(next ? { next } : {}),
      }),
    );
  const beta = (actions: ActionSpec[], extra: { meeting?: string; next?: string; lessons?: string[] } = {}) =>
    repo.write(
      "deals/beta.yaml",
      dealYaml({ title: "Liefervertrag Beta", customer: "Beta AG", meeting: extra.meeting ?? "2026-10-14", actions, ...extra }),
    );
  const a1 = { task: "Angebot schicken", owner: "Anna Schulz", due: "2026-09-11" };
  const a2 = { task: "Referenzen sammeln", owner: "Ben Wolf", due: "2026-09-18" };
  const b1 = { task: "Preisblatt prüfen", owner: "Anna Schulz", due: "2026-10-16" };
  const b2 = { task: "Muster liefern", owner: "Ben Wolf", due: "2026-10-23" };
  const b3 = { task: "Vertrag entwerfen", owner: "Anna Schulz", due: "2026-10-30" };
  const b4 = { task: "Unterschrift einholen", owner: "Anna Schulz", due: "2026-12-04" };

  await alpha([a1, a2], "2026-09-21");
  repo.commit("alpha: first meeting", "2026-09-07");
  await alpha([{ ...a1, done: "2026-09-10" }, a2], "2026-09-21");
  repo.commit("alpha: offer sent", "2026-09-10");
  await alpha(
    [
      { ...a1, done: "2026-09-10" },
      { ...a2, due: "2026-09-25" },
    ],
    "2026-09-21",
  );
  repo.commit("alpha: references later", "2026-09-17");
  const a2late = { ...a2, due: "2026-10-02" };
  await alpha([{ ...a1, done: "2026-09-10" }, a2late], "2026-09-21");
  repo.commit("alpha: references later again", "2026-09-24");
  await beta([b1, b2, b3], { next: "2026-10-28" });
  repo.commit("beta: first meeting", "2026-10-14");
  await alpha(
    [
      { ...a1, done: "2026-09-10" },
      { ...a2late, done: "2026-10-19" },
    ],
    "2026-09-21",
  );
  await beta([{ ...b1, done: "2026-10-19" }, b2, b3], { next: "2026-10-28" });
  repo.commit("late, but done", "2026-10-19");
  await beta([{ ...b1, done: "2026-10-19" }, { ...b2, done: "2026-10-22" }, b3], { next: "2026-10-28" });
  repo.commit("beta: samples delivered", "2026-10-22");
  await beta(
    [
      { ...b1, done: "2026-10-19" },
      { ...b2, done: "2026-10-22" },
      { ...b3, due: "2026-11-06" },
    ],
    { next: "2026-10-28" },
  );
  repo.commit("beta: contract a week later", "2026-11-02T09:00:00Z");
  await beta(
    [
      { ...b1, done: "2026-10-19" },
      { ...b2, done: "2026-10-22" },
      { ...b3, due: "2026-11-13" },
    ],
    { next: "2026-10-28" },
  );
  repo.commit("beta: contract another week later", "2026-11-02T15:00:00Z");
  const done = [
    { ...b1, done: "2026-10-19" },
    { ...b2, done: "2026-10-22" },
  ];
  const lesson = { meeting: "2026-11-16", next: "2026-12-03", lessons: ["Früh den Einkauf einbinden."] };
  await beta([...done, { ...b3, due: "2026-11-20" }], lesson);
  repo.commit("beta: second meeting", "2026-11-16");
  await beta([...done, { ...b3, due: "2026-11-20", done: "2026-11-24" }, b4], lesson);
  repo.commit("beta: contract drafted", "2026-11-25");
  return repo;
}
