// The import rule of the house: data flows one way, so a stage imports only stages listed before it in STAGES.
// Folders on one line are one layer and may import each other. Also: only the PDF stage knows a browser, only
// the render stage knows Eleventy. Run by `npm run lint` and by test/architecture/stages.test.ts.
//
// A new folder in src/ must be added here, in the layer where it belongs: the check fails until it is.
//
// Imports are read by TypeScript's own parser (the `imports` of each parsed source file), not by a regular
// expression: every form counts — `import … from`, side-effect `import "…"`, `export … from`, `import x =
// require("…")`, `import("…")` with a literal and `import("…").Type` — and nothing inside comments or strings does.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { API } from "typescript/unstable/sync";

/** Lowest first. `pipeline` is src/pipeline.ts (the analysis), `index` is src/index.ts. */
export const STAGES = [
  ["errors", "util", "time", "i18n"], // vocabulary every stage shares: error codes, plain dates, strings
  ["load"], // find and read deal files, parse YAML with positions, git facts
  ["validate"], // JSON Schema and cross-key rules
  ["config"], // protokoll.config.yaml (read and validated like a deal)
  ["model"], // the plain-date deal model
  ["findings"], // one rule per file
  ["history"], // the deals over time, from git
  ["pipeline"], // analyse: load → validate → model and findings
  ["render"], // Eleventy + Nunjucks: site pages and the print HTML
  ["pdf"], // Puppeteer: the only stage that knows a browser
  ["export"], // .ics and .eml
  ["report"], // report.json, text, GitHub and GitLab formats
  ["diff"], // what changed between two revisions
  ["cli", "index"], // commands: parse flags, take the lock, run the pipeline
];

/** Packages only one stage may import. */
export const PACKAGE_OWNERS = {
  puppeteer: "pdf",
  "puppeteer-core": "pdf",
  "@puppeteer/browsers": "pdf",
  "@11ty/eleventy": "render",
};

/** The stage a file of src/ belongs to: its top folder, or its name for a file directly in src/. */
function stageOf(srcRoot, file) {
  const [first, ...rest] = path.relative(srcRoot, file).split(path.sep);
  return rest.length === 0 ? String(first).replace(/\.ts$/, "") : String(first);
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The module specifiers of every import form in each file, as TypeScript parses them, in source order. */
function importsOf(files) {
  const api = new API({ cwd: process.cwd() });
  try {
    const snapshot = api.updateSnapshot({ openFiles: files });
    return new Map(
      files.map((file) => {
        const source = snapshot.getDefaultProjectForFile(file)?.program.getSourceFile(file);
        if (!source) throw new Error(`TypeScript could not parse ${file}`);
        return [file, source.imports.map((literal) => literal.text)];
      }),
    );
  } finally {
    api.close();
  }
}

/** Every violation of the import rule under `srcRoot`, as readable lines. */
export function checkStages(srcRoot) {
  const layer = new Map(STAGES.flatMap((names, index) => names.map((name) => [name, index])));
  const problems = [];
  const files = sourceFiles(srcRoot);
  const imports = importsOf(files);
  for (const file of files) {
    const from = stageOf(srcRoot, file);
    const rel = path.relative(path.dirname(srcRoot), file);
    if (!layer.has(from)) {
      problems.push(
        `${rel}: src/${from} is not in the stage table of scripts/check-stages.js; add it to the layer it belongs to`,
      );
      continue;
    }
    for (const specifier of imports.get(file) ?? []) {
      if (specifier.startsWith(".")) {
        const target = path.resolve(path.dirname(file), specifier);
        const to = stageOf(srcRoot, target);
        if (!layer.has(to) || to === from) continue;
        if ((layer.get(to) ?? 0) > (layer.get(from) ?? 0)) {
          problems.push(`${rel}: the ${from} stage imports ${specifier} from the later ${to} stage`);
        }
        continue;
      }
      const pkg = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
      const owner = PACKAGE_OWNERS[pkg];
      if (owner && owner !== from) problems.push(`${rel}: only the ${owner} stage may import ${pkg}`);
    }
  }
  return problems;
}

// `node scripts/check-stages.js [src-folder]`: src/ of this repository unless a folder is given.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const srcRoot = process.argv[2] ? path.resolve(process.argv[2]) : fileURLToPath(new URL("../src", import.meta.url));
  const problems = checkStages(srcRoot);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`${problems.length} import(s) against the stage order; see scripts/check-stages.js`);
    process.exitCode = 1;
  }
}
