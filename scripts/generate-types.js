// Generates the TypeScript types of deal and config files from their JSON Schemas, the single source of
// truth. `npm run schema:types` rewrites src/validate/deal-file.generated.ts and src/config/config-file.generated.ts; a test fails when they are out of date.
import { readFile, writeFile } from "node:fs/promises";
import { compile } from "json-schema-to-typescript";

const BANNER = "// Generated from schema/*.schema.json by `npm run schema:types`. Do not edit.";

export async function generateTypes() {
  const out = {};
  for (const [schemaFile, target] of [
    ["schema/deal.schema.json", "src/validate/deal-file.generated.ts"],
    ["schema/config.schema.json", "src/config/config-file.generated.ts"],
  ]) {
    const schema = JSON.parse(await readFile(new URL(`../${schemaFile}`, import.meta.url), "utf8"));
    out[target] = await compile(schema, schema.title, {
      bannerComment: BANNER,
      additionalProperties: false,
      declareExternallyReferenced: true,
      strictIndexSignatures: true,
      format: true,
      ignoreMinAndMaxItems: true,
      style: { printWidth: 120 },
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [target, text] of Object.entries(await generateTypes())) {
    await writeFile(new URL(`../${target}`, import.meta.url), text);
    console.log(`wrote ${target}`);
  }
}
