import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../config/load-config.js";
import { UNKNOWN_SENDER_ADDRESS } from "../../model/recap-parties.js";
import { findBrowser, INSTALL_BROWSER_COMMAND } from "../../pdf/browser.js";
import { cliMessages } from "../../render/i18n.js";
import type { Language } from "../../time/language.js";
import { VERSION } from "../version.js";

const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * `protokoll doctor`: what this machine has for a build — Node, protokoll (and where it is installed), the
 * browser that would print the PDFs (path, how it was found, its version), fonts, git and the configured mail
 * sender (missing: drafts come from a reserved placeholder address). Exit 0 when a build
 * can print PDFs, 2 when it cannot (as `build` would), with the one command that fixes it.
 */
export async function doctor(flags: { lang: Language }, print: (line: string) => void): Promise<number> {
  const m = cliMessages(flags.lang).doctor;
  const { config } = await loadConfig();
  const rows: [string, string][] = [];
  const fixes: string[] = [];

  const needed = (readJson(`${PACKAGE_ROOT}package.json`).engines as { node?: string } | undefined)?.node ?? ">=20.19";
  const nodeOk = nodeSatisfies(process.versions.node, needed);
  rows.push([m.node, `${process.version}${nodeOk ? "" : ` – ${m.nodeTooOld(needed)}`}`]);
  rows.push([m.protokoll, `${VERSION} (${PACKAGE_ROOT})`]);

  const search = findBrowser(config.browser ? { configured: config.browser } : {});
  if (search.found) {
    const version = await run(search.path, ["--version"]);
    rows.push([m.browser, `${search.path} – ${version ?? "?"} (${m.sources[search.source] ?? search.source})`]);
  } else {
    const named = search.explicit ? ` – ${m.missingNamed(search.explicit.path)} (${m.sources[search.explicit.source]})` : "";
    rows.push([m.browser, `${m.notFound}${named}`]);
    fixes.push(INSTALL_BROWSER_COMMAND);
  }

  const bundled = fontVersion();
  const fontList = await run("fc-list", [":", "family"]);
  const systemFonts = fontList ? new Set(fontList.split("\n").filter(Boolean)).size : 0;
  rows.push([m.fonts, m.fontsLine(`Source Sans 3${bundled ? ` ${bundled}` : ""}`, systemFonts)]);

  const git = await run("git", ["--version"]);
  rows.push([m.git, git ?? m.gitMissing]);
  // Not a reason to fail: mail drafts are still written, from a reserved address no server accepts.
  const sender = config.sender;
  rows.push([m.sender, sender?.email ? `${sender.name} <${sender.email}>` : m.senderMissing(UNKNOWN_SENDER_ADDRESS)]);

  print(m.title);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) print(`  ${label.padEnd(width)}  ${value}`);
  if (fixes.length > 0 || !nodeOk) {
    print(m.problems);
    for (const fix of fixes) print(`  ${m.fix} ${fix}`);
    return 2;
  }
  print(m.allGood);
  return 0;
}

/** First line of a program's output, or undefined if it cannot run (10 s at most). */
function run(file: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 10_000, encoding: "utf8" }, (error, stdout) => {
      if (error) resolve(undefined);
      else resolve(args[0] === ":" ? stdout : stdout.trim().split("\n")[0]);
    });
  });
}

/** The bundled font's version, wherever npm put the package (hoisted into the deals repository, usually). */
function fontVersion(): string | undefined {
  try {
    const file = createRequire(import.meta.url).resolve("@fontsource/source-sans-3/package.json");
    return readJson(file, true).version as string | undefined;
  } catch {
    return undefined;
  }
}

function readJson(file: string, optional = false): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    if (optional) return {};
    throw error;
  }
}

/** `>=20.19`-style ranges, the only kind package.json uses here. */
function nodeSatisfies(version: string, range: string): boolean {
  const want = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range);
  if (!want) return true;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const needMajor = Number(want[1]);
  const needMinor = Number(want[2] ?? 0);
  return major > needMajor || (major === needMajor && minor >= needMinor);
}
