// GitLab's CI schema (its `ci.json`, app/assets/javascripts/editor/schema/ci.json in gitlab-org/gitlab) as the
// devDependency gitlab-ci-local bundles it: GitLab has no offline linter, and gitlab-ci-local validates with this
// schema. Its build inlines the JSON as an object literal into dist/index.js (its CLI needs Node 22, so it is not
// run): the literal is cut out with its braces balanced, evaluated in an empty context, and compiled with Ajv.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { Ajv, type ValidateFunction } from "ajv";

const MARKER = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';

export function gitlabCiSchema(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(path.join(path.dirname(require.resolve("gitlab-ci-local/package.json")), "dist/index.js"), "utf8");
  const start = bundle.indexOf(MARKER);
  if (start < 0) throw new Error("GitLab's CI schema is no longer where gitlab-ci-local 4.75 kept it");
  let depth = 0;
  let quote: string | undefined;
  let end = start;
  for (; end < bundle.length; end++) {
    const c = bundle[end];
    if (quote) {
      if (c === "\\") end++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) break;
  }
  return vm.runInNewContext(`(${bundle.slice(start, end + 1)})`, Object.create(null), { timeout: 2000 });
}

/** A validator for `.gitlab-ci.yml` as parsed YAML. */
export function gitlabCiValidator(): ValidateFunction {
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false }).compile(gitlabCiSchema());
}
