import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types, run by `npm run lint` as well
import { checkStages } from "../../scripts/check-stages.js";
import { tempDir } from "../helpers/temp-dir.js";

const check = checkStages as (srcRoot: string) => string[];
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = tempDir("protokoll-stages-");
  made.push(dir);
  const root = path.join(dir, "src");
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

  // The regular expression this check used to be let these through: a side-effect import has no `from`, and a
  // multi-line re-export or a type import in a type position looked like no import at all.
  it("counts side-effect imports, re-exports, type imports and require, and nothing in comments or strings", () => {
    const root = tree({
      "load/side-effect.ts": 'import "../pdf/print-pdfs.js";\n',
      "load/re-export.ts": 'export {\n  print,\n} from "../pdf/print.js";\nexport * from "../render/page.js";\n',
      "load/type-position.ts": 'export type P = import("../render/page.js").Page;\n',
      "load/require.ts": 'import fs = require("../export/fs.js");\nexport const f = fs;\n',
      "load/quiet.ts":
        '// import "../pdf/print.js";\nexport const text = \'import "../render/page.js"\';\n/* export * from "../cli/x.js"; */\n',
      "pdf/print.ts": "export const print = 1;\n",
      "pdf/print-pdfs.ts": "export {};\n",
      "render/page.ts": "export interface Page { x: number }\n",
      "export/fs.ts": "export const fs = 1;\n",
    });
    expect(check(root)).toEqual([
      "src/load/re-export.ts: the load stage imports ../pdf/print.js from the later pdf stage",
      "src/load/re-export.ts: the load stage imports ../render/page.js from the later render stage",
      "src/load/require.ts: the load stage imports ../export/fs.js from the later export stage",
      "src/load/side-effect.ts: the load stage imports ../pdf/print-pdfs.js from the later pdf stage",
      "src/load/type-position.ts: the load stage imports ../render/page.js from the later render stage",
    ]);
  });

  it("makes `npm run lint`'s stage check exit 1 on a side-effect import across stages", () => {
    const root = tree({ "load/read.ts": 'import "../pdf/print-pdfs.js";\n', "pdf/print-pdfs.ts": "export {};\n" });
    const script = fileURLToPath(new URL("../../scripts/check-stages.js", import.meta.url));
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [script, root], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain("src/load/read.ts: the load stage imports ../pdf/print-pdfs.js");
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
