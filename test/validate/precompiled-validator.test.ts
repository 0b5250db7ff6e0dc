// The schemas' validators come precompiled with the package (scripts/compile-validators.js, run by
// `npm run compile` and by the tests' global setup): the same verdicts and errors as Ajv compiling the schema
// now, and never used when made from another version of the schema.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compiledValidator, precompiledValidator, type SchemaName } from "../../src/validate/schemas.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const distSchemas = pathToFileURL(path.join(root, "dist/validate/schemas.js")).href;
const schemaText = (name: SchemaName) => readFileSync(path.join(root, "schema", `${name}.schema.json`), "utf8");
const precompiledCode = (name: SchemaName) => readFileSync(path.join(root, "dist/validate", `${name}.validator.cjs`), "utf8");

/** Every deal-shaped YAML file of the repository: the examples and each error fixture that parses. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function documents(): { file: string; data: unknown }[] {
  const files = [...yamlFiles(path.join(root, "deals")), ...yamlFiles(path.join(root, "test/fixtures"))];
  return files.flatMap((file) => {
    try {
      return [{ file, data: parse(readFileSync(file, "utf8"), { maxAliasCount: 100 }) as unknown }];
    } catch {
      return [];
    }
  });
}

/** What a finding is made of: where, which rule, its parameters, the rule's schema and the value. */
function comparable(errors: ErrorObject[] | null | undefined): unknown[] {
  return (errors ?? []).map((e) => [
    e.instancePath,
    e.schemaPath,
    e.keyword,
    e.params,
    e.message,
    e.schema,
    e.parentSchema,
    e.data,
  ]);
}

describe("precompiled schema validators", () => {
  it("the compiled package holds the validator of the schema as it is now", async () => {
    const { standaloneValidator } = (await import(distSchemas)) as typeof import("../../src/validate/schemas.js");
    for (const name of ["deal", "config"] as const) expect(precompiledCode(name)).toBe(standaloneValidator(name));
  });

  it("gives the verdict and errors Ajv gives when it compiles the schema now, for every example and fixture", () => {
    const text = schemaText("deal");
    const file = path.join(root, "dist/validate/deal.validator.cjs");
    const precompiled = precompiledValidator(precompiledCode("deal"), text, file);
    if (!precompiled) throw new Error("the package's deal validator does not match schema/deal.schema.json");
    const now = compiledValidator(text);
    const docs = documents();
    expect(docs.length).toBeGreaterThan(20);
    let invalid = 0;
    for (const { file: source, data } of docs) {
      const verdict = now(data);
      expect(precompiled(data), source).toBe(verdict);
      expect(comparable(precompiled.errors), source).toEqual(comparable(now.errors));
      if (!verdict) invalid++;
    }
    // The fixtures exercise the errors, not only valid files.
    expect(invalid).toBeGreaterThan(5);
  });

  it("checks our formats (date, email) like the compiled schema", () => {
    const text = schemaText("deal");
    const precompiled = precompiledValidator(precompiledCode("deal"), text, path.join(root, "dist/validate/deal.validator.cjs"));
    const now = compiledValidator(text);
    const deal = (date: string, email: string) => ({
      title: "T",
      customer: "C",
      meeting: { date },
      participants: [{ name: "A B", email }],
    });
    for (const [date, email] of [
      ["2026-02-30", "a@b.de"],
      ["2026-02-28", "a@b"],
      ["2026-02-28", "a@b.de"],
    ] as const) {
      expect(precompiled?.(deal(date, email))).toBe(now(deal(date, email)));
      expect(comparable(precompiled?.errors)).toEqual(comparable(now.errors));
    }
    expect(now(deal("2026-02-30", "a@b.de"))).toBe(false);
    expect(now(deal("2026-02-28", "a@b"))).toBe(false);
  });

  it("is not used when made from another version of the schema", () => {
    const changed = schemaText("deal").replace('"maxLength": 200', '"maxLength": 201');
    expect(changed).not.toBe(schemaText("deal"));
    expect(precompiledValidator(precompiledCode("deal"), changed, "/nowhere.cjs")).toBeUndefined();
    expect(precompiledValidator("module.exports = () => true;", schemaText("deal"), "/nowhere.cjs")).toBeUndefined();
  });
});
