// What pdfminer.six (test/helpers/marked-content.py), an interpreter independent of ours and of pdf-lib, reads of
// each page's painted content: text, paths and images, each with the marked-content sequences it sits in.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const READER = fileURLToPath(new URL("marked-content.py", import.meta.url));

/** A Python with pdfminer: the one on PATH, else Debian's (python3-pdfminer installs there). */
const PYTHON = ["python3", "/usr/bin/python3"].find((python) => {
  try {
    execFileSync(python, ["-c", "import pdfminer.pdfinterp"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});

export interface PaintedRun {
  kind: "text" | "path" | "image";
  /** The enclosing marked-content tags, outermost first; empty outside any marked content. */
  tags: string[];
  /** The innermost MCID among them, or null. */
  mcid: number | null;
  text: string;
}

export function markedContent(file: string): { pages: PaintedRun[][]; unbalanced: number } {
  if (!PYTHON) throw new Error("pdfminer is not installed: apt-get install python3-pdfminer");
  return JSON.parse(execFileSync(PYTHON, [READER, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}
