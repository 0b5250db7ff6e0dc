// `ja`/`nein` where a boolean belongs: YAML 1.2 reads them as text, the hint says `true` or `false`.
import { createRequire } from "node:module";
import type { Ajv as AjvType } from "ajv";
import { describe, expect, it } from "vitest";
import { wordFinding } from "../../src/errors.js";
import { parseYaml } from "../../src/load/parse-yaml.js";
import { validateAgainstSchema } from "../../src/validate/validate-against-schema.js";

const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: new (o: object) => AjvType };
// The deal schema has no boolean key yet in every branch; the hint is the schema error's, whatever the key.
const validate = new Ajv({ allErrors: true, verbose: true }).compile({
  type: "object",
  properties: { evasive: { type: "boolean" } },
});

describe("yes/no booleans", () => {
  it.each([
    ["ja", "true"],
    ["nein", "false"],
    ["Yes", "true"],
  ])("`evasive: %s` gets the hint to write `%s`", (written, fix) => {
    const parsed = parseYaml("deals/d.yaml", `evasive: ${written}\n`);
    if (!parsed.source) throw new Error("no source");
    const { findings } = validateAgainstSchema(validate, parsed.data, parsed.source);
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(["1:10"]);
    const f = findings[0];
    if (!f) throw new Error("no finding");
    expect(wordFinding(f, "de").hint).toBe(
      `\`${fix}\` schreiben: YAML kennt für ja/nein nur \`true\` und \`false\`, „${written}“ ist Text.`,
    );
    expect(wordFinding(f, "en").hint).toBe(
      `Write \`${fix}\`: for yes/no YAML knows only \`true\` and \`false\`; "${written}" is text.`,
    );
  });
});
