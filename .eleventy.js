// Eleventy configuration: a table of contents. The logic lives in src/render/ (compiled to dist/ by `npm ci`).
// `protokoll build` passes the deals in; run on its own (`npx @11ty/eleventy`), the plugin analyses deals/.
import { fileURLToPath } from "node:url";
import { protokollPlugin } from "./dist/render/eleventy-plugin.js";
import { packageTemplatesOnly } from "./dist/render/package-templates.js";
import { standaloneSite } from "./dist/render/standalone-site.js";

/** @param {import("./dist/render/eleventy-plugin.js").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  // Installed as a dependency, the templates live under node_modules/protokoll/: ignore rules of the deals
  // repository (.gitignore, .eleventyignore, Eleventy's default node_modules ignore) must not apply to them.
  packageTemplatesOnly(eleventyConfig);
  eleventyConfig.addPlugin(protokollPlugin, { standalone: standaloneSite });
}

export const config = {
  // The package's own templates, wherever the build runs (a deals repository is usually another folder).
  dir: { input: fileURLToPath(new URL("./templates", import.meta.url)), includes: "_includes" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
