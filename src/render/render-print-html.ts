import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";
import { LOGO_TYPES } from "../config/load-config.js";
import type { Deal } from "../model/deal.js";
import type { Analysis, DealResult } from "../pipeline.js";
import {
  type CompilingEnvironment,
  type NunjucksCompiler,
  nunjucksVersion,
  serveCompiledTemplates,
} from "./compiled-templates.js";
import { NUNJUCKS_OPTIONS, TEMPLATES_DIR } from "./package-templates.js";
import { printView } from "./print-view.js";

/** What the print stage needs for one deal: two self-contained HTML documents and the PDF metadata. */
export interface PrintDocument {
  slug: string;
  html: string;
  /**
   * The same protocol with smaller type and spacing, tried when `html` needs a second page. Rendered only
   * then: it follows from the same deal and templates as `html`, so `html` alone decides whether to reprint.
   */
  compactHtml: () => string;
  meta: {
    title: string;
    author: string;
    subject: string;
    keywords: string;
    language: string;
    date: string;
  };
}

const FONT_FILES = [
  ["latin", 400],
  ["latin", 600],
  ["latin", 700],
  ["latin-ext", 400],
  ["latin-ext", 600],
  ["latin-ext", 700],
] as const;

// Unicode ranges of the @fontsource subsets, so Chromium loads latin-ext only where a deal needs it.
const RANGES = {
  latin:
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  "latin-ext":
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
};

const require = createRequire(import.meta.url);
let fontCss: Promise<{ latin: string; all: string }> | undefined;

/** Characters only the latin-ext subset has (ő, ł, ș, …): German text never needs it. */
const LATIN_EXT = /[\u0100-\u024f\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff]/;

/**
 * @font-face rules with the shipped Source Sans 3 inlined as data: URIs (read once per process): the Latin
 * subset alone, and all of it. Every inlined font is parsed again for every PDF, so a deal only gets
 * Latin Extended when its text needs it.
 */
function fonts(): Promise<{ latin: string; all: string }> {
  fontCss ??= (async () => {
    const rules = await Promise.all(
      FONT_FILES.map(async ([subset, weight]) => {
        const file = require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${subset}-${weight}-normal.woff2`);
        const data = await readFile(file);
        return `@font-face{font-family:"Source Sans 3";font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data.toString("base64")}) format("woff2");unicode-range:${RANGES[subset]};}`;
      }),
    );
    return { latin: rules.slice(0, 3).join("\n"), all: rules.join("\n") };
  })();
  return fontCss;
}

let environment: nunjucks.Environment | undefined;

function templates(): nunjucks.Environment {
  if (!environment) {
    const dirs = [TEMPLATES_DIR, path.join(TEMPLATES_DIR, "_includes")];
    environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(dirs, { noCache: false }), { ...NUNJUCKS_OPTIONS });
    // The templates' code as the package was compiled with it, where it was (see compiled-templates.ts).
    serveCompiledTemplates(
      nunjucks as unknown as NunjucksCompiler,
      environment as unknown as CompilingEnvironment,
      dirs,
      nunjucksVersion(import.meta.url),
    );
  }
  return environment;
}

/**
 * Renders the print HTML of every valid deal, in memory. Only the deal, the templates, the configuration and
 * the tool decide its bytes — never today's date — so an unchanged deal gives an unchanged PDF.
 */
export async function renderPrintHtml(analysis: Analysis, only?: ReadonlySet<string>): Promise<PrintDocument[]> {
  const fontRules = await fonts();
  const logo = await logoDataUri(analysis.config.company.logo);
  const env = templates();
  return analysis.deals
    .filter((result): result is DealResult & { deal: Deal } => result.deal !== undefined && (!only || only.has(result.slug)))
    .map((result) => {
      const deal = result.deal;
      const p = printView(deal, analysis.config, result.readiness);
      const protocolTitle = `${p.t.protocol}: ${deal.title}`;
      // A draft says so in its title too: a viewer's title bar and a file manager show it before anyone opens it.
      const title = p.draft ? `${p.t.draftMark}: ${protocolTitle}` : protocolTitle;
      const context = { p, title, fontCss: LATIN_EXT.test(JSON.stringify(p)) ? fontRules.all : fontRules.latin, logo };
      const meta: PrintDocument["meta"] = {
        title,
        author: p.sender?.name ?? p.company ?? "",
        subject: `${deal.customer} – ${p.meeting.date}`,
        keywords: [deal.customer, deal.title].join(", "),
        language: deal.language,
        date: deal.asOf,
      };
      return {
        slug: deal.slug,
        html: env.render("print-document.njk", { ...context, compact: false }),
        compactHtml: () => env.render("print-document.njk", { ...context, compact: true }),
        meta,
      };
    });
}

async function logoDataUri(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  const type = LOGO_TYPES[path.extname(file).toLowerCase()];
  if (!type) return undefined;
  const data = await readFile(file);
  return `data:${type};base64,${data.toString("base64")}`;
}
