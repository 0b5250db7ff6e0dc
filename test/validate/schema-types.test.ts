// The JSON Schema is the single source of truth: the TypeScript types are generated from it, and this test
// fails when someone edits one without regenerating the other (`npm run schema:types`).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateTypes } from "../../scripts/generate-types.js";
import { schemas } from "../../src/validate/schemas.js";

describe("schema and types", () => {
  it("the generated types match the schemas", async () => {
    for (const [target, text] of Object.entries(await generateTypes())) {
      const committed = await readFile(new URL(`../../${target}`, import.meta.url), "utf8");
      expect(committed, `${target} is out of date: run npm run schema:types`).toBe(text);
    }
  });

  it("documents every property in German and English", () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const schema = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) {
        const description = (child as { description?: string }).description ?? "";
        if (!description.includes(" / ") && !/^[a-z]+ \(Standard\)/.test(description)) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
        walk((child as { items?: unknown }).items, `${path}.${key}[]`);
      }
    };
    walk(schemas().dealSchema, "deal");
    expect(missing).toEqual([]);
  });
});
