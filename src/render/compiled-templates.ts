// The package's Nunjucks templates, compiled once: when the package is built (scripts/compile-templates.js writes
// their code to dist/render/templates.compiled.json) and, for what that did not cover, once per process — not
// once per Eleventy run and environment. Compiling the site's templates took ~200 ms, paid by every build that
// rendered a page, by every Eleventy run of a big site, and by serve's start.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { sha256 } from "../util/sha256.js";

/** What a compiled template is: its root and block functions. */
export type TemplateProps = Record<string, unknown>;

/** The part of a Nunjucks environment compiling depends on. */
export interface CompilingEnvironment {
  asyncFilters: readonly string[];
  extensionsList: readonly { tags?: readonly string[]; preprocess?: unknown }[];
  opts: Record<string, unknown>;
  loaders: unknown[];
}

/** The part of the `nunjucks` module used here. */
export interface NunjucksCompiler {
  compiler: {
    compile(source: string, asyncFilters: readonly string[], extensions: readonly unknown[], name: string, opts: object): string;
  };
  Loader: new () => object;
}

/** Where `npm run compile` keeps the templates' code. */
export const COMPILED_TEMPLATES = new URL("./templates.compiled.json", import.meta.url);

/**
 * The name the package's code is compiled under. Compiled code carries its template's name for one purpose:
 * Nunjucks resolves an include of `./x` or `../x` against the including template. The name is put in when the
 * code is used.
 */
export const TEMPLATE_NAME_PLACEHOLDER = "\u0000protokoll-template-name\u0000";

/**
 * The key of a template's code: its source, the compiler's version and exactly what the compiler reads of the
 * environment — the async filters and extension tags whose names occur in the source (a name that does not occur
 * cannot change how the source compiles; Eleventy's environment has some, the print stage's none), and the
 * lexer's and compiler's options. Code is reused only under the same key. Undefined where code must not be
 * reused at all: an extension that rewrites sources before compiling.
 */
export function templateKey(
  source: string,
  env: Pick<CompilingEnvironment, "asyncFilters" | "extensionsList" | "opts">,
  version: string,
): string | undefined {
  if (env.extensionsList.some((extension) => extension.preprocess !== undefined)) return undefined;
  const occurring = (name: string) => source.includes(name);
  const asyncFilters = env.asyncFilters.filter(occurring);
  const tags = env.extensionsList.flatMap((extension) => extension.tags ?? []).filter(occurring);
  const { throwOnUndefined, trimBlocks, lstripBlocks, tags: delimiters } = env.opts;
  const options = [Boolean(throwOnUndefined), Boolean(trimBlocks), Boolean(lstripBlocks), delimiters ?? null];
  return sha256(JSON.stringify([version, source, asyncFilters, tags, options]));
}

/** The version of the `nunjucks` package that `from` (a module's path or URL) imports: part of every key. */
export function nunjucksVersion(from: string): string {
  const require = createRequire(from);
  return (require(require.resolve("nunjucks/package.json")) as { version: string }).version;
}

const compiledNow = new Map<string, TemplateProps>();
let packaged: Record<string, string> | null | undefined;
let compiledAtRunTime = 0;

/** How many templates this process compiled itself (none when the package's compiled code covered them). */
export function templatesCompiledAtRunTime(): number {
  return compiledAtRunTime;
}

/** The compiled template of `source` in `env`: the package's code for it, one this process made, or compiled now. */
export function templateProps(
  nunjucks: NunjucksCompiler,
  env: CompilingEnvironment,
  version: string,
  source: string,
  name: string,
): TemplateProps {
  const key = templateKey(source, env, version);
  if (key === undefined) return compile(nunjucks, env, source, name);
  let props = compiledNow.get(`${key}\0${name}`);
  if (!props) {
    const code = packagedCode()?.[key];
    props =
      code !== undefined
        ? // A function, not a string: `$&` or `$'` in a folder's name are no replacement patterns.
          run(code.replaceAll(QUOTED_PLACEHOLDER, () => JSON.stringify(name)))
        : compile(nunjucks, env, source, name);
    compiledNow.set(`${key}\0${name}`, props);
  }
  return props;
}

const QUOTED_PLACEHOLDER = JSON.stringify(TEMPLATE_NAME_PLACEHOLDER);

function compile(nunjucks: NunjucksCompiler, env: CompilingEnvironment, source: string, name: string): TemplateProps {
  compiledAtRunTime++;
  return run(nunjucks.compiler.compile(source, env.asyncFilters, env.extensionsList, name, env.opts));
}

/** The compiler's output, run the way Nunjucks runs it: a function body that returns the template's functions. */
function run(code: string): TemplateProps {
  return new Function(code)() as TemplateProps;
}

function packagedCode(): Record<string, string> | null {
  if (packaged === undefined) {
    try {
      packaged = JSON.parse(readFileSync(COMPILED_TEMPLATES, "utf8")) as Record<string, string>;
    } catch {
      // Not compiled (tests run the sources): each template is compiled when first used.
      packaged = null;
    }
  }
  return packaged;
}

/**
 * Puts a loader in front of `env`'s own that serves the package's templates below `dirs` compiled
 * ({@link templateProps}); any other name falls through to the environment's loaders, as before.
 */
export function serveCompiledTemplates(
  nunjucks: NunjucksCompiler,
  env: CompilingEnvironment,
  dirs: readonly string[],
  version: string,
): void {
  const roots = dirs.map((dir) => path.resolve(dir));
  const loader = Object.assign(Object.create(nunjucks.Loader.prototype) as object, {
    cache: {},
    // Eleventy's watch mode (a bare `npx @11ty/eleventy --serve`) looks a changed file up here in every loader.
    pathsToNames: {},
    getSource(name: string) {
      for (const root of roots) {
        const file = path.resolve(root, name);
        if (!file.startsWith(`${root}${path.sep}`)) continue;
        let source: string;
        try {
          source = readFileSync(file, "utf8");
        } catch {
          continue;
        }
        return { src: { type: "code", obj: templateProps(nunjucks, env, version, source, file) }, path: file, noCache: false };
      }
      return null;
    },
  });
  env.loaders.unshift(loader);
}
