import MarkdownIt from "markdown-it";

/**
 * Markdown for deal text. Deal files are untrusted: raw HTML is off (it is shown as text), and markdown-it's
 * link validation drops `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs in every spelling.
 * Links get rel="noopener noreferrer"; images are not allowed at all, so a page never fetches anything a deal
 * names.
 */
// `breaks: false`: a line break inside a paragraph (a YAML block scalar wraps long lines) stays soft, as in
// every Markdown renderer; a hard break needs two trailing spaces or a backslash.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.disable(["image"]);
// Stricter than markdown-it's default: only web, mail and phone links, or relative ones. Control characters
// and entities are already decoded here, so "jav&#x09;ascript:" arrives as what it is.
function allowedLink(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return !scheme || ["http", "https", "mailto", "tel"].includes(scheme[1] as string);
}
md.validateLink = allowedLink;

// For plain text every link is parsed as a link, so one with a forbidden scheme can be reduced to its label
// instead of staying behind as literal `[label](javascript:…)` that a mail client might turn into a link.
const textMd = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
textMd.disable(["image"]);
textMd.validateLink = () => true;

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

type Token = ReturnType<typeof textMd.parse>[number];

/**
 * Markdown to plain text for the mail body, from markdown-it's tokens (the same parse as the PDF): words
 * kept, markup dropped, soft breaks as spaces, lists as "- " or "1. " lines, paragraphs separated by a blank
 * line. A link keeps its label and shows its target in parentheses when that differs — only for the schemes
 * the pages allow (http, https, mailto, tel); a link with another scheme is reduced to its label.
 */
export function markdownToText(text: string | undefined): string {
  if (!text) return "";
  const blocks: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let prefix = "";
  for (const token of textMd.parse(text, {})) {
    switch (token.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: token.type === "ordered_list_open", next: Number(token.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const list = lists.at(-1);
        const marker = list?.ordered ? `${list.next++}. ` : "- ";
        prefix = `${"  ".repeat(Math.max(0, lists.length - 1))}${marker}`;
        break;
      }
      case "inline": {
        const line = inlineText(token.children ?? []);
        blocks.push(`${prefix}${line}`);
        prefix = "";
        break;
      }
      case "fence":
      case "code_block":
        blocks.push(token.content.replace(/\n$/, ""));
        break;
      default:
        break;
    }
  }
  // List items follow each other line by line; other blocks are separated by a blank line.
  return blocks.reduce((out, block, i) => {
    if (i === 0) return block;
    const tight = /^\s*(- |\d+\. )/.test(block) && /^\s*(- |\d+\. )/.test(blocks[i - 1] ?? "");
    return `${out}${tight ? "\n" : "\n\n"}${block}`;
  }, "");
}

/** One line of inline tokens as plain text. */
export function inlineMarkdownToText(text: string | undefined): string {
  if (!text) return "";
  return textMd
    .parseInline(text, {})
    .map((token) => inlineText(token.children ?? []))
    .join("");
}

function inlineText(children: readonly Token[]): string {
  let out = "";
  let href: string | undefined;
  let label = "";
  for (const child of children) {
    const piece =
      child.type === "text" || child.type === "code_inline"
        ? child.content
        : child.type === "softbreak"
          ? " "
          : child.type === "hardbreak"
            ? "\n"
            : "";
    if (child.type === "link_open") {
      href = String(child.attrGet("href") ?? "");
      label = "";
      continue;
    }
    if (child.type === "link_close") {
      const allowed = allowedLink(href ?? "") && !/^\s*$/.test(href ?? "");
      const target = allowed ? (href ?? "").replace(/^(mailto|tel):/i, "") : "";
      out += label === target || label === href || !target ? label : `${label} (${target})`;
      href = undefined;
      continue;
    }
    if (href !== undefined) label += piece;
    else out += piece;
  }
  return out;
}
