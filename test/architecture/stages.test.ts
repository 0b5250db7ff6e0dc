import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types, run by `npm run lint` as well
import { checkStages } from "../../scripts/check-stages.js";

const check = checkStages as (srcRoot: string) => string[];

function tree(files: Record<string, string>): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), "protokoll-stages-")), "src");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("the stage order of src/", () => {
  it("has no import from a later stage and no browser or Eleventy outside its stage", () => {
    expect(check(fileURLToPath(new URL("../../src", import.meta.url)))).toEqual([]);
  });

  it("reports a stage that imports a later one, also through a dynamic import", () => {
    const root = tree({
      "load/read.ts": 'import { page } from "../render/page.js";\nexport const x = page;\n',
      "validate/v.ts": 'export async function f() { return import("../pdf/print.js"); }\n',
      "render/page.ts": 'import { read } from "../load/read.js";\nexport const page = read;\n',
      "pdf/print.ts": "export const print = 1;\n",
    });
    expect(check(root)).toEqual([
      "src/load/read.ts: the load stage imports ../render/page.js from the later render stage",
      "src/validate/v.ts: the validate stage imports ../pdf/print.js from the later pdf stage",
    ]);
  });

  it("reports Puppeteer outside the PDF stage and Eleventy outside the render stage", () => {
    const root = tree({
      "cli/run.ts": 'import puppeteer from "puppeteer";\nimport Eleventy from "@11ty/eleventy";\n',
      "render/site.ts": 'import Eleventy from "@11ty/eleventy";\n',
    });
    expect(check(root)).toEqual([
      "src/cli/run.ts: only the pdf stage may import puppeteer",
      "src/cli/run.ts: only the render stage may import @11ty/eleventy",
    ]);
  });

  it("asks for a new folder to be placed in the table instead of letting it import anything", () => {
    const root = tree({ "widgets/w.ts": 'import { x } from "../cli/x.js";\n' });
    expect(check(root)).toEqual([
      "src/widgets/w.ts: src/widgets is not in the stage table of scripts/check-stages.js; add it to the layer it belongs to",
    ]);
  });
});
