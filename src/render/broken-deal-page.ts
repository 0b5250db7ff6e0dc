// `serve`: the page of a deal whose file broke while serving. Its old page said "passt auf eine Seite ✓" over
// content the file no longer has; this page stands in its place until the file reads again, and says what is
// wrong where (file:line:col), and how to fix it — the same words as `protokoll check`.
import { wordFinding } from "../errors.js";
import { say } from "../i18n/translate.js";
import type { DealResult } from "../pipeline.js";
import type { Language } from "../time/language.js";
import { escapeHtml } from "../util/escape-html.js";
import { inOut, outputLayout } from "../util/output-layout.js";
import { messages } from "./i18n.js";
import type { RenderedPage } from "./render-pages.js";

/** The stand-in page at the deal's address, listing the file's findings, errors first. */
export function brokenDealPage(result: DealResult, language: Language, outDir: string): RenderedPage {
  const t = messages(language);
  const root = "../../";
  const findings = [...result.findings].sort((a, b) => Number(b.severity === "error") - Number(a.severity === "error"));
  const items = findings.map((f) => {
    const { message, hint } = wordFinding(f, language);
    return `<li class="finding finding--${f.severity === "error" ? "error" : "warning"}" data-finding="${f.code}"><span class="finding__where">${escapeHtml(`${f.file}:${f.line}:${f.column}`)}</span> ${escapeHtml(message)}<br><span class="finding__hint">${escapeHtml(hint)}</span></li>`;
  });
  const title = say(language, { key: "brokenPageTitle", params: { file: result.file } });
  const content = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="protokoll">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body class="page-broken">
<main id="main">
<p><a href="${root}index.html">${escapeHtml(t.brokenPageBack)}</a></p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t.brokenPageIntro)}</p>
<ul class="findings">
${items.join("\n")}
</ul>
</main>
</body>
</html>
`;
  return { file: inOut(outDir, outputLayout.dealPage(result.slug)), content };
}
