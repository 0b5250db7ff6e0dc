// Importing Eleventy 3 on Node 20 registered an ESM loader hook (its watch mode's cache buster) that ran in a
// thread of its own and slowed every later import of a build by ~0.1 s. protokoll turns it off before Eleventy's
// modules run (src/render/eleventy-setup.ts). A child process counts the calls of `module.register` (or `registerHooks`).
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/run-cli.js";

const probe = `
import module from "node:module";
let registered = 0;
// register on Node 20, registerHooks from Node 22.15 on.
for (const name of ["register", "registerHooks"]) {
  const original = module[name];
  if (typeof original === "function") module[name] = (...args) => (registered++, original.apply(module, args));
}
await import("./dist/render/render-pages.js");
await import("./dist/render/render-site.js");
console.log(registered);
`;

function registrations(env: Record<string, string | undefined>): number {
  const { ELEVENTY_SKIP_ESM_RESOLVER: _ours, ...rest } = process.env;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], {
    cwd: ROOT,
    env: { ...rest, ...env },
    encoding: "utf8",
  });
  return Number(out.trim());
}

describe("Eleventy's ESM loader hook", () => {
  it("is not registered when protokoll loads Eleventy", () => {
    expect(registrations({})).toBe(0);
  });

  it("would be, without the switch (so the check above can fail)", () => {
    // An empty value is left alone by protokoll and counts as unset for Eleventy.
    expect(registrations({ ELEVENTY_SKIP_ESM_RESOLVER: "" })).toBe(1);
  });
});
