// `check` is the pull-request check: it must start without loading what only `build` needs. A module hook in the
// spawned process records every module it resolves, by `import` and by `require` (the YAML parser and the
// validator are required when first needed).
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { BIN } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const HOOK = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.PROTOKOLL_TEST_IMPORT_LOG, result.url + "\\n");
  return result;
}`;

const REQUIRE_HOOK = `
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
const Module = createRequire(import.meta.url)("node:module");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  // A library's package.json is read for its version (the code fingerprint), not its code.
  if (file.startsWith("/") && !file.endsWith("/package.json")) appendFileSync(process.env.PROTOKOLL_TEST_IMPORT_LOG, pathToFileURL(file).href + "\\n");
  return file;
};`;

async function twoDeals(): Promise<string> {
  return dealsDir({ "a.yaml": deal(), "b.yaml": deal().replace("Testdeal", "Zweiter") });
}

async function modulesLoadedBy(
  args: string[],
  cwd?: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; urls: string[] }> {
  cwd ??= await twoDeals();
  const folder = tempDir("protokoll-imports-");
  const register = path.join(folder, "register.mjs");
  await writeFile(path.join(folder, "hook.mjs"), HOOK);
  await writeFile(
    register,
    `import { register } from "node:module";\nregister("./hook.mjs", import.meta.url);\nimport "./require-hook.mjs";\n`,
  );
  await writeFile(path.join(folder, "require-hook.mjs"), REQUIRE_HOOK);
  const log = path.join(folder, "imports.log");
  await writeFile(log, "");
  const run = spawnSync(process.execPath, ["--import", register, BIN, ...args], {
    cwd,
    env: { ...process.env, PROTOKOLL_TEST_IMPORT_LOG: log, PROTOKOLL_TODAY: "2026-11-23", CI: "true", ...env },
    encoding: "utf8",
  });
  return { status: run.status, urls: (await readFile(log, "utf8")).split("\n").filter(Boolean) };
}

describe("what check loads", () => {
  it("check never loads Eleventy, Nunjucks, Puppeteer or the render and PDF stages", async () => {
    const { status, urls } = await modulesLoadedBy(["check"]);
    expect(status).toBe(0);
    // The hook works: the pipeline and the YAML parser were seen.
    expect(urls.some((url) => url.endsWith("/dist/pipeline.js"))).toBe(true);
    expect(urls.some((url) => url.includes("/node_modules/yaml/"))).toBe(true);
    const heavy = urls.filter((url) =>
      /\/node_modules\/(@11ty|nunjucks|puppeteer|puppeteer-core|@puppeteer|markdown-it|nodemailer)\/|\/dist\/(render|pdf|export)\//.test(
        url,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it("the same hook sees build load them (so the check above can fail)", async () => {
    const { urls } = await modulesLoadedBy(["build", "--no-pdf"]);
    expect(urls.some((url) => url.includes("/node_modules/@11ty/eleventy/"))).toBe(true);
    expect(urls.some((url) => url.includes("/dist/render/"))).toBe(true);
  });

  it("a build whose deals and configuration are all known loads neither the YAML parser nor the validator", async () => {
    const cwd = await twoDeals();
    await writeFile(path.join(cwd, "protokoll.config.yaml"), "company:\n  name: Nordlicht Energie AG\nsite_language: en\n");
    const env = { XDG_CACHE_HOME: tempDir("protokoll-key-") };
    const first = await modulesLoadedBy(["build", "--no-pdf"], cwd, env);
    expect(first.urls.some((url) => url.includes("/node_modules/yaml/"))).toBe(true);
    expect(first.urls.some((url) => url.includes("/node_modules/ajv/"))).toBe(true);
    // The first build makes the machine key after reading the configuration: the second keeps it.
    await modulesLoadedBy(["build", "--no-pdf"], cwd, env);
    const again = await modulesLoadedBy(["build", "--no-pdf"], cwd, env);
    expect(again.status).toBe(0);
    expect(again.urls.some((url) => url.endsWith("/dist/pipeline.js"))).toBe(true);
    expect(again.urls.filter((url) => /\/node_modules\/(yaml|ajv)\//.test(url))).toEqual([]);
  });
});
