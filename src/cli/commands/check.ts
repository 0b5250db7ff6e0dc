import type { Analysis } from "../../pipeline.js";
import { type CommonFlags, exitCodeFor } from "../context.js";
import { parseFormat } from "../options.js";
import { CHECK_FORMATS, CHECK_STAGES, type CheckRun } from "../stages/check-stages.js";
import { runStages } from "../stages/run-stages.js";

export interface CheckFlags extends CommonFlags {
  format?: string;
  strict?: boolean;
}

/** `protokoll check`: validate, compute findings, print them in the CLI's language; write nothing. */
export async function check(flags: CheckFlags): Promise<number> {
  const run: CheckRun = {
    flags,
    format: parseFormat(flags.format, CHECK_FORMATS),
    color: useColor(),
    write: (text) => process.stdout.write(text),
  };
  await runStages(CHECK_STAGES, run);
  return exitCodeFor(run.analysis as Analysis, flags.strict ?? false);
}

export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.CI !== "true";
}
