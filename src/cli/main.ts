import { inspect, parseArgs } from "node:util";
import { ProtokollError } from "../errors.js";
import { logLines } from "../util/log-sink.js";
import { HELP, helpFor } from "./help.js";
import { cliLanguage } from "./options.js";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

const COMMON: OptionSpec = { help: { type: "boolean", short: "h" }, deals: { type: "string" } };

const COMMANDS: Record<string, { options: OptionSpec; positionals: [number, number] }> = {
  build: {
    options: {
      ...COMMON,
      out: { type: "string" },
      today: { type: "string" },
      "no-pdf": { type: "boolean" },
      concurrency: { type: "string" },
      audience: { type: "string" },
      at: { type: "string" },
    },
    positionals: [0, 0],
  },
  check: {
    options: { ...COMMON, today: { type: "string" }, format: { type: "string" }, strict: { type: "boolean" } },
    positionals: [0, 0],
  },
  new: { options: { ...COMMON, customer: { type: "string" }, date: { type: "string" } }, positionals: [1, 1] },
  diff: { options: { ...COMMON, format: { type: "string" } }, positionals: [1, 2] },
  serve: { options: { ...COMMON, port: { type: "string" } }, positionals: [0, 0] },
  init: {
    options: { help: { type: "boolean", short: "h" }, ci: { type: "string" }, lang: { type: "string" } },
    positionals: [0, 1],
  },
  doctor: { options: { help: { type: "boolean", short: "h" }, lang: { type: "string" } }, positionals: [0, 0] },
  review: {
    options: {
      ...COMMON,
      week: { type: "string" },
      format: { type: "string" },
      today: { type: "string" },
      lang: { type: "string" },
    },
    positionals: [0, 0],
  },
};

/** Runs the CLI; returns the exit code (0 ok, 1 error findings, 2 usage or internal failure). */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP.main);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    console.log((await import("./version.js")).VERSION);
    return 0;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    console.error(`protokoll: unknown command "${command}".\n\n${HELP.main}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true });
    if (values.help) {
      console.log(helpFor(command, cliLanguage((values as { lang?: string }).lang)));
      return 0;
    }
    const [min, max] = spec.positionals;
    if (positionals.length < min || positionals.length > max) {
      throw new ProtokollError(
        `"${command}" takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${positionals.length}.`,
        `See "protokoll ${command} --help".`,
      );
    }
    const flags = values as Record<string, string | boolean | undefined>;
    const str = (key: string) => flags[key] as string | undefined;
    // Every line a command prints passes the log-line guard: CI logs read commands from them.
    const log = (line: string) => console.error(logLines(line));
    const out = (line: string) => console.log(logLines(line));
    switch (command) {
      // Commands are imported when used: `check` never loads Eleventy, and startup time counts.
      case "check":
        return await (await import("./commands/check.js")).check({
          deals: str("deals"),
          today: str("today"),
          format: str("format"),
          strict: flags.strict === true,
        });
      case "build":
        return await (await import("./commands/build.js")).build(
          {
            deals: str("deals"),
            today: str("today"),
            out: str("out"),
            pdf: flags["no-pdf"] !== true,
            concurrency: str("concurrency"),
            audience: str("audience"),
            at: str("at"),
          },
          log,
        );
      case "new":
        return await (await import("./commands/new.js")).newDeal(
          { title: positionals[0] ?? "", customer: str("customer"), date: str("date"), deals: str("deals") },
          log,
        );
      case "diff":
        return await (await import("./commands/diff.js")).diff({
          base: positionals[0] ?? "",
          head: positionals[1],
          deals: str("deals"),
          format: str("format"),
        });
      case "init":
        return await (await import("./commands/init.js")).init(
          { dir: positionals[0], ci: str("ci"), lang: cliLanguage(str("lang")) },
          out,
        );
      case "doctor":
        return await (await import("./commands/doctor.js")).doctor({ lang: cliLanguage(str("lang")) }, out);
      case "review":
        return await (await import("./commands/review.js")).review({
          deals: str("deals"),
          today: str("today"),
          week: str("week"),
          format: str("format"),
          lang: str("lang"),
        });
      case "serve":
        return await (await import("./commands/serve.js")).serve({ port: str("port"), deals: str("deals") }, log);
      default:
        throw new ProtokollError(
          `"protokoll ${command}" is not available in this version yet.`,
          "See the README for the commands that are.",
        );
    }
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof ProtokollError) {
    console.error(logLines(`protokoll: ${error.message}${error.hint ? `\n  ${error.hint}` : ""}`));
    if (error.cause && process.env.PROTOKOLL_DEBUG) console.error(logLines(inspect(error.cause)));
    return 2;
  }
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(logLines(`protokoll: ${error.message}\n  See "protokoll <command> --help".`));
    return 2;
  }
  console.error("protokoll: internal error – please report it with the output below.");
  console.error(logLines(inspect(error)));
  return 2;
}
