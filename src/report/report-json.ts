import { type Finding, wordFinding } from "../errors.js";
import type { Analysis } from "../pipeline.js";
import type { Language } from "../time/language.js";
import { type PathMapper, samePath } from "./repo-path.js";

/** The contract's finding shape: exactly these keys, in this order (`hint` added in v2). */
export interface ReportFinding {
  code: string;
  severity: string;
  message: string;
  hint: string;
  file: string;
  line: number;
  column: number;
}

export interface ReportJson {
  today: string;
  deals: {
    slug: string;
    file: string;
    title: string | null;
    status: string | null;
    /** The commit that last changed the file (v3: here and on the deal page, never in the PDF); absent outside git. */
    commit?: string;
    findings: ReportFinding[];
  }[];
  summary: { deals: number; errors: number; warnings: number };
}

export function toReportFinding(f: Finding, language: Language, path: PathMapper = samePath): ReportFinding {
  const { message, hint } = wordFinding(f, language);
  return { code: f.code, severity: f.severity, message, hint, file: path(f.file), line: f.line, column: f.column };
}

/** report.json / `check --format json`, as fixed by the contract; paths relative to the repository root. */
export function reportJson(analysis: Analysis, language: Language, path: PathMapper = samePath): ReportJson {
  return {
    today: analysis.today,
    deals: analysis.deals.map((d) => ({
      slug: d.slug,
      file: path(d.file),
      title: d.title,
      status: d.status,
      ...(d.deal?.git?.hash ? { commit: d.deal.git.hash } : {}),
      findings: d.findings.map((f) => toReportFinding(f, language, path)),
    })),
    summary: analysis.summary,
  };
}
