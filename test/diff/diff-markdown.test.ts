// Regression: file names and deal text turned the `diff` job summary into a lie. A file named
// `0⏎⏎**No deal changes.** ✅⏎⏎<!--.yaml` made a fake line and commented out the real changes, `evil <img src=x>.yaml`
// put raw HTML in a heading, a backtick broke out of the code span, and bare URLs and @mentions stayed live.
// The summary is parsed by a real Markdown parser with raw HTML and linkify on: exactly the expected headings,
// no HTML, no links, no mentions, every name shown as the text it is.
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { codeSpan, markdownText } from "../../src/util/markdown-sink.js";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const ENV = { PROTOKOLL_TODAY: "2026-11-23" };
const FAKE_CLEAN = "0\n\n**No deal changes.** ✅\n\n<!--.yaml";
const IMG = "evil <img src=x>.yaml";
const TICKS = "back`tick ``x`` `.yaml";
const LIVE = "@octocat see https://evil.example/x, www.evil.example, mail@evil.example and #123";

const deal = (title: string, task: string) =>
  [
    `title: ${JSON.stringify(title)}`,
    "customer: Test GmbH",
    "meeting:",
    "  date: 2026-11-20",
    "actions:",
    `  - task: ${JSON.stringify(task)}`,
    "    owner: Anna Schulz",
    "    due: 2026-11-27",
    "",
  ].join("\n");

let summary = "";
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];
let tokens: Token[] = [];
const md = new MarkdownIt({ html: true, linkify: true });

/** Every token, children included. */
function flatten(list: Token[]): Token[] {
  return list.flatMap((t) => [t, ...flatten(t.children ?? [])]);
}

beforeAll(async () => {
  const repo = await gitRepo();
  await repo.write("deals/strom.yaml", deal("Liefervertrag Strom", "Projektplan schicken"));
  repo.commit("base");
  await repo.write("deals/strom.yaml", deal(`Strom ${LIVE}`, `Plan ${LIVE} \`code\` <b>x</b> [l](https://evil.example)`));
  for (const name of [FAKE_CLEAN, IMG, TICKS]) await repo.write(`deals/${name}`, deal("Echt", "Aufgabe"));
  repo.commit("hostile names");
  const result = await runCli(["diff", "HEAD~1", "HEAD"], { cwd: repo.dir, env: ENV });
  expect(result.code).toBe(0);
  summary = result.stdout;
  tokens = flatten(md.parse(summary, {}));
});

describe("the diff summary with hostile file names and deal text", () => {
  it("has exactly the expected headings: the title line and one per deal", () => {
    const headings = tokens.filter((t) => t.type === "heading_open").map((t) => t.tag);
    expect(headings).toEqual(["h3", "h4", "h4", "h4", "h4"]);
    // No paragraph or list outside the deals' sections pretends to be a verdict.
    expect(summary).not.toMatch(/^\*\*No deal changes/m);
    expect(tokens.filter((t) => t.type === "strong_open")).toHaveLength(0);
  });

  it("contains no raw HTML, no comment and no image", () => {
    const html = tokens.filter((t) => t.type === "html_block" || t.type === "html_inline" || t.type === "image");
    expect(html.map((t) => t.content)).toEqual([]);
    const rendered = md.render(summary);
    expect(rendered).not.toMatch(/<img|<!--|<b>/);
  });

  it("contains no link, not even a bare URL, domain or e-mail address", () => {
    expect(tokens.filter((t) => t.type === "link_open").map((t) => t.attrGet("href"))).toEqual([]);
  });

  it("contains no @mention and no #reference GitHub would link", () => {
    const text = tokens.filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content);
    expect(text.join(" ")).toContain("octocat");
    for (const piece of text) {
      expect(piece).not.toMatch(/@[A-Za-z0-9]/);
      expect(piece).not.toMatch(/#[0-9]/);
    }
  });

  it("shows every file name whole, as the text it is (a backtick cannot close its span)", () => {
    const code = tokens.filter((t) => t.type === "code_inline").map((t) => t.content);
    expect(code).toContain("deals/0  **No deal changes.** ✅  <!--.yaml");
    expect(code).toContain(`deals/${IMG}`);
    expect(code).toContain(`deals/${TICKS}`);
    expect(code).toContain("deals/strom.yaml");
  });

  it("shows deal text as written, on one line", () => {
    const rendered = md.render(summary);
    expect(rendered).toContain(
      "Strom @\u200doctocat see https://evil.example/x, www.evil.example, mail@\u200devil.example and #\u200d123",
    );
    expect(rendered).toContain("`code` &lt;b&gt;x&lt;/b&gt; [l](https://evil.example)");
  });
});

describe("the Markdown sink", () => {
  it.each([
    ["# heading", "\\#\u200d heading"],
    ["- item", "\\- item"],
    ["a\nb\r\nc\u2028d", "a b c d"],
    ["<!-- x", "\\<\\!\\-\\- x"],
    ["a & b", "a & b"],
    ["&lt;b&gt;", "&lt\\;b&gt\\;"],
    ["$$x$$ GH-1", "&#36;&#36;x&#36;&#36; GH\\-\u200d1"],
    ["\u001b[2J\u202eevil", "\\u001b\\[2J\\u202eevil"],
  ])("markdownText(%j) is %j", (input, output) => {
    expect(markdownText(input)).toBe(output);
  });

  it.each([
    ["plain", "`plain`"],
    ["a`b", "``a`b``"],
    ["`start", "`` `start ``"],
    ["x ``` y", "````x ``` y````"],
  ])("codeSpan(%j) is %j and reads back whole", (input, output) => {
    expect(codeSpan(input)).toBe(output);
    const inline = flatten(md.parse(codeSpan(input), {})).filter((t) => t.type === "code_inline");
    expect(inline.map((t) => t.content)).toEqual([input]);
  });
});
