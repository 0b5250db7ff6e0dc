import type { Finding } from "../errors.js";
import type { Analysis } from "../pipeline.js";

/** The contract's finding shape: exactly these keys, in this order. */
export interface ReportFinding {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface ReportJson {
  today: string;
  deals: { slug: string; file: string; title: string | null; status: string | null; findings: ReportFinding[] }[];
  summary: { deals: number; errors: number; warnings: number };
}

export function toReportFinding(f: Finding): ReportFinding {
  return { code: f.code, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column };
}

/** report.json / `check --format json`, as fixed by the contract. */
export function reportJson(analysis: Analysis): ReportJson {
  return {
    today: analysis.today,
    deals: analysis.deals.map((d) => ({
      slug: d.slug,
      file: d.file,
      title: d.title,
      status: d.status,
      findings: d.findings.map(toReportFinding),
    })),
    summary: analysis.summary,
  };
}
