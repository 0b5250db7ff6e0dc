import MarkdownIt from "markdown-it";

/**
 * Markdown for deal text. Deal files are untrusted: raw HTML is off (it is shown as text), and markdown-it's
 * link validation drops `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs in every spelling.
 * Links get rel="noopener noreferrer"; images are not allowed at all, so a page never fetches anything a deal
 * names.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(["image"]);
// Stricter than markdown-it's default: only web, mail and phone links, or relative ones. Control characters
// and entities are already decoded here, so "jav&#x09;ascript:" arrives as what it is.
md.validateLink = (url: string) => {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return !scheme || ["http", "https", "mailto", "tel"].includes(scheme[1] as string);
};

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) token.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Block Markdown to HTML (safe to insert unescaped). */
export function renderMarkdown(text: string | undefined): string {
  return text ? md.render(text) : "";
}

/** One-line Markdown (list items, table cells) to HTML without the wrapping paragraph. */
export function renderInlineMarkdown(text: string | undefined): string {
  return text ? md.renderInline(text) : "";
}
