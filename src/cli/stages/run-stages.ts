/**
 * A command as data: an ordered list of named stages, each a function of one context, run by one loop — the
 * way markdown-it runs its core rules. `protokoll check` and `protokoll build` are such lists
 * (src/cli/stages/check-stages.ts, src/cli/stages/build-stages.ts); the loop times every stage, so the bench
 * and `PROTOKOLL_TIMINGS=1` can say where a run spends its time.
 */
export interface Stage<C> {
  name: string;
  /** Runs only when this says so (default: always). */
  when?: (context: C) => boolean;
  run: (context: C) => Promise<void> | void;
}

export interface StageTiming {
  name: string;
  milliseconds: number;
}

/** Runs `stages` in order over `context`; `onTimed` hears how long each one took. */
export async function runStages<C>(
  stages: readonly Stage<C>[],
  context: C,
  onTimed: (timing: StageTiming) => void = timingsFromEnvironment,
): Promise<void> {
  for (const stage of stages) {
    if (stage.when && !stage.when(context)) continue;
    const started = performance.now();
    await stage.run(context);
    onTimed({ name: stage.name, milliseconds: performance.now() - started });
  }
}

/** With `PROTOKOLL_TIMINGS=1`, one line per stage on stderr: `protokoll: site 812 ms` and the process's peak RSS so far. */
function timingsFromEnvironment(timing: StageTiming): void {
  if (process.env.PROTOKOLL_TIMINGS !== "1") return;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(`protokoll: ${timing.name} ${Math.round(timing.milliseconds)} ms (peak ${peak} MB)\n`);
}
