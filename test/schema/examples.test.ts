// The example deals and the config schema checked with an independent JSON Schema validator (jsonschema), so
// the schema editors use is right on its own, not only as ajv reads it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "jsonschema";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/run-cli.js";

const schema = JSON.parse(readFileSync(path.join(ROOT, "schema", "deal.schema.json"), "utf8"));
const validator = new Validator();

const deals = readdirSync(path.join(ROOT, "deals"));

describe("independent schema validation", () => {
  it.each(deals)("%s validates", (file) => {
    const text = readFileSync(path.join(ROOT, "deals", file), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/deal.schema.json");
    const result = validator.validate(parse(text), schema);
    expect(result.errors.map((e) => e.stack)).toEqual([]);
  });

  it("rejects what ajv rejects: an unknown key and a wrong type", () => {
    const result = validator.validate(
      { title: "T", customer: "C", meeting: { date: "2026-11-20", duration: "30" }, ownr: "x" },
      schema,
    );
    expect(result.errors.map((e) => e.name).sort()).toEqual(["additionalProperties", "type"]);
  });

  it("the workflow parses and uses only commands that exist", () => {
    const workflow = parse(readFileSync(path.join(ROOT, ".github", "workflows", "protokoll.yml"), "utf8"));
    expect(Object.keys(workflow.on)).toContain("pull_request");
    expect(Object.keys(workflow.on)).not.toContain("pull_request_target");
    expect(workflow.permissions).toEqual({ contents: "read" });
    const runs: string[] = Object.values(workflow.jobs as Record<string, { steps: { run?: string }[] }>).flatMap((job) =>
      job.steps.flatMap((step) => (step.run ? [step.run] : [])),
    );
    const commands = new Set(["build", "check", "new", "diff", "serve"]);
    for (const run of runs) {
      const protokoll = /npx protokoll (\w+)/.exec(run);
      if (protokoll) expect(commands.has(protokoll[1] as string), run).toBe(true);
      const npm = /npm (ci|test|run \w+)/.exec(run);
      if (npm?.[1]?.startsWith("run ")) {
        const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
        expect(scripts[npm[1].slice(4)], run).toBeDefined();
      }
      expect(protokoll ?? npm, run).toBeTruthy();
    }
  });
});
