import { createRequire } from "node:module";

type YamlLibrary = typeof import("yaml");

const require = createRequire(import.meta.url);
let library: YamlLibrary | undefined;

/**
 * The `yaml` library, loaded the first time a file is parsed rather than when the program starts: a build whose
 * deals all come from the analysis cache parses nothing, and loading the parser cost each such run 20 ms. In
 * Node the package's `import` and `require` resolve to the same CommonJS build, so there is one instance (its
 * `isMap`, `visit` and node classes are the ones every parsed document was made with).
 */
export function yaml(): YamlLibrary {
  library ??= require("yaml") as YamlLibrary;
  return library;
}
