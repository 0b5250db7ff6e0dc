import path from "node:path";
import { inspect, parseArgs } from "node:util";
import { ProtokollError } from "../errors.js";
import { de } from "../i18n/catalogue.js";
import { phrase, plural, say, t } from "../i18n/translate.js";
import type { Language } from "../time/language.js";
import { CACHE_DIR_ENV } from "../util/cache-folder.js";
import { logLines } from "../util/log-sink.js";
import { didYouMean } from "../validate/did-you-mean.js";
import { resolveLanguage } from "./language.js";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; example?: string }>;

const COMMON: OptionSpec = {
  help: { type: "boolean", short: "h" },
  deals: { type: "string", example: "deals" },
  lang: { type: "string", example: "en" },
};

/** Where the caches and the lock live (src/util/cache-folder.ts): on the commands that use them. */
const CACHE: OptionSpec = { "cache-dir": { type: "string", example: "/tmp/protokoll-cache" } };

const COMMANDS: Record<string, { options: OptionSpec; positionals: [number, number] }> = {
  build: {
    options: {
      ...COMMON,
      ...CACHE,
      out: { type: "string", example: "_site" },
      today: { type: "string", example: "2026-11-23" },
      "no-pdf": { type: "boolean" },
      concurrency: { type: "string", example: "2" },
      audience: { type: "string", example: "client" },
      at: { type: "string", example: "HEAD~3" },
      shard: { type: "string", example: "1/4" },
    },
    positionals: [0, 0],
  },
  check: {
    options: {
      ...COMMON,
      ...CACHE,
      today: { type: "string", example: "2026-11-23" },
      format: { type: "string", example: "json" },
      strict: { type: "boolean" },
    },
    positionals: [0, 0],
  },
  new: {
    options: {
      ...COMMON,
      customer: { type: "string", example: '"Müller & Söhne GmbH"' },
      date: { type: "string", example: "2026-11-20" },
      language: { type: "string", example: "en" },
    },
    positionals: [1, 1],
  },
  diff: { options: { ...COMMON, format: { type: "string", example: "json" } }, positionals: [1, 2] },
  serve: { options: { ...COMMON, ...CACHE, port: { type: "string", example: "8081" } }, positionals: [0, 0] },
  init: {
    options: {
      help: COMMON.help as OptionSpec[string],
      lang: COMMON.lang as OptionSpec[string],
      ci: { type: "string", example: "gitlab" },
    },
    positionals: [0, 1],
  },
  advance: { options: { help: COMMON.help as OptionSpec[string], lang: COMMON.lang as OptionSpec[string] }, positionals: [1, 1] },
  doctor: { options: { help: COMMON.help as OptionSpec[string], lang: COMMON.lang as OptionSpec[string] }, positionals: [0, 0] },
  review: {
    options: {
      ...COMMON,
      ...CACHE,
      week: { type: "string", example: "2026-W48" },
      format: { type: "string", example: "html" },
      today: { type: "string", example: "2026-11-23" },
      "per-owner": { type: "boolean" },
      out: { type: "string", example: "weekly-mails" },
    },
    positionals: [0, 0],
  },
};

/** Runs the CLI; returns the exit code (0 ok, 1 error findings, 2 usage or internal failure). */
export async function run(argv: string[]): Promise<number> {
  silenceLibraryWarnings();
  let language: Language = "de";
  try {
    language = await resolveLanguage(langFlag(argv));
    return await runIn(argv, language);
  } catch (error) {
    return reportFailure(error, language);
  }
}

