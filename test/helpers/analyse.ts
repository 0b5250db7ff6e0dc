import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { type Finding, wordFinding } from "../../src/errors.js";
import { type Analysis, analyse } from "../../src/pipeline.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { tempDir } from "./temp-dir.js";

/** A fresh temp directory with `deals/` filled from `files` (name → content). */
export async function dealsDir(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = tempDir("protokoll-test-");
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, "deals", name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

/** Runs load → validate → model/findings over `files`, as `protokoll check` would. */
export async function analyseFiles(
  files: Record<string, string | Uint8Array>,
  options: { today?: string; config?: Partial<Config> } = {},
): Promise<Analysis> {
  const cwd = await dealsDir(files);
  return analyse({
    dealsDir: "deals",
    cwd,
    today: (options.today ?? "2026-11-23") as PlainDate,
    config: { ...DEFAULT_CONFIG, ...options.config },
  });
}

/** A minimal valid deal; `extra` lines are appended at the top level. */
export function deal(...extra: string[]): string {
  return ["title: Testdeal", "customer: Test GmbH", "meeting:", "  date: 2026-11-20", ...extra].join("\n") + "\n";
}

/** A finding's message and hint in English (or `language`); empty strings when there is no finding. */
export function en(f: Finding | undefined, language: "de" | "en" = "en"): { message: string; hint: string } {
  return f ? wordFinding(f, language) : { message: "", hint: "" };
}
