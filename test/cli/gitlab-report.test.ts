// `check --format gitlab`: a GitLab Code Quality report, validated against the subset of the Code Climate
// format GitLab reads; fingerprints unique within a report, identical on the next run (another day too),
// different when the finding changes; paths from the repository root.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

/** https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format — the fields GitLab requires. */
const CODE_QUALITY_SCHEMA = {
  type: "array",
  items: {
    type: "object",
    required: ["description", "check_name", "fingerprint", "severity", "location"],
    properties: {
      description: { type: "string", minLength: 1 },
      check_name: { type: "string", minLength: 1 },
      fingerprint: { type: "string", minLength: 1 },
      severity: { enum: ["info", "minor", "major", "critical", "blocker"] },
      location: {
        type: "object",
        required: ["path", "lines"],
        properties: {
          path: { type: "string", not: { pattern: "^(/|\\./|\\.\\./|[A-Za-z]:)" } },
          lines: { type: "object", required: ["begin"], properties: { begin: { type: "integer", minimum: 1 } } },
        },
      },
    },
  },
} as const;
const validate = new Ajv({ allErrors: true, strict: true }).compile(CODE_QUALITY_SCHEMA);

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const DEAL = (due: string) =>
  [
    "title: Rahmenvertrag",
    "customer: Test GmbH",
    "meeting:",
    "  date: 2026-11-20",
    "next_meeting:",
    "  date: 2026-12-20",
    "protocol_sent: 2026-11-20",
    "actions:",
    "  - task: Angebot schicken",
    "    owner: wir",
    `    due: ${due}`,
    "  - task: Angebot prüfen",
    "    owner: wir",
    "    due: 2026-12-15",
    "",
  ].join("\n");

async function report(cwd: string, today: string): Promise<Issue[]> {
  const result = await runCli(["check", "--format", "gitlab", "--today", today], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Issue[];
}

describe("check --format gitlab", () => {
  let root: string;
  let cwd: string;
  let first: Issue[];
  beforeAll(async () => {
    // The deals repository is a subfolder of the git repository: paths must start at the repository root.
    root = await dealsDir({});
    cwd = path.join(root, "vertrieb");
    await mkdir(path.join(cwd, "deals"), { recursive: true });
    await writeFile(path.join(cwd, "deals", "rahmen.yaml"), DEAL("2026-11-25"));
    execFileSync("git", ["init", "-q"], { cwd: root });
    first = await report(cwd, "2026-12-01");
  });

  it("validates against the Code Quality schema subset, with paths from the repository root", () => {
    expect(validate(first), JSON.stringify(validate.errors)).toBe(true);
    expect(first.map((i) => i.check_name).sort()).toEqual(["overdue", "vague-owner", "vague-owner"]);
    for (const issue of first) expect(issue.location.path).toBe("vertrieb/deals/rahmen.yaml");
    expect(first.find((i) => i.check_name === "overdue")).toMatchObject({
      severity: "minor",
      location: { lines: { begin: 11 } },
    });
  });

  it("puts the remedy (hint) into the description", () => {
    const overdue = first.find((i) => i.check_name === "overdue");
    expect(overdue?.description).toMatch(/^Action "Angebot schicken" was due .*\. .*`due:`/);
  });

  it("gives every finding its own fingerprint, even two identical `owner: wir` lines", () => {
    expect(new Set(first.map((i) => i.fingerprint)).size).toBe(first.length);
  });

  it("gives the same fingerprints on the next run, and on another day", async () => {
    expect((await report(cwd, "2026-12-01")).map((i) => i.fingerprint)).toEqual(first.map((i) => i.fingerprint));
    const later = await report(cwd, "2026-12-03");
    expect(later.find((i) => i.check_name === "overdue")?.fingerprint).toBe(
      first.find((i) => i.check_name === "overdue")?.fingerprint,
    );
  });

  it("changes the fingerprint when the finding changes, and only that one", async () => {
    await writeFile(path.join(cwd, "deals", "rahmen.yaml"), DEAL("2026-11-27"));
    const changed = await report(cwd, "2026-12-01");
    const before = new Map(first.map((i) => [i.check_name + i.location.lines.begin, i.fingerprint]));
    const overdue = changed.find((i) => i.check_name === "overdue");
    expect(overdue?.fingerprint).not.toBe(before.get("overdue11"));
    for (const issue of changed.filter((i) => i.check_name === "vague-owner"))
      expect(issue.fingerprint).toBe(before.get(`vague-owner${issue.location.lines.begin}`));
  });

  it("prints an empty array when there is nothing to report", async () => {
    const clean = await dealsDir({ "ok.yaml": DEAL("2026-12-24").replaceAll("owner: wir", "owner: Anna Schulz") });
    const result = await runCli(["check", "--format", "gitlab", "--today", "2026-12-01"], { cwd: clean });
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
