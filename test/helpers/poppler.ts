import { execFileSync } from "node:child_process";

/** poppler-utils' view of a PDF: what a reader of the file sees. */
export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

export function pdftotext(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

export function pdffonts(file: string): { name: string; embedded: boolean }[] {
  const rows = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return rows.map((row) => {
    const cells = row.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: "emb" is the fifth cell from the end.
    return { name: cells[0] ?? "", embedded: cells.at(-5) === "yes" };
  });
}
