// The naive baseline the benchmark compares protokoll with: what a typical Eleventy site over deal files does.
// Deals are plain global data, one page per deal via `pagination: size: 1`, an Eleventy layout per page,
// dates and Markdown formatted by filters in the templates. Same deals, equivalent pages.
import markdownIt from "markdown-it";

const md = markdownIt({ html: false });

export default function (eleventyConfig) {
  eleventyConfig.addFilter("date", (iso) => (iso ? iso.split("-").reverse().join(".") : ""));
  eleventyConfig.addFilter("md", (text) => (text ? md.render(text) : ""));
  eleventyConfig.addFilter("mdInline", (text) => (text ? md.renderInline(text) : ""));
}

export const config = {
  dir: { input: "templates", includes: "_includes", data: "_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
