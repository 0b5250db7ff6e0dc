// Compiles the JSON Schemas into standalone validators beside the compiled code (dist/validate/*.validator.cjs),
// run by `npm run compile` after tsc: a build then loads a validator in a few milliseconds instead of compiling
// the deal schema with Ajv (~200 ms, in every worker thread). src/validate/schemas.ts uses a file only when it
// was made from exactly the schema it finds, and compiles the schema itself otherwise.
import { writeFileSync } from "node:fs";
import { precompiledFile, standaloneValidator } from "../dist/validate/schemas.js";

for (const name of ["deal", "config"]) writeFileSync(precompiledFile(name), standaloneValidator(name));
