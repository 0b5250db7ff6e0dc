// Eleventy configuration: a table of contents. The logic lives in src/render/ (compiled to dist/ by `npm ci`).
// `protokoll build` passes the deals in; run on its own (`npx @11ty/eleventy`), the plugin analyses deals/.
import { protokollPlugin } from "./dist/render/eleventy-plugin.js";
import { standaloneSite } from "./dist/render/standalone-site.js";

/** @param {import("./dist/render/eleventy-plugin.js").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(protokollPlugin, { standalone: standaloneSite });
}

export const config = {
  dir: { input: "templates", includes: "_includes", output: "_site" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
