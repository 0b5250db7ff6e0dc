// The reference for `check`: read every deal file and parse it with `yaml` in one thread, with the options
// protokoll parses with (positions, strict YAML 1.2), and nothing else. Run as its own process, so its Node
// start-up is in the time as it is in `check`'s.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";

const [dealsDir] = process.argv.slice(2);
let documents = 0;
for (const name of readdirSync(dealsDir).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  const text = readFileSync(path.join(dealsDir, name), "utf8");
  const docs = parseAllDocuments(text, {
    lineCounter: new LineCounter(),
    prettyErrors: false,
    schema: "core",
    customTags: [],
    uniqueKeys: false,
    strict: true,
    version: "1.2",
    logLevel: "error",
  });
  documents += Array.isArray(docs) ? docs.length : 0;
}
console.log(JSON.stringify({ documents }));
