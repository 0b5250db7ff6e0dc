// Regression: `build --audience client --out public` left `public/.protokoll/analysis-cache.json` with the
// internal notes; copied to a web server by hand, that published them. A client folder is now safe to publish as
// it is: the caches live in the cache folder (contract v3), and no file under --out, hidden or not, holds
// anything internal. And a recap not ready to send says ENTWURF on its client page, as its PDF does.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStateDir } from "../../src/util/cache-folder.js";
import { gitRepo } from "../helpers/git-repo.js";
import { pdftotext } from "../helpers/poppler.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const schema = JSON.parse(readFileSync(path.join(ROOT, "schema", "deal.schema.json"), "utf8")) as {
  properties: { internal: { properties: Record<string, { type?: string }> } };
};
/** Every field of `internal:`, from the schema: a field added later gets its canary too. */
const INTERNAL_FIELDS = Object.entries(schema.properties.internal.properties);
const canary = (field: string) => `GEHEIM${field.toUpperCase().replace(/[^A-Z]/g, "")}Q`;
/** Canaries of the team-only items outside `internal:`: a contact's note, internal risks and abort criteria. */
const TEAM_ONLY = { contact: "GEHEIMCONTACTQ", risk: "GEHEIMRISKQ", abort: "GEHEIMABORTQ" };
const CANARIES: [string, string][] = [
  ...INTERNAL_FIELDS.map(([field]): [string, string] => [`internal.${field}`, canary(field)]),
  ...Object.entries(TEAM_ONLY),
];

function dealText(title: string, owner: string): string {
  return [
    `title: ${title}`,
    "customer: Vogel GmbH",
    "meeting:",
    "  date: 2026-11-20",
    "participants:",
    "  - name: Anna Schulz",
    "    email: a.schulz@vogel.example",
    "actions:",
    "  - task: Angebot schicken",
    `    owner: ${owner}`,
    "    due: 2026-11-30",
    // Team-only things outside `internal:` (contract v3): each with its own canary. (Internal actions are
    // issue 33's, with their own canary test there.)
    "contacts:",
    "  - date: 2026-11-21",
    "    channel: call",
    "    direction: out",
    `    note: ${TEAM_ONLY.contact} angemahnt`,
    "risks:",
    "  - Lieferzeit",
    `  - text: ${TEAM_ONLY.risk} Budget wackelt`,
    "    internal: true",
    "abort_criteria:",
    `  - text: ${TEAM_ONLY.abort} ohne Rückmeldung`,
    "    by: 2026-12-18",
    "    internal: true",
    "next_meeting:",
    "  date: 2026-12-02",
    "internal:",
    ...INTERNAL_FIELDS.map(([field, spec]) =>
      spec.type === "array" ? `  ${field}:\n    - ${canary(field)} eins` : `  ${field}: ${canary(field)} Notiz`,
    ),
  ].join("\n");
}

/** Every file under `dir`, hidden ones and those in hidden folders too. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const textOf = (file: string) => (file.endsWith(".pdf") ? pdftotext(file) : readFileSync(file, "latin1"));

const made: string[] = [];
let cwd: string;
let cache: string;
const publicDir = () => path.join(cwd, "public");

beforeAll(async () => {
  const repo = await gitRepo();
  cwd = repo.dir;
  cache = tempDir("protokoll-cache-");
  made.push(cwd, cache);
  // One recap ready to send, one not (a vague owner): with history, so the team build has reviews and trends.
  await repo.write("deals/bereit.yaml", dealText("Bereiter Vertrag", "Anna Schulz"));
  await repo.write("deals/entwurf.yaml", dealText("Entwurfsvertrag", "wir"));
  repo.commit("two deals");
  const env = { PROTOKOLL_CACHE_DIR: cache };
  const own = await runCli(["build", "--no-pdf", "--today", "2026-11-23", "--out", "team"], { cwd, env });
  expect(own.code, own.stderr).toBe(0);
  // A team build into the same folder first, and what a build before contract v3 left in it.
  const team = await runCli(["build", "--today", "2026-11-23", "--out", "public"], { cwd, env });
  expect(team.code, team.stderr).toBe(0);
  await mkdir(path.join(publicDir(), ".protokoll"), { recursive: true });
  await writeFile(path.join(publicDir(), ".protokoll", "analysis-cache.json"), canary("notes"));
  const client = await runCli(["build", "--today", "2026-11-23", "--out", "public", "--audience", "client"], { cwd, env });
  expect(client.code, client.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe("a client build's output folder", () => {
  it("holds no file, hidden or not, with a canary of any internal field", () => {
    const files = everyFile(publicDir());
    expect(files.length).toBeGreaterThan(5);
    const leaks = files.flatMap((file) => {
      const text = textOf(file);
      return CANARIES.filter(([, bird]) => text.includes(bird)).map(([what]) => `${path.relative(cwd, file)}: ${what}`);
    });
    expect(leaks).toEqual([]);
  });

  it("the team build and the cache hold every canary (so the test above can fail)", () => {
    const team = [...everyFile(path.join(cwd, "team")), ...everyFile(cache)].map(textOf).join("\n");
    for (const [what, bird] of CANARIES) expect(team, what).toContain(bird);
  });

  it("holds no hidden file at all: the old .protokoll/ is gone, the caches are in the cache folder", () => {
    const hidden = everyFile(publicDir()).filter((file) =>
      path
        .relative(publicDir(), file)
        .split(path.sep)
        .some((part) => part.startsWith(".")),
    );
    expect(hidden).toEqual([]);
    expect(existsSync(path.join(publicDir(), ".protokoll"))).toBe(false);
    // The analysis with the internal notes exists, outside --out (so the test above can fail).
    const state = buildStateDir(cache, publicDir());
    expect(readFileSync(path.join(state, "analysis-cache.json"), "utf8")).toContain(canary("notes"));
  });

  it("marks a recap not ready to send as ENTWURF on its page, as its PDF does, and a ready one not", () => {
    const draft = readFileSync(path.join(publicDir(), "deals", "entwurf", "index.html"), "utf8");
    expect(draft).toContain('data-draft="true"');
    expect(draft).toContain("ENTWURF – nicht versenden");
    // What it lacks is the team's: not on the client page.
    expect(draft).not.toMatch(/vague-owner|Verantwortliche unklar|fehlt noch/i);
    expect(pdftotext(path.join(publicDir(), "deals", "entwurf", "entwurf.pdf"))).toContain("ENTWURF");
    const ready = readFileSync(path.join(publicDir(), "deals", "bereit", "index.html"), "utf8");
    expect(ready).not.toContain("ENTWURF");
    expect(ready).not.toContain("data-draft");
  });
});