async function runIn(argv: string[], language: Language): Promise<number> {
  // `protokoll --lang en check`: a --lang in front of the command is read by langFlag; after it, it is an option.
  let first = 0;
  while (argv[first] === "--lang" || argv[first]?.startsWith("--lang=")) first += argv[first] === "--lang" ? 2 : 1;
  const [command, ...rest] = argv.slice(first);
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(t(language, "help.main"));
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    console.log((await import("./version.js")).VERSION);
    return 0;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    const names = Object.keys(COMMANDS);
    const guess = didYouMean(command, names);
    throw new ProtokollError(
      phrase("cli.unknownCommand", { command }),
      guess ? phrase("cli.didYouMeanCommand", { guess }) : phrase("cli.commandsList", { list: names.join(", ") }),
    );
  }
  const { values, positionals } = parseCommandLine(command, spec.options, rest);
  if (values.help) {
    console.log(helpOf(command, language));
    return 0;
  }
  const [min, max] = spec.positionals;
  if (positionals.length < min || positionals.length > max) {
    const got = positionals.length;
    const problem =
      max === 0
        ? phrase("cli.takesNone", { command, got, extra: positionals.map((p) => `"${p}"`).join(" ") })
        : min === max
          ? phrase("cli.takesExactly", { command, expected: plural(min, "n.argument"), got })
          : phrase("cli.takesRange", { command, min, max, got });
    throw new ProtokollError(problem, phrase("cli.seeHelp", { command }));
  }
  const flags = values as Record<string, string | boolean | undefined>;
  const str = (key: string) => flags[key] as string | undefined;
  // Every line a command prints passes the log-line guard: CI logs read commands from them.
  // `--cache-dir` wins over PROTOKOLL_CACHE_DIR: set for this run, every cache and the lock find it there.
  const cacheDir = str("cache-dir");
  if (cacheDir !== undefined) process.env[CACHE_DIR_ENV] = path.resolve(cacheDir);
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
        language,
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
          shard: str("shard"),
          language,
        },
        log,
      );
    case "new":
      return await (await import("./commands/new.js")).newDeal(
        {
          title: positionals[0] ?? "",
          customer: str("customer"),
          date: str("date"),
          deals: str("deals"),
          dealLanguage: str("language"),
          language,
        },
        log,
      );
    case "diff":
      return await (await import("./commands/diff.js")).diff({
        base: positionals[0] ?? "",
        head: positionals[1],
        deals: str("deals"),
        format: str("format"),
        language,
      });
    case "init":
      return await (await import("./commands/init.js")).init({ dir: positionals[0], ci: str("ci"), lang: language }, out);
    case "doctor":
      return await (await import("./commands/doctor.js")).doctor({ lang: language }, out);
    case "review":
      return await (await import("./commands/review.js")).review({
        deals: str("deals"),
        today: str("today"),
        week: str("week"),
        format: str("format"),
        perOwner: values["per-owner"] === true,
        out: str("out"),
        language,
      });
    case "advance":
      return await (await import("./commands/advance.js")).advance({ file: positionals[0] ?? "", language }, log);
    case "serve":
      return await (await import("./commands/serve.js")).serve({ port: str("port"), deals: str("deals"), language }, log);
    default:
      throw new ProtokollError(phrase("cli.notAvailable", { command }), phrase("cli.notAvailableHint"));
  }
}

/** The `--help` text of a command, from the catalogue (`help.<command>`). */
function helpOf(command: string, language: Language): string {
  const key = `help.${command}`;
  return Object.hasOwn(de, key) ? say(language, { key: key as keyof typeof de }) : t(language, "help.main");
}

/**
 * parseArgs without its English errors: unknown options get a "did you mean", options that need a value say
 * so with an example, and a boolean given a value is refused — all as usage errors in the CLI's language.
 */
function parseCommandLine(command: string, options: OptionSpec, args: string[]) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const names = Object.keys(options).map((name) => `--${name}`);
  const seeHelp = phrase("cli.seeHelp", { command });
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    const option = token.rawName;
    if (!spec) {
      const guess = didYouMean(`--${token.name}`, names);
      throw new ProtokollError(
        phrase("cli.unknownOption", { option, command }),
        guess ? phrase("cli.didYouMeanOption", { guess }) : phrase("cli.optionsList", { command, list: names.join(", ") }),
      );
    }
    if (spec.type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("--")))) {
      throw new ProtokollError(phrase("cli.optionNeedsValue", { option, example: spec.example ?? "…" }), seeHelp);
    }
    if (spec.type === "boolean" && token.inlineValue) {
      throw new ProtokollError(phrase("cli.optionTakesNoValue", { option }), phrase("cli.optionTakesNoValueHint", { option }));
    }
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** `--lang X` or `--lang=X` anywhere on the line: the language is known before the command is parsed. */
function langFlag(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") break;
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
    if (arg === "--lang") return argv[i + 1] ?? "";
  }
  return undefined;
}

/**
 * Node prints process warnings (a library's deprecation or `emitWarning`) to stderr by default; the author of a
 * deal can do nothing about them. They are shown only with PROTOKOLL_DEBUG set.
 */
function silenceLibraryWarnings(): void {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (process.env.PROTOKOLL_DEBUG) console.error(warning);
  });
}

function reportFailure(error: unknown, language: Language): number {
  if (error instanceof ProtokollError) {
    const hint = error.remedy ? `\n  ${say(language, error.remedy)}` : "";
    console.error(logLines(`protokoll: ${say(language, error.problem)}${hint}`));
    if (error.cause && process.env.PROTOKOLL_DEBUG) console.error(logLines(inspect(error.cause)));
    return 2;
  }
  console.error(`protokoll: ${t(language, "cli.internalError")}`);
  console.error(error);
  return 2;
}
