// Compiles the package's Nunjucks templates (every include, and each page's body and permalink as Eleventy
// reads them from its front matter) into dist/render/templates.compiled.json, run by `npm run compile` after
// tsc, under the name placeholder. src/render/compiled-templates.ts uses a template's code only under the key of its
// source and of what the compiler reads of the environment it finds at run time, and compiles anything else itself.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  COMPILED_TEMPLATES,
  nunjucksVersion,
  TEMPLATE_NAME_PLACEHOLDER,
  templateKey,
} from "../dist/render/compiled-templates.js";
import { NUNJUCKS_OPTIONS, TEMPLATES_DIR } from "../dist/render/package-templates.js";

const eleventy = createRequire(import.meta.url).resolve("@11ty/eleventy");
// The front-matter reader and the compiler Eleventy itself uses.
const fromEleventy = createRequire(eleventy);
const matter = fromEleventy("gray-matter");
const nunjucks = fromEleventy("nunjucks");
const version = nunjucksVersion(eleventy);
const env = new nunjucks.Environment([], { ...NUNJUCKS_OPTIONS });

// The key names only what the compiler reads of an environment (the options, and filters and tags that occur in
// the source), so code compiled here serves Eleventy's environment and the print stage's alike.
const sources = new Map();
const add = (source) => {
  const key = templateKey(source, env, version);
  if (key !== undefined) sources.set(key, source);
};
for (const name of readdirSync(TEMPLATES_DIR, { recursive: true, encoding: "utf8" }).sort()) {
  if (!/\.(njk|css)$/.test(name)) continue;
  const text = readFileSync(path.join(TEMPLATES_DIR, name), "utf8");
  // Read by a loader (includes; the print stage reads every template that way): the whole file.
  add(text);
  if (!name.endsWith(".njk")) continue;
  // A page as Eleventy compiles it: the body after the front matter, and the permalink.
  const { content, data } = matter(text);
  add(content);
  if (typeof data.permalink === "string" && data.permalink !== "") add(data.permalink);
}

const code = Object.fromEntries(
  [...sources].map(([key, source]) => [
    key,
    nunjucks.compiler.compile(source, env.asyncFilters, env.extensionsList, TEMPLATE_NAME_PLACEHOLDER, env.opts),
  ]),
);
writeFileSync(COMPILED_TEMPLATES, `${JSON.stringify(code)}\n`);
